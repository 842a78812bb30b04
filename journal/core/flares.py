"""What counts as a flare: one definition shared by the cards, Trends, the summary and the report.

A flare is relative to the person. A day is *high* when its back pain
is at least :data:`ABOVE_USUAL` points, and at least :data:`SPREAD_FACTOR`
robust standard deviations of the same window's days (:func:`margin_of`),
above the person's usual level: the
median back pain of the :data:`USUAL_WINDOW_DAYS` calendar days before it,
leaving out the :data:`SKIPPED_RECENT_DAYS` days just before (so the start
of a flare does not raise its own baseline), with at least
:data:`MIN_USUAL_DAYS` of those days logged. Without enough logged days
there is no usual level yet and no day is called a flare. Days not logged
are skipped, never counted as zero.

A *flare* is a spell of at least :data:`MIN_SPELL_DAYS` high logged days in
a row (up to :data:`MAX_UNLOGGED_IN_SPELL` unlogged days between two of them
keep the spell going, and are shown as unlogged, never as flare days); its
high days are *flare days*. A single high day on its own is a *bad day*:
with noisy daily scores, single high days happen by chance every month even
when nothing flares.

A *severe day* (back pain of :data:`SEVERE_BACK_PAIN` or more) is its own
category, whatever the person's usual level: someone whose pain is usually
7 or 8 is not in one endless flare.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Final

SEVERE_BACK_PAIN: Final = 7
ABOVE_USUAL: Final = 2
USUAL_WINDOW_DAYS: Final = 28
SKIPPED_RECENT_DAYS: Final = 3
MIN_USUAL_DAYS: Final = 7
#: Calendar days before a day that can decide whether it is a flare day.
LOOKBACK_DAYS: Final = USUAL_WINDOW_DAYS + SKIPPED_RECENT_DAYS
MIN_SPELL_DAYS: Final = 2
#: A high day is at least this many robust standard deviations above the usual level.
SPREAD_FACTOR: Final = 1.5
MAX_UNLOGGED_IN_SPELL: Final = 2

DEFINITION: Final = (
    f"A flare is at least {MIN_SPELL_DAYS} logged days in a row when your back pain is at least "
    f"{ABOVE_USUAL} points above your usual level (more when your pain usually varies a lot from day "
    f"to day): the middle value (median) of the "
    f"{USUAL_WINDOW_DAYS} days before it, leaving out the {SKIPPED_RECENT_DAYS} days just before, "
    f"once at least {MIN_USUAL_DAYS} of those days are logged. A single such day is a bad day. "
    f"A severe day is a day with back pain of {SEVERE_BACK_PAIN} or more, whatever your usual level."
)

#: The same definition in a clinician's shorthand, for the report.
SHORT_DEFINITION: Final = (
    f"Flare: {MIN_SPELL_DAYS}+ logged days in a row with back pain {ABOVE_USUAL}+ points (and {SPREAD_FACTOR:g}+ "
    f"robust SDs) above the median "
    f"of the {USUAL_WINDOW_DAYS} days before the {SKIPPED_RECENT_DAYS} days just before ({MIN_USUAL_DAYS}+ "
    f"of them logged); one such day alone is a bad day. Severe day: {SEVERE_BACK_PAIN} or more."
)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2.0


def is_flare(back_pain: int, usual: float | None, margin: float = ABOVE_USUAL) -> bool:
    """Whether one day's back pain is high, given the person's usual level (None: not known yet)
    and how far above it counts (:func:`margin_of`)."""
    return usual is not None and back_pain - usual >= margin


def margin_of(values: Sequence[int]) -> float:
    """How far above the usual level a high day is, for a window of ``values``: at least
    :data:`ABOVE_USUAL` points, and at least :data:`SPREAD_FACTOR` times the window's robust
    spread (1.4826 × the median absolute deviation, the standard deviation for normal noise),
    so someone whose pain varies a lot from day to day is not in a flare every week."""
    if not values:
        return float(ABOVE_USUAL)
    middle = _median(values)
    spread = 1.4826 * _median([abs(v - middle) for v in values])
    return max(float(ABOVE_USUAL), SPREAD_FACTOR * spread)


def is_severe(back_pain: int) -> bool:
    """Back pain of 7 or more."""
    return back_pain >= SEVERE_BACK_PAIN


def _window(day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last date of the usual-level window for ``day``."""
    return day - dt.timedelta(days=LOOKBACK_DAYS), day - dt.timedelta(days=SKIPPED_RECENT_DAYS + 1)


