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
same small-sample correction as the trend's. Benjamini–Hochberg false-discovery control at q = 0.10 runs
across every comparison shown, and "higher"/"lower" needs both that and a
95% interval that excludes zero. Of the rest, "no clear difference" is said
only when the interval rules out a difference of more than
:data:`NO_DIFFERENCE_POINTS` either way; otherwise it is "can't tell yet"
(or "too few days" when there is no estimate).

Breaks per sitting hour (:mod:`journal.core.break_rate`) are only known on
days with a timed sitting session, so they get a model of their own over
those days: the same regression (the same triggers, lags and measures, AR(1)
errors over the calendar) restricted to the days with a value, with the
breaks column added. Its p-value joins the Benjamini–Hochberg control with
every other comparison, so adding it makes the others no easier to call.

Associations only: a trigger noted on bad days is not shown to cause them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, TypeVar

from journal.core import ar1_regression, stats
from journal.core.catalog import name_key, tidy_name
from journal.core.day import DayEntry

MIN_DAYS_PER_SIDE: Final = 5
FDR_Q: Final = 0.10
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
    "Benjamini-Hochberg false-discovery control at q = 0.10 across all comparisons"
)
WORTH_DISCUSSING: Final = "Worth discussing with your doctor: "
#: From the realistic simulation (benchmarks/realistic_journals.py, 1,000 journals per setting,
#: docs/insights-realistic.md), not the easy one: with weekends, gaps in bad spells, pain near
#: the top of the scale, very persistent pain, heavy tails and many triggers all at once, a
#: trigger adding 1.5 points was found in 42-58% of journals at 90 days and 93-98% at 180 days
#: (80-91% at 90 days without those departures). The advice is shown until about 6 months.
WEEKS_FOR_INSIGHTS: Final = 26
LOGGING_ADVICE: Final = (
    "How long to log: in test journals with the ups and downs real diaries have, these comparisons "
    "found a trigger that adds 1.5 points to pain in only about half of journals after 3 months, "
    'and in over 9 in 10 after 6 months. Before that, most real patterns show as "can\'t tell yet".'
)


@dataclass(frozen=True, slots=True)
class TriggerImpact:
    """Back pain with a trigger vs without, on the same day (lag 0) or the next (lag 1).

    ``difference`` and its 95% interval are the model's estimate, adjusted
    for the other triggers, the daily measures and day-to-day correlation;
    None when the trigger could not be estimated ("too few days").
    ``q_value`` is the Benjamini–Hochberg adjusted p-value. ``sentence`` is
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


@dataclass(frozen=True, slots=True)
class _Measure:
    key: str
    label: str
    worse_words: str  # "less sleep"
    unit: str  # "hour less"
    sign: float  # +1 when a higher value is the worse direction
    value: Callable[[DayEntry], float | None]


@functools.lru_cache(maxsize=1024)
def _key(name: str) -> str:
    return name_key(name)


def sitting_hours(entry: DayEntry) -> float:
    """Hours of the "sitting" activity on a logged day (0 when none was noted)."""
    return sum(a.minutes for a in entry.activities if _key(a.name) == SITTING_KEY) / 60.0


MEASURES: Final[tuple[_Measure, ...]] = (
    _Measure("sleep_hours", "Sleep (hours)", "less sleep", "hour less sleep", -1.0, lambda e: e.sleep_hours),
    _Measure(
        "sleep_quality",
        "Sleep quality",
        "poorer sleep quality",
        "point poorer sleep quality",
        -1.0,
        lambda e: None if e.sleep_quality is None else float(e.sleep_quality),
    ),
    _Measure(
        "stress",
        "Mood / stress",
        "more stress",
        "point more stress",
        1.0,
        lambda e: None if e.stress is None else float(e.stress),
    ),
    _Measure("sitting_hours", "Sitting (hours)", "more sitting", "hour more sitting", 1.0, sitting_hours),
)
#: Not read from the day's entry: its values come from the sitting sessions (see :func:`trigger_model`).
BREAKS_MEASURE: Final = _Measure(
    BREAKS_KEY,
    "Breaks per sitting hour",
    "fewer breaks from sitting",
    "break fewer per hour of sitting",
    -1.0,
    lambda _entry: None,
)


def worse_words(key: str) -> str:
    """A measure's worse direction in words ("less sleep", "fewer breaks from sitting")."""
    return next(m.worse_words for m in (*MEASURES, BREAKS_MEASURE) if m.key == key)


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _q_text(q: float) -> str:
    return "q < 0.001" if q < 0.001 else f"q = {q:.3f}" if q < 0.01 else f"q = {q:.2f}"


