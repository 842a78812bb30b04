"""Flares relative to the person's usual level; severe days on their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from journal.core import flares, insights
from journal.core.day import DayEntry

START = dt.date(2024, 1, 1)


def pairs(values: Sequence[int | None]) -> list[tuple[dt.date, int]]:
    return [(START + dt.timedelta(days=i), v) for i, v in enumerate(values) if v is not None]


def test_two_points_above_the_median_of_the_window() -> None:
    values = [3] * 31 + [5, 4]
    assert flares.high_days(pairs(values)) == [START + dt.timedelta(days=31)]
    assert flares.flare_days(pairs(values)) == []  # one high day alone is a bad day
    assert flares.bad_days(pairs(values)) == [START + dt.timedelta(days=31)]


def test_the_three_days_just_before_are_left_out() -> None:
    # A rise that began 1-3 days earlier does not lift the baseline of the day after.
    values = [2] * 28 + [6, 6, 6, 6]
    found = flares.flare_days(pairs(values))
    assert found == [START + dt.timedelta(days=d) for d in (28, 29, 30, 31)]


def test_needs_seven_logged_days_in_the_window() -> None:
    values = [None] * 25 + [1] * 6 + [None, None, None, 9]
    assert flares.flare_days(pairs(values)) == []
    values = [None] * 24 + [1] * 7 + [None, None, None, 9]
    assert flares.high_days(pairs(values)) == [START + dt.timedelta(days=34)]


def test_high_usual_pain_is_not_one_endless_flare() -> None:
    values = [7 + i % 2 for i in range(90)]
    days = pairs(values)
    assert flares.flare_days(days) == []
    assert len(flares.severe_days(days)) == 90
    entries = [DayEntry(d, p) for d, p in days]
    summary = insights.flare_summary(entries, START, days[-1][0])
    assert summary.days == () and len(summary.severe_days) == 90


def test_usual_level_from_unsorted_pairs_matches() -> None:
    days = pairs([3, 4, 2, 5, 3, 3, 4, 6, 2, 3] * 4)
    levels = flares.usual_levels(days)
    for (date, _), level in zip(days, levels):
        assert flares.usual_level(date, reversed(days)) == level


def test_definition_states_the_numbers() -> None:
    for number in ("2 points", "28 days", "3 days", "7 of those", "7 or more"):
        assert number in flares.DEFINITION


def test_a_flare_is_two_high_logged_days_in_a_row() -> None:
    base: list[int | None] = [3] * 31
    two = flares.flare_days(pairs(base + [6, 6, 3]))
    assert two == [START + dt.timedelta(days=31), START + dt.timedelta(days=32)]
    # up to two unlogged days inside a spell keep it going; three end it
    assert len(flares.flare_days(pairs(base + [6, None, None, 6]))) == 2
    assert flares.flare_days(pairs(base + [6, None, None, None, 6])) == []
    assert len(flares.bad_days(pairs(base + [6, None, None, None, 6]))) == 2
    # a logged calm day in between ends it
    assert flares.flare_days(pairs(base + [6, 3, 6])) == []


def test_the_margin_grows_with_the_persons_own_spread() -> None:
    # Pain that swings 2 points either way from day to day: +2 is an ordinary day, not a flare.
    swinging = [3, 5, 1, 3, 5, 1, 3] * 5
    assert flares.margin_of(swinging) > 2
    assert flares.flare_days(pairs([*swinging, 5, 5])) == []
    # … but a real rise well above the person's spread still is one.
    assert flares.flare_days(pairs([*swinging, 8, 8])) == [START + dt.timedelta(days=d) for d in (35, 36)]
    # A steady person keeps the 2-point margin.
    assert flares.margin_of([3] * 28) == flares.ABOVE_USUAL
    steady = [3, 4, 3, 3, 2, 3, 3] * 5
    assert flares.flare_days(pairs([*steady, 5, 5])) == [START + dt.timedelta(days=d) for d in (35, 36)]


def test_the_today_card_uses_the_same_margin() -> None:
    from journal.core.guidance import flare_today

    swinging = [3, 5, 1, 3, 5, 1, 3] * 5
    earlier = [DayEntry(date=d, back_pain=p) for d, p in pairs(swinging)]
    day = START + dt.timedelta(days=35)
    assert not flare_today(DayEntry(date=day, back_pain=5), earlier)
    assert flare_today(DayEntry(date=day, back_pain=8), earlier)