def usual_levels(days: Sequence[tuple[dt.date, int]]) -> list[float | None]:
    """The usual back pain for each ``(date, back_pain)`` pair (see :func:`usual_levels_and_margins`)."""
    return [level for level, _ in usual_levels_and_margins(days)]


def usual_levels_and_margins(days: Sequence[tuple[dt.date, int]]) -> list[tuple[float | None, float]]:
    """The usual back pain for each ``(date, back_pain)`` pair (sorted by date, one per date).

    None where fewer than :data:`MIN_USUAL_DAYS` of the window's days are in ``days``.
    """
    window: list[int] = []  # the window's values, kept sorted as it slides
    entering = leaving = 0
    levels: list[tuple[float | None, float]] = []
    for date, _ in days:
        first, last = _window(date)
        while entering < len(days) and days[entering][0] <= last:
            bisect.insort(window, days[entering][1])
            entering += 1
        while leaving < entering and days[leaving][0] < first:
            window.pop(bisect.bisect_left(window, days[leaving][1]))
            leaving += 1
        enough = len(window) >= MIN_USUAL_DAYS
        levels.append((_median(window), margin_of(window)) if enough else (None, float(ABOVE_USUAL)))
    return levels


def usual_level(day: dt.date, earlier: Iterable[tuple[dt.date, int]]) -> float | None:
    """The usual back pain for ``day`` from ``(date, back_pain)`` pairs in any order."""
    first, last = _window(day)
    values = [pain for date, pain in earlier if first <= date <= last]
    return _median(values) if len(values) >= MIN_USUAL_DAYS else None


def is_high(day: dt.date, back_pain: int, earlier: Iterable[tuple[dt.date, int]]) -> bool:
    """Whether ``back_pain`` on ``day`` is high, from ``(date, back_pain)`` pairs in any order."""
    first, last = _window(day)
    values = [pain for date, pain in earlier if first <= date <= last]
    return len(values) >= MIN_USUAL_DAYS and is_flare(back_pain, _median(values), margin_of(values))


def high_days(days: Iterable[tuple[dt.date, int]]) -> list[dt.date]:
    """Dates :data:`ABOVE_USUAL`+ points above the usual level, from ``(date, back_pain)`` pairs in date order."""
    pairs = list(days)
    levels = usual_levels_and_margins(pairs)
    return [date for (date, pain), (usual, margin) in zip(pairs, levels) if is_flare(pain, usual, margin)]


def spells(days: Iterable[tuple[dt.date, int]]) -> list[list[dt.date]]:
    """Runs of high logged days: a logged day that is not high ends a run, and so do more than
    :data:`MAX_UNLOGGED_IN_SPELL` unlogged days."""
    pairs = list(days)
    high = set(high_days(pairs))
    runs: list[list[dt.date]] = []
    current: list[dt.date] = []
    for date, _ in pairs:
        if date not in high:
            if current:
                runs.append(current)
            current = []
            continue
        if current and (date - current[-1]).days - 1 > MAX_UNLOGGED_IN_SPELL:
            runs.append(current)
            current = []
        current.append(date)
    if current:
        runs.append(current)
    return runs


def flare_days(days: Iterable[tuple[dt.date, int]]) -> list[dt.date]:
    """Dates that are flare days (high days in a spell of at least :data:`MIN_SPELL_DAYS`),
    from ``(date, back_pain)`` pairs in date order."""
    return [date for run in spells(days) if len(run) >= MIN_SPELL_DAYS for date in run]


def bad_days(days: Iterable[tuple[dt.date, int]]) -> list[dt.date]:
    """High days on their own (not part of a flare)."""
    return [run[0] for run in spells(days) if len(run) < MIN_SPELL_DAYS]


def severe_days(days: Iterable[tuple[dt.date, int]]) -> list[dt.date]:
    """Dates with back pain of 7 or more."""
    return [date for date, pain in days if is_severe(pain)]
