"""Reminders and the sitting-break timer: installed after the window is ready, imported lazily."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.ui.host import WindowHost


def install(window: "WindowHost") -> None:
    """Add File → Settings…, the sitting button in Today, and start the companion (once)."""
    if window.companion is not None:
        return
    from PySide6.QtGui import QAction

    from journal.core.clock import SystemClock
    from journal.ui.reminders.companion import DayCompanion
    from journal.ui.reminders.sitting_button import SittingButton
    from journal.ui.reminders.store import open_settings

    companion = DayCompanion(window, clock=SystemClock(), settings=open_settings())
    window.companion = companion
    action = QAction("Se&ttings…", window)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.triggered.connect(companion.open_settings)
    window.insert_file_action(action)
    window.today.date_bar.addWidget(SittingButton(companion, window.today))
