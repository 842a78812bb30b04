"""Why a write failed, in words a patient can act on, without the data that was being written.

SQLAlchemy's errors carry the SQL statement and its parameters (a day's
notes, medications) in their text, and SQLite's and the operating system's
errors name files. Nothing here ever copies an error's text into a message:
it looks only at error codes (``errno``, SQLite's result codes) and says
what kind of problem it was. Standard library only: cheap to import.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Final, Literal

from journal.core.errors import UserError

Reason = Literal["full", "locked", "read-only", "linked", "io"]

#: The phrase for each kind of failure, to end "Not saved: …".
REASON_WORDS: Final[dict[str, str]] = {
    "full": "the disk is full",
    "locked": "another program is using your journal",
    "read-only": "the journal file or its folder is read-only",
    "linked": "the journal file has more than one name (a hard link), so it was opened read-only; open it by one name only",
    "io": "the disk could not be written to (it may be full)",
}

# SQLite primary result codes (https://www.sqlite.org/rescode.html).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 13, 14
_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


class JournalWriteError(UserError):
    """The journal could not be changed; nothing of the change was written.

    Attributes:
        reason: "full", "locked", "read-only" or "io" (see :data:`REASON_WORDS`).
    """

    def __init__(self, reason: Reason) -> None:
        self.reason: Reason = reason
        super().__init__(f"Your journal was not changed: {REASON_WORDS[reason]}.")


def reason_for(error: BaseException) -> Reason:
    """Classify a failed write by its codes alone (SQLAlchemy's wrapper is looked through)."""
    original = getattr(error, "orig", None)
    if isinstance(original, BaseException):
        error = original
    if isinstance(error, OSError):
        if error.errno in _FULL_ERRNOS:
            return "full"
        if error.errno in _READ_ONLY_ERRNOS:
            return "read-only"
        return "io"
    if isinstance(error, sqlite3.Error):
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        if code == _SQLITE_FULL:
            return "full"
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return "locked"
        if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
            return "read-only"
        # Without codes (older Python), SQLite's fixed English messages name the case.
        text = str(error.args[0]) if error.args else ""
        if text == "database or disk is full":
            return "full"
        if text in ("database is locked", "database table is locked"):
            return "locked"
        if text.startswith("attempt to write a readonly database"):
            return "read-only"
    return "io"


#: The same kinds of failure, for any file the app writes (an export, a backup).
FILE_REASON_WORDS: Final[dict[str, str]] = {
    **REASON_WORDS,
    "locked": "another program is using it",
    "read-only": "that folder or file is read-only, or you may not write there",
}


def could_not_write(path: object, error: BaseException) -> UserError:
    """One line for a file that could not be written: which file and why (no error text)."""
    return UserError(f"Could not write {path}: {FILE_REASON_WORDS[reason_for(error)]}. Nothing was changed.")


def is_storage_failure(error: BaseException) -> bool:
    """An error of the disk or of SQLite (possibly wrapped by SQLAlchemy), not of the program."""
    original = getattr(error, "orig", None)
    return isinstance(error, (OSError, sqlite3.OperationalError)) or isinstance(original, sqlite3.OperationalError)


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
        return error.errno in _FULL_ERRNOS
    try:
        left = 65536
        while left > 0:  # a nearly full disk first takes part of a write
            left -= os.write(fd, b"\0" * left)
        return False
    except OSError as error:
        return error.errno in _FULL_ERRNOS
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
    if code == _SQLITE_FULL or (code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and disk_is_full(folder)):
        return DiskFullError(
            f"Pain Journal could not open {path}: the disk is full. Free some space and try again; "
            "your journal itself is fine and was not changed."
        )
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return UserError(f"Pain Journal could not open {path}: {REASON_WORDS['locked']}. Try again in a moment.")
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_READONLY, _SQLITE_PERM):
        return UserError(
            f"Pain Journal could not read {path}: the disk reported an error (a drive that was disconnected, "
            "or a folder you may not write). The journal was not changed."
        )
    return None
