"""Days: save, delete, read, and the catalog names a day may add.

Each change returns :class:`journal.app.changes.Changed`: what was stored,
which dates changed, and the window's in-memory copies that the change made
stale, read again in the same step.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Set
from typing import TYPE_CHECKING

from journal.app.changes import Caches, Changed, JournalChange
from journal.app.opening import form_catalog
from journal.core.catalog import CatalogKind
from journal.core.day import DayEntry

if TYPE_CHECKING:
    from journal.app.journal_file import Journal

_FIRST_SPAN_DAYS = 7


def save_day(
    journal: "Journal",
    entry: DayEntry,
    *,
    known: Set[tuple[CatalogKind, str]] = frozenset(),
    medications: Collection[str] = (),
) -> Changed[DayEntry]:
    """Validate and save ``entry``; the catalog and medication names are read again only if it added one.

    ``known`` holds the (kind, casefolded name) pairs the caller already has,
    ``medications`` the medication names it has.
    """
    saved = journal.save_day(entry)
    names = {(CatalogKind.ACTIVITY, a.name.casefold()) for a in saved.activities}
    names |= {(CatalogKind.TRIGGER, t.casefold()) for t in saved.triggers}
    names |= {(CatalogKind.SYMPTOM, s.casefold()) for s in saved.symptoms}
    new_names = not names <= known
    new_medications = not set(medications).issuperset(saved.medications)
    caches = Caches(
        catalog=form_catalog(journal) if new_names else None,
        medications=journal.medication_names() if new_medications else None,
        logged_added=frozenset({saved.date}),
    )
    return Changed(saved, JournalChange(frozenset({saved.date}), catalog=new_names), caches)


def delete_day(journal: "Journal", date: dt.date) -> Changed[DayEntry | None]:
    """Delete ``date``'s entry; the value is what it held (to undo with), or None."""
    removed = journal.delete_day(date)
    return Changed(removed, JournalChange(frozenset({date})), Caches(logged_removed=frozenset({date})))


def add_catalog_item(journal: "Journal", kind: CatalogKind, name: str) -> Changed[str]:
    """Add a trigger, symptom or activity to the catalog; the value is the name as stored."""
    stored = journal.add_catalog_item(kind, name)
    return Changed(stored, JournalChange(catalog=True), Caches(catalog=form_catalog(journal)))


def day(journal: "Journal", date: dt.date) -> DayEntry | None:
    """One day's entry, or None."""
    return journal.day(date)


def days(journal: "Journal", start: dt.date | None = None, end: dt.date | None = None) -> list[DayEntry]:
    """Entries in [start, end] (either end open), by date."""
    return journal.days(start, end)


def last_day_before(journal: "Journal", date: dt.date) -> DayEntry | None:
    """The latest entry dated before ``date``, or None ("Same as yesterday").

    Looks back a week, then eight times further each time, so a daily logger's
    "yesterday" costs one small query however long the journal is.
    """
    bounds = journal.date_bounds()
    if bounds is None or bounds[0] >= date:
        return None
    first = bounds[0]
    end = date - dt.timedelta(days=1)
    span = _FIRST_SPAN_DAYS
    while True:
        start = max(first, end - dt.timedelta(days=span - 1))
        found = journal.days(start, end)
        if found:
            return found[-1]
        if start <= first:
            return None
        end = start - dt.timedelta(days=1)
        span *= 8


def bring_back_day(journal: "Journal", entry: DayEntry) -> Changed[DayEntry]:
    """Save a deleted day again (History's Undo), under each name as it is now.

    A name renamed or merged in Manage lists since the day was deleted comes
    back as it is now (:func:`journal.app.lists.named_as_now`).
    """
    from journal.app.lists import named_as_now

    return save_day(journal, named_as_now(journal, entry))
