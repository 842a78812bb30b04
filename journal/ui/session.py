"""The open journal as the window sees it: one object between widgets and storage.

Widgets never run SQL; they call these methods. After every change the
session emits ``changed`` with a small :class:`JournalChange` record and each
view decides what to refresh (the pattern of Anki's ``OpChanges``).
Opening happens on the worker thread because importing SQLModel takes about a
second; the window is already on screen by then.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from journal.core.catalog import CatalogItem, CatalogKind, Urgency
from journal.core.day import DayEntry
from journal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from journal.storage.journal import Journal


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
    day_count: int
    demo: bool


def _open_on_worker(path: Path | None, demo: bool) -> OpenedJournal:
    from journal.storage.journal import Journal

    if demo:
        from journal.core.sample_data import sample_days

        folder = Path(tempfile.mkdtemp(prefix="pain-journal-demo-"))
        journal = Journal.open(folder / "demo.sqlite3")
        journal.import_days(sample_days())
    else:
        assert path is not None
        journal = Journal.open(path)
    return OpenedJournal(journal, journal.catalog(), journal.medication_names(), journal.count(), demo)


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

    # --- opening ---------------------------------------------------------------

    def open(self, path: Path | None, *, demo: bool = False) -> None:
        """Open ``path`` (or a fresh sample journal) on the worker; emits opened/open_failed."""
        if not demo:
            self.user_path = path
        self.tasks.run(lambda: _open_on_worker(path, demo), self._on_opened, self.open_failed.emit)

    def _on_opened(self, opened: OpenedJournal) -> None:
        if self.journal is not None:
            self.journal.close()
        self.journal = opened.journal
        self.is_demo = opened.demo
        self._catalog = opened.catalog
        self._medications = opened.medications
        self.opened.emit(opened)
        self.changed.emit(JournalChange(everything=True))

    @property
    def ready(self) -> bool:
        return self.journal is not None

    def close(self) -> None:
        self.tasks.wait()
        if self.journal is not None:
            self.journal.close()
            self.journal = None

    def _require(self) -> "Journal":
        if self.journal is None:
            raise RuntimeError("the journal is not open yet")
        return self.journal

    # --- reading -----------------------------------------------------------------

    def day(self, date: dt.date) -> DayEntry | None:
        return self._require().day(date)

    def days(self, start: dt.date | None = None, end: dt.date | None = None) -> list[DayEntry]:
        return self._require().days(start, end)

    def catalog(self, kind: CatalogKind) -> list[CatalogItem]:
        return [item for item in self._catalog if item.kind is kind]

    def urgencies(self) -> dict[str, Urgency]:
        from journal.core.catalog import name_key

        return {
            name_key(item.name): item.urgency
            for item in self._catalog
            if item.kind is CatalogKind.SYMPTOM
        }

    def medication_names(self) -> list[str]:
        return list(self._medications)

    # --- writing -----------------------------------------------------------------

    def save_day(self, entry: DayEntry) -> DayEntry:
        """Validate and save; raises ValidationError with nothing written."""
        journal = self._require()
        saved = journal.save_day(entry)
        catalog_before = {(i.kind, i.name.casefold()) for i in self._catalog}
        names = {(CatalogKind.ACTIVITY, a.name.casefold()) for a in saved.activities}
        names |= {(CatalogKind.TRIGGER, t.casefold()) for t in saved.triggers}
        names |= {(CatalogKind.SYMPTOM, s.casefold()) for s in saved.symptoms}
        catalog_changed = not names <= catalog_before
        if catalog_changed:
            self._catalog = journal.catalog()
        if any(m not in self._medications for m in saved.medications):
            self._medications = journal.medication_names()
        self.changed.emit(JournalChange(frozenset({saved.date}), catalog=catalog_changed))
        return saved

    def delete_day(self, date: dt.date) -> DayEntry | None:
        removed = self._require().delete_day(date)
        self.changed.emit(JournalChange(frozenset({date})))
        return removed

    def add_catalog_item(self, kind: CatalogKind, name: str) -> str:
        journal = self._require()
        stored = journal.add_catalog_item(kind, name)
        self._catalog = journal.catalog()
        self.changed.emit(JournalChange(catalog=True))
        return stored

    def refresh_all(self) -> None:
        """Reload caches after bulk changes (import, restore) and tell every view."""
        journal = self._require()
        self._catalog = journal.catalog()
        self._medications = journal.medication_names()
        self.changed.emit(JournalChange(everything=True))

    # --- settings ------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        """A remembered preference, or None. Reads the file: call it from ``tasks.run`` work."""
        return self._require().setting(key)

    def set_setting(self, key: str, value: str) -> None:
        """Remember a preference. Writes the file: call it from ``tasks.run`` work."""
        self._require().set_setting(key, value)

    # --- guidance and red flags ------------------------------------------------------

    def acknowledge_red_flags(self, date: dt.date, symptoms: list[str]) -> int:
        """Remember that the warnings for ``symptoms`` on ``date`` were acknowledged.

        A no-op for a date with no saved entry. Returns how many were new.
        One small write: call it from ``tasks.run`` work.
        """
        return self._require().acknowledge_red_flags(date, symptoms)

    def red_flag_acks(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> dict[dt.date, frozenset[str]]:
        """Acknowledged red-flag symptom name keys per date (safe to call from the worker)."""
        return self._require().red_flag_acks(start, end)
