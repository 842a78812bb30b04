"""Pain entries with a time, several on one day, brought in as pain-now readings.

Some apps keep every pain entry with its time (PainTracker's timestamps, Bearable's
``time of day``). Where a day has several back-pain entries with a clock time, each
becomes a pain-now reading (:class:`journal.core.readings.PainReading`), with the leg
pain entry of the same time when there is one, so Today lists them and Trends and the
report show the pattern through the day. The day itself keeps the rule the journal
uses for a day with readings (:func:`journal.core.readings.suggested_day_pain`): the
highest back and the highest leg pain. Entries without a clock time ("pm", "all day")
stay listed in the day's note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journal.core.readings import PainReading, parse_clock
from journal.formats.importers.parsed import Reading, Scale, SourceDay, to_ten

#: A day needs this many back-pain entries with a clock time for them to become readings:
#: one entry a day is the day's own rating, and a reading would only repeat it.
SEVERAL = 2


@dataclass(frozen=True)
class DayReadings:
    """A day's pain-now readings, by time, and which of its entries they came from (indices into ``day.readings``)."""

    readings: tuple[PainReading, ...] = ()
    used: frozenset[int] = frozenset()


def _timed(day: SourceDay, item: str) -> list[tuple[int, Reading, dt.time]]:
    found = []
    for index, reading in enumerate(day.readings):
        if reading.item == item and (time := parse_clock(reading.time)) is not None:
            found.append((index, reading, time))
    return found


def day_readings(
    day: SourceDay, back: str | None, back_scale: Scale | None, leg: str | None = None, leg_scale: Scale | None = None
) -> DayReadings:
    """The pain-now readings of ``day`` under the chosen back (and leg) pain items, converted to 0–10.

    None unless the day has :data:`SEVERAL` back-pain entries with a clock time. A leg
    entry pairs with the first back entry of the same time; a leg entry with no back
    entry at its time stays in the note (a reading needs back pain).
    """
    if back is None or back_scale is None:
        return DayReadings()
    backs = _timed(day, back)
    if len(backs) < SEVERAL:
        return DayReadings()
    legs: dict[dt.time, list[tuple[int, Reading]]] = {}
    if leg is not None and leg_scale is not None:
        for index, reading, time in _timed(day, leg):
            legs.setdefault(time, []).append((index, reading))
    used: set[int] = set()
    made: list[PainReading] = []
    for index, reading, time in backs:
        used.add(index)
        leg_pain = None
        same_time = legs.get(time)
        if same_time and leg_scale is not None:
            leg_index, leg_reading = same_time.pop(0)
            used.add(leg_index)
            leg_pain = to_ten(leg_reading.value, leg_scale)
        made.append(PainReading(day.date, time, to_ten(reading.value, back_scale), leg_pain))
    made.sort(key=lambda r: r.time)  # stable: entries of the same minute keep the file's order
    return DayReadings(tuple(made), frozenset(used))
