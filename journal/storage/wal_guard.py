"""Never let a leftover ``-wal`` of another file be replayed over the journal.

When the app crashes, SQLite leaves the journal's write-ahead log
(``journal.sqlite3-wal``) beside it and replays it on the next open. If the
patient has meanwhile copied another journal over ``journal.sqlite3`` (moving
computers), SQLite would replay the old log over the copied file, and the
first write would make the mix permanent.

So the app remembers which main file its log belongs to, and which log. In
``<journal>.identity`` (JSON, 0600) it records the main file's size and a
BLAKE2 checksum of its bytes, taken right after a complete checkpoint, and,
once the log is started again, the two random "salts" SQLite writes into the
log's header when it starts a log. While the app has the journal open, its
connections never checkpoint on their own (``wal_autocheckpoint = 0``, and
each open journal keeps a read-only connection that is the last to close, and
a read-only connection never checkpoints), so the main file keeps exactly
those bytes, the log keeps its salts, and everything new is in the log.
Anything else that may checkpoint first marks the record "unsettled".

A log is judged only under the guard's own lock, ``<journal>.guard``: every
process that opens the journal holds it shared for as long as it has the
journal open, and a process may judge, move or checkpoint the log only while
it holds it exclusively, that is while no other process has the journal
open. A log that another process is writing is never judged at all.

The judgement, before a journal is opened (:func:`prepare_log`):

* a log that is not empty, beside a settled record, is foreign when the main
  file's checksum is not the recorded one, or when the record names the log it
  expects (its salts) and this log is another (a journal copied in over a
  crashed one, a copied data folder whose journal crashed on the old
  computer): it is moved into the backups folder
  (``<stem>-<time>-leftover.sqlite3-wal``, never deleted), its ``-shm`` index
  removed, and the main file opens exactly as it was copied in;
* a log nobody can vouch for (no record: a journal last used by an older
  version; a record of an older release; a record that expects no log, as a
  copied data folder's does, or a log written by another program; a crash
  mid-checkpoint) is replayed only after the main file as it is has been
  copied into the backups folder (``-before-replay``), so both versions are kept.

Either way the patient is told (:func:`take_notices`). The guard's lock itself is in
:mod:`journal.storage.guard_lock` (its names are re-exported here). Standard library only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import BinaryIO, Final

from journal.core.errors import UserError
from journal.files.atomic import fsync_dir, make_private_dirs, write_bytes_atomically, write_stream_atomically
from journal.storage.guard_lock import GUARD_SUFFIX as GUARD_SUFFIX
from journal.storage.guard_lock import GuardBusyError as GuardBusyError
from journal.storage.guard_lock import GuardHold as GuardHold
from journal.storage.guard_lock import guard_path as guard_path
from journal.storage.guard_lock import hold as hold

IDENTITY_SUFFIX: Final = ".identity"
_WAL_HEADER_BYTES: Final = 32  # a log holding only its header has no frames to replay
_FORMAT: Final = 2  # records that name their log's salts; older ones only the main file
_STARTING: Final = "starting"  # a log may have been started, its salts not yet recorded

_notices: list[str] = []


def take_notices() -> list[str]:
    """What the guard did that the patient should hear about (a log set aside, a copy kept), once."""
    taken = list(_notices)
    _notices.clear()
    return taken


def identity_path(db_path: Path) -> Path:
    """``<journal>.identity`` beside the real file (SQLite keeps its ``-wal`` there too)."""
    real = Path(db_path).resolve()
    return real.with_name(real.name + IDENTITY_SUFFIX)


def _wal(real: Path) -> Path:
    return real.with_name(real.name + "-wal")


# --- the record -------------------------------------------------------------------------------


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


def _salts(wal: Path) -> str | None:
    """The log header's two salts (bytes 16 to 23), which SQLite draws anew for each new log."""
    try:
        with open(wal, "rb") as stream:
            header = stream.read(_WAL_HEADER_BYTES)
    except OSError:
        return None
    return header[16:24].hex() if len(header) == _WAL_HEADER_BYTES else None


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
    if previous and previous.get("v") == _FORMAT and previous.get("stat") == stamp and "salts" not in previous:
        return  # unchanged since it was recorded: start-up skips the checksum
    checksum = previous.get("checksum") if previous and previous.get("stat") == stamp else None
    _write(
        real,
        {"settled": True, "size": info.st_size, "checksum": checksum or _checksum(real), "stat": stamp, "v": _FORMAT},
    )


def settle(db_path: Path, guard: GuardHold | None = None) -> None:
    """Put the journal in WAL mode, checkpoint the whole log into it, then record it.

    Only while no other process has the journal open (``guard`` held
    exclusively; without one, the guard is taken here and nothing is done
    when another process has the journal open). Does nothing more than mark
    the record unsettled if the log cannot be emptied now (the disk is full):
    the next settle records it. Never raises for the disk or SQLite.
    """
    if guard is None:
        with hold(db_path) as own:
            if own.exclusive:
                settle(db_path, own)
        return
    if not guard.exclusive:
        return
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


