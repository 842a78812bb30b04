"""The sitting timer cannot lose time: a steady clock for how long, an aware one for which day.

Before, the timer read the naive local clock: setting the clock back or forward, or
a daylight-saving change, added or removed sitting time and moved break prompts; a
session across midnight was offered "to today" but added to the day it began; a
30-hour session failed with developer words.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from journal.core.clock import FakeClock, Moment, SystemClock
from journal.core.sitting import SittingSummary, SittingTimer

BERLIN = ZoneInfo("Europe/Berlin")
MINUTE = dt.timedelta(minutes=1)


def _sit(clock: FakeClock, timer: SittingTimer, minutes: int, *, take_breaks: bool = True) -> list[dt.datetime]:
    """Check once a minute for ``minutes`` minutes, taking each break suggested; when they were."""
    prompts = []
    for _ in range(minutes):
        clock.advance(MINUTE)
        if timer.due(clock.moment()):
            prompts.append(clock.now())
            if take_breaks:
                timer.break_taken(clock.moment())
    return prompts


def test_setting_the_clock_back_loses_no_sitting_time_and_no_break() -> None:
    clock = FakeClock(dt.datetime(2026, 6, 10, 10, 0), BERLIN)
    timer = SittingTimer(clock.moment(), 30)
    first = _sit(clock, timer, 20)
    clock.jump(dt.timedelta(hours=-1))  # the clock is corrected back an hour
    later = _sit(clock, timer, 40)
    assert timer.sat(clock.moment()) == dt.timedelta(minutes=60)
    assert len(first + later) == 2  # at 30 and at 60 minutes of real time
    assert timer.stop(clock.moment()).minutes == 60


def test_setting_the_clock_forward_adds_nothing_and_keeps_the_break_on_time() -> None:
    clock = FakeClock(dt.datetime(2026, 6, 10, 10, 0), BERLIN)
    timer = SittingTimer(clock.moment(), 30)
    _sit(clock, timer, 20)
    clock.jump(dt.timedelta(hours=2))
    prompts = _sit(clock, timer, 10)
    assert prompts == [clock.now()]  # due after 30 minutes of sitting, jump or not
    assert timer.stop(clock.moment()).minutes == 30


def test_spring_forward_counts_the_hours_that_passed() -> None:
    clock = FakeClock(dt.datetime(2026, 3, 29, 1, 0), BERLIN)  # 02:00 becomes 03:00
    timer = SittingTimer(clock.moment(), 45)
    prompts = _sit(clock, timer, 180)
    assert clock.now() == dt.datetime(2026, 3, 29, 5, 0)  # four hours on the wall clock
    result = timer.stop_by_day(clock.moment())
    assert result.days == (SittingSummary(dt.date(2026, 3, 29), 180, 4),)
    assert len(prompts) == 4


def test_fall_back_counts_the_hours_that_passed() -> None:
    clock = FakeClock(dt.datetime(2026, 10, 25, 1, 0), BERLIN)  # 03:00 becomes 02:00 again
    timer = SittingTimer(clock.moment(), 60)
    prompts = _sit(clock, timer, 240)
    assert clock.now() == dt.datetime(2026, 10, 25, 4, 0)  # three hours on the wall clock
    assert timer.stop_by_day(clock.moment()).days == (SittingSummary(dt.date(2026, 10, 25), 240, 4),)
    assert len(prompts) == 4


def test_a_session_across_midnight_is_split_by_day_with_its_breaks() -> None:
    clock = FakeClock(dt.datetime(2026, 6, 10, 22, 30), BERLIN)
    timer = SittingTimer(clock.moment(), 60)
    _sit(clock, timer, 180)  # breaks at 23:30, 00:30 and 01:30
    result = timer.stop_by_day(clock.moment())
    assert result.days == (
        SittingSummary(dt.date(2026, 6, 10), 90, 1),
        SittingSummary(dt.date(2026, 6, 11), 90, 2),
    )
    assert not result.capped and result.note == ""
    assert result.days[0].question(today=dt.date(2026, 6, 11)) == "Add 1 h 30 min of sitting with 1 break to yesterday?"
    assert result.days[1].question(today=dt.date(2026, 6, 11)).endswith("to today?")


def test_a_session_longer_than_a_day_is_capped_with_a_plain_note() -> None:
    clock = FakeClock(dt.datetime(2026, 6, 10, 8, 0), BERLIN)
    timer = SittingTimer(clock.moment(), 60)
    _sit(clock, timer, 30 * 60, take_breaks=False)
    result = timer.stop_by_day(clock.moment())
    assert result.capped and "more than a day" in result.note
    assert sum(day.minutes for day in result.days) == 24 * 60
    assert all(0 <= day.minutes <= 24 * 60 for day in result.days)
    assert [day.date for day in result.days] == [dt.date(2026, 6, 10), dt.date(2026, 6, 11)]
    assert result.days[-1].minutes == 14 * 60  # the last 24 hours: 08:00 to 14:00 the next day


def test_a_sleep_still_shows_as_a_gap_and_is_not_sitting() -> None:
    clock = FakeClock(dt.datetime(2026, 6, 10, 10, 0), BERLIN)
    timer = SittingTimer(clock.moment(), 30)
    _sit(clock, timer, 10)
    clock.advance(dt.timedelta(hours=1))  # asleep: the steady clock counts it, no checks ran
    timer.note_time(clock.moment())  # the first check after waking
    _sit(clock, timer, 10)
    assert timer.stop(clock.moment()).minutes == 20


def test_the_system_clock_gives_an_aware_local_time_and_a_steady_reading() -> None:
    first = SystemClock().moment()
    second = SystemClock().moment()
    assert first.local.tzinfo is not None and second.elapsed >= first.elapsed
    assert isinstance(Moment.of(dt.datetime(2026, 1, 1, 12, 0)).local.tzinfo, dt.tzinfo)
