"""Sentences about a :class:`journal.core.summary.Summary` that every view shares.

The text summary, the PDF and the Trends insights panel write leg pain, the
daily measures and the comparisons with no clear pattern in the same words,
one line each; the views only add their own indenting or markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from journal.core import daily_measures, flares, insights, trigger_model
from journal.core.summary import LegPainSummary, Summary
from journal.core.trigger_model import MeasureAssociation, TriggerImpact
from journal.core.words import plural


def leg_lines(leg: LegPainSummary) -> list[str]:
    """Severe days, flares and the trend of leg pain, one line each (shared by the views)."""
    lines = []
    if leg.flares is not None:
        f = leg.flares
        lines.append(
            f"Severe days (leg pain {flares.SEVERE_BACK_PAIN} or more): {len(f.severe_days)}; leg pain flares: "
            f"{plural(len(f.days), 'flare day')} in {plural(len(f.episodes), 'episode')}"
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
