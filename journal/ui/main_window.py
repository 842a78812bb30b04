"""The main window: tabs for each view, the menus, the status bar. Views do their own work."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.ui.host import LazyTab as LazyTab
from journal.ui.host import WindowHost
from journal.ui.session import JournalSession
from journal.ui.today.view import TodayView

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from journal.ui.export_dialog import ExportDialog
    from journal.ui.history.view import HistoryView
    from journal.ui.reminders.companion import DayCompanion
    from journal.ui.safety.feature import DataSafetyFeature


class _FirstPaint(QObject):
    """Calls back once, on the watched window's first paint event."""

    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback: Callable[[], None] | None = callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            callback()
        return False


class MainWindow(WindowHost):
    def __init__(self, session: JournalSession) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle("Pain Journal")
        self.resize(1280, 800)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._layout = layout
        self.demo_banner: QWidget | None = None  # made when sample data is first shown
        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.today = TodayView(session)
        self.tabs.addTab(self.today, "&Today")
        # History is built the first time it is shown: logging a day does not need it.
        self.history_tab = self.add_lazy_tab("H&istory", self._build_history)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.today.status.connect(self.show_status)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setAccessibleName("Working")
        self.busy.hide()
        self.statusBar().addPermanentWidget(self.busy)
        session.tasks.busy_changed.connect(self.busy.setVisible)
        session.opened.connect(lambda _: self._on_opened())
        self._after_first_paint: list[Callable[[], object]] = [lambda: self.today.form]
        self._paint_watch: _FirstPaint | None = _FirstPaint(self._first_painted, self)
        self.installEventFilter(self._paint_watch)
        self.file_menu = self.menuBar().addMenu("&File")
        self.edit_menu = self.menuBar().addMenu("&Edit")
        self.view_menu = self.menuBar().addMenu("&View")
        self.help_menu = self.menuBar().addMenu("&Help")
        self._build_menus()
        self.show_status("Opening your journal…")
        # Set by the features (journal.ui.features) once the journal is open.
        self.export_dialog: ExportDialog | None = None
        self.export_summary_action: QAction | None = None
        self.print_summary_action: QAction | None = None
        self.data_safety: DataSafetyFeature | None = None
        self.companion: DayCompanion | None = None  # reminders and the sitting timer
        #: The first-start welcome was shown, or is not wanted (after a restore).
        self.welcomed = False

    # --- structure ----------------------------------------------------------------

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the window has painted (at once if it already has).

        Start-up puts here what the first frame does not need: the day form and
        the features (trends, guidance, export), so the window shows up quickly.
        """
        if self._paint_watch is None:
            work()
        else:
            self._after_first_paint.append(work)

    def _first_painted(self) -> None:
        if self._paint_watch is not None:
            self.removeEventFilter(self._paint_watch)
        self._paint_watch = None
        QTimer.singleShot(0, self._run_after_first_paint)

    def _run_after_first_paint(self) -> None:
        work, self._after_first_paint = self._after_first_paint, []
        for item in work:
            item()

    def add_lazy_tab(self, title: str, factory: Callable[[], QWidget]) -> LazyTab:
        tab = LazyTab(factory, self.tabs)
        self.tabs.addTab(tab, title)
        return tab

    def _build_history(self) -> "HistoryView":
        from journal.ui.history.view import HistoryView

        view = HistoryView(self.session)
        view.status.connect(self.show_status)
        view.openRequested.connect(self.open_day)
        return view

    @property
    def history(self) -> "HistoryView":
        """The History view, built on first use (:meth:`show_history` brings it to the front)."""
        return self.history_tab.build()  # type: ignore[return-value]  # the factory makes a HistoryView

    def show_history(self) -> None:
        self.tabs.setCurrentWidget(self.history_tab)

    def _on_tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, LazyTab):
            widget.build()
        elif widget is self.today and self.today.isEnabled():
            self.today.focus_first_field()  # logging starts at Back pain

    def _demo_banner(self) -> QWidget:
        banner = QWidget(self)
        banner.setObjectName("demoBanner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(8, 4, 8, 4)
        row = QLabel(
            "You are exploring <b>sample data</b>: made-up days to show what the journal "
            "can do. Nothing here is saved to your own journal."
        )
        row.setWordWrap(True)
        layout.addWidget(row, 1)
        self.leave_demo_button = QPushButton("Start my own journal", banner)
        self.leave_demo_button.clicked.connect(self.leave_demo)
        layout.addWidget(self.leave_demo_button)
        return banner

    def _build_menus(self) -> None:
        def action(
            menu: QMenu,
            text: str,
            slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        ) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        self.import_action = action(self.file_menu, "&Import days from CSV…", self.import_csv)
        self.file_menu.setToolTipsVisible(True)  # a disabled item says why
        self.manage_lists_action = action(self.file_menu, "Manage &lists…", self.manage_lists)
        self.file_menu.addSeparator()
        self._quit_handler: Callable[[], object] | None = None
        self.quit_action = action(self.file_menu, "&Quit", self._quit, QKeySequence.StandardKey.Quit)
        action(self.view_menu, "&Today", lambda: self.tabs.setCurrentWidget(self.today), "Ctrl+1")
        action(self.view_menu, "&History", self.show_history, "Ctrl+2")
        self.user_guide_action = action(self.help_menu, "&User guide", self._user_guide, QKeySequence(Qt.Key.Key_F1))
        self.edit_menu.addAction(self.today.undo_action)
        self.edit_menu.addAction(self.today.redo_action)
        # Help → Keyboard shortcuts and Help on this part are added above About with the
        # features, once Today is ready (journal.ui.features: the keyboard help comes first).
        self.view_menu.addSeparator()
        # The theme manager and View → Colours: after the first frame, off the start-up's path.
        self._after_first_paint.append(self._add_colours_menu)
        self.about_action = action(self.help_menu, "&About Pain Journal", self._about)

    colours_menu: QMenu | None = None

    def _add_colours_menu(self) -> None:
        from PySide6.QtWidgets import QApplication

        from journal.ui.theme import add_theme_menu, install_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            # From now on the window follows the desktop into dark or high contrast
            # (and back), whatever it started in; a dark start installed it already.
            install_theme(app)
        self.colours_menu = add_theme_menu(self.view_menu, self)

    def set_quit_handler(self, handler: Callable[[], object] | None) -> None:
        """What File → Quit does instead of closing the window (None: close it)."""
        self._quit_handler = handler

    def _quit(self) -> None:
        if self._quit_handler is not None:
            self._quit_handler()
        else:
            self.close()

    def insert_file_action(self, action: QAction) -> None:
        """Add a feature's File-menu action above the Quit item."""
        self.file_menu.insertAction(self.quit_action, action)

    # --- behaviour -------------------------------------------------------------------

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _on_opened(self) -> None:
        if self.session.is_demo and self.demo_banner is None:
            self.demo_banner = self._demo_banner()
            self._layout.insertWidget(0, self.demo_banner)
        if self.demo_banner is not None:
            self.demo_banner.setVisible(self.session.is_demo)
        self._show_read_only_note(self.session.read_only)
        self._offer_import(not self.session.is_demo)
        self.show_status("Sample data loaded." if self.session.is_demo else "Ready.")
        journal = self.session.journal
        if journal is not None and journal.notices:
            self._tell_notices(journal.notices)

    def _tell_notices(self, notices: list[str]) -> None:
        """What opening did to the journal's files (a leftover log set aside, a copy kept): said once."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, "Your journal was opened", "\n\n".join(notices), parent=self)
        box.setObjectName("openNotices")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _offer_import(self, allowed: bool) -> None:
        """File → Import works on the patient's own journal only; in the sample data it says why not."""
        why = ""
        if not allowed:  # the import module is loaded when first needed, not on the way to ready
            from journal.ui.import_csv import NOT_IN_SAMPLE_DATA

            why = NOT_IN_SAMPLE_DATA
        self.import_action.setEnabled(allowed)
        self.import_action.setToolTip(why or "Add days from a CSV file to your journal")
        self.import_action.setStatusTip(why)

    read_only_note: QLabel | None = None
    keyboard_shortcuts_action: QAction | None = None  # set by journal.ui.keyboard_help
    context_help_action: QAction | None = None

    def _show_read_only_note(self, read_only: bool) -> None:
        """A lasting note above the tabs while the journal is read-only."""
        if read_only and self.read_only_note is None:
            from journal.app.places import READ_ONLY_REASON
            from journal.ui.safety.wording import READ_ONLY_NOTE

            journal = self.session.journal
            reason = journal.read_only_reason if journal is not None else None
            text = (
                READ_ONLY_NOTE if reason in (None, READ_ONLY_REASON) else f"{READ_ONLY_NOTE} ({reason[0].upper()}{reason[1:]}.)"
            )
            note = QLabel(text, self)
            note.setObjectName("readOnlyNote")
            note.setWordWrap(True)
            self._layout.insertWidget(0, note)
            self.read_only_note = note
        if self.read_only_note is not None:
            self.read_only_note.setVisible(read_only)

    def open_day(self, date: dt.date) -> None:
        self.tabs.setCurrentWidget(self.today)
        self.today.open_date(date)

    def leave_demo(self) -> None:
        """Close the sample data and open the patient's own journal (the usual one if none was named)."""
        path = self.session.user_path
        if path is None:
            from journal.app.places import default_journal_path
            from journal.core.errors import UserError

            try:
                path = default_journal_path()
            except UserError as error:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.warning(self, "Your journal cannot open", str(error))
                return
        self.welcomed = True  # they have seen the sample data: no welcome offering it again
        self.show_status("Opening your journal…")
        self.session.open(path)

    def import_csv(self) -> None:
        from journal.ui.import_csv import import_csv_interactively

        import_csv_interactively(self)

    def _user_guide(self) -> None:
        """The guide, at the section about the part of the window in focus (F1)."""
        from PySide6.QtWidgets import QApplication

        from journal.ui.user_guide import section_for, show_user_guide

        focused = QApplication.focusWidget()
        show_user_guide(
            self, section_for(focused if focused is not None and focused.window() is self else self.tabs.currentWidget())
        )

    def manage_lists(self) -> None:
        """File → Manage lists: rename, hide or merge triggers, symptoms, activities, medications.

        Unsaved changes in Today are saved or discarded first (a discarded day is
        shown again as saved): a name renamed or merged away must not come back
        with the next save of a form that still holds it.
        """
        if not self.session.ready:
            return

        def show() -> None:
            from journal.ui.lists.dialog import show_manage_lists

            show_manage_lists(self.session, self)

        self.today.confirm_leave(lambda: self.today.open_date(self.today.date, show))

    def _about(self) -> None:
        from journal.ui.about import show_about

        show_about(self.session, self)

    def _close_now(self) -> None:
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close only when nothing unsaved would be lost.

        With unsaved changes (or a save under way) the close waits: the day is
        saved on the worker if the patient says so, and the window closes only
        once it is saved; a failed save keeps the window open with the entry.
        """
        if not self.today.saving and not self.today.is_dirty():
            event.accept()
            return
        event.ignore()
        self.today.confirm_leave(self._close_now)
