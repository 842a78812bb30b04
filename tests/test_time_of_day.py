"""The pattern through the day: parts of the day, medians over days, and the "too few readings" rule."""

from __future__ import annotations

import datetime as dt

from journal.core.readings import PainReading
from journal.core.time_of_day import MIN_DAYS, MIN_DAYS_PER_PART, WINDOW_DAYS, day_pattern, part_of_day

END = dt.date(2026, 3, 31)


def _at(days_before_end: int, hour: int, back: int, leg: int | None = None) -> PainReading:
    return PainReading(END - dt.timedelta(days=days_before_end), dt.time(hour, 0), back, leg)


def test_parts_of_the_day_by_local_time() -> None:
    assert part_of_day(dt.time(0, 0)) == "morning"
    assert part_of_day(dt.time(11, 59)) == "morning"
    assert part_of_day(dt.time(12, 0)) == "afternoon"
    assert part_of_day(dt.time(17, 59)) == "afternoon"
    assert part_of_day(dt.time(18, 0)) == "evening"


def test_mornings_worse_than_evenings() -> None:
    readings = [_at(d, 8, 6) for d in range(6)] + [_at(d, 20, 4) for d in range(6)]
    pattern = day_pattern(readings)
    assert pattern is not None and pattern.enough
    assert pattern.words() == "back pain mornings 6, evenings 4"
    assert pattern.sentence() == (
        "Through the day (pain-now readings, last 4 weeks, medians): back pain mornings 6, evenings 4. "
        "A gap of less than 2 points is often chance."
    )
    parts = {p["part"]: p for p in pattern.as_json()["parts"]}
    assert parts["morning"]["back_pain_median"] == 6 and parts["afternoon"]["back_pain_median"] is None


def test_each_day_counts_once_per_part() -> None:
    # Day 0 has five high morning readings; the other four mornings are 2: the median stays 2.
    readings = [_at(0, h, 9) for h in (6, 7, 8, 9, 10)] + [_at(d, 8, 2) for d in range(1, 5)]
    readings += [_at(d, 19, 5) for d in range(5)]
    pattern = day_pattern(readings)
    assert pattern is not None and pattern.words() == "back pain mornings 2, evenings 5"


def test_leg_pain_is_added_when_it_has_enough_days() -> None:
    readings = [_at(d, 8, 6, 2) for d in range(5)] + [_at(d, 20, 4, 5) for d in range(5)]
    pattern = day_pattern(readings)
    assert pattern is not None
    assert pattern.words() == "back pain mornings 6, evenings 4; leg pain mornings 2, evenings 5"


def test_too_few_days_says_so() -> None:
    short = [_at(d, 8, 6) for d in range(MIN_DAYS - 1)] + [_at(d, 20, 4) for d in range(MIN_DAYS - 1)]
    pattern = day_pattern(short)
    assert pattern is not None and not pattern.enough
    assert pattern.words() == "too few readings yet"
    assert pattern.sentence().startswith("Through the day: too few readings yet (8 readings on 4 days;")
    assert all(p["back_pain_median"] is None for p in pattern.as_json()["parts"])


def test_one_part_of_the_day_alone_is_too_few() -> None:
    only_mornings = [_at(d, 8, 6) for d in range(10)] + [_at(d, 20, 4) for d in range(MIN_DAYS_PER_PART - 1)]
    pattern = day_pattern(only_mornings)
    assert pattern is not None and not pattern.enough


def test_only_the_last_four_weeks_with_readings_count() -> None:
    old = [_at(WINDOW_DAYS + d, 8, 9) for d in range(10)]  # before the window
    recent = [_at(d, 8, 3) for d in range(5)] + [_at(d, 20, 5) for d in range(5)]
    pattern = day_pattern(old + recent)
    assert pattern is not None and pattern.words() == "back pain mornings 3, evenings 5"
    assert pattern.start == END - dt.timedelta(days=WINDOW_DAYS - 1)
    # the window ends at the last day with readings, on or before the end asked for
    later = day_pattern(old + recent, end=END - dt.timedelta(days=WINDOW_DAYS))
    assert later is not None and later.end == END - dt.timedelta(days=WINDOW_DAYS) and later.words() == "too few readings yet"


def test_no_readings_no_pattern() -> None:
    assert day_pattern([]) is None
    assert day_pattern([_at(0, 8, 3)], end=END - dt.timedelta(days=1)) is None
