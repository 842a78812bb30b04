"""Crash safety and the one-writer lock, tested with real processes.

A child process saves days in a loop (printing each index after its commit)
or imports a big CSV, and is killed with SIGKILL at a random moment. The
journal must pass ``integrity_check``, hold every day reported as committed
with exactly its values, and hold an import entirely or not at all.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from journal.core.day import DayEntry
from journal.formats.csv_io import write_csv
from journal.storage.journal import Journal
from journal.storage.single_instance import JournalInUseError, acquire_journal_lock

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="kills children with SIGKILL"),
    pytest.mark.slow,  # kill -9 trials in child processes
]

ROOT = Path(__file__).resolve().parents[1]
RUNS = 15
WORKERS = 3

#: Shared by the parent and the children: the values saved for index ``i``.
ENTRY_CODE = """
import datetime as dt
from journal.core.day import ActivityMinutes, DayEntry

TODAY = dt.date(2026, 6, 30)
START = dt.date(2010, 1, 1)
WINDOW = 40  # the save loop cycles over this many dates, so days get replaced


def entry_for(i: int, date: dt.date | None = None) -> DayEntry:
    return DayEntry(
        date=date or START + dt.timedelta(days=i),
        back_pain=i % 11,
        leg_pain=(i * 7) % 11,
        pain_locations=frozenset({"lower_back_left", "calf_right"}) if i % 2 else frozenset(),
        morning_stiffness_min=i % 120,
        sleep_hours=(i % 40) / 4,
        sleep_quality=(i * 3) % 11,
        stress=(i * 5) % 11,
        interference_enjoyment=(i * 2) % 11,
        interference_activity=(i * 9) % 11,
        activities=(ActivityMinutes("walking", i % 90), ActivityMinutes("sitting", 60 + i % 7)),
        triggers=("stress", "lifting")[: i % 3],
        symptoms=("stiffness",) if i % 4 else (),
        medications=(f"ibuprofen {200 + i % 3 * 200} mg",),
        notes=" ".join([f"note {i}"] * (1 + i % 30)),
        questions=f"question {i}" if i % 5 == 0 else "",
    )


def loop_date(i: int) -> dt.date:
    return START + dt.timedelta(days=i % WINDOW)
"""
_shared: dict[str, Any] = {}
exec(ENTRY_CODE, _shared)
entry_for: Callable[..., DayEntry] = _shared["entry_for"]
loop_date: Callable[[int], dt.date] = _shared["loop_date"]
WINDOW: int = _shared["WINDOW"]
TODAY: dt.date = _shared["TODAY"]

SAVE_CHILD = (
    ENTRY_CODE
    + """
import sys
from journal.storage.journal import Journal

journal = Journal.open(sys.argv[1])
print("ready", flush=True)
i = 0
while True:
    journal.save_day(entry_for(i, loop_date(i)), today=TODAY)
    print(i, flush=True)
    i += 1
"""
)

IMPORT_CHILD = (
    ENTRY_CODE
    + """
import sys
from pathlib import Path
from journal.formats.csv_io import read_csv_file
from journal.storage.journal import Journal

journal = Journal.open(sys.argv[1])
print("ready", flush=True)
parsed = read_csv_file(Path(sys.argv[2]), today=TODAY)
journal.import_days(parsed.entries, today=TODAY)
print("done", flush=True)
"""
)

RESTORE_CHILD = """
import sys
from journal.storage.backup import restore_backup

print("ready", flush=True)
restore_backup(sys.argv[1], sys.argv[2])
print("done", flush=True)
"""


LOCK_CHILD = """
import sys
from journal.storage.single_instance import acquire_journal_lock

