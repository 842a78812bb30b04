"""Patterns in the journal over a period, worded as associations, never causes.

Every function takes ``days`` sorted by date (ascending, one entry per date)
together with the period bounds ``start`` and ``end`` (inclusive), and only
looks at entries inside the period. The one exception is the flare baseline:
:func:`flare_dates` lets the logged days of the 31 calendar days before
``start`` set the person's usual level, exactly as :mod:`journal.core.flares`
defines it.

Rules shared by all insights:

* Unlogged days are unknown, never zero.
* A rolling 7-day average needs at least 3 logged days in its window and is
  computed from days inside the period only.
* Anything that looks at "the next day" (trigger lag 1, boom-bust, activity
  baselines) only uses days inside the period.

The insights live in modules named for what they hold, all re-exported here:
:mod:`journal.core.insight_period` (days of a period),
:mod:`journal.core.insight_flares`, :mod:`journal.core.insight_triggers`,
:mod:`journal.core.insight_activity` and :mod:`journal.core.insight_trend`
(weeks, trend and PEG).
"""

from __future__ import annotations

from journal.core.insight_activity import (
    BOOM_EXTRA_MINUTES,
    BOOM_FACTOR,
    BOOM_FLARE_WITHIN_DAYS,
    MIN_BASELINE_DAYS,
    PACING_SOURCE,
    SITTING_KEY,
    SITTING_SOURCE,
    ActivityStats,
    BoomBust,
    PacingSuggestion,
    activity_stats,
    is_boom,
    is_effortful,
    pacing_suggestions,
)
from journal.core.insight_flares import (
    MAX_UNLOGGED_GAP_IN_EPISODE,
    FlareEpisode,
    FlareSummary,
    MonthCount,
    flare_dates,
    flare_episodes,
    flare_summary,
    high_dates,
    judged_days,
)
from journal.core.insight_period import (
    ONE_DAY,
    cached_name_key,
    calendar,
    daily_values,
    iso_week_label,
    one_decimal,
    period_days,
    week_monday,
    week_number,
)
from journal.core.insight_trend import (
    DAYS_PER_MONTH,
    MIN_DAYS_PER_WEEK,
    MIN_TREND_POINTS,
    PEG_EDGE_DAYS,
    STEADY_BAND_PER_DAY,
    STEADY_POINTS,
    TREND_IMPROVING,
    TREND_STEADY,
    TREND_TOO_FEW,
    TREND_UNCLEAR,
    TREND_WORSENING,
    Trend,
    WeeklyValue,
    WeekStat,
    best_and_worst_weeks,
    peg_start_end,
    rolling_back_pain,
    trend,
    trend_verdict,
    week_stats,
    weekly_peg,
)
from journal.core.insight_triggers import (
    CAVEAT,
    MIN_DAYS_PER_SIDE,
    UNCLEAR_VERDICTS,
    VERDICT_CANT_TELL,
    VERDICT_HIGHER,
    VERDICT_LOWER,
    VERDICT_NO_DIFFERENCE,
    VERDICT_TOGETHER,
    VERDICT_TOO_FEW,
    VERDICT_UNCLEAR,
    trigger_analysis,
    trigger_impacts,
)

__all__ = [
    "ActivityStats",
    "BOOM_EXTRA_MINUTES",
    "BOOM_FACTOR",
    "BOOM_FLARE_WITHIN_DAYS",
    "BoomBust",
    "CAVEAT",
    "DAYS_PER_MONTH",
    "FlareEpisode",
    "FlareSummary",
    "MAX_UNLOGGED_GAP_IN_EPISODE",
    "MIN_BASELINE_DAYS",
    "MIN_DAYS_PER_SIDE",
    "MIN_DAYS_PER_WEEK",
    "MIN_TREND_POINTS",
    "MonthCount",
    "ONE_DAY",
    "PACING_SOURCE",
    "PEG_EDGE_DAYS",
    "PacingSuggestion",
    "SITTING_KEY",
    "SITTING_SOURCE",
    "STEADY_BAND_PER_DAY",
    "STEADY_POINTS",
    "TREND_IMPROVING",
    "TREND_STEADY",
    "TREND_TOO_FEW",
    "TREND_UNCLEAR",
    "TREND_WORSENING",
    "Trend",
    "UNCLEAR_VERDICTS",
    "VERDICT_CANT_TELL",
    "VERDICT_HIGHER",
    "VERDICT_LOWER",
    "VERDICT_NO_DIFFERENCE",
    "VERDICT_TOGETHER",
    "VERDICT_TOO_FEW",
    "VERDICT_UNCLEAR",
    "WeekStat",
    "WeeklyValue",
    "activity_stats",
    "best_and_worst_weeks",
    "cached_name_key",
    "calendar",
    "daily_values",
    "flare_dates",
    "flare_episodes",
    "flare_summary",
    "high_dates",
    "is_boom",
    "is_effortful",
    "iso_week_label",
    "judged_days",
    "one_decimal",
    "pacing_suggestions",
    "peg_start_end",
    "period_days",
    "rolling_back_pain",
    "trend",
    "trend_verdict",
    "trigger_analysis",
    "trigger_impacts",
    "week_monday",
    "week_number",
    "week_stats",
    "weekly_peg",
]
