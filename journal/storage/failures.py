"""Failures of the journal file itself: a refused change, a full disk on opening, damage or not.

The words for why a write failed are shared with every other file the app
writes and live in :mod:`journal.files.failures`. Standard library only:
cheap to import.
"""

from __future__ import annotations

import sqlite3

from journal.core.errors import UserError
from journal.files.failures import (
    FULL_ERRNOS,
    REASON_WORDS,
    SQLITE_BUSY,
    SQLITE_CANTOPEN,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_LOCKED,
    SQLITE_PERM,
    SQLITE_READONLY,
    Reason,
)


class JournalWriteError(UserError):
    """The journal could not be changed; nothing of the change was written.

    Attributes:
        reason: "full", "locked", "read-only" or "io" (see :data:`REASON_WORDS`).
    """

    def __init__(self, reason: Reason) -> None:
        self.reason: Reason = reason
        super().__init__(f"Your journal was not changed: {REASON_WORDS[reason]}.")


def tolerant_text(data: bytes) -> str:
    """SQLite text as Python text, with bytes that are not UTF-8 shown as U+FFFD.

    A journal written by another program (or damaged in one value) may hold
    text that is not UTF-8; reading it must neither fail nor be taken for a
    disk problem. Set as every connection's ``text_factory``.
    """
    return data.decode("utf-8", "replace")


class DiskFullError(UserError):
    """The disk (or the user's quota) is full: nothing is wrong with the journal itself."""


def disk_is_full(folder: object) -> bool:
    """True when a small file cannot be written in ``folder`` because the disk or quota is full.

    SQLite reports a full disk met while opening (making its ``-shm`` index,
    replaying a log) only as an "I/O error"; this asks the disk itself. The
    probe file is removed again.
    """
    import os
    import tempfile

    try:
        fd, name = tempfile.mkstemp(prefix=".pain-journal-space-", dir=str(folder))
    except OSError as error:
        return error.errno in FULL_ERRNOS
    try:
        left = 65536
        while left > 0:  # a nearly full disk first takes part of a write
            left -= os.write(fd, b"\0" * left)
        return False
    except OSError as error:
        return error.errno in FULL_ERRNOS
    finally:
        os.close(fd)
        os.unlink(name)


#: SQLite's primary result codes for damage: the file is not (or no longer) a database.
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def not_damage(error: BaseException, path: object) -> UserError | None:
    """A plain error when an SQLite failure opening ``path`` is the disk's, not damage; else None."""
    import os

    if not isinstance(error, sqlite3.Error):
        return None
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or (code == 0 and not isinstance(error, sqlite3.OperationalError)):
        return None
    folder = os.path.dirname(os.path.abspath(str(path)))
    if code == SQLITE_FULL or (code in (SQLITE_IOERR, SQLITE_CANTOPEN) and disk_is_full(folder)):
        return DiskFullError(
            f"Pain Journal could not open {path}: the disk is full. Free some space and try again; "
            "your journal itself is fine and was not changed."
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return UserError(f"Pain Journal could not open {path}: {REASON_WORDS['locked']}. Try again in a moment.")
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_PERM):
        return UserError(
            f"Pain Journal could not read {path}: the disk reported an error (a drive that was disconnected, "
            "or a folder you may not write). The journal was not changed."
        )
    return None
