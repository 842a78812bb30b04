"""Schema versions: a saved version-1 journal upgrades with every value intact, a
backup is taken first, newer files are refused untouched, and a current file
opens without writing anything."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from journal.core.catalog import CatalogKind, Urgency, default_catalog, name_key
from journal.storage import schema
from journal.storage.backup import content_fingerprint, list_backups
from journal.storage.database import prepare_file, skip_backup
from journal.storage.integrity import open_readonly
from journal.storage.journal import Journal
from tests.make_old_databases import (
    NEW_IN_V3,
    V1_DAYS,
    V1_PATH,
    V1_UPDATED_AT,
    V1_USER_CATALOG,
    V2_ACKS,
    V2_DAYS,
    V2_PATH,
    V2_USER_CATALOG,
)


def _version(path: Path) -> tuple[int, int]:
    connection = open_readonly(path)
    try:
        return schema.read_version(connection)
    finally:
        connection.close()


def _tables(path: Path) -> set[str]:
    connection = open_readonly(path)
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        connection.close()


def _fingerprint(path: Path) -> str:
    connection = open_readonly(path)
    try:
        return content_fingerprint(connection)
    finally:
        connection.close()


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(V1_PATH, path)
    return path


def test_migrations_are_numbered_without_gaps() -> None:
    versions = [m.version for m in schema.migrations()]
    assert versions == list(range(1, len(versions) + 1))
    assert schema.latest_version() >= 2


def test_saved_file_is_a_true_version_1_journal() -> None:
    assert _version(V1_PATH) == (schema.APPLICATION_ID, 1)
    assert "red_flag_ack" not in _tables(V1_PATH)


def test_version_1_upgrades_with_every_value_intact(v1_copy: Path) -> None:
    journal = Journal.open(v1_copy)
    try:
        assert journal.days() == list(V1_DAYS)
        user_items = {(i.kind.value, i.name) for i in journal.catalog() if not i.builtin}
        assert user_items == set(V1_USER_CATALOG)
        builtin = {(i.kind, i.name, i.urgency) for i in journal.catalog() if i.builtin}
        assert builtin == {(i.kind, i.name, i.urgency) for i in default_catalog()}
        assert journal.setting("patient_name") == "Zoë Ñáñez"
        assert journal.urgencies()  # symptom urgencies still readable
    finally:
        journal.close()
    assert _version(v1_copy) == (schema.APPLICATION_ID, schema.latest_version())
    assert "red_flag_ack" in _tables(v1_copy)
    connection = open_readonly(v1_copy)
    try:
        stamps = {row[0] for row in connection.execute("SELECT updated_at FROM day")}
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
    assert stamps == {V1_UPDATED_AT}


def test_a_backup_at_version_1_is_taken_before_upgrading(v1_copy: Path) -> None:
    before = _fingerprint(v1_copy)
    Journal.open(v1_copy).close()
    backups = list_backups(v1_copy)
    assert len(backups) == 1
    info = backups[0]
    assert info.reason == f"before-v{schema.latest_version()}"
    assert info.schema_version == 1
    assert info.entry_count == len(V1_DAYS)
    assert (info.first_date, info.last_date) == (V1_DAYS[0].date, V1_DAYS[-1].date)
    assert _fingerprint(info.path) == before


def test_the_upgrade_backup_can_be_skipped(v1_copy: Path) -> None:
    Journal.open(v1_copy, before_upgrade=skip_backup).close()
    assert _version(v1_copy)[1] == schema.latest_version()
    assert not (v1_copy.parent / "backups").exists()


def test_a_current_journal_opens_without_a_backup_or_a_write(db_path: Path) -> None:
    Journal.open(db_path).close()
    data = db_path.read_bytes()
    listing = sorted(p.name for p in db_path.parent.iterdir())
    assert prepare_file(db_path) == schema.latest_version()
    assert db_path.read_bytes() == data
    assert sorted(p.name for p in db_path.parent.iterdir()) == listing
    assert not (db_path.parent / "backups").exists()


def test_a_newer_journal_is_refused_and_untouched(db_path: Path) -> None:
    Journal.open(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute(f"PRAGMA user_version = {schema.latest_version() + 1}")
    connection.close()
    data = db_path.read_bytes()
    listing = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(schema.TooNewError, match="newer version of Pain Journal"):
        Journal.open(db_path)
    assert db_path.read_bytes() == data
    assert sorted(p.name for p in db_path.parent.iterdir()) == listing


def test_cli_refuses_a_newer_journal_with_one_line(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from journal.cli import main

    Journal.open(db_path).close()
    connection = sqlite3.connect(db_path)
    connection.execute(f"PRAGMA user_version = {schema.latest_version() + 1}")
    connection.close()
    data = db_path.read_bytes()
    assert main(["export", str(tmp_path / "out.csv"), "--db", str(db_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert "newer version" in err and "\n" not in err
    assert db_path.read_bytes() == data


def test_a_failing_step_leaves_the_previous_version(v1_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "0002_broken.sql"
    broken.write_text("CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n")
    monkeypatch.setattr(schema, "pending", lambda version: [schema.Migration(2, broken)])
    monkeypatch.setattr(schema, "latest_version", lambda: 2)
    with pytest.raises(sqlite3.OperationalError):
        prepare_file(v1_copy, before_upgrade=skip_backup)
    monkeypatch.undo()
    assert _version(v1_copy)[1] == 1
    assert "half_done" not in _tables(v1_copy)
    journal = Journal.open(v1_copy)  # the real upgrade still works afterwards
    try:
        assert journal.days() == list(V1_DAYS)
    finally:
        journal.close()


def test_red_flag_acknowledgements_go_with_their_day(journal: Journal, today: dt.date) -> None:
    from journal.core.day import DayEntry

    journal.save_day(DayEntry(date=today, back_pain=5, symptoms=("stiffness",)))
    with journal.transaction() as session:
        day_id = session.connection().exec_driver_sql("SELECT id FROM day").scalar_one()
        session.connection().exec_driver_sql(
            "INSERT INTO red_flag_ack (day_id, symptom, acknowledged_at) VALUES (?, ?, ?)",
            (day_id, "stiffness", "2026-01-01T10:00:00+00:00"),
        )
    with pytest.raises(Exception, match="UNIQUE|PRIMARY"), journal.transaction() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO red_flag_ack (day_id, symptom, acknowledged_at) VALUES (?, ?, ?)",
            (day_id, "stiffness", "2026-01-01T11:00:00+00:00"),
        )
    journal.delete_day(today)
    with journal.session() as session:
        left = session.connection().exec_driver_sql("SELECT count(*) FROM red_flag_ack").scalar_one()
    assert left == 0
    assert "stiffness" in {i.name for i in journal.catalog(CatalogKind.SYMPTOM)}


# --- schema 3: the early warning signs reach existing journals ------------------------------


@pytest.fixture
def v2_copy(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(V2_PATH, path)
    return path


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    connection = open_readonly(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_saved_file_is_a_true_version_2_journal_without_the_new_signs() -> None:
    assert _version(V2_PATH) == (schema.APPLICATION_ID, 2)
    names = {row[0] for row in _rows(V2_PATH, "SELECT name_key FROM catalog_item WHERE builtin = 1")}
    assert not names & NEW_IN_V3
    assert len(_rows(V2_PATH, "SELECT * FROM red_flag_ack")) == len(V2_ACKS)


def test_version_2_gets_every_warning_sign_and_keeps_days_and_acknowledgements(v2_copy: Path) -> None:
    days_before = _rows(v2_copy, "SELECT * FROM day ORDER BY id")
    links_before = _rows(v2_copy, "SELECT * FROM day_symptom ORDER BY day_id, position")
    acks_before = _rows(v2_copy, "SELECT * FROM red_flag_ack ORDER BY day_id, symptom")
    journal = Journal.open(v2_copy, before_upgrade=skip_backup)
    try:
        assert journal.days() == sorted([*V1_DAYS, *V2_DAYS], key=lambda d: d.date)
        symptoms = {(i.name, i.urgency) for i in journal.catalog() if i.kind is CatalogKind.SYMPTOM}
        for item in default_catalog():
            if item.kind is CatalogKind.SYMPTOM and item.urgency is not Urgency.NONE:
                assert any(name_key(n) == item.name and u is item.urgency for n, u in symptoms), item.name
        # The patient's own same-named symptom is now that sign, spelled as they typed it.
        assert ("Fever or chills with back pain", Urgency.SOON) in symptoms
        assert journal.urgencies()["fever or chills with back pain"] is Urgency.SOON
        user_items = {(i.kind.value, i.name) for i in journal.catalog() if not i.builtin}
        assert user_items == set(V2_USER_CATALOG) - {("symptom", "Fever or chills with back pain")}
        assert journal.red_flag_acks() == {date: frozenset({key}) for date, key in V2_ACKS}
        assert journal.setting("patient_name") == "Zoë Ñáñez"
    finally:
        journal.close()
    assert _version(v2_copy)[1] == schema.latest_version() >= 3
    assert _rows(v2_copy, "SELECT * FROM day ORDER BY id") == days_before
    assert _rows(v2_copy, "SELECT * FROM day_symptom ORDER BY day_id, position") == links_before
    assert _rows(v2_copy, "SELECT * FROM red_flag_ack ORDER BY day_id, symptom") == acks_before
    assert _rows(v2_copy, "PRAGMA foreign_key_check") == []
    assert "warning_sign" not in _tables(v2_copy)


def test_version_1_reaches_the_same_catalog_as_a_new_journal(v1_copy: Path, tmp_path: Path) -> None:
    Journal.open(v1_copy, before_upgrade=skip_backup).close()
    fresh = tmp_path / "fresh.sqlite3"
    Journal.open(fresh).close()
    query = "SELECT kind, name_key, urgency, builtin FROM catalog_item WHERE builtin = 1 ORDER BY kind, name_key"
    assert _rows(v1_copy, query) == _rows(fresh, query)


def test_a_new_journal_lists_the_catalog_in_the_files_order(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    Journal.open(path).close()
    names = [row[0] for row in _rows(path, "SELECT name FROM catalog_item WHERE kind = 'symptom' ORDER BY id")]
    assert names == [i.name for i in default_catalog() if i.kind is CatalogKind.SYMPTOM]


def test_the_migration_lists_exactly_the_catalogs_warning_signs() -> None:
    import re

    # Every step that adds warning signs (0003, and later ones for newer signs).
    steps = [p.read_text(encoding="utf-8") for p in sorted(schema.MIGRATIONS_DIR.glob("*.sql"))]
    listed = {pair for sql in steps if "warning_sign" in sql for pair in re.findall(r"\('([^']+)', '(urgent|soon)'\)", sql)}
    expected = {
        (i.name, i.urgency.value) for i in default_catalog() if i.kind is CatalogKind.SYMPTOM and i.urgency is not Urgency.NONE
    }
    assert listed == expected
