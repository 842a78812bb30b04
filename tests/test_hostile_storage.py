"""Adversarial storage cases: full disks, locks, stale logs, read-only files, hostile paths.

Each test here failed before its fix. A full disk is a real one for the
process: a child runs the command with a small ``RLIMIT_FSIZE`` (SIGXFSZ
ignored, so writes fail with EFBIG like a full disk), or SQLite's own
``max_page_count`` makes the journal "full". Locks are a second connection
holding ``BEGIN EXCLUSIVE``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from journal.cli import main
from journal.core.day import DayEntry
from journal.core.error_report import scrubbed_report
from journal.formats.csv_io import export_csv_file
from journal.storage import wal_guard
from journal.storage.backup import backup_if_changed, backup_now, list_backups, restore_backup
from journal.storage.failures import JournalWriteError
from journal.storage.journal import Journal
from journal.storage.single_instance import JournalInUseError, acquire_journal_lock

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions, links and limits")
ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 6, 30)
SECRET = "Sciatica after the hospital visit, took tramadol"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _fill(path: Path, days: int = 30, first: dt.date = dt.date(2026, 1, 1), pain: int = 4) -> None:
    journal = Journal.open(path)
    try:
        journal.import_days(
            [DayEntry(date=first + dt.timedelta(days=n), back_pain=pain, notes=f"{SECRET} {n}") for n in range(days)],
            today=TODAY,
            replace=True,
        )
    finally:
        journal.close()


def _dates(path: Path) -> dict[dt.date, int]:
    journal = Journal.open(path)
    try:
        return {e.date: e.back_pain for e in journal.days()}
    finally:
        journal.close()


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _run_limited(args: list[str], limit_bytes: int, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in a child whose files cannot grow past ``limit_bytes``."""
    code = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit_bytes}, {limit_bytes}))
        from journal.cli import main
        sys.exit(main(sys.argv[1:]))
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def _limit_pages(journal: Journal, pages: int) -> None:
    """Make SQLite report "database or disk is full" once the file would pass ``pages`` pages."""
    journal.engine.dispose()
    event.listen(journal.engine, "connect", lambda connection, _record: connection.execute(f"PRAGMA max_page_count = {pages}"))


# --- 1. a failed save -------------------------------------------------------------------------


def test_a_save_on_a_full_disk_raises_a_plain_error_without_the_entry(db_path: Path) -> None:
    journal = Journal.open(db_path)
    try:
        pages = sqlite3.connect(db_path).execute("PRAGMA page_count").fetchone()[0]
        _limit_pages(journal, pages)
        big = DayEntry(date=TODAY, back_pain=6, notes=SECRET + " " + "x" * 19_000)  # needs new pages
        with pytest.raises(JournalWriteError) as caught:
            journal.save_day(big, today=TODAY)
        assert caught.value.reason == "full"
        printed = "".join(traceback.format_exception(caught.value))
        assert SECRET not in printed and "tramadol" not in printed and "INSERT" not in printed
        assert journal.day(TODAY) is None
    finally:
        journal.close()


def test_a_save_while_another_program_locks_the_journal_says_so(db_path: Path) -> None:
    journal = Journal.open(db_path)
    journal.engine.dispose()
    event.listen(journal.engine, "connect", lambda connection, _record: connection.execute("PRAGMA busy_timeout = 200"))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(JournalWriteError) as caught:
            journal.save_day(DayEntry(date=TODAY, back_pain=5, notes=SECRET), today=TODAY)
        assert caught.value.reason == "locked"
        assert SECRET not in "".join(traceback.format_exception(caught.value))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert journal.save_day(DayEntry(date=TODAY, back_pain=5), today=TODAY).back_pain == 5
    journal.close()


# --- 2. backups the patient made are never thinned ---------------------------------------------


def test_manual_pre_restore_and_pre_upgrade_copies_survive_any_number_of_routine_backups(
    db_path: Path,
) -> None:
    _fill(db_path, days=3)
    folder = db_path.parent / "backups"
    folder.mkdir(mode=0o700)
    template = backup_now(db_path)
    kept = []
    for n in range(14):
        for reason in ("manual", "before-restore", "before-v2"):
            copy = folder / f"journal-2025-0{1 + n % 9}-{n + 1:02d}T10-00-00-{reason}.sqlite3"
            os.link(template, copy)
            kept.append(copy)
    for n in range(5):
        _fill(db_path, days=1, first=dt.date(2026, 3, 1) + dt.timedelta(days=n), pain=n)
        backup_if_changed(db_path)  # routine: backs up and thins
    assert all(copy.exists() for copy in kept)
    assert sum(1 for b in list_backups(db_path) if b.reason) == len(kept)


# --- 3. a leftover -wal of another file -----------------------------------------------------------


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


