"""Sitting sessions the break reminder kept: minutes sat and breaks taken, per day."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.core.sitting import SittingSummary

if TYPE_CHECKING:
    from journal.app.journal_file import Journal


def add_sitting_session(journal: "Journal", summary: SittingSummary) -> None:
    """Keep one sitting session's minutes and breaks."""
    journal.add_sitting_session(summary)


def sitting_per_day(
    journal: "Journal", start: dt.date | None = None, end: dt.date | None = None
) -> dict[dt.date, SittingSummary]:
    """Kept sitting minutes and breaks per date."""
    return journal.sitting_per_day(start, end)
