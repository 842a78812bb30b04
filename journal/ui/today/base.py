"""What the parts of the Today view share: its signals, its state and the few steps one part asks of another.

The view is put together from mixins, one per flow (the date bar, saving, Same
as yesterday, warning signs), each in its own module and each derived from
:class:`TodayBase`. None of them imports :mod:`journal.ui.today.view`: what a
part needs from another is declared here, and :class:`~journal.ui.today.view.TodayView`
(which inherits them all) provides it. So the flows are apart, and there is no
import circle (``tests/test_import_cycles.py``).

``TodayBase`` is a ``QWidget`` rather than a ``typing.Protocol`` because the
parts use the view as a widget too (the parent of their message boxes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from journal.core import today_rules
from journal.core.day import DayEntry

if TYPE_CHECKING:
    from journal.ui.session import JournalSession
    from journal.ui.today.form import DayForm
    from journal.ui.today.screening import WordScreen
    from journal.ui.today.undo import FormHistory


class TodayBase(QWidget):
    """The Today view's shared signals and state (set by ``TodayView.__init__`` and the parts that build them)."""

    saved = Signal(object)
    saveFailed = Signal(object)  # the exception; the entry is still in the form
    status = Signal(str)
    dayShown = Signal(object)  # the date now shown (after loading it)

    session: JournalSession
    #: The day as last read or saved (None: nothing to compare with, so nothing unsaved).
    _baseline: DayEntry | None
    _existing: bool  # the day shown is in the journal
    _just_saved: dt.datetime | None  # when this day was saved, while it is still shown
    _said_saved: bool  # the status bar says "Saved" (until the next edit)
    _warned: set[tuple[dt.date, str]]
    _words: WordScreen | None
    _saving: bool
    _after_save: list[Callable[[bool], None]]
    _loading: dt.date | None  # the date being read, while it is
    #: The real date (not the day shown); tests replace it.
    today: Callable[[], dt.date]
    _scroll: QScrollArea
    red_flag_banner: QLabel
    date_edit: QDateEdit
    #: Features may add a button at the end of this row (e.g. the sitting timer).
    date_bar: QHBoxLayout
    next_day_button: QPushButton
    today_button: QPushButton
    same_button: QPushButton
    state_label: QLabel
    save_button: QPushButton
    cards_area: QWidget

    # --- provided by the view ---------------------------------------------------------

    @property
    def form(self) -> DayForm:
        """The day's fields (built on first use by the view)."""
        raise NotImplementedError

    @property
    def history(self) -> FormHistory:
        """The form's undo stack."""
        raise NotImplementedError

    def open_date(self, date: dt.date, then: Callable[[], None] | None = None) -> None:
        """Show ``date``, asking about unsaved changes first (the view's loading)."""
        raise NotImplementedError

    def _update_state(self) -> None:
        """Say beside Save whether the day is saved, and show the warning banner."""
        raise NotImplementedError

    # --- provided by the parts --------------------------------------------------------

    def same_as_last_day(self) -> None:
        """Fill the form from the last day logged (:mod:`journal.ui.today.same_as_flow`)."""
        raise NotImplementedError

    def _screen_notes(self) -> None:
        """Ask about warning words in new notes (:mod:`journal.ui.today.warning_signs`)."""
        raise NotImplementedError

    def _warn_red_flags(self, entry: DayEntry) -> None:
        """Warn about the urgent signs of a saved entry (:mod:`journal.ui.today.warning_signs`)."""
        raise NotImplementedError

    @property
    def words(self) -> WordScreen:
        """Asks "Did you mean: …?" about typed words (:mod:`journal.ui.today.warning_signs`)."""
        raise NotImplementedError

    # --- small shared steps -----------------------------------------------------------

    @property
    def date(self) -> dt.date:
        return self.form.date

    def is_dirty(self) -> bool:
        return today_rules.is_dirty(self._baseline, self.form.entry())

    def focus_first_field(self) -> None:
        """Put the focus on Back pain (where a day's logging starts)."""
        self.form.back_pain.setFocus(Qt.FocusReason.OtherFocusReason)