lock = acquire_journal_lock(sys.argv[1])
print("locked", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
sys.stdin.readline()
"""

PRESET = 10  # days already in the journal before an import
IMPORT_DAYS = 2500


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert child.stdout is not None
    first = child.stdout.readline().strip()
    assert first in ("ready", "locked"), child.stderr.read() if child.stderr else first
    return child


def _kill(child: subprocess.Popen[str]) -> list[str]:
    """SIGKILL the child (unless it already finished); return the lines it printed."""
    if child.poll() is None:
        child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode in (0, -signal.SIGKILL), err
    return out.splitlines()


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed, current journal holding :data:`PRESET` days, and a big CSV beside it."""
    folder = tmp_path_factory.mktemp("crash")
    path = folder / "journal.sqlite3"
    journal = Journal.open(path)
    journal.import_days([entry_for(i) for i in range(PRESET)], today=TODAY)
    journal.close()
    with open(folder / "big.csv", "w", encoding="utf-8", newline="") as stream:
        write_csv([entry_for(i) for i in range(1000, 1000 + IMPORT_DAYS)], stream)
    return path


def _copy(template: Path, folder: Path) -> Path:
    folder.mkdir()
    path = folder / template.name
    shutil.copyfile(template, path)
    return path


def _state_after(last: int) -> dict[dt.date, DayEntry]:
    """What the journal holds once save-loop commits 0..``last`` are in (-1: none)."""
    state = {entry_for(j).date: entry_for(j) for j in range(PRESET)}
    for j in range(WINDOW):
        saves = range(j, last + 1, WINDOW)
        if saves:
            state[loop_date(j)] = entry_for(saves[-1], loop_date(j))
    return state


def _stored(path: Path) -> dict[dt.date, DayEntry]:
    journal = Journal.open(path)
    try:
        return {entry.date: entry for entry in journal.days()}
    finally:
        journal.close()


def _save_run(path: Path, delay: float) -> int:
    child = _start(SAVE_CHILD, str(path))
    time.sleep(delay)
    reported = [int(line) for line in _kill(child) if line.strip().isdigit()]
    assert reported == list(range(len(reported)))
    assert _integrity(path) == "ok"
    stored = _stored(path)
    last = len(reported) - 1
    # Every reported save is there intact; the one after it may have committed
    # before the kill but not yet been reported.
    assert stored in (_state_after(last), _state_after(last + 1))
    return len(reported)


def test_killed_while_saving_days(template: Path, tmp_path: Path) -> None:
    rng = random.Random(20261121)
    delays = [rng.uniform(0.0, 0.5) for _ in range(RUNS)]

    def run(n: int) -> int:
        return _save_run(_copy(template, tmp_path / f"s{n}"), delays[n])

    with ThreadPoolExecutor(WORKERS) as pool:
        saved = list(pool.map(run, range(RUNS)))
    assert sum(saved) > 0  # the children did get to save


def _import_run(path: Path, csv_path: Path, delay: float) -> bool:
    child = _start(IMPORT_CHILD, str(path), str(csv_path))
    time.sleep(delay)
    done = "done" in _kill(child)
    assert _integrity(path) == "ok"
    journal = Journal.open(path)
    try:
        count = journal.count()
        assert count in (PRESET, PRESET + IMPORT_DAYS), f"a partial import: {count} days"
        if done:
            assert count == PRESET + IMPORT_DAYS
        assert journal.days(end=entry_for(PRESET - 1).date) == [entry_for(i) for i in range(PRESET)]
        if count > PRESET:
            imported = journal.days(start=entry_for(1000).date)
            assert imported == [entry_for(i) for i in range(1000, 1000 + IMPORT_DAYS)]
    finally:
        journal.close()
    return count > PRESET


def test_killed_while_importing_a_big_csv(template: Path, tmp_path: Path) -> None:
    rng = random.Random(11212026)
    delays = [rng.uniform(0.1, 0.8) for _ in range(RUNS)]
    csv_path = template.parent / "big.csv"

    def run(n: int) -> bool:
        return _import_run(_copy(template, tmp_path / f"i{n}"), csv_path, delays[n])

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run, range(RUNS)))