def _crash_after_saving(path: Path, days: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", CRASH_CHILD, str(path), str(days)], check=True, env=env, timeout=60)


@posix_only
def test_a_journal_copied_over_a_crashed_one_opens_as_copied(db_path: Path, tmp_path: Path) -> None:
    _fill(db_path, days=5)
    _crash_after_saving(db_path, 20)
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0  # the crash left its log
    leftover = wal.read_bytes()
    moved_in = tmp_path / "from-the-old-computer.sqlite3"
    _fill(moved_in, days=12, first=dt.date(2025, 1, 1), pain=2)
    shutil.copyfile(moved_in, db_path)  # the README's "moving" step, over the crashed journal

    assert _dates(db_path) == {dt.date(2025, 1, 1) + dt.timedelta(days=n): 2 for n in range(12)}
    set_aside = list((db_path.parent / "backups").glob("journal-*-leftover.sqlite3-wal"))
    assert [p.read_bytes() for p in set_aside] == [leftover]  # kept, not deleted


@posix_only
def test_the_log_of_a_real_crash_is_replayed(db_path: Path) -> None:
    _fill(db_path, days=5)
    _crash_after_saving(db_path, 20)
    days = _dates(db_path)
    assert len(days) == 25 and days[dt.date(2026, 5, 20)] == 9
    assert not (db_path.parent / "backups").exists() or not list((db_path.parent / "backups").glob("*leftover*"))


def test_a_log_is_trusted_while_its_journal_is_still_open(db_path: Path) -> None:
    journal = Journal.open(db_path)
    try:
        journal.save_day(DayEntry(date=TODAY, back_pain=3), today=TODAY)
        assert wal_guard.belongs(db_path)  # another command may open it meanwhile
        assert wal_guard.set_aside_foreign_wal(db_path) is None
    finally:
        journal.close()


def test_a_crash_during_a_checkpoint_never_makes_the_app_distrust_its_own_log(db_path: Path) -> None:
    journal = Journal.open(db_path)
    for n in range(20):
        journal.save_day(DayEntry(date=dt.date(2026, 5, 1) + dt.timedelta(days=n), back_pain=n % 11), today=TODAY)
    wal_guard.mark_unsettled_if_logged(db_path)  # what closing does before it checkpoints
    other = sqlite3.connect(db_path)
    other.execute("PRAGMA wal_checkpoint(PASSIVE)")  # the main file changes; the log stays
    other.close()
    files = [db_path.with_name(db_path.name + suffix) for suffix in ("", "-wal", ".identity")]
    at_the_crash = {path: path.read_bytes() for path in files}
    journal.close()
    for path, data in at_the_crash.items():
        path.write_bytes(data)
    db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)
    assert len(_dates(db_path)) == 20
    assert not list(db_path.parent.glob("backups/*leftover*"))


# --- 4, 5. restore ------------------------------------------------------------------------------


