"""What History shows instead of an empty table: what to do next, in words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from journal.core.dates import day_words

NOTHING_LOGGED = "No days logged yet.\nLog your first day in Today: it takes about a minute."


def empty_history_text(days_in_journal: int, start: dt.date, end: dt.date) -> str:
    """The message for a History range with no days: a new journal, or a range that misses them."""
    if days_in_journal == 0:
        return NOTHING_LOGGED
    plural = "s" if days_in_journal != 1 else ""
    return (
        f"No days logged between {day_words(start)} and {day_words(end)}.\n"
        f"Your journal has {days_in_journal} day{plural}: press “All” above to see every one."
    )


class EmptyHistory(QWidget):
    """A large centred message, and a button to log a day when the journal has none.

    Signals:
        logRequested(): the patient pressed the button to log today in Today.
    """

    logRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.message = QLabel(NOTHING_LOGGED, self)
        self.message.setObjectName("emptyState")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.message.setFont(font)
        layout.addWidget(self.message)
        layout.addSpacing(self.message.fontMetrics().height())
        self.log_button = QPushButton("&Log a day in Today", self)
        self.log_button.setObjectName("primaryButton")
        self.log_button.clicked.connect(self.logRequested)
        layout.addWidget(self.log_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_for(self, days_in_journal: int, start: dt.date, end: dt.date) -> None:
        """Say why the range is empty; offer to log only when nothing is logged at all."""
        self.message.setText(empty_history_text(days_in_journal, start, end))
        self.log_button.setVisible(days_in_journal == 0)