# ---------------------------------------------------------------- columns


@dataclass
class _Column:
    """One candidate regressor and what is known about it."""

    kind: str  # "trigger", "measure" or "adjust" (in the model, never reported)
    key: str
    lag: int
    values: list[float]
    days_with: int = 0
    days_without: int = 0
    problem: str = ""  # why it is not estimated, in words
    estimate: tuple[float, float, float, float, float] | None = None  # diff, low, high, p, t
    vif: float = 1.0
    partner: _Column | None = None  # reported inside this column's comparison
    members: list[_Column] = field(default_factory=list)  # reported together with this one


def _rows(entries: Sequence[DayEntry]) -> list[int]:
    """Indices of entries whose previous calendar day is logged (and in the list)."""
    one_day = dt.timedelta(days=1)
    return [i for i in range(1, len(entries)) if entries[i - 1].date == entries[i].date - one_day]


def _measure_columns(entries: Sequence[DayEntry], rows: list[int]) -> tuple[list[_Column], list[int]]:
    """Measures recorded on enough rows, and the rows where all of them are recorded."""
    columns: list[_Column] = []
    for measure in MEASURES:
        values = [measure.value(entries[i]) for i in rows]
        recorded = [v for v in values if v is not None]
        if not rows or len(recorded) < MIN_MEASURE_SHARE * len(rows):
            continue
        most_common = Counter(recorded).most_common(1)[0][1] if recorded else 0
        if len(recorded) - most_common < MIN_DAYS_PER_SIDE:
            continue  # (almost) always the same value: nothing to compare
        columns.append(_Column("measure", measure.key, 0, [math.nan if v is None else v for v in values]))
    if not columns:
        return columns, list(range(len(rows)))
    import numpy as np

    table = np.array([c.values for c in columns], dtype=float)
    complete_mask = ~np.isnan(table).any(axis=0)
    kept = table[:, complete_mask]
    centred = kept - kept.mean(axis=1, keepdims=True) if kept.shape[1] else kept
    for column, values in zip(columns, centred):
        column.values = values.tolist()
        column.days_with = int(kept.shape[1])
    return columns, np.flatnonzero(complete_mask).tolist()


def _weekend_column(entries: Sequence[DayEntry], rows: list[int]) -> list[_Column]:
    """The weekend term for ``rows`` (1 on Saturdays and Sundays), when both kinds of day are there."""
    values = [1.0 if entries[i].date.weekday() >= 5 else 0.0 for i in rows]
    weekend = int(sum(values))
    if min(weekend, len(values) - weekend) < MIN_DAYS_PER_SIDE:
        return []
    return [_Column("adjust", WEEKEND_KEY, 0, values, weekend, len(values) - weekend)]


def _trigger_columns(entries: Sequence[DayEntry], rows: list[int], spellings: dict[str, str]) -> list[_Column]:
    import numpy as np

    order = {key: k for k, key in enumerate(sorted(spellings))}
    noted = np.zeros((len(entries), len(order)), dtype=float)  # entry × trigger, 1 when noted
    for index, entry in enumerate(entries):
        for trigger in entry.triggers:
            noted[index, order[_key(trigger)]] = 1.0
    at = np.asarray(rows, dtype=int)
    columns: list[_Column] = []
    for key, k in order.items():
        for lag in (0, 1):
            values = noted[at - lag, k] if len(at) else np.zeros(0)
            with_count = int(values.sum())
            columns.append(_Column("trigger", key, lag, values.tolist(), with_count, len(values) - with_count))
    return columns


