"""The SQLModel classes in journal/storage/tables.py and more_tables.py map exactly what the migrations create."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Table
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

from journal.storage import more_tables, schema, tables


def model_tables() -> dict[str, Table]:
    """The tables declared in journal/storage/tables.py and more_tables.py (not whatever else shares the metadata)."""
    found = {}
    for module in (tables, more_tables):
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, SQLModel) and hasattr(value, "__table__"):
                if value.__module__ == module.__name__:
                    found[value.__table__.name] = value.__table__
    return found


@pytest.fixture(scope="module")
def migrated() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:", isolation_level=None)
    assert schema.apply_migrations(connection, 0) == schema.latest_version()
    yield connection
    connection.close()


def db_tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return {name for (name,) in rows}


def affinity(declared: str) -> str:
    """SQLite's column affinity for a declared type (https://sqlite.org/datatype3.html 3.1)."""
    declared = declared.upper()
    if "INT" in declared:
        return "INTEGER"
    if any(word in declared for word in ("CHAR", "CLOB", "TEXT")):
        return "TEXT"
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return "REAL"
    if declared == "" or "BLOB" in declared:
        return "BLOB"
    return "NUMERIC"


def stored_as(column_type: object) -> str:
    """What the column holds in SQLite once SQLAlchemy has converted the Python value."""
    if isinstance(column_type, TypeDecorator):  # e.g. SQLModel's AutoString
        column_type = column_type.impl_instance
    if isinstance(column_type, Boolean):
        return "INTEGER"
    if isinstance(column_type, Integer):
        return "INTEGER"
    if isinstance(column_type, Float):
        return "REAL"
    if isinstance(column_type, (String, Date, DateTime)):
        return "TEXT"  # SQLAlchemy stores dates on SQLite as ISO text
    raise AssertionError(f"no mapping for {column_type!r}")


def test_migrations_numbered_without_gaps() -> None:
    versions = [m.version for m in schema.migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert schema.latest_version() == versions[-1]


def test_same_tables(migrated: sqlite3.Connection) -> None:
    assert set(model_tables()) == db_tables(migrated)


def test_version_set_by_migrations(migrated: sqlite3.Connection) -> None:
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
    assert migrated.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID


@pytest.mark.parametrize("name", sorted(model_tables()))
def test_columns_match(migrated: sqlite3.Connection, name: str) -> None:
    table = model_tables()[name]
    info = {row[1]: row for row in migrated.execute(f"PRAGMA table_info({name})")}
    assert set(info) == {c.name for c in table.columns}, name
    for column in table.columns:
        _cid, _name, declared, notnull, _default, pk = info[column.name]
        where = f"{name}.{column.name}"
        assert affinity(declared) == stored_as(column.type), where
        assert bool(pk) == column.primary_key, where
        if not column.primary_key:
            # A nullable field in the model must be nullable in the file and vice versa.
            assert bool(notnull) == (not column.nullable), where


@pytest.mark.parametrize("name", sorted(model_tables()))
def test_primary_keys_match_in_order(migrated: sqlite3.Connection, name: str) -> None:
    table = model_tables()[name]
    rows = migrated.execute(f"PRAGMA table_info({name})").fetchall()
    in_db = [row[1] for row in sorted((r for r in rows if r[5]), key=lambda r: r[5])]
    assert in_db == [c.name for c in table.primary_key.columns]


@pytest.mark.parametrize("name", sorted(model_tables()))
def test_foreign_keys_match(migrated: sqlite3.Connection, name: str) -> None:
    table = model_tables()[name]
    in_db = {
        (row[3], row[2], row[4])  # from column, referred table, referred column
        for row in migrated.execute(f"PRAGMA foreign_key_list({name})")
    }
    in_model = {(fk.parent.name, fk.column.table.name, fk.column.name) for fk in table.foreign_keys}
    assert in_db == in_model


@pytest.mark.parametrize("name", sorted(model_tables()))
def test_day_children_are_deleted_with_their_day(migrated: sqlite3.Connection, name: str) -> None:
    for row in migrated.execute(f"PRAGMA foreign_key_list({name})"):
        if row[2] == "day":
            assert row[6] == "CASCADE", f"{name}.{row[3]} must cascade when its day is deleted"


def test_unique_model_columns_are_unique_in_the_file(migrated: sqlite3.Connection) -> None:
    for name, table in model_tables().items():
        unique_sets = set()
        for _seq, index, unique, *_ in migrated.execute(f"PRAGMA index_list({name})"):
            if unique:
                cols = tuple(r[2] for r in migrated.execute(f"PRAGMA index_info({index})"))
                unique_sets.add(cols)
        for column in table.columns:
            if column.unique:
                assert (column.name,) in unique_sets, f"{name}.{column.name}"
    # And the one the app relies on for "one entry per date":
    assert any(
        unique and [r[2] for r in migrated.execute(f"PRAGMA index_info({index})")] == ["date"]
        for _seq, index, unique, *_ in migrated.execute("PRAGMA index_list(day)")
    )


def test_catalog_names_unique_per_kind_ignoring_case(migrated: sqlite3.Connection) -> None:
    migrated.execute("BEGIN")
    try:
        migrated.execute("INSERT INTO catalog_item (kind, name, name_key) VALUES ('trigger', 'Stress', 'stress')")
        migrated.execute("INSERT INTO catalog_item (kind, name, name_key) VALUES ('activity', 'Stress', 'stress')")
        with pytest.raises(sqlite3.IntegrityError):
            migrated.execute("INSERT INTO catalog_item (kind, name, name_key) VALUES ('trigger', 'STRESS', 'stress')")
    finally:
        migrated.execute("ROLLBACK")


@pytest.mark.parametrize(
    ("column", "bad"),
    [
        ("back_pain", 11),
        ("back_pain", -1),
        ("leg_pain", 11),
        ("sleep_hours", 24.5),
        ("morning_stiffness_min", 1441),
        ("stress", -1),
    ],
)
def test_file_refuses_out_of_range_values(migrated: sqlite3.Connection, column: str, bad: float) -> None:
    """A second line of defence under the validation rules."""
    values = {"date": "2024-01-01", "back_pain": 3, "updated_at": "x", column: bad}
    names = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        migrated.execute(f"INSERT INTO day ({names}) VALUES ({marks})", tuple(values.values()))