def _restore_run(path: Path, backup: Path, backup_days: int, delay: float) -> None:
    child = _start(RESTORE_CHILD, str(path), str(backup))
    time.sleep(delay)
    lines = _kill(child)
    assert _integrity(path) == "ok"
    journal = Journal.open(path)
    try:
        count = journal.count()
    finally:
        journal.close()
    assert count in (PRESET, backup_days)
    if "done" in lines:
        assert count == backup_days


def test_killed_while_restoring(template: Path, tmp_path: Path) -> None:
    from journal.storage.backup import backup_now

    big = _copy(template, tmp_path / "big")
    journal = Journal.open(big)
    journal.import_days([entry_for(i) for i in range(1000, 4000)], today=TODAY, replace=True)
    journal.close()
    backup = backup_now(big, tmp_path / "big-backup.sqlite3")
    rng = random.Random(7)
    delays = [rng.uniform(0.0, 0.25) for _ in range(10)]

    def run(n: int) -> None:
        _restore_run(_copy(template, tmp_path / f"r{n}"), backup, PRESET + 3000, delays[n])

    with ThreadPoolExecutor(WORKERS) as pool:
        list(pool.map(run, range(10)))


def test_backups_taken_mid_write_are_consistent(template: Path, tmp_path: Path) -> None:
    from journal.storage.backup import backup_now

    path = _copy(template, tmp_path / "live")
    child = _start(SAVE_CHILD, str(path))
    copies = []
    try:
        for n in range(8):
            time.sleep(0.03)
            copies.append(backup_now(path, tmp_path / f"copy{n}.sqlite3"))
    finally:
        _kill(child)
    for copy in copies:  # each copy is exactly the journal after some commit
        assert _integrity(copy) == "ok"
        stored = _stored(copy)
        last = max(int(entry.notes.split()[1]) for entry in stored.values())
        assert stored == _state_after(last)
    assert len(set(map(str, (_stored(c) for c in copies)))) > 1  # taken while it changed


# --- one writer ---------------------------------------------------------------------------


def test_a_second_process_cannot_take_the_lock(db_path: Path) -> None:
    child = _start(LOCK_CHILD, str(db_path))
    try:
        with pytest.raises(JournalInUseError, match="already open on this journal"):
            acquire_journal_lock(db_path)
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "released"
        with acquire_journal_lock(db_path) as lock:
            assert lock.held
    finally:
        child.kill()
        child.communicate()
    if os.name == "posix":
        assert (db_path.with_name(db_path.name + ".lock")).stat().st_mode & 0o777 == 0o600


def test_the_lock_dies_with_its_process(db_path: Path) -> None:
    child = _start(LOCK_CHILD, str(db_path))
    with pytest.raises(JournalInUseError):
        acquire_journal_lock(db_path)
    _kill(child)
    lock = acquire_journal_lock(db_path)
    lock.release()
    lock.release()  # twice is harmless
    assert not lock.held


def test_one_lock_per_journal_within_a_process_too(db_path: Path, tmp_path: Path) -> None:
    first = acquire_journal_lock(db_path)
    other = acquire_journal_lock(tmp_path / "other.sqlite3")  # another journal is independent
    with pytest.raises(JournalInUseError):
        acquire_journal_lock(db_path)
    first.release()
    acquire_journal_lock(db_path).release()
    other.release()


def test_cli_restore_refuses_while_the_journal_is_open_elsewhere(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal.cli import main
    from journal.storage.backup import backup_now

    Journal.open(db_path).close()
    copy = backup_now(db_path, tmp_path / "copy.sqlite3")
    data = db_path.read_bytes()
    child = _start(LOCK_CHILD, str(db_path))
    try:
        assert main(["restore", str(copy), "--db", str(db_path)]) == 2
        err = capsys.readouterr().err.strip()
        assert "already open" in err and "\n" not in err
        assert db_path.read_bytes() == data
    finally:
        child.kill()
        child.communicate()
