"""The Today view's "Same as yesterday": fill the form from the last day logged before the one shown.

What is copied is :func:`journal.ui.today.same_as.copy_for`; this is the flow
around it (asking before replacing a logged day, reading on the worker, one
undoable step). A mixin of :class:`~journal.ui.today.view.TodayView` (see
:mod:`journal.ui.today.base`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from journal.core import clock
from journal.core.dates import long_words
from journal.core.day import DayEntry
from journal.ui.today.base import TodayBase


class SameAsMixin(TodayBase):
    """Same as yesterday (the date bar's button, Alt+Y)."""

    def same_as_last_day(self) -> None:
        """Fill the form from the last day logged before the shown one (read on the worker).

        One undoable step; pain, notes and warning signs are left out (see ``same_as.copy_for``).
        """
        if not self.session.ready:
            return
        date = self.date
        if self._existing and not self._confirm_replace(date):
            return
        from journal.app.days import last_day_before

        self.same_button.setEnabled(False)
        self.session.op(lambda journal: last_day_before(journal, date)).success(
            lambda found: self._fill_from(date, found)
        ).failure(self._same_failed).run_in_background()

    def _confirm_replace(self, date: dt.date) -> bool:
        """A day already logged is filled in from another only if the patient says so."""
        answer = QMessageBox.question(
            self,
            "Replace this day's entry?",
            f"{long_words(date)} is already logged. Fill it in from the last day logged before it?\n\n"
            "Nothing is saved until you press Save, and Ctrl+Z undoes it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _same_failed(self, error: BaseException) -> None:
        self.same_button.setEnabled(True)
        from journal.ui.errors import show_error

        show_error(self, error)

    def _fill_from(self, date: dt.date, source: DayEntry | None) -> None:
        self.same_button.setEnabled(True)
        if date != self.date:
            return  # another day is shown now
        if source is None:
            self.status.emit(f"No day before {long_words(date)} to copy from.")
            return
        from journal.ui.today.same_as import copy_for

        copy = copy_for(source, date, self.session.urgencies())
        self.history.fill(copy, f"Same as {long_words(source.date)}")
        left_out = len(source.symptoms) - len(copy.symptoms)
        signs = " Its warning signs were not copied: tick any you still have." if left_out else ""
        self.status.emit(
            f"Filled in from {long_words(source.date)}. Choose {'today' if date == clock.today() else 'this day'}'s pain "
            f"and change what differs; Ctrl+Z undoes this.{signs}"
        )
        self.focus_first_field()
