"""The sitting-break timer as plain state: when a break is due, and what a session adds up to.

Time only counts while the patient is at the computer: a locked screen or a
sleeping computer pauses the timer (:meth:`SittingTimer.pause`, or a gap
between two :meth:`SittingTimer.note_time` calls). Away for a couple of
minutes or more means they were up anyway, so the next break is a full
interval away.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

from journal.core.clock import Moment
from journal.core.reminders import duration_words

SNOOZE_MINUTES: Final = 5
#: Away this long (screen locked, computer asleep) starts a fresh interval.
AWAY_RESTARTS_INTERVAL: Final = dt.timedelta(minutes=2)
#: Two checks further apart than this mean the computer slept in between.
SLEEP_GAP: Final = dt.timedelta(minutes=3)
#: Sessions shorter than this are not worth offering for the day.
MIN_MINUTES_TO_OFFER: Final = 5


@dataclass(frozen=True, slots=True)
class SittingSummary:
    """What one sitting session adds up to, offered (never written silently) for the day."""

    date: dt.date
    minutes: int
    breaks: int

    @property
    def worth_offering(self) -> bool:
        return self.minutes >= MIN_MINUTES_TO_OFFER

    def question(self, today: dt.date | None = None) -> str:
        """ "Add 2 h 40 min of sitting with 5 breaks to today?" (or to yesterday, or to a date)."""
        noun = "break" if self.breaks == 1 else "breaks"
        return f"Add {duration_words(self.minutes)} of sitting with {self.breaks} {noun} to {self.day_words(today)}?"

    def day_words(self, today: dt.date | None = None) -> str:
        """ "today", "yesterday" or "Wed 3 Dec 2025": the day these minutes belong to."""
        from journal.core.dates import weekday_words

        if today is None or self.date == today:
            return "today"
        if self.date == today - dt.timedelta(days=1):
            return "yesterday"
        return weekday_words(self.date)


#: The longest session offered: a timer left running for days was not all sitting.
MAX_SESSION: Final = dt.timedelta(hours=24)

When = dt.datetime | Moment


def _moment(now: When) -> Moment:
    return now if isinstance(now, Moment) else Moment.of(now)


@dataclass(frozen=True, slots=True)
class SittingResult:
    """A stopped session: what it adds up to on each day it touched (oldest first)."""

    days: tuple[SittingSummary, ...]
    capped: bool = False  # longer than :data:`MAX_SESSION`: only its last 24 hours are offered

    @property
    def note(self) -> str:
        """A plain sentence when the session was capped, else ""."""
        if not self.capped:
            return ""
        return (
            "The sitting timer ran for more than a day, which cannot all have been sitting: only its last 24 hours are offered."
        )


class SittingTimer:
    """One session at the desk, from :meth:`__init__` to :meth:`stop`.

    Each method takes the time as a :class:`~journal.core.clock.Moment`
    (or a wall-clock datetime, for callers without a clock): how long is
    measured on the monotonic clock, so setting the computer's clock or a
    daylight-saving change neither adds nor removes sitting time nor moves a
    break; which day is read from the aware local time.
    """

    def __init__(self, start: When, interval_minutes: int) -> None:
        begin = _moment(start)
        self.interval = dt.timedelta(minutes=interval_minutes)
        self._interval_s = self.interval.total_seconds()
        self.start_moment = begin
        self.breaks = 0
        self._break_times: list[Moment] = []
        self._stretches: list[tuple[Moment, float]] = []  # (start, seconds) of each finished stretch
        self._running_since: Moment | None = begin
        self._paused_at: Moment | None = None
        self._left_at_pause = self._interval_s
        self._next_break = begin.elapsed + self._interval_s
        self._last_seen = begin
        self.waiting_for_answer = False

    @property
    def started(self) -> dt.datetime:
        """The local time the session began (naive, as the reminders read time)."""
        return self.start_moment.local.replace(tzinfo=None)

    @property
    def paused(self) -> bool:
        return self._running_since is None

    @property
    def next_break(self) -> dt.datetime | None:
        """When the next break is due, on the wall clock as it reads now (naive local)."""
        if self.paused:
            return None
        last = self._last_seen
        due = last.utc + dt.timedelta(seconds=self._next_break - last.elapsed)
        return due.astimezone(last.local.tzinfo).replace(tzinfo=None)

    def sat(self, now: When) -> dt.timedelta:
        """Time counted as sitting so far."""
        moment = _moment(now)
        done = sum(seconds for _, seconds in self._stretches)
        running = max(0.0, moment.elapsed - self._running_since.elapsed) if self._running_since is not None else 0.0
        return dt.timedelta(seconds=done + running)

    def note_time(self, now: When) -> None:
        """Call on every check: a long gap since the last one was sleep, not sitting.

        The gap is read on the steady clock (which counts sleep but never jumps),
        so setting the computer's clock or daylight saving is no gap at all.
        """
        moment = _moment(now)
        last = self._last_seen
        if not self.paused and moment.elapsed - last.elapsed > SLEEP_GAP.total_seconds():
            self.pause(last)
            self.resume(moment)
        if moment.elapsed >= last.elapsed:
            self._last_seen = moment

    def due(self, now: When) -> bool:
        """Whether to suggest a break now (not while one is already on screen)."""
        moment = _moment(now)
        self.note_time(moment)
        return not self.paused and not self.waiting_for_answer and moment.elapsed >= self._next_break

    def asked(self) -> None:
        self.waiting_for_answer = True

    def break_taken(self, now: When) -> None:
        moment = _moment(now)
        self.breaks += 1
        self._break_times.append(moment)
        self.waiting_for_answer = False
        self._next_break = moment.elapsed + self._interval_s

    def snooze(self, now: When, minutes: int = SNOOZE_MINUTES) -> None:
        self.waiting_for_answer = False
        self._next_break = _moment(now).elapsed + minutes * 60

    def pause(self, now: When) -> None:
        if self._running_since is None:
            return
        moment = _moment(now)
        self._stretches.append((self._running_since, max(0.0, moment.elapsed - self._running_since.elapsed)))
        self._left_at_pause = max(0.0, self._next_break - moment.elapsed)
        self._running_since = None
        self._paused_at = moment

    def resume(self, now: When) -> None:
        if self._running_since is not None:
            return
        moment = _moment(now)
        away = moment.elapsed - (self._paused_at or moment).elapsed
        self._running_since = moment
        if moment.elapsed >= self._last_seen.elapsed:
            self._last_seen = moment
        restart = away >= AWAY_RESTARTS_INTERVAL.total_seconds()
        self._next_break = moment.elapsed + (self._interval_s if restart else self._left_at_pause)
        self.waiting_for_answer = False

    def stop(self, now: When) -> SittingSummary:
        """End the session; the summary is for the day it started (see :meth:`stop_by_day`)."""
        result = self.stop_by_day(now)
        minutes = sum(day.minutes for day in result.days)
        return SittingSummary(self.start_moment.local.date(), minutes, self.breaks)

    def stop_by_day(self, now: When) -> SittingResult:
        """End the session; what it adds up to on each local day, split at midnight.

        Each stretch of sitting is laid on the calendar from when it began (in
        UTC, so a daylight-saving change moves no minutes) for as long as the
        monotonic clock says it lasted. More than :data:`MAX_SESSION` in all is
        capped to its last 24 hours.
        """
        self.pause(now)
        pieces: list[tuple[dt.datetime, dt.datetime, dt.tzinfo | None]] = []
        for begin, seconds in self._stretches:
            start = begin.utc
            pieces.append((start, start + dt.timedelta(seconds=seconds), begin.local.tzinfo))
        total = sum(((end - start) for start, end, _ in pieces), dt.timedelta(0))
        capped = total > MAX_SESSION
        if capped:
            excess = total - MAX_SESSION
            trimmed = []
            for start, end, zone in pieces:
                cut = min(excess, end - start)
                excess -= cut
                if start + cut < end:
                    trimmed.append((start + cut, end, zone))
            pieces = trimmed
        seconds_per_day: dict[dt.date, float] = {}
        for start, end, zone in pieces:
            cursor = start
            while cursor < end:
                local = cursor.astimezone(zone)
                midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(0), tzinfo=local.tzinfo)
                stop_at = min(end, midnight.astimezone(dt.UTC))
                seconds_per_day[local.date()] = seconds_per_day.get(local.date(), 0.0) + (stop_at - cursor).total_seconds()
                cursor = stop_at
        breaks_per_day: dict[dt.date, int] = {}
        for moment in self._break_times:
            breaks_per_day[moment.local.date()] = breaks_per_day.get(moment.local.date(), 0) + 1
        dates = sorted(set(seconds_per_day) | set(breaks_per_day)) or [self.start_moment.local.date()]
        days = tuple(
            SittingSummary(date, int(seconds_per_day.get(date, 0.0) // 60), breaks_per_day.get(date, 0)) for date in dates
        )
        return SittingResult(days, capped)


@dataclass(frozen=True, slots=True)
class SittingWeek:
    """Timed sitting in one ISO week (Monday ``week_start``)."""

    week_start: dt.date
    minutes: int
    breaks: int

    @property
    def breaks_per_hour(self) -> float | None:
        return self.breaks * 60 / self.minutes if self.minutes else None


def sitting_weeks(per_day: dict[dt.date, SittingSummary], start: dt.date, end: dt.date) -> list[SittingWeek]:
    """The kept sitting sessions of [start, end] added up per week, oldest first."""
    weeks: dict[dt.date, tuple[int, int]] = {}
    for date, summary in per_day.items():
        if start <= date <= end:
            monday = date - dt.timedelta(days=date.weekday())
            minutes, breaks = weeks.get(monday, (0, 0))
            weeks[monday] = (minutes + summary.minutes, breaks + summary.breaks)
    return [SittingWeek(monday, m, b) for monday, (m, b) in sorted(weeks.items())]
