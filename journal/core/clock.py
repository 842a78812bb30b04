"""The one source of time for reminders and timers, so tests can run a day in milliseconds.

Everything that waits (the daily reminder, the sitting-break timer) asks a
:class:`Clock` for the time instead of calling ``datetime.now()`` itself. The
window uses :class:`SystemClock`; tests pass a :class:`FakeClock` and move it
forward by hand.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    """Local wall-clock time (naive: reminders are set in the patient's own time of day)."""

    def now(self) -> dt.datetime: ...


class SystemClock:
    """The computer's clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now()


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: dt.datetime) -> None:
        self._now = start

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, delta: dt.timedelta) -> dt.datetime:
        """Move forward by ``delta`` (never backwards) and return the new time."""
        if delta < dt.timedelta(0):
            raise ValueError("a clock does not go backwards")
        self._now += delta
        return self._now

    def set(self, moment: dt.datetime) -> None:
        self._now = moment
