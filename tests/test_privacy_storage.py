"""Privacy of what storage writes: owner-only files and folders, and no health data in logs."""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.core.day import DayEntry
from journal.storage.backup import backup_if_changed, backup_now, list_backups, restore_backup
from journal.storage.integrity import quarantine
from journal.storage.journal import Journal
from journal.storage.paths import default_database_path
from journal.storage.single_instance import acquire_journal_lock

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
TODAY = dt.date(2026, 6, 30)
SECRET = "Sciatica flare after the hospital appointment, took tramadol"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Run with a permissive umask (0): privacy must not depend on the user's umask."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@posix_only
def test_database_wal_and_shm_are_owner_only(open_umask: None) -> None:
    path = default_database_path()
    journal = Journal.open(path)
    try:
        journal.save_day(DayEntry(date=TODAY, back_pain=4, notes=SECRET), today=TODAY)
        files = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
        assert all(f.exists() for f in files)
        assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}
    finally:
        journal.close()
    assert _mode(path.parent) == 0o700
    assert _mode(path) == 0o600


@posix_only
def test_a_loose_existing_journal_is_tightened_on_open(db_path: Path) -> None:
    Journal.open(db_path).close()
    os.chmod(db_path, 0o644)
    Journal.open(db_path).close()
    assert _mode(db_path) == 0o600


@posix_only
def test_a_loose_data_folder_is_tightened_on_open() -> None:
    path = default_database_path()
    path.parent.mkdir(parents=True, mode=0o755)
    os.chmod(path.parent, 0o755)
    Journal.open(path).close()
    assert _mode(path.parent) == 0o700


@posix_only
def test_backups_restores_quarantine_and_lock_are_owner_only(db_path: Path, tmp_path: Path, open_umask: None) -> None:
    journal = Journal.open(db_path)
    journal.save_day(DayEntry(date=TODAY, back_pain=4, notes=SECRET), today=TODAY)
    journal.close()
    routine = backup_if_changed(db_path)
    assert routine is not None
    folder = routine.parent
    chosen = backup_now(db_path, tmp_path / "usb-copy.sqlite3")
    saved = restore_backup(db_path, routine)
    assert saved is not None
    restored_elsewhere = tmp_path / "elsewhere" / "journal.sqlite3"
    restore_backup(restored_elsewhere, routine)
    aside = quarantine(restored_elsewhere)
    lock = acquire_journal_lock(db_path)
    lock.release()

    assert _mode(folder) == 0o700
    for path in folder.iterdir():
        assert _mode(path) == 0o600, path.name
    for path in (chosen, db_path, aside, lock.path):
        assert _mode(path) == 0o600, path.name
    assert _mode(restored_elsewhere.parent) == 0o700
    assert {b.path for b in list_backups(db_path)} >= {routine, saved}


def test_storage_logs_nothing_about_entries(db_path: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    journal = Journal.open(db_path)
    try:
        assert not journal.engine.echo  # SQL (with its parameters) is never echoed
        journal.save_day(DayEntry(date=TODAY, back_pain=7, notes=SECRET, medications=("tramadol 50 mg",)), today=TODAY)
        journal.import_days([DayEntry(date=TODAY - dt.timedelta(days=1), back_pain=3, notes=SECRET)], today=TODAY)
        journal.days()
        journal.delete_day(TODAY - dt.timedelta(days=1))
    finally:
        journal.close()
    copy = backup_if_changed(db_path)
    assert copy is not None
    list_backups(db_path)
    restore_backup(db_path, copy)
    journal_records = [r for r in caplog.records if r.name.split(".")[0] in ("journal", "sqlalchemy")]
    assert all(r.levelno < logging.INFO for r in journal_records) or not journal_records
    assert "tramadol" not in caplog.text and "Sciatica" not in caplog.text
