"""Boom and bust, from the data: is a flare more likely after a day of much more activity than usual?

For each effortful activity, its "boom" days (at least 1.5 × the usual
minutes and at least 30 minutes more; the usual is the median over all days
it was done) are compared with the other days it was done: the share of
each followed by a flare day within the next two calendar days, as a risk
difference with Newcombe's interval from two Wilson intervals. Each day
counts once. The intervals are widened for the number of activities
compared (Bonferroni), so that looking at many activities does not produce
boom-and-bust patterns by chance. Sitting, driving, standing and relaxation
are not effort and are never booms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from journal.core import stats

BOOM_FACTOR: Final = 1.5
BOOM_EXTRA_MINUTES: Final = 30
FLARE_WITHIN_DAYS: Final = 2
#: A boom-and-bust comparison needs at least this many boom days (3 let a suggestion rest on chance).
MIN_BOOMS: Final = 5
MIN_OTHER_DAYS: Final = 5
#: Activity names (matched ignoring case) that are not effort.
NOT_EFFORTFUL: Final = frozenset({"sitting", "driving", "standing", "relaxation or breathing"})
CONFIDENCE: Final = 0.95
_AHEAD: Final = tuple(dt.timedelta(days=k) for k in range(1, FLARE_WITHIN_DAYS + 1))


@dataclass(frozen=True, slots=True)
class BoomComparison:
    """Flares within two days after boom days vs after the activity's other days.

    ``difference`` is the difference in the share of days followed by a
    flare (boom minus other), with its interval (widened for the number of
    activities compared); ``supported`` when the whole interval is above 0.
    """

    activity: str
    booms: int
    booms_then_flare: int
    other_days: int
    others_then_flare: int
    difference: float
    ci_low: float
    ci_high: float
    supported: bool


def is_boom(minutes: float, usual: float) -> bool:
    """Well above the usual: at least 1.5 × usual and at least 30 minutes more."""
    return minutes >= BOOM_FACTOR * usual and minutes >= usual + BOOM_EXTRA_MINUTES


def flare_followed(day: dt.date, logged: Collection[dt.date], flare_set: Collection[dt.date]) -> bool | None:
    """Whether a flare came within the next two days; None when that is unknown
    (no flare seen and not both days logged)."""
    ahead = [day + _AHEAD[k] for k in range(FLARE_WITHIN_DAYS)]
    if any(d in flare_set for d in ahead):
        return True
    if all(d in logged for d in ahead):
        return False
    return None


def _normal_quantile(p: float) -> float:
    return stats.t_quantile(p, 1e7)


def compare(
    activity: str,
    done: Sequence[tuple[dt.date, int]],
    usual: float,
    logged: Collection[dt.date],
    flare_set: Collection[dt.date],
    comparisons: int,
) -> BoomComparison | None:
    """The comparison for one activity, or None with fewer than 3 boom days or 5 other days
    whose next two days are known."""
    booms = others = booms_flare = others_flare = 0
    for day, minutes in done:
        outcome = flare_followed(day, logged, flare_set)
        if outcome is None:
            continue
        if is_boom(minutes, usual):
            booms += 1
            booms_flare += outcome
        else:
            others += 1
            others_flare += outcome
    if booms < MIN_BOOMS or others < MIN_OTHER_DAYS:
        return None
    z = _normal_quantile(1.0 - (1.0 - CONFIDENCE) / 2.0 / max(1, comparisons))
    result = stats.risk_difference(booms_flare, booms, others_flare, others, z)
    assert result is not None
    difference, low, high = result
    return BoomComparison(activity, booms, booms_flare, others, others_flare, difference, low, high, supported=low > 0)
