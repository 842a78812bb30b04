"""What Trends reads from the journal: every day with the treatments, and the inputs of its words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from journal.app.readings import period_readings
from journal.app.sitting import sitting_per_day
from journal.app.treatments import treatment_comparisons

if TYPE_CHECKING:
    from journal.app.journal_file import Journal
    from journal.core.day import DayEntry
    from journal.core.function_check import FunctionCheck
    from journal.core.readings import PainReading
    from journal.core.sitting import SittingSummary
    from journal.core.treatments import BeforeAfter, Treatment


def days_and_treatments(journal: "Journal") -> "tuple[tuple[DayEntry, ...], tuple[Treatment, ...]]":
    """Every day, by date, and every treatment kept."""
    return tuple(journal.days()), tuple(t for _, t in journal.treatments())


@dataclass(frozen=True)
class SummaryInputs:
    """What the period's words need beside the days: treatments compared, function checks, sitting."""

    treatments: "tuple[BeforeAfter, ...]"
    function: "list[FunctionCheck]"
    sitting: "dict[dt.date, SittingSummary]"
    readings: "list[PainReading]"


def summary_inputs(journal: "Journal", start: dt.date, end: dt.date) -> SummaryInputs:
    """The treatments, function checks, timed sitting and pain-now readings of [start, end]."""
    return SummaryInputs(
        treatment_comparisons(journal, start, end),
        journal.function_checks(start, end),
        sitting_per_day(journal, start, end),
        period_readings(journal, start, end),
    )
