"""The Today view's date bar: the day shown, Previous / Next / Today, and Same as yesterday.

A mixin of :class:`~journal.ui.today.view.TodayView` (see :mod:`journal.ui.today.base`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton

from journal.core import clock
from journal.ui.today.base import TodayBase

_LONG_DATE = "dddd d MMMM yyyy"
_SHORT_DATE = "ddd d MMM yyyy"
#: Below this width the date is written short, so the date bar fits a 800-pixel window.
_SHORT_DATE_BELOW = 1100


#: Why there is no "Next day" from today (the button's tooltip, and the status bar).
NO_NEXT_DAY = "This is today: a day can be logged once it has begun."


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


class DateBarMixin(TodayBase):
    """Builds the date bar and moves between days (the loading itself is the view's ``open_date``)."""

    def _date_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(_LONG_DATE)
        self.date_edit.setMaximumDate(_qdate(clock.today()))
        self.date_edit.setDate(_qdate(clock.today()))
        self.date_edit.setAccessibleName("Date of the entry")
        self._fit_date(_LONG_DATE)
        label = QLabel("&Day:")
        label.setBuddy(self.date_edit)
        previous = QPushButton("◀ &Previous")
        previous.setAccessibleName("Previous day")
        previous.setToolTip("The day before (Alt+P)")
        previous.clicked.connect(lambda: self.step_day(-1))
        following = QPushButton("Ne&xt ▶")
        following.setAccessibleName("Next day")
        following.setToolTip("The day after (Alt+X)")
        following.clicked.connect(lambda: self.step_day(1))
        self.next_day_button = following
        self.today_button = QPushButton("Today")
        self.today_button.setAccessibleName("Jump to today")
        self.today_button.setToolTip("Jump to today (Alt+Home)")
        self.today_button.setShortcut(QKeySequence("Alt+Home"))
        self.today_button.clicked.connect(lambda: self.open_date(clock.today()))
        self.same_button = QPushButton("Same as &yesterday")
        self.same_button.setToolTip(
            "Fill the form from the last day you logged before this one. Pain is left for you to choose, "
            "and warning signs are never copied. Ctrl+Z undoes it."
        )
        self.same_button.setAccessibleName("Same as yesterday: fill the form from the last day logged")
        self.same_button.clicked.connect(self.same_as_last_day)
        for widget in (label, self.date_edit, previous, following, self.today_button, self.same_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.date_edit.dateChanged.connect(self._on_date_picked)
        self.date_edit.installEventFilter(self)  # Tab leaves it (Qt would step through its parts)
        #: Features may add a button at the end of this row (e.g. the sitting timer).
        self.date_bar = bar
        return bar

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.date_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Tab and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return self.focusNextChild()
            if event.key() == Qt.Key.Key_Backtab:
                return self.focusPreviousChild()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_date(_SHORT_DATE if event.size().width() < _SHORT_DATE_BELOW else _LONG_DATE)
        super().resizeEvent(event)

    def _fit_date(self, display: str) -> None:
        """Write the date in ``display`` format, with room for the longest date so written
        (from the first frame on: the date is never cut)."""
        self.date_edit.setDisplayFormat(display)
        longest = QDate(2026, 9, 30).toString(display)  # a Wednesday in September: the longest names
        self.date_edit.setMinimumWidth(self.date_edit.fontMetrics().horizontalAdvance(longest) + 48)

    def _show_date(self, date: dt.date) -> None:
        """Put ``date`` in the date picker without asking to open it."""
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(_qdate(clock.today()))
        self.date_edit.setDate(_qdate(date))
        self.date_edit.blockSignals(False)

    def _show_next_day_state(self, date: dt.date) -> None:
        """No next day after today: the button is off and says why."""
        on_today = date >= clock.today()
        self.next_day_button.setEnabled(not on_today)
        self.next_day_button.setToolTip(NO_NEXT_DAY if on_today else "The day after (Alt+X)")

    def step_day(self, days: int) -> None:
        """Show the day ``days`` away; past today, say why nothing moves."""
        target = self.date + dt.timedelta(days=days)
        if target <= clock.today():
            self.open_date(target)
        else:
            self.status.emit(NO_NEXT_DAY)

    def _on_date_picked(self, qdate: QDate) -> None:
        self.open_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
