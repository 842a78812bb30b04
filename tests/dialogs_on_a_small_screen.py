"""Run by tests/test_dialog_sizes.py in its own process, on an 800×600 offscreen screen.

Opens every dialog of the window over the sample data and prints, as JSON, each
one's frame on the screen and every label or button whose text does not fit.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QScrollArea


def settle(app: QApplication, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def cut_texts(dialog: QDialog) -> list[str]:
    """Texts shown shorter than they are: a one-line label or button narrower than its text,
    or a wrapped label shorter than its lines."""
    cut = []
    for label in dialog.findChildren(QLabel):
        if not label.isVisibleTo(dialog) or not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if label.wordWrap():
            if label.height() + 1 < label.heightForWidth(label.width()):
                cut.append(f"{label.text()[:40]!r} is {label.height()} px tall of {label.heightForWidth(label.width())}")
        elif label.width() + 1 < label.minimumSizeHint().width():
            cut.append(f"{label.text()[:40]!r} is {label.width()} px wide of {label.minimumSizeHint().width()}")
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisibleTo(dialog) and button.text() and button.width() + 1 < button.minimumSizeHint().width():
            cut.append(f"button {button.text()!r} is {button.width()} px wide of {button.minimumSizeHint().width()}")
    return cut


def main() -> int:
    from journal.core.about_you import AboutYou
    from journal.core.day import DayEntry
    from journal.core.pacing_plan import plan_overview
    from journal.core.redflags import red_flags_in
    from journal.core.reminders import ReminderSettings
    from journal.core.sample_data import sample_days
    from journal.storage.backup import BackupInfo
    from journal.storage.journal import Journal
    from journal.ui.about import AboutDialog
    from journal.ui.about_you_dialog import AboutYouDialog
    from journal.ui.app import create_window
    from journal.ui.app_style import apply_style
    from journal.ui.export_dialog import ExportDialog
    from journal.ui.keyboard_help import ShortcutsDialog
    from journal.ui.lists.dialog import ManageListsDialog
    from journal.ui.pacing.plan_dialog import PlanDialog
    from journal.ui.readings import PainNowDialog
    from journal.ui.red_flags import RedFlagDialog
    from journal.ui.reminders.settings_dialog import SettingsDialog
    from journal.ui.safety.restore_dialog import RestoreDialog
    from journal.ui.user_guide import UserGuideDialog
    from journal.ui.welcome import WelcomeDialog

    app = QApplication([])
    apply_style(app)
    path = Path(sys.argv[1])
    days = sample_days()
    journal = Journal.open(path)
    journal.import_days(days)
    journal.close()
    window = create_window(path)
    window.resize(800, 560)
    window.show()
    deadline = time.monotonic() + 60
    while not window.session.ready and time.monotonic() < deadline:
        settle(app, 0.05)
    today = dt.date.today()
    now = dt.datetime.now()
    backups = [BackupInfo(path, now - dt.timedelta(days=n), 180 - n, days[0].date, days[-1].date) for n in range(6)]

    def settings() -> QDialog:
        dialog = SettingsDialog(ReminderSettings(), window)
        dialog.show_function_schedule("weekly")  # as with a journal open: the choice and its note
        return dialog

    makers: dict[str, Callable[[], QDialog]] = {
        "settings": settings,
        "pacing plan": lambda: PlanDialog(plan_overview(days, [], days[-1].date), [], days[-1].date, window),
        "user guide": lambda: UserGuideDialog(window),
        "export": lambda: ExportDialog(window.session, window),
        "warning": lambda: RedFlagDialog(
            red_flags_in(
                DayEntry(today, 6, symptoms=("loss of bladder or bowel control", "numbness in the saddle area")),
                window.session.urgencies(),
            ),
            window,
            today=today,
        ),
        "restore": lambda: RestoreDialog(backups, path.parent, window),
        "shortcuts": lambda: ShortcutsDialog(window),
        "manage lists": lambda: ManageListsDialog(window.session, window),
        "welcome": lambda: WelcomeDialog(window),
        "about": lambda: AboutDialog(window.session, window),
        "about you": lambda: AboutYouDialog(AboutYou(birth_year=1960), window),
        "pain now": lambda: PainNowDialog(window),
    }
    screen = app.primaryScreen().availableGeometry()
    found: dict[str, dict[str, object]] = {}
    for name, make in makers.items():
        dialog = make()
        dialog.show()
        settle(app)
        frame = dialog.frameGeometry()
        found[name] = {
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "size": [dialog.width(), dialog.height()],
            "content": [dialog.sizeHint().width(), max(dialog.sizeHint().height(), dialog.heightForWidth(dialog.width()))],
            "cut": cut_texts(dialog),
            "scrolls": dialog.findChild(QScrollArea, "screenFitScroll") is not None,
        }
        dialog.hide()
        dialog.deleteLater()
    print(json.dumps({"screen": [screen.x(), screen.y(), screen.width(), screen.height()], "dialogs": found}))
    window.today.discard_changes()
    window.close()
    window.session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