def _choose_columns(columns: list[_Column], rows: int) -> list[_Column]:
    """Columns the model can estimate, in order: the weekend term, measures, then
    triggers with the most balanced counts; the rest get a ``problem``."""
    room = rows - ar1_regression.MIN_RESIDUAL_DF - 2  # regressors that fit beside intercept and ρ
    ordered = (
        [c for c in columns if c.kind == "adjust"]
        + [c for c in columns if c.kind == "measure"]
        + sorted(
            (c for c in columns if c.kind == "trigger"),
            key=lambda c: (-min(c.days_with, c.days_without), c.key, c.lag),
        )
    )
    chosen: list[_Column] = []
    basis = ar1_regression.ColumnBasis(rows)
    for column in ordered:
        if column.kind == "trigger" and min(column.days_with, column.days_without) < MIN_DAYS_PER_SIDE:
            column.problem = "few"
        elif len(chosen) >= room:
            column.problem = "room"
        elif not basis.add(column.values):
            column.problem = "together"
        else:
            chosen.append(column)
    return chosen


# ---------------------------------------------------------------- words


def _trigger_words(name: str, lag: int) -> str:
    return f"on days with {name}" if lag == 0 else f"on the day after {name}"


def _too_few_sentence(column: _Column, name: str) -> str:
    subject = name if column.lag == 0 else f"the day after {name}"
    if column.problem == "few-breaks":
        return (
            f"Too few days to compare breaks from sitting yet: {column.days_with} "
            f"{'day has' if column.days_with == 1 else 'days have'} at least an hour of timed sitting "
            f"and a logged day before; at least {MIN_BREAK_DAYS} are needed."
        )
    if column.problem == "same-breaks":
        return "Your breaks per sitting hour were almost the same on every day compared, so there is nothing to compare yet."
    if column.problem == "never-without":
        return f"{name.capitalize()} was noted on every day compared, so there are no days without it to compare with."
    if column.problem == "flat":
        return "Your back pain was the same on every day compared, so there is nothing to compare yet."
    if column.problem == "together":
        return (
            f"Too few days to compare {subject}: it was noted on the same days as other "
            "triggers, so it cannot be told apart from them."
        )
    if column.problem == "room":
        return f"Too few days to compare {subject} alongside everything else logged; it needs more logged days."
    if column.problem == "wide":
        return (
            f"Too few days to say anything about {subject} yet: the range of likely "
            "differences is wider than the whole 0-10 scale."
        )
    if column.problem == "model":
        return (
            f"Too few days to compare {subject}: comparisons need pairs of consecutive logged days, and there are not enough yet."
        )
    if column.lag == 0:
        return (
            f"Too few days to compare {name}: noted on {column.days_with} of the days "
            f"compared and not on {column.days_without}; at least {MIN_DAYS_PER_SIDE} of "
            "each are needed."
        )
    return (
        f"Too few days to compare the day after {name}: {column.days_with} days with it "
        f"and {column.days_without} without were followed by a logged day; at least "
        f"{MIN_DAYS_PER_SIDE} of each are needed."
    )


def _trigger_sentence(name: str, lag: int, verdict: str, difference: float, together: tuple[str, ...] = ()) -> str:
    when = _trigger_words(name, lag)
    if together:
        when += f", together with {_and(together)} (they cannot be told apart),"
    if verdict == VERDICT_HIGHER:
        return f"{WORTH_DISCUSSING}{when} your back pain was about {_fmt(difference)} points higher."
    if verdict == VERDICT_LOWER:
        return f"{WORTH_DISCUSSING}{when} your back pain was about {_fmt(-difference)} points lower."
    if verdict == VERDICT_NO_DIFFERENCE:
        return f"{when[0].upper()}{when[1:]} your back pain was about the same (no clear difference of more than 1 point)."
    return f"{when[0].upper()}{when[1:]} your back pain may or may not differ: can't tell yet."


