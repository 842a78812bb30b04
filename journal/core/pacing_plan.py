"""Pacing plans from the patient's own data: one definition of the baseline, in code and in words.

The documents advise pacing: balance activity and rest, and break tasks into
manageable intervals so as not to overdo it (000_32feb4238e8fab95.txt,
Activity Pacing). The journal records minutes per activity per day, so a
"session" here is one day's minutes of an activity.

*Baseline* (:func:`baseline`): 80% of the median day's minutes, over the days
the activity was done and the next day was logged and was not a flare (flares
as :func:`journal.core.flares.flare_days` defines them), from at least 10 such
days; rounded down to 5 minutes. Below 10 days there is no baseline: "not
enough data yet".

A *plan* is minutes a day (the journal records each day's total, so a plan
is worded per day, never "at a time") the patient accepted or set. A gentle
increase (about 10% a week: to the whole minute below
:data:`FINE_STEPS_BELOW` minutes, to 5 minutes from there, so the step is
about 10% at every size instead of +25-50% for short plans) is only ever *suggested*, after 7 days in a row without a flare
and at least 4 of them logged, and only if the patient chose it; it is never
applied by itself.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from journal.core import flares, stats
from journal.core.catalog import name_key, tidy_name
from journal.core.day import DayEntry

BASELINE_SHARE: Final = 0.8
MIN_CALM_DAYS: Final = 10
ROUND_TO_MINUTES: Final = 5
MIN_PLAN_MINUTES: Final = 5
MAX_PLAN_MINUTES: Final = 600
INCREASE_PERCENT: Final = 10
#: Below this many minutes a plan moves in whole minutes; from it, in steps of :data:`ROUND_TO_MINUTES`.
FINE_STEPS_BELOW: Final = 50
FLARE_FREE_WEEK_DAYS: Final = 7
MIN_LOGGED_IN_WEEK: Final = 4
#: "Well over plan": at least half as much again and at least 15 minutes more.
WELL_OVER_FACTOR: Final = 1.5
WELL_OVER_EXTRA_MINUTES: Final = 15
MIN_DAYS_PER_SIDE: Final = 5
SETTING_KEY: Final = "pacing_plans"
GUIDANCE_ITEMS: Final = ("activity-pacing", "keep-moving-without-fear")
SOURCE: Final = "000_32feb4238e8fab95.txt, Activity Pacing"

#: Activities that take effort and are worth pacing (name keys as in resources/catalog.toml).
EFFORTFUL: Final = frozenset(
    {
        "walking",
        "standing",
        "lifting or carrying",
        "housework",
        "gardening",
        "exercise",
        "swimming or water exercise",
        "cycling",
        "yoga",
        "pilates",
        "tai chi",
        "strengthening exercises",
    }
)

BASELINE_IN_WORDS: Final = (
    "Your baseline is 80% of your usual (median) day of this activity, counting only days "
    f"that were not followed by a flare, once there are at least {MIN_CALM_DAYS} such days. "
    "Staying a little under what you usually manage is the idea of pacing: balance activity "
    "and rest so you don't overdo it."
)


class PlanError(ValueError):
    """A plan that cannot be kept (minutes out of range); nothing is changed."""


@dataclass(frozen=True, slots=True)
class Baseline:
    """``minutes`` is None until ``calm_days`` reaches :data:`MIN_CALM_DAYS`."""

    activity: str
    minutes: int | None
    calm_days: int
    median_minutes: float | None

    def in_words(self) -> str:
        if self.minutes is None:
            return (
                f"not enough data yet: {self.calm_days} of the {MIN_CALM_DAYS} days needed "
                "(days you did it, with the next day logged and not a flare)."
            )
        assert self.median_minutes is not None
        return (
            f"{self.minutes} min: 80% of your usual {round(self.median_minutes)} min, "
            f"from {self.calm_days} days not followed by a flare."
        )


@dataclass(frozen=True, slots=True)
class Plan:
    """The patient's plan for one activity: ``minutes`` a day."""

    activity: str
    minutes: int
    gentle_increase: bool = False
    since: dt.date | None = None  # set or last increased

    def __post_init__(self) -> None:
        if not MIN_PLAN_MINUTES <= self.minutes <= MAX_PLAN_MINUTES:
            raise PlanError(f"a plan must be from {MIN_PLAN_MINUTES} to {MAX_PLAN_MINUTES} minutes, not {self.minutes}")
        if not tidy_name(self.activity):
            raise PlanError("a plan needs an activity")

    def label(self) -> str:
        """ "plan: 20 min"."""
        return f"plan: {self.minutes} min"


def is_well_over(minutes: int, plan: Plan) -> bool:
    return minutes >= plan.minutes * WELL_OVER_FACTOR and minutes >= plan.minutes + WELL_OVER_EXTRA_MINUTES


