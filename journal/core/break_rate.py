"""Breaks per sitting hour: the measure of breaks from sitting that the insights use.

A day's value is the breaks taken in its timed sitting sessions per hour
timed (sessions of one day added up, as the patient kept them). It is only
known on a day with at least :data:`MIN_TIMED_MINUTES` of timed sitting: on a
day without a kept session the breaks are unknown, never zero, and on a
shorter day the count says more about when the timer was stopped than about
breaks (with the usual 30-minute interval no break is even suggested before
half an hour has passed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from journal.core.sitting import SittingSummary

#: A day needs this much timed sitting for its breaks per hour to mean something.
MIN_TIMED_MINUTES: Final = 60
DEFINITION: Final = (
    "Breaks per sitting hour: the breaks you took from the sitting timer divided by the hours "
    f"it timed that day, on days with at least {MIN_TIMED_MINUTES} minutes timed. Days without "
    "a timed session are left out, not counted as no breaks."
)


def breaks_per_sitting_hour(summary: SittingSummary) -> float | None:
    """The day's breaks per hour timed, or None below :data:`MIN_TIMED_MINUTES` minutes."""
    if summary.minutes < MIN_TIMED_MINUTES:
        return None
    return summary.breaks * 60.0 / summary.minutes


def daily_break_rates(
    per_day: Mapping[dt.date, SittingSummary], start: dt.date | None = None, end: dt.date | None = None
) -> dict[dt.date, float]:
    """Breaks per sitting hour for every date of [start, end] where it is known (see the module notes)."""
    rates: dict[dt.date, float] = {}
    for date, summary in per_day.items():
        if (start is not None and date < start) or (end is not None and date > end):
            continue
        rate = breaks_per_sitting_hour(summary)
        if rate is not None:
            rates[date] = rate
    return rates
