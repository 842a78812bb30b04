"""What History reads: the rows of a date range, and how many days the journal holds."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.core.catalog import Urgency
from journal.core.history import HistoryRow, history_row

if TYPE_CHECKING:
    from journal.app.journal_file import Journal


def history_rows(journal: "Journal", start: dt.date, end: dt.date, urgencies: dict[str, Urgency]) -> tuple[list[HistoryRow], int]:
    """The rows of [start, end] and the number of days in the whole journal (to tell "none here" from "none yet")."""
    treatments = [t for _, t in journal.treatments()]
    rows = [history_row(e, urgencies, treatments) for e in journal.days(start, end)]
    return rows, (len(rows) if rows else journal.count())
