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

from journal.core import daily_measures, flares, insights
from journal.core.catalog import Urgency, default_urgencies, name_key
from journal.core.daily_measures import DailyMeasures
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.core.insights import (
    ActivityStats,
    BoomBust,
    FlareSummary,
    PacingSuggestion,
    Trend,
    WeeklyValue,
    WeekStat,
)
from journal.core.redflags import RedFlag, grouped, red_flags_of
from journal.core.sitting import SittingSummary
from journal.core.sources import readable
from journal.core.trigger_model import MeasureAssociation, TriggerImpact, TriggerModel

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
    """Leg pain over the logged days that recorded it (``days``)."""

    mean: float | None
    min: int | None
    max: int | None
    days: int


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


def _leg_pain(entries: Sequence[DayEntry]) -> LegPainSummary:
    values = [e.leg_pain for e in entries if e.leg_pain is not None]
    if not values:
        return LegPainSummary(None, None, None, 0)
    return LegPainSummary(rounded(sum(values) / len(values)), min(values), max(values), len(values))


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
) -> Summary:
    """Summarise the period [start, end] (inclusive).

    ``days`` need not be sorted and may extend beyond the period (see the
    module notes on the flare baseline). ``urgencies`` maps symptom names
    (matched ignoring case) to urgency; default: the built-in catalog.
    ``sitting`` is the timed sitting per date (sessions of a day added up),
    from which the insights compare breaks per sitting hour; without it they
    leave breaks out. A period with no logged days gives a valid summary of
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
        leg_pain=_leg_pain(entries),
        peg=_peg(ordered, start, end),
        daily=_daily(entries, start, end),
        triggers=tuple(_round_q(_round_fields(t, "difference", "ci_low", "ci_high")) for t in model.triggers),
        measure_associations=tuple(_round_q(_round_fields(m, "difference", "ci_low", "ci_high")) for m in model.measures),
        trigger_note=model.note,
        trigger_advice=model.advice,
        trigger_method=model.method,
        red_flags=_red_flags(entries, _normalised(urgencies)),
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
    }


def _measure_json(m: MeasureAssociation) -> dict[str, Any]:
    return {
        "measure": m.key,
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
            {"start": _iso(e.start), "end": _iso(e.end), "length_days": e.length_days, "flare_days": e.flare_days}
            for e in f.episodes
        ],
        "per_month": [{"month": m.month, "flare_days": m.flare_days, "episodes": m.episodes} for m in f.per_month],
        "typical_length_days": f.typical_length_days,
        "severe_days": [_iso(d) for d in f.severe_days],
        "definition": flares.DEFINITION,
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
        "leg_pain": {"mean": s.leg_pain.mean, "min": s.leg_pain.min, "max": s.leg_pain.max, "days": s.leg_pain.days},
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


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


_num = one_decimal
_plural = plural


def _text_header(s: Summary) -> list[str]:
    return [
        f"Pain Journal summary: {s.period.start.isoformat()} to {s.period.end.isoformat()}",
        f"Days logged: {s.days_logged} of {s.days_in_period}",
    ]


def _text_red_flags(s: Summary) -> list[str]:
    """One line per warning sign, urgent ones first, each with every date it was logged."""
    if not s.red_flags:
        return []
    lines = ["", "Symptoms to raise with a doctor"]
    lines += [
        f"  {g.symptom} ({_URGENCY_WORDS[g.urgency]}): {', '.join(d.isoformat() for d in g.dates)}" for g in grouped(s.red_flags)
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
    else:
        lines.append("Leg pain: not recorded")
    if s.peg.start is not None or s.peg.end is not None:
        last = _num(s.peg.end) if s.peg.end is not None else "too few days yet"
        lines.append(f"PEG score (pain, enjoyment, activity): first week {_num(s.peg.start)}, last week {last}")
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
    return [name + labels[tuple(sorted(found))] for name, found in lags.items()]


def _text_triggers(s: Summary) -> list[str]:
    if not s.triggers and not s.measure_associations:
        return []
    lines = ["", "What went with your back pain"]
    clear = (insights.VERDICT_HIGHER, insights.VERDICT_LOWER)
    items: list[TriggerImpact | MeasureAssociation] = sorted(
        (*s.triggers, *s.measure_associations), key=lambda item: item.verdict not in clear
    )
    for item in items:  # what stood out first
        if item.verdict != insights.VERDICT_TOO_FEW:
            lines.append(f"  - {item.sentence}")
            lines.append(f"      Details: {item.details}")
        elif isinstance(item, MeasureAssociation):
            lines.append(f"  - {item.sentence}")
    too_few = _too_few_names(s.triggers)
    if too_few:
        lines.append(
            f"  - Too few days to compare yet (at least {insights.MIN_DAYS_PER_SIDE} with and "
            f"{insights.MIN_DAYS_PER_SIDE} without are needed): {', '.join(too_few)}."
        )
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
    lines += _text_red_flags(s)
    lines += _text_pain(s)
    lines += _text_daily(s)
    lines += _text_flares(s)
    lines += _text_triggers(s)
    lines += _text_activities(s)
    lines += _text_medications(s)
    lines += _text_dated("Questions for the doctor", s.questions)
    lines += _text_dated("Notes", s.notes)
    return "\n".join(lines) + "\n"