def test_the_command_line_refuses_an_empty_backup(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(db_path, days=4)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert main(["restore", str(empty), "--db", str(db_path)]) == 2
    assert "empty" in capsys.readouterr().err
    assert len(_dates(db_path)) == 4


def _damage(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    return bytes(data)


def test_a_failed_restore_over_a_damaged_journal_leaves_it_in_place(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(db_path, days=40)
    good = backup_now(db_path)
    damaged = _damage(db_path)
    import errno

    from journal.storage import backup

    def disk_full(_connection: object) -> str:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "content_fingerprint", disk_full)  # fails once the copy is written
    with pytest.raises(Exception, match="disk is full"):
        restore_backup(db_path, good)
    assert db_path.read_bytes() == damaged
    assert not list(db_path.parent.glob("*.damaged-*"))
    assert not list(db_path.parent.glob(".*.part*"))


def test_restoring_over_a_damaged_journal_keeps_it_aside(db_path: Path) -> None:
    _fill(db_path, days=40)
    good = backup_now(db_path)
    damaged = _damage(db_path)
    kept = restore_backup(db_path, good)
    assert kept is not None and kept.read_bytes() == damaged
    assert len(_dates(db_path)) == 40


RESTORE_CHILD = """
import sys
from journal.storage.backup import restore_backup
print("ready", flush=True)
restore_backup(sys.argv[1], sys.argv[2])
print("done", flush=True)
"""


@posix_only
@pytest.mark.parametrize("delay_ms", [5, 25, 60, 120])
def test_a_crash_mid_restore_over_a_damaged_journal_never_leaves_no_journal(tmp_path: Path, delay_ms: int) -> None:
    import signal
    import time

    db = tmp_path / "journal.sqlite3"
    _fill(db, days=2000, first=dt.date(2015, 1, 1))
    good = backup_now(db)
    _damage(db)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", RESTORE_CHILD, str(db), str(good)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    time.sleep(delay_ms / 1000)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert db.exists() and db.stat().st_size > 0


# --- 6. exports never replace the journal --------------------------------------------------------


@pytest.mark.parametrize("target", ["journal.csv", "backups/out.csv", "backups/../journal.csv"])
def test_an_export_never_writes_over_the_journal_or_its_files(
    tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "journal.csv"  # a journal with a confusing name
    _fill(db, days=3)
    (tmp_path / "backups").mkdir(exist_ok=True)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert main(["export", str(tmp_path / target), "--db", str(db)]) == 2
    assert "Nothing was written" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in before} == before
    assert len(_dates(db)) == 3


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal", ".lock", ".guard", ".identity", ".damaged-2026"])
def test_no_export_may_take_the_name_of_a_journal_side_file(db_path: Path, suffix: str) -> None:
    from journal.core.errors import UserError
    from journal.storage.protected import refuse_journal_files

    with pytest.raises(UserError, match="Nothing was written"):
        refuse_journal_files(db_path.with_name(db_path.name + suffix), db_path)
    refuse_journal_files(db_path.with_name("journal-export.csv"), db_path)  # a neighbour is fine


# --- 7. read-only journals ---------------------------------------------------------------------------


@posix_only
def test_a_read_only_journal_opens_read_only_and_is_never_changed(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "journal.sqlite3"
    _fill(db, days=6)
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    try:
        before = {p.name: (p.read_bytes(), _mode(p)) for p in folder.iterdir()}
        journal = Journal.open(db)
        try:
            assert journal.read_only
            assert len(journal.days()) == 6
            with pytest.raises(JournalWriteError) as caught:
                journal.save_day(DayEntry(date=TODAY, back_pain=1), today=TODAY)
            assert caught.value.reason == "read-only"
        finally:
            journal.close()
        out = tmp_path / "out.csv"
        assert main(["export", str(out), "--db", str(db)]) == 0
        assert main(["summary", "--db", str(db), "--from", "2026-01-01", "--to", "2026-01-06"]) == 0
        assert {p.name: (p.read_bytes(), _mode(p)) for p in folder.iterdir()} == before
        assert _mode(folder) == 0o555
    finally:
        os.chmod(folder, 0o755)


@posix_only
def test_restoring_into_a_shared_folder_leaves_its_permissions(tmp_path: Path) -> None:
    _fill(tmp_path / "source.sqlite3", days=3)
    copy = backup_now(tmp_path / "source.sqlite3")
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    restore_backup(shared / "journal.sqlite3", copy)
    assert _mode(shared) == 0o755
    assert _mode(shared / "journal.sqlite3") == 0o600


# --- 8. full disk: one line, old files intact ------------------------------------------------------------


@posix_only
@pytest.mark.slow
def test_import_on_a_full_disk_prints_one_line_without_notes(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=2)
    csv_file = tmp_path / "days.csv"
    export_csv_file(
        [
            DayEntry(date=dt.date(2024, 1, 1) + dt.timedelta(days=n), back_pain=3, notes=SECRET + " " + "y" * 500)
            for n in range(300)
        ],
        csv_file,
    )
    before = _dates(db)
    result = _run_limited(["import", str(csv_file), "--db", str(db)], 64 * 1024, tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "full" in result.stderr and "tramadol" not in result.stderr
    assert _dates(db) == before


@posix_only
@pytest.mark.parametrize("command", ["backup", "restore"])
def test_backup_and_restore_on_a_full_disk_print_one_line_and_change_nothing(tmp_path: Path, command: str) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=600, first=dt.date(2020, 1, 1))
    other = tmp_path / "elsewhere.sqlite3"
    _fill(other, days=5, first=dt.date(2019, 1, 1))
    target = tmp_path / "copy.sqlite3"
    args = ["backup", str(target)] if command == "backup" else ["restore", str(other)]
    before = db.read_bytes()
    result = _run_limited([*args, "--db", str(db)], 64 * 1024, tmp_path)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "full" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()
    assert not list(tmp_path.rglob(".*.part"))
    assert db.read_bytes() == before


@posix_only
@pytest.mark.slow
def test_a_chart_over_an_existing_file_on_a_full_disk_leaves_it_whole(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=60, first=dt.date(2026, 1, 1))
    chart = tmp_path / "chart.png"
    chart.write_bytes(b"an older chart")
    result = _run_limited(
        ["chart", str(chart), "--db", str(db), "--from", "2026-01-01", "--to", "2026-02-28"], 48 * 1024, tmp_path
    )
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "full" in result.stderr
    assert chart.read_bytes() == b"an older chart"


# --- security: one private atomic writer, private folders, the lock, scrubbed reports -------------------


@posix_only
def test_csv_export_ignores_a_planted_part_symlink_and_is_owner_only(tmp_path: Path, open_umask: None) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "out.csv"
    os.symlink(victim, tmp_path / "out.csv.part")
    export_csv_file([DayEntry(date=TODAY, back_pain=2, notes=SECRET)], out)
    assert victim.read_text() == "precious"
    assert _mode(out) == 0o600


@posix_only
def test_an_export_over_a_symlink_replaces_the_link_not_its_target(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    out = tmp_path / "out.csv"
    os.symlink(victim, out)
    export_csv_file([DayEntry(date=TODAY, back_pain=2)], out)
    assert victim.read_text() == "precious"
    assert not out.is_symlink() and "back_pain" in out.read_text()


@posix_only
@pytest.mark.slow
def test_chart_images_are_owner_only(tmp_path: Path, open_umask: None) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=10, first=dt.date(2026, 1, 1))
    for name in ("c.png", "c.svg"):
        assert main(["chart", str(tmp_path / name), "--db", str(db), "--from", "2026-01-01", "--to", "2026-01-10"]) == 0
        assert _mode(tmp_path / name) == 0o600


@posix_only
def test_folders_the_app_creates_are_private_even_under_umask_000(tmp_path: Path, open_umask: None) -> None:
    _fill(tmp_path / "source.sqlite3", days=2)
    copy = backup_now(tmp_path / "source.sqlite3")
    target = tmp_path / "a" / "b" / "journal.sqlite3"
    restore_backup(target, copy)
    assert _mode(tmp_path / "a") == 0o700 and _mode(tmp_path / "a" / "b") == 0o700
    fresh = tmp_path / "c" / "d" / "journal.sqlite3"
    Journal.open(fresh).close()
    assert _mode(tmp_path / "c") == 0o700 and _mode(tmp_path / "c" / "d") == 0o700


@posix_only
def test_a_symlinked_path_takes_the_same_lock(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, days=1)
    link = tmp_path / "link.sqlite3"
    os.symlink(db, link)
    with acquire_journal_lock(db), pytest.raises(JournalInUseError):
        acquire_journal_lock(link)


def test_a_scrubbed_report_keeps_where_and_drops_what(db_path: Path) -> None:
    journal = Journal.open(db_path)
    try:
        with journal.engine.connect() as connection:
            try:
                connection.exec_driver_sql("INSERT INTO nowhere VALUES (?)", (SECRET,))
            except Exception as error:  # noqa: BLE001 - the report is what is tested
                report = scrubbed_report(error)
                assert SECRET in str(error)  # the raw text does carry it...
    finally:
        journal.close()
    assert SECRET not in report and "nowhere" not in report  # ...the report does not
    assert "sqlalchemy.exc.OperationalError" in report and "test_hostile_storage.py" in report


def test_an_uncaught_error_prints_no_health_data(tmp_path: Path) -> None:
    code = textwrap.dedent(f"""
        from journal.core.error_report import install_scrubbed_hooks
        install_scrubbed_hooks()
        raise ValueError({SECRET!r})
    """)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "ValueError" in result.stderr and SECRET not in result.stderr


def test_a_restore_cut_short_leaves_no_clutter_for_long(db_path: Path) -> None:
    from journal.storage.backup import thin_backups

    _fill(db_path, days=2)
    backup_now(db_path)
    half = db_path.with_name(f".{db_path.name}.k3j9x.part")
    fresh = db_path.with_name(f".{db_path.name}.q8w2e.part")
    half.write_bytes(b"half a copy")
    fresh.write_bytes(b"being written")
    hours_ago = dt.datetime.now().timestamp() - 2 * 3600
    os.utime(half, (hours_ago, hours_ago))
    assert thin_backups(db_path) == [half]
    assert fresh.exists() and db_path.exists()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (28, "the disk is full"),
        (27, "the disk is full"),
        (13, "read-only"),
        (30, "read-only"),
        (5, "may be full"),
    ],
)
def test_a_failed_file_write_names_the_file_and_the_kind_of_problem_only(tmp_path: Path, code: int, words: str) -> None:
    from journal.core.errors import UserError
    from journal.files.atomic import write_atomically

    target = tmp_path / "report.csv"
    target.write_text("older")

    def fail(tmp: Path) -> None:
        tmp.write_text(SECRET)
        raise OSError(code, f"strerror quoting {SECRET}")

    with pytest.raises(UserError) as caught:
        write_atomically(target, fail)
    assert str(caught.value).startswith(f"Could not write {target}: ") and words in str(caught.value)
    assert SECRET not in "".join(traceback.format_exception(caught.value))
    assert target.read_text() == "older" and sorted(p.name for p in tmp_path.iterdir()) == ["report.csv"]
