"""What goes with worse back pain: one model for all triggers and daily measures.

Back pain on each logged day whose previous calendar day is also logged is
regressed, in one model, on every trigger of that day (lag 0), every
trigger of the previous day (lag 1) and, when recorded on most of those
days, sleep hours, sleep quality, mood/stress and hours of sitting
(centred). Each estimate is therefore adjusted for all the others, and for
the day of the week: a weekend term (Saturday or Sunday) is in the model
whenever both weekend and weekday days are compared, because pain often
differs at weekends and so do many triggers (a long drive, gardening). It is
adjusted for but never reported. The errors follow an AR(1) process over
calendar days (see :mod:`journal.core.ar1_regression`), because a bad day is
usually followed by another; the estimated day-to-day correlation gets the
same small-sample correction as the trend's. "Higher"/"lower" needs a
Holm-adjusted p-value of at most :data:`FAMILY_ALPHA` across every comparison
of the period (triggers, measures, breaks, back and leg pain): the chance
that a journal shows *any* false pattern among them stays at most 5%,
however many comparisons it has. Every estimate and interval is on the
scale as if it went on above 10 (:func:`~journal.core.trigger_fit.ceiling_factor`):
near the top, scores of 10 squash differences. Of the rest, "no clear
difference" is said only when the interval rules out a difference of more
than :data:`NO_DIFFERENCE_POINTS` either way; otherwise it is "can't tell yet"
(or "too few days" when there is no estimate).

Breaks per sitting hour (:mod:`journal.core.break_rate`) are only known on
days with a timed sitting session, so they get a model of their own over
those days: the same regression (the same triggers, lags and measures, AR(1)
errors over the calendar) restricted to the days with a value, with the
breaks column added. Its p-value joins the one Holm control with every
other comparison, so adding it makes the others no easier to call.

Associations only: a trigger noted on bad days is not shown to cause them.

The parts live apart: :mod:`journal.core.trigger_types` (limits, verdict
words, result records), :mod:`journal.core.trigger_columns` (days compared
and the model's columns), :mod:`journal.core.trigger_fit` (fitting one
outcome) and :mod:`journal.core.trigger_words` (sentences); this module runs
them for back and leg pain and applies the one multiplicity control.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from journal.core import stats
from journal.core.catalog import tidy_name
from journal.core.day import DayEntry
from journal.core.trigger_columns import BREAKS_MEASURE, MEASURES, Column, cached_key, sitting_hours, worse_words
from journal.core.trigger_fit import ceiling_factor, fit_outcome, leg_entries, leg_value
from journal.core.trigger_types import (
    BREAKS_KEY,
    FAMILY_ALPHA,
    LOGGING_ADVICE,
    MAX_VIF,
    METHOD,
    MIN_BELOW_TOP_SHARE,
    MIN_BREAK_DAYS,
    MIN_DAYS_PER_SIDE,
    MIN_LEG_SHARE,
    MIN_MEASURE_SHARE,
    MIN_OVERLAP_CORRELATION,
    NO_DIFFERENCE_POINTS,
    PAIN_BACK,
    PAIN_LEG,
    SCALE_POINTS,
    SITTING_KEY,
    UNCLEAR_VERDICTS,
    VERDICT_CANT_TELL,
    VERDICT_HIGHER,
    VERDICT_LOWER,
    VERDICT_NO_DIFFERENCE,
    VERDICT_TOGETHER,
    VERDICT_TOO_FEW,
    VERDICT_UNCLEAR,
    WEEKEND_KEY,
    WEEKS_FOR_INSIGHTS,
    WORTH_DISCUSSING,
    MeasureAssociation,
    TriggerImpact,
    TriggerModel,
)
from journal.core.trigger_words import as_leg, measure_result, model_note, trigger_result

#: Re-exported: callers read the model's limits, verdicts and records from here.
__all__ = [
    "BREAKS_KEY",
    "BREAKS_MEASURE",
    "FAMILY_ALPHA",
    "LOGGING_ADVICE",
    "MAX_VIF",
    "MEASURES",
    "METHOD",
    "MIN_BELOW_TOP_SHARE",
    "MIN_BREAK_DAYS",
    "MIN_DAYS_PER_SIDE",
    "MIN_LEG_SHARE",
    "MIN_MEASURE_SHARE",
    "MIN_OVERLAP_CORRELATION",
    "MeasureAssociation",
    "NO_DIFFERENCE_POINTS",
    "PAIN_BACK",
    "PAIN_LEG",
    "SCALE_POINTS",
    "SITTING_KEY",
    "TriggerImpact",
    "TriggerModel",
    "UNCLEAR_VERDICTS",
    "VERDICT_CANT_TELL",
    "VERDICT_HIGHER",
    "VERDICT_LOWER",
    "VERDICT_NO_DIFFERENCE",
    "VERDICT_TOGETHER",
    "VERDICT_TOO_FEW",
    "VERDICT_UNCLEAR",
    "WEEKEND_KEY",
    "WEEKS_FOR_INSIGHTS",
    "WORTH_DISCUSSING",
    "ceiling_factor",
    "model_note",
    "sitting_hours",
    "trigger_model",
    "worse_words",
]


def trigger_model(entries: Sequence[DayEntry], break_rates: Mapping[dt.date, float] | None = None) -> TriggerModel:
    """Run the model over ``entries`` (one period's logged days, sorted by date).

    ``break_rates`` maps dates to breaks per sitting hour
    (:func:`journal.core.break_rate.daily_break_rates`); dates absent from it
    are unknown. When any compared day has one, a breaks association joins
    the measures (see the module notes).

    When leg pain is logged on at least :data:`MIN_LEG_SHARE` of the days the
    back-pain model compares, the same model runs on leg pain too (over the
    days with leg pain; breaks are left out), and its comparisons, marked
    ``pain="leg"``, join the one Holm control.
    """
    spellings: dict[str, str] = {}
    for entry in entries:
        for trigger in entry.triggers:
            spellings.setdefault(cached_key(trigger), tidy_name(trigger))
    back = fit_outcome(entries, spellings, lambda e: float(e.back_pain), break_rates)
    leg_days = leg_entries(entries, back)
    leg = fit_outcome(leg_days, spellings, leg_value, None) if leg_days is not None else None
    estimated = back.estimated + (leg.estimated if leg is not None else [])
    q_values = stats.holm([c.estimate[3] for c in estimated if c.estimate])
    q_by_column = {id(c): q for c, q in zip(estimated, q_values)}

    def verdict(column: Column) -> str:
        if column.partner is not None:
            return VERDICT_TOGETHER
        if column.estimate is None:
            return VERDICT_TOO_FEW
        difference, low, high, _, _ = column.estimate
        if q_by_column[id(column)] <= FAMILY_ALPHA and (low > 0 or high < 0):
            return VERDICT_HIGHER if difference > 0 else VERDICT_LOWER
        if low >= -NO_DIFFERENCE_POINTS and high <= NO_DIFFERENCE_POINTS:
            return VERDICT_NO_DIFFERENCE
        return VERDICT_CANT_TELL

    def label(column: Column) -> str:
        if column.kind == "trigger":
            return spellings[column.key] if column.lag == 0 else f"the day after {spellings[column.key]}"
        return worse_words(column.key)

    def together(column: Column) -> tuple[str, ...]:
        return (label(column.partner),) if column.partner is not None else tuple(label(m) for m in column.members)

    triggers = [
        trigger_result(c, spellings[c.key], verdict(c), q_by_column.get(id(c)), together(c)) for c in back.trigger_columns
    ]
    measures = [measure_result(c, verdict(c), q_by_column.get(id(c)), together(c)) for c in back.measure_columns]
    if leg is not None:
        triggers += [
            as_leg(trigger_result(c, spellings[c.key], verdict(c), q_by_column.get(id(c)), together(c)))
            for c in leg.trigger_columns
        ]
        measures += [as_leg(measure_result(c, verdict(c), q_by_column.get(id(c)), together(c))) for c in leg.measure_columns]
    short = bool(triggers or measures) and len(back.rows) < WEEKS_FOR_INSIGHTS * 7
    return TriggerModel(
        tuple(triggers),
        tuple(measures),
        len(estimated),
        len(back.rows),
        back.rho,
        model_note(len(estimated)),
        advice=LOGGING_ADVICE if short else "",
    )
