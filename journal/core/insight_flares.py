"""Flares over a period: flare days and bad days (:mod:`journal.core.flares`), episodes,
counts per month and severe days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from journal.core import flares, stats
from journal.core.day import DayEntry
from journal.core.insight_period import period_days

#: Up to this many unlogged days between two flare days keep one episode going.
MAX_UNLOGGED_GAP_IN_EPISODE: Final = 2


@dataclass(frozen=True, slots=True)
class FlareEpisode:
    """Flare days run together; ``length_days`` counts calendar days start to end."""

    start: dt.date
    end: dt.date
    flare_days: int

    @property
    def length_days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def unlogged_days(self) -> int:
        """Days inside the episode that were not logged (every logged day inside is a flare day)."""
        return self.length_days - self.flare_days


@dataclass(frozen=True, slots=True)
class MonthCount:
    """Flare days and episodes (counted in the month they start) in one month."""

    month: str  # YYYY-MM
    flare_days: int
    episodes: int


@dataclass(frozen=True, slots=True)
class FlareSummary:
    """Flare days (relative to the person's usual level) and, separately, severe days (7+)."""

    days: tuple[dt.date, ...]
    episodes: tuple[FlareEpisode, ...]
    per_month: tuple[MonthCount, ...]
    typical_length_days: float | None
    severe_days: tuple[dt.date, ...] = ()
    bad_days: tuple[dt.date, ...] = ()  # single high days, not flares
    #: Logged days of the period whose usual level was known, so that they could be judged
    #: flare or not (-1: not counted). None at all means "too few days yet", not "no flares".
    judged_days: int = -1


def flare_dates(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[dt.date]:
    """Flare days inside the period, per :func:`journal.core.flares.flare_days`.

    Logged days up to :data:`journal.core.flares.LOOKBACK_DAYS` calendar days
    before ``start`` (when present in ``days``) set the usual level, so the
    first days of a period are judged like any other day.
    """
    lead_in_start = start - dt.timedelta(days=flares.LOOKBACK_DAYS)
    pairs = [(e.date, e.back_pain) for e in period_days(days, lead_in_start, end)]
    return [day for day in flares.flare_days(pairs) if day >= start]


def high_dates(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[dt.date]:
    """Like :func:`flare_dates`, but every day well above the usual level, a single bad day included."""
    lead_in_start = start - dt.timedelta(days=flares.LOOKBACK_DAYS)
    pairs = [(e.date, e.back_pain) for e in period_days(days, lead_in_start, end)]
    return [day for day in flares.high_days(pairs) if day >= start]


def flare_episodes(entries: Sequence[DayEntry], flare_set: Collection[dt.date]) -> list[FlareEpisode]:
    """Merge flare days into episodes.

    A logged non-flare day ends an episode; up to
    :data:`MAX_UNLOGGED_GAP_IN_EPISODE` unlogged days between flare days do not.
    """
    episodes: list[FlareEpisode] = []
    current: FlareEpisode | None = None
    for entry in entries:
        if entry.date not in flare_set:
            if current is not None:
                episodes.append(current)
                current = None
            continue
        if current is not None and (entry.date - current.end).days - 1 <= MAX_UNLOGGED_GAP_IN_EPISODE:
            current = FlareEpisode(current.start, entry.date, current.flare_days + 1)
        else:
            if current is not None:
                episodes.append(current)
            current = FlareEpisode(entry.date, entry.date, 1)
    if current is not None:
        episodes.append(current)
    return episodes


def _months(start: dt.date, end: dt.date) -> list[str]:
    months: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def flare_summary(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    flare_list: Sequence[dt.date] | None = None,
) -> FlareSummary:
    """Flare days, episodes, counts for every calendar month of the period and
    the median episode length (calendar days). ``flare_list`` may be passed
    when already computed by :func:`flare_dates`."""
    found = flare_dates(days, start, end) if flare_list is None else list(flare_list)
    episodes = flare_episodes(period_days(days, start, end), set(found))
    day_counts = {month: 0 for month in _months(start, end)}
    episode_counts = dict.fromkeys(day_counts, 0)
    for day in found:
        day_counts[day.strftime("%Y-%m")] += 1
    for episode in episodes:
        episode_counts[episode.start.strftime("%Y-%m")] += 1
    per_month = tuple(MonthCount(m, day_counts[m], episode_counts[m]) for m in day_counts)
    typical = stats.median([e.length_days for e in episodes])
    severe = flares.severe_days((e.date, e.back_pain) for e in period_days(days, start, end))
    lead_in_start = start - dt.timedelta(days=flares.LOOKBACK_DAYS)
    pairs = [(e.date, e.back_pain) for e in period_days(days, lead_in_start, end)]
    bad = [day for day in flares.bad_days(pairs) if day >= start]
    return FlareSummary(
        tuple(found), tuple(episodes), per_month, typical, tuple(severe), tuple(bad), judged_days(days, start, end)
    )


def judged_days(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> int:
    """How many logged days of the period have a known usual level (see :func:`flare_dates`)."""
    lead_in_start = start - dt.timedelta(days=flares.LOOKBACK_DAYS)
    pairs = [(e.date, e.back_pain) for e in period_days(days, lead_in_start, end)]
    return sum(1 for (date, _), usual in zip(pairs, flares.usual_levels(pairs)) if date >= start and usual is not None)
