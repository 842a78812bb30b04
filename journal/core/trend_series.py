"""The numbers the charts plot, aligned to every calendar date of a period.

Charts draw these series as they are; nothing here knows about drawing.
Every per-day series has one item per date in ``dates``; ``None`` marks a
day that was not logged (a gap, never zero). On logged days an activity not
done counts 0 minutes and a trigger not noted counts False.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from journal.core import insights, stats
from journal.core.catalog import tidy_name
from journal.core.day import DayEntry


@dataclass(frozen=True, slots=True)
class HeatMap:
    """Back pain laid out as weeks × weekdays.

    ``cells[row][weekday]`` (weekday 0 = Monday) is the back pain on
    ``week_starts[row] + weekday`` days, or None when that day was not logged
    or lies outside the period.
    """

    week_starts: tuple[dt.date, ...]
    cells: tuple[tuple[int | None, ...], ...]


@dataclass(frozen=True, slots=True)
class TrendSeries:
    """Chart data for [start, end]; mappings are keyed by the first spelling seen."""

    start: dt.date
    end: dt.date
    dates: tuple[dt.date, ...]
    back_pain: tuple[int | None, ...]
    leg_pain: tuple[int | None, ...]
    back_pain_avg7: tuple[float | None, ...]
    leg_pain_avg7: tuple[float | None, ...]
    peg: tuple[float | None, ...]
    activity_minutes: Mapping[str, tuple[int | None, ...]]
    trigger_days: Mapping[str, tuple[bool | None, ...]]
    medication_days: tuple[bool | None, ...]
    flare_days: tuple[bool | None, ...]
    weekly_peg: Mapping[dt.date, float]
    heatmap: HeatMap


def _place(indices: Sequence[int], size: int, values: Sequence[Any]) -> list[Any]:
    """A list of ``size`` Nones with ``values[k]`` put at ``indices[k]``."""
    result: list[Any] = [None] * size
    for index, value in zip(indices, values):
        result[index] = value
    return result


def _named_series(
    names_by_day: Sequence[Sequence[tuple[str, Any]]],
    indices: Sequence[int],
    size: int,
    absent: Any,
) -> dict[str, tuple[Any, ...]]:
    """One series per name (matched ignoring case): None when not logged,
    ``absent`` on logged days without the name, else its value that day
    (numbers are added up from ``absent``; a bool simply replaces it).

    ``names_by_day[k]`` lists ``(name, value)`` for the k-th logged day.
    """
    template: list[Any] = [None] * size
    for index in indices:
        template[index] = absent
    spellings: dict[str, str] = {}
    series: dict[str, list[Any]] = {}
    for index, pairs in zip(indices, names_by_day):
        for name, value in pairs:
            key = insights.cached_name_key(name)
            column = series.get(key)
            if column is None:
                spellings[key] = tidy_name(name)
                column = series[key] = template.copy()
            column[index] = value if isinstance(value, bool) else column[index] + value
    return {spellings[key]: tuple(series[key]) for key in sorted(series)}


def heat_map(entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> HeatMap:
    """Weeks (Monday first) covering [start, end] × 7 weekdays of back pain."""
    if end < start:
        return HeatMap((), ())
    first_monday = start - dt.timedelta(days=start.weekday())
    weeks = (end - first_monday).days // 7 + 1
    grid: list[list[int | None]] = [[None] * 7 for _ in range(weeks)]
    for entry in entries:
        if start <= entry.date <= end:
            offset = (entry.date - first_monday).days
            grid[offset // 7][offset % 7] = entry.back_pain
    return HeatMap(
        tuple(first_monday + dt.timedelta(weeks=w) for w in range(weeks)),
        tuple(tuple(row) for row in grid),
    )


def trend_series(
    days: Sequence[DayEntry], start: dt.date, end: dt.date, *, flare_list: Sequence[dt.date] | None = None
) -> TrendSeries:
    """All chart series for [start, end]; ``days`` sorted by date, may extend past the period.

    Rolling averages and flare days follow :mod:`journal.core.insights`
    (7-day window, at least 3 logged days; the usual level for flares may use
    the 31 calendar days before ``start``). ``flare_list``: the period's flare
    days when already found (the summary's), so a report finds them once.
    """
    entries = insights.period_days(days, start, end)
    size = max((end - start).days + 1, 0)
    indices = [(e.date - start).days for e in entries]
    back = _place(indices, size, [e.back_pain for e in entries])
    leg = _place(indices, size, [e.leg_pain for e in entries])
    flare_set = set(insights.flare_dates(days, start, end) if flare_list is None else flare_list)
    # The 7-day windows of the first days reach back before the period, so the
    # line drawn for a period is the same as the line drawn for the whole journal
    # and the one the words describe (insights.rolling_back_pain).
    lead = start - dt.timedelta(days=stats.ROLLING_WINDOW_DAYS - 1)
    before = insights.period_days(days, lead, start - dt.timedelta(days=1))

    def avg7(value: Callable[[DayEntry], int | None], in_period: list[int | None]) -> tuple[float | None, ...]:
        earlier = insights.daily_values(before, lead, start - dt.timedelta(days=1), value)
        return tuple(stats.rolling_mean([*earlier, *in_period])[len(earlier) :])

    return TrendSeries(
        start=start,
        end=end,
        dates=tuple(insights.calendar(start, end)),
        back_pain=tuple(back),
        leg_pain=tuple(leg),
        back_pain_avg7=avg7(lambda e: e.back_pain, back),
        leg_pain_avg7=avg7(lambda e: e.leg_pain, leg),
        peg=tuple(_place(indices, size, [e.peg for e in entries])),
        activity_minutes=_named_series([[(a.name, a.minutes) for a in e.activities] for e in entries], indices, size, 0),
        trigger_days=_named_series([[(t, True) for t in e.triggers] for e in entries], indices, size, False),
        medication_days=tuple(_place(indices, size, [bool(e.medications) for e in entries])),
        flare_days=tuple(_place(indices, size, [e.date in flare_set for e in entries])),
        weekly_peg={w.week_start: w.mean for w in insights.weekly_peg(entries, start, end)},
        heatmap=heat_map(entries, start, end),
    )
