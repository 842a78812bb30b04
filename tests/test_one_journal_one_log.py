"""One journal, one lock, one log: hard links, copied data folders, older releases' logs,
and a log another process has open.

Each of these lost days before: an import through a hard link, a stale log trusted
because the identity file was copied with the journal, an older release's log replayed
over a copied-in journal with no copy of it kept, a live log moved aside by a command.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.cli import main
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.storage import wal_guard
from journal.storage.failures import JournalWriteError
from journal.storage.journal import Journal

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links and locks")
ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 6, 30)

CRASH_CHILD = """
import datetime as dt, os, sys
from journal.core.day import DayEntry
from journal.storage.journal import Journal

journal = Journal.open(sys.argv[1])
for n in range(int(sys.argv[2])):
    journal.save_day(DayEntry(date=dt.date(2026, 5, 1) + dt.timedelta(days=n), back_pain=9),
                     today=dt.date(2026, 6, 30))
os._exit(0)  # like a crash: no connection is closed, the -wal stays
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _fill(path: Path, days: int, first: dt.date = dt.date(2026, 1, 1), pain: int = 4) -> None:
    journal = Journal.open(path)
    try:
        journal.import_days(
            [DayEntry(date=first + dt.timedelta(days=n), back_pain=pain) for n in range(days)], today=TODAY, replace=True
        )
    finally:
        journal.close()


def _dates(path: Path) -> dict[dt.date, int]:
    journal = Journal.open(path)
    try:
        return {e.date: e.back_pain for e in journal.days()}
    finally:
        journal.close()


def _crash_after_saving(path: Path, days: int) -> None:
    subprocess.run([sys.executable, "-c", CRASH_CHILD, str(path), str(days)], check=True, env=_env(), timeout=60)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _csv(tmp_path: Path, days: int) -> Path:
    path = tmp_path / "days.csv"
    rows = [f"{(dt.date(2025, 3, 1) + dt.timedelta(days=n)).isoformat()},5" for n in range(days)]
    path.write_text("date,back_pain\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


# --- hard links ---------------------------------------------------------------------------------


@posix_only
def test_a_hard_linked_journal_opens_read_only_and_says_why(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=3)
    os.link(db, tmp_path / "other-name.sqlite3")
    journal = Journal.open(tmp_path / "other-name.sqlite3")
    try:
        assert journal.read_only
        assert journal.read_only_reason is not None and "hard link" in journal.read_only_reason
        with pytest.raises(JournalWriteError, match="more than one name"):
            journal.save_day(DayEntry(date=TODAY, back_pain=2), today=TODAY)
        assert len(journal.days()) == 3  # still readable
    finally:
        journal.close()


@posix_only
def test_an_import_through_a_hard_link_to_an_open_journal_is_refused_not_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=3)
    window = Journal.open(db)  # the window has it open (one name at the time)
    try:
        link = tmp_path / "link.sqlite3"
        os.link(db, link)
        assert main(["import", str(_csv(tmp_path, 10)), "--db", str(link)]) != 0
        out = capsys.readouterr()
        assert "Imported" not in out.out
        assert "more than one name" in out.err
        window.save_day(DayEntry(date=TODAY, back_pain=6), today=TODAY)
    finally:
        window.close()
    link.unlink()
    assert len(_dates(db)) == 4


# --- a stale log never wins silently ------------------------------------------------------------


@posix_only
def test_a_copied_data_folder_with_its_identity_file_keeps_the_copied_journal(tmp_path: Path) -> None:
    here = tmp_path / "new-computer" / "journal.sqlite3"
    here.parent.mkdir()
    _fill(here, days=5)
    _crash_after_saving(here, 20)  # a stale log on the new computer
    assert _wal(here).stat().st_size > 0
    there = tmp_path / "old-computer" / "journal.sqlite3"
    there.parent.mkdir()
    _fill(there, days=12, first=dt.date(2025, 1, 1), pain=2)  # closed cleanly: its record expects no log
    for suffix in ("", ".identity"):  # copying the whole folder copies the identity file too
        shutil.copyfile(there.with_name(there.name + suffix), here.with_name(here.name + suffix))
    copied = here.read_bytes()

    try:
        journal = Journal.open(here)
    except UserError:
        journal = None  # the stale log may make a mix SQLite refuses: the copy below is what counts
    if journal is not None:
        assert journal.notices and "kept in" in journal.notices[0]
        journal.close()
    kept = list((here.parent / "backups").glob("journal-*-before-replay.sqlite3"))
    assert [p.read_bytes() for p in kept] == [copied]  # the newer journal, exactly as copied in
    assert _dates(kept[0]) == {dt.date(2025, 1, 1) + dt.timedelta(days=n): 2 for n in range(12)}


