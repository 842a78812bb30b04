"""The one summary of a period that every view renders.

:func:`build_summary` computes everything once; the command line (text and
``--json``), the trends screen and the doctor's report all render the same
:class:`Summary` and never recompute any of it.

Numbers are rounded once, here, to :data:`DECIMALS` decimal places (so the
JSON, the screen and the report agree); sentences written for people use
one decimal. Dates in JSON are ``YYYY-MM-DD`` strings and missing values are
``null``.

The period is ``start`` … ``end`` inclusive. ``days`` may hold entries
outside it: only entries inside the period are summarised, except that up to
31 calendar days before ``start`` set the usual level used to spot flares
on the first days of the period (see :func:`journal.core.insights.flare_dates`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, TypeVar, overload

from journal.core import daily_measures, flares, insights, redflags, trigger_model
from journal.core.about_you import REPORT_TITLE, AboutYou, apply_by_day, report_json, report_lines, shared
from journal.core.catalog import Urgency, default_urgencies, name_key
from journal.core.cautions import Caution, cautions
from journal.core.daily_measures import DailyMeasures
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.core.function_check import FunctionCheck, check_line
from journal.core.function_check import to_json as function_json
from journal.core.insights import (
    ActivityStats,
    BoomBust,
    FlareSummary,
    PacingSuggestion,
    Trend,
    WeeklyValue,
    WeekStat,
)
from journal.core.readings import PainReading
from journal.core.redflags import PersistentPain, RedFlag, grouped, persistent_severe_pain, red_flags_of
from journal.core.sitting import SittingSummary
from journal.core.sources import readable
from journal.core.time_of_day import DayPattern, day_pattern, pattern_lines
from journal.core.treatments import BeforeAfter, treatment_json, treatment_text
from journal.core.trigger_model import MeasureAssociation, TriggerImpact, TriggerModel
from journal.core.visit_change import EndChange, change_since
from journal.core.visit_change import to_json as change_json
from journal.core.what_helped import WhatHelped, what_helped
from journal.core.what_helped import text_lines as what_helped_text
from journal.core.what_helped import to_json as what_helped_json
from journal.core.words import plural as plural  # the one counted-word helper; renderers import it from here too

DECIMALS: Final = 2
RED_FLAG_URGENCIES: Final = (Urgency.URGENT, Urgency.SOON)
_URGENCY_WORDS: Final = {Urgency.URGENT: "seek medical care now", Urgency.SOON: "see your doctor soon"}

_T = TypeVar("_T")


@overload
def rounded(value: float) -> float: ...
@overload
def rounded(value: None) -> None: ...
@overload
def rounded(value: float | None) -> float | None: ...


def rounded(value: float | None) -> float | None:
    """The summary's one rounding: DECIMALS places, no negative zero, None kept."""
    if value is None:
        return None
    return round(float(value), DECIMALS) + 0.0


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


# ---------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class DayValue:
    date: dt.date
    value: int


@dataclass(frozen=True, slots=True)
class BackPainSummary:
    """Back pain over logged days; start/end_avg are the first and last 7-day averages."""

    mean: float | None
    min: int | None
    max: int | None
    start_avg: float | None
    end_avg: float | None
    best_day: DayValue | None
    worst_day: DayValue | None


@dataclass(frozen=True, slots=True)
class LegPainSummary:
    """Leg pain over the logged days that recorded it (``days``): an outcome in its own right,
    with severe days, flares and a trend worked out exactly as for back pain."""

    mean: float | None
    min: int | None
    max: int | None
    days: int
    flares: FlareSummary | None = None
    trend: Trend | None = None


@dataclass(frozen=True, slots=True)
class PegSummary:
    """PEG over the first and last 7 calendar days, and per ISO week."""

    start: float | None
    end: float | None
    weekly: tuple[WeeklyValue, ...]


@dataclass(frozen=True, slots=True)
class ActivitiesSummary:
    items: tuple[ActivityStats, ...]
    pacing: tuple[PacingSuggestion, ...]


@dataclass(frozen=True, slots=True)
class MedicationUse:
    name: str  # as written
    days: int