def start_log(db_path: Path) -> None:
    """Say, before this process first writes, that a new log may be starting.

    A settled record that names no log yet is marked "starting": a log found
    in that state after a crash is replayed only after a copy of the main
    file is kept (see :func:`prepare_log`). Safe while other processes have
    the journal open: they share the one log.
    """
    known = _read(db_path)
    if known and known.get("v") == _FORMAT and known.get("settled") and "salts" not in known:
        _write(db_path, {**known, "salts": _STARTING})


def log_started(db_path: Path) -> None:
    """After this process's first write: record the log's salts, tying it to the record."""
    real = Path(db_path).resolve()
    known = _read(real)
    if known and known.get("v") == _FORMAT and known.get("settled") and known.get("salts") == _STARTING:
        salts = _salts(_wal(real))
        if salts is not None:
            _write(real, {**known, "salts": salts})


def keeper(real: Path) -> sqlite3.Connection | None:
    """A read-only connection that has read the journal once.

    To stay open while the journal is open and to close after every other
    connection: it keeps any other connection's close from checkpointing
    (SQLite checkpoints when the last connection closes), and closes itself
    without checkpointing (a read-only connection cannot). None if it cannot be opened.
    """
    try:
        pin = sqlite3.connect(f"{Path(real).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
        pin.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return None
    return pin


# --- the judgement ----------------------------------------------------------------------------


def _leftover(real: Path) -> bool:
    try:
        return _wal(real).stat().st_size > _WAL_HEADER_BYTES
    except FileNotFoundError:
        return False


def belongs(db_path: Path) -> bool:
    """False when a non-empty ``-wal`` sits beside a main file it was not written for.

    True as well when nobody can tell (no settled record): see :func:`prepare_log`.
    """
    real = Path(db_path).resolve()
    if not _leftover(real):
        return True
    if not real.exists():
        return False  # a log without its main file: replayed into a new file, it would be nobody's
    known = _read(real)
    if not known or not known.get("settled"):
        return True  # no record (older version) or mid-checkpoint: trusted, after a copy of the main file
    if known.get("v") == _FORMAT and known.get("salts") not in (None, _STARTING, _salts(_wal(real))):
        return False  # the record names its log, and this is another
    size = real.stat().st_size
    return size == known.get("size") and _checksum(real) == known.get("checksum")


def _unknown(real: Path) -> bool:
    """A leftover log nobody can vouch for: no settled record, or one of an older release
    (which names the main file but not its log)."""
    known = _read(real)
    return _leftover(real) and (
        not known
        or not known.get("settled")
        or known.get("v") != _FORMAT
        or known.get("salts") in (None, _STARTING)  # no log expected, or not yet named
    )


def set_aside_foreign_wal(db_path: Path, guard: GuardHold | None = None) -> Path | None:
    """Move a ``-wal`` that does not belong to the main file into the backups folder; return it.

    Returns None, changing nothing, when the log belongs (or there is none),
    or when another process has the journal open (its log is live, never judged).
    """
    if guard is None:
        with hold(db_path) as own:
            return set_aside_foreign_wal(db_path, own) if own.exclusive else None
    if not guard.exclusive or belongs(db_path):
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
    _notices.append(
        f"A leftover change log beside {real} did not belong to this journal (it was copied in, or the log "
        f"is older), so it was not applied. The journal opens as it is; the log is kept in {target}."
    )
    return target


def _copy_main_file(real: Path) -> Path:
    """Copy the main file's bytes alone (not its log) into the backups folder."""
    from journal.storage.backup_names import new_backup_path

    target = new_backup_path(real, "before-replay")

    def write(stream: BinaryIO) -> None:
        with open(real, "rb") as source:
            for block in iter(lambda: source.read(1 << 20), b""):
                stream.write(block)

    write_stream_atomically(target, write)
    return target


def roll_back_hot_journal(real: Path) -> bool:
    """Let SQLite undo a write that was cut short in rollback mode (a killed restore).

    A ``-journal`` left beside the file holds the pages as they were before
    that write; until SQLite puts them back, a read-only look at the file
    sees a half-written database and would call it damaged. Opening it once
    for reading, with write access, rolls it back. True when there was one.
    """
    hot = real.with_name(real.name + "-journal")
    try:
        if hot.stat().st_size == 0:
            return False
    except FileNotFoundError:
        return False
    try:
        connection = sqlite3.connect(real, isolation_level=None, timeout=5)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return False  # the check that follows says what is wrong
    return True


def prepare_log(db_path: Path, guard: GuardHold) -> None:
    """Judge a leftover log before the journal is opened (``guard`` exclusive; see the module).

    A foreign log is set aside; a log nobody can vouch for is replayed only
    after the main file has been copied into the backups folder. Both are told.

    Raises:
        UserError: the copy of the main file could not be written (nothing was replayed).
    """
    if not guard.exclusive:
        return
    real = Path(db_path).resolve()
    if not real.exists():
        set_aside_foreign_wal(real, guard)
        return
    roll_back_hot_journal(real)
    if set_aside_foreign_wal(real, guard) is not None:
        return
    if _unknown(real):
        kept = _copy_main_file(real)
        _notices.append(
            f"Pain Journal found changes left over from an earlier run beside {real} and applied them. "
            f"In case they were not this journal's, the journal as it was before is kept in {kept}."
        )
