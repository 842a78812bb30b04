"""Opening a journal file: checks, upgrades, connection settings, engine.

:func:`open_engine` is the only way the app gets a database connection. It
refuses files that are not journals or come from a newer version, upgrades
older schemas, seeds a new journal's catalogs, and returns an engine whose
every connection has foreign keys on, WAL and full synchronous commits.
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
from journal.storage import schema

#: Called with (path, from_version, to_version) before an upgrade; the backup hook.
BeforeUpgrade = Callable[[Path, int, int], None]


def _private_file(path: Path) -> None:
    """Create the folder (0700) and restrict an existing file to its owner (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and path.exists():
        os.chmod(path, 0o600)


def prepare_file(path: Path, *, before_upgrade: BeforeUpgrade | None = None) -> int:
    """Check, create or upgrade the file at ``path``; return the schema version it is at.

    Raises:
        schema.NotAJournalError, schema.TooNewError: nothing was written.
    """
    new = not path.exists()
    if new:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Create with owner-only permissions before SQLite writes anything.
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        version = schema.check_openable(connection, path)
        if version == schema.latest_version():
            _private_file(path)
            return version
        if version > 0 and before_upgrade is not None:
            before_upgrade(path, version, schema.latest_version())
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
    """Prepare the file and return an engine for it (see module docstring)."""
    path = Path(path)
    prepare_file(path, before_upgrade=before_upgrade)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    return engine
