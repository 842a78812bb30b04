"""Importing days from a CSV file, all or nothing.

Every import returns :class:`journal.app.changes.Changed`: the
:class:`ImportResult`, the dates written (and ``everything``: an import may
add names to the lists and change any view), and the window's in-memory
copies (catalog, medication names, logged dates) read again in the same
operation, so the window never reads the journal to catch up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journal.app.changes import Changed, JournalChange
from journal.core import clock

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from journal.core.day import DayEntry
    from journal.core.readings import PainReading
    from journal.core.redflags import RedFlag
    from journal.formats.csv_io import ParsedCsv
    from journal.storage.journal import Journal


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: the days, the columns it ignored, and the warning signs among them.

    ``red_flags`` are the marked signs, by date (urgent first each day);
    ``days_to_check`` the days whose own words may describe a sign that is not
    marked (nothing is marked for them: the patient is asked to look).
    """

    count: int
    entries: tuple["DayEntry", ...]
    ignored_columns: tuple[str, ...]
    red_flags: tuple["RedFlag", ...]
    days_to_check: tuple[tuple[dt.date, tuple[str, ...]], ...]
    notices: tuple[str, ...] = ()  # what opening the journal did that the patient should hear
    readings: int = 0  # pain-now readings added with the days (an import from another app)


def latest_importable_day() -> dt.date:
    """Tomorrow: a file made in a time zone ahead of this one may hold a day that has not
    begun here yet (from UTC+14 to UTC-12 the date differs by at most a day)."""
    return clock.today() + dt.timedelta(days=1)


def import_csv(journal: "Journal", csv_path: Path, *, replace: bool = False) -> Changed[ImportResult]:
    """Read, validate and import ``csv_path`` into an open journal in one transaction.

    Raises:
        journal.formats.csv_io.CsvImportError: the file has invalid rows (nothing written).
        journal.storage.journal.DuplicateDatesError: days already logged and not ``replace``.
        UserError: the file cannot be read.
    """
    from journal.formats.csv_io import read_csv_file

    return _import_parsed(journal, read_csv_file(Path(csv_path), today=latest_importable_day()), replace=replace)


def _import_parsed(
    journal: "Journal",
    parsed: "ParsedCsv",
    *,
    replace: bool,
    committed: "Callable[[ImportResult], None] | None" = None,
) -> Changed[ImportResult]:
    return import_entries(journal, parsed.entries, replace=replace, ignored=parsed.ignored_columns, committed=committed)


def import_entries(
    journal: "Journal",
    entries: "Sequence[DayEntry]",
    *,
    replace: bool,
    ignored: "Sequence[str]" = (),
    screened: "Sequence[tuple[dt.date, tuple[str, ...]]] | None" = None,
    committed: "Callable[[ImportResult], None] | None" = None,
    readings: "Sequence[PainReading]" = (),
) -> Changed[ImportResult]:
    """Screen the days, then write them in one transaction (all or nothing), then call ``committed``.

    Every import ends here. The screening (which may take a while for years of
    long notes) runs before anything is written, so stopping the import then
    leaves the journal as it was; ``committed`` is called as soon as the days
    are in, before the journal is closed, so a front-end can say so at once.
    ``screened`` is the days to check when the caller has screened the days'
    own words already (an import from another app, whose notes also hold lines it added).
    The window's copies are read again after ``committed`` (:func:`imported`).

    Raises:
        journal.storage.journal.DuplicateDatesError: days already logged and not ``replace``.
    """
    from journal.core.redflags import red_flags_of
    from journal.core.screening import days_to_check

    flags = tuple(red_flags_of(entries, journal.urgencies()))
    to_check = tuple(days_to_check(entries) if screened is None else screened)
    added = 0
    if readings:
        from journal.storage.day_imports import import_days_with_readings

        count, added = import_days_with_readings(journal, entries, readings, replace=replace, today=latest_importable_day())
    else:
        count = journal.import_days(entries, replace=replace, today=latest_importable_day())
    result = ImportResult(count, tuple(entries), tuple(ignored), flags, to_check, tuple(journal.notices), added)
    if committed is not None:
        committed(result)
    return imported(journal, result)


def imported(journal: "Journal", result: ImportResult) -> Changed[ImportResult]:
    """``result`` with what it changed: its dates, and every in-memory copy read again."""
    from journal.app.opening import all_caches

    change = JournalChange(frozenset(entry.date for entry in result.entries), everything=True)
    return Changed(result, change, all_caches(journal))


def import_csv_into_file(
    db_path: Path,
    csv_path: Path,
    *,
    replace: bool = False,
    committed: "Callable[[ImportResult], None] | None" = None,
) -> Changed[ImportResult]:
    """:func:`import_csv` into the journal file at ``db_path`` (created if missing).

    The file is checked read-only first, and its lock is held for the import,
    so a journal open in the window is never written behind its back.

    Raises:
        as :func:`import_csv`, and JournalInUseError / IntegrityError from opening.
    """
    from journal.formats.csv_io import read_csv_file
    from journal.storage.integrity import check_file
    from journal.storage.journal import Journal
    from journal.storage.paths import check_path
    from journal.storage.single_instance import acquire_journal_lock

    parsed = read_csv_file(Path(csv_path), today=latest_importable_day())  # a bad file fails before the journal is touched
    check_path(db_path)  # a folder or a link to nothing: say so before any lock file is made
    if db_path.exists():
        check_file(db_path)
    lock = acquire_journal_lock(db_path)
    try:
        journal = Journal.open(db_path)
        try:
            return _import_parsed(journal, parsed, replace=replace, committed=committed)
        finally:
            journal.close()
    finally:
        lock.release()