@dataclass(frozen=True, slots=True)
class DatedText:
    date: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything shown about one period. Build with :func:`build_summary`."""

    period: Period
    days_in_period: int
    days_logged: int
    back_pain: BackPainSummary
    leg_pain: LegPainSummary
    peg: PegSummary
    daily: DailyMeasures
    triggers: tuple[TriggerImpact, ...]
    measure_associations: tuple[MeasureAssociation, ...]
    trigger_note: str
    trigger_advice: str
    trigger_method: str
    red_flags: tuple[RedFlag, ...]
    flares: FlareSummary
    activities: ActivitiesSummary
    trend: Trend
    medications: tuple[MedicationUse, ...]
    questions: tuple[DatedText, ...]
    notes: tuple[DatedText, ...]
    best_week: WeekStat | None
    worst_week: WeekStat | None
    caveat: str
    #: Relief and medications as the person rated them, and days with a painkiller (schema 8).
    what_helped: WhatHelped
    #: Treatments going in the period, each with pain before and after it started (schema 8).
    treatments: tuple[BeforeAfter, ...] = ()
    #: Back pain, leg pain and PEG: the first two weeks of the period against the last two.
    change: tuple[EndChange, ...] = ()
    #: What the person could do, as answered in the period's checks (schema 8).
    function: tuple[FunctionCheck, ...] = ()
    cautions: tuple[Caution, ...] = ()
    #: The six-weeks rule at the end of the period (:func:`journal.core.redflags.persistent_severe_pain`).
    six_weeks: PersistentPain | None = None
    #: What the person told about themselves, only if they ticked "include in my report".
    about_you: AboutYou | None = None
    #: Pain-now readings by part of the day, over the period's last 4 weeks with readings (schema 11).
    through_the_day: DayPattern | None = None

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (only str, int, float, bool, None, list and dict)."""
        return summary_to_json(self)


# ---------------------------------------------------------------- building


def _back_pain(entries: Sequence[DayEntry], trend: Trend) -> BackPainSummary:
    if not entries:
        return BackPainSummary(None, None, None, None, None, None, None)
    pains = [e.back_pain for e in entries]
    best = min(entries, key=lambda e: e.back_pain)
    worst = max(entries, key=lambda e: e.back_pain)
    return BackPainSummary(
        mean=rounded(sum(pains) / len(pains)),
        min=min(pains),
        max=max(pains),
        start_avg=rounded(trend.start_avg),
        end_avg=rounded(trend.end_avg),
        best_day=DayValue(best.date, best.back_pain),
        worst_day=DayValue(worst.date, worst.back_pain),
    )


def leg_days(days: Sequence[DayEntry]) -> list[DayEntry]:
    """The days with leg pain, with leg pain in the place of back pain, so every back-pain rule
    (severe days, flares, trend) reads leg pain unchanged."""
    return [dataclasses.replace(e, back_pain=e.leg_pain) for e in days if e.leg_pain is not None]


def _leg_pain(ordered: Sequence[DayEntry], entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> LegPainSummary:
    values = [e.leg_pain for e in entries if e.leg_pain is not None]
    if not values:
        return LegPainSummary(None, None, None, 0)
    # only the period and the days before it that can set the usual level for flares
    as_back = leg_days(insights.period_days(ordered, start - dt.timedelta(days=flares.LOOKBACK_DAYS), end))
    found = insights.trend(as_back, start, end)
    trend = dataclasses.replace(
        _round_fields(found, "slope_per_day", "ci_low", "ci_high", "start_avg", "end_avg"),
        step=None if found.step is None else _round_fields(found.step, "before", "after", "change"),
        sentence=found.sentence.replace("back pain", "leg pain"),
    )
    flare_list = insights.flare_dates(as_back, start, end)
    return LegPainSummary(
        rounded(sum(values) / len(values)),
        min(values),
        max(values),
        len(values),
        flares=_flares(as_back, start, end, flare_list),
        trend=trend,
    )


def _peg(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> PegSummary:
    first, last = insights.peg_start_end(days, start, end)
    weekly = tuple(dataclasses.replace(w, mean=rounded(w.mean)) for w in insights.weekly_peg(days, start, end))
    return PegSummary(rounded(first), rounded(last), weekly)


def _red_flags(entries: Sequence[DayEntry], urgencies: Mapping[str, Urgency]) -> tuple[RedFlag, ...]:
    """Every red flag in the period (see :func:`journal.core.redflags.red_flags_of`)."""
    return tuple(red_flags_of(entries, urgencies))


def _medications(entries: Sequence[DayEntry]) -> tuple[MedicationUse, ...]:
    counts = Counter(name for entry in entries for name in set(entry.medications))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], name_key(item[0]), item[0]))
    return tuple(MedicationUse(name, days) for name, days in ordered)


