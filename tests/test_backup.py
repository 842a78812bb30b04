"""Backups: consistent copies, skipped when nothing changed, thinned, listed and restored."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.cli import main
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.storage import schema
from journal.storage.backup import (
    BackupInfo,
    backup_if_changed,
    backup_now,
    keep_backups,
    list_backups,
    restore_backup,
    thin_backups,
)
from journal.storage.integrity import DamagedDatabaseError, NotAJournalError, TooNewError, open_readonly
from journal.storage.journal import Journal

TODAY = dt.date(2026, 6, 30)
NAME = re.compile(r"^journal-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d(-\d+)?(-[a-z0-9-]+)?\.sqlite3$")


def _day(n: int, pain: int = 4) -> DayEntry:
    return DayEntry(
        date=TODAY - dt.timedelta(days=n),
        back_pain=pain,
        leg_pain=2,
        sleep_hours=7.5,
        triggers=("stress",),
        medications=("ibuprofen",),
        notes=f"day {n} — заметка",
    )


@pytest.fixture
def filled(db_path: Path) -> Path:
    journal = Journal.open(db_path)
    journal.import_days([_day(n) for n in range(1, 11)], today=TODAY)
    journal.close()
    return db_path


def _days(path: Path) -> list[DayEntry]:
    journal = Journal.open(path)
    try:
        return journal.days()
    finally:
        journal.close()


def _check(path: Path) -> str:
    connection = open_readonly(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


# --- thinning (pure) -------------------------------------------------------------


def _at(day: dt.date, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def test_keep_nothing_from_nothing() -> None:
    assert keep_backups([]) == set()


def test_keep_one_a_day_for_a_year() -> None:
    start = dt.date(2026, 1, 1)
    stamps = [_at(start + dt.timedelta(days=n)) for n in range(365)]  # to Thu 2026-12-31
    kept = {stamp.date() for stamp in keep_backups(stamps)}
    daily = {dt.date(2026, 12, d) for d in range(25, 32)}
    weekly = {dt.date(2026, 12, 31), dt.date(2026, 12, 27), dt.date(2026, 12, 20), dt.date(2026, 12, 13)}
    month_ends = {dt.date(2026, m, 1) + dt.timedelta(days=-1) for m in range(2, 13)} | {dt.date(2026, 12, 31)}
    assert kept == daily | weekly | month_ends
    assert len(kept) == 20


def test_keep_the_newest_of_each_day() -> None:
    day = dt.date(2026, 5, 5)
    stamps = [_at(day, h) for h in (8, 12, 20)] + [_at(day - dt.timedelta(days=1), h) for h in (9, 23)]
    assert keep_backups(stamps) == {_at(day, 20), _at(day - dt.timedelta(days=1), 23)}


def test_old_sparse_backups_are_all_kept() -> None:
    stamps = [_at(dt.date(2020, 1, 1)), _at(dt.date(2021, 6, 1)), _at(dt.date(2023, 3, 3))]
    assert keep_backups(stamps) == set(stamps)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2027, 1, 1)),
        max_size=300,
    )
)
def test_thinning_properties(stamps: list[dt.datetime]) -> None:
    kept = keep_backups(stamps)
    assert kept <= set(stamps)
    assert len(kept) <= 1 + 7 + 4 + 12
    if stamps:
        assert max(stamps) in kept
    assert keep_backups(kept) == kept  # thinning twice changes nothing
    for stamp in kept:  # only the newest of a day is ever kept
        assert stamp == max(s for s in stamps if s.date() == stamp.date())


# --- taking backups ---------------------------------------------------------------------


def test_backup_now_writes_a_private_self_contained_copy(filled: Path) -> None:
    copy = backup_now(filled)
    assert copy.parent == filled.parent / "backups"
    assert NAME.match(copy.name)
    assert not copy.with_name(copy.name + "-wal").exists()
    assert copy.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, one file
    assert _check(copy) == "ok"
    if os.name == "posix":
        assert copy.stat().st_mode & 0o777 == 0o600
        assert copy.parent.stat().st_mode & 0o777 == 0o700
    assert _days(copy) == _days(filled)
    assert [p.name for p in copy.parent.iterdir() if p.name.endswith(".part")] == []


def test_backup_now_to_a_chosen_file(filled: Path, tmp_path: Path) -> None:
    dest = tmp_path / "usb" / "copy.sqlite3"
    dest.parent.mkdir()
    assert backup_now(filled, dest) == dest
    assert _days(dest) == _days(filled)
    with pytest.raises(UserError, match="already exists"):
        backup_now(filled, dest)
    with pytest.raises(UserError, match="does not exist"):
        backup_now(filled, tmp_path / "nowhere" / "copy.sqlite3")
    with pytest.raises(UserError, match="No journal"):
        backup_now(tmp_path / "missing.sqlite3")


def test_backup_if_changed_skips_an_unchanged_journal(filled: Path) -> None:
    first = backup_if_changed(filled)
    assert first is not None
    assert backup_if_changed(filled) is None
    journal = Journal.open(filled)
    try:
        journal.set_setting("patient_name", "A. Patient")
    finally:
        journal.close()
    second = backup_if_changed(filled)
    assert second is not None and second != first
    assert backup_if_changed(filled) is None
    journal = Journal.open(filled)
    try:
        journal.delete_day(TODAY - dt.timedelta(days=3))
    finally:
        journal.close()
    assert backup_if_changed(filled) is not None
    assert len(list_backups(filled)) == 1  # same-day copies were thinned to the newest
    for info in list_backups(filled):  # the reference copy is gone: back up again
        info.path.unlink()
    assert backup_if_changed(filled) is not None


def test_backup_if_changed_sees_a_save_while_the_journal_is_open(filled: Path) -> None:
    journal = Journal.open(filled)
    try:
        assert backup_if_changed(filled) is not None
        journal.save_day(_day(1, pain=9), today=TODAY)
        made = backup_if_changed(filled)
        assert made is not None
        assert _days(made)[-1].back_pain == 9
    finally:
        journal.close()


def test_thin_backups_keeps_the_schedule_and_tagged_copies(filled: Path) -> None:
    template = backup_now(filled)
    folder = template.parent
    start = dt.datetime(2025, 1, 1, 9)
    for n in range(400):
        stamp = (start + dt.timedelta(days=n)).strftime("%Y-%m-%dT%H-%M-%S")
        os.link(template, folder / f"journal-{stamp}.sqlite3")
    for n in range(12):
        os.link(template, folder / f"journal-2024-01-{n + 1:02d}T10-00-00-before-v2.sqlite3")
    for n in range(15):
        os.link(template, folder / f"journal-2024-02-{n + 1:02d}T10-00-00-manual.sqlite3")
        os.link(template, folder / f"journal-2024-03-{n + 1:02d}T10-00-00-before-restore.sqlite3")
    (folder / "other-2025-01-01T00-00-00.sqlite3").write_bytes(b"another journal's copy")
    template.unlink()
    removed = thin_backups(filled)
    left = list_backups(filled)
    routine = [b for b in left if not b.reason]
    tagged = [b for b in left if b.reason]
    assert 18 <= len(routine) <= 23
    assert len(tagged) == 12 + 15 + 15  # the patient's, pre-restore and pre-upgrade copies: all kept
    assert len(removed) == 400 + 12 + 30 - len(left)
    assert (folder / "other-2025-01-01T00-00-00.sqlite3").exists()
    assert thin_backups(filled) == []


def test_thin_backups_removes_only_stale_half_written_copies(filled: Path) -> None:
    copy = backup_now(filled)
    stale = copy.parent / f".{copy.name}.abc123.part"
    fresh = copy.parent / f".{copy.name}.def456.part"
    stale.write_bytes(b"half")
    fresh.write_bytes(b"in progress")
    hours_ago = dt.datetime.now().timestamp() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    assert thin_backups(filled) == [stale]
    assert fresh.exists() and copy.exists()


def test_list_backups_reads_counts_and_dates(filled: Path) -> None:
    backup_now(filled)
    journal = Journal.open(filled)
    try:
        journal.save_day(DayEntry(date=TODAY, back_pain=1), today=TODAY)
    finally:
        journal.close()
    newest = backup_now(filled, reason="before-restore")
    (newest.parent / "journal-2020-01-01T00-00-00.sqlite3").write_bytes(b"not a database at all" * 100)
    infos = list_backups(filled)
    assert [i.path for i in infos][0] == newest
    assert isinstance(infos[0], BackupInfo)
    assert infos[0].entry_count == 11 and infos[0].last_date == TODAY and infos[0].reason == "before-restore"
    assert infos[1].entry_count == 10 and infos[1].first_date == TODAY - dt.timedelta(days=10)
    assert infos[-1].entry_count is None and infos[-1].problem


def test_a_damaged_journal_is_not_backed_up(filled: Path) -> None:
    _corrupt(filled)
    with pytest.raises(DamagedDatabaseError):
        backup_if_changed(filled)
    assert list_backups(filled) == []


# --- restoring --------------------------------------------------------------------------


def test_restore_brings_back_the_copy_and_keeps_the_current_state(filled: Path) -> None:
    copy = backup_now(filled)
    original = _days(filled)
    journal = Journal.open(filled)
    try:
        journal.save_day(DayEntry(date=TODAY, back_pain=10, notes="after the backup"), today=TODAY)
    finally:
        journal.close()
    changed = _days(filled)
    saved = restore_backup(filled, copy)
    assert _days(filled) == original
    assert saved is not None and "before-restore" in saved.name
    assert _days(saved) == changed
    assert _check(filled) == "ok"
    assert not any(p.name.startswith(".") for p in filled.parent.iterdir())


def test_restore_into_an_open_journal_is_seen_by_its_next_read(filled: Path) -> None:
    copy = backup_now(filled)
    journal = Journal.open(filled)
    try:
        journal.save_day(DayEntry(date=TODAY, back_pain=10), today=TODAY)
        journal.engine.dispose()  # the window closes its connections before restoring
        restore_backup(filled, copy)
        assert journal.count() == 10
    finally:
        journal.close()


def test_restore_into_a_missing_journal_creates_it(filled: Path, tmp_path: Path) -> None:
    copy = backup_now(filled, tmp_path / "copy.sqlite3")
    target = tmp_path / "new" / "journal.sqlite3"
    assert restore_backup(target, copy) is None
    assert _days(target) == _days(filled)
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_restore_an_older_version_upgrades_on_next_open(db_path: Path) -> None:
    from tests.make_old_databases import V1_DAYS, V1_PATH

    Journal.open(db_path).close()
    restore_backup(db_path, V1_PATH)
    assert _days(db_path) == list(V1_DAYS)
    connection = open_readonly(db_path)
    assert schema.read_version(connection)[1] == schema.latest_version()
    connection.close()


def _corrupt(path: Path, offset: int = 4096 + 1000, size: int = 6000) -> None:
    with open(path, "r+b") as stream:
        stream.seek(offset)
        stream.write(bytes((n * 97 + 13) % 256 for n in range(size)))


def test_restore_refuses_bad_backups_and_changes_nothing(filled: Path, tmp_path: Path) -> None:
    damaged = backup_now(filled, tmp_path / "damaged.sqlite3")
    _corrupt(damaged)
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).executescript("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
    newer = backup_now(filled, tmp_path / "newer.sqlite3")
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {schema.latest_version() + 1}")
    connection.close()
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    data = filled.read_bytes()
    for bad, error in (
        (damaged, DamagedDatabaseError),
        (other, NotAJournalError),
        (newer, TooNewError),
        (text, DamagedDatabaseError),
        (tmp_path / "missing.sqlite3", UserError),
        (filled, UserError),
    ):
        with pytest.raises(error):
            restore_backup(filled, bad)
        assert filled.read_bytes() == data
    assert list_backups(filled) == []


def test_restore_over_a_damaged_journal_keeps_it_aside(filled: Path, tmp_path: Path) -> None:
    copy = backup_now(filled, tmp_path / "copy.sqlite3")
    _corrupt(filled)
    damaged = filled.read_bytes()
    saved = restore_backup(filled, copy)
    assert saved is not None and ".damaged-" in saved.name
    assert saved.read_bytes() == damaged
    assert _days(filled) == _days(copy)


# --- command line -----------------------------------------------------------------------


def test_cli_backup_and_restore(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "copy.sqlite3"
    assert main(["backup", str(dest), "--db", str(filled)]) == 0
    assert "10 days" in capsys.readouterr().out
    assert main(["backup", str(dest), "--db", str(filled)]) == 2
    err = capsys.readouterr().err.strip()
    assert "already exists" in err and "\n" not in err
    journal = Journal.open(filled)
    journal.delete_day(TODAY - dt.timedelta(days=1))
    journal.close()
    assert main(["--db", str(filled), "restore", str(dest)]) == 0
    out = capsys.readouterr().out
    assert "Restored 10 days" in out and "before-restore" in out
    assert len(_days(filled)) == 10


def test_cli_restore_errors_exit_2_and_change_nothing(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = filled.read_bytes()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    for argv in (
        ["restore", str(tmp_path / "missing.sqlite3"), "--db", str(filled)],
        ["restore", str(bad), "--db", str(filled)],
        ["backup", str(tmp_path / "x.sqlite3"), "--db", str(tmp_path / "none.sqlite3")],
    ):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("pain-journal: ") and "\n" not in err
    assert filled.read_bytes() == data
