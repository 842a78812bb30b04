"""Pacing plans: the baseline from the patient's own days, increases, plan vs done, flares after."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.core import flares
from journal.core import pacing_plan as pacing
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.pacing_plan import Plan, PlanError

START = dt.date(2026, 1, 5)  # a Monday


def _days(walks: list[int | None], pains: list[int] | None = None) -> list[DayEntry]:
    """One logged day per item; ``None`` minutes = not walked; pain 2 unless given."""
    pains = pains or [2] * len(walks)
    return [
        DayEntry(
            date=START + dt.timedelta(days=i),
            back_pain=pain,
            activities=(ActivityMinutes("Walking", minutes),) if minutes else (),
        )
        for i, (minutes, pain) in enumerate(zip(walks, pains))
    ]


def test_not_enough_data_until_ten_calm_days() -> None:
    nine = _days([30] * 9 + [None])  # nine walks, each followed by a logged calm day
    found = pacing.baseline(nine, "walking")
    assert found.minutes is None and found.calm_days == 9
    assert "not enough data yet: 9 of the 10 days" in found.in_words()
    ten = _days([30] * 10 + [None])
    assert pacing.baseline(ten, "walking").minutes == 20  # 80% of 30 = 24, rounded down to 20


def test_days_followed_by_a_flare_or_by_an_unlogged_day_do_not_count() -> None:
    walks = [40] * 12 + [90, None]
    pains = [2] * 13 + [9]  # the day after the 90-minute walk is a flare
    days = _days(walks, pains)
    del days[5]  # day 4's next day is not logged: unknown, not calm
    found = pacing.baseline(days, "walking")
    assert found.calm_days == 10 and found.median_minutes == 40 and found.minutes == 30
    assert "80% of your usual 40 min, from 10 days not followed by a flare" in found.in_words()


def test_baseline_uses_the_shared_flare_definition(monkeypatch: pytest.MonkeyPatch) -> None:
    days = _days([30] * 12 + [None])
    assert pacing.baseline(days, "walking").minutes == 20
    monkeypatch.setattr(flares, "high_days", lambda pairs: [d for d, _ in pairs])  # every day a flare
    assert pacing.baseline(days, "walking").minutes is None


def test_plan_limits_and_label() -> None:
    assert Plan("walking", 20).label() == "plan: 20 min"
    with pytest.raises(PlanError):
        Plan("walking", 2)
    with pytest.raises(PlanError):
        Plan("  ", 20)
    assert pacing.is_well_over(35, Plan("walking", 20)) and not pacing.is_well_over(30, Plan("walking", 20))
    assert not pacing.is_well_over(14, Plan("walking", 5))  # 15 minutes more needed too


def test_gentle_increase_only_suggested_after_a_flare_free_week_and_only_if_chosen() -> None:
    days = _days([20] * 14)
    today = START + dt.timedelta(days=14)
    plan = Plan("walking", 20, gentle_increase=True, since=START)
    suggestion = pacing.increase_suggestion(plan, days, today)
    assert suggestion is not None and suggestion.new_minutes == 22
    assert pacing.accept_increase(suggestion, today) == Plan("walking", 22, True, today)
    assert pacing.increase_suggestion(Plan("walking", 20, since=START), days, today) is None
    recent = Plan("walking", 20, gentle_increase=True, since=today - dt.timedelta(days=3))
    assert pacing.increase_suggestion(recent, days, today) is None
    flared = _days([20] * 14, [2] * 10 + [8] + [2] * 3)
    assert pacing.increase_suggestion(plan, flared, today) is None


def test_plan_vs_done_per_week() -> None:
    days = _days([20, 35, None, 20, 10, None, None, 40, 40])
    weeks = pacing.plan_vs_done(days, Plan("walking", 20), START, START + dt.timedelta(days=13))
    assert [(w.week_start, w.days_done, w.days_over) for w in weeks] == [(START, 4, 1), (START + dt.timedelta(days=7), 2, 2)]


def test_flare_after_days_over_plan_needs_enough_days_and_gives_intervals() -> None:
    few = _days([40, 10, 40, 10, None])
    result = pacing.flare_after_plan(few, [Plan("walking", 20)], START, START + dt.timedelta(days=10))
    assert result.over is None and "Not enough days yet" in result.sentence
    # Ten quiet days first, so every later day has a usual level to be a flare against.
    walks: list[int | None] = [None] * 10
    pains: list[int] = [2] * 10
    for i in range(20):  # alternate: a long walk then a day; every 2nd long walk followed by a flare
        walks += [40, 10]
        pains += [2, 8 if i % 2 else 2]
    days = _days(walks + [None], pains + [2])
    result = pacing.flare_after_plan(days, [Plan("walking", 20)], START + dt.timedelta(days=10), START + dt.timedelta(days=70))
    assert result.over is not None and result.within is not None
    assert (result.over.events, result.over.trials) == (10, 20)
    assert result.within.trials == 20 and result.within.events < 10
    assert result.over.ci_low < 0.5 < result.over.ci_high
    assert "association" in result.sentence and "95% interval" in result.sentence


def test_plans_round_trip_and_bad_entries_are_skipped() -> None:
    plans = [Plan("walking", 20, True, START), Plan("Gärtnern", 45)]
    assert pacing.plans_from_text(pacing.plans_to_text(plans)) == sorted(plans, key=lambda p: p.activity.casefold())
    text = '[{"activity": "walking", "minutes": 1}, {"activity": "yoga", "minutes": 30}, 5]'
    assert pacing.plans_from_text(text) == [Plan("yoga", 30)]
    assert pacing.plans_from_text("not json") == []
    assert pacing.with_plan(plans, None, "WALKING") == [Plan("Gärtnern", 45)]


def test_paced_activities_are_effortful_ones_and_planned_ones() -> None:
    days = [DayEntry(date=START, back_pain=2, activities=(ActivityMinutes("sitting", 300), ActivityMinutes("Gardening", 60)))]
    assert pacing.paced_activities(days, [Plan("Nordic walking", 30)]) == ["Gardening", "Nordic walking"]


def test_the_guidance_items_the_plan_links_to_exist_and_are_about_pacing() -> None:
    from journal.core.guidance import load_library

    library = load_library()
    items = {item.id: item for item in library.items}
    for item_id in pacing.GUIDANCE_ITEMS:
        assert items[item_id].category == "pacing"


def test_steps_are_about_ten_percent_at_every_size() -> None:
    for minutes in (5, 10, 15, 20, 30, 45, 50, 60, 90, 120, 300):
        new = pacing.stepped_up(minutes)
        assert new > minutes
        if minutes >= 10:  # 1 minute is the smallest step
            assert (new - minutes) / minutes <= 0.15, minutes
    assert [pacing.stepped_up(m) for m in (20, 30, 60)] == [22, 33, 65]
