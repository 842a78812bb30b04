"""The window's thread never touches the journal file: every read and write runs on the worker.

An audit hook sees every ``sqlite3.connect`` and every file opened in the
journal's folder, and an SQLAlchemy listener sees every statement; each
records when it happens on the window's thread. The first test does what a
patient does in a session: open, log and save a day, go back a day, add a
trigger, delete a day in History and undo it, and close with unsaved changes
(answering "Save"). The second covers the heavier readers and writers: Trends
(charts and words), an export (CSV and PDF), a CSV import, a backup, the list
of backups and a restore.
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
from tests.gui_helpers import close_window, open_window

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


@pytest.mark.slow
def test_trends_export_import_and_backups_never_touch_the_file_on_the_windows_thread(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.formats.csv_io import export_csv_file
    from journal.storage.backup import backup_now
    from journal.ui.export_dialog import ExportDialog, open_export_dialog
    from journal.ui.import_csv import import_csv_interactively
    from journal.ui.main_window import LazyTab
    from journal.ui.safety.feature import DataSafetyFeature
    from journal.ui.trends.view import TrendsView

    folder = tmp_path / "journal"
    folder.mkdir()
    db_path = folder / "journal.sqlite3"
    today = dt.date.today()
    seeded = Journal.open(db_path)
    seeded.import_days([DayEntry(today - dt.timedelta(days=n), 3 + n % 5, triggers=("stress",) * (n % 2)) for n in range(1, 40)])
    seeded.close()
    older = backup_now(db_path, reason="manual")  # the backup the restore goes back to (39 days)
    files = tmp_path / "files"
    files.mkdir()
    to_import = files / "more.csv"
    export_csv_file([DayEntry(today - dt.timedelta(days=n), 5) for n in range(60, 63)], to_import)
    errors: list[BaseException] = []
    monkeypatch.setattr("journal.ui.errors.show_error", lambda _parent, error: errors.append(error))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text, *a, **k: told.append(text))

    _watch["folder"], _watch["seen"] = None, []
    event.listen(Engine, "before_cursor_execute", _on_execute)
    _watch["folder"] = str(folder)
    try:
        window = open_window(qtbot, db_path)
        qtbot.waitUntil(lambda: any(a.text() == "T&rends" for a in window.view_menu.actions()), timeout=10_000)
        feature = window.findChild(DataSafetyFeature, "dataSafety")
        assert feature is not None

        # Trends: the days, the charts and the period's words.
        next(a for a in window.view_menu.actions() if a.text() == "T&rends").trigger()
        tab = window.tabs.currentWidget()
        assert isinstance(tab, LazyTab)
        trends = tab.build()
        assert isinstance(trends, TrendsView)
        qtbot.waitUntil(lambda: trends.chart is not None and trends.data is not None, timeout=30_000)
        assert len(trends.data.days) == 39 if trends.data is not None else False

        # Export: the dialog reads the remembered name and the questions, then writes CSV and PDF.
        dialog = open_export_dialog(window)
        assert isinstance(dialog, ExportDialog)
        for name in ("days.csv", "summary.pdf"):
            with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
                dialog.export_to(files / name)
            assert (files / name).stat().st_size > 0
        dialog.close()

        # Import: three more days from a CSV file.
        import_csv_interactively(window, to_import)
        qtbot.waitUntil(lambda: any("Imported 3 days" in text for text in told), timeout=20_000)
        qtbot.waitUntil(lambda: window.session.is_logged(today - dt.timedelta(days=61)), timeout=10_000)

        # Backups: back up now, list the backups, restore the older one.
        with qtbot.waitSignal(feature.backedUp, timeout=20_000):
            feature.back_up_now(files / "copy.sqlite3")
        with qtbot.waitSignal(feature.restoreDialogShown, timeout=20_000) as shown:
            feature.restore_from_backup()
        listed = shown.args[0].backups_shown()
        assert older in [b.path for b in listed]
        chosen = next(b for b in listed if b.path == older)
        with qtbot.waitSignal(feature.restored, timeout=30_000):
            feature.restore(chosen)
        qtbot.waitUntil(lambda: not window.session.is_logged(today - dt.timedelta(days=61)), timeout=10_000)
        qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=20_000)
        close_window(window)
    finally:
        _watch["folder"] = None
        event.remove(Engine, "before_cursor_execute", _on_execute)

    assert errors == []
    assert _watch["seen"] == []
    assert (files / "copy.sqlite3").exists()
