"""The one source of time for reminders and timers, so tests can run a day in milliseconds.

Everything that waits (the daily reminder, the sitting-break timer) asks a
:class:`Clock` for the time instead of calling ``datetime.now()`` itself. The
window uses :class:`SystemClock`; tests pass a :class:`FakeClock` and move it
forward by hand.

Durations never come from the wall clock: it jumps (a clock set by hand, the
network time service, daylight saving). :meth:`Clock.moment` gives a
:class:`Moment`, a monotonic reading for "how long" together with the aware
local time for "which day".

Code that needs only the date asks :func:`today`, which reads the clock
installed with :func:`install` (the computer's, unless a test or a tool put
another in), instead of calling ``date.today()`` itself.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Moment:
    """One reading of the clocks: ``elapsed`` seconds on a monotonic clock (only differences
    mean anything; it never jumps), and ``local``, the aware local time (for dates)."""

    elapsed: float
    local: dt.datetime

    @classmethod
    def of(cls, local: dt.datetime) -> "Moment":
        """A moment from a wall-clock time alone (naive means local): for callers without a clock."""
        aware = local if local.tzinfo is not None else local.astimezone()
        return cls(aware.timestamp(), aware)

    @property
    def utc(self) -> dt.datetime:
        return self.local.astimezone(dt.UTC)


class Clock(Protocol):
    """Local wall-clock time (naive: reminders are set in the patient's own time of day)."""

    def now(self) -> dt.datetime: ...

    def moment(self) -> Moment: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """The computer's clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def moment(self) -> Moment:
        return Moment(_steady(), dt.datetime.now().astimezone())

    def today(self) -> dt.date:
        return dt.date.today()


def _steady() -> float:
    """Seconds on a clock that never jumps and keeps counting while the computer sleeps
    (Linux's ``CLOCK_BOOTTIME``; elsewhere ``time.monotonic``), so that a sleep shows as
    a gap between two checks, and setting the computer's clock shows as none."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        return time.clock_gettime(boottime)
    return time.monotonic()


class FakeClock:
    """A clock that only moves when told to.

    With ``zone`` (a ``zoneinfo.ZoneInfo``) the wall clock follows that zone's
    rules, so advancing across a daylight-saving change moves the local time by
    an hour more or less than the time that passed, as a real computer's does.
    """

    def __init__(self, start: dt.datetime, zone: dt.tzinfo | None = None) -> None:
        self._zone = zone
        self._now = start.replace(tzinfo=zone) if zone is not None else start
        self._elapsed = 1000.0

    def now(self) -> dt.datetime:
        return self._now.replace(tzinfo=None) if self._zone is not None else self._now

    def moment(self) -> Moment:
        local = self._now if self._now.tzinfo is not None else self._now.astimezone()
        return Moment(self._elapsed, local)

    def today(self) -> dt.date:
        return self._now.date()

    def advance(self, delta: dt.timedelta) -> dt.datetime:
        """Let ``delta`` pass (never backwards) and return the new local time."""
        if delta < dt.timedelta(0):
            raise ValueError("a clock does not go backwards")
        self._elapsed += delta.total_seconds()
        if self._zone is not None:
            self._now = (self._now.astimezone(dt.UTC) + delta).astimezone(self._zone)
        else:
            self._now += delta
        return self.now()

    def jump(self, delta: dt.timedelta) -> dt.datetime:
        """Set the wall clock forward or back by ``delta`` without time passing (a clock change)."""
        self._now += delta
        return self.now()

    def set(self, moment: dt.datetime) -> None:
        """Put the wall clock at ``moment`` as time passes (a computer that slept until then)."""
        target = moment.replace(tzinfo=self._zone) if self._zone is not None else moment
        passed = (target - self._now) if self._zone is None else target.astimezone(dt.UTC) - self._now.astimezone(dt.UTC)
        self._elapsed += max(0.0, passed.total_seconds())
        self._now = target


_installed: Clock = SystemClock()


def install(clock: Clock) -> Clock:
    """Make ``clock`` the one :func:`today` reads; returns the one it replaces (to put back)."""
    global _installed
    previous, _installed = _installed, clock
    return previous


def today() -> dt.date:
    """The local date by the installed clock: the one way the app asks what day it is."""
    return _installed.today()


def now() -> dt.datetime:
    """The local wall-clock time (naive) by the installed clock."""
    return _installed.now()
