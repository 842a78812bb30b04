"""Private scratch folders that never outlive the app, and partial copies a killed run left.

A print preview needs its PDF on disk while the preview is open. It lives in
``<data folder>/scratch/print/<random>/`` (0700, not the shared temporary
folder), and the folder holds ``in-use``, a file locked (``flock``) for as
long as the folder is used. The operating system drops the lock when the
process ends, however it ends, so :func:`sweep` at the next start removes
exactly the folders of processes that are gone, never one still in use.

The same idea keeps a killed backup from leaving its hidden copy behind:
every temporary file :mod:`journal.files.atomic` writes is locked while
it is written, and :func:`sweep_partial_copies` removes the unlocked ones.
Standard library only.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path
from typing import Final

from journal.files.atomic import TEMP_SUFFIX, make_private_dirs
from journal.storage.paths import data_dir

SCRATCH_DIR_NAME: Final = "scratch"
PRINT_PREVIEWS: Final = "print"  # the print preview's PDF
_IN_USE: Final = "in-use"
_SQLITE_HEADER: Final = b"SQLite format 3\x00"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows keeps open files from being removed
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class ScratchFolder:
    """A private folder in use until :meth:`remove` (or the end of the process)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    def remove(self) -> None:
        """Delete the folder and everything in it; calling it again does nothing."""
        fd, self._fd = self._fd, None
        if fd is not None:
            shutil.rmtree(self.path, ignore_errors=True)
            os.close(fd)

    def __del__(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # the lock goes; the folder is swept at the next start
            self._fd = None


def scratch_root(kind: str, base: Path | None = None) -> Path:
    return (data_dir() if base is None else base) / SCRATCH_DIR_NAME / kind


def new_scratch_folder(kind: str, base: Path | None = None) -> ScratchFolder:
    """A new 0700 folder under ``<data folder>/scratch/<kind>``, marked in use by this process."""
    root = make_private_dirs(scratch_root(kind, base))
    path = Path(tempfile.mkdtemp(dir=root))
    os.chmod(path, 0o700)
    fd = os.open(path / _IN_USE, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    _try_lock(fd)
    return ScratchFolder(path, fd)


def sweep(kind: str, base: Path | None = None) -> list[Path]:
    """Remove the scratch folders of ``kind`` no live process uses; return them."""
    root = scratch_root(kind, base)
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for folder in root.iterdir():
        if folder.is_symlink() or not folder.is_dir():
            continue
        try:
            fd = os.open(folder / _IN_USE, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except FileNotFoundError:
            fd = None  # killed before it was marked: nobody can be using it
        except OSError:
            continue
        try:
            if fd is None or _try_lock(fd):
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        finally:
            if fd is not None:
                os.close(fd)
    return removed


def sweep_partial_copies(folder: Path) -> list[Path]:
    """Remove hidden partial database copies (``.<name>.<random>.part``) that no process is
    writing any more (a backup or restore that was killed); return them.

    Only the app's own kind of temporary file is touched: a hidden name ending
    in ``.part``, a regular file that is empty or starts as a database does,
    and not locked by a writer.
    """
    removed: list[Path] = []
    if not Path(folder).is_dir():
        return removed
    for path in Path(folder).iterdir():
        name = path.name
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
                continue
            head = os.pread(fd, len(_SQLITE_HEADER), 0) if hasattr(os, "pread") else b""
            if head not in (b"", _SQLITE_HEADER) or not _try_lock(fd):
                continue
            for leftover in (path, *(path.with_name(name + side) for side in ("-journal", "-wal", "-shm"))):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            removed.append(path)
        finally:
            os.close(fd)
    return removed
