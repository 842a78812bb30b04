"""What an operation changed, told to the front-ends (the pattern of Anki's ``OpChanges``).

An operation that changes the journal returns :class:`Changed`: its result, a
:class:`JournalChange` for the views (each decides what to refresh) and, where
the window keeps copies in memory (the catalog, medication names, which dates
are logged), fresh copies read in the same operation, so the window's thread
never reads the file to bring them up to date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from journal.core.about_you import AboutYou
from journal.core.catalog import CatalogItem

T = TypeVar("T")


@dataclass(frozen=True)
class JournalChange:
    """What an operation changed; views refresh only what they show of it."""

    dates: frozenset[dt.date] = field(default_factory=frozenset)
    catalog: bool = False
    everything: bool = False  # another journal opened, an import or a restore


@dataclass(frozen=True)
class Caches:
    """Copies a change may have made stale, read again with the change (None: unchanged).

    ``logged`` replaces the logged dates; ``logged_added`` and ``logged_removed``
    adjust them, so writes queued one after another each apply their own date.
    """

    catalog: list[CatalogItem] | None = None
    medications: list[str] | None = None
    logged: frozenset[dt.date] | None = None
    logged_added: frozenset[dt.date] = frozenset()
    logged_removed: frozenset[dt.date] = frozenset()
    about: AboutYou | None = None  # About you, as just saved


@dataclass(frozen=True)
class Changed(Generic[T]):
    """An operation's result with what it changed."""

    value: T
    change: JournalChange
    caches: Caches = field(default_factory=Caches)
