"""Imported days written together with their pain-now readings, in one transaction.

An import from another app may bring a day's several timed pain entries as readings
(:mod:`journal.formats.importers.pain_now`). The days and the readings go in together
or not at all, and a reading the journal already holds (same date, time and pains) is
not added again, so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import insert

from journal.core.day import DayEntry
from journal.core.readings import PainReading
from journal.core.validation import validate_reading
from journal.storage import readings as stored
from journal.storage.tables import PainReadingRow

if TYPE_CHECKING:
    from journal.storage.journal import Journal


def import_days_with_readings(
    journal: "Journal",
    entries: Sequence[DayEntry],
    readings: Sequence[PainReading],
    *,
    replace: bool = False,
    today: dt.date | None = None,
) -> tuple[int, int]:
    """Validate and save the days and the readings in one transaction; all or nothing.

    Returns ``(days written, readings added)``; readings already in the journal are not
    added twice (a file with the same reading twice keeps both, as it was written).

    Raises:
        ValidationError: for the first invalid day or reading; nothing is written.
        journal.storage.journal.DuplicateDatesError: dates already logged, unless ``replace``.
    """
    from journal.storage.journal import checked_days, write_checked_days

    clean = checked_days(entries, today=today)
    checked = [validate_reading(r, today=today) for r in readings]
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with journal.transaction() as session:
        write_checked_days(session, clean, replace=replace)
        new: list[PainReading] = []
        if checked:
            first, last = min(r.date for r in checked), max(r.date for r in checked)
            have = Counter(s.reading for s in stored.list_readings(session=session, start=first, end=last))
            for reading in checked:
                if have[reading] > 0:
                    have[reading] -= 1  # one kept reading stands for one in the file
                else:
                    new.append(reading)
            if new:  # one statement for them all: a year of several readings a day is thousands of rows
                session.execute(
                    insert(PainReadingRow),
                    [
                        {"date": r.date, "time": r.clock, "back_pain": r.back_pain, "leg_pain": r.leg_pain, "recorded_at": stamp}
                        for r in new
                    ],
                )
    return len(clean), len(new)
