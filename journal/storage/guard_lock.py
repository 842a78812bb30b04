"""The guard's lock, ``<journal>.guard``: every process that opens a journal holds it shared for as
long as it has the journal open, and holds it exclusively only while no other process has the
journal open; only then may :mod:`journal.storage.wal_guard` judge, move or checkpoint the log.

Standard library only.
"""

from __future__ import annotations

import os
import sys
import time
import weakref
from pathlib import Path
from types import TracebackType
from typing import Final

from journal.core.errors import UserError

GUARD_SUFFIX: Final = ".guard"
_GUARD_WAIT_SECONDS: Final = 30.0

#: The holds by which this process judges a journal, by lock file.
_exclusive: "weakref.WeakValueDictionary[Path, GuardHold]" = weakref.WeakValueDictionary()


def guard_path(db_path: Path) -> Path:
    """``<journal>.guard`` beside the real file: the lock every process takes before the log."""
    real = Path(db_path).resolve()
    return real.with_name(real.name + GUARD_SUFFIX)


class GuardBusyError(UserError):
    """Another process kept the journal's log to itself for too long."""


def file_lock(fd: int, *, exclusive: bool, wait: bool) -> bool:
    """Take a whole-file lock on ``fd``; False when another process holds it (and not ``wait``).

    Windows has no shared locks: there byte 0 is taken for exclusive locks only.
    """
    if sys.platform == "win32":
        import msvcrt

        if not exclusive:
            return True
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    flags = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | (0 if wait else fcntl.LOCK_NB)
    try:
        fcntl.flock(fd, flags)
    except OSError:
        return False
    return True


class GuardHold:
    """The guard's lock on one journal, held by a process while it has the journal open.

    ``exclusive`` is True while no other process has the journal open: only
    then may its log be judged, moved or checkpointed. Use :meth:`share` once
    the judging is done, :meth:`try_exclusive` before closing, :meth:`release` last.
    A hold without a descriptor (a folder nothing can write) is never exclusive.
    """

    def __init__(self, fd: int | None, exclusive: bool, created: Path | None = None) -> None:
        self._fd = fd
        self.exclusive = exclusive
        self._created = created  # the lock file, when this hold made it

    def discard(self) -> None:
        """Release, removing the lock file if this hold made it and is alone (a refused file)."""
        if self._created is not None and self.exclusive:
            self._created.unlink(missing_ok=True)
        self.release()

    def share(self) -> None:
        """Let other processes open the journal too (waits while one of them judges it)."""
        if self._fd is not None and self.exclusive:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(self._fd, 0, os.SEEK_SET)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            else:
                file_lock(self._fd, exclusive=False, wait=True)
        self.exclusive = False

    def try_exclusive(self) -> bool:
        """Become the only holder if no other process has the journal open; never waits."""
        if self._fd is not None and not self.exclusive:
            self.exclusive = file_lock(self._fd, exclusive=True, wait=False)
        return self.exclusive

    def release(self) -> None:
        fd, self._fd = self._fd, None
        self.exclusive = False
        if fd is not None:
            os.close(fd)  # closing the descriptor drops the lock

    def __enter__(self) -> "GuardHold":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None) -> None:
        self.release()

    def __del__(self) -> None:
        self.release()


def hold(db_path: Path, *, wait: float = _GUARD_WAIT_SECONDS) -> GuardHold:
    """Take the guard's lock: exclusively when no other process has the journal open, else
    shared (waiting up to ``wait`` seconds while another process judges the log).

    In a folder where the lock file cannot be created, nothing can write the
    journal's log either: the hold returned holds nothing and is never exclusive.

    Raises:
        GuardBusyError: another process held the lock exclusively for ``wait`` seconds.
    """
    path = guard_path(db_path)
    mine = _exclusive.get(path)
    if mine is not None and mine.exclusive:
        return GuardHold(None, True)  # this process is judging already (an upgrade's backup): borrow it
    existed = os.path.lexists(path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:
        return GuardHold(None, False)
    deadline = time.monotonic() + wait
    while True:
        if file_lock(fd, exclusive=True, wait=False):
            held = GuardHold(fd, True, None if existed else path)
            _exclusive[path] = held
            return held
        if file_lock(fd, exclusive=False, wait=False):
            return GuardHold(fd, False)
        if time.monotonic() > deadline:
            os.close(fd)
            raise GuardBusyError(
                "Another Pain Journal window or command kept this journal busy for too long; try again in a moment."
            )
        time.sleep(0.02)
