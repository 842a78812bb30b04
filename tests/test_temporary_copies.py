"""Temporary copies never outlive the app: print previews and killed backups.

Before: a crash during print preview left the full summary PDF in the system's
temporary folder, never swept; a killed backup left its hidden ``.part`` copy of
the journal in the destination folder for good.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import BinaryIO

import pytest
from pytestqt.qtbot import QtBot

from journal.cli import main
from journal.core.day import DayEntry
from journal.files.atomic import write_stream_atomically
from journal.storage import scratch
from journal.storage.journal import Journal

posix_only = pytest.mark.skipif(os.name != "posix", reason="flock and SIGKILL")
ROOT = Path(__file__).resolve().parents[1]

KILLED_BACKUP = textwrap.dedent("""
    import os, sys
    from journal.storage import backup

    def die(_connection):  # the copy is written, not yet renamed: killed here
        os.kill(os.getpid(), 9)

    backup.content_fingerprint = die
    backup.backup_now(sys.argv[1], sys.argv[2])
""")

KILLED_PREVIEW = textwrap.dedent("""
    import os, sys
    from journal.storage.scratch import PRINT_PREVIEWS, new_scratch_folder

    folder = new_scratch_folder(PRINT_PREVIEWS)
    (folder.path / "summary.pdf").write_bytes(b"%PDF-1.4 the whole summary")
    print(folder.path, flush=True)
    os.kill(os.getpid(), 9)
""")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _journal(path: Path) -> Path:
    journal = Journal.open(path)
    try:
        journal.save_day(DayEntry(date=dt.date(2026, 3, 1), back_pain=5, notes="private words"), today=dt.date(2026, 3, 2))
    finally:
        journal.close()
    return path


@posix_only
def test_a_killed_backups_hidden_copy_is_removed_by_the_next_backup(tmp_path: Path, private_home: Path) -> None:
    db = _journal(tmp_path / "journal.sqlite3")
    usb = tmp_path / "usb"
    usb.mkdir()
    child = subprocess.run([sys.executable, "-c", KILLED_BACKUP, str(db), str(usb / "copy.sqlite3")], env=_env(), timeout=60)
    assert child.returncode == -9
    left = [p for p in usb.iterdir() if p.name.endswith(".part")]
    assert left and left[0].read_bytes().startswith(b"SQLite format 3")  # the journal's words, hidden in the folder
    assert main(["backup", str(usb / "copy-2.sqlite3"), "--db", str(db)]) == 0
    assert sorted(p.name for p in usb.iterdir()) == ["copy-2.sqlite3"]


@posix_only
def test_a_copy_still_being_written_is_never_swept(tmp_path: Path) -> None:
    seen: list[list[Path]] = []

    def write(stream: BinaryIO) -> None:
        stream.write(b"SQLite format 3\x00")
        seen.append(scratch.sweep_partial_copies(tmp_path))  # another run sweeps meanwhile

    write_stream_atomically(tmp_path / "copy.sqlite3", write)
    assert seen == [[]]
    assert (tmp_path / "copy.sqlite3").read_bytes() == b"SQLite format 3\x00"


def test_other_hidden_part_files_are_left_alone(tmp_path: Path) -> None:
    other = tmp_path / ".notes.txt.abc123.part"
    other.write_text("somebody else's download", encoding="utf-8")
    assert scratch.sweep_partial_copies(tmp_path) == []
    assert other.exists()


@posix_only
def test_a_print_preview_left_by_a_killed_run_is_swept_and_a_live_one_kept(private_home: Path) -> None:
    child = subprocess.run([sys.executable, "-c", KILLED_PREVIEW], env=_env(), timeout=60, capture_output=True, text=True)
    left = Path(child.stdout.strip())
    assert left.is_dir() and left.is_relative_to(private_home / "data")  # private, not the shared /tmp
    assert (left.stat().st_mode & 0o777) == 0o700
    live = scratch.new_scratch_folder(scratch.PRINT_PREVIEWS)
    try:
        assert scratch.sweep(scratch.PRINT_PREVIEWS) == [left]
        assert not left.exists() and live.path.is_dir()
    finally:
        live.remove()
    assert not live.path.exists()


def test_the_window_sweeps_print_previews_at_start(qtbot: QtBot, private_home: Path, tmp_path: Path) -> None:
    from tests.gui_helpers import close_window, open_window

    stale = scratch.scratch_root(scratch.PRINT_PREVIEWS) / "left-by-a-crash"
    stale.mkdir(parents=True)
    (stale / "summary.pdf").write_bytes(b"%PDF-1.4")
    window = open_window(qtbot, _journal(tmp_path / "journal.sqlite3"))
    try:
        qtbot.waitUntil(lambda: not stale.exists())
    finally:
        close_window(window)
