"""What the trigger model reports: its limits, verdict words and result records.

The model itself is :mod:`journal.core.trigger_model`; these are shared by
the modules that build its columns, fit it and word its results.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

MIN_DAYS_PER_SIDE: Final = 5
#: "Higher"/"lower" needs a Holm-adjusted p-value at most this, across every comparison of the journal's period.
FAMILY_ALPHA: Final = 0.05
#: A daily measure enters the model when recorded on at least this share of the days compared.
MIN_MEASURE_SHARE: Final = 0.8
#: Leg pain is compared too when logged on at least this share of the days the back-pain model compares.
MIN_LEG_SHARE: Final = 0.8
PAIN_BACK: Final = "back"
PAIN_LEG: Final = "leg"
#: Breaks per sitting hour are compared from this many days with a value (and the day before logged).
MIN_BREAK_DAYS: Final = 20
BREAKS_KEY: Final = "breaks_per_sitting_hour"
#: No interval wider than the 0–10 scale is ever shown.
SCALE_POINTS: Final = 10.0
#: The top-of-scale correction (:func:`ceiling_factor`) stops growing when fewer days than this are below 10.
MIN_BELOW_TOP_SHARE: Final = 0.5
SITTING_KEY: Final = "sitting"
WEEKEND_KEY: Final = "weekend"

VERDICT_HIGHER: Final = "higher"
VERDICT_LOWER: Final = "lower"
VERDICT_NO_DIFFERENCE: Final = "no clear difference"
VERDICT_CANT_TELL: Final = "can't tell yet"
#: Neither higher nor lower (kept for callers that only need "not clear").
VERDICT_UNCLEAR: Final = VERDICT_CANT_TELL
UNCLEAR_VERDICTS: Final = (VERDICT_NO_DIFFERENCE, VERDICT_CANT_TELL)
#: "No clear difference" needs the whole 95% interval within this many points of zero.
NO_DIFFERENCE_POINTS: Final = 1.0
VERDICT_TOO_FEW: Final = "too few days"
#: Reported inside another comparison it cannot be told apart from (see :func:`_group_overlaps`).
VERDICT_TOGETHER: Final = "cannot be told apart"
#: Above this variance inflation factor a trigger or measure cannot be told apart from the
#: one it goes with most (whose correlation with it is at least :data:`MIN_OVERLAP_CORRELATION`).
MAX_VIF: Final = 5.0
MIN_OVERLAP_CORRELATION: Final = 0.6

METHOD: Final = (
    "one linear regression of back pain on every trigger on the same day and the day before, "
    "with sleep, sleep quality, mood/stress and sitting hours (centred) when recorded, a "
    "weekend term, and AR(1) errors over calendar days (feasible GLS, Prais-Winsten, "
    "small-sample bias correction of the correlation); breaks per sitting hour "
    "in the same model over the days with a timed sitting session; 95% intervals; "
    "Holm family-wise control at 5% across all comparisons (back and leg pain); "
    "estimates and intervals corrected for scores at the top of the scale (divided by the share of days below 10)"
)
WORTH_DISCUSSING: Final = "Worth discussing with your doctor: "
#: From the realistic simulation (benchmarks/realistic_journals.py, 1,000 journals per setting, seed 22,
#: docs/insights-realistic.md), not the easy one: a trigger adding 1.5 points was found in 63-78% of
#: plain journals and 27-42% with every departure at once (weekends, gaps in bad spells, pain near the
#: top, very persistent pain, heavy tails, many triggers) at 90 days, and in 84-100% at 180 days in
#: every setting. The advice is shown until about 6 months.
WEEKS_FOR_INSIGHTS: Final = 26
LOGGING_ADVICE: Final = (
    "How long to log: in test journals with the ups and downs real diaries have, these comparisons "
    "found a trigger that adds 1.5 points to pain in only about half of journals after 3 months, "
    'and in more than 8 in 10 after 6 months. Before that, most real patterns show as "can\'t tell yet".'
)


@dataclass(frozen=True, slots=True)
class TriggerImpact:
    """Back pain with a trigger vs without, on the same day (lag 0) or the next (lag 1).

    ``difference`` and its 95% interval are the model's estimate, adjusted
    for the other triggers, the daily measures and day-to-day correlation;
    None when the trigger could not be estimated ("too few days").
    ``q_value`` is the Holm-adjusted p-value (across every comparison of the period). ``sentence`` is
    plain words; ``details`` carries the numbers.
    """

    name: str
    lag_days: int
    days_with: int
    days_without: int
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    verdict: str
    sentence: str
    q_value: float | None = None
    method: str = METHOD
    details: str = ""
    #: What this comparison cannot be told apart from: with an estimate, the
    #: estimate is for all of them together; without one (verdict
    #: :data:`VERDICT_TOGETHER`), it is reported inside the first of them.
    together: tuple[str, ...] = ()
    pain: str = PAIN_BACK  # the outcome compared: "back" or "leg"


@dataclass(frozen=True, slots=True)
class MeasureAssociation:
    """Back pain per unit of a daily measure, in its *worse* direction.

    ``difference`` is points of back pain for one ``unit`` (for example one
    hour *less* sleep, one point *more* stress), adjusted like the triggers.
    """

    key: str
    label: str
    unit: str
    days: int
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    verdict: str
    sentence: str
    q_value: float | None = None
    details: str = ""
    together: tuple[str, ...] = ()  # as for :class:`TriggerImpact`
    pain: str = PAIN_BACK


@dataclass(frozen=True, slots=True)
class TriggerModel:
    """Every comparison of one period and how they were made."""

    triggers: tuple[TriggerImpact, ...]
    measures: tuple[MeasureAssociation, ...]
    comparisons: int
    days_compared: int
    rho: float | None
    note: str
    method: str = METHOD
    advice: str = ""  # how long to log, while the journal is short
