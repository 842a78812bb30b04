"""Days of a period for the insights: the entries inside it, every date, values per date, ISO weeks.

Every insight takes ``days`` sorted by date (one entry per date) with the
period bounds ``start`` and ``end`` (inclusive); see :mod:`journal.core.insights`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Final

from journal.core.catalog import name_key
from journal.core.day import DayEntry

ONE_DAY: Final = dt.timedelta(days=1)


def period_days(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[DayEntry]:
    """The entries dated within [start, end]; ``days`` must be sorted by date."""
    dates = [entry.date for entry in days]
    return list(days[bisect.bisect_left(dates, start) : bisect.bisect_right(dates, end)])


def calendar(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every date from start to end inclusive (empty when end < start)."""
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def daily_values(
    entries: Iterable[DayEntry],
    start: dt.date,
    end: dt.date,
    value: Callable[[DayEntry], float | None],
) -> list[float | None]:
    """``value(entry)`` aligned to every date of [start, end], None where not logged."""
    result: list[float | None] = [None] * ((end - start).days + 1)
    for entry in entries:
        index = (entry.date - start).days
        if 0 <= index < len(result):
            result[index] = value(entry)
    return result


@functools.lru_cache(maxsize=4096)
def cached_name_key(name: str) -> str:
    """:func:`journal.core.catalog.name_key`, remembered (names repeat day after day)."""
    return name_key(name)


def one_decimal(value: float) -> str:
    """One decimal, without a negative zero."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def iso_week_label(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_number(day: dt.date) -> int:
    """Weeks since 0001-01-01, which was a Monday: equal for days of one ISO week."""
    return (day.toordinal() - 1) // 7


def week_monday(week_number: int) -> dt.date:
    return dt.date.fromordinal(week_number * 7 + 1)
