"""The open journal as the window sees it: its in-memory copies, its signals and its lock.

Widgets never run SQL and never touch the journal file. Every operation is a
function of :mod:`journal.app`, run through :class:`journal.ui.operations.JournalOp`,
which binds the journal when the operation is queued, runs it on the worker
and hands the result back on the window's thread. After every change the
session emits ``changed`` with a small :class:`journal.app.changes.JournalChange`
and each view decides what to refresh (the pattern of Anki's ``OpChanges``).
What the window needs at once (the catalog, medication names, which dates are
logged, About you) is kept here, loaded with the journal and refreshed by the
operations that change it (:class:`journal.app.changes.Changed`). The lock,
closing, backups and restores are in :mod:`journal.ui.session_file`.

The methods below that change the journal are conveniences over
``JournalOp(session, app_function)`` for the operations several views share.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from journal.app.changes import Changed, JournalChange
from journal.app.opening import FORM_CATALOG_LIMIT, OpenedJournal, form_catalog
from journal.core import clock
from journal.core.about_you import AboutYou
from journal.core.catalog import CatalogItem, CatalogKind, Urgency
from journal.core.day import DayEntry
from journal.ui.operations import JournalOp
from journal.ui.session_file import OwnFile
from journal.ui.tasks import Cancelled, TaskRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.app.journal_file import Journal, JournalLock
    from journal.core.redflags import RedFlag
    from journal.core.sitting import SittingSummary

# Names that moved to journal.app, still importable from here for existing callers.
__all__ = ["FORM_CATALOG_LIMIT", "JournalChange", "JournalNotOpenError", "JournalSession", "OpenedJournal", "form_catalog"]

T = TypeVar("T")


class JournalNotOpenError(Cancelled):
    """Work asked for the journal before it opened or after it closed; on the worker it is dropped."""


class JournalSession(QObject, OwnFile):
    """Holds the open journal, the in-memory copies the form needs, and the journal's lock."""

    opened = Signal(object)  # OpenedJournal
    open_failed = Signal(object)  # the exception
    changed = Signal(object)  # JournalChange

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self.journal: Journal | None = None  # bound to operations when queued (JournalOp); never read here
        self.user_path: Path | None = None
        self.is_demo = False
        self._catalog: list[CatalogItem] = []
        self._medications: list[str] = []
        self._logged: frozenset[dt.date] = frozenset()
        self._prefetched: tuple[dt.date, DayEntry | None] | None = None
        self._about = AboutYou()
        self._lock: JournalLock | None = None  # held while this session may write its journal

    @property
    def tasks(self) -> TaskRunner:
        """The worker every operation runs on."""
        return self._tasks

    def bound_journal(self) -> "Journal | None":
        """The open journal, for :class:`JournalOp` to bind when an operation is queued."""
        return self.journal

    def op(self, op: "Callable[[Journal], T]") -> JournalOp[T]:
        """``JournalOp(self, op)``: chain ``.success(...)``/``.failure(...)``, then ``.run_in_background()``."""
        return JournalOp(self, op)

    def apply(self, changed: Changed[Any]) -> None:
        """Bring the in-memory copies up to date with an operation's result, then tell every view."""
        caches = changed.caches
        if caches.catalog is not None:
            self._catalog = caches.catalog
        if caches.medications is not None:
            self._medications = caches.medications
        if caches.logged is not None:
            self._logged = caches.logged
        if caches.about is not None:
            self._about = caches.about  # the signs mean what it says before the views hear of it
        # Dates are applied as of now, not as of queuing: other writes may have come between.
        self._logged = (self._logged | caches.logged_added) - caches.logged_removed
        self.changed.emit(changed.change)

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
        from journal.app.opening import open_journal, open_sample_journal

        if demo and path is not None:
            self.user_path = path
        if demo or path is None:
            self.tasks.run(open_sample_journal, self._on_opened, self.open_failed.emit)
            return
        self.user_path = path

        def work() -> OpenedJournal:
            self._hold_lock(path)
            return open_journal(path, medication_names=False)  # read after the first screen: see _on_opened

        self.tasks.run(work, self._on_opened, self.open_failed.emit)

    def _on_opened(self, opened: OpenedJournal) -> None:
        from journal.app.opening import close_journal

        previous, self.journal = self.journal, opened.journal
        if previous is not None and previous is not opened.journal:
            self.tasks.run(lambda: close_journal(previous), lambda _: None)  # e.g. the sample data, after leaving it
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
        if not opened.demo:
            # Queued behind the first screen's reads; a day saved before they arrive
            # reads them itself (journal.app.days.save_day), so nothing is lost.
            from journal.app.opening import read_medication_names

            self.op(read_medication_names).run_in_background()

    @property
    def ready(self) -> bool:
        return self.journal is not None

    @property
    def read_only(self) -> bool:
        """True when the open journal is read-only (browse, report, export; never save)."""
        return self.journal is not None and self.journal.read_only

    def close(self) -> None:
        """Finish queued work and close the journal (on the worker; this waits for it)."""
        from journal.app.opening import close_journal

        self.tasks.wait()  # queued work still uses the journal
        journal, self.journal = self.journal, None
        if journal is not None:
            self.tasks.call_blocking(lambda: close_journal(journal))
        else:
            self.tasks.wait()

    # --- from memory (no file access) ---------------------------------------------

    def load_day(
        self,
        date: dt.date,
        on_done: "Callable[[DayEntry | None], None]",
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Read one day on the worker and hand it to ``on_done`` (at once when there is nothing to read)."""
        from journal.app.days import day

        if self._prefetched is not None and self._prefetched[0] == date:
            on_done(self._prefetched[1])
            return
        if date not in self._logged:
            on_done(None)  # nothing to read: the logged dates are known
            return
        self.op(lambda journal: day(journal, date)).success(on_done).failure(on_error).run_in_background()

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
        from journal.core.about_you import apply, episode_start
        from journal.core.redflags import red_flags_in

        return apply(red_flags_in(entry, self.urgencies()), self._about, entry.date, episode_start(entry.date, self._logged))

    def day_urgencies(self, entry: DayEntry) -> dict[str, Urgency]:
        """:meth:`urgencies`, with the day's signs as they mean for this person (for the cards)."""
        from journal.core.catalog import name_key

        return {**self.urgencies(), **{name_key(f.symptom): f.urgency for f in self.red_flags_in(entry)}}

    def medication_names(self) -> list[str]:
        return list(self._medications)

    # --- changes shared by several views --------------------------------------------
    # Each runs its journal.app operation through JournalOp; ``on_done`` gets its
    # result and ``on_error`` the exception (ValidationError, UserError or
    # anything else), with nothing written. Without ``on_error`` the error is
    # shown (journal.ui.errors).

    def save_about_you(
        self,
        about: AboutYou,
        on_done: "Callable[[None], None] | None" = None,
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Store ``about``; once stored, the signs mean what it says (every view is told)."""
        from journal.app.about_you import save_about_you_changed

        self.op(lambda journal: save_about_you_changed(journal, about, clock.today())).success(
            lambda _: on_done(None) if on_done is not None else None
        ).failure(on_error).run_in_background()

    def save_day(
        self,
        entry: DayEntry,
        on_done: "Callable[[DayEntry], None]",
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Validate and save ``entry``; ``on_done`` gets what was stored, after ``changed``."""
        from journal.app.days import save_day

        known = frozenset((i.kind, i.name.casefold()) for i in self._catalog)
        medications = tuple(self._medications)
        self.op(lambda journal: save_day(journal, entry, known=known, medications=medications)).success(
            lambda changed: on_done(changed.value)
        ).failure(on_error).run_in_background()

    def delete_day(
        self,
        date: dt.date,
        on_done: "Callable[[DayEntry | None], None]",
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Delete ``date``'s entry; ``on_done`` gets what it held (to undo with), or None."""
        from journal.app.days import delete_day

        self.op(lambda journal: delete_day(journal, date)).success(lambda changed: on_done(changed.value)).failure(
            on_error
        ).run_in_background()

    def add_catalog_item(
        self,
        kind: CatalogKind,
        name: str,
        on_done: "Callable[[str], None]",
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Add a trigger, symptom or activity to the catalog; ``on_done`` gets the name as stored."""
        from journal.app.days import add_catalog_item

        self.op(lambda journal: add_catalog_item(journal, kind, name)).success(lambda changed: on_done(changed.value)).failure(
            on_error
        ).run_in_background()

    def add_sitting_session(self, summary: "SittingSummary", on_done: "Callable[[None], None] | None" = None) -> None:
        """Keep a sitting session's minutes and breaks (one small write on the worker)."""
        from journal.app.sitting import add_sitting_session

        self.op(lambda journal: add_sitting_session(journal, summary)).success(on_done).run_in_background()

    def change_lists(
        self,
        work: "Callable[[Journal], T]",
        on_done: "Callable[[T], None]",
        on_error: "Callable[[BaseException], None]",
    ) -> None:
        """Run a Manage-lists change (``journal.app.lists``), reading the form's lists again with it.

        Views hear ``changed`` with the dates whose entries now read
        differently (a renamed or merged name), so an unsaved day in the form
        is not reloaded under the patient.
        """
        from journal.app.lists import with_caches

        self.op(lambda journal: with_caches(journal, work)).success(lambda changed: on_done(changed.value)).failure(
            on_error
        ).run_in_background()