def _texts(entries: Sequence[DayEntry], field: str) -> tuple[DatedText, ...]:
    return tuple(DatedText(e.date, text) for e in entries if (text := str(getattr(e, field) or "").strip()))


def _round_fields(item: _T, *names: str) -> _T:
    """A copy of a dataclass with the named float fields rounded."""
    return dataclasses.replace(item, **{n: rounded(getattr(item, n)) for n in names})  # type: ignore[type-var]  # item is a dataclass instance


def _activities(
    days: Sequence[DayEntry], start: dt.date, end: dt.date, flare_list: Sequence[dt.date], model: TriggerModel
) -> ActivitiesSummary:
    raw = insights.activity_stats(days, start, end, flare_list)
    pacing = insights.pacing_suggestions(days, start, end, raw, model)
    items = tuple(
        dataclasses.replace(
            _round_fields(a, "minutes_per_week", "baseline_minutes"),
            boom_bust=tuple(_round_fields(b, "baseline_minutes") for b in a.boom_bust),
            comparison=None if a.comparison is None else _round_fields(a.comparison, "difference", "ci_low", "ci_high"),
        )
        for a in raw
    )
    return ActivitiesSummary(items, tuple(pacing))


def _flares(days: Sequence[DayEntry], start: dt.date, end: dt.date, flare_list: Sequence[dt.date]) -> FlareSummary:
    found = insights.flare_summary(days, start, end, flare_list)
    return _round_fields(found, "typical_length_days")


def _daily(entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> DailyMeasures:
    found = daily_measures.daily_measures(entries, start, end)
    where = found.where_it_hurts
    return DailyMeasures(
        tuple(_round_fields(m, "mean", "first", "last") for m in found.measures),
        dataclasses.replace(
            _round_fields(where, "leg_left_share", "leg_right_share"),
            regions=tuple(_round_fields(r, "share") for r in where.regions),
        ),
    )


def _round_q(item: _T) -> _T:
    """The q-value rounded like every other figure."""
    return dataclasses.replace(item, q_value=rounded(item.q_value))  # type: ignore[type-var,attr-defined]  # a TriggerImpact or MeasureAssociation


def _normalised(urgencies: Mapping[str, Urgency | str] | None) -> dict[str, Urgency]:
    if urgencies is None:
        return default_urgencies()
    return {name_key(name): Urgency(value) for name, value in urgencies.items()}


def build_summary(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    urgencies: Mapping[str, Urgency] | None = None,
    sitting: Mapping[dt.date, SittingSummary] | None = None,
    *,
    treatments: Sequence[BeforeAfter] = (),
    function: Sequence[FunctionCheck] = (),
    about: AboutYou | None = None,
    readings: Sequence[PainReading] = (),
) -> Summary:
    """Summarise the period [start, end] (inclusive).

    ``days`` need not be sorted and may extend beyond the period (see the
    module notes on the flare baseline). ``urgencies`` maps symptom names
    (matched ignoring case) to urgency; default: the built-in catalog.
    ``sitting`` is the timed sitting per date (sessions of a day added up),
    from which the insights compare breaks per sitting hour; without it they
    leave breaks out. ``about`` (what the person said about themselves)
    changes what some warning signs mean (:func:`journal.core.about_you.apply`).
    A period with no logged days gives a valid summary of
    empty lists and Nones.

    Raises:
        UserError: when ``end`` is before ``start``.
    """
    if end < start:
        raise UserError(f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}).")
    ordered = sorted(days, key=lambda e: e.date)
    entries = insights.period_days(ordered, start, end)
    flare_list = insights.flare_dates(ordered, start, end)
    trend = insights.trend(ordered, start, end)
    model = insights.trigger_analysis(ordered, start, end, sitting)
    best_week, worst_week = insights.best_and_worst_weeks(ordered, start, end)
    return Summary(
        period=Period(start, end),
        days_in_period=(end - start).days + 1,
        days_logged=len(entries),
        back_pain=_back_pain(entries, trend),
        leg_pain=_leg_pain(ordered, entries, start, end),
        peg=_peg(ordered, start, end),
        daily=_daily(entries, start, end),
        triggers=tuple(_round_q(_round_fields(t, "difference", "ci_low", "ci_high")) for t in model.triggers),
        measure_associations=tuple(_round_q(_round_fields(m, "difference", "ci_low", "ci_high")) for m in model.measures),
        trigger_note=model.note,
        trigger_advice=model.advice,
        trigger_method=model.method,
        red_flags=tuple(apply_by_day(_red_flags(entries, _normalised(urgencies)), about)),
        flares=_flares(ordered, start, end, flare_list),
        activities=_activities(ordered, start, end, flare_list, model),
        trend=dataclasses.replace(
            _round_fields(trend, "slope_per_day", "ci_low", "ci_high", "start_avg", "end_avg"),
            step=None if trend.step is None else _round_fields(trend.step, "before", "after", "change"),
        ),
        medications=_medications(entries),
        questions=_texts(entries, "questions"),
        notes=_texts(entries, "notes"),
        best_week=None if best_week is None else _round_fields(best_week, "mean_back_pain"),
        worst_week=None if worst_week is None else _round_fields(worst_week, "mean_back_pain"),
        caveat=insights.CAVEAT,
        what_helped=what_helped(entries, start, end),
        treatments=tuple(treatments),
        change=change_since(entries, start, end),
        function=tuple(sorted((c for c in function if start <= c.date <= end), key=lambda c: c.date)),
        cautions=cautions(entries, start, end, model.rho, trend.rho),
        about_you=shared(about),
        through_the_day=day_pattern((r for r in readings if start <= r.date <= end), end=end),
        six_weeks=persistent_severe_pain(
            insights.period_days(ordered, start - dt.timedelta(days=2 * redflags.MIN_SPAN_DAYS), end), end
        ),
    )