def _details(difference: float, low: float, high: float, q: float, counts: str) -> str:
    return f"Difference {_fmt(difference)} points (95% CI {_fmt(low)} to {_fmt(high)}; {_q_text(q)}; {counts})."


def _measure_sentence(measure: _Measure, verdict: str, difference: float, together: tuple[str, ...] = ()) -> str:
    if together:
        measure = dataclasses.replace(
            measure, worse_words=f"{measure.worse_words}, together with {_and(together)} (they cannot be told apart),"
        )
    if verdict == VERDICT_HIGHER:
        return (
            f"{WORTH_DISCUSSING}on days with {measure.worse_words} your back pain tended to "
            f"be higher: about {_fmt(difference)} points for each {measure.unit}."
        )
    if verdict == VERDICT_LOWER:
        return (
            f"{WORTH_DISCUSSING}on days with {measure.worse_words} your back pain tended to "
            f"be lower: about {_fmt(-difference)} points for each {measure.unit}."
        )
    if verdict == VERDICT_NO_DIFFERENCE:
        return (
            f"Your back pain was about the same on days with {measure.worse_words} "
            f"(no clear difference of more than 1 point for each {measure.unit})."
        )
    return f"Can't tell yet whether your back pain differs on days with {measure.worse_words}."


def model_note(comparisons: int) -> str:
    """How the comparisons were made, in plain words."""
    if comparisons == 0:
        return ""
    return (
        f"{comparisons} comparison{'s were' if comparisons != 1 else ' was'} made in one model: "
        "each is adjusted for the others and for how pain runs on from one day to the next, and "
        "only those that still stand out after allowing for the number of comparisons are called "
        "higher or lower."
    )


# ---------------------------------------------------------------- the model


