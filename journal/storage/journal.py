"""The journal file as one object: open it, then read and write whole days.

Each write method is one transaction: it validates with the core rules,
writes, and commits, or raises and leaves the file as it was. A write that
SQLite refuses (a full disk, the file locked by another program for more
than 5 s, a read-only file) raises :class:`JournalWriteError`, whose text and
traceback never carry the SQL or its parameters (the patient's words).

The records kept beside the days (acknowledged warnings, treatments,
function checks, sitting sessions, pain-now readings) are read and written by
the methods of its base class, :class:`journal.storage.journal_records.JournalRecords`.
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
from journal.core.validation import check_name, validate_day
from journal.core.words import plural
from journal.files.failures import reason_for
from journal.storage.database import BeforeUpgrade, OpenedFile, open_file
from journal.storage.failures import JournalWriteError
from journal.storage.journal_records import JournalRecords
from journal.storage.paths import HARD_LINKED, is_read_only, read_only_reason

if TYPE_CHECKING:
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


class Journal(JournalRecords):
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
        clean = checked_days(entries, today=today)
        with self.transaction() as session:
            write_checked_days(session, clean, replace=replace)
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


def checked_days(entries: Sequence[DayEntry], *, today: dt.date | None = None) -> list[DayEntry]:
    """``entries`` validated, each date once; raises ValidationError for the first problem."""
    clean = [validate_day(e, today=today) for e in entries]
    repeated = sorted(date for date, times in Counter(e.date for e in clean).items() if times > 1)
    if repeated:
        raise ValidationError([("date", f"{d.isoformat()} appears more than once") for d in repeated])
    return clean


def write_checked_days(session: Session, clean: Sequence[DayEntry], *, replace: bool) -> None:
    """Write days from :func:`checked_days` in ``session``; DuplicateDatesError for logged dates unless ``replace``."""
    if not replace:
        clash = repository.existing_dates(session=session, dates=[e.date for e in clean])
        if clash:
            raise DuplicateDatesError(sorted(clash))
    repository.write_days(session=session, entries=clean)
