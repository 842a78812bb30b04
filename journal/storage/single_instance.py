"""One writer per journal: an advisory lock on a file beside the database.

The window takes the lock for as long as it has the journal open; command
line commands that write (import, restore) take it for their duration.
The lock is ``flock`` on POSIX and ``msvcrt.locking`` on Windows, held on
``<database>.lock``; the operating system drops it when the process ends,
however it ends, so a crash never leaves a journal locked. The lock file
itself is left in place (deleting it would race with another process
opening it). The lock belongs to the real file: a symlink or a relative path
to the same journal finds it taken. In a folder that cannot be written (a
read-only journal) no lock file can exist and none is needed, since nothing
can write there: the lock returned then holds nothing. Standard library only.
"""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from types import TracebackType

from journal.core.errors import UserError
from journal.storage.guard_lock import file_lock


class JournalInUseError(UserError):
    """Another process (another window, or an import or restore) has the journal open."""


def lock_path(db_path: Path) -> Path:
    """``<journal>.lock`` beside the real file: every path to one journal (a symlink, a
    relative path) gets the same lock."""
    real = Path(db_path).resolve()
    return real.with_name(real.name + ".lock")


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class JournalLock:
    """A held journal lock. Release with :meth:`release` or by leaving a ``with`` block."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Release the lock; calling it again does nothing."""
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> "JournalLock":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()

    def __del__(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None


def acquire_journal_lock(db_path: Path) -> JournalLock:
    """Take the journal's lock without waiting (see the module docstring for read-only folders).

    Raises:
        JournalInUseError: another process (or another lock in this one) holds it.
        UserError: the lock file cannot be created.
    """
    from journal.files.atomic import make_private_dirs

    path = lock_path(db_path)
    if not path.exists() and path.parent.is_dir() and not path.parent.stat().st_mode & 0o222:
        return JournalLock(path, None)  # a folder made read-only: see below
    try:
        make_private_dirs(path.parent)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EROFS, errno.EPERM) and not path.exists():
            # A read-only folder: nothing can write the journal there, so there is no
            # writer to keep out; the journal opens read-only.
            return JournalLock(path, None)
        raise UserError(f"Could not create {path}: {error.strerror or error}.") from None
    if not file_lock(fd, exclusive=True, wait=False):
        os.close(fd)
        raise JournalInUseError(
            "Pain Journal is already open on this journal in another window or command; close it there and try again."
        )
    return JournalLock(path, fd)
