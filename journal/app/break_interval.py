"""The sitting-break interval suggested from the open journal (the window runs it through JournalOp)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.app.periods import days_with_lead_in
from journal.core import clock
from journal.core.break_interval import BreakSuggestion, suggest_interval, suggestion_window

if TYPE_CHECKING:
    from journal.storage.journal import Journal


def load_break_suggestion(journal: "Journal", today: dt.date | None = None) -> BreakSuggestion:
    """:func:`journal.core.break_interval.suggest_interval` over the journal's recent sessions and days."""
    today = today or clock.today()
    start, end = suggestion_window(today)
    return suggest_interval(journal.sitting_sessions(start, end), days_with_lead_in(journal, start, end), today)