# ---------------------------------------------------------------- JSON


def _week_json(week: WeekStat | None) -> dict[str, Any] | None:
    if week is None:
        return None
    return {
        "week": week.week,
        "start": _iso(week.start),
        "end": _iso(week.end),
        "days_logged": week.days_logged,
        "mean_back_pain": week.mean_back_pain,
    }


def _day_json(day: DayValue | None) -> dict[str, Any] | None:
    return None if day is None else {"date": _iso(day.date), "back_pain": day.value}


def _trigger_json(t: TriggerImpact) -> dict[str, Any]:
    return {
        "name": t.name,
        "pain": t.pain,
        "lag_days": t.lag_days,
        "days_with": t.days_with,
        "days_without": t.days_without,
        "difference": t.difference,
        "ci_low": t.ci_low,
        "ci_high": t.ci_high,
        "verdict": t.verdict,
        "q_value": t.q_value,
        "method": t.method,
        "sentence": t.sentence,
        "details": t.details,
        "together_with": list(t.together),
    }


def _measure_json(m: MeasureAssociation) -> dict[str, Any]:
    return {
        "measure": m.key,
        "pain": m.pain,
        "label": m.label,
        "per": m.unit,
        "days": m.days,
        "difference": m.difference,
        "ci_low": m.ci_low,
        "ci_high": m.ci_high,
        "verdict": m.verdict,
        "q_value": m.q_value,
        "sentence": m.sentence,
        "details": m.details,
        "together_with": list(m.together),
    }


def _boom_json(b: BoomBust) -> dict[str, Any]:
    return {
        "date": _iso(b.date),
        "minutes": b.minutes,
        "baseline_minutes": b.baseline_minutes,
        "flare_date": _iso(b.flare_date),
    }


def _activity_json(a: ActivityStats) -> dict[str, Any]:
    return {
        "name": a.name,
        "days": a.days,
        "total_minutes": a.total_minutes,
        "minutes_per_week": a.minutes_per_week,
        "baseline_minutes": a.baseline_minutes,
        "boom_bust": [_boom_json(b) for b in a.boom_bust],
        "boom_comparison": None
        if a.comparison is None
        else {
            "booms": a.comparison.booms,
            "booms_then_flare": a.comparison.booms_then_flare,
            "other_days": a.comparison.other_days,
            "others_then_flare": a.comparison.others_then_flare,
            "difference": a.comparison.difference,
            "ci_low": a.comparison.ci_low,
            "ci_high": a.comparison.ci_high,
            "supported": a.comparison.supported,
        },
    }


