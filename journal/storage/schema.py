"""Schema versions: numbered SQL scripts in ``resources/migrations`` and ``PRAGMA user_version``.

A new database replays every script from the first, so there is one source of
truth for the schema. Each script runs in its own transaction together with
the version bump, so a crash mid-upgrade leaves the previous version intact.
This module uses only the standard ``sqlite3`` module and the core's catalog
names: it is cheap to import. Scripts may call ``nfc(text)``, ``tidy_name(text)`` and
``name_key(text)`` (see :func:`provide_text_functions`).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from journal.core.catalog import name_key, tidy_name
from journal.core.errors import UserError
from journal.core.resources import RESOURCES_DIR

APPLICATION_ID = 1347048014  # "PJRN"
MIGRATIONS_DIR = RESOURCES_DIR / "migrations"
_SCRIPT_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class DamagedDatabaseError(UserError):
    """The file cannot be used as a journal (damaged, or not a journal); nothing was written."""


class NotAJournalError(DamagedDatabaseError):
    """The file is readable but is not a Pain Journal database."""


class TooNewError(UserError):
    """The database was written by a newer version of the app."""


#: The line that marks a step changing only the data, not the tables.
DATA_ONLY_MARK = "-- Data only: the tables are unchanged."


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path

    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def data_only(self) -> bool:
        """True for a step that tidies stored values and leaves every table as it was, so a
        journal still waiting for it can be read as it is (one that may not be written)."""
        return DATA_ONLY_MARK in self.sql().splitlines()


@cache
def migrations() -> tuple[Migration, ...]:
    """All migration scripts in version order; versions must be 1, 2, 3… with no gaps."""
    found = []
    for path in MIGRATIONS_DIR.iterdir():
        match = _SCRIPT_NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migration versions have gaps: {[m.version for m in found]}")
    return tuple(found)


def latest_version() -> int:
    return migrations()[-1].version


def read_version(connection: sqlite3.Connection) -> tuple[int, int]:
    """``(application_id, user_version)`` of an open database."""
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    return app_id, version


def is_empty(connection: sqlite3.Connection) -> bool:
    return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0)


def check_openable(connection: sqlite3.Connection, path: Path) -> int:
    """Return the schema version of a journal file, refusing anything else.

    An empty file counts as version 0 (a new journal). Raises
    :class:`DamagedDatabaseError` for unreadable files, :class:`NotAJournalError`
    for other SQLite files and :class:`TooNewError` for a newer schema; none
    of them writes anything.
    """
    try:
        app_id, version = read_version(connection)
        empty = is_empty(connection)
    except sqlite3.DatabaseError as error:
        from journal.storage.failures import not_damage

        plain = not_damage(error, path)
        if plain is not None:
            raise plain from None
        raise DamagedDatabaseError(
            f"{path} is damaged or is not a Pain Journal database ({error}); it was not changed."
        ) from error
    if empty and app_id == 0 and version == 0:
        return 0
    if app_id != APPLICATION_ID:
        raise NotAJournalError(f"{path} is not a Pain Journal database; it was not changed.")
    if not empty and (version == 0 or not _has_days_table(connection)):
        # Our application id on a file whose tables are not a journal's (another
        # program's, or made by hand): never "upgrade" it into one.
        raise NotAJournalError(f"{path} carries Pain Journal's mark but is not a Pain Journal database; it was not changed.")
    if version > latest_version():
        raise TooNewError(
            f"{path} was saved by a newer version of Pain Journal (schema {version}; this "
            f"version understands up to {latest_version()}). Please update the app; "
            "the file was not changed."
        )
    return version


def _has_days_table(connection: sqlite3.Connection) -> bool:
    found = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'day'").fetchone()
    return bool(found[0])


def pending(version: int) -> list[Migration]:
    return [m for m in migrations() if m.version > version]


_SqlValue = str | bytes | int | float | None


def _nfc(text: _SqlValue) -> _SqlValue:
    return unicodedata.normalize("NFC", text) if isinstance(text, str) else text


def _name_key(text: _SqlValue) -> _SqlValue:
    return name_key(text) if isinstance(text, str) else text


def _tidy_name(text: _SqlValue) -> _SqlValue:
    return tidy_name(text) if isinstance(text, str) else text


def provide_text_functions(connection: sqlite3.Connection) -> None:
    """Give migration scripts ``nfc(text)``, ``name_key(text)`` and ``tidy_name(text)``, which SQL lacks.

    ``nfc`` is Unicode normalisation form C; ``name_key`` is the catalog's
    identity of a name (:func:`journal.core.catalog.name_key`). Other values
    (NULL, numbers) pass through unchanged.
    """
    connection.create_function("nfc", 1, _nfc, deterministic=True)
    connection.create_function("name_key", 1, _name_key, deterministic=True)
    connection.create_function("tidy_name", 1, _tidy_name, deterministic=True)


def apply_migrations(connection: sqlite3.Connection, current: int) -> int:
    """Upgrade from ``current`` to the latest version, one transaction per step.

    ``connection`` must be in autocommit mode (``isolation_level=None``).
    Returns the new version.
    """
    provide_text_functions(connection)
    for migration in pending(current):
        connection.executescript(
            "BEGIN IMMEDIATE;\n" + migration.sql() + f"\nPRAGMA user_version = {migration.version};\nCOMMIT;"
        )
        current = migration.version
    return current
