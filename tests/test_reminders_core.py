"""The daily reminder, the sitting-break timer and the clock, without Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.core.clock import FakeClock, SystemClock
from journal.core.reminders import DailyReminder, ReminderSettings, duration_words
from journal.core.sitting import SittingTimer

MONDAY = dt.datetime(2026, 11, 23, 8, 0)  # a Monday
MINUTE = dt.timedelta(minutes=1)


def test_fake_clock_moves_only_forward() -> None:
    clock = FakeClock(MONDAY)
    assert clock.advance(MINUTE * 5) == MONDAY + MINUTE * 5
    with pytest.raises(ValueError):
        clock.advance(-MINUTE)
    assert abs(SystemClock().now() - dt.datetime.now()) < dt.timedelta(seconds=5)


def test_settings_refuse_impossible_values() -> None:
    with pytest.raises(ValueError, match="weekdays"):
        ReminderSettings(weekdays=frozenset({7}))
    with pytest.raises(ValueError, match="minutes between breaks"):
        ReminderSettings(sitting_minutes=3)


def _times_due(
    reminder: DailyReminder, start: dt.datetime, minutes: int, logged_at: dt.datetime | None = None
) -> list[dt.datetime]:
    shown = []
    now = start
    for _ in range(minutes):
        logged = logged_at is not None and now >= logged_at
        if reminder.due(now, logged_today=logged):
            reminder.shown(now)
            shown.append(now)
        now += MINUTE
    return shown


def test_reminder_shows_once_at_its_time_on_chosen_days_only() -> None:
    settings = ReminderSettings(enabled=True, weekdays=frozenset({0, 2}))  # Monday, Wednesday
    reminder = DailyReminder(settings)
    shown = _times_due(reminder, MONDAY.replace(hour=0), 3 * 24 * 60)
    assert shown == [dt.datetime(2026, 11, 23, 20, 0), dt.datetime(2026, 11, 25, 20, 0)]


def test_reminder_off_or_day_logged_shows_nothing() -> None:
    assert _times_due(DailyReminder(ReminderSettings(enabled=False)), MONDAY, 24 * 60) == []
    on = DailyReminder(ReminderSettings(enabled=True))
    assert _times_due(on, MONDAY, 14 * 60, logged_at=MONDAY.replace(hour=19)) == []


def test_snooze_and_done_for_today() -> None:
    reminder = DailyReminder(ReminderSettings(enabled=True))
    at = MONDAY.replace(hour=20)
    assert reminder.due(at, logged_today=False)
    reminder.shown(at)
    reminder.snooze(at, 30)
    assert not reminder.due(at + 29 * MINUTE, logged_today=False)
    assert reminder.due(at + 30 * MINUTE, logged_today=False)
    reminder.shown(at + 30 * MINUTE)
    reminder.done_for_today(at + 30 * MINUTE)
    assert not reminder.due(at + 3 * 60 * MINUTE, logged_today=False)
    assert reminder.due(at + 24 * 60 * MINUTE, logged_today=False)  # tomorrow comes again


def test_snooze_past_midnight_does_not_carry_into_tomorrow_morning() -> None:
    reminder = DailyReminder(ReminderSettings(enabled=True))
    late = MONDAY.replace(hour=23, minute=45)
    reminder.shown(late)
    reminder.snooze(late, 60)
    assert not reminder.due(late + 60 * MINUTE, logged_today=False)


def test_missed_reminder_after_sleep_shows_once_not_a_burst() -> None:
    reminder = DailyReminder(ReminderSettings(enabled=True))
    before_sleep = MONDAY.replace(hour=19, minute=55)
    assert not reminder.due(before_sleep, logged_today=False)
    woke = MONDAY.replace(hour=22, minute=10)  # slept through 20:00
    shown = _times_due(reminder, woke, 60)
    assert shown == [woke]
    # Asleep all of Tuesday evening, awake Wednesday morning: nothing until Wednesday 20:00.
    assert _times_due(reminder, dt.datetime(2026, 11, 25, 7, 0), 12 * 60) == []


def test_sitting_timer_counts_breaks_and_minutes() -> None:
    start = MONDAY.replace(hour=9)
    timer = SittingTimer(start, 30)
    now, prompts = start, []
    while now < start + dt.timedelta(hours=2, minutes=40):
        if timer.due(now):
            timer.asked()
            prompts.append(now)
            timer.break_taken(now)
        now += MINUTE
    summary = timer.stop(now)
    assert prompts == [start + dt.timedelta(minutes=30 * k) for k in range(1, 6)]
    assert (summary.minutes, summary.breaks) == (160, 5)
    assert summary.question() == "Add 2 h 40 min of sitting with 5 breaks to today?"


def _tick(timer: SittingTimer, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
    """Check every minute from ``start`` up to (not including) ``end``, as the window does."""
    due, now = [], start
    while now < end:
        if timer.due(now):
            due.append(now)
        now += MINUTE
    return due


def test_sitting_timer_snooze_and_waiting_answer() -> None:
    start = MONDAY.replace(hour=9)
    timer = SittingTimer(start, 30)
    due_at = start + 30 * MINUTE
    assert _tick(timer, start, due_at + MINUTE) == [due_at]
    timer.asked()
    assert not timer.due(due_at + MINUTE)  # one question on screen at a time
    timer.snooze(due_at + MINUTE)
    assert _tick(timer, due_at + 2 * MINUTE, due_at + 7 * MINUTE) == [due_at + 6 * MINUTE]
    assert timer.breaks == 0


def test_locked_screen_pauses_and_short_lock_keeps_remaining_time() -> None:
    start = MONDAY.replace(hour=9)
    timer = SittingTimer(start, 30)
    timer.pause(start + 20 * MINUTE)
    timer.resume(start + 21 * MINUTE)  # a minute away: 10 minutes still to go
    assert timer.next_break == start + 31 * MINUTE
    timer.pause(start + 25 * MINUTE)
    assert _tick(timer, start + 25 * MINUTE, start + 60 * MINUTE) == []  # paused: nothing is due
    timer.resume(start + 60 * MINUTE)  # away 35 minutes: a fresh interval
    assert timer.next_break == start + 90 * MINUTE
    assert timer.stop(start + 70 * MINUTE).minutes == 20 + 4 + 10


def test_sleeping_computer_is_not_counted_as_sitting() -> None:
    start = MONDAY.replace(hour=9)
    timer = SittingTimer(start, 30)
    assert _tick(timer, start, start + 11 * MINUTE) == []
    # Asleep from 9:10 to 11:10: the next check is two hours later; a fresh interval follows.
    assert _tick(timer, start + 130 * MINUTE, start + 141 * MINUTE) == []
    assert timer.next_break == start + 160 * MINUTE
    assert timer.stop(start + 140 * MINUTE).minutes == 20


def test_duration_words() -> None:
    assert [duration_words(m) for m in (0, 45, 60, 160)] == ["0 min", "45 min", "1 h", "2 h 40 min"]


def test_sitting_weeks_add_up_kept_sessions_inside_the_period() -> None:
    from journal.core.sitting import SittingSummary, sitting_weeks

    monday = dt.date(2026, 11, 23)
    per_day = {
        monday: SittingSummary(monday, 120, 4),
        monday + dt.timedelta(days=2): SittingSummary(monday, 60, 2),
        monday + dt.timedelta(days=7): SittingSummary(monday, 90, 0),
        monday - dt.timedelta(days=1): SittingSummary(monday, 30, 1),
    }
    weeks = sitting_weeks(per_day, monday, monday + dt.timedelta(days=13))
    assert [(w.week_start, w.minutes, w.breaks) for w in weeks] == [(monday, 180, 6), (monday + dt.timedelta(days=7), 90, 0)]
    assert weeks[0].breaks_per_hour == 2.0 and weeks[1].breaks_per_hour == 0.0
