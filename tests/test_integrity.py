"""Damaged or foreign files are refused without a single byte changing; a damaged
journal can be set aside and the newest good backup restored."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from journal.cli import main
from journal.core.day import ActivityMinutes, DayEntry
from journal.storage.backup import backup_now, list_backups, quarantine_and_restore_newest
from journal.storage.integrity import DamagedDatabaseError, NotAJournalError, check_file
from journal.storage.journal import Journal

TODAY = dt.date(2026, 6, 30)


def _entry(n: int) -> DayEntry:
    return DayEntry(
        date=TODAY - dt.timedelta(days=n),
        back_pain=n % 11,
        leg_pain=(n * 3) % 11,
        sleep_hours=6.5,
        activities=(ActivityMinutes("walking", 20 + n % 40),),
        triggers=("stress", "lifting"),
        symptoms=("stiffness",),
        medications=("ibuprofen 200 mg",),
        notes=f"Day {n}: " + "a fairly long note about how the back felt today. " * 4,
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed journal with 300 days (about 40 pages), created once."""
    path = tmp_path_factory.mktemp("template") / "journal.sqlite3"
    journal = Journal.open(path)
    journal.import_days([_entry(n) for n in range(300)], today=TODAY)
    journal.close()
    return path


@pytest.fixture
def healthy(template: Path, db_path: Path) -> Path:
    shutil.copyfile(template, db_path)
    return db_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 1234])


def _garble(path: Path) -> None:
    """Overwrite 6 KB in the middle of the file's pages, starting a few KB in."""
    with open(path, "r+b") as stream:
        stream.seek(3 * 4096 + 1500)
        stream.write(bytes((n * 131 + 7) % 256 for n in range(6000)))


def _foreign(path: Path) -> None:
    path.unlink()
    connection = sqlite3.connect(path)
    connection.executescript("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
    connection.close()


def _text(path: Path) -> None:
    path.write_text("date,back_pain\n2026-01-01,5\n", encoding="utf-8")


@pytest.mark.parametrize(
    "spoil, error",
    [
        (_truncate, DamagedDatabaseError),
        (_garble, DamagedDatabaseError),
        (_foreign, NotAJournalError),
        (_text, DamagedDatabaseError),
    ],
    ids=["truncated", "garbage-in-pages", "other-sqlite-file", "text-file"],
)
def test_bad_files_are_refused_unchanged(
    healthy: Path, spoil: Callable[[Path], None], error: type[Exception], capsys: pytest.CaptureFixture[str]
) -> None:
    spoil(healthy)
    before = _snapshot(healthy.parent)
    with pytest.raises(error) as raised:
        Journal.open(healthy)
    assert isinstance(raised.value, DamagedDatabaseError)
    assert "not changed" in str(raised.value)
    assert main(["export", str(healthy.parent / "out.csv"), "--db", str(healthy)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("pain-journal: ") and "\n" not in err
    assert main(["import", str(healthy.parent / "in.csv"), "--db", str(healthy)]) == 2
    assert _snapshot(healthy.parent) == before


def test_a_healthy_file_passes_both_checks(healthy: Path) -> None:
    assert check_file(healthy) == check_file(healthy, full=True) >= 2


def test_quarantine_and_restore_newest(healthy: Path) -> None:
    folder = healthy.parent / "backups"
    folder.mkdir(mode=0o700)
    older = backup_now(healthy, folder / "journal-2026-06-01T09-00-00.sqlite3")
    journal = Journal.open(healthy)
    journal.save_day(DayEntry(date=TODAY, back_pain=3, notes="newest"), today=TODAY)
    journal.close()
    newer = backup_now(healthy, folder / "journal-2026-06-02T09-00-00.sqlite3")
    # the newest copy is itself damaged
    broken = backup_now(healthy, folder / "journal-2026-06-03T09-00-00-before-restore.sqlite3")
    _garble(broken)
    _garble(healthy)
    damaged = healthy.read_bytes()

    assert quarantine_and_restore_newest(healthy) == newer
    aside = [p for p in healthy.parent.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    journal = Journal.open(healthy)
    try:
        assert journal.day(TODAY).notes == "newest"
        assert journal.count() == 300
    finally:
        journal.close()
    assert older.exists() and newer.exists()


def test_quarantine_without_a_good_backup_changes_nothing(healthy: Path) -> None:
    _garble(healthy)
    before = _snapshot(healthy.parent)
    assert list_backups(healthy) == []
    assert quarantine_and_restore_newest(healthy) is None
    assert _snapshot(healthy.parent) == before


def test_quick_check_is_fast_on_ten_years(tmp_path: Path) -> None:
    """Start-up's check on 3,650 days: measured and reported, bounded generously."""
    path = tmp_path / "ten-years.sqlite3"
    today = dt.date(2026, 1, 1)
    journal = Journal.open(path)
    journal.import_days(
        [
            DayEntry(
                date=today - dt.timedelta(days=n),
                back_pain=n % 11,
                leg_pain=n % 7,
                sleep_hours=7.0,
                sleep_quality=6,
                stress=4,
                interference_enjoyment=3,
                interference_activity=4,
                activities=(ActivityMinutes("walking", 30),),
                triggers=("stress",),
                symptoms=("stiffness",),
                medications=("ibuprofen",),
                notes="Stiff in the morning, better after a walk.",
            )
            for n in range(3650)
        ],
        today=today,
    )
    journal.close()
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        check_file(path)
        timings.append(time.perf_counter() - start)
    start = time.perf_counter()
    backup_now(path)
    backup_seconds = time.perf_counter() - start
    print(
        f"\nquick_check on 3650 days ({path.stat().st_size // 1024} KB): "
        f"{min(timings) * 1000:.1f} ms; backup: {backup_seconds * 1000:.0f} ms"
    )
    assert min(timings) < 0.25
