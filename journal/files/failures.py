"""Why a write failed, in words a patient can act on, without the data that was being written.

SQLAlchemy's errors carry the SQL statement and its parameters (a day's
notes, medications) in their text, and SQLite's and the operating system's
errors name files. Nothing here ever copies an error's text into a message:
it looks only at error codes (``errno``, SQLite's result codes, read from the
standard library's ``sqlite3`` exceptions; no SQL runs here) and says what
kind of problem it was. Shared by the journal file (:mod:`journal.storage`)
and every other file the app writes (:mod:`journal.files.atomic`). Standard
library only: cheap to import.
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
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 10, 13, 14
FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def reason_for(error: BaseException) -> Reason:
    """Classify a failed write by its codes alone (SQLAlchemy's wrapper is looked through)."""
    original = getattr(error, "orig", None)
    if isinstance(original, BaseException):
        error = original
    if isinstance(error, OSError):
        if error.errno in FULL_ERRNOS:
            return "full"
        if error.errno in _READ_ONLY_ERRNOS:
            return "read-only"
        return "io"
    if isinstance(error, sqlite3.Error):
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        if code == SQLITE_FULL:
            return "full"
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            return "locked"
        if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN):
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
