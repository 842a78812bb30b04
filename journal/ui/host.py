"""What a feature may use of the main window: :class:`WindowHost`, and the lazily built :class:`LazyTab`.

Features (Trends, export, guidance, backups, pacing, reminders, the keyboard
help, CSV import) plug into the window through this declared interface. They
are installed by name from :data:`journal.ui.features.INSTALLERS` and type the
window as :class:`WindowHost`, so none of them imports
:mod:`journal.ui.main_window`, and the window imports none of them at the top:
no import circles (``tests/test_import_cycles.py``).

``WindowHost`` is a base class rather than a ``typing.Protocol`` because the
features also use the window as a Qt widget (the parent of their dialogs, an
event filter's target), which a protocol cannot promise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu, QStackedWidget, QTabWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from journal.ui.session import JournalSession
    from journal.ui.today.view import TodayView


class LazyTab(QStackedWidget):
    """A tab whose real widget is built the first time it is shown (heavy imports wait)."""

    built = Signal(object)

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory: Callable[[], QWidget] | None = factory
        placeholder = QLabel("Loading…")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(placeholder)
        self.content: QWidget | None = None

    def build(self) -> QWidget:
        if self.content is None and self._factory is not None:
            self.content = self._factory()
            self._factory = None
            self.addWidget(self.content)
            self.setCurrentWidget(self.content)
            self.built.emit(self.content)
        assert self.content is not None
        return self.content


class WindowHost(QMainWindow):
    """The main window as its features see it. :class:`journal.ui.main_window.MainWindow` is the one.

    Features read the session, Today and the menus, add tabs and menu items
    through the methods below, and leave what they made in the slots at the end
    (the window and the tests find them there).
    """

    session: JournalSession
    today: TodayView
    tabs: QTabWidget
    file_menu: QMenu
    edit_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    quit_action: QAction
    #: Help → About; the keyboard help puts its items above it.
    about_action: QAction
    #: File → Manage lists…; imports from other apps are listed just above it.
    manage_lists_action: QAction
    #: The first-start welcome was shown, or is not wanted (after a restore).
    welcomed: bool

    # Slots the features fill once the journal is open (MainWindow names their exact types).
    export_dialog: QDialog | None = None
    export_summary_action: QAction | None = None
    print_summary_action: QAction | None = None
    data_safety: QObject | None = None
    companion: QObject | None = None  # reminders and the sitting timer
    keyboard_shortcuts_action: QAction | None = None
    context_help_action: QAction | None = None
    pain_now_action: QAction | None = None  # Pain now… (journal.ui.readings); the tray menu triggers it

    def show_status(self, text: str) -> None:
        """A short message in the status bar."""
        raise NotImplementedError

    def insert_file_action(self, action: QAction) -> None:
        """Add a feature's File-menu action above the Quit item."""
        raise NotImplementedError

    def add_lazy_tab(self, title: str, factory: Callable[[], QWidget]) -> LazyTab:
        """A tab whose content ``factory`` builds the first time it is shown."""
        raise NotImplementedError

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the window has painted (at once if it already has)."""
        raise NotImplementedError

    def open_day(self, date: dt.date) -> None:
        """Bring Today to the front on ``date``."""
        raise NotImplementedError

    def set_quit_handler(self, handler: Callable[[], object] | None) -> None:
        """What File → Quit does instead of closing the window (None: close it, as at start)."""
        raise NotImplementedError
