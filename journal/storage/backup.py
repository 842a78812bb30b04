"""Backup copies of the journal: take them, thin them, list them, restore one.

Copies are made with SQLite's online backup API, which reads one consistent
snapshot even while the app is writing, into a temporary file that is synced
and then renamed into place, so a copy is either complete or absent. They
live in a ``backups`` folder beside the database (0700; files 0600), named
``<stem>-YYYY-MM-DDTHH-MM-SS[-N][-reason].sqlite3`` in local time, and are
self-contained single files (rollback-journal mode, no ``-wal``).

Routine copies (no reason) are thinned to the newest of each of the last 7
days, 4 ISO weeks and 12 months that have one. Copies taken before an
upgrade or a restore carry a reason and are kept out of that thinning
(only the newest :data:`KEEP_TAGGED` of them are kept).

"Has anything changed since the last backup?" is answered by a content
fingerprint: a hash of every row of every table plus the schema version,
computed from the copy just written and remembered in
``backups/<stem>.last-backup.json``. Unlike ``PRAGMA data_version`` it
survives restarts; unlike a count or the newest ``updated_at`` it also sees
deletions, catalog entries, settings and acknowledgements; unlike SQLite's
file change counter it is meaningful in WAL mode. It costs one read of the
database (about 40 ms for ten years of days).

Nothing here logs, and only the standard library is used (cheap to import).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

from journal.core.errors import UserError
from journal.storage import integrity, schema
from journal.storage.schema import DamagedDatabaseError

BACKUP_DIR_NAME = "backups"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_TAGGED = 10
_STAMP_FORMAT = "%Y-%m-%dT%H-%M-%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d)(?:-(?P<n>\d+))?"
    r"(?:-(?P<reason>[a-z][a-z0-9-]*))?\.sqlite3$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy. The counts are None when the copy cannot be read (see ``problem``)."""

    path: Path
    taken_at: dt.datetime  # local time, from the file name
    entry_count: int | None
    first_date: dt.date | None
    last_date: dt.date | None
    schema_version: int | None = None
    reason: str = ""  # "" for routine copies, else e.g. "before-v2", "before-restore"
    problem: str = ""


# --- names and folders ----------------------------------------------------------------


def backups_dir(db_path: Path) -> Path:
    """The folder holding ``db_path``'s backups (not created here)."""
    return Path(db_path).parent / BACKUP_DIR_NAME


def _private_dir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(folder, 0o700)
    return folder


def _parse_name(path: Path, stem: str) -> tuple[dt.datetime, int, str] | None:
    match = _NAME.match(path.name)
    if not match or match["stem"] != stem:
        return None
    try:
        taken = dt.datetime.strptime(match["stamp"], _STAMP_FORMAT)
    except ValueError:
        return None
    return taken, int(match["n"] or 0), match["reason"] or ""


def _new_backup_path(db_path: Path, reason: str) -> Path:
    folder = _private_dir(backups_dir(db_path))
    stamp = dt.datetime.now().strftime(_STAMP_FORMAT)
    tag = f"-{reason}" if reason else ""
    for n in range(1000):
        counter = f"-{n}" if n else ""
        candidate = folder / f"{Path(db_path).stem}-{stamp}{counter}{tag}.sqlite3"
        if not candidate.exists():
            return candidate
    raise UserError(f"Too many backups with the same time in {folder}.")


def _backup_files(db_path: Path) -> list[tuple[tuple[dt.datetime, int, int], str, Path]]:
    """``((taken_at, n, mtime), reason, path)`` for every backup of ``db_path``, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = _parse_name(path, Path(db_path).stem)
        if parsed and path.is_file():
            taken, n, reason = parsed
            found.append(((taken, n, path.stat().st_mtime_ns), reason, path))
    found.sort(key=lambda item: item[0], reverse=True)
    return found


# --- fsync helpers --------------------------------------------------------------------


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_beside(target: Path, suffix: str) -> Path:
    """A new empty 0600 file in ``target``'s folder, for writing then renaming."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=suffix)
    os.close(fd)
    return Path(name)


# --- fingerprint ----------------------------------------------------------------------


