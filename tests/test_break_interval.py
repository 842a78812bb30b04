"""The sitting-break interval suggested from the patient's own sessions (no Qt)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from journal.core import break_interval
from journal.core.break_interval import MIN_SESSIONS, rounded_interval, stretch_minutes, suggest_interval
from journal.core.day import DayEntry
from journal.core.sitting import SittingSummary

if TYPE_CHECKING:
    from journal.storage.journal import Journal

TODAY = dt.date(2026, 6, 30)


def date_of(days_ago: int) -> dt.date:
    return TODAY - dt.timedelta(days=days_ago)


def calm_days(
    count: int = 120, pain: int = 3, *, flares: frozenset[int] = frozenset(), unlogged: frozenset[int] = frozenset()
) -> list[DayEntry]:
    """Logged days ending today at ``pain``, with flare days (pain 8) and gaps ``days_ago``."""
    return [
        DayEntry(date=date_of(ago), back_pain=8 if ago in flares else pain)
        for ago in range(count - 1, -1, -1)
        if ago not in unlogged
    ]


def sessions(minutes_and_breaks: list[tuple[int, int]], first_ago: int = 40) -> list[SittingSummary]:
    """One session a day, going forward from ``first_ago`` days ago."""
    return [SittingSummary(date_of(first_ago - i), m, b) for i, (m, b) in enumerate(minutes_and_breaks)]


def test_stretch_and_rounding() -> None:
    assert stretch_minutes(SittingSummary(TODAY, 90, 2)) == 30
    assert stretch_minutes(SittingSummary(TODAY, 45, 0)) == 45
    assert [rounded_interval(m) for m in (37.4, 37.5, 42.0, 12.0, 16.0, 90.0, 60.0)] == [35, 40, 40, 15, 15, 60, 60]


def test_not_enough_sessions_says_so_and_suggests_nothing() -> None:
    found = suggest_interval(sessions([(120, 3)] * (MIN_SESSIONS - 1)), calm_days(), TODAY)
    assert found.minutes is None and found.typical_stretch is None
    assert found.sessions == MIN_SESSIONS - 1
    assert found.sentence.startswith("Not enough timed sitting yet")
    assert f"it needs {MIN_SESSIONS} sessions" in found.sentence and f"({MIN_SESSIONS - 1} so far)" in found.sentence
    assert "none so far" in suggest_interval([], calm_days(), TODAY).sentence


def test_the_median_stretch_of_good_days_rounded_to_five_minutes() -> None:
    # stretches 40, 30, 36, 45, 25, 36, 38, 50, 20, 36, 39: median 36 → 35
    pairs = [(80, 1), (90, 2), (108, 2), (45, 0), (100, 3), (144, 3), (114, 2), (100, 1), (60, 2), (72, 1), (117, 2)]
    found = suggest_interval(sessions(pairs), calm_days(), TODAY)
    assert found.sessions == len(pairs)
    assert found.typical_stretch == pytest.approx(36.0)
    assert found.minutes == 35
    assert found.sentence == (
        f"On {len(pairs)} sitting sessions on days that went well, you usually sat about 36 minutes "
        "between breaks. Suggested: a break every 35 minutes."
    )


def test_days_with_or_before_a_flare_are_left_out() -> None:
    good = sessions([(120, 3)] * MIN_SESSIONS, first_ago=40)  # 30 minutes between breaks
    # long stretches on a flare day and on the day before another flare
    bad = [SittingSummary(date_of(20), 180, 0), SittingSummary(date_of(16), 180, 0)]
    days = calm_days(flares=frozenset({20, 15}))
    found = suggest_interval(good + bad, days, TODAY)
    assert found.sessions == MIN_SESSIONS
    assert found.minutes == 30
    # the same sessions counted as good days when there is no flare
    assert suggest_interval(good + bad, calm_days(), TODAY).sessions == MIN_SESSIONS + 2


def test_an_unlogged_next_day_is_unknown_not_good() -> None:
    found = suggest_interval(sessions([(120, 3)] * MIN_SESSIONS, first_ago=40), calm_days(unlogged=frozenset({35})), TODAY)
    # 36 days ago has no next day logged, 35 days ago was not logged itself
    assert found.sessions == MIN_SESSIONS - 2
    assert found.minutes is None


def test_short_and_old_sessions_do_not_count() -> None:
    short = [SittingSummary(date_of(50 + i), 19, 0) for i in range(MIN_SESSIONS)]
    old = [SittingSummary(TODAY - dt.timedelta(days=break_interval.LOOKBACK_DAYS + i), 120, 1) for i in range(MIN_SESSIONS)]
    found = suggest_interval(short + old, calm_days(count=break_interval.LOOKBACK_DAYS + 60), TODAY)
    assert found.sessions == 0 and found.minutes is None


def test_clamped_to_fifteen_to_sixty_minutes() -> None:
    long = suggest_interval(sessions([(240, 1)] * MIN_SESSIONS), calm_days(), TODAY)
    assert long.minutes == 60 and long.typical_stretch == 120
    assert "(kept between 15 and 60)" in long.sentence
    short = suggest_interval(sessions([(60, 5)] * MIN_SESSIONS), calm_days(), TODAY)
    assert short.minutes == 15


def test_the_rule_is_explained_in_words() -> None:
    rule = break_interval.RULE
    for words in ("median", "flare", f"at least {MIN_SESSIONS}", "between 15 and 60", "not what caused them"):
        assert words in rule


def test_suggestion_read_from_the_journal(journal: "Journal") -> None:
    from journal.app.break_interval import load_break_suggestion

    days = calm_days()
    journal.import_days(days)
    kept = sessions([(100, 1), (90, 2), (80, 1), (70, 1), (95, 2), (120, 2), (60, 1), (88, 1), (99, 2), (101, 2)])
    journal.add_sitting_session(SittingSummary(date_of(40), 30, 0))  # a second session that day, kept apart
    for session in kept:
        journal.add_sitting_session(session)
    assert journal.sitting_sessions(date_of(40), date_of(40)) == [SittingSummary(date_of(40), 30, 0), kept[0]]
    found = load_break_suggestion(journal, TODAY)
    assert found == suggest_interval([SittingSummary(date_of(40), 30, 0), *kept], days, TODAY)
    assert found.sessions == len(kept) + 1 and found.minutes == 35  # median stretch 33.7 minutes
