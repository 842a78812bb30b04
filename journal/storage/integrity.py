"""Is a file a healthy journal? Read-only checks, and setting a damaged one aside.

:func:`check_file` is what start-up, backups and restores use before they
touch a database: it opens the file read-only, reads the application id and
schema version, and runs SQLite's ``quick_check`` (or the slower, thorough
``integrity_check``). Anything unusable raises a
:class:`~journal.storage.schema.DamagedDatabaseError` and leaves the file's
bytes exactly as they were. :func:`journal.storage.backup.quarantine_and_restore_newest` is what
the window offers then. Standard library only: cheap to import.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from journal.core.errors import UserError
from journal.storage import schema
from journal.storage.failures import not_damage, tolerant_text
from journal.storage.schema import DamagedDatabaseError, NotAJournalError, TooNewError

__all__ = [
    "DamagedDatabaseError",
    "NotAJournalError",
    "TooNewError",
    "check_file",
    "keep_damaged_copy",
    "open_readonly",
    "problems",
    "quarantine",
    "side_files",
]


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection that cannot change ``path`` or create files beside it.

    Without a ``-wal`` file the database is opened as immutable (no locks, no
    ``-shm``); with one, WAL content must be read, so it is opened read-only
    with normal locking (SQLite may then create a ``-shm`` index beside it).
    """
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True, isolation_level=None)
    connection.text_factory = tolerant_text
    return connection


def problems(connection: sqlite3.Connection, *, full: bool = False) -> list[str]:
    """What SQLite's ``quick_check`` (or ``integrity_check`` when ``full``) reports; [] if fine.

    ``quick_check`` reads every page but skips index-versus-table
    comparisons: O(file size), about 3 ms for ten years of days (1.4 MB).
    """
    pragma = "integrity_check" if full else "quick_check"
    rows = [str(row[0]) for row in connection.execute(f"PRAGMA {pragma}(20)")]
    if rows == ["ok"]:
        return []
    lines = (line.strip() for row in rows for line in row.splitlines())
    return [line for line in lines if line and not line.startswith("***")] or ["not ok"]


def check_file(path: Path, *, full: bool = False, allow_newer: bool = False) -> int:
    """Return the schema version of the journal at ``path`` after checking it.

    A zero-byte file is version 0 (a new journal). Never writes to the file.

    Raises:
        UserError: there is no such file.
        DamagedDatabaseError: unreadable, or the check found damage.
        NotAJournalError: a readable SQLite file of another application.
        TooNewError: written by a newer version (unless ``allow_newer``).
    """
    path = Path(path)
    if not path.is_file():
        from journal.storage.paths import check_path

        check_path(path)
        raise UserError(f"No journal at {path}.")
    try:
        connection = open_readonly(path)
    except sqlite3.Error as error:
        plain = not_damage(error, path)
        if plain is not None:
            raise plain from None
        raise DamagedDatabaseError(f"{path} cannot be opened ({error}); it was not changed.") from error
    try:
        try:
            version = schema.check_openable(connection, path)
        except TooNewError:
            if not allow_newer:
                raise
            version = schema.read_version(connection)[1]
        try:
            found = problems(connection, full=full)
        except sqlite3.DatabaseError as error:
            plain = not_damage(error, path)
            if plain is not None:
                raise plain from None
            found = [str(error)]
    finally:
        connection.close()
    if found:
        raise DamagedDatabaseError(
            f"{path} is damaged (SQLite's check says: {found[0]}); it was not changed. Restore a backup to carry on."
        )
    return version


# --- setting a damaged journal aside ------------------------------------------------


def side_files(path: Path) -> list[Path]:
    """SQLite's companions of ``path``: ``-wal``, ``-shm`` and ``-journal`` (may not exist)."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _damaged_name(db_path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    target = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 1
    while os.path.lexists(target):
        n += 1
        target = db_path.with_name(f"{db_path.name}.damaged-{stamp}-{n}")
    return target


def _move_side_files(db_path: Path, target: Path) -> None:
    for side, moved in zip(side_files(db_path), side_files(target)):
        if side.exists():
            os.rename(side, moved)


def _fsync_folder(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def quarantine(db_path: Path) -> Path:
    """Rename a damaged journal (and its side files) to ``<name>.damaged-<time>``; return it.

    Nothing is deleted: the renamed file keeps every byte for later rescue.
    """
    db_path = Path(db_path)
    target = _damaged_name(db_path)
    os.rename(db_path, target)
    _move_side_files(db_path, target)
    _fsync_folder(db_path.parent)
    return target


def keep_damaged_copy(db_path: Path) -> Path:
    """Give a damaged journal a second name, ``<name>.damaged-<time>``, and move its side
    files there; return that name. ``db_path`` itself stays in place until the
    caller renames its replacement over it, so there is always a journal file.

    The second name is a hard link where the file system allows one, else a copy.

    Raises:
        OSError: the copy could not be made (``db_path`` and its side files are untouched).
    """
    db_path = Path(db_path)
    target = _damaged_name(db_path)
    try:
        os.link(db_path, target)
    except OSError:
        try:
            shutil.copy2(db_path, target)
        except OSError:
            target.unlink(missing_ok=True)
            raise
    _move_side_files(db_path, target)
    _fsync_folder(db_path.parent)
    return target