def content_fingerprint(connection: sqlite3.Connection) -> str:
    """A hash of the schema version and every row of every table (see module docstring)."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr(schema.read_version(connection)).encode())
    tables = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    ).fetchall()
    for name, sql in tables:
        digest.update(f"\x00{name}\x00{sql}\x00".encode())
        width = len(connection.execute(f'SELECT * FROM "{name}" LIMIT 0').description)
        order = ", ".join(str(i) for i in range(1, width + 1))
        for row in connection.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def _state_file(db_path: Path) -> Path:
    return backups_dir(db_path) / f"{Path(db_path).stem}.last-backup.json"


def _remember(db_path: Path, backup: Path, fingerprint: str) -> None:
    state = _state_file(db_path)
    tmp = _temp_beside(state, ".part")
    tmp.write_text(json.dumps({"backup": backup.name, "fingerprint": fingerprint}), encoding="utf-8")
    os.replace(tmp, state)


def _remembered(db_path: Path) -> tuple[str, str] | None:
    try:
        data = json.loads(_state_file(db_path).read_text(encoding="utf-8"))
        return str(data["backup"]), str(data["fingerprint"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


# --- copying --------------------------------------------------------------------------


def _copy_database(source: sqlite3.Connection, target: Path, *, journal_mode: str) -> str:
    """Copy ``source`` into the new file ``target`` atomically; return its fingerprint."""
    tmp = _temp_beside(target, ".part")
    try:
        destination = sqlite3.connect(tmp, isolation_level=None)
        try:
            source.backup(destination)
            destination.execute(f"PRAGMA journal_mode = {journal_mode}")
            fingerprint = content_fingerprint(destination)
        finally:
            destination.close()
        _fsync_file(tmp)
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return fingerprint


def _connect_healthy(db_path: Path) -> sqlite3.Connection:
    """A normal connection to a journal that has just passed :func:`integrity.check_file`."""
    connection = sqlite3.connect(db_path, isolation_level=None, timeout=10)
    connection.execute("PRAGMA busy_timeout = 10000")
    return connection


def backup_now(db_path: Path, dest: Path | None = None, *, reason: str = "") -> Path:
    """Copy the journal at ``db_path`` and return the copy's path.

    Without ``dest`` the copy goes into the backups folder (and becomes the
    reference for :func:`backup_if_changed`); with it, to exactly ``dest``,
    which must not exist yet. ``reason`` tags the name (lowercase words and
    hyphens) and keeps the copy out of routine thinning.

    Raises:
        DamagedDatabaseError: the journal fails the quick check (nothing is copied).
        UserError: no journal, or ``dest`` exists or cannot be written.
    """
    db_path = Path(db_path)
    if reason and not re.fullmatch(r"[a-z][a-z0-9-]*", reason):
        raise ValueError(f"a backup reason is lowercase words and hyphens, not {reason!r}")
    integrity.check_file(db_path, allow_newer=True)
    if dest is None:
        target = _new_backup_path(db_path, reason)
    else:
        target = Path(dest)
        if target.exists():
            raise UserError(f"{target} already exists; choose a new file name.")
        if not target.parent.is_dir():
            raise UserError(f"The folder {target.parent} does not exist.")
    source = _connect_healthy(db_path)
    try:
        fingerprint = _copy_database(source, target, journal_mode="DELETE")
    except OSError as error:
        raise UserError(f"Could not write {target}: {error.strerror or error}.") from error
    finally:
        source.close()
    if dest is None:
        _remember(db_path, target, fingerprint)
    return target


def backup_if_changed(db_path: Path) -> Path | None:
    """Back up and thin unless nothing changed since the last backup; return the new copy or None.

    Raises:
        DamagedDatabaseError: the journal fails the quick check.
    """
    db_path = Path(db_path)
    integrity.check_file(db_path, allow_newer=True)
    remembered = _remembered(db_path)
    if remembered and (backups_dir(db_path) / remembered[0]).is_file():
        connection = _connect_healthy(db_path)
        try:
            if content_fingerprint(connection) == remembered[1]:
                return None
        finally:
            connection.close()
    made = backup_now(db_path)
    thin_backups(db_path)
    return made


# --- thinning -------------------------------------------------------------------------


def keep_backups(
    stamps: Iterable[dt.datetime],
    *,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[dt.datetime]:
    """Which backup times to keep: the newest, and the newest of each of the last
    ``daily`` days, ``weekly`` ISO weeks and ``monthly`` months that have one.

    Pure; keeping what it returns and applying it again keeps the same set.
    """
    ordered = sorted(set(stamps), reverse=True)
    keep = set(ordered[:1])
    buckets: list[tuple[int, Callable[[dt.datetime], Hashable]]] = [
        (daily, lambda t: t.date()),
        (weekly, lambda t: tuple(t.isocalendar())[:2]),
        (monthly, lambda t: (t.year, t.month)),
    ]
    for limit, bucket in buckets:
        seen: list[Hashable] = []
        for stamp in ordered:
            key = bucket(stamp)
            if seen and seen[-1] == key:
                continue
            if len(seen) == limit:
                break
            seen.append(key)
            keep.add(stamp)
    return keep


def thin_backups(db_path: Path) -> list[Path]:
    """Delete routine backups that :func:`keep_backups` drops, tagged ones beyond
    the newest :data:`KEEP_TAGGED`, and temporary files a crash left behind
    over an hour ago; return what was deleted."""
    files = _backup_files(db_path)
    routine = [(key, path) for key, reason, path in files if not reason]
    tagged = [path for _key, reason, path in files if reason]
    kept = keep_backups(key[0] for key, _path in routine)
    doomed: list[Path] = []
    seen: set[dt.datetime] = set()
    for (taken, _n, _mtime), path in routine:  # newest first: the first of a second is the one kept
        if taken in kept and taken not in seen:
            seen.add(taken)
        else:
            doomed.append(path)
    doomed.extend(tagged[KEEP_TAGGED:])
    doomed.extend(_stale_temporary_files(db_path))
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def _stale_temporary_files(db_path: Path, age: dt.timedelta = dt.timedelta(hours=1)) -> list[Path]:
    """Half-written copies left by a crash mid-backup (never a copy still being written)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    cutoff = (dt.datetime.now() - age).timestamp()
    prefix = f".{Path(db_path).stem}"
    stale = []
    for path in folder.iterdir():
        if path.name.startswith(prefix) and ".part" in path.name:
            try:
                if path.stat().st_mtime < cutoff:
                    stale.append(path)
            except FileNotFoundError:
                continue
    return stale


