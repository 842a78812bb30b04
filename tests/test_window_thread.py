"""The window's thread never touches the journal file: every read and write runs on the worker.

An audit hook sees every ``sqlite3.connect`` and every file opened in the
journal's folder, and an SQLAlchemy listener sees every statement; each
records when it happens on the window's thread. The test then does what a
patient does in a session: open, log and save a day, go back a day, add a
trigger, delete a day in History and undo it, and close with unsaved changes
(answering "Save").
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.engine import Engine

from journal.core.day import DayEntry
from journal.storage.journal import Journal
from tests.gui_helpers import open_window

_watch: dict[str, Any] = {"folder": None, "seen": []}


def _on_main_thread(what: str) -> None:
    if threading.current_thread() is threading.main_thread():
        where = "".join(traceback.format_stack(limit=12)[:-2])
        _watch["seen"].append(f"{what}\n{where}")


def _audit(name: str, args: tuple[Any, ...]) -> None:
    folder = _watch["folder"]
    if folder is None:
        return
    if name == "sqlite3.connect":
        _on_main_thread(f"sqlite3.connect{args}")
    elif name == "open" and isinstance(args[0], str | Path) and str(args[0]).startswith(folder):
        _on_main_thread(f"open {args[0]}")


sys.addaudithook(_audit)  # audit hooks cannot be removed: it does nothing unless a test is watching


def _on_execute(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
    if _watch["folder"] is not None:
        _on_main_thread(f"SQL {statement.split()[0]}")


def test_a_whole_session_never_touches_the_file_on_the_windows_thread(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    today = dt.date.today()
    yesterday = today - dt.timedelta(days=1)
    seeded = Journal.open(db_path)
    seeded.save_day(DayEntry(yesterday, 4, notes="yesterday"))
    seeded.save_day(DayEntry(today - dt.timedelta(days=3), 5))
    seeded.close()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("cold draught", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    errors: list[BaseException] = []
    monkeypatch.setattr("journal.ui.errors.show_error", lambda _parent, error: errors.append(error))

    _watch["folder"], _watch["seen"] = None, []
    event.listen(Engine, "before_cursor_execute", _on_execute)
    _watch["folder"] = str(db_path.parent)
    try:
        window = open_window(qtbot, db_path)
        today_view = window.today
        qtbot.keyClick(today_view.form.back_pain, Qt.Key.Key_6)
        with qtbot.waitSignal(today_view.saved, timeout=10_000):
            qtbot.keyClick(today_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

        with qtbot.waitSignal(today_view.dayShown, timeout=10_000):
            today_view.step_day(-1)
        assert today_view.form.notes.toPlainText() == "yesterday"

        with qtbot.waitSignal(window.session.changed, timeout=10_000):
            today_view.form.triggers.addRequested.emit()
        assert "cold draught" in today_view.form.triggers.checked()

        window.show_history()
        history = window.history
        qtbot.waitUntil(lambda: history.model.rowCount() == 3, timeout=10_000)
        row = history.model.row_for_date(today)
        assert row is not None
        history.table.setCurrentIndex(history.model.index(row, 0))
        history.delete_selected()
        qtbot.waitUntil(lambda: history.model.rowCount() == 2, timeout=10_000)
        qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: history.model.rowCount() == 3, timeout=10_000)

        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
        assert today_view.is_dirty()  # the trigger added to yesterday is not saved yet
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    finally:
        _watch["folder"] = None
        event.remove(Engine, "before_cursor_execute", _on_execute)

    assert errors == []
    assert _watch["seen"] == []
    reread = Journal.open(db_path)
    try:
        assert reread.day(yesterday).triggers == ("cold draught",)
        assert reread.day(today).back_pain == 6
    finally:
        reread.close()
