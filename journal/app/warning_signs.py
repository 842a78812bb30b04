"""Warning signs the patient has seen: which were acknowledged, per day (the guidance reads them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.app.journal_file import Journal


def acknowledge_red_flags(journal: "Journal", date: dt.date, symptoms: Sequence[str]) -> int:
    """Remember that the warnings for ``symptoms`` on ``date`` were acknowledged; returns how many were new.

    Nothing happens for a date with no saved entry.
    """
    return journal.acknowledge_red_flags(date, symptoms)


def red_flag_acks(journal: "Journal", start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, frozenset[str]]:
    """Acknowledged warning-sign name keys per date."""
    return journal.red_flag_acks(start, end)
