"""Files an export must never replace: the journal, its side files and its backups.

``pain-journal export j.csv --db j.csv`` once replaced the journal with its
own export. Every export (command line and window) asks :func:`refuse_journal_files`
first. Standard library only.
"""

from __future__ import annotations

import os
from pathlib import Path

from journal.core.errors import UserError

#: Files beside the journal that belong to it (SQLite's and the app's own).
_SIDE_SUFFIXES = ("-wal", "-shm", "-journal", ".lock", ".guard", ".identity")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_journal_files(target: Path, db_path: Path, *, what: str = "export", into_backups: bool = False) -> None:
    """Refuse ``target`` if writing it would replace the journal at ``db_path``, one of
    its side files (its ``-wal`` and ``-shm`` too: a copy there would be taken for
    its log), or anything in its backups folder (unless ``into_backups``: a backup).

    Raises:
        UserError: naming what ``target`` is and that nothing was written.
    """
    target = Path(target)
    real_target = target.resolve()
    real_db = Path(db_path).resolve()
    if real_target == real_db or _same_file(target, real_db):
        raise UserError(f"{target} is your journal itself; choose another name for the {what}. Nothing was written.")
    for suffix in _SIDE_SUFFIXES:
        if real_target == real_db.with_name(real_db.name + suffix):
            raise UserError(
                f"{target} is one of your journal's own files; choose another name for the {what}. Nothing was written."
            )
    if real_target.name.startswith(real_db.name + ".damaged-"):
        raise UserError(f"{target} is a kept copy of your journal; choose another name for the {what}. Nothing was written.")
    backups = real_db.parent / "backups"
    if real_target.is_relative_to(backups) and not into_backups:
        raise UserError(
            f"{target} is in your journal's backups folder, which only holds backups; "
            f"choose another folder for the {what}. Nothing was written."
        )
