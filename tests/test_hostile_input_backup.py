"""Hostile input: a valid journal made elsewhere, with another SQLite page size.

Restoring it once failed with "attempt to write a readonly database": SQLite's
backup API cannot copy into a WAL database of another page size.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from journal.cli import main
from journal.core.day import DayEntry
from journal.storage.backup import restore_backup
from journal.storage.journal import Journal

TODAY = dt.date.today()


def journal_with(path: Path, days: int) -> None:
    journal = Journal.open(path)
    journal.import_days([DayEntry(TODAY - dt.timedelta(days=i), 2 + i % 5, notes=f"day {i}") for i in range(days)])
    journal.close()


def with_page_size(path: Path, size: int) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute(f"PRAGMA page_size = {size}")
    connection.execute("VACUUM")
    assert connection.execute("PRAGMA page_size").fetchone()[0] == size
    connection.close()


@pytest.mark.parametrize("size", [1024, 8192, 65536])
def test_a_backup_with_another_page_size_restores(tmp_path: Path, size: int) -> None:
    current, other = tmp_path / "journal.sqlite3", tmp_path / "other.sqlite3"
    journal_with(current, 3)
    journal_with(other, 12)
    with_page_size(other, size)
    saved = restore_backup(current, other)
    assert saved is not None and saved.exists()
    journal = Journal.open(current)
    assert journal.count() == 12 and journal.day(TODAY - dt.timedelta(days=11)).notes == "day 11"
    journal.close()
    with sqlite3.connect(current) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    journal = Journal.open(saved)  # the journal as it was is kept
    assert journal.count() == 3
    journal.close()


def test_cli_restore_of_another_page_size(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.sqlite3"
    journal_with(db_path, 2)
    journal_with(other, 7)
    with_page_size(other, 16384)
    assert main(["restore", str(other), "--db", str(db_path)]) == 0, capsys.readouterr().err
    assert "readonly" not in capsys.readouterr().err
    journal = Journal.open(db_path)
    assert journal.count() == 7
    journal.close()
