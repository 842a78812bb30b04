"""When the insights should be read with care, in plain words.

Each caution has a stable ``code`` (for ``summary --json``) and a sentence
for people. They come from what the realistic simulation
(benchmarks/realistic_journals.py, docs/insights-realistic.md) showed the
method gets wrong:

* ``near_ceiling``: with usual pain of 7 or more, scores cannot go much
  higher, so differences in the scores are squashed; the comparisons allow
  for it (:func:`journal.core.trigger_fit.ceiling_factor`), but only
  approximately, and other figures (averages, flares, the trend) do not;
* ``high_day_to_day_correlation``: when pain runs on from day to day very
  strongly (correlation above 0.9), intervals are less certain than they
  look and a trend can appear from drift alone;
* ``fewer_days_logged_when_pain_was_high``: when bad weeks are logged less
  than others, the worst days are missing from every figure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from journal.core import stats
from journal.core.day import DayEntry

NEAR_CEILING: Final = "near_ceiling"
HIGH_CORRELATION: Final = "high_day_to_day_correlation"
FEWER_DAYS_WHEN_HIGH: Final = "fewer_days_logged_when_pain_was_high"

#: Median pain at or above this is near the top of the scale.
CEILING_MEDIAN: Final = 7.0
#: Day-to-day correlation above this is "very persistent" (as for the trend's rule).
HIGH_RHO: Final = 0.9
#: A week's logged mean at least this many points above the median of the weekly means is a high-pain week.
HIGH_WEEK_POINTS: Final = 1.5
#: Logging in high-pain weeks this many percentage points below the other weeks is worth a caution.
LOGGING_GAP: Final = 0.15
#: Each side needs at least this many weeks.
MIN_WEEKS: Final = 2


@dataclass(frozen=True, slots=True)
class Caution:
    code: str
    sentence: str


def _near_ceiling(pains: Sequence[int], outcome: str) -> Caution | None:
    middle = stats.median([float(p) for p in pains])
    if middle is None or middle < CEILING_MEDIAN:
        return None
    return Caution(
        NEAR_CEILING,
        f"Your {outcome} pain was usually {middle:g} or more out of 10, and scores near 10 cannot go higher, "
        "so differences in pain are larger than the scores show. The comparisons allow for this, which "
        "makes their ranges wider; averages and changes over time may still understate them.",
    )


def _high_correlation(rho: float | None) -> Caution | None:
    if rho is None or rho <= HIGH_RHO:
        return None
    return Caution(
        HIGH_CORRELATION,
        "Your pain runs on from one day to the next very strongly, so the ranges shown are less certain "
        "than they look, and a change in direction needs about 6 months of logging to show.",
    )


def _logging_when_high(entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> Caution | None:
    """Share of calendar days logged in high-pain weeks against the other weeks (whole weeks inside the period)."""
    weeks: dict[dt.date, list[int]] = {}
    for entry in entries:
        if start <= entry.date <= end:
            weeks.setdefault(entry.date - dt.timedelta(days=entry.date.weekday()), []).append(entry.back_pain)
    monday = start + dt.timedelta(days=(7 - start.weekday()) % 7)
    whole = {m: v for m, v in weeks.items() if m >= monday and m + dt.timedelta(days=6) <= end}
    if not whole:
        return None
    means = {m: sum(v) / len(v) for m, v in whole.items()}
    middle = stats.median(list(means.values()))
    assert middle is not None
    high = [m for m, value in means.items() if value >= middle + HIGH_WEEK_POINTS]
    other = [m for m in means if m not in high]
    # weeks with nothing logged count as "other" weeks: their pain is unknown
    total_weeks = sum(1 for _ in range(((end - monday).days + 1) // 7))
    missing = total_weeks - len(whole)
    if len(high) < MIN_WEEKS or len(other) + missing < MIN_WEEKS:
        return None
    high_share = sum(len(whole[m]) for m in high) / (7 * len(high))
    other_share = sum(len(whole[m]) for m in other) / (7 * (len(other) + missing))
    if other_share - high_share < LOGGING_GAP:
        return None
    return Caution(
        FEWER_DAYS_WHEN_HIGH,
        f"You logged {round(100 * high_share)}% of days in weeks with high pain and {round(100 * other_share)}% "
        "otherwise, so the worst days are probably missing from these figures and the differences may be "
        "larger than shown.",
    )


def cautions(
    entries: Sequence[DayEntry], start: dt.date, end: dt.date, rho: float | None, trend_rho: float | None = None
) -> tuple[Caution, ...]:
    """Every caution that applies to the period's logged ``entries``.

    ``rho`` is the trigger model's day-to-day correlation, ``trend_rho`` the
    trend's; either above :data:`HIGH_RHO` gives the correlation caution.
    """
    inside = [e for e in entries if start <= e.date <= end]
    found: list[Caution | None] = [_near_ceiling([e.back_pain for e in inside], "back")]
    legs = [e.leg_pain for e in inside if e.leg_pain is not None]
    if found[0] is None and len(legs) >= max(1, len(inside) // 2):
        found.append(_near_ceiling(legs, "leg"))
    found.append(_high_correlation(max((r for r in (rho, trend_rho) if r is not None), default=None)))
    found.append(_logging_when_high(inside, start, end))
    return tuple(c for c in found if c is not None)
