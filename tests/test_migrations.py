"""Schema versions: a saved version-1 journal upgrades with every value intact, a
backup is taken first, newer files are refused untouched, and a current file
opens without writing anything."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from make_old_databases import V1_DAYS, V1_PATH, V1_UPDATED_AT, V1_USER_CATALOG

from journal.core.catalog import CatalogKind, default_catalog
from journal.storage import schema
from journal.storage.backup import content_fingerprint, list_backups
from journal.storage.database import prepare_file, skip_backup
from journal.storage.integrity import open_readonly
from journal.storage.journal import Journal


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


def test_cli_refuses_a_newer_journal_with_one_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
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


def test_a_failing_step_leaves_the_previous_version(
    v1_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
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


def test_red_flag_acknowledgements_go_with_their_day(journal: Journal, today) -> None:
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
