"""Opening a journal file: checks, upgrades, connection settings, engine.

:func:`open_engine` is the only way the app gets a database connection. It
checks the file read-only first (application id, schema version and SQLite's
``quick_check``) and refuses damaged files, other files and files from a
newer version without writing to them. It backs up, then upgrades, older
schemas, seeds a new journal's catalogs, and returns an engine whose every
connection has foreign keys on, WAL and full synchronous commits. When the
file is current, start-up costs only those read-only checks.

Before anything opens the file, a leftover ``-wal`` written for another main
file is set aside (:mod:`journal.storage.wal_guard`). A journal the patient
made read-only (no write permission on the file or its folder) is opened
read-only: it can be browsed, reported and exported, never written, and its
permissions are never changed. Permissions are only tightened on files the
app writes, and folders only when the app creates them.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import create_engine

from journal.core.catalog import default_catalog, name_key
from journal.core.errors import UserError
from journal.files.atomic import make_private_dirs
from journal.storage import integrity, schema, wal_guard
from journal.storage.failures import tolerant_text
from journal.storage.paths import check_path, data_dir, is_read_only

#: Called with (path, from_version, to_version) before an upgrade; the backup hook.
BeforeUpgrade = Callable[[Path, int, int], None]


def backup_before_upgrade(path: Path, from_version: int, to_version: int) -> None:
    """The default hook: a copy tagged ``before-v<N>`` in the backups folder beside ``path``."""
    from journal.storage.backup import backup_before_upgrade as take_backup

    take_backup(path, from_version, to_version)


def skip_backup(path: Path, from_version: int, to_version: int) -> None:
    """A ``before_upgrade`` hook that takes no backup (for throw-away journals)."""


def _private_file(path: Path) -> None:
    """Take group and other permissions off the database, its ``-wal``/``-shm`` files and
    the app's own data folder (not a folder chosen with ``--db``).

    Only ever removes permissions: nothing is made writable that was not.
    """
    if os.name != "posix":
        return
    targets = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    if path.parent.resolve() == data_dir().resolve():
        targets.append(path.parent)
    for target in targets:
        try:
            mode = target.stat().st_mode & 0o777
        except FileNotFoundError:
            continue
        if mode & 0o077:
            os.chmod(target, mode & 0o700)


def prepare_file(path: Path, *, before_upgrade: BeforeUpgrade | None = None, guard: wal_guard.GuardHold | None = None) -> int:
    """Check, create or upgrade the file at ``path``; return the schema version it is at.

    ``before_upgrade`` (default :func:`backup_before_upgrade`) runs before an
    existing journal is upgraded; pass :func:`skip_backup` to skip the copy.
    A leftover ``-wal`` is judged first (:func:`wal_guard.prepare_log`), under
    ``guard`` when given (else one taken for the purpose); it is never judged
    while another process has the journal open.

    Raises:
        schema.DamagedDatabaseError (incl. NotAJournalError), schema.TooNewError:
            nothing was written.
    """
    if guard is None:
        with wal_guard.hold(path) as own:
            return prepare_file(path, before_upgrade=before_upgrade, guard=own)
    if not path.exists():
        make_private_dirs(path.parent)
        wal_guard.set_aside_foreign_wal(path, guard)
        # Create with owner-only permissions before SQLite writes anything.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.close(fd)
        version = 0
    else:
        wal_guard.prepare_log(path, guard)
        version = integrity.check_file(path)
    if version == schema.latest_version():
        _private_file(path)
        return version
    if version > 0:
        (before_upgrade or backup_before_upgrade)(path, version, schema.latest_version())
    wal_guard.mark_unsettled(path)
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        fresh = version == 0
        version = schema.apply_migrations(connection, version)
        if fresh:
            seed_catalog(connection)
            # Schema 8 rebuilds the catalog tables, leaving their first pages free;
            # a new journal starts compact (an upgraded one keeps them for its days).
            connection.execute("VACUUM")
    finally:
        connection.close()
    _private_file(path)
    return version


def prepare_read_only(path: Path) -> int:
    """Check a read-only journal without writing anything; return its schema version.

    A journal whose pending steps only tidy stored values (such as bringing
    text to NFC) opens as it is: its tables are those of the latest version.

    Raises:
        UserError: it needs an upgrade of its tables, which would mean writing to it.
        schema.DamagedDatabaseError, schema.TooNewError: as :func:`prepare_file`.
    """
    version = integrity.check_file(path)
    if version != schema.latest_version() and not all(step.data_only for step in schema.pending(version)):
        raise UserError(
            f"{path} is read-only, and this version of Pain Journal would need to update it "
            "before opening it. Make the file and its folder writable, or open a copy."
        )
    return version


def seed_catalog(connection: sqlite3.Connection) -> None:
    """Insert the built-in catalog entries (a new journal only), in one transaction."""
    rows = [(item.kind.value, item.name, name_key(item.name), item.urgency.value) for item in default_catalog()]
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(
        "INSERT OR IGNORE INTO catalog_item (kind, name, name_key, urgency, builtin) VALUES (?, ?, ?, ?, 1)",
        rows,
    )
    connection.execute("COMMIT")


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.text_factory = tolerant_text  # text that is not UTF-8 is read, not refused
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    # Checkpoints happen only when the journal is opened and closed (wal_guard.settle),
    # so the main file keeps the bytes its log was recorded against.
    cursor.execute("PRAGMA wal_autocheckpoint = 0")
    cursor.close()


def _on_connect_read_only(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.text_factory = tolerant_text
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


@dataclass
class OpenedFile:
    """An engine and what keeps its log safe while it is open (see :mod:`wal_guard`).

    ``guard`` is held shared while the journal is open; ``keeper`` is the
    read-only connection to close after the engine's (never checkpoints).
    Both are None for a read-only journal.
    """

    engine: Engine
    guard: wal_guard.GuardHold | None = None
    keeper: sqlite3.Connection | None = None


def open_file(path: Path, *, before_upgrade: BeforeUpgrade | None = None) -> OpenedFile:
    """Prepare the file (see :func:`prepare_file`) and return an engine for it.

    A read-only journal (:func:`is_read_only`) gets an engine that cannot write.
    The log is judged and checkpointed only when no other process has the
    journal open; either way this process then holds the guard shared.
    """
    path = Path(path)
    check_path(path)
    if is_read_only(path):
        return OpenedFile(_open_read_only(path))
    if not path.exists():
        make_private_dirs(path.parent)  # a new journal's folder: its guard's lock file goes there
    guard = wal_guard.hold(path)
    try:
        prepare_file(path, before_upgrade=before_upgrade, guard=guard)
        wal_guard.settle(path, guard)
        keeper = wal_guard.keeper(path)
    except BaseException:
        guard.discard()
        raise
    guard.share()
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    return OpenedFile(engine, guard, keeper)


def open_engine(path: Path, *, before_upgrade: BeforeUpgrade | None = None) -> Engine:
    """:func:`open_file` for a caller that keeps only the engine (the guard goes when it does)."""
    return open_file(path, before_upgrade=before_upgrade).engine


def _open_read_only(path: Path) -> Engine:
    prepare_read_only(path)
    real = path.resolve()
    wal = real.with_name(real.name + "-wal")
    # Without a log nothing needs locking or an index beside it: the file cannot change.
    # (A file with another name may be written through that name: never immutable then.)
    flags = "mode=ro" if wal.exists() or real.stat().st_nlink > 1 else "mode=ro&immutable=1"
    uri = f"{real.as_uri()}?{flags}"
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
    )
    event.listen(engine, "connect", _on_connect_read_only)
    return engine
