"""Today's "Same as yesterday" flow: ask before replacing a logged day, read the last day on the worker, fill the form.

The copy itself (what is carried over and what is chosen afresh) is :func:`journal.ui.today.same_as.copy_for`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from journal.core import clock
from journal.core.dates import long_words
from journal.core.day import DayEntry

if TYPE_CHECKING:
    from journal.ui.today.view import TodayView


def fill_from_last_day(view: TodayView) -> None:
    """Fill ``view``'s form from the last day logged before the shown one (read on the worker).

    One undoable step; pain, notes and warning signs are left out (see ``same_as.copy_for``).
    """
    if not view.session.ready:
        return
    date = view.date
    if view._existing and not confirm_replace(view, date):
        return
    from journal.app.days import last_day_before

    view.same_button.setEnabled(False)
    view.session.op(lambda journal: last_day_before(journal, date)).success(lambda found: _fill_from(view, date, found)).failure(
        lambda error: _same_failed(view, error)
    ).run_in_background()


def confirm_replace(view: TodayView, date: dt.date) -> bool:
    """A day already logged is filled in from another only if the patient says so."""
    answer = QMessageBox.question(
        view,
        "Replace this day's entry?",
        f"{long_words(date)} is already logged. Fill it in from the last day logged before it?\n\n"
        "Nothing is saved until you press Save, and Ctrl+Z undoes it.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def _same_failed(view: TodayView, error: BaseException) -> None:
    view.same_button.setEnabled(True)
    from journal.ui.errors import show_error

    show_error(view, error)


def _fill_from(view: TodayView, date: dt.date, source: DayEntry | None) -> None:
    view.same_button.setEnabled(True)
    if date != view.date:
        return  # another day is shown now
    if source is None:
        view.status.emit(f"No day before {long_words(date)} to copy from.")
        return
    from journal.ui.today.same_as import copy_for

    copy = copy_for(source, date, view.session.urgencies())
    view.history.fill(copy, f"Same as {long_words(source.date)}")
    left_out = len(source.symptoms) - len(copy.symptoms)
    signs = " Its warning signs were not copied: tick any you still have." if left_out else ""
    view.status.emit(
        f"Filled in from {long_words(source.date)}. Choose {'today' if date == clock.today() else 'this day'}'s pain "
        f"and change what differs; Ctrl+Z undoes this.{signs}"
    )
    view.focus_first_field()
