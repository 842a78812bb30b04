"""Several processes on one journal: every confirmed save survives.

A window-like process holds the journal's lock and saves day after day,
printing each date once its save has returned. Meanwhile other processes run
``summary``, ``export``, ``backup`` and ``import`` in loops on the same file.
The saver is then killed (``SIGKILL``, like a crash) and the journal opened:
every date it confirmed must be there, and no log may have been set aside.

Before the guard took a lock every process respects, a ``summary`` and an
``export`` racing the window's saves moved its live log into ``backups/``
and saves were lost.

The default run is sized for a test suite (a small journal, about 150 saves).
``PAIN_JOURNAL_STRESS=full`` runs the issue's version: a 64 MB journal and
1,000 saves.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journal.core.day import DayEntry
from journal.storage.journal import Journal

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock")]
ROOT = Path(__file__).resolve().parents[1]
FULL = os.environ.get("PAIN_JOURNAL_STRESS") == "full"
SAVES = 1000 if FULL else 150
PAUSE = 0.05 if FULL else 0.08  # seconds between saves
HISTORY_DAYS = 3650 if FULL else 365
NOTE_CHARS = 18_000 if FULL else 1_000  # 3650 x 18,000 characters: a journal of about 64 MB
FIRST_SAVE = dt.date(2030, 1, 1)

SAVER = textwrap.dedent("""
    import datetime as dt, sys, time
    from journal.core.day import DayEntry
    from journal.storage.journal import Journal
    from journal.storage.single_instance import acquire_journal_lock

    path, saves, pause = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    lock = acquire_journal_lock(path)  # as the window does
    journal = Journal.open(path)
    print("open", flush=True)
    sys.stdin.readline()  # the other commands are running
    first = dt.date(2030, 1, 1)
    for n in range(saves):
        date = first + dt.timedelta(days=n)
        journal.save_day(DayEntry(date=date, back_pain=n % 11, notes=f"save {n}"), today=dt.date(2040, 1, 1))
        print(date.isoformat(), flush=True)
        time.sleep(pause)  # a patient's pace, compressed: the commands run between saves
    print("done", flush=True)
    time.sleep(600)
""")

LOOP = textwrap.dedent("""
    import contextlib, io, sys
    from pathlib import Path
    from journal.cli import main

    db, command, work, stop = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
    print("ready", flush=True)
    n = 0
    while not stop.exists():
        n += 1
        if command == "summary":
            args = ["summary", "--db", db]
        elif command == "export":
            args = ["export", str(work / f"out-{n % 2}.csv"), "--db", db, "--from", "2029-01-01", "--to", "2031-12-31"]
            (work / f"out-{n % 2}.csv").unlink(missing_ok=True)
        elif command == "backup":
            args = ["backup", str(work / f"copy-{n % 2}.sqlite3"), "--db", db]
            (work / f"copy-{n % 2}.sqlite3").unlink(missing_ok=True)
        else:
            args = ["import", str(work / "in.csv"), "--db", db]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            main(args)
    print(n, flush=True)
""")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _history(path: Path) -> None:
    note = ("Sat for the drive, then walked; the ache moved down the left leg. " * 300)[:NOTE_CHARS]
    journal = Journal.open(path)
    try:
        first = FIRST_SAVE - dt.timedelta(days=HISTORY_DAYS + 30)
        journal.import_days(
            [DayEntry(date=first + dt.timedelta(days=n), back_pain=n % 11, notes=note) for n in range(HISTORY_DAYS)],
            today=dt.date(2040, 1, 1),
        )
    finally:
        journal.close()


def test_every_save_survives_commands_run_from_other_processes(tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _history(db)
    (tmp_path / "in.csv").write_text("date,back_pain\n2029-06-01,3\n", encoding="utf-8")
    stop = tmp_path / "stop"
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(db), str(SAVES), str(PAUSE)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    loops: list[subprocess.Popen[str]] = []
    confirmed: list[dt.date] = []
    try:
        assert saver.stdout is not None and saver.stdout.readline().strip() == "open"
        for command in ("summary", "export", "backup", "import"):
            loops.append(
                subprocess.Popen(
                    [sys.executable, "-c", LOOP, str(db), command, str(tmp_path), str(stop)],
                    stdout=subprocess.PIPE,
                    text=True,
                    env=_env(),
                )
            )
        for loop in loops:
            assert loop.stdout is not None and loop.stdout.readline().strip() == "ready"
        assert saver.stdin is not None
        saver.stdin.write("go\n")
        saver.stdin.flush()
        for line in saver.stdout:
            if line.strip() == "done":
                break
            confirmed.append(dt.date.fromisoformat(line.strip()))
    finally:
        saver.send_signal(signal.SIGKILL)  # the window dies with its log open
        saver.wait(timeout=60)
        stop.touch()
        runs = []
        for loop in loops:
            out, _ = loop.communicate(timeout=120)
            runs.append(int(out.strip() or 0))
    assert len(confirmed) == SAVES
    assert min(runs) >= 3, runs  # every command ran again and again while the saves went on
    assert not list(tmp_path.glob("backups/*leftover*")), "a live log was set aside"
    journal = Journal.open(db)
    try:
        kept = {e.date: e.notes for e in journal.days(FIRST_SAVE, FIRST_SAVE + dt.timedelta(days=SAVES))}
        assert journal.count() == HISTORY_DAYS + SAVES
    finally:
        journal.close()
    missing = [date for date in confirmed if date not in kept]
    assert not missing, f"{len(missing)} confirmed saves were lost"
    print(f"{SAVES} saves; command runs (summary, export, backup, import): {runs}; journal {db.stat().st_size} bytes")
