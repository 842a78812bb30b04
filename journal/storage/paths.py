"""Where the journal keeps its files on each platform (no SQL here, cheap to import)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from journal.core.errors import UserError

APP_DIR_NAME = "pain-journal"
DATABASE_NAME = "journal.sqlite3"


def data_dir() -> Path:
    """The per-user data folder: ``$PAIN_JOURNAL_HOME`` if set, else the platform's.

    Linux ``$XDG_DATA_HOME/pain-journal`` (default ``~/.local/share/pain-journal``),
    macOS ``~/Library/Application Support/pain-journal``, Windows
    ``%APPDATA%\\pain-journal``.
    """
    override = os.environ.get("PAIN_JOURNAL_HOME")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def default_database_path() -> Path:
    """The journal in :func:`data_dir`.

    Raises:
        UserError: ``$PAIN_JOURNAL_HOME`` names a file, not a folder.
    """
    folder = data_dir()
    if folder.exists() and not folder.is_dir():
        raise UserError(
            f"PAIN_JOURNAL_HOME is set to {folder}, which is a file, not a folder. "
            "Set it to a folder (it is created if missing), or unset it to use the usual place."
        )
    return folder / DATABASE_NAME


def path_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a journal file (a folder, a link to nothing), or None.

    A missing file is no problem here: a new journal may be made there.
    """
    path = Path(path)
    if path.is_symlink() and not path.exists():
        return (
            f"{path} is a link to {os.readlink(path)}, which does not exist (a drive that is not "
            "connected, or a file moved or deleted). Connect the drive or correct the link; nothing was written."
        )
    if path.is_dir():
        return f"{path} is a folder, not a journal file. Give the journal file itself, for example {path / DATABASE_NAME}."
    if path.exists() and not path.is_file():
        return f"{path} is not an ordinary file (a device, a pipe or a socket), so it cannot be a journal."
    return None


def check_path(path: Path) -> None:
    """Raise :class:`UserError` with :func:`path_problem`'s words, if there is a problem."""
    problem = path_problem(path)
    if problem:
        raise UserError(problem)


#: :func:`read_only_reason` for a journal file that has more than one name.
HARD_LINKED = (
    "this journal file has more than one name (a hard link), so Pain Journal opens it read-only: "
    "each name would keep its own change log and one could undo the other. Open it by one name only "
    "(remove the other, or open a copy)"
)
PERMISSIONS = "the journal file or its folder is read-only"


def read_only_reason(path: Path) -> str | None:
    """Why the existing journal at ``path`` must not be written, or None when it may be.

    That is when this process may not write the file or its folder (SQLite
    needs the folder for its ``-wal``), or when the patient removed every
    write permission from either: that is a wish, honoured even by an
    administrator's account. A file with more than one hard link is not
    written either: SQLite keeps a log per name, and the app's lock and log
    guard go by the name too, so two names could hold two logs of one file.
    """
    real = Path(path).resolve()
    if not real.exists():
        return None
    if any(not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222 for target in (real, real.parent)):
        return PERMISSIONS
    if real.is_file() and real.stat().st_nlink > 1:
        return HARD_LINKED
    return None


def is_read_only(path: Path) -> bool:
    """True when the existing journal at ``path`` must not be written (see :func:`read_only_reason`)."""
    return read_only_reason(path) is not None
