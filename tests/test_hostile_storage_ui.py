"""Adversarial storage cases in the window: a save that fails, closing over it, a read-only journal."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from journal.core.day import DayEntry
from journal.storage.journal import Journal
from journal.ui.safety.wording import READ_ONLY_NOTE
from tests.gui_helpers import answer_boxes, close_window, open_window, save_and_wait

SECRET = "Sciatica after the hospital visit, took tramadol"
FULL_MESSAGE = "Not saved: the disk is full. Your entry is still here; free some space and press Save again."


def _fill_disk(window: object) -> None:
    """From now on SQLite reports "database or disk is full" when the journal must grow."""
    journal = window.session.journal  # type: ignore[attr-defined]
    pages = sqlite3.connect(journal.path).execute("PRAGMA page_count").fetchone()[0]
    journal.engine.dispose()
    event.listen(journal.engine, "connect", lambda connection, _record: connection.execute(f"PRAGMA max_page_count = {pages}"))


def _type_a_long_day(qtbot: QtBot, window: object) -> None:
    today = window.today  # type: ignore[attr-defined]
    today.form.back_pain.setValue(7)
    today.form.notes.setPlainText(SECRET + " " + "x" * 19_000)
    assert today.is_dirty()


def test_a_save_on_a_full_disk_says_so_and_keeps_the_entry(
    qtbot: QtBot, db_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    window = open_window(qtbot, db_path)
    _fill_disk(window)
    _type_a_long_day(qtbot, window)
    seen = answer_boxes([QMessageBox.StandardButton.Ok])
    assert save_and_wait(qtbot, window) is False
    assert seen == [FULL_MESSAGE]
    assert window.today.is_dirty()
    assert window.today.form.notes.toPlainText().startswith(SECRET)
    assert window.session.journal.day(dt.date.today()) is None
    out, err = capfd.readouterr()
    assert "tramadol" not in out + err and "INSERT" not in err
    close_window(window)


def test_closing_with_save_after_a_failed_save_keeps_the_window_open(
    qtbot: QtBot, db_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    window = open_window(qtbot, db_path)
    _fill_disk(window)
    _type_a_long_day(qtbot, window)
    seen = answer_boxes([QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Ok])
    window.close()  # "Save it now?" → Save → "Not saved: the disk is full…"
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    qtbot.waitUntil(lambda: not window.today.saving, timeout=5_000)
    assert seen[1] == FULL_MESSAGE
    assert window.isVisible() and window.today.is_dirty()
    assert window.today.form.notes.toPlainText().startswith(SECRET)
    assert "tramadol" not in "".join(capfd.readouterr())
    close_window(window)


def test_a_save_while_another_program_holds_the_journal_says_so(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    journal = window.session.journal
    journal.engine.dispose()
    event.listen(journal.engine, "connect", lambda connection, _record: connection.execute("PRAGMA busy_timeout = 200"))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        window.today.form.back_pain.setValue(3)
        seen = answer_boxes([QMessageBox.StandardButton.Ok])
        assert save_and_wait(qtbot, window) is False
        assert seen and seen[0].startswith("Not saved: another program is using your journal.")
        assert window.today.is_dirty()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert save_and_wait(qtbot, window) is True
    close_window(window)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_journal_opens_with_a_note_and_refuses_to_save(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "journal.sqlite3"
    journal = Journal.open(db)
    journal.save_day(DayEntry(date=dt.date.today() - dt.timedelta(days=1), back_pain=4))
    journal.close()
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    try:
        before = sorted(p.name for p in folder.iterdir())
        window = open_window(qtbot, db)
        assert window.session.read_only
        note = window.read_only_note
        assert note is not None and note.isVisible() and note.text() == READ_ONLY_NOTE
        window.today.form.back_pain.setValue(2)
        seen = answer_boxes([QMessageBox.StandardButton.Ok])
        assert save_and_wait(qtbot, window) is False
        assert seen and seen[0].startswith("Not saved: this journal is read-only")
        close_window(window)
        assert sorted(p.name for p in folder.iterdir()) == before
        assert oct(db.stat().st_mode & 0o777) == oct(0o444)
    finally:
        os.chmod(folder, 0o755)


def test_the_export_dialog_never_writes_over_the_journal(qtbot: QtBot, tmp_path: Path) -> None:
    from journal.app.reports import ExportFormat
    from journal.ui.export_dialog import ExportDialog
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner

    db = tmp_path / "journal.csv"  # a journal whose name looks like an export
    journal = Journal.open(db)
    journal.save_day(DayEntry(date=dt.date.today(), back_pain=4))
    journal.close()
    before = db.read_bytes()
    session = JournalSession(TaskRunner())
    with qtbot.waitSignal(session.opened, timeout=20_000):
        session.open(db)
    try:
        with qtbot.waitSignal(session.tasks.busy_changed, timeout=10_000, check_params_cb=lambda b: not b):
            dialog = ExportDialog(session)
            qtbot.addWidget(dialog)
        dialog.set_format(ExportFormat.CSV)
        with qtbot.waitSignal(dialog.failed, timeout=20_000) as blocker:
            dialog.export_to(db)
        assert "is your journal itself" in blocker.args[0]
        assert session.journal is not None and session.journal.day(dt.date.today()) is not None
    finally:
        session.close()
    assert db.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
