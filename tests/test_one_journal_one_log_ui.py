"""The window says what the guard did: a hard-linked journal's note, a leftover log set aside."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from journal.core.day import DayEntry
from journal.storage.journal import Journal
from tests.gui_helpers import close_window, open_window
from tests.test_one_journal_one_log import CRASH_CHILD, ROOT

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links")


def _fill(path: Path, days: int, first: dt.date) -> None:
    journal = Journal.open(path)
    try:
        journal.import_days([DayEntry(date=first + dt.timedelta(days=n), back_pain=3) for n in range(days)])
    finally:
        journal.close()


@posix_only
def test_a_hard_linked_journal_opens_with_a_note_that_names_the_link(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, 2, dt.date.today() - dt.timedelta(days=5))
    os.link(db, tmp_path / "second-name.sqlite3")
    window = open_window(qtbot, db)
    try:
        assert window.session.read_only
        note = window.read_only_note
        assert note is not None and note.isVisible() and "hard link" in note.text()
    finally:
        close_window(window)


@posix_only
def test_a_leftover_log_replayed_after_a_copy_is_told_in_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    _fill(db, 2, dt.date.today() - dt.timedelta(days=5))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", CRASH_CHILD, str(db), "3"], check=True, env=env, timeout=60)
    other = tmp_path / "other.sqlite3"
    _fill(other, 4, dt.date.today() - dt.timedelta(days=40))
    for suffix in ("", ".identity"):
        shutil.copyfile(other.with_name(other.name + suffix), db.with_name(db.name + suffix))
    window = open_window(qtbot, db)
    try:
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "openNotices") is not None)
        box = window.findChild(QMessageBox, "openNotices")
        assert box is not None and "kept in" in box.text() and "before-replay" in box.text()
        box.close()
    finally:
        close_window(window)