def _group_overlaps(chosen: list[_Column], result: ar1_regression.Ar1Fit, quantile: float) -> None:
    """Columns that cannot be told apart are compared as one.

    A reported column whose variance inflation factor is above
    :data:`MAX_VIF` is joined with the reported column it is most correlated
    with. Each group is reported once, by its *anchor* (a same-day trigger
    when there is one, since "days with prolonged sitting" is plainer than
    "per hour of sitting"): the estimate is the difference in pain that goes
    with the anchor *together with* the usual change of the other members
    (each member's coefficient weighted by its regression on the anchor,
    which for a 0/1 trigger is the difference in the member's mean between
    days with and without it), with its interval from the coefficients'
    covariance. The other members carry no estimate of their own; their
    p-values leave the false-discovery family and the group's one joins it.
    """
    import numpy as np

    reported = [k for k, c in enumerate(chosen) if c.kind != "adjust" and c.estimate is not None]
    if len(reported) < 2 or not result.covariance:
        return
    x = np.array([c.values for c in chosen], dtype=float).T
    centred = x - x.mean(axis=0)
    norms = np.linalg.norm(centred, axis=0)
    if not np.all(norms > 0):
        return
    corr = (centred.T @ centred) / np.outer(norms, norms)
    vif = np.diag(np.linalg.pinv(corr))
    parent = {k: k for k in reported}

    def root(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for k in reported:
        chosen[k].vif = float(vif[k])
        if vif[k] <= MAX_VIF:
            continue
        j = max((j for j in reported if j != k), key=lambda j: abs(float(corr[k, j])))
        if abs(float(corr[k, j])) >= MIN_OVERLAP_CORRELATION:
            parent[root(k)] = root(j)
    groups: dict[int, list[int]] = {}
    for k in reported:
        groups.setdefault(root(k), []).append(k)
    beta = np.asarray(result.coefficients)
    covariance = np.asarray(result.covariance)
    for members in groups.values():
        if len(members) < 2:
            continue
        anchor = min(
            members,
            key=lambda k: (chosen[k].kind != "trigger", chosen[k].lag, -min(chosen[k].days_with, chosen[k].days_without), k),
        )
        base = centred[:, anchor]
        weights = np.array([float(centred[:, k] @ base) / float(base @ base) for k in members])
        at = [k + 1 for k in members]  # the intercept comes first
        combined = float(weights @ beta[at])
        se = math.sqrt(max(float(weights @ covariance[np.ix_(at, at)] @ weights), 0.0))
        lead = chosen[anchor]
        lead.members = [chosen[k] for k in members if k != anchor]
        for member in lead.members:
            member.partner = lead
            member.estimate = None
        if not se > 0 or 2 * quantile * se > SCALE_POINTS:
            lead.estimate = None
            lead.problem = "wide"
            continue
        t = combined / se
        lead.estimate = (combined, combined - quantile * se, combined + quantile * se, stats.two_sided_p(t, result.df), t)


def _estimate(chosen: list[_Column], y: list[float], day_numbers: list[int], *, group: bool = False) -> float | None:
    """Fit the model, store each column's estimate; returns ρ, or None when it cannot be fitted.

    With ``group``, columns that cannot be told apart are compared together (:func:`_group_overlaps`)."""
    result = ar1_regression.fit(y, [c.values for c in chosen], day_numbers, correct_rho_bias=True)
    if result is None:
        for column in chosen:
            column.problem = "model"
        return None
    if result.sigma <= 1e-9:
        for column in chosen:
            column.problem = "flat"
        return result.rho
    quantile = stats.t_quantile(0.975, result.df)
    for column, beta, se in zip(chosen, result.coefficients[1:], result.std_errors[1:]):
        if not se > 0 or 2 * quantile * se > SCALE_POINTS:
            column.problem = "wide"
            continue
        t = beta / se
        column.estimate = (beta, beta - quantile * se, beta + quantile * se, stats.two_sided_p(t, result.df), t)
    if group:
        _group_overlaps(chosen, result, quantile)
    return result.rho


def _breaks_column(
    entries: Sequence[DayEntry], rows: list[int], spellings: dict[str, str], break_rates: Mapping[dt.date, float]
) -> _Column | None:
    """Breaks per sitting hour, estimated in the model restricted to the rows that have a value.

    None when no compared day has a value (nothing to say). Otherwise the
    column carries its estimate, or a ``problem`` saying why there is none.
    """
    with_rate = [i for i in rows if entries[i].date in break_rates]
    if not with_rate:
        return None
    column = _Column("measure", BREAKS_KEY, 0, [], days_with=len(with_rate))
    if len(with_rate) < MIN_BREAK_DAYS:
        column.problem = "few-breaks"
        return column
    measure_columns, complete = _measure_columns(entries, with_rate)
    with_rate = [with_rate[k] for k in complete]
    values = [break_rates[entries[i].date] for i in with_rate]
    column.days_with = len(values)
    if len(values) < MIN_BREAK_DAYS:
        column.problem = "few-breaks"
        return column
    if len(values) - Counter(values).most_common(1)[0][1] < MIN_DAYS_PER_SIDE:
        column.problem = "same-breaks"
        return column
    mean = sum(values) / len(values)
    column.values = [v - mean for v in values]
    trigger_columns = _trigger_columns(entries, with_rate, spellings)
    adjust = _weekend_column(entries, with_rate)
    chosen = _choose_columns([*adjust, column, *measure_columns, *trigger_columns], len(with_rate))
    if column in chosen:
        day_numbers = [entries[i].date.toordinal() for i in with_rate]
        _estimate(chosen, [float(entries[i].back_pain) for i in with_rate], day_numbers)
    return column


@dataclass
class _OutcomeFit:
    """One outcome's model: its columns, before the false-discovery control."""

    trigger_columns: list[_Column]
    measure_columns: list[_Column]
    estimated: list[_Column]
    rows: list[int]
    rho: float | None


def _fit_outcome(
    entries: Sequence[DayEntry],
    spellings: dict[str, str],
    outcome: Callable[[DayEntry], float],
    break_rates: Mapping[dt.date, float] | None,
) -> _OutcomeFit:
    all_rows = _rows(entries)
    measure_columns, complete = _measure_columns(entries, all_rows)
    rows = [all_rows[k] for k in complete]
    trigger_columns = _trigger_columns(entries, rows, spellings)
    chosen = _choose_columns(_weekend_column(entries, rows) + measure_columns + trigger_columns, len(rows))
    for column in trigger_columns:
        if column.problem == "few" and column.days_without == 0 and column.days_with > 0:
            column.problem = "never-without"
    day_numbers = [entries[i].date.toordinal() for i in rows]
    rho = (
        _estimate(chosen, [outcome(entries[i]) for i in rows], day_numbers, group=True)
        if any(c.kind != "adjust" for c in chosen)
        else None
    )
    breaks = _breaks_column(entries, all_rows, spellings, break_rates) if break_rates else None
    if breaks is not None:
        measure_columns.append(breaks)
    reported = [c for c in chosen if c.kind != "adjust"]
    estimated = [c for c in [*reported, *([breaks] if breaks is not None else [])] if c.estimate is not None]
    return _OutcomeFit(trigger_columns, measure_columns, estimated, rows, rho)


def _leg_entries(entries: Sequence[DayEntry], back: _OutcomeFit) -> list[DayEntry] | None:
    """The days with leg pain, when leg pain is logged on at least :data:`MIN_LEG_SHARE` of the back model's days."""
    if not back.rows:
        return None
    with_leg = sum(entries[i].leg_pain is not None for i in back.rows)
    if with_leg < MIN_LEG_SHARE * len(back.rows):
        return None
    return [e for e in entries if e.leg_pain is not None]


def _leg_value(entry: DayEntry) -> float:
    return float(entry.leg_pain if entry.leg_pain is not None else 0)


def trigger_model(entries: Sequence[DayEntry], break_rates: Mapping[dt.date, float] | None = None) -> TriggerModel:
    """Run the model over ``entries`` (one period's logged days, sorted by date).

    ``break_rates`` maps dates to breaks per sitting hour
    (:func:`journal.core.break_rate.daily_break_rates`); dates absent from it
    are unknown. When any compared day has one, a breaks association joins
    the measures (see the module notes).

    When leg pain is logged on at least :data:`MIN_LEG_SHARE` of the days the
    back-pain model compares, the same model runs on leg pain too (over the
    days with leg pain; breaks are left out), and its comparisons, marked
    ``pain="leg"``, join the one false-discovery control.
    """
    spellings: dict[str, str] = {}
    for entry in entries:
        for trigger in entry.triggers:
            spellings.setdefault(_key(trigger), tidy_name(trigger))
    back = _fit_outcome(entries, spellings, lambda e: float(e.back_pain), break_rates)
    leg_days = _leg_entries(entries, back)
    leg = _fit_outcome(leg_days, spellings, _leg_value, None) if leg_days is not None else None
    estimated = back.estimated + (leg.estimated if leg is not None else [])
    q_values = stats.benjamini_hochberg([c.estimate[3] for c in estimated if c.estimate])
    q_by_column = {id(c): q for c, q in zip(estimated, q_values)}

    def verdict(column: _Column) -> str:
        if column.partner is not None:
            return VERDICT_TOGETHER
        if column.estimate is None:
            return VERDICT_TOO_FEW
        difference, low, high, _, _ = column.estimate
        if q_by_column[id(column)] <= FDR_Q and (low > 0 or high < 0):
            return VERDICT_HIGHER if difference > 0 else VERDICT_LOWER
        if low >= -NO_DIFFERENCE_POINTS and high <= NO_DIFFERENCE_POINTS:
            return VERDICT_NO_DIFFERENCE
        return VERDICT_CANT_TELL

    def label(column: _Column) -> str:
        if column.kind == "trigger":
            return spellings[column.key] if column.lag == 0 else f"the day after {spellings[column.key]}"
        return worse_words(column.key)

    def together(column: _Column) -> tuple[str, ...]:
        return (label(column.partner),) if column.partner is not None else tuple(label(m) for m in column.members)

    triggers = [
        _trigger_result(c, spellings[c.key], verdict(c), q_by_column.get(id(c)), together(c)) for c in back.trigger_columns
    ]
    measures = [_measure_result(c, verdict(c), q_by_column.get(id(c)), together(c)) for c in back.measure_columns]
    if leg is not None:
        triggers += [
            _as_leg(_trigger_result(c, spellings[c.key], verdict(c), q_by_column.get(id(c)), together(c)))
            for c in leg.trigger_columns
        ]
        measures += [_as_leg(_measure_result(c, verdict(c), q_by_column.get(id(c)), together(c))) for c in leg.measure_columns]
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


_Result = TypeVar("_Result", TriggerImpact, MeasureAssociation)


def _as_leg(result: _Result) -> _Result:
    """A comparison of the leg-pain model: marked, and worded for leg pain."""
    return dataclasses.replace(
        result,
        pain=PAIN_LEG,
        sentence=result.sentence.replace("back pain", "leg pain"),
    )


def _together_sentence(subject: str, others: tuple[str, ...]) -> str:
    return (
        f"{subject[:1].upper()}{subject[1:]} cannot be told apart from {_and(others)}: they went together on most "
        "days, so they are compared together."
    )


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _together_details(column: _Column) -> str:
    return f"; together, VIF {column.vif:.0f}"


def _trigger_result(column: _Column, name: str, verdict: str, q: float | None, together: tuple[str, ...] = ()) -> TriggerImpact:
    counts = f"{column.days_with} days with it, {column.days_without} without"
    if verdict == VERDICT_TOGETHER:
        subject = name if column.lag == 0 else f"the day after {name}"
        return TriggerImpact(
            name,
            column.lag,
            column.days_with,
            column.days_without,
            None,
            None,
            None,
            VERDICT_TOGETHER,
            _together_sentence(subject, together),
            together=together,
        )
    if column.estimate is None or q is None:
        return TriggerImpact(
            name,
            column.lag,
            column.days_with,
            column.days_without,
            None,
            None,
            None,
            VERDICT_TOO_FEW,
            _too_few_sentence(column, name),
        )
    difference, low, high, _, _ = column.estimate
    return TriggerImpact(
        name,
        column.lag,
        column.days_with,
        column.days_without,
        difference,
        low,
        high,
        verdict,
        _trigger_sentence(name, column.lag, verdict, difference, together),
        q,
        details=_details(difference, low, high, q, counts + (_together_details(column) if together else "")),
        together=together,
    )


def _measure_result(column: _Column, verdict: str, q: float | None, together: tuple[str, ...] = ()) -> MeasureAssociation:
    measure = next(m for m in (*MEASURES, BREAKS_MEASURE) if m.key == column.key)
    if verdict == VERDICT_TOGETHER:
        sentence = _together_sentence(measure.worse_words, together)
        return MeasureAssociation(
            measure.key,
            measure.label,
            measure.unit,
            column.days_with,
            None,
            None,
            None,
            VERDICT_TOGETHER,
            sentence,
            together=together,
        )
    if column.estimate is None or q is None:
        sentence = _too_few_sentence(column, measure.worse_words)
        return MeasureAssociation(
            measure.key, measure.label, measure.unit, column.days_with, None, None, None, VERDICT_TOO_FEW, sentence
        )
    # The model's slope is per unit *up*; report it per unit in the worse direction.
    raw, raw_low, raw_high, _, _ = column.estimate
    difference, low, high = (raw, raw_low, raw_high) if measure.sign > 0 else (-raw, -raw_high, -raw_low)
    if verdict in (VERDICT_HIGHER, VERDICT_LOWER):
        verdict = VERDICT_HIGHER if difference > 0 else VERDICT_LOWER
    return MeasureAssociation(
        measure.key,
        measure.label,
        measure.unit,
        column.days_with,
        difference,
        low,
        high,
        verdict,
        _measure_sentence(measure, verdict, difference, together),
        q,
        details=_details(
            difference,
            low,
            high,
            q,
            f"per {measure.unit}; {column.days_with} days" + (_together_details(column) if together else ""),
        ),
        together=together,
    )
