"""The journal file as the front-ends see it: the handle, its lock, and what opening or changing it may raise.

The window and the command line never import :mod:`journal.storage`; the
names they need are here. Importing this module loads SQLModel (the handle's
module does): the window imports it only for type checking, or inside work
that runs on its worker after the journal has opened.
"""

from __future__ import annotations

from journal.files.failures import REASON_WORDS, is_storage_failure, reason_for
from journal.storage.backup import BackupInfo
from journal.storage.failures import JournalWriteError
from journal.storage.journal import DuplicateDatesError, Journal
from journal.storage.schema import DamagedDatabaseError, NotAJournalError, TooNewError
from journal.storage.single_instance import JournalInUseError, JournalLock

__all__ = [
    "REASON_WORDS",
    "BackupInfo",
    "DamagedDatabaseError",
    "DuplicateDatesError",
    "Journal",
    "JournalInUseError",
    "JournalLock",
    "JournalWriteError",
    "NotAJournalError",
    "TooNewError",
    "is_storage_failure",
    "reason_for",
]
