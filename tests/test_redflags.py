"""Red flags and the six-weeks rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from journal.core.catalog import Urgency, default_urgencies, name_key
from journal.core.day import DayEntry
from journal.core.redflags import (
    persistent_severe_pain,
    red_flags_in,
    soon_message,
    urgent_message,
)

DAY = dt.date(2025, 3, 10)
URGENT_NAMES = (
    "loss of bladder or bowel control",
    "numbness in the saddle area",
    "progressive leg weakness",
    "severe pain after a fall or injury",
)


# --- red flags ---------------------------------------------------------------


def test_catalog_urgencies() -> None:
    urgencies = default_urgencies()
    for name in URGENT_NAMES:
        assert urgencies[name_key(name)] is Urgency.URGENT, name
    assert urgencies[name_key("numbness or tingling in legs")] is Urgency.SOON
    assert urgencies[name_key("stiffness")] is Urgency.NONE


def test_red_flags_of_a_day_urgent_first_with_why_and_source() -> None:
    entry = DayEntry(
        date=DAY,
        back_pain=6,
        symptoms=("stiffness", "Numbness or tingling in legs", "Numbness in the saddle area"),
    )
    flags = red_flags_in(entry)
    assert [(flag.symptom, flag.urgency) for flag in flags] == [
        ("Numbness in the saddle area", Urgency.URGENT),
        ("Numbness or tingling in legs", Urgency.SOON),
    ]
    for flag in flags:
        assert flag.date == DAY
        assert flag.why
        assert "000_32feb4238e8fab95.txt" in flag.source


def test_no_flags_on_a_quiet_day() -> None:
    assert red_flags_in(DayEntry(date=DAY, back_pain=3, symptoms=("stiffness",))) == []


def test_passed_urgencies_are_used_for_own_symptoms() -> None:
    entry = DayEntry(date=DAY, back_pain=3, symptoms=("Burning feet",))
    flags = red_flags_in(entry, {"burning feet": Urgency.SOON})
    assert [flag.symptom for flag in flags] == ["Burning feet"]
    assert flags[0].why and flags[0].source


def test_urgent_message_says_to_get_care_now_and_why() -> None:
    entry = DayEntry(date=DAY, back_pain=5, symptoms=URGENT_NAMES)
    message = urgent_message(red_flags_in(entry))
    assert message.startswith("Please get medical care now.")
    for name in URGENT_NAMES:
        assert name.lower() in message.lower()
    assert "emergency" in message
    for reassurance in ("harmless", "nothing to worry", "probably fine", "don't worry"):
        assert reassurance not in message.lower()


def test_messages_are_empty_without_matching_flags() -> None:
    soon_only = red_flags_in(DayEntry(date=DAY, back_pain=3, symptoms=("leg weakness",)))
    assert urgent_message(soon_only) == ""
    assert "leg weakness" in soon_message(soon_only).lower()
    assert urgent_message([]) == soon_message([]) == ""


# --- six-weeks rule ----------------------------------------------------------


def series(pain: Callable[[int], int | None], length: int = 42) -> list[DayEntry]:
    """Days ending on DAY; ``pain(n)`` for day n (0 = first), None = not logged."""
    start = DAY - dt.timedelta(days=length - 1)
    return [
        DayEntry(date=start + dt.timedelta(days=n), back_pain=value)
        for n in range(length)
        if (value := pain(n)) is not None
    ]


def test_six_weeks_of_severe_pain() -> None:
    result = persistent_severe_pain(series(lambda n: 8), DAY)
    assert result is not None
    assert result.start == DAY - dt.timedelta(days=41)
    assert result.end == DAY
    assert result.average == 8
    assert result.logged_days == 42
    assert "book an appointment" in result.message
    assert result.source == "000_32feb4238e8fab95.txt, When to See a Doctor"


def test_boundary_exactly_seven_counts() -> None:
    assert persistent_severe_pain(series(lambda n: 7), DAY) is not None


def test_one_week_just_under_seven_does_not() -> None:
    assert persistent_severe_pain(series(lambda n: 6 if n == 20 else 7), DAY) is None


def test_improvement_in_the_last_days_does_not_count() -> None:
    assert persistent_severe_pain(series(lambda n: 3 if n >= 38 else 9), DAY) is None


def test_steady_downward_trend_does_not_count() -> None:
    # Weekly averages stay >= 8, but pain falls about 0.07 points a day.
    days = series(lambda n: 10 if n < 14 else 9 if n < 28 else 8)
    assert persistent_severe_pain(days, DAY) is None


def test_slight_downward_drift_still_counts() -> None:
    days = series(lambda n: 9 if n < 21 else 8)  # slope about -0.036 points a day
    assert persistent_severe_pain(days, DAY) is not None


def test_too_sparse_does_not_count() -> None:
    every_other_day = series(lambda n: 9 if n % 2 == 0 else None)
    assert persistent_severe_pain(every_other_day, DAY) is None


def test_a_poorly_logged_week_does_not_count() -> None:
    # 35 logged days in all, but days 14-20 have only 0 logged.
    days = series(lambda n: None if 14 <= n <= 20 else 9)
    assert len(days) == 35
    assert persistent_severe_pain(days, DAY) is None


def test_thirty_logged_days_is_enough() -> None:
    # Skip 12 days, never more than 3 in any 7-day window.
    skipped = {1, 5, 9, 13, 17, 21, 25, 29, 33, 37, 40, 41 - 30}
    days = series(lambda n: None if n in skipped else 8)
    assert len(days) == 30
    assert persistent_severe_pain(days, DAY) is not None


def test_window_ends_on_last_logged_day_and_ignores_future_days() -> None:
    days = series(lambda n: 8)
    later = [DayEntry(date=DAY + dt.timedelta(days=5), back_pain=1)]
    result = persistent_severe_pain(days + later, DAY)
    assert result is not None and result.end == DAY
    assert persistent_severe_pain(days + later, DAY + dt.timedelta(days=5)) is None


def test_less_than_six_weeks_of_history_does_not_count() -> None:
    assert persistent_severe_pain(series(lambda n: 9, length=29), DAY) is None
    assert persistent_severe_pain([], DAY) is None


@pytest.mark.parametrize("pain", [9, 10])
def test_earlier_mild_days_outside_the_period_are_ignored(pain: int) -> None:
    older = [DayEntry(date=DAY - dt.timedelta(days=60 + n), back_pain=1) for n in range(10)]
    assert persistent_severe_pain(older + series(lambda n: pain), DAY) is not None
