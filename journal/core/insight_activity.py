"""Activities over a period: minutes, usual amounts, boom-and-bust days (:mod:`journal.core.pacing`)
and the pacing and sitting suggestions the data supports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from journal.core import pacing, stats, trigger_model
from journal.core.catalog import name_key, tidy_name
from journal.core.day import DayEntry
from journal.core.insight_flares import flare_dates
from journal.core.insight_period import cached_name_key, period_days
from journal.core.insight_period import one_decimal as _fmt
from journal.core.insight_triggers import VERDICT_HIGHER, trigger_analysis
from journal.core.trigger_model import MeasureAssociation, TriggerImpact, TriggerModel

# Activity and pacing
BOOM_FACTOR: Final = pacing.BOOM_FACTOR
BOOM_EXTRA_MINUTES: Final = pacing.BOOM_EXTRA_MINUTES
BOOM_FLARE_WITHIN_DAYS: Final = pacing.FLARE_WITHIN_DAYS
MIN_BASELINE_DAYS: Final = 5
SITTING_KEY: Final = "sitting"
PACING_SOURCE: Final = "000_32feb4238e8fab95.txt, Activity Pacing"
SITTING_SOURCE: Final = "000_32feb4238e8fab95.txt, Do\u2019s and Don\u2019ts"


@dataclass(frozen=True, slots=True)
class BoomBust:
    """A day of much more activity than usual followed by a flare within two days."""

    date: dt.date
    minutes: int
    baseline_minutes: float
    flare_date: dt.date


@dataclass(frozen=True, slots=True)
class ActivityStats:
    """One activity over the period.

    ``minutes_per_week`` is total minutes per 7 *logged* days (unlogged days
    are unknown). ``baseline_minutes`` is the median on the days it was
    done, None with fewer than :data:`MIN_BASELINE_DAYS` days.
    ``comparison`` is the boom-and-bust comparison (effortful activities with
    enough boom and other days only).
    """

    name: str
    days: int
    total_minutes: int
    minutes_per_week: float
    baseline_minutes: float | None
    boom_bust: tuple[BoomBust, ...]
    comparison: pacing.BoomComparison | None = None


@dataclass(frozen=True, slots=True)
class PacingSuggestion:
    """Advice from the documents, given because the data showed ``reason``."""

    kind: str  # "boom_bust" or "long_sitting"
    text: str
    reason: str
    source: str


_DatedMinutes = list[tuple[dt.date, int]]


def _activity_minutes(entries: Sequence[DayEntry]) -> tuple[dict[str, str], dict[str, _DatedMinutes]]:
    """Spellings and (date, minutes) per activity key, for days with minutes > 0."""
    spellings: dict[str, str] = {}
    per_key: dict[str, _DatedMinutes] = {}
    for entry in entries:
        for activity in entry.activities:
            if activity.minutes <= 0:
                continue
            key = cached_name_key(activity.name)
            if key not in spellings:
                spellings[key] = tidy_name(activity.name)
            per_key.setdefault(key, []).append((entry.date, activity.minutes))
    return spellings, per_key


def is_boom(minutes: float, baseline: float) -> bool:
    """Well above the usual: at least 1.5 × baseline and at least 30 minutes more."""
    return pacing.is_boom(minutes, baseline)


def _boom_busts(done: Sequence[tuple[dt.date, int]], baseline: float, flare_set: Collection[dt.date]) -> tuple[BoomBust, ...]:
    events: list[BoomBust] = []
    for day, minutes in done:
        if not is_boom(minutes, baseline):
            continue
        for ahead in range(1, BOOM_FLARE_WITHIN_DAYS + 1):
            if day + dt.timedelta(days=ahead) in flare_set:
                events.append(BoomBust(day, minutes, baseline, day + dt.timedelta(days=ahead)))
                break
    return tuple(events)


def is_effortful(name: str) -> bool:
    """Whether an activity can be a "boom" (not sitting, driving, standing or relaxation)."""
    return cached_name_key(name) not in pacing.NOT_EFFORTFUL


def activity_stats(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    flare_list: Sequence[dt.date] | None = None,
) -> list[ActivityStats]:
    """Per activity (matched ignoring case): days done, minutes, usual minutes and boom-bust days.

    The usual (``baseline_minutes``) is the median over all days it was done
    (at least :data:`MIN_BASELINE_DAYS`). For effortful activities, a
    boom-bust day is one with :func:`is_boom` minutes followed by a flare on
    one of the next two calendar days, and ``comparison`` says whether that
    happens more often than after the activity's other days
    (:mod:`journal.core.pacing`). Ordered by total minutes, most first.
    """
    entries = period_days(days, start, end)
    flare_set = set(flare_dates(days, start, end) if flare_list is None else flare_list)
    logged = {e.date for e in entries}
    spellings, per_key = _activity_minutes(entries)
    effortful = [key for key in per_key if is_effortful(key)]
    results: list[ActivityStats] = []
    for key, done in per_key.items():
        baseline = stats.median([m for _, m in done]) if len(done) >= MIN_BASELINE_DAYS else None
        total = sum(m for _, m in done)
        comparison = None
        events: tuple[BoomBust, ...] = ()
        if baseline is not None and key in effortful:
            events = _boom_busts(done, baseline, flare_set)
            comparison = pacing.compare(spellings[key], done, baseline, logged, flare_set, len(effortful))
        results.append(
            ActivityStats(
                name=spellings[key],
                days=len(done),
                total_minutes=total,
                minutes_per_week=total * 7 / len(entries),
                baseline_minutes=baseline,
                boom_bust=events,
                comparison=comparison,
            )
        )
    results.sort(key=lambda a: (-a.total_minutes, name_key(a.name)))
    return results


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def _boom_bust_suggestion(activities: Sequence[ActivityStats]) -> PacingSuggestion | None:
    supported = [a.comparison for a in activities if a.comparison is not None and a.comparison.supported]
    if not supported:
        return None
    reasons = [
        f"after days of much more {c.activity} than usual, a flare followed within two days "
        f"{c.booms_then_flare} of {c.booms} times ({_percent(c.booms_then_flare / c.booms)}), "
        f"against {c.others_then_flare} of {c.other_days} other {c.activity} days "
        f"({_percent(c.others_then_flare / c.other_days)}; difference "
        f"{_percent(c.difference)}, 95% CI {_percent(c.ci_low)} to {_percent(c.ci_high)}, "
        "allowing for the number of activities compared)"
        for c in supported
    ]
    return PacingSuggestion(
        kind="boom_bust",
        text=(
            "Worth trying, and discussing with your doctor: pacing. Balance activity and rest, "
            "and break bigger tasks into manageable intervals instead of doing a lot in one go."
        ),
        reason="In your journal, " + "; ".join(reasons) + ". This is an association, not proof of cause.",
        source=PACING_SOURCE,
    )


def _long_sitting_suggestion(evidence: Sequence[TriggerImpact | MeasureAssociation]) -> PacingSuggestion | None:
    """From the model: more sitting (hours, or the "prolonged sitting" trigger) or fewer breaks
    from sitting went with higher pain."""
    found = [
        item
        for item in evidence
        if item.verdict == VERDICT_HIGHER
        and (
            (isinstance(item, MeasureAssociation) and item.key in ("sitting_hours", trigger_model.BREAKS_KEY))
            or (isinstance(item, TriggerImpact) and item.lag_days == 0 and cached_name_key(item.name) == "prolonged sitting")
        )
    ]
    if not found:
        return None
    # each finding starts its own sentence once "Worth discussing…" is taken off
    # the sentence and its interval (the full numbers are in the comparison's own details)
    reasons = (
        item.sentence.replace(trigger_model.WORTH_DISCUSSING, "").rstrip(".")
        + f" (95% CI {_fmt(item.ci_low or 0.0)} to {_fmt(item.ci_high or 0.0)})."
        for item in found
    )
    reason = " ".join(text[:1].upper() + text[1:] for text in reasons)
    return PacingSuggestion(
        kind="long_sitting",
        text=(
            "Break up prolonged sitting with short walking breaks, and avoid "
            "sitting for more than 30 minutes without repositioning."
        ),
        reason=reason,
        source=SITTING_SOURCE,
    )


def pacing_suggestions(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    activities: Sequence[ActivityStats] | None = None,
    model: TriggerModel | None = None,
) -> list[PacingSuggestion]:
    """Suggestions from the documents, each only when the data supports it.

    * flares followed boom days of an effortful activity clearly more often
      than its other days → pacing;
    * the trigger model found more sitting (hours, or the "prolonged sitting"
      trigger) or fewer breaks per sitting hour with higher back pain → break
      up sitting.
    """
    if activities is None:
        activities = activity_stats(days, start, end)
    if model is None:
        model = trigger_analysis(days, start, end)
    found = [
        _boom_bust_suggestion(activities),
        _long_sitting_suggestion([*model.measures, *model.triggers]),
    ]
    return [s for s in found if s is not None]
