"""Opening a journal file: checks, upgrades, connection settings, engine.

:func:`open_engine` is the only way the app gets a database connection. It
checks the file read-only first (application id, schema version and SQLite's
``quick_check``) and refuses damaged files, other files and files from a
newer version without writing to them. It backs up, then upgrades, older
schemas, seeds a new journal's catalogs, and returns an engine whose every
connection has foreign keys on, WAL and full synchronous commits. When the
file is current, start-up costs only those read-only checks.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import create_engine

from journal.core.catalog import default_catalog, name_key
from journal.storage import integrity, schema
from journal.storage.paths import data_dir

#: Called with (path, from_version, to_version) before an upgrade; the backup hook.
BeforeUpgrade = Callable[[Path, int, int], None]


def backup_before_upgrade(path: Path, from_version: int, to_version: int) -> None:
    """The default hook: a copy tagged ``before-v<N>`` in the backups folder beside ``path``."""
    from journal.storage.backup import backup_before_upgrade as take_backup

    take_backup(path, from_version, to_version)


def skip_backup(path: Path, from_version: int, to_version: int) -> None:
    """A ``before_upgrade`` hook that takes no backup (for throw-away journals)."""


def _private_file(path: Path) -> None:
    """Restrict the database and its ``-wal``/``-shm`` files to their owner (0600),
    and the app's own data folder (not a folder chosen with ``--db``) to 0700."""
    if os.name != "posix":
        return
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.exists():
            os.chmod(file, 0o600)
    if path.parent.resolve() == data_dir().resolve():
        os.chmod(path.parent, 0o700)


def prepare_file(path: Path, *, before_upgrade: BeforeUpgrade | None = None) -> int:
    """Check, create or upgrade the file at ``path``; return the schema version it is at.

    ``before_upgrade`` (default :func:`backup_before_upgrade`) runs before an
    existing journal is upgraded; pass :func:`skip_backup` to skip the copy.

    Raises:
        schema.DamagedDatabaseError (incl. NotAJournalError), schema.TooNewError:
            nothing was written.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Create with owner-only permissions before SQLite writes anything.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        version = 0
    else:
        version = integrity.check_file(path)
    if version == schema.latest_version():
        _private_file(path)
        return version
    if version > 0:
        (before_upgrade or backup_before_upgrade)(path, version, schema.latest_version())
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        fresh = version == 0
        version = schema.apply_migrations(connection, version)
        if fresh:
            seed_catalog(connection)
    finally:
        connection.close()
    _private_file(path)
    return version


def seed_catalog(connection: sqlite3.Connection) -> None:
    """Insert the built-in catalog entries (a new journal only), in one transaction."""
    rows = [
        (item.kind.value, item.name, name_key(item.name), item.urgency.value)
        for item in default_catalog()
    ]
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany(
        "INSERT OR IGNORE INTO catalog_item (kind, name, name_key, urgency, builtin) "
        "VALUES (?, ?, ?, ?, 1)",
        rows,
    )
    connection.execute("COMMIT")


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def open_engine(path: Path, *, before_upgrade: BeforeUpgrade | None = None) -> Engine:
    """Prepare the file (see :func:`prepare_file`) and return an engine for it."""
    path = Path(path)
    prepare_file(path, before_upgrade=before_upgrade)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    return engine
