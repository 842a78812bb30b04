"""The one source of time for reminders and timers, so tests can run a day in milliseconds.

Everything that waits (the daily reminder, the sitting-break timer) asks a
:class:`Clock` for the time instead of calling ``datetime.now()`` itself. The
window uses :class:`SystemClock`; tests pass a :class:`FakeClock` and move it
forward by hand.

Code that needs only the date asks :func:`today`, which reads the clock
installed with :func:`install` (the computer's, unless a test or a tool put
another in), instead of calling ``date.today()`` itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Local wall-clock time (naive: reminders are set in the patient's own time of day)."""

    def now(self) -> dt.datetime: ...

    def today(self) -> dt.date: ...


class SystemClock:
    """The computer's clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now()

    def today(self) -> dt.date:
        return dt.date.today()


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def today(self) -> dt.date:
        return self._now.date()

    def advance(self, delta: dt.timedelta) -> dt.datetime:
        """Move forward by ``delta`` (never backwards) and return the new time."""
        if delta < dt.timedelta(0):
            raise ValueError("a clock does not go backwards")
        self._now += delta
        return self._now

    def set(self, moment: dt.datetime) -> None:
        self._now = moment


_installed: Clock = SystemClock()


def install(clock: Clock) -> Clock:
    """Make ``clock`` the one :func:`today` reads; returns the one it replaces (to put back)."""
    global _installed
    previous, _installed = _installed, clock
    return previous


def today() -> dt.date:
    """The local date by the installed clock: the one way the app asks what day it is."""
    return _installed.today()
