"""Pain-now readings: the use cases both the window and the command line call.

Record a reading (back and leg pain with the time), list a day's readings,
delete one, suggest the day's rating from them, show the pattern through the
day, and move readings in and out as their own CSV file. Every write goes
through the journal, which checks it with the core's rules first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from journal.core import clock
from journal.core.readings import PainReading, StoredReading, suggested_day_pain
from journal.core.time_of_day import DayPattern, day_pattern

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.storage.journal import Journal

T = TypeVar("T")


def record_reading(
    journal: "Journal", back_pain: int, leg_pain: int | None = None, *, at: dt.datetime | None = None
) -> StoredReading:
    """Keep back (and leg) pain as felt now (or at ``at``, local time). Bad values write nothing.

    Raises:
        ValidationError: a pain outside 0–10, or a date in the future.
    """
    moment = at or clock.now()
    reading = PainReading(moment.date(), moment.time().replace(second=0, microsecond=0), back_pain, leg_pain)
    (reading_id,) = journal.add_readings([reading])
    return StoredReading(reading_id, reading)


def day_readings(journal: "Journal", date: dt.date) -> list[StoredReading]:
    """The readings of one date, by time."""
    return journal.readings(date, date)


def delete_reading(journal: "Journal", reading_id: int) -> PainReading | None:
    """Delete one reading; return what it held (None if it was already gone)."""
    return journal.delete_reading(reading_id)


def suggested_pain(journal: "Journal", date: dt.date) -> tuple[int, int | None] | None:
    """The day's back and leg pain suggested by its readings (the highest of each), or None."""
    return suggested_day_pain(s.reading for s in journal.readings(date, date))


def through_the_day(journal: "Journal", start: dt.date | None, end: dt.date) -> DayPattern | None:
    """The pattern through the day over the last 4 weeks with readings in [start, end]; None without readings."""
    return day_pattern((s.reading for s in journal.readings(start, end)), end=end)


def export_readings(journal: "Journal", path: Path, start: dt.date | None = None, end: dt.date | None = None) -> int:
    """Write the readings of [start, end] to ``path`` as ``date,time,back_pain,leg_pain``; return how many."""
    from journal.formats.readings_csv import export_readings_file

    return export_readings_file([s.reading for s in journal.readings(start, end)], path)


def import_readings(journal: "Journal", path: Path) -> tuple[int, int]:
    """Read, check and keep the readings in ``path``, all or nothing; return ``(added, already there)``.

    A reading identical to one the journal already has (same date, time and
    pains) is not added twice, so importing the same file again changes nothing.

    Raises:
        journal.formats.csv_io.CsvImportError: the file has invalid rows (nothing written).
        UserError: the file cannot be read.
    """
    from journal.app.importing import latest_importable_day
    from journal.formats.readings_csv import read_readings_file

    found = read_readings_file(Path(path), today=latest_importable_day())
    if not found:
        return 0, 0
    first, last = min(r.date for r in found), max(r.date for r in found)
    have = {s.reading for s in journal.readings(first, last)}
    new = [r for r in found if r not in have]
    if new:
        journal.add_readings(new, today=latest_importable_day())
    return len(new), len(found) - len(new)


def change_readings(db_path: Path, change: "Callable[[Journal], T]") -> T:
    """Run one change of the readings on the journal file at ``db_path`` (for the command line),
    holding the journal's lock, so a journal open in the window is never changed behind its back."""
    from journal.app.lists import change_file

    return change_file(db_path, change)


def reading_words(reading: PainReading) -> str:
    """``08:10 back 6 · leg 3`` (leg left out when not given)."""
    leg = "" if reading.leg_pain is None else f" · leg {reading.leg_pain}"
    return f"{reading.clock} back {reading.back_pain}{leg}"


def period_readings(journal: "Journal", start: dt.date | None, end: dt.date | None) -> list[PainReading]:
    """The readings of [start, end], by date and time (for the summary, the report and Trends)."""
    return [s.reading for s in journal.readings(start, end)]


def readings_path_beside(days_path: Path) -> Path:
    """Where the readings go beside a days CSV file: ``days.csv`` → ``days-readings.csv``."""
    return days_path.with_name(f"{days_path.stem}-readings.csv")


def export_readings_beside(journal: "Journal", days_path: Path, start: dt.date, end: dt.date) -> tuple[Path, int] | None:
    """The readings of [start, end] in a second CSV file beside ``days_path``; None (and no file) without readings."""
    found = period_readings(journal, start, end)
    if not found:
        return None
    from journal.formats.readings_csv import export_readings_file

    path = readings_path_beside(Path(days_path))
    return path, export_readings_file(found, path)
