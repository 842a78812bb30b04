"""Change since the last visit: first two weeks against the last two, with the meaning of its size."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.core.day import DayEntry
from journal.core.summary import build_summary
from journal.core.visit_change import change_since, impression_words
from journal.formats.summary_json import summary_to_json

START = dt.date(2026, 9, 1)


def _days(first: int, last: int, *, logged_at_end: int = 14, leg: bool = False) -> list[DayEntry]:
    days = []
    for i in range(42):
        if 28 <= i < 42 - logged_at_end:
            continue
        pain = first if i < 14 else last if i >= 28 else 5
        days.append(DayEntry(date=START + dt.timedelta(days=i), back_pain=pain, leg_pain=pain if leg else None))
    return days


@pytest.mark.parametrize(
    ("first", "last", "percent", "meaning"),
    [
        (8, 4, -50.0, "a substantial improvement (a fall of 50% or more)"),
        (6, 4, -33.0, "a moderately important improvement (a fall of 30% or more)"),
        (5, 4, -20.0, "a change of less than 30%"),
        (4, 6, 50.0, "a rise of 30% or more"),
    ],
)
def test_points_percent_and_meaning(first: int, last: int, percent: float, meaning: str) -> None:
    back = change_since(_days(first, last), START, START + dt.timedelta(days=41))[0]
    assert (back.first, back.last, back.points, back.percent, back.meaning) == (first, last, last - first, percent, meaning)
    assert back.sentence.startswith(f"Back pain: {first:.1f} in the first two weeks, {last:.1f} in the last two")


def test_fewer_than_seven_logged_days_at_an_end_says_so() -> None:
    back, leg, peg = change_since(_days(8, 4, logged_at_end=6), START, START + dt.timedelta(days=41))
    assert back.points is None and back.percent is None
    assert "at least 7 logged days are needed at each end; there are 14 and 6" in back.sentence
    assert leg.days_first == 0 and peg.points is None


def test_a_short_period_compares_nothing() -> None:
    changes = change_since(_days(8, 4), START, START + dt.timedelta(days=20))
    assert all(c.points is None for c in changes)


def test_the_summary_json_carries_the_change_and_the_impression_words() -> None:
    summary = build_summary(_days(8, 4, leg=True), START, START + dt.timedelta(days=41))
    change = summary_to_json(summary)["change"]
    assert [c["measure"] for c in change] == ["back pain", "leg pain", "PEG"]
    assert change[1]["percent"] == -50.0
    assert impression_words(1) == "very much better" and impression_words(7) == "very much worse"
    with pytest.raises(ValueError):
        impression_words(8)
