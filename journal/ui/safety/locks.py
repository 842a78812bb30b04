"""The journal locks this process holds, shared by its sessions on the same file.

One window per process is the app; tests open several windows on one file in
the same process, and they must not lock each other out. Another process
(a second start of the app, or a command that imports or restores) still
finds the journal locked. Thread-safe: sessions take locks on their workers.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.storage.single_instance import JournalLock

_mutex = threading.Lock()
_held: dict[Path, tuple["JournalLock", int]] = {}


def take(db_path: Path) -> Path:
    """Hold the lock of the journal at ``db_path``; return the key to give it back with.

    Raises:
        JournalInUseError: another process holds it.
    """
    from journal.storage.single_instance import acquire_journal_lock, lock_path

    key = lock_path(db_path).resolve()
    with _mutex:
        if key in _held:
            lock, users = _held[key]
            _held[key] = (lock, users + 1)
        else:
            _held[key] = (acquire_journal_lock(db_path), 1)
    return key


def give_back(key: Path) -> None:
    """Stop using a lock from :func:`take`; it is released when its last user gives it back."""
    with _mutex:
        if key not in _held:
            return
        lock, users = _held.pop(key)
        if users > 1:
            _held[key] = (lock, users - 1)
            return
    lock.release()


def held_by_this_process(db_path: Path) -> bool:
    from journal.storage.single_instance import lock_path

    with _mutex:
        return lock_path(db_path).resolve() in _held
