"""Where a journal's backups live and how their files are named (timestamp, counter, reason).

Kept apart from :mod:`journal.storage.backup` so the stale-log guard can name a
copy without importing the backup machinery (which imports the guard).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from journal.core.errors import UserError
from journal.files.atomic import make_private_dirs

BACKUP_DIR_NAME = "backups"
STAMP_FORMAT = "%Y-%m-%dT%H-%M-%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d)(?:-(?P<n>\d+))?"
    r"(?:-(?P<reason>[a-z][a-z0-9-]*))?\.sqlite3$"
)


def real_journal(db_path: Path) -> Path:
    """The journal file itself when ``db_path`` is (or passes through) a symbolic link.

    Backups, their bookkeeping and restores all go by the real file, so a
    journal opened through a link keeps one set of backups beside it, the
    same as when it is opened directly (and the same file the lock is on).
    """
    return Path(db_path).expanduser().resolve()


def backups_dir(db_path: Path) -> Path:
    """The folder holding ``db_path``'s backups, beside the real journal file (not created here)."""
    return real_journal(db_path).parent / BACKUP_DIR_NAME


def parse_name(path: Path, stem: str) -> tuple[dt.datetime, int, str] | None:
    match = _NAME.match(path.name)
    if not match or match["stem"] != stem:
        return None
    try:
        taken = dt.datetime.strptime(match["stamp"], STAMP_FORMAT)
    except ValueError:
        return None
    return taken, int(match["n"] or 0), match["reason"] or ""


def new_backup_path(db_path: Path, reason: str) -> Path:
    folder = make_private_dirs(backups_dir(db_path))
    stamp = dt.datetime.now().strftime(STAMP_FORMAT)
    tag = f"-{reason}" if reason else ""
    for n in range(1000):
        counter = f"-{n}" if n else ""
        candidate = folder / f"{real_journal(db_path).stem}-{stamp}{counter}{tag}.sqlite3"
        if not candidate.exists():
            return candidate
    raise UserError(f"Too many backups with the same time in {folder}.")