def _round_down(minutes: float) -> int:
    return max(MIN_PLAN_MINUTES, int(minutes // ROUND_TO_MINUTES) * ROUND_TO_MINUTES)


def flare_set(days: Sequence[DayEntry]) -> frozenset[dt.date]:
    """Days well above the usual level over the whole journal (:func:`journal.core.flares.high_days`).

    A plan errs on the side of caution: a single bad day after doing more
    counts here as much as the first day of a flare."""
    return frozenset(flares.high_days((d.date, d.back_pain) for d in days))


def minutes_of(entry: DayEntry, activity: str) -> int:
    key = name_key(activity)
    return sum(a.minutes for a in entry.activities if name_key(a.name) == key)


def baseline(days: Sequence[DayEntry], activity: str, flare_dates: frozenset[dt.date] | None = None) -> Baseline:
    """The baseline for ``activity`` from ``days`` (sorted by date) — see the module text."""
    found = flare_set(days) if flare_dates is None else flare_dates
    logged = {d.date for d in days}
    calm: list[int] = []
    for entry in days:
        minutes = minutes_of(entry, activity)
        following = entry.date + dt.timedelta(days=1)
        if minutes > 0 and following in logged and following not in found:
            calm.append(minutes)
    if len(calm) < MIN_CALM_DAYS:
        return Baseline(tidy_name(activity), None, len(calm), None)
    middle = stats.median(calm)
    assert middle is not None
    return Baseline(tidy_name(activity), _round_down(middle * BASELINE_SHARE), len(calm), middle)


def paced_activities(days: Sequence[DayEntry], plans: Iterable[Plan] = ()) -> list[str]:
    """Effortful activities the patient logged, and any with a plan; first spelling, by name."""
    names: dict[str, str] = {name_key(p.activity): tidy_name(p.activity) for p in plans}
    for entry in days:
        for activity in entry.activities:
            key = name_key(activity.name)
            if key in EFFORTFUL and activity.minutes > 0 and key not in names:
                names[key] = tidy_name(activity.name)
    return sorted(names.values(), key=name_key)


@dataclass(frozen=True, slots=True)
class IncreaseSuggestion:
    plan: Plan
    new_minutes: int

    def in_words(self) -> str:
        return (
            f"A week without a flare: you could try {self.new_minutes} min of "
            f"{self.plan.activity} a day (now {self.plan.minutes} min a day). Only if it feels right."
        )


def increase_suggestion(
    plan: Plan, days: Sequence[DayEntry], today: dt.date, flare_dates: frozenset[dt.date] | None = None
) -> IncreaseSuggestion | None:
    """A 10% step up, suggested only if chosen and after a flare-free week since the plan was set."""
    if not plan.gentle_increase:
        return None
    week_start = today - dt.timedelta(days=FLARE_FREE_WEEK_DAYS)
    if plan.since is not None and plan.since > week_start:
        return None
    found = flare_set(days) if flare_dates is None else flare_dates
    week = [d for d in days if week_start <= d.date < today]
    if len(week) < MIN_LOGGED_IN_WEEK or any(d.date in found for d in week):
        return None
    new = min(MAX_PLAN_MINUTES, stepped_up(plan.minutes))
    return None if new == plan.minutes else IncreaseSuggestion(plan, new)


def stepped_up(minutes: int) -> int:
    """About :data:`INCREASE_PERCENT`% more: whole minutes below :data:`FINE_STEPS_BELOW`, then
    steps of :data:`ROUND_TO_MINUTES`; always at least one step more."""
    target = minutes * (1 + INCREASE_PERCENT / 100)
    if target < FINE_STEPS_BELOW:
        return max(minutes + 1, round(target))
    return max(minutes + ROUND_TO_MINUTES, round(target / ROUND_TO_MINUTES) * ROUND_TO_MINUTES)


def accept_increase(suggestion: IncreaseSuggestion, today: dt.date) -> Plan:
    return replace(suggestion.plan, minutes=suggestion.new_minutes, since=today)


@dataclass(frozen=True, slots=True)
class ActivityOverview:
    """What the plan dialog shows for one activity."""

    activity: str
    baseline: Baseline
    plan: Plan | None
    suggestion: IncreaseSuggestion | None


def plan_overview(days: Sequence[DayEntry], plans: Sequence[Plan], today: dt.date) -> list[ActivityOverview]:
    """Baseline, plan and any increase suggestion for every paced activity (one pass over flares)."""
    found = flare_set(days)
    result = []
    for activity in paced_activities(days, plans):
        plan = plan_for(plans, activity)
        suggestion = increase_suggestion(plan, days, today, found) if plan is not None else None
        result.append(ActivityOverview(activity, baseline(days, activity, found), plan, suggestion))
    return result


# ---------------------------------------------------------------- plan vs done


@dataclass(frozen=True, slots=True)
class PlanWeek:
    """One ISO week (Monday ``week_start``): days the activity was done, over plan, minutes."""

    week_start: dt.date
    days_done: int
    days_over: int
    median_minutes: float | None


def plan_vs_done(days: Sequence[DayEntry], plan: Plan, start: dt.date, end: dt.date) -> list[PlanWeek]:
    """Per week of [start, end] with the activity done: how it compared with the plan."""
    weeks: dict[dt.date, list[int]] = {}
    for entry in days:
        if start <= entry.date <= end:
            minutes = minutes_of(entry, plan.activity)
            if minutes > 0:
                monday = entry.date - dt.timedelta(days=entry.date.weekday())
                weeks.setdefault(monday, []).append(minutes)
    return [
        PlanWeek(monday, len(done), sum(1 for m in done if m > plan.minutes), stats.median(done))
        for monday, done in sorted(weeks.items())
    ]


@dataclass(frozen=True, slots=True)
class FlareAfterPlan:
    """How often a flare followed (next day) days over plan and days within it."""

    over: stats.Proportion | None
    within: stats.Proportion | None
    days_over: int
    days_within: int
    sentence: str


def _pct(value: float) -> str:
    return f"{round(100 * value)}%"


def flare_after_plan(
    days: Sequence[DayEntry], plans: Sequence[Plan], start: dt.date, end: dt.date, flare_dates: frozenset[dt.date] | None = None
) -> FlareAfterPlan:
    """Days in [start, end] with a planned activity, split into over any plan vs within all plans.

    Only days whose next day is logged count (an unlogged day is unknown, not "no flare").
    """
    found = flare_set(days) if flare_dates is None else flare_dates
    logged = {d.date for d in days}
    over: list[bool] = []
    within: list[bool] = []
    for entry in days:
        following = entry.date + dt.timedelta(days=1)
        if not start <= entry.date <= end or following not in logged:
            continue
        done = [(minutes_of(entry, p.activity), p) for p in plans]
        done = [(m, p) for m, p in done if m > 0]
        if not done:
            continue
        (over if any(m > p.minutes for m, p in done) else within).append(following in found)
    if len(over) < MIN_DAYS_PER_SIDE or len(within) < MIN_DAYS_PER_SIDE:
        sentence = (
            f"Not enough days yet to compare: {len(over)} over plan and {len(within)} within it "
            f"(at least {MIN_DAYS_PER_SIDE} of each, with the next day logged)."
        )
        return FlareAfterPlan(None, None, len(over), len(within), sentence)
    o, w = stats.wilson_interval(sum(over), len(over)), stats.wilson_interval(sum(within), len(within))
    assert o is not None and w is not None  # both sides have days (checked above)
    sentence = (
        f"After days over your plan, a flare followed on {o.events} of {o.trials} days "
        f"({_pct(o.estimate)}; 95% interval {_pct(o.ci_low)} to {_pct(o.ci_high)}). After days within it, on "
        f"{w.events} of {w.trials} ({_pct(w.estimate)}; {_pct(w.ci_low)} to {_pct(w.ci_high)}). "
        "This is an association in your own days, not proof that one causes the other; "
        "overlapping intervals mean the difference may be chance."
    )
    return FlareAfterPlan(o, w, len(over), len(within), sentence)


# ---------------------------------------------------------------- stored form


def plans_to_text(plans: Iterable[Plan]) -> str:
    """The plans as JSON, for the journal's settings table."""
    return json.dumps(
        [
            {
                "activity": p.activity,
                "minutes": p.minutes,
                "gentle_increase": p.gentle_increase,
                "since": p.since.isoformat() if p.since else None,
            }
            for p in sorted(plans, key=lambda p: name_key(p.activity))
        ],
        ensure_ascii=False,
    )


def plans_from_text(text: str | None) -> list[Plan]:
    """Plans read back; an unreadable entry is skipped rather than losing the others."""
    if not text:
        return []
    try:
        raw = json.loads(text)
    except ValueError:
        return []
    plans: list[Plan] = []
    for item in raw if isinstance(raw, list) else []:
        try:
            since = item.get("since")
            plans.append(
                Plan(
                    str(item["activity"]),
                    int(item["minutes"]),
                    bool(item.get("gentle_increase")),
                    dt.date.fromisoformat(since) if since else None,
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return plans


def plan_for(plans: Iterable[Plan], activity: str) -> Plan | None:
    key = name_key(activity)
    return next((p for p in plans if name_key(p.activity) == key), None)


def with_plan(plans: Iterable[Plan], plan: Plan | None, activity: str) -> list[Plan]:
    """``plans`` with ``activity``'s plan replaced by ``plan`` (None removes it)."""
    key = name_key(activity)
    kept = [p for p in plans if name_key(p.activity) != key]
    return kept + ([plan] if plan is not None else [])
