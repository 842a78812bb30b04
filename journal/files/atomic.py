"""The one way the app writes a file: private, complete or not at all.

Every file the app writes (CSV and FHIR exports, chart images, the PDF,
backups, its side files) goes through :func:`write_atomically` or
:func:`write_stream_atomically`:

* the content goes to a new temporary file beside the target, created with
  ``O_CREAT | O_EXCL`` under an unpredictable name (``mkstemp``), so a file or
  symlink placed there in advance is never opened or followed;
* the file is owner-only (0600) whatever the umask;
* it is flushed to disk (``fsync``), then renamed over the target in one step,
  and the folder is synced, so a crash or a full disk leaves either the old
  file exactly as it was or the complete new one; a symlink at the target is
  replaced, never written through.

Folders the app creates are made with :func:`make_private_dirs` (0700 even
under umask 000); folders that already exist are never touched.
Standard library only: cheap to import.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from journal.core.errors import UserError
from journal.files.failures import could_not_write

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700
TEMP_SUFFIX = ".part"


def make_private_dirs(folder: Path) -> Path:
    """Create ``folder`` and any missing parents, each 0700; return ``folder``.

    Only folders created here get their permissions set: an existing folder
    (a shared one, or one the user made read-only) is left exactly as it is.
    """
    folder = Path(folder)
    missing: list[Path] = []
    current = folder
    while not os.path.lexists(current):
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for created in reversed(missing):
        try:
            os.mkdir(created, PRIVATE_DIR_MODE)
        except FileExistsError:  # made meanwhile by someone else: not ours to change
            continue
        if os.name == "posix":
            os.chmod(created, PRIVATE_DIR_MODE)  # the umask may have removed bits
    return folder


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name.")
    if not path.parent.is_dir():
        raise UserError(f"Could not write {path}: the folder {path.parent} does not exist.")


def _new_temp(path: Path) -> tuple[int, Path]:
    """A new 0600 file beside ``path`` (O_EXCL, random name); its descriptor and path."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as error:
        raise could_not_write(path, error) from None
    if os.name == "posix":
        os.fchmod(fd, PRIVATE_FILE_MODE)
        import fcntl

        # Locked while it is written: a file found unlocked was left by a killed
        # process (journal.storage.scratch.sweep_partial_copies removes it).
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd, Path(name)


def _still_ours(fd: int, tmp: Path) -> bool:
    """True when ``tmp`` is still the regular file behind ``fd`` (not swapped for a link)."""
    try:
        mine, there = os.fstat(fd), os.lstat(tmp)
    except OSError:
        return False
    return stat.S_ISREG(there.st_mode) and (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _finish(fd: int, tmp: Path, path: Path, before_replace: Callable[[], None] | None = None) -> None:
    """Sync the temporary file behind ``fd``, check it, rename it onto ``path``, sync the folder."""
    os.fsync(fd)
    if not _still_ours(fd, tmp):
        raise UserError(f"Could not write {path}: its temporary file was changed by another program.")
    if before_replace is not None:
        before_replace()
    os.replace(tmp, path)
    fsync_dir(path.parent)


def _remove_leftovers(tmp: Path) -> None:
    for leftover in (
        tmp,
        tmp.with_name(tmp.name + "-journal"),
        tmp.with_name(tmp.name + "-wal"),
        tmp.with_name(tmp.name + "-shm"),
    ):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


def write_atomically(path: Path, write: Callable[[Path], None], *, before_replace: Callable[[], None] | None = None) -> None:
    """Call ``write(temporary_path)`` then move the finished file onto ``path``.

    For writers that need a file name (SQLite, reportlab). The temporary file
    exists (empty, 0600) when ``write`` is called; ``write`` may replace its
    content but must not delete it. ``before_replace`` runs when the new
    file is complete and synced, just before the rename (a restore uses it to
    set the old file aside only once its replacement is ready). On any
    failure the temporary file is removed and ``path`` is left as it was.

    Raises:
        UserError: the folder or file cannot be written (one line, no error text).
    """
    path = Path(path)
    _check_target(path)
    fd, tmp = _new_temp(path)
    try:
        write(tmp)
        _finish(fd, tmp, path, before_replace)
    except (OSError, sqlite3.Error) as error:
        raise could_not_write(path, error) from None
    finally:
        os.close(fd)
        _remove_leftovers(tmp)


def write_stream_atomically(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write(binary_stream)`` on a new private temporary file, then move it onto ``path``.

    The stream is the file created with ``O_EXCL``; it is never reopened by
    name, so nothing can be slipped in between. Same guarantees and errors
    as :func:`write_atomically`.
    """
    path = Path(path)
    _check_target(path)
    fd, tmp = _new_temp(path)
    try:
        with os.fdopen(os.dup(fd), "wb") as stream:
            write(stream)
            stream.flush()
        _finish(fd, tmp, path)
    except OSError as error:
        raise could_not_write(path, error) from None
    finally:
        os.close(fd)
        _remove_leftovers(tmp)


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """:func:`write_stream_atomically` for content already in memory."""

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    write_stream_atomically(path, write)