def _flares_json(f: FlareSummary) -> dict[str, Any]:
    return {
        "days": [_iso(d) for d in f.days],
        "episodes": [
            {
                "start": _iso(e.start),
                "end": _iso(e.end),
                "length_days": e.length_days,
                "flare_days": e.flare_days,
                "unlogged_days": e.unlogged_days,
            }
            for e in f.episodes
        ],
        "per_month": [{"month": m.month, "flare_days": m.flare_days, "episodes": m.episodes} for m in f.per_month],
        "typical_length_days": f.typical_length_days,
        "severe_days": [_iso(d) for d in f.severe_days],
        "bad_days": [_iso(d) for d in f.bad_days],
        "definition": flares.DEFINITION,
    }


def _trend_json(t: Trend) -> dict[str, Any]:
    return {
        "slope_per_day": t.slope_per_day,
        "ci_low": t.ci_low,
        "ci_high": t.ci_high,
        "verdict": t.verdict,
        "sentence": t.sentence,
        "details": t.details,
        "points": t.points,
        "step": None
        if t.step is None
        else {"date": _iso(t.step.date), "from": t.step.before, "to": t.step.after, "change": t.step.change},
    }


def _leg_json(leg: LegPainSummary) -> dict[str, Any]:
    return {
        "mean": leg.mean,
        "min": leg.min,
        "max": leg.max,
        "days": leg.days,
        "severe_days": [] if leg.flares is None else [_iso(d) for d in leg.flares.severe_days],
        "flares": None if leg.flares is None else _flares_json(leg.flares),
        "trend": None if leg.trend is None else _trend_json(leg.trend),
    }


def summary_to_json(s: Summary) -> dict[str, Any]:
    """See :meth:`Summary.to_json`."""
    return {
        "period": {"from": _iso(s.period.start), "to": _iso(s.period.end)},
        "days_in_period": s.days_in_period,
        "days_logged": s.days_logged,
        "back_pain": {
            "mean": s.back_pain.mean,
            "min": s.back_pain.min,
            "max": s.back_pain.max,
            "start_avg": s.back_pain.start_avg,
            "end_avg": s.back_pain.end_avg,
            "best_day": _day_json(s.back_pain.best_day),
            "worst_day": _day_json(s.back_pain.worst_day),
        },
        "leg_pain": _leg_json(s.leg_pain),
        "peg": {
            "start": s.peg.start,
            "end": s.peg.end,
            "weekly": [{"week_start": _iso(w.week_start), "mean": w.mean, "days": w.days} for w in s.peg.weekly],
        },
        "daily_measures": {
            m.key: {"label": m.label, "unit": m.unit, "days": m.days, "mean": m.mean, "first_week": m.first, "last_week": m.last}
            for m in s.daily.measures
        },
        "where_it_hurts": {
            "days_marked": s.daily.where_it_hurts.days_marked,
            "regions": [
                {"region": r.code, "label": r.label, "days": r.days, "share": r.share} for r in s.daily.where_it_hurts.regions
            ],
            "leg_left_share": s.daily.where_it_hurts.leg_left_share,
            "leg_right_share": s.daily.where_it_hurts.leg_right_share,
        },
        "triggers": [_trigger_json(t) for t in s.triggers],
        "measure_associations": [_measure_json(m) for m in s.measure_associations],
        "trigger_note": s.trigger_note,
        "trigger_advice": s.trigger_advice,
        "trigger_method": s.trigger_method,
        "red_flags": [{"date": _iso(f.date), "symptom": f.symptom, "urgency": f.urgency.value} for f in s.red_flags],
        "flares": _flares_json(s.flares),
        "activities": {
            "items": [_activity_json(a) for a in s.activities.items],
            "pacing": [{"kind": p.kind, "text": p.text, "reason": p.reason, "source": p.source} for p in s.activities.pacing],
        },
        "trend": {
            "slope_per_day": s.trend.slope_per_day,
            "ci_low": s.trend.ci_low,
            "ci_high": s.trend.ci_high,
            "verdict": s.trend.verdict,
            "sentence": s.trend.sentence,
            "details": s.trend.details,
            "points": s.trend.points,
            "step": None
            if s.trend.step is None
            else {
                "date": _iso(s.trend.step.date),
                "from": s.trend.step.before,
                "to": s.trend.step.after,
                "change": s.trend.step.change,
            },
        },
        "medications": {m.name: m.days for m in s.medications},
        "questions": [{"date": _iso(q.date), "text": q.text} for q in s.questions],
        "notes": [{"date": _iso(n.date), "text": n.text} for n in s.notes],
        "best_week": _week_json(s.best_week),
        "worst_week": _week_json(s.worst_week),
        "caveat": s.caveat,
        **what_helped_json(s.what_helped),
        "treatments": [treatment_json(t) for t in s.treatments],
        "change": change_json(s.change),
        "function": function_json(s.function),
        "cautions": [{"code": c.code, "sentence": c.sentence} for c in s.cautions],
        # Only if the person ticked "include in my report" (else None).
        "about_you": None if s.about_you is None else report_json(s.about_you),
        "through_the_day": None if s.through_the_day is None else s.through_the_day.as_json(),
        "six_weeks": None
        if s.six_weeks is None
        else {
            "pain": s.six_weeks.pain,
            "since": _iso(s.six_weeks.start),
            "days": s.six_weeks.days,
            "message": s.six_weeks.message,
            "source": s.six_weeks.source,
        },
    }


