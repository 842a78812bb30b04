"""File → Import from another app…: the preview dialog, the pain choice, and the write, off the GUI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from journal.app.importing_apps import Clash
from journal.core.day import DayEntry
from journal.ui.import_other_app import ACTION_NAME, ImportPreviewDialog, import_from_app_interactively
from journal.ui.main_window import MainWindow
from tests.gui_helpers import ModalWatcher, close_window, open_window, stored_day

DATA = Path(__file__).parent / "data" / "importers"


@pytest.fixture
def messages() -> Iterator[ModalWatcher]:
    """Presses OK on each message box as it appears; ``messages`` holds their text."""
    watcher = ModalWatcher()
    yield watcher
    watcher.stop()


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    opened = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: opened.findChild(QAction, ACTION_NAME) is not None, timeout=10_000)
    yield opened
    close_window(opened)


def preview_dialog(qtbot: QtBot, window: MainWindow) -> ImportPreviewDialog:
    found: list[ImportPreviewDialog] = []

    def shown() -> bool:
        found[:] = [d for d in window.findChildren(ImportPreviewDialog) if d.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def test_the_menu_item_is_in_the_file_menu(window: MainWindow) -> None:
    action = window.findChild(QAction, ACTION_NAME)
    assert action is not None and action.isEnabled()
    assert action in window.file_menu.actions()


def test_choosing_back_pain_shows_the_conversion_then_imports_as_previewed(
    qtbot: QtBot, window: MainWindow, messages: ModalWatcher
) -> None:
    import_from_app_interactively(window, "flaredown", DATA / "flaredown.csv")
    dialog = preview_dialog(qtbot, window)
    assert not dialog.import_button.isEnabled()  # 0–4 scores are not pain until chosen
    assert "Choose which item is your back pain" in dialog.status.text()
    assert "Weather (Pain Journal does not record it)" in dialog.text.toPlainText()

    dialog.back_combo.setCurrentIndex(dialog.back_combo.findData("Back pain"))
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert dialog.import_button.text() == "Import 3 days"
    assert "→ back pain 0–10: 0→0, 1→3, 2→5, 3→8, 4→10." in dialog.text.toPlainText()
    assert not dialog.clash_box.isVisible()

    dialog.import_button.click()
    qtbot.waitUntil(lambda: any("Imported 3 days" in m for m in messages.messages), timeout=10_000)
    day = stored_day(qtbot, window, dt.date(2024, 5, 1))
    assert day is not None and day.back_pain == 8
    assert "Fatigue (Flaredown, 0–4): 1" in day.notes


def test_days_already_logged_can_be_skipped(qtbot: QtBot, window: MainWindow, messages: ModalWatcher) -> None:
    journal = window.session.journal
    assert journal is not None
    window.session.tasks.call_blocking(lambda: journal.save_day(DayEntry(date=dt.date(2024, 7, 2), back_pain=1)))
    import_from_app_interactively(window, "paintracker", DATA / "paintracker.json")
    dialog = preview_dialog(qtbot, window)
    assert dialog.clash_box.isVisible()
    assert dialog.import_button.text() == "Import 1 day"  # skip is the default
    dialog.clash_radios[Clash.STOP].setChecked(True)
    assert not dialog.import_button.isEnabled()
    dialog.clash_radios[Clash.SKIP].setChecked(True)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: any("Imported 1 day" in m for m in messages.messages), timeout=10_000)
    finished = next(m for m in messages.messages if "Imported 1 day" in m)
    assert "Please open them in Today to check" in finished  # "Tingling", screened as CSV imports are
    kept = stored_day(qtbot, window, dt.date(2024, 7, 2))
    assert kept is not None and kept.back_pain == 1


def test_a_broken_file_says_where_and_writes_nothing(qtbot: QtBot, window: MainWindow, messages: ModalWatcher) -> None:
    import_from_app_interactively(window, "paintracker", DATA / "paintracker_bad_entry.json")
    qtbot.waitUntil(lambda: bool(messages.messages), timeout=10_000)
    assert "entry 2: “pain” must be a number from 0 to 10" in messages.messages[0]
    assert not window.findChildren(ImportPreviewDialog)
    assert stored_day(qtbot, window, dt.date(2024, 7, 1)) is None


def test_the_imported_history_is_in_trends(qtbot: QtBot, window: MainWindow, messages: ModalWatcher) -> None:
    from journal.ui.trends.view import TrendsView

    import_from_app_interactively(window, "pfpd", DATA / "pfpd_backup.json")
    dialog = preview_dialog(qtbot, window)
    assert dialog.import_button.text() == "Import 2 days"  # the 0–10 pain level needs no choice
    dialog.import_button.click()
    qtbot.waitUntil(lambda: any("Imported 2 days" in m for m in messages.messages), timeout=10_000)
    index = next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "T&rends")
    window.tabs.setCurrentIndex(index)
    qtbot.waitUntil(lambda: window.findChild(TrendsView) is not None, timeout=10_000)
    view = window.findChild(TrendsView)
    assert view is not None
    qtbot.waitUntil(lambda: getattr(view, "data", None) is not None and dt.date(2024, 6, 10) in view.data.by_date, timeout=20_000)
    assert view.data.by_date[dt.date(2024, 6, 10)].back_pain == 7
    assert view.data.first == dt.date(2024, 6, 10)


def test_a_choice_that_breaks_a_rule_says_where_and_cannot_be_imported(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    future = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    path = tmp_path / "flaredown.csv"
    path.write_text(f"Date,Back pain,Fatigue\n2024-05-01 00:00:00 UTC,2,1\n{future} 00:00:00 UTC,,2\n", encoding="utf-8")
    import_from_app_interactively(window, "flaredown", path)
    dialog = preview_dialog(qtbot, window)
    dialog.back_combo.setCurrentIndex(dialog.back_combo.findData("Fatigue"))
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.text.toPlainText(), timeout=10_000)
    assert f"line 3 ({future}): date {future} is in the future" in dialog.text.toPlainText()
    assert not dialog.import_button.isEnabled()
    dialog.back_combo.setCurrentIndex(dialog.back_combo.findData("Back pain"))  # the future day has no back pain
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
    assert dialog.import_button.text() == "Import 1 day"
    dialog.reject()
