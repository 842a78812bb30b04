"""The journal file as one object: open it, then read and write whole days.

Each write method is one transaction: it validates with the core rules,
writes, and commits, or raises and leaves the file as it was. A write that
SQLite refuses (a full disk, the file locked by another program for more
than 5 s, a read-only file) raises :class:`JournalWriteError`, whose text and
traceback never carry the SQL or its parameters (the patient's words).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, ProgrammingError
from sqlmodel import Session

from journal.core.catalog import CatalogItem, CatalogKind, Urgency, name_key, tidy_name
from journal.core.day import DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.sitting import SittingSummary
from journal.core.validation import check_name, validate_day
from journal.core.words import plural
from journal.files.failures import reason_for
from journal.storage.database import BeforeUpgrade, OpenedFile, open_file
from journal.storage.failures import JournalWriteError
from journal.storage.paths import HARD_LINKED, is_read_only, read_only_reason

if TYPE_CHECKING:
    from journal.core.function_check import FunctionCheck
    from journal.core.readings import PainReading, StoredReading
    from journal.core.treatments import Treatment
    from journal.storage import repository
else:  # the table classes are built when a read or write first needs them
    from journal.storage.deferred import repository

#: Errors SQLite raises for mistakes in the code, not for the disk or other programs.
_BUGS = (IntegrityError, InterfaceError, ProgrammingError)


def _not_utf8(data: bytes | None) -> bool:
    if not data:
        return False
    try:
        bytes(data).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


class DuplicateDatesError(UserError):
    """An import would overwrite days that already exist (and --replace was not given)."""

    def __init__(self, dates: Sequence[dt.date]) -> None:
        self.dates = sorted(dates)
        shown = ", ".join(d.isoformat() for d in self.dates[:5])
        more = f" and {len(self.dates) - 5} more" if len(self.dates) > 5 else ""
        super().__init__(
            f"{plural(len(self.dates), 'date')} already {'has' if len(self.dates) == 1 else 'have'} an entry ({shown}{more}); "
            "nothing was imported. Use --replace to overwrite them."
        )


class Journal:
    """A journal database file. Safe to use from one worker thread at a time.

    ``read_only`` is True for a journal the patient made read-only: reading
    works, every write raises :class:`JournalWriteError` ("read-only").
    """

    def __init__(self, engine: Engine, path: Path, *, read_only: bool = False, opened: OpenedFile | None = None) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self._opened = opened
        self._log_started = opened is None or opened.guard is None
        #: What opening did that the patient should hear about (a log set aside, a copy kept).
        self.notices: list[str] = []
        #: Names renamed or merged away while open: (list kind, old name key) -> name now.
        self.renamed: dict[tuple[str, str], str] = {}

    @classmethod
    def open(cls, path: Path | str, *, before_upgrade: BeforeUpgrade | None = None) -> "Journal":
        """Open (creating or upgrading if needed) the journal at ``path``; read-only ones as they are."""
        from journal.storage import wal_guard

        path = Path(path)
        read_only = is_read_only(path)
        opened = open_file(path, before_upgrade=before_upgrade)
        journal = cls(opened.engine, path, read_only=read_only, opened=opened)
        journal.notices = wal_guard.take_notices()
        return journal

    @property
    def read_only_reason(self) -> str | None:
        """Why the journal may not be written, in a patient's words (None when it may)."""
        return read_only_reason(self.path) if self.read_only else None

    def close(self) -> None:
        """Close every connection; the log is checkpointed and the file recorded (wal_guard)
        only when no other process has the journal open."""
        opened, self._opened = self._opened, None
        if opened is None or opened.guard is None:
            self.engine.dispose()
            return
        from journal.storage import wal_guard

        guard = opened.guard
        try:
            alone = guard.try_exclusive()
            if alone:
                wal_guard.mark_unsettled_if_logged(self.path)
            self.engine.dispose()
            if opened.keeper is not None:
                opened.keeper.close()  # read-only: closing it never checkpoints
            if alone:
                wal_guard.settle(self.path, guard)
        except (OSError, sqlite3.Error):
            pass  # the log stays, and is trusted: the record says the file may have changed
        finally:
            guard.release()
            self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session; a refusal by SQLite becomes :class:`JournalWriteError`."""
        with Session(self.engine) as session:
            try:
                yield session
            except DBAPIError as error:
                if isinstance(error, _BUGS):
                    raise
                raise JournalWriteError(reason_for(error)) from None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error.

        Raises:
            JournalWriteError: SQLite refused the write; nothing was written.
        """
        if self.read_only:
            raise JournalWriteError("linked" if self.read_only_reason == HARD_LINKED else "read-only")
        first = not self._log_started
        if first:
            from journal.storage import wal_guard

            wal_guard.start_log(self.path)
        with Session(self.engine) as session:
            try:
                yield session
                session.commit()
                if first:
                    wal_guard.log_started(self.path)
                    self._log_started = True
            except DBAPIError as error:
                session.rollback()
                if isinstance(error, _BUGS):
                    raise  # a programming error, not the disk's; the window's error hook scrubs it
                # ``from None``: the original's text holds the SQL parameters (the day's notes).
                raise JournalWriteError(reason_for(error)) from None
            except BaseException:
                session.rollback()
                raise

    # --- reading ---------------------------------------------------------------

    def day(self, date: dt.date) -> DayEntry | None:
        with self.session() as session:
            found = repository.load_days(session=session, start=date, end=date)
        return found[0] if found else None

    def days(self, start: dt.date | None = None, end: dt.date | None = None) -> list[DayEntry]:
        """Entries in the inclusive range, oldest first."""
        with self.session() as session:
            return repository.load_days(session=session, start=start, end=end)

    def count(self) -> int:
        with self.session() as session:
            return repository.count_days(session=session)

    def logged_dates(self) -> set[dt.date]:
        """Every date that has an entry."""
        with self.session() as session:
            return repository.logged_dates(session=session)

    def date_bounds(self) -> tuple[dt.date, dt.date] | None:
        with self.session() as session:
            return repository.date_bounds(session=session)

    def catalog(self, kind: CatalogKind | None = None, *, limit_per_kind: int | None = None) -> list[CatalogItem]:
        """Catalog entries, built-in first (see :func:`repository.list_catalog` for the limit)."""
        with self.session() as session:
            return repository.list_catalog(session=session, kind=kind, limit_per_kind=limit_per_kind)

    def urgencies(self) -> dict[str, Urgency]:
        with self.session() as session:
            return repository.symptom_urgencies(session=session)

    def medication_names(self) -> list[str]:
        with self.session() as session:
            return repository.medication_names(session=session)

    def unreadable_text_dates(self) -> list[dt.date]:
        """Dates whose notes, questions or medications hold bytes that are not UTF-8 text.

        Such text is read with U+FFFD in place of what cannot be decoded (the
        file is never changed for it); this names the days, so the patient can
        look at them. One pass over the text columns.
        """
        query = (
            "SELECT date FROM day WHERE pj_not_utf8(CAST(notes AS BLOB)) OR pj_not_utf8(CAST(questions AS BLOB)) "
            "UNION SELECT d.date FROM day d JOIN day_medication m ON m.day_id = d.id "
            "WHERE pj_not_utf8(CAST(m.text AS BLOB)) ORDER BY 1"
        )
        with self.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.create_function("pj_not_utf8", 1, _not_utf8, deterministic=True)
            rows = connection.exec_driver_sql(query).all()
        return [dt.date.fromisoformat(str(row[0])) for row in rows]

    def setting(self, key: str) -> str | None:
        with self.session() as session:
            return repository.get_setting(session=session, key=key)

    # --- writing ---------------------------------------------------------------

    def save_day(self, entry: DayEntry, *, today: dt.date | None = None) -> DayEntry:
        """Validate and save one day (replacing that date's entry); return what was stored."""
        clean = validate_day(entry, today=today)
        with self.transaction() as session:
            repository.write_days(session=session, entries=[clean])
        return clean

    def import_days(self, entries: Sequence[DayEntry], *, replace: bool = False, today: dt.date | None = None) -> int:
        """Validate and save many days in one transaction; all or nothing.

        Raises:
            ValidationError: for the first invalid entry (callers that need
                line numbers validate first, as the CSV reader does).
            DuplicateDatesError: dates already logged, unless ``replace``.
        """
        clean = [validate_day(e, today=today) for e in entries]
        counts = Counter(e.date for e in clean)
        repeated = sorted(date for date, times in counts.items() if times > 1)
        if repeated:
            raise ValidationError([("date", f"{d.isoformat()} appears more than once") for d in repeated])
        with self.transaction() as session:
            if not replace:
                clash = repository.existing_dates(session=session, dates=[e.date for e in clean])
                if clash:
                    raise DuplicateDatesError(sorted(clash))
            repository.write_days(session=session, entries=clean)
        return len(clean)

    def delete_day(self, date: dt.date) -> DayEntry | None:
        """Delete a day and return what it held (so it can be restored), or None."""
        with self.transaction() as session:
            found = repository.load_days(session=session, start=date, end=date)
            repository.delete_day(session=session, date=date)
        return found[0] if found else None

    def add_catalog_item(self, kind: CatalogKind, name: str) -> str:
        """Add the user's own catalog entry; return the stored name (existing one if same key)."""
        name = tidy_name(name)
        problems: list[tuple[str, str]] = []
        check_name(kind.value, name, problems)
        if problems:
            raise ValidationError(problems)
        with self.transaction() as session:
            repository.ensure_catalog_items(session=session, kind=kind, names=[name])
            repository.show_catalog_item(session=session, kind=kind, name=name)  # added again: offered again
            items = repository.list_catalog(session=session, kind=kind)
        return next(i.name for i in items if name_key(i.name) == name_key(name))

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as session:
            repository.set_setting(session=session, key=key, value=value)

    # --- red-flag acknowledgements -----------------------------------------------

    def acknowledge_red_flags(self, date: dt.date, symptoms: Sequence[str]) -> int:
        """Remember that the patient acknowledged these symptoms' warnings for ``date``.

        Matched by name key; a no-op for a date with no entry. Saving the day
        again or importing it with replace keeps them: the day's row stays and
        only its list-valued parts are rewritten. Returns how many were new.
        """
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as session:
            return repository.acknowledge_red_flags(session=session, date=date, symptoms=symptoms, at=stamp)

    def red_flag_acks(self, start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, frozenset[str]]:
        """Acknowledged red-flag symptom name keys per date in the inclusive range."""
        with self.session() as session:
            return repository.red_flag_acks(session=session, start=start, end=end)

    # --- treatments (schema 8) -----------------------------------------------------

    def treatments(self) -> list[tuple[int, "Treatment"]]:
        """Every treatment with its id, by start date."""
        from journal.storage import treatments

        with self.session() as session:
            return treatments.list_treatments(session=session)

    def add_treatment(self, treatment: "Treatment", *, today: dt.date | None = None) -> int:
        """Validate and keep a treatment; return its id. Bad input raises ValidationError, writing nothing."""
        from journal.core.treatments import validate_treatment
        from journal.storage import treatments

        checked = validate_treatment(treatment, today=today)
        with self.transaction() as session:
            return treatments.add_treatment(session=session, treatment=checked)

    def end_treatment(self, treatment_id: int, end: dt.date | None, *, today: dt.date | None = None) -> None:
        """Set (or with None, clear) a treatment's last day, checked like a new one."""
        from journal.core.treatments import Treatment, validate_treatment
        from journal.storage import treatments

        with self.transaction() as session:
            found = dict(treatments.list_treatments(session=session)).get(treatment_id)
            if found is None:
                raise UserError("That treatment is no longer in the journal.")
            validate_treatment(Treatment(found.name, found.start, end), today=today)
            treatments.set_treatment_end(session=session, treatment_id=treatment_id, end=end)

    def delete_treatment(self, treatment_id: int) -> bool:
        from journal.storage import treatments

        with self.transaction() as session:
            return treatments.delete_treatment(session=session, treatment_id=treatment_id)

    # --- what the person can do (schema 8) ----------------------------------------

    def save_function_check(self, check: "FunctionCheck", *, today: dt.date | None = None) -> "FunctionCheck":
        """Validate and keep a check (replacing one of the same date). Bad input writes nothing."""
        from journal.core.function_check import validate_check
        from journal.storage import function_checks

        checked = validate_check(check, today=today)
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as session:
            function_checks.save_check(session=session, check=checked, at=stamp)
        return checked

    def function_checks(self, start: dt.date | None = None, end: dt.date | None = None) -> list["FunctionCheck"]:
        from journal.storage import function_checks

        with self.session() as session:
            return function_checks.list_checks(session=session, start=start, end=end)

    # --- sitting sessions (schema 3) ------------------------------------------------

    def add_sitting_session(self, summary: SittingSummary) -> None:
        """Keep a sitting session the patient chose to add to a day (minutes and breaks)."""
        from journal.core.validation import MINUTES_PER_DAY
        from journal.storage import sitting

        if not (0 <= summary.minutes <= MINUTES_PER_DAY and 0 <= summary.breaks <= MINUTES_PER_DAY):
            raise ValidationError([("activities", "a sitting session must be from 0 to 1440 minutes")])
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as session:
            sitting.add_sitting_session(session=session, summary=summary, at=stamp)

    def sitting_per_day(self, start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, SittingSummary]:
        """Sitting minutes and breaks per date in the inclusive range."""
        from journal.storage import sitting

        with self.session() as session:
            return sitting.sitting_per_day(session=session, start=start, end=end)

    def sitting_sessions(self, start: dt.date | None = None, end: dt.date | None = None) -> list[SittingSummary]:
        """Each kept sitting session in the inclusive range, by date."""
        from journal.storage import sitting

        with self.session() as session:
            return sitting.sitting_sessions(session=session, start=start, end=end)

    # --- pain-now readings (schema 11) ------------------------------------------------

    def add_readings(self, readings: Sequence["PainReading"], *, today: dt.date | None = None) -> list[int]:
        """Validate and keep readings in one transaction; all or nothing. Return their ids.

        Raises:
            ValidationError: for the first invalid reading; nothing is written.
        """
        from journal.core.validation import validate_reading
        from journal.storage import readings as stored

        clean = [validate_reading(r, today=today) for r in readings]
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as session:
            return stored.add_readings(session=session, readings=clean, at=stamp)

    def readings(self, start: dt.date | None = None, end: dt.date | None = None) -> list["StoredReading"]:
        """Readings in the inclusive range, by date and time."""
        from journal.storage import readings as stored

        with self.session() as session:
            return stored.list_readings(session=session, start=start, end=end)

    def delete_reading(self, reading_id: int) -> "PainReading | None":
        """Delete one reading and return what it held (None if it was already gone)."""
        from journal.storage import readings as stored

        with self.transaction() as session:
            return stored.delete_reading(session=session, reading_id=reading_id)