# ---------------------------------------------------------------- text


def one_decimal(value: float | None) -> str:
    """How every view shows a summary figure: one decimal, an en dash when missing."""
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def whole_minutes(value: float) -> str:
    """Minutes for people: whole numbers with a thousands separator."""
    return f"{round(value):,}"


_num = one_decimal
_plural = plural


def _text_header(s: Summary) -> list[str]:
    return [
        f"Pain Journal summary: {s.period.start.isoformat()} to {s.period.end.isoformat()}",
        f"Days logged: {s.days_logged} of {s.days_in_period}",
    ]


def urgency_words(urgency: Urgency, when: str = "") -> str:
    """``seek medical care now``, or ``see your doctor`` with the sign's time frame (``soon`` without one)."""
    if urgency is Urgency.SOON and when:
        return f"see your doctor {when}"
    return _URGENCY_WORDS[urgency]


def _text_red_flags(s: Summary) -> list[str]:
    """One line per warning sign, urgent ones first, each with every date it was logged."""
    if not s.red_flags:
        return []
    lines = ["", "Symptoms to raise with a doctor"]
    lines += [
        f"  {g.symptom} ({urgency_words(g.urgency, g.when)}): {', '.join(d.isoformat() for d in g.dates)}"
        for g in grouped(s.red_flags)
    ]
    return lines


def _text_pain(s: Summary) -> list[str]:
    b, leg = s.back_pain, s.leg_pain
    lines = ["", f"Back pain (0-10): average {_num(b.mean)}, lowest {b.min}, highest {b.max}"]
    lines.append(f"  7-day average at the start {_num(b.start_avg)}, at the end {_num(b.end_avg)}")
    if b.best_day and b.worst_day:
        lines.append(
            f"  Best day {b.best_day.date.isoformat()} ({b.best_day.value}), "
            f"worst day {b.worst_day.date.isoformat()} ({b.worst_day.value})"
        )
    lines.append(f"  Trend: {s.trend.sentence}")
    if s.trend.details:
        lines.append(f"    Details: {s.trend.details}")
    for label, week in (("Best week", s.best_week), ("Worst week", s.worst_week)):
        if week is not None:
            lines.append(
                f"  {label}: {week.week} (from {week.start.isoformat()}), average "
                f"{_num(week.mean_back_pain)} over {_plural(week.days_logged, 'logged day')}"
            )
    if leg.days:
        lines.append(
            f"Leg pain (0-10): average {_num(leg.mean)}, lowest {leg.min}, highest {leg.max} "
            f"({_plural(leg.days, 'day')} recorded)"
        )
        lines += [f"  {line}" for line in leg_lines(leg)]
    else:
        lines.append("Leg pain: not recorded")
    if s.peg.start is not None or s.peg.end is not None:
        last = _num(s.peg.end) if s.peg.end is not None else "too few days yet"
        lines.append(f"PEG score (pain, enjoyment, activity): first week {_num(s.peg.start)}, last week {last}")
    return lines


def leg_lines(leg: LegPainSummary) -> list[str]:
    """Severe days, flares and the trend of leg pain, one line each (shared by the views)."""
    lines = []
    if leg.flares is not None:
        f = leg.flares
        lines.append(
            f"Severe days (leg pain {flares.SEVERE_BACK_PAIN} or more): {len(f.severe_days)}; leg pain flares: "
            f"{_plural(len(f.days), 'flare day')} in {_plural(len(f.episodes), 'episode')}"
        )
    if leg.trend is not None:
        lines.append(f"Trend: {leg.trend.sentence}")
    return lines


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{round(100 * share)}%"


