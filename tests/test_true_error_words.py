"""Errors that name the real cause.

Before: a full disk at start-up was called a damaged journal (and the window then
offered to restore an older backup); text that is not UTF-8 inside the file gave
a traceback or "the disk could not be written (it may be full)" for every read and
backup; a dangling link as ``--db`` said "No journal"/"disk may be full"; a folder
as ``--db`` said "No journal"; ``--to 9999-12-31`` complained about a start date;
two commands upgrading an old journal at once gave an unclear error; a killed
write in rollback mode (a restore) left a file then called damaged.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.cli import main
from journal.core.day import DayEntry
from journal.storage import schema
from journal.storage.journal import Journal

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX limits and links")
ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
TODAY = dt.date(2027, 6, 30)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _fill(path: Path, days: int = 5, note: str = "sat too long") -> Path:
    journal = Journal.open(path)
    try:
        journal.import_days(
            [DayEntry(date=dt.date(2026, 1, 1) + dt.timedelta(days=n), back_pain=4, notes=note) for n in range(days)],
            today=TODAY,
        )
    finally:
        journal.close()
    return path


CRASH_CHILD = """
import datetime as dt, os, sys
from journal.core.day import DayEntry
from journal.storage.journal import Journal

journal = Journal.open(sys.argv[1])
for n in range(20):
    journal.save_day(DayEntry(date=dt.date(2026, 5, 1) + dt.timedelta(days=n), back_pain=9, notes="y" * 3000),
                     today=dt.date(2026, 6, 30))
os._exit(0)
"""

LIMITED = textwrap.dedent("""
    import resource, signal, sys
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    from journal.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@posix_only
def test_a_full_disk_at_start_up_says_the_disk_is_full_not_damaged(tmp_path: Path) -> None:
    db = _fill(tmp_path / "journal.sqlite3", days=40, note="x" * 2000)
    subprocess.run([sys.executable, "-c", CRASH_CHILD, str(db)], check=True, env=_env(), timeout=60)
    db.with_name(db.name + "-shm").unlink(missing_ok=True)  # SQLite must write an index to read the log
    result = subprocess.run(
        [sys.executable, "-c", LIMITED, "summary", "--db", str(db)], capture_output=True, text=True, env=_env(), timeout=60
    )
    assert result.returncode == 2
    assert "the disk is full" in result.stderr
    assert "damaged" not in result.stderr and "Traceback" not in result.stderr


def test_a_full_disk_is_not_damage_for_the_window_either(tmp_path: Path) -> None:
    from journal.storage.failures import DiskFullError, not_damage

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorcode = 13
    assert isinstance(not_damage(full, tmp_path / "j.sqlite3"), DiskFullError)
    corrupt = sqlite3.DatabaseError("database disk image is malformed")
    corrupt.sqlite_errorcode = 11
    assert not_damage(corrupt, tmp_path / "j.sqlite3") is None


def _spoil_text(db: Path) -> None:
    """Put bytes that are not UTF-8 into one day's notes, as another program might."""
    connection = sqlite3.connect(db)
    connection.execute("UPDATE day SET notes = CAST(X'4261636B20FF20686F7274' AS TEXT) WHERE date = '2026-01-03'")
    connection.commit()
    connection.close()


def test_text_that_is_not_utf8_is_read_with_replacement_and_backups_still_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _fill(tmp_path / "journal.sqlite3")
    _spoil_text(db)
    journal = Journal.open(db)
    try:
        notes = {e.date: e.notes for e in journal.days()}
    finally:
        journal.close()
    assert notes[dt.date(2026, 1, 3)] == "Back \ufffd hort"
    assert notes[dt.date(2026, 1, 2)] == "sat too long"
    assert main(["summary", "--db", str(db), "--from", "2026-01-01", "--to", "2026-01-05"]) == 0
    assert main(["export", str(tmp_path / "out.csv"), "--db", str(db)]) == 0
    assert main(["backup", str(tmp_path / "copy.sqlite3"), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "disk" not in err and "Traceback" not in err
    assert "some text on 3 Jan 2026 is not readable as text" in err  # the day is named
    assert (tmp_path / "copy.sqlite3").read_bytes().count(b"Back \xff hort") == 1  # the bytes kept as they were


@posix_only
def test_a_dangling_link_as_db_says_what_it_points_to(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = tmp_path / "journal.sqlite3"
    os.symlink(tmp_path / "usb" / "journal.sqlite3", link)
    for args in (["summary"], ["export", str(tmp_path / "o.csv")], ["backup", str(tmp_path / "b.sqlite3")]):
        assert main([*args, "--db", str(link)]) == 2
        err = capsys.readouterr().err
        assert "is a link to" in err and "which does not exist" in err, err
        assert "full" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.sqlite3"]


def test_a_folder_as_db_says_it_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "days.csv"
    csv.write_text("date,back_pain\n2026-01-01,3\n", encoding="utf-8")
    folder = tmp_path / "journals"
    folder.mkdir()
    for args in (["summary"], ["import", str(csv)], ["backup", str(tmp_path / "b.sqlite3")]):
        assert main([*args, "--db", str(folder)]) == 2
        err = capsys.readouterr().err
        assert "is a folder, not a journal file" in err, err
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob("journals.*"))


def test_an_end_date_in_the_future_names_the_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _fill(tmp_path / "journal.sqlite3")
    assert main(["summary", "--db", str(db), "--to", "9999-12-31"]) == 2
    err = capsys.readouterr().err
    assert "cannot end on 9999-12-31" in err and "start" not in err


UPGRADER = """
import sys
from journal.storage.journal import Journal
journal = Journal.open(sys.argv[1])
print(len(journal.days()))
journal.close()
"""


@posix_only
@pytest.mark.slow
def test_two_commands_upgrading_an_old_journal_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    shutil.copyfile(DATA / "journal_v1.sqlite3", db)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", UPGRADER, str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
        )
        for _ in range(3)
    ]
    results = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0, 0], [err for _, err in results]
    assert len({out for out, _ in results}) == 1  # each saw the same days
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
    connection.close()
    assert len(list((tmp_path / "backups").glob("*-before-v*.sqlite3"))) == 1  # one upgrade, one copy


ROLLBACK_RESTORE = """
import os, sqlite3, sys
source = sqlite3.connect(sys.argv[2])
target = sqlite3.connect(sys.argv[1], isolation_level=None)
target.execute("PRAGMA journal_mode = DELETE")  # how a restore copies between page sizes
target.execute("PRAGMA cache_size = 1")  # pages go to the file before the end


def killed(status, remaining, total):
    if remaining < total // 2:
        os._exit(0)  # killed halfway: the -journal is hot, the file half old and half new


source.backup(target, pages=4, progress=killed)
"""


@posix_only
def test_a_restore_killed_in_rollback_mode_is_rolled_back_not_called_damaged(tmp_path: Path) -> None:
    db = _fill(tmp_path / "journal.sqlite3", days=200, note="z" * 1500)
    other = _fill(tmp_path / "backup.sqlite3", days=300, note="w" * 900)
    subprocess.run([sys.executable, "-c", ROLLBACK_RESTORE, str(db), str(other)], check=True, env=_env(), timeout=60)
    assert db.with_name(db.name + "-journal").stat().st_size > 0
    journal = Journal.open(db)
    try:
        days = journal.days()
    finally:
        journal.close()
    assert len(days) == 200 and all(e.notes == "z" * 1500 for e in days)
