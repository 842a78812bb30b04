"""Chart series: aligned to every date, gaps as None, computed like the insights."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.core import insights
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.trend_series import heat_map, trend_series

START = dt.date(2024, 1, 3)  # a Wednesday


def day(offset: int, pain: int, **fields: object) -> DayEntry:
    return DayEntry(date=START + dt.timedelta(days=offset), back_pain=pain, **fields)  # type: ignore[arg-type]


def journal() -> list[DayEntry]:
    return [
        day(0, 3, leg_pain=2, activities=(ActivityMinutes("Walking", 30),), triggers=("stress",)),
        day(
            1,
            4,
            activities=(ActivityMinutes("walking", 20), ActivityMinutes("sitting", 240)),
            medications=("ibuprofen",),
            interference_enjoyment=4,
            interference_activity=5,
        ),
        day(2, 5, triggers=("Stress", "lifting")),
        # day 3 not logged
        day(4, 9, leg_pain=6, interference_enjoyment=6, interference_activity=6),
        day(5, 2),
    ]


def test_series_align_with_every_date_and_keep_gaps() -> None:
    end = START + dt.timedelta(days=6)
    s = trend_series(journal(), START, end)
    assert s.dates == tuple(START + dt.timedelta(days=i) for i in range(7))
    for column in (
        s.back_pain,
        s.leg_pain,
        s.back_pain_avg7,
        s.leg_pain_avg7,
        s.peg,
        s.medication_days,
        s.flare_days,
        *s.activity_minutes.values(),
        *s.trigger_days.values(),
    ):
        assert len(column) == 7
    assert s.back_pain == (3, 4, 5, None, 9, 2, None)
    assert s.leg_pain == (2, None, None, None, 6, None, None)
    assert s.back_pain_avg7 == (None, None, 4.0, 4.0, 21 / 4, 23 / 5, 23 / 5)
    assert s.leg_pain_avg7 == (None,) * 7  # never 3 logged leg-pain days in a window
    expected: tuple[object, ...] = (None, pytest.approx(13 / 3), None, None, pytest.approx(7.0), None, None)
    assert s.peg == expected


def test_activity_and_trigger_series() -> None:
    s = trend_series(journal(), START, START + dt.timedelta(days=6))
    assert list(s.activity_minutes) == ["sitting", "Walking"]  # sorted ignoring case, first spelling
    assert s.activity_minutes["Walking"] == (30, 20, 0, None, 0, 0, None)
    assert s.activity_minutes["sitting"] == (0, 240, 0, None, 0, 0, None)
    assert list(s.trigger_days) == ["lifting", "stress"]
    assert s.trigger_days["stress"] == (True, False, True, None, False, False, None)
    assert s.trigger_days["lifting"] == (False, False, True, None, False, False, None)
    assert s.medication_days == (False, True, False, None, False, False, None)


def test_flare_days_match_the_insights() -> None:
    days = journal()
    end = START + dt.timedelta(days=6)
    s = trend_series(days, START, end)
    assert s.flare_days == (False, False, False, None, False, False, None)  # no usual level yet
    flagged = {d for d, flag in zip(s.dates, s.flare_days) if flag}
    assert flagged == set(insights.flare_dates(days, START, end))


def test_flare_baseline_reaches_before_the_period() -> None:
    before = [DayEntry(START - dt.timedelta(days=i), 1) for i in range(14, 0, -1)]
    s = trend_series([*before, day(0, 3), day(1, 3)], START, START + dt.timedelta(days=1))
    assert s.flare_days == (True, True)  # two high days in a row
    assert trend_series([day(0, 3)], START, START).flare_days == (False,)
    assert s.back_pain == (3, 3)  # entries before the period are not plotted


def test_weekly_peg_is_keyed_by_monday() -> None:
    s = trend_series(journal(), START, START + dt.timedelta(days=6))
    # Wednesday 3rd and Sunday 7th January share the week starting Monday 1st.
    assert s.weekly_peg == {dt.date(2024, 1, 1): pytest.approx((13 / 3 + 7) / 2)}


def test_heat_map_is_weeks_by_weekdays() -> None:
    s = trend_series(journal(), START, START + dt.timedelta(days=6))
    grid = s.heatmap
    assert grid.week_starts == (dt.date(2024, 1, 1), dt.date(2024, 1, 8))
    assert grid.cells[0] == (None, None, 3, 4, 5, None, 9)  # Mon, Tue before the period
    assert grid.cells[1] == (2, None, None, None, None, None, None)
    assert heat_map([], START, START - dt.timedelta(days=1)).cells == ()


def test_entries_outside_the_period_are_left_out() -> None:
    days = [day(-1, 9), *journal(), day(10, 9)]
    s = trend_series(days, START, START + dt.timedelta(days=2))
    assert s.back_pain == (3, 4, 5)
    assert s.heatmap.cells == ((None, None, 3, 4, 5, None, None),)


def test_empty_period() -> None:
    s = trend_series([], START, START + dt.timedelta(days=2))
    assert s.back_pain == (None, None, None)
    assert s.activity_minutes == {} and s.trigger_days == {} and s.weekly_peg == {}
    assert s.flare_days == (None, None, None)
