"""Week by week: the rows of the report's weekly table for long periods.

Figures come from the summary (PEG, flares, red flags) or are computed here
with the summary's own rounding, so the table never disagrees with page 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from journal.core import stats
from journal.core.day import DayEntry
from journal.core.summary import Summary, rounded


@dataclass(frozen=True, slots=True)
class WeekRow:
    """One Monday-to-Sunday week of the period (clipped to it) with logged days."""

    week_start: dt.date
    days_in_period: int  # 7, or fewer for a week cut by the start or end of the period
    days_logged: int
    back_mean: float | None
    back_min: int
    back_max: int
    leg_mean: float | None
    peg_mean: float | None
    flare_days: int
    red_flags: tuple[str, ...]


def week_rows(summary: Summary, entries: Sequence[DayEntry]) -> list[WeekRow]:
    """The weekly table of a long period: ``entries`` are the logged days inside it.

    PEG means and flare days are the summary's (``peg.weekly``,
    ``flares.days``); back and leg means use the same rounding as the summary.
    """
    weeks: dict[dt.date, list[DayEntry]] = {}
    for entry in entries:
        weeks.setdefault(entry.date - dt.timedelta(days=entry.date.weekday()), []).append(entry)
    peg = {w.week_start: w.mean for w in summary.peg.weekly}
    flare_weeks: dict[dt.date, int] = {}
    for day in summary.flares.days:
        monday = day - dt.timedelta(days=day.weekday())
        flare_weeks[monday] = flare_weeks.get(monday, 0) + 1
    flags: dict[dt.date, list[str]] = {}
    for flag in summary.red_flags:
        names = flags.setdefault(flag.date - dt.timedelta(days=flag.date.weekday()), [])
        if flag.symptom not in names:
            names.append(flag.symptom)
    rows = []
    for monday, entries in weeks.items():
        backs = [e.back_pain for e in entries]
        legs = [float(e.leg_pain) for e in entries if e.leg_pain is not None]
        rows.append(
            WeekRow(
                week_start=monday,
                days_in_period=(min(monday + dt.timedelta(days=6), summary.period.end) - max(monday, summary.period.start)).days
                + 1,
                days_logged=len(entries),
                back_mean=rounded(stats.mean([float(b) for b in backs])),
                back_min=min(backs),
                back_max=max(backs),
                leg_mean=rounded(stats.mean(legs)),
                peg_mean=peg.get(monday),
                flare_days=flare_weeks.get(monday, 0),
                red_flags=tuple(flags.get(monday, ())),
            )
        )
    return rows
