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

    def question(self) -> str:
        """ "Add 2 h 40 min of sitting with 5 breaks to today?"."""
        noun = "break" if self.breaks == 1 else "breaks"
        return f"Add {duration_words(self.minutes)} of sitting with {self.breaks} {noun} to today?"


class SittingTimer:
    """One session at the desk, from :meth:`__init__` to :meth:`stop`."""

    def __init__(self, start: dt.datetime, interval_minutes: int) -> None:
        self.interval = dt.timedelta(minutes=interval_minutes)
        self.started = start
        self.breaks = 0
        self._sat = dt.timedelta(0)
        self._running_since: dt.datetime | None = start
        self._paused_at: dt.datetime | None = None
        self._left_at_pause = self.interval
        self._next_break = start + self.interval
        self._last_seen = start
        self.waiting_for_answer = False

    @property
    def paused(self) -> bool:
        return self._running_since is None

    @property
    def next_break(self) -> dt.datetime | None:
        return None if self.paused else self._next_break

    def sat(self, now: dt.datetime) -> dt.timedelta:
        """Time counted as sitting so far."""
        running = now - self._running_since if self._running_since is not None else dt.timedelta(0)
        return self._sat + running

    def note_time(self, now: dt.datetime) -> None:
        """Call on every check: a long gap since the last one was sleep, not sitting."""
        if now - self._last_seen > SLEEP_GAP and not self.paused:
            self.pause(self._last_seen)
            self.resume(now)
        self._last_seen = max(self._last_seen, now)

    def due(self, now: dt.datetime) -> bool:
        """Whether to suggest a break now (not while one is already on screen)."""
        self.note_time(now)
        return not self.paused and not self.waiting_for_answer and now >= self._next_break

    def asked(self) -> None:
        self.waiting_for_answer = True

    def break_taken(self, now: dt.datetime) -> None:
        self.breaks += 1
        self.waiting_for_answer = False
        self._next_break = now + self.interval

    def snooze(self, now: dt.datetime, minutes: int = SNOOZE_MINUTES) -> None:
        self.waiting_for_answer = False
        self._next_break = now + dt.timedelta(minutes=minutes)

    def pause(self, now: dt.datetime) -> None:
        if self._running_since is None:
            return
        self._sat += max(dt.timedelta(0), now - self._running_since)
        self._left_at_pause = max(dt.timedelta(0), self._next_break - now)
        self._running_since = None
        self._paused_at = now

    def resume(self, now: dt.datetime) -> None:
        if self._running_since is not None:
            return
        away = now - (self._paused_at or now)
        self._running_since = now
        self._last_seen = max(self._last_seen, now)
        self._next_break = now + (self.interval if away >= AWAY_RESTARTS_INTERVAL else self._left_at_pause)
        self.waiting_for_answer = False

    def stop(self, now: dt.datetime) -> SittingSummary:
        """End the session; the summary is for the day it started."""
        self.pause(now)
        return SittingSummary(self.started.date(), int(self._sat.total_seconds() // 60), self.breaks)


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