# --- listing --------------------------------------------------------------------------


def describe_backup(path: Path, taken_at: dt.datetime | None = None, reason: str = "") -> BackupInfo:
    """Read a copy's day count and date range (read-only, without checking it fully)."""
    path = Path(path)
    taken_at = taken_at or dt.datetime.fromtimestamp(path.stat().st_mtime)
    try:
        connection = integrity.open_readonly(path)
        try:
            app_id, version = schema.read_version(connection)
            if app_id != schema.APPLICATION_ID:
                raise sqlite3.DatabaseError("not a Pain Journal database")
            count, first, last = connection.execute(
                "SELECT count(*), min(date), max(date) FROM day"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return BackupInfo(path, taken_at, None, None, None, reason=reason, problem=str(error))
    return BackupInfo(
        path,
        taken_at,
        count,
        dt.date.fromisoformat(first) if first else None,
        dt.date.fromisoformat(last) if last else None,
        schema_version=version,
        reason=reason,
    )


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path`` in its backups folder, newest first."""
    return [describe_backup(path, key[0], reason) for key, reason, path in _backup_files(db_path)]


# --- restoring ------------------------------------------------------------------------


def _is_absent(db_path: Path) -> bool:
    """No journal there: no file, or an empty one without a ``-wal`` holding data."""
    wal = integrity.side_files(db_path)[0]
    return all(not path.exists() or path.stat().st_size == 0 for path in (db_path, wal))


def _verify_backup(backup_path: Path) -> None:
    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise UserError(f"No such backup file: {backup_path}")
    try:
        integrity.check_file(backup_path, full=True)
    except schema.NotAJournalError as error:
        raise schema.NotAJournalError(f"{backup_path} is not a Pain Journal backup.") from error


def _restore_into(db_path: Path, backup_path: Path) -> None:
    """Overwrite a healthy journal's contents in one transaction via the backup API."""
    source = integrity.open_readonly(backup_path)
    destination = _connect_healthy(db_path)
    try:
        # SQLite cannot copy into a WAL database with another page size (it
        # reports "readonly database"): copy in rollback mode, which takes the
        # backup's page size, still in one transaction, then return to WAL.
        other_page_size = (source.execute("PRAGMA page_size").fetchone()[0]
                           != destination.execute("PRAGMA page_size").fetchone()[0])
        if other_page_size:
            destination.execute("PRAGMA journal_mode = DELETE")
        source.backup(destination)
        if other_page_size:
            destination.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as error:  # e.g. another process is using the journal
        raise UserError(f"Could not restore into {db_path}: another program is using it "
                        f"({error}); it was not changed.") from error
    finally:
        destination.close()
        source.close()


def _restore_as_new_file(db_path: Path, backup_path: Path) -> None:
    """Create ``db_path`` (which must not exist) as a copy of the backup, atomically."""
    _private_dir(db_path.parent)
    source = integrity.open_readonly(backup_path)
    try:
        _copy_database(source, db_path, journal_mode="WAL")
    finally:
        source.close()


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Replace the journal's contents with a verified backup; return where the old state went.

    The backup must pass SQLite's full ``integrity_check`` and be a Pain
    Journal of a version this app can open. The current journal is first
    copied into the backups folder (tag ``before-restore``) or, if it is
    damaged, renamed aside with :func:`integrity.quarantine`; the returned path is that
    copy (None if there was no journal). Writing happens in one SQLite
    transaction, or by renaming a finished file, so a crash leaves either the
    old or the new contents. The caller holds the journal lock and has closed
    its own connections; an older backup is upgraded when next opened.

    Raises:
        UserError: the backup is missing, is the journal itself, or is not a usable journal.
    """
    db_path, backup_path = Path(db_path), Path(backup_path)
    _verify_backup(backup_path)
    if db_path.exists() and backup_path.resolve() == db_path.resolve():
        raise UserError(f"{backup_path} is the journal itself; choose a backup copy.")
    if _is_absent(db_path):
        for path in (db_path, *integrity.side_files(db_path)):
            path.unlink(missing_ok=True)
        _restore_as_new_file(db_path, backup_path)
        return None
    try:
        saved: Path = backup_now(db_path, reason="before-restore")
    except DamagedDatabaseError:
        saved = integrity.quarantine(db_path)
        _restore_as_new_file(db_path, backup_path)
        return saved
    _restore_into(db_path, backup_path)
    return saved


def backup_before_upgrade(db_path: Path, from_version: int, to_version: int) -> None:
    """The default ``before_upgrade`` hook: a tagged copy (``before-v<N>``) in the backups folder."""
    backup_now(db_path, reason=f"before-v{to_version}")
