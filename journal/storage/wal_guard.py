"""Never let a leftover ``-wal`` of another file be replayed over the journal.

When the app crashes, SQLite leaves the journal's write-ahead log
(``journal.sqlite3-wal``) beside it and replays it on the next open. If the
patient has meanwhile copied another journal over ``journal.sqlite3`` (moving
computers), SQLite would replay the old log over the copied file, and the
first write would make the mix permanent.

So the app remembers which main file its log belongs to. In
``<journal>.identity`` (JSON, 0600) it records the main file's size and a
BLAKE2 checksum of its bytes, taken right after a complete checkpoint. While
the app has the journal open, its connections never checkpoint on their own
(``wal_autocheckpoint = 0``), so the main file keeps exactly those bytes and
everything new is in the log. Anything else that may checkpoint first marks
the record "unsettled" (during which any log is trusted), and records the
file again once the log is empty.

Before a journal is opened, :func:`set_aside_foreign_wal` compares: a log
that is not empty, beside a main file whose checksum differs from a settled
record, belongs to another file. It is moved into the backups folder
(``<stem>-<time>-leftover.sqlite3-wal``, never deleted) with its ``-shm``
index removed, and the main file opens exactly as it was copied in. Without a
record (a journal last used by an older version) the log is trusted, as
SQLite would. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Final

from journal.core.errors import UserError
from journal.storage.atomic_file import fsync_dir, make_private_dirs, write_bytes_atomically

IDENTITY_SUFFIX: Final = ".identity"
_WAL_HEADER_BYTES: Final = 32  # a log holding only its header has no frames to replay


def identity_path(db_path: Path) -> Path:
    """``<journal>.identity`` beside the real file (SQLite keeps its ``-wal`` there too)."""
    real = Path(db_path).resolve()
    return real.with_name(real.name + IDENTITY_SUFFIX)


def _wal(real: Path) -> Path:
    return real.with_name(real.name + "-wal")


def _checksum(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=20)
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read(db_path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(identity_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write(db_path: Path, record: dict[str, object]) -> None:
    """Write the record; when that fails (a full disk), remove it, which also means "trust
    the log", so a stale record can never condemn a log that belongs."""
    try:
        write_bytes_atomically(identity_path(db_path), json.dumps(record).encode("utf-8"))
    except UserError:
        identity_path(db_path).unlink(missing_ok=True)


def mark_unsettled(db_path: Path) -> None:
    """Say that the main file may change next (a checkpoint, a migration, a restore)."""
    known = _read(db_path)
    if known is None or known.get("settled"):
        _write(db_path, {"settled": False})


def _has_frames(wal: Path) -> bool:
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def mark_unsettled_if_logged(db_path: Path) -> None:
    """:func:`mark_unsettled` when the log holds anything a checkpoint would copy in."""
    if _has_frames(_wal(Path(db_path).resolve())):
        mark_unsettled(db_path)


def record(db_path: Path) -> None:
    """Remember the main file as it is now; call only when its log is empty or absent."""
    real = Path(db_path).resolve()
    info = real.stat()
    previous = _read(real)
    stamp = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]  # ctime: no copy can fake it
    if previous and previous.get("settled") and previous.get("stat") == stamp:
        return  # unchanged since it was recorded: start-up skips the checksum
    _write(real, {"settled": True, "size": info.st_size, "checksum": _checksum(real), "stat": stamp})


def settle(db_path: Path) -> None:
    """Put the journal in WAL mode, checkpoint the whole log into it, then record it.

    Does nothing more than mark the record unsettled if the log cannot be
    emptied now (another connection is reading it, the disk is full): the
    next settle records it. Never raises for the disk or SQLite.
    """
    real = Path(db_path).resolve()
    wal = _wal(real)
    if _has_frames(wal):
        mark_unsettled(real)
    try:
        connection = sqlite3.connect(real, isolation_level=None, timeout=5)
        try:
            # A copy in rollback mode changes its header when it turns to WAL: do it
            # now, before the record, never later under a settled record.
            connection.execute("PRAGMA journal_mode = WAL")
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return  # unsettled when the log held anything: it is trusted until a later settle
    if busy or _has_frames(wal):
        mark_unsettled(real)
        return
    try:
        record(real)
    except OSError:
        identity_path(real).unlink(missing_ok=True)


def belongs(db_path: Path) -> bool:
    """False when a non-empty ``-wal`` sits beside a main file it was not written for."""
    real = Path(db_path).resolve()
    wal = _wal(real)
    try:
        if wal.stat().st_size <= _WAL_HEADER_BYTES:
            return True
    except FileNotFoundError:
        return True
    known = _read(real)
    if not known or not known.get("settled"):
        return True  # no record (older version) or mid-checkpoint: trust the log, as SQLite does
    if not real.exists():
        return False
    size = real.stat().st_size
    return size == known.get("size") and _checksum(real) == known.get("checksum")


def set_aside_foreign_wal(db_path: Path) -> Path | None:
    """Move a ``-wal`` that does not belong to the main file into the backups folder; return it.

    Returns None, changing nothing, when the log belongs (or there is none).
    The caller holds the journal lock or is about to open the file.
    """
    if belongs(db_path):
        return None
    real = Path(db_path).resolve()
    folder = make_private_dirs(real.parent / "backups")
    stamp = dt.datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
    target = folder / f"{real.stem}-{stamp}-leftover.sqlite3-wal"
    n = 1
    while os.path.lexists(target):
        n += 1
        target = folder / f"{real.stem}-{stamp}-{n}-leftover.sqlite3-wal"
    os.rename(_wal(real), target)
    real.with_name(real.name + "-shm").unlink(missing_ok=True)  # an index of the old log
    fsync_dir(real.parent)
    fsync_dir(folder)
    identity_path(real).unlink(missing_ok=True)
    return target
