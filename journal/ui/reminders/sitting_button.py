"""Today's "I'm sitting down to work" button, which becomes "Stop the sitting timer"."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from journal.ui.reminders.companion import DayCompanion

START_TEXT = "I'm sitting down to work"
STOP_TEXT = "Stop the sitting timer"


class SittingButton(QPushButton):
    def __init__(self, companion: DayCompanion, parent: QWidget | None = None) -> None:
        super().__init__(START_TEXT, parent)
        self.setToolTip(
            "Suggests a short break to stand up and move, every few minutes you choose in "
            "File → Settings. At the end you can add the time to the day."
        )
        self._companion = companion
        self.clicked.connect(self._toggle)
        companion.sittingChanged.connect(self._show_state)

    def _toggle(self) -> None:
        if self._companion.sitting is None:
            self._companion.start_sitting()
        else:
            self._companion.stop_sitting()

    def _show_state(self, running: bool) -> None:
        self.setText(STOP_TEXT if running else START_TEXT)