def daily_lines(s: Summary) -> list[str]:
    """Sleep, mood, stiffness and where it hurts, one line each (shared by the views)."""
    lines = []
    for m in s.daily.measures:
        if not m.days:
            continue
        fmt = daily_measures.fmt_value
        lines.append(
            f"{m.label}: average {fmt(m, m.mean)} ({plural(m.days, 'day')} recorded); "
            f"first week {fmt(m, m.first)}, last week {fmt(m, m.last)}"
        )
    where = s.daily.where_it_hurts
    if where.days_marked:
        top = ", ".join(f"{r.label.lower()} {_percent(r.share)}" for r in where.regions[:5])
        lines.append(f"Where it hurts (of the {plural(where.days_marked, 'day')} marked): {top}")
        lines.append(
            f"Leg symptoms (buttock, thigh, calf or foot): left on "
            f"{_percent(where.leg_left_share)} of those days, right on "
            f"{_percent(where.leg_right_share)}"
        )
    return lines


def _text_daily(s: Summary) -> list[str]:
    lines = daily_lines(s)
    return ["", "Sleep, mood, stiffness and where it hurts"] + [f"  {line}" for line in lines] if lines else []


def _days_text(value: float) -> str:
    """ "2 days", "1 day", "1.5 days"."""
    if value == int(value):
        return _plural(int(value), "day")
    return f"{_num(value)} days"


def _text_flares(s: Summary) -> list[str]:
    f = s.flares
    lines = ["", f"Flares: {_plural(len(f.days), 'flare day')} in {_plural(len(f.episodes), 'episode')}"]
    if f.judged_days == 0:
        lines[-1] = "Flares: too few days yet (a flare is judged against the usual level of the weeks before)"
    if f.typical_length_days is not None:
        lines[-1] += f", typically {_days_text(f.typical_length_days)} long"
    lines.append(f"  Single bad days (not flares): {len(f.bad_days)}")
    lines += [
        f"  {e.start.isoformat()} to {e.end.isoformat()}: {_plural(e.flare_days, 'flare day')}, "
        f"{_plural(e.unlogged_days, 'day')} not logged inside it"
        for e in f.episodes
        if e.unlogged_days
    ]
    lines.append(f"  Severe days (back pain {flares.SEVERE_BACK_PAIN} or more): {len(f.severe_days)}")
    lines.append(f"  {flares.DEFINITION}")
    lines += [
        f"  {m.month}: {_plural(m.flare_days, 'flare day')}, {_plural(m.episodes, 'episode')}"
        for m in f.per_month
        if m.flare_days
    ]
    return lines


def _too_few_names(triggers: Sequence[TriggerImpact]) -> list[str]:
    """Names with too few days: "x" when both lags, "x (next day)" when only lag 1, etc."""
    lags: dict[str, list[int]] = {}
    for t in triggers:
        if t.verdict == insights.VERDICT_TOO_FEW:
            lags.setdefault(t.name, []).append(t.lag_days)
    labels = {(0, 1): "", (0,): " (same day)", (1,): " (next day)"}
    return [name + labels[tuple(sorted(set(found)))] for name, found in lags.items()]


def unclear_names(items: Sequence[TriggerImpact | MeasureAssociation]) -> list[str]:
    """Everything neither higher nor lower, once per name: "bending", "stress (next day)",
    "less sleep", "bending (leg pain)"; names clear at another lag or pain are left out."""
    clear = {(getattr(i, "name", ""), i.pain) for i in items if i.verdict in (insights.VERDICT_HIGHER, insights.VERDICT_LOWER)}
    lags: dict[tuple[str, str], set[int]] = {}
    for item in items:
        if item.verdict not in insights.UNCLEAR_VERDICTS:
            continue
        if isinstance(item, TriggerImpact):
            if (item.name, item.pain) not in clear:
                lags.setdefault((item.name, item.pain), set()).add(item.lag_days)
        else:
            lags.setdefault((trigger_model.worse_words(item.key), item.pain), set()).add(0)
    labels = {(0, 1): "", (0,): "", (1,): " (next day)"}
    return [
        name + labels[tuple(sorted(found))] + (" (leg pain)" if pain == trigger_model.PAIN_LEG else "")
        for (name, pain), found in lags.items()
    ]


