"""Pain-now readings: back and leg pain as felt at one moment, any number a day.

A reading is what the person feels *now* (from the tray menu, the window's
shortcut or the Today tab). The day's own back and leg pain stay the unit of
every statistic; readings only suggest them (:func:`suggested_day_pain`) and
show the pattern through the day (:mod:`journal.core.time_of_day`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PainReading:
    """Back pain (0–10) and, when given, leg pain (0–10) at ``time`` on ``date`` (local time, to the minute)."""

    date: dt.date
    time: dt.time
    back_pain: int
    leg_pain: int | None = None

    @property
    def clock(self) -> str:
        """The time as the journal stores and shows it: ``HH:MM``."""
        return self.time.strftime("%H:%M")


@dataclass(frozen=True, slots=True)
class StoredReading:
    """A reading kept in the journal, with the id that deletes it."""

    id: int
    reading: PainReading


def suggested_day_pain(readings: Iterable[PainReading]) -> tuple[int, int | None] | None:
    """The day's back and leg pain suggested by its readings: the **highest** of each.

    The highest, not the mean, because the day's rating asks how bad the pain
    was that day, and a mean of a bad morning and a quiet evening would describe
    neither; it is also how imports from other apps turn several readings a day
    into one (``docs/importing.md``). Leg pain is None when no reading gave it.
    None when there are no readings.
    """
    found = list(readings)
    if not found:
        return None
    legs = [r.leg_pain for r in found if r.leg_pain is not None]
    return max(r.back_pain for r in found), (max(legs) if legs else None)


def parse_clock(text: str) -> dt.time | None:
    """``HH:MM`` (or ``H:MM``, or with seconds) as a time to the minute; None when it is not one."""
    text = text.strip()
    parts = text.split(":")
    if len(parts) not in (2, 3) or not all(p.isascii() and p.isdigit() for p in parts) or len(parts[1]) != 2:
        return None
    try:
        return dt.time(int(parts[0]), int(parts[1]))
    except ValueError:
        return None
