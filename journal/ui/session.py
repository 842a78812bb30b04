"""The open journal as the window sees it: one object between widgets and storage.

Widgets never run SQL; they call these methods. Every method that reads or
writes the file runs it on the worker (see :mod:`journal.ui.tasks`), with the
journal bound when the call is queued, and reports back through callbacks on
the window's thread; the window's thread never touches the database file.
After every change the session emits ``changed`` with a small
:class:`JournalChange` record and each view decides what to refresh (the
pattern of Anki's ``OpChanges``). What the window needs at once (the catalog,
medication names, which dates are logged) is kept in memory, loaded with the
journal and refreshed by the calls that change it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from journal.core import clock
from journal.core.about_you import AboutYou
from journal.core.catalog import CatalogItem, CatalogKind, Urgency
from journal.core.day import DayEntry
from journal.ui.tasks import Cancelled, TaskRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.core.redflags import RedFlag
    from journal.core.sitting import SittingSummary
    from journal.storage.backup import BackupInfo
    from journal.storage.journal import Journal
    from journal.storage.single_instance import JournalLock


T = TypeVar("T")

#: Catalog entries of each kind the window keeps (the Today form shows fewer);
#: a catalog of any size costs start-up no more than this.
FORM_CATALOG_LIMIT = 500


def form_catalog(journal: "Journal") -> list[CatalogItem]:
    """The catalog entries the window uses: the first of each kind and every red-flag symptom."""
    return journal.catalog(limit_per_kind=FORM_CATALOG_LIMIT)


class JournalNotOpenError(Cancelled):
    """Work asked for the journal before it opened or after it closed; on the worker it is dropped."""


@dataclass(frozen=True)
class JournalChange:
    """What an operation changed; views refresh only what they show of it."""

    dates: frozenset[dt.date] = field(default_factory=frozenset)
    catalog: bool = False
    everything: bool = False  # another journal opened, an import or a restore


@dataclass(frozen=True)
class OpenedJournal:
    """Everything loaded on the worker when a journal opens."""

    journal: "Journal"
    catalog: list[CatalogItem]
    medications: list[str]
    logged: frozenset[dt.date]
    demo: bool
    today: tuple[dt.date, DayEntry | None] | None = None  # the day Today shows first
    about: AboutYou | None = None  # what the person said about themselves (None: unreadable)

    @property
    def day_count(self) -> int:
        return len(self.logged)


@dataclass(frozen=True)
class _Caches:
    """The in-memory copies a change may have made stale, read again on the worker (None: unchanged)."""

    catalog: list[CatalogItem] | None = None
    medications: list[str] | None = None
    logged: frozenset[dt.date] | None = None


def _open_on_worker(path: Path | None, demo: bool) -> OpenedJournal:
    from journal.storage.journal import Journal

    if demo:
        from journal.core.sample_data import sample_days, sample_function_checks, sample_readings, sample_treatments

        folder = Path(tempfile.mkdtemp(prefix="pain-journal-demo-"))
        journal = Journal.open(folder / "demo.sqlite3")
        journal.import_days(sample_days())
        for treatment in sample_treatments():
            journal.add_treatment(treatment)
        for check in sample_function_checks():
            journal.save_function_check(check)
        journal.add_readings(sample_readings())
    else:
        assert path is not None
        journal = Journal.open(path)
    date = clock.today()
    return OpenedJournal(
        journal,
        form_catalog(journal),
        journal.medication_names(),
        frozenset(journal.logged_dates()),
        demo,
        (date, journal.day(date)),
        _read_about_you(journal, date),
    )


def _read_about_you(journal: "Journal", today: dt.date) -> AboutYou | None:
    from journal.app.about_you import load_about_you
    from journal.core.errors import ValidationError

    try:
        return load_about_you(journal, today)
    except ValidationError:
        return None  # a hand-edited year of birth: the signs keep their usual meaning


class JournalSession(QObject):
    """Holds the open :class:`Journal` and the catalog caches the form needs."""

    opened = Signal(object)  # OpenedJournal
    open_failed = Signal(object)  # the exception
    changed = Signal(object)  # JournalChange

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.journal: Journal | None = None
        self.user_path: Path | None = None
        self.is_demo = False
        self._catalog: list[CatalogItem] = []
        self._medications: list[str] = []
        self._logged: frozenset[dt.date] = frozenset()
        self._prefetched: tuple[dt.date, DayEntry | None] | None = None
        self._about = AboutYou()

    # --- opening ---------------------------------------------------------------

    def open(self, path: Path | None, *, demo: bool = False) -> None:
        """Open ``path`` (or a fresh sample journal) on the worker; emits opened/open_failed.

        The user's journal is locked on the worker first, so a second window on
        the same file cannot write to it: if another process holds the lock,
        ``open_failed`` gets a ``JournalInUseError`` and the file is not opened.
        The lock stays held after any other failure (a restore may follow)
        until :meth:`release_lock` or :meth:`shut_down`. The sample journal
        needs no lock; with ``demo``, ``path`` is the patient's own journal,
        opened (and locked) only when they leave the sample data.
        """
        if demo and path is not None:
            self.user_path = path
        if demo or path is None:
            self.tasks.run(lambda: _open_on_worker(None, demo), self._on_opened, self.open_failed.emit)
            return
        self.user_path = path

        def work() -> OpenedJournal:
            self._hold_lock(path)
            return _open_on_worker(path, False)

        self.tasks.run(work, self._on_opened, self.open_failed.emit)

    def _on_opened(self, opened: OpenedJournal) -> None:
        previous, self.journal = self.journal, opened.journal
        if previous is not None and previous is not opened.journal:
            self.tasks.run(previous.close, lambda _: None)  # e.g. the sample data, after leaving it
        self.is_demo = opened.demo
        self._catalog = opened.catalog
        self._medications = opened.medications
        self._logged = opened.logged
        self._about = opened.about or AboutYou()
        # Today's entry was read on the worker too: the first view to ask for it
        # gets it without another query (valid only until the views have loaded).
        self._prefetched = opened.today
        self.opened.emit(opened)
        self.changed.emit(JournalChange(everything=True))
        self._prefetched = None

    @property
    def ready(self) -> bool:
        return self.journal is not None

    @property
    def read_only(self) -> bool:
        """True when the open journal is read-only (browse, report, export; never save)."""
        return self.journal is not None and self.journal.read_only

    def close(self) -> None:
        """Finish queued work and close the journal (on the worker; this waits for it)."""
        self.tasks.wait()  # queued work still uses the journal
        journal, self.journal = self.journal, None
        if journal is not None:
            self.tasks.call_blocking(journal.close)
        else:
            self.tasks.wait()

    def _require(self) -> "Journal":
        if self.journal is None:
            raise JournalNotOpenError("the journal is not open (yet, or any more)")
        return self.journal

    # --- reading -----------------------------------------------------------------

    def load_day(
        self,
        date: dt.date,
        on_done: "Callable[[DayEntry | None], None]",
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Read one day on the worker and hand it to ``on_done`` (at once when there is nothing to read)."""
        if self._prefetched is not None and self._prefetched[0] == date:
            on_done(self._prefetched[1])
            return
        if date not in self._logged:
            on_done(None)  # nothing to read: the logged dates are known
            return
        journal = self._require()
        self.tasks.run(lambda: journal.day(date), on_done, on_error)

    def days(self, start: dt.date | None = None, end: dt.date | None = None) -> list[DayEntry]:
        """Entries in the range. Reads the file: call it from ``tasks.run`` work."""
        return self._require().days(start, end)

    def is_logged(self, date: dt.date) -> bool:
        """Whether ``date`` has a saved entry (from memory; no file access)."""
        return date in self._logged

    def date_bounds(self) -> tuple[dt.date, dt.date] | None:
        """The first and last logged dates, or None (from memory; no file access)."""
        return (min(self._logged), max(self._logged)) if self._logged else None

    def catalog(self, kind: CatalogKind) -> list[CatalogItem]:
        return [item for item in self._catalog if item.kind is kind]

    def urgencies(self) -> dict[str, Urgency]:
        from journal.core.catalog import name_key

        return {name_key(item.name): item.urgency for item in self._catalog if item.kind is CatalogKind.SYMPTOM}

    def about_you(self) -> AboutYou:
        """What the person said about themselves (as loaded when the journal opened, or last saved)."""
        return self._about

    def red_flags_in(self, entry: DayEntry) -> "list[RedFlag]":
        """The day's warning signs, as they mean for this person (:func:`journal.core.about_you.apply`)."""
        from journal.core.about_you import apply
        from journal.core.redflags import red_flags_in

        return apply(red_flags_in(entry, self.urgencies()), self._about, entry.date)

    def day_urgencies(self, entry: DayEntry) -> dict[str, Urgency]:
        """:meth:`urgencies`, with the day's signs as they mean for this person (for the cards)."""
        from journal.core.catalog import name_key

        return {**self.urgencies(), **{name_key(f.symptom): f.urgency for f in self.red_flags_in(entry)}}

    def save_about_you(
        self,
        about: AboutYou,
        on_done: "Callable[[None], None] | None" = None,
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Store ``about`` on the worker; once stored, the signs mean what it says (every view is told)."""
        from journal.app.about_you import save_about_you

        journal = self._require()

        def work() -> None:
            save_about_you(journal, about, clock.today())

        def done(_: None) -> None:
            self._about = about
            self.changed.emit(JournalChange(everything=True))
            if on_done is not None:
                on_done(None)

        self.tasks.run(work, done, on_error)

    def medication_names(self) -> list[str]:
        return list(self._medications)

    # --- writing -----------------------------------------------------------------
    # Each write runs on the worker; ``on_done`` gets its result and ``on_error``
    # the exception (ValidationError, UserError or anything else), with nothing
    # written. Without ``on_error`` the error is shown (journal.ui.errors).

    def save_day(
        self,
        entry: DayEntry,
        on_done: "Callable[[DayEntry], None]",
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Validate and save ``entry``; ``on_done`` gets what was stored, after ``changed``."""
        journal = self._require()
        known = {(i.kind, i.name.casefold()) for i in self._catalog}
        medications = set(self._medications)

        def work() -> tuple[DayEntry, _Caches]:
            saved = journal.save_day(entry)
            names = {(CatalogKind.ACTIVITY, a.name.casefold()) for a in saved.activities}
            names |= {(CatalogKind.TRIGGER, t.casefold()) for t in saved.triggers}
            names |= {(CatalogKind.SYMPTOM, s.casefold()) for s in saved.symptoms}
            return saved, _Caches(
                catalog=None if names <= known else form_catalog(journal),
                medications=None if medications.issuperset(saved.medications) else journal.medication_names(),
            )

        def done(result: tuple[DayEntry, _Caches]) -> None:
            saved, caches = result
            self._update_caches(caches)
            self._logged |= {saved.date}  # as of now, not as of queuing: other writes may have come between
            self.changed.emit(JournalChange(frozenset({saved.date}), catalog=caches.catalog is not None))
            on_done(saved)

        self.tasks.run(work, done, on_error)

    def delete_day(
        self,
        date: dt.date,
        on_done: "Callable[[DayEntry | None], None]",
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Delete ``date``'s entry; ``on_done`` gets what it held (to undo with), or None."""
        journal = self._require()

        def done(removed: DayEntry | None) -> None:
            self._logged -= {date}
            self.changed.emit(JournalChange(frozenset({date})))
            on_done(removed)

        self.tasks.run(lambda: journal.delete_day(date), done, on_error)

    def add_catalog_item(
        self,
        kind: CatalogKind,
        name: str,
        on_done: "Callable[[str], None]",
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Add a trigger, symptom or activity to the catalog; ``on_done`` gets the name as stored."""
        journal = self._require()

        def work() -> tuple[str, _Caches]:
            stored = journal.add_catalog_item(kind, name)
            return stored, _Caches(catalog=form_catalog(journal))

        def done(result: tuple[str, _Caches]) -> None:
            stored, caches = result
            self._update_caches(caches)
            self.changed.emit(JournalChange(catalog=True))
            on_done(stored)

        self.tasks.run(work, done, on_error)

    def refresh_all(self, on_done: "Callable[[], None] | None" = None) -> None:
        """Reload the caches after bulk changes (import, restore), then tell every view."""
        journal = self._require()

        def work() -> _Caches:
            return _Caches(form_catalog(journal), journal.medication_names(), frozenset(journal.logged_dates()))

        def done(caches: _Caches) -> None:
            self._update_caches(caches)
            self.changed.emit(JournalChange(everything=True))
            if on_done is not None:
                on_done()

        self.tasks.run(work, done)

    def _update_caches(self, caches: _Caches) -> None:
        if caches.catalog is not None:
            self._catalog = caches.catalog
        if caches.medications is not None:
            self._medications = caches.medications
        if caches.logged is not None:
            self._logged = caches.logged

    # --- settings ------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        """A remembered preference, or None. Reads the file: call it from ``tasks.run`` work."""
        return self._require().setting(key)

    def set_setting(self, key: str, value: str) -> None:
        """Remember a preference. Writes the file: call it from ``tasks.run`` work.

        A read-only journal remembers nothing (and says nothing: it is only a preference).
        """
        journal = self._require()
        if not journal.read_only:
            journal.set_setting(key, value)

    # --- guidance and red flags ------------------------------------------------------

    def acknowledge_red_flags(self, date: dt.date, symptoms: list[str]) -> int:
        """Remember that the warnings for ``symptoms`` on ``date`` were acknowledged.

        A no-op for a date with no saved entry. Returns how many were new.
        One small write: call it from ``tasks.run`` work.
        """
        return self._require().acknowledge_red_flags(date, symptoms)

    def red_flag_acks(self, start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, frozenset[str]]:
        """Acknowledged red-flag symptom name keys per date (safe to call from the worker)."""
        return self._require().red_flag_acks(start, end)

    # --- sitting sessions ---------------------------------------------------------------

    def add_sitting_session(self, summary: "SittingSummary", on_done: "Callable[[None], None] | None" = None) -> None:
        """Keep a sitting session's minutes and breaks (one small write on the worker)."""
        journal = self._require()
        self.tasks.run(lambda: journal.add_sitting_session(summary), on_done or (lambda _: None))

    def sitting_per_day(self, start: dt.date | None = None, end: dt.date | None = None) -> "dict[dt.date, SittingSummary]":
        """Kept sitting minutes and breaks per date (safe to call from the worker)."""
        return self._require().sitting_per_day(start, end)

    # --- one writer, backups and restores ------------------------------------------------
    # The window holds the journal's lock from just before the file is opened
    # until it closes, so a second window on the same file cannot write to it.

    _lock: "JournalLock | None" = None  # held while this session may write its journal

    def _hold_lock(self, path: Path) -> None:
        """Take the journal's lock (on the resolved file), unless this session already holds it.

        Raises:
            JournalInUseError: another window or process holds it.
        """
        from journal.storage.single_instance import acquire_journal_lock, lock_path

        if self._lock is not None and self._lock.path == lock_path(path).resolve():
            return
        self.release_lock()
        self._lock = acquire_journal_lock(path)

    @property
    def holds_lock(self) -> bool:
        return self._lock is not None

    def release_lock(self) -> None:
        """Let another window open the journal (does nothing when no lock is held)."""
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    def shut_down(self) -> "Path | None":
        """Finish queued work, close the journal, back it up if it changed, release the lock.

        For the window's closing: the work runs on the worker and this waits for
        it (when nothing changed the backup check is one quick read). Returns the
        new backup, if one was made. The lock is released even if the backup
        fails (that error is raised).
        """
        self.tasks.wait()  # queued work still uses the journal
        journal, self.journal = self.journal, None
        keep = journal is not None and not self.is_demo and not journal.read_only and self.holds_lock

        def work() -> "Path | None":
            if journal is None:
                return None
            worth_keeping = keep and journal.count() > 0
            journal.close()
            if not worth_keeping:
                return None
            from journal.storage.backup import backup_if_changed

            return backup_if_changed(journal.path)

        try:
            result = self.tasks.call_blocking(work)
            assert result is None or isinstance(result, Path)
            return result
        finally:
            self.release_lock()

    def own_journal_path(self) -> Path | None:
        """The user's journal file (open or not), or None while showing the sample data."""
        if self.is_demo:
            return None
        if self.journal is not None:
            return self.journal.path
        return self.user_path

    def backup_if_changed(self) -> "Path | None":
        """A routine backup of the open journal unless nothing changed since the last one.

        None for the sample data and for a journal without days. Reads the
        whole file: call it from ``tasks.run`` work.
        """
        journal = self.journal
        if journal is None or self.is_demo or journal.read_only or journal.count() == 0:
            return None
        from journal.storage.backup import backup_if_changed

        return backup_if_changed(journal.path)

    def backup_folder(self, *, create: bool = False) -> Path | None:
        """Where automatic backups of the user's journal go (0700 when ``create``)."""
        path = self.own_journal_path()
        if path is None:
            return None
        from journal.storage.backup_names import backups_dir

        folder = backups_dir(path)
        if create:
            from journal.storage.atomic_file import make_private_dirs

            make_private_dirs(folder)
        return folder

    def backup_to(self, dest: Path) -> Path:
        """Copy the open journal to the new file ``dest`` (call it from ``tasks.run`` work)."""
        from journal.storage.backup import backup_now

        return backup_now(self._require().path, dest)

    def backups(self) -> "list[BackupInfo]":
        """The user's journal's backups, newest first (reads each: call it from ``tasks.run`` work)."""
        path = self.own_journal_path()
        if path is None:
            return []
        from journal.storage.backup import list_backups

        return list_backups(path)

    def describe_backup(self, path: Path) -> "BackupInfo":
        """Day count and dates of a backup file anywhere (call it from ``tasks.run`` work)."""
        from journal.storage.backup import describe_backup

        return describe_backup(path)

    def restore(
        self,
        backup: Path,
        on_done: "Callable[[Path | None], None]",
        on_error: "Callable[[BaseException], None]",
    ) -> None:
        """Replace the open journal's contents with ``backup`` on the worker, then reopen it.

        The current state is first kept as a backup (see ``restore_backup``);
        ``on_done`` gets where it went. Views hear of it through ``opened`` and
        ``changed`` like any other journal opening.
        """
        journal = self._require()
        path = journal.path

        def work() -> "tuple[Path | None, OpenedJournal]":
            from journal.storage.backup import restore_backup

            self._hold_lock(path)
            journal.close()  # restore_backup needs our own connections closed
            saved = restore_backup(path, backup)
            return saved, _open_on_worker(path, False)

        def done(result: "tuple[Path | None, OpenedJournal]") -> None:
            saved, opened = result
            self._on_opened(opened)
            on_done(saved)

        self.tasks.run(work, done, on_error)

    def recover_damaged(
        self,
        on_done: "Callable[[tuple[Path | None, Path | None]], None]",
        on_error: "Callable[[BaseException], None]",
    ) -> None:
        """Set the damaged journal aside and restore its newest good backup, on the worker.

        ``on_done`` gets ``(backup used, where the damaged file now is)``;
        ``(None, None)`` and nothing changed when no backup was usable. Then
        open it again with :meth:`open`.
        """
        path = self.user_path
        if path is None or self.journal is not None:
            raise RuntimeError("only a journal that failed to open can be recovered")

        def damaged_copies() -> set[Path]:
            return set(path.parent.glob(f"{path.name}.damaged-*"))

        def work() -> "tuple[Path | None, Path | None]":
            from journal.storage.backup import quarantine_and_restore_newest

            self._hold_lock(path)
            before = damaged_copies()
            used = quarantine_and_restore_newest(path)
            kept = sorted(damaged_copies() - before)
            return used, (kept[0] if kept else None)

        self.tasks.run(work, on_done, on_error)

    # --- Manage lists ----------------------------------------------------------------------

    def change_lists(
        self,
        work: "Callable[[Journal], T]",
        on_done: "Callable[[T], None]",
        on_error: "Callable[[BaseException], None]",
    ) -> None:
        """Run a Manage-lists change (``journal.app.lists``) on the worker, then refresh the caches.

        The form's catalogs and medication names are read again on the worker
        with the change; views hear ``changed`` with the dates whose entries
        now read differently (a renamed or merged name), so an unsaved day in
        the form is not reloaded under the patient.
        """
        journal = self._require()

        def job() -> "tuple[T, list[CatalogItem], list[str]]":
            result = work(journal)
            return result, form_catalog(journal), journal.medication_names()

        def done(payload: "tuple[T, list[CatalogItem], list[str]]") -> None:
            result, catalog, medications = payload
            self._catalog, self._medications = catalog, medications
            dates: frozenset[dt.date] = getattr(result, "dates", frozenset())
            self.changed.emit(JournalChange(frozenset(dates), catalog=True))
            on_done(result)

        self.tasks.run(job, done, on_error)