def _text_triggers(s: Summary) -> list[str]:
    if not s.triggers and not s.measure_associations:
        return []
    lines = ["", "What went with your pain"]
    everything: list[TriggerImpact | MeasureAssociation] = [*s.triggers, *s.measure_associations]
    clear = [i for i in everything if i.verdict in (insights.VERDICT_HIGHER, insights.VERDICT_LOWER)]
    for item in clear:  # what stood out first
        lines.append(f"  - {item.sentence}")
        lines.append(f"      Details: {item.details}")
    unclear = unclear_names(everything)
    if unclear:
        lines.append(f"  - No clear pattern yet for {', '.join(unclear)}.")
    lines += [f"  - {i.sentence}" for i in everything if i.verdict == insights.VERDICT_TOGETHER]
    lines += [f"  - {m.sentence}" for m in s.measure_associations if m.verdict == insights.VERDICT_TOO_FEW]
    too_few = _too_few_names(s.triggers)
    if too_few:
        lines.append(
            f"  - Too few days to compare yet (at least {insights.MIN_DAYS_PER_SIDE} with and "
            f"{insights.MIN_DAYS_PER_SIDE} without are needed): {', '.join(too_few)}."
        )
    rest = [i for i in everything if i.verdict in insights.UNCLEAR_VERDICTS]
    if rest:
        lines.append("  Details of the comparisons with no clear pattern:")
        lines += [f"    {i.sentence} {i.details}" for i in rest]
    lines += [f"  {text}" for text in (s.trigger_note, s.trigger_advice) if text]
    lines.append(f"  {s.caveat}")
    return lines


def _text_activities(s: Summary) -> list[str]:
    if not s.activities.items:
        return []
    lines = ["", "Activities"]
    for a in s.activities.items:
        usual = "" if a.baseline_minutes is None else f"; usual {round(a.baseline_minutes):,} minutes"
        lines.append(
            f"  {a.name}: {_plural(a.days, 'day')}, {a.total_minutes} minutes in all, "
            f"about {round(a.minutes_per_week):,} minutes a week{usual}"
        )
        if a.comparison is not None and a.comparison.supported:
            lines += [
                f"    {b.date.isoformat()}: {b.minutes} minutes, then a flare on {b.flare_date.isoformat()}" for b in a.boom_bust
            ]
    for p in s.activities.pacing:
        lines += ["", f"  Suggestion: {p.text}", f"    Why: {p.reason}", f"    Source: {readable(p.source)}"]
    return lines


def _text_medications(s: Summary) -> list[str]:
    if not s.medications:
        return []
    return ["", "Medications and self-care"] + [f"  {m.name}: {_plural(m.days, 'day')}" for m in s.medications]


def _text_dated(title: str, items: Sequence[DatedText]) -> list[str]:
    if not items:
        return []
    lines = ["", title]
    for item in items:
        text_lines = item.text.splitlines()
        lines.append(f"  {item.date.isoformat()}: {text_lines[0]}")
        lines += [f"    {line}" for line in text_lines[1:]]
    return lines


def render_text(summary: Summary) -> str:
    """The summary as plain text for a person, ending with a newline."""
    s = summary
    lines = _text_header(s)
    if s.days_logged == 0:
        lines += ["", "No days were logged in this period."]
        return "\n".join(lines) + "\n"
    if s.about_you is not None:
        lines += ["", REPORT_TITLE] + [f"  {line}" for line in report_lines(s.about_you)]
    lines += _text_red_flags(s)
    if s.six_weeks is not None:
        lines += ["", "Six weeks of severe pain", f"  {s.six_weeks.message}", f"  Source: {s.six_weeks.source}"]
    if s.change:
        lines += ["", "Change from the first two weeks to the last two"] + [f"  {c.sentence}" for c in s.change]
    lines += _text_pain(s)
    lines += pattern_lines(s.through_the_day)
    lines += _text_daily(s)
    lines += _text_flares(s)
    lines += _text_triggers(s)
    lines += ["", "Read with care"] + [f"  - {c.sentence}" for c in s.cautions] if s.cautions else []
    lines += _text_activities(s)
    lines += _text_medications(s)
    lines += what_helped_text(s.what_helped)
    lines += treatment_text(s.treatments)
    if s.function:
        lines += ["", "What you could do (sit, stand, walk before pain stops you; your own activity, 0-10)"]
        lines += [f"  {check_line(c)}" for c in s.function]
    lines += _text_dated("Questions for the doctor", s.questions)
    lines += _text_dated("Notes", s.notes)
    return "\n".join(lines) + "\n"
