"""Opening a journal: the patient's own (locked against a second writer) or the sample data.

Opening reads, in the same step, everything the window keeps in memory (the
form's catalog, the medication names, the logged dates, the first day shown,
About you), so the window's thread never reads the file for them.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journal.app.changes import Caches, Changed, JournalChange
from journal.core import clock
from journal.core.about_you import AboutYou
from journal.core.catalog import CatalogItem
from journal.core.day import DayEntry

if TYPE_CHECKING:
    from journal.app.journal_file import Journal, JournalLock

#: Catalog entries of each kind the window keeps (the Today form shows fewer);
#: a catalog of any size costs start-up no more than this.
FORM_CATALOG_LIMIT = 500


def form_catalog(journal: "Journal") -> list[CatalogItem]:
    """The catalog entries the window uses: the first of each kind and every red-flag symptom."""
    return journal.catalog(limit_per_kind=FORM_CATALOG_LIMIT)


def all_caches(journal: "Journal") -> Caches:
    """Every in-memory copy read again (after an import, a restore or a change of lists)."""
    return Caches(form_catalog(journal), journal.medication_names(), frozenset(journal.logged_dates()))


@dataclass(frozen=True)
class OpenedJournal:
    """Everything loaded when a journal opens."""

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


def lock_journal(path: Path, held: "JournalLock | None" = None) -> "JournalLock":
    """The journal's lock on ``path`` (on the resolved file): ``held`` if it is that lock, else newly taken.

    A ``held`` lock on another file is released first.

    Raises:
        JournalInUseError: another window or process holds it.
    """
    from journal.storage.single_instance import acquire_journal_lock, lock_path

    if held is not None and held.path == lock_path(path).resolve():
        return held
    if held is not None:
        held.release()
    return acquire_journal_lock(path)


def open_journal(path: Path, *, medication_names: bool = True) -> OpenedJournal:
    """Open (creating or upgrading) the journal at ``path`` and read what the window keeps.

    Without ``medication_names`` the names are left empty, for the window to read them
    with :func:`read_medication_names` once the first screen is ready (only the
    folded medications box and saving a day use them).
    """
    from journal.storage.journal import Journal

    return _loaded(Journal.open(path), demo=False, medication_names=medication_names)


def read_medication_names(journal: "Journal") -> Changed[None]:
    """The medication names the window keeps, read after opening (see :func:`open_journal`)."""
    from journal.storage import first_screen

    return Changed(None, JournalChange(catalog=True), Caches(medications=first_screen.medication_names(journal.engine)))


def open_sample_journal() -> OpenedJournal:
    """A fresh journal of sample days, treatments and function checks in a new temporary folder."""
    from journal.core.sample_data import sample_days, sample_function_checks, sample_readings, sample_treatments
    from journal.storage.journal import Journal

    folder = Path(tempfile.mkdtemp(prefix="pain-journal-demo-"))
    journal = Journal.open(folder / "demo.sqlite3")
    journal.import_days(sample_days())
    for treatment in sample_treatments():
        journal.add_treatment(treatment)
    for check in sample_function_checks():
        journal.save_function_check(check)
    journal.add_readings(sample_readings())
    return _loaded(journal, demo=True)


def _loaded(journal: "Journal", *, demo: bool, medication_names: bool = True) -> OpenedJournal:
    # Read in plain SQL (journal.storage.first_screen): the window is ready before the
    # table classes are built, and before SQLAlchemy has compiled a statement.
    from journal.storage import first_screen

    date = clock.today()
    return OpenedJournal(
        journal,
        first_screen.catalog(journal.engine, FORM_CATALOG_LIMIT),
        first_screen.medication_names(journal.engine) if medication_names else [],
        frozenset(first_screen.logged_dates(journal.engine)),
        demo,
        (date, first_screen.day(journal.engine, date)),
        _read_about_you(journal, date),
    )


def _read_about_you(journal: "Journal", today: dt.date) -> AboutYou | None:
    from journal.core.about_you import KEYS, from_settings
    from journal.core.errors import ValidationError
    from journal.storage import first_screen

    try:
        return from_settings(first_screen.settings(journal.engine, KEYS.values()), today)
    except ValidationError:
        return None  # a hand-edited year of birth: the signs keep their usual meaning


def close_journal(journal: "Journal") -> None:
    """Close the journal's connections (queued work must have finished)."""
    journal.close()


def open_file(path: Path, *, must_exist: bool = True) -> "Journal":
    """Open the journal at ``path`` for a command (no in-memory copies are read).

    Raises:
        UserError: the path cannot hold a journal, or (with ``must_exist``) there is none.
    """
    from journal.core.errors import UserError
    from journal.storage.journal import Journal
    from journal.storage.paths import check_path

    check_path(path)
    if must_exist and not path.exists():
        raise UserError(f"No journal at {path}. Start the app once, or give --db PATH.")
    return Journal.open(path)


def open_checked_file(path: Path) -> "Journal":
    """Open the journal at ``path`` after checking the file (a damaged file is refused, never opened)."""
    from journal.storage.integrity import check_file
    from journal.storage.journal import Journal

    check_file(path)
    return Journal.open(path)


def define_all_tables() -> None:
    """Build every table class now, those otherwise built on first use included.

    For tools that replace the date classes afterwards (the screenshots' fixed date):
    a table built after that would take the replaced class as its column type.
    """
    import journal.storage.more_tables  # noqa: F401 - imported for its side effect: the tables are defined