@posix_only
def test_a_crash_log_copied_with_its_folder_over_another_crash_log_is_set_aside(tmp_path: Path) -> None:
    there = tmp_path / "old-computer" / "journal.sqlite3"
    there.parent.mkdir()
    _fill(there, days=12, first=dt.date(2025, 1, 1), pain=2)
    _crash_after_saving(there, 3)  # its record now names its own log
    here = tmp_path / "new-computer" / "journal.sqlite3"
    here.parent.mkdir()
    _fill(here, days=5)
    _crash_after_saving(here, 20)
    stale = _wal(here).read_bytes()
    for suffix in ("", ".identity"):  # the folder copied without its log
        shutil.copyfile(there.with_name(there.name + suffix), here.with_name(here.name + suffix))

    journal = Journal.open(here)
    try:
        assert len(journal.days()) == 12
        assert journal.notices and "did not belong" in journal.notices[0]
    finally:
        journal.close()
    assert [p.read_bytes() for p in (here.parent / "backups").glob("*leftover*")] == [stale]


@posix_only
def test_a_log_of_an_older_release_is_replayed_only_after_the_journal_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=5)
    _crash_after_saving(db, 20)
    wal_guard.identity_path(db).unlink()  # an older release kept no record
    before = db.read_bytes()

    journal = Journal.open(db)
    try:
        assert len(journal.days()) == 25  # a real crash's log is still replayed
        assert journal.notices and "kept in" in journal.notices[0]
    finally:
        journal.close()
    kept = list((tmp_path / "backups").glob("journal-*-before-replay.sqlite3"))
    assert [p.read_bytes() for p in kept] == [before]  # the main file exactly as it was, before any replay
    assert len(_dates(kept[0])) == 5


@posix_only
def test_a_record_of_an_older_release_keeps_a_copy_before_its_log_is_replayed(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=5)
    _crash_after_saving(db, 20)
    record = json.loads(wal_guard.identity_path(db).read_text(encoding="utf-8"))
    old_style = {key: record[key] for key in ("settled", "size", "checksum", "stat")}
    wal_guard.identity_path(db).write_text(json.dumps(old_style), encoding="utf-8")
    assert len(_dates(db)) == 25
    assert len(list((tmp_path / "backups").glob("*-before-replay.sqlite3"))) == 1


@posix_only
def test_the_log_of_a_crash_in_this_release_is_replayed_without_a_copy(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=5)
    _crash_after_saving(db, 20)
    journal = Journal.open(db)
    try:
        assert len(journal.days()) == 25 and journal.notices == []
    finally:
        journal.close()
    assert not (tmp_path / "backups").exists() or not list((tmp_path / "backups").iterdir())


# --- a live log is never judged -----------------------------------------------------------------


HOLDER = textwrap.dedent("""
    import datetime as dt, sys
    from journal.core.day import DayEntry
    from journal.storage.journal import Journal

    journal = Journal.open(sys.argv[1])
    for n in range(10):
        journal.save_day(DayEntry(date=dt.date(2026, 5, 1) + dt.timedelta(days=n), back_pain=7),
                         today=dt.date(2026, 6, 30))
    print("saved", flush=True)
    sys.stdin.readline()
    journal.close()
""")


@posix_only
def test_a_log_another_process_has_open_is_never_set_aside_even_when_it_looks_foreign(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=2)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env()
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "saved"
        # The race the guard lost before: a record that, read mid-change, condemns the live log.
        wal_guard.identity_path(db).write_text(json.dumps({"settled": True, "size": 1, "checksum": "0", "v": 2}))
        assert not wal_guard.belongs(db)
        assert wal_guard.set_aside_foreign_wal(db) is None
        assert main(["summary", "--db", str(db)]) == 0
        assert _wal(db).exists() and not (tmp_path / "backups").exists()
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=60)
    assert len(_dates(db)) == 12


def test_a_new_journal_in_a_new_folder_is_guarded_and_recorded_from_the_start(tmp_path: Path) -> None:
    db = tmp_path / "new" / "folder" / "journal.sqlite3"
    journal = Journal.open(db)
    try:
        journal.save_day(DayEntry(date=TODAY, back_pain=2), today=TODAY)
    finally:
        journal.close()
    assert wal_guard.guard_path(db).exists()
    record = json.loads(wal_guard.identity_path(db).read_text(encoding="utf-8"))
    assert record["settled"] is True and record["v"] == 2
