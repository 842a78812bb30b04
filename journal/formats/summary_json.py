"""The summary as JSON: what ``pain-journal summary --json`` prints.

Renders the one :class:`journal.core.summary.Summary` and computes nothing:
numbers are already rounded there. Dates are ``YYYY-MM-DD`` strings and
missing values are ``null``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from journal.core import flares
from journal.core.about_you import report_json
from journal.core.changed_signs import HEADING, NOT_SHARED, ChangedSign, changed_signs
from journal.core.function_check import to_json as function_json
from journal.core.insights import ActivityStats, BoomBust, FlareSummary, Trend, WeekStat
from journal.core.summary import DayValue, LegPainSummary, Summary
from journal.core.treatments import BeforeAfter
from journal.core.trigger_model import MeasureAssociation, TriggerImpact
from journal.core.visit_change import to_json as change_json
from journal.core.what_helped import to_json as what_helped_json


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


class _Estimate(Protocol):
    """A difference with its 95% interval: a trigger, a measure, a boom-bust comparison, a treatment."""

    @property
    def difference(self) -> float | None: ...
    @property
    def ci_low(self) -> float | None: ...
    @property
    def ci_high(self) -> float | None: ...


def _estimate_json(e: _Estimate) -> dict[str, Any]:
    return {"difference": e.difference, "ci_low": e.ci_low, "ci_high": e.ci_high}


def _before_after_json(result: BeforeAfter) -> dict[str, Any]:
    return {
        "days_before": result.days_before,
        "days_after": result.days_after,
        **_estimate_json(result),
        "verdict": result.verdict,
        "sentence": result.sentence,
    }


def _treatment_json(result: BeforeAfter) -> dict[str, Any]:
    """One treatment: pain before and after it started, and leg pain likewise (or None)."""
    t = result.treatment
    return {
        "name": t.name,
        "start": t.start.isoformat(),
        "end": None if t.end is None else t.end.isoformat(),
        **_before_after_json(result),
        "leg": None if result.leg is None else _before_after_json(result.leg),
    }


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
        **_estimate_json(t),
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
        **_estimate_json(m),
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
            **_estimate_json(a.comparison),
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


def _guideline_json(item: ChangedSign) -> dict[str, Any]:
    return {
        "title": item.title,
        "section": item.source.section,
        "part": item.source.part,
        "citation": item.guideline,
        "source_id": item.source.file,
    }


def _changed_signs_json(s: Summary) -> dict[str, Any]:
    """The signs an About-you answer changed (see :mod:`journal.core.changed_signs`).

    The reason and the guideline name the answer ("a history of cancer"), so
    they are null unless the person ticked "include in my report"; the new
    urgency and time frame are in the report either way, as in the text.
    """
    shared = s.about_you is not None
    items = changed_signs(s.red_flags)
    return {
        "heading": HEADING,
        "shared": shared,
        "note": NOT_SHARED if items and not shared else None,
        "signs": [
            {
                "symptom": item.symptom,
                "urgency": item.urgency.value,
                "when": item.when,
                "dates": [_iso(d) for d in item.dates],
                "reason": item.reason if shared else None,
                "guideline": _guideline_json(item) if shared else None,
            }
            for item in items
        ],
    }


def summary_to_json(s: Summary) -> dict[str, Any]:
    """The summary as a JSON-ready dict (only str, int, float, bool, None, list and dict)."""
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
        "red_flags": [
            {"date": _iso(f.date), "symptom": f.symptom, "urgency": f.urgency.value, "when": f.when} for f in s.red_flags
        ],
        "changed_signs": _changed_signs_json(s),
        "flares": _flares_json(s.flares),
        "activities": {
            "items": [_activity_json(a) for a in s.activities.items],
            "pacing": [{"kind": p.kind, "text": p.text, "reason": p.reason, "source": p.source} for p in s.activities.pacing],
        },
        "trend": _trend_json(s.trend),
        "medications": {m.name: m.days for m in s.medications},
        "questions": [{"date": _iso(q.date), "text": q.text} for q in s.questions],
        "notes": [{"date": _iso(n.date), "text": n.text} for n in s.notes],
        "best_week": _week_json(s.best_week),
        "worst_week": _week_json(s.worst_week),
        "caveat": s.caveat,
        **what_helped_json(s.what_helped),
        "treatments": [_treatment_json(t) for t in s.treatments],
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
