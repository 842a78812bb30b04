"""The backup copies of a journal as the patient sees them: each copy's time, reason, day count and
date range, newest first (read-only; a copy that cannot be read says why).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from journal.storage import integrity, schema
from journal.storage.backup_names import backups_dir, real_journal
from journal.storage.backup_names import parse_name as _parse_name


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy. The counts are None when the copy cannot be read (see ``problem``)."""

    path: Path
    taken_at: dt.datetime  # local time, from the file name
    entry_count: int | None
    first_date: dt.date | None
    last_date: dt.date | None
    schema_version: int | None = None
    reason: str = ""  # "" for routine copies, else e.g. "before-v2", "before-restore"
    problem: str = ""


def backup_files(db_path: Path) -> list[tuple[tuple[dt.datetime, int, int], str, Path]]:
    """``((taken_at, n, mtime), reason, path)`` for every backup of ``db_path``, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = _parse_name(path, real_journal(db_path).stem)
        if parsed and path.is_file():
            taken, n, reason = parsed
            found.append(((taken, n, path.stat().st_mtime_ns), reason, path))
    found.sort(key=lambda item: item[0], reverse=True)
    return found


def describe_backup(path: Path, taken_at: dt.datetime | None = None, reason: str = "") -> BackupInfo:
    """Read a copy's day count and date range (read-only, without checking it fully)."""
    path = Path(path)
    taken_at = taken_at or dt.datetime.fromtimestamp(path.stat().st_mtime)
    try:
        connection = integrity.open_readonly(path)
        try:
            app_id, version = schema.read_version(connection)
            if app_id != schema.APPLICATION_ID:
                raise sqlite3.DatabaseError("not a Pain Journal database")
            count, first, last = connection.execute("SELECT count(*), min(date), max(date) FROM day").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return BackupInfo(path, taken_at, None, None, None, reason=reason, problem=str(error))
    return BackupInfo(
        path,
        taken_at,
        count,
        dt.date.fromisoformat(first) if first else None,
        dt.date.fromisoformat(last) if last else None,
        schema_version=version,
        reason=reason,
    )


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path`` in its backups folder, newest first."""
    return [describe_backup(path, key[0], reason) for key, reason, path in backup_files(db_path)]
