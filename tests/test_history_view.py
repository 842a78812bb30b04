"""History: the table model over core rows, filtering, opening, delete and undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from journal.core.catalog import default_urgencies
from journal.core.day import DayEntry
from journal.core.history import COLUMNS, history_row, sort_rows
from journal.storage.journal import Journal
from journal.ui.history.model import HistoryTableModel
from tests.gui_helpers import answer_next_message_box, close_window, open_window, stored_day

TODAY = dt.date.today()


def _days(n: int) -> list[DayEntry]:
    return [
        DayEntry(
            TODAY - dt.timedelta(days=i),
            back_pain=i % 11,
            leg_pain=None if i % 3 else 2,
            notes=f"day {i}",
            symptoms=("loss of bladder or bowel control",) if i == 2 else (),
        )
        for i in range(n)
    ]


def _column(key: str) -> int:
    return next(i for i, c in enumerate(COLUMNS) if c.key == key)


def test_model_passes_the_qt_model_tester(qtmodeltester: object) -> None:
    model = HistoryTableModel()
    model.set_rows([history_row(e, default_urgencies()) for e in _days(20)])
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 20 and model.columnCount() == len(COLUMNS)


def test_newest_first_and_sorting_keeps_empty_values_last() -> None:
    rows = [history_row(e, default_urgencies()) for e in _days(12)]
    model = HistoryTableModel()
    model.set_rows(rows)
    assert model.row_at(0).date == TODAY
    model.sort(_column("leg_pain"), Qt.SortOrder.AscendingOrder)
    legs = [model.row_at(i).values[_column("leg_pain")] for i in range(model.rowCount())]
    assert legs[:4] == [2, 2, 2, 2] and all(v is None for v in legs[4:])
    ordered = sort_rows(rows, _column("back_pain"), descending=True)
    assert [r.values[_column("back_pain")] for r in ordered][:2] == [10, 9]


def test_red_flag_day_is_marked_and_highlighted() -> None:
    model = HistoryTableModel()
    model.set_rows([history_row(e, default_urgencies()) for e in _days(5)])
    row = model.row_for_date(TODAY - dt.timedelta(days=2))
    assert row is not None
    index = model.index(row, _column("red_flags"))
    assert "loss of bladder or bowel control" in str(model.data(index))
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, _column("red_flags")), Qt.ItemDataRole.BackgroundRole) is None


def test_history_filters_opens_deletes_and_undoes(qtbot: QtBot, db_path: Path) -> None:
    journal = Journal.open(db_path)
    journal.import_days(_days(60))
    journal.close()
    window = open_window(qtbot, db_path)
    history = window.history
    window.show_history()
    history.show_last(30)
    qtbot.waitUntil(lambda: history.model.rowCount() == 30, timeout=5_000)
    history.show_last(None)
    qtbot.waitUntil(lambda: history.model.rowCount() == 60, timeout=5_000)

    target = TODAY - dt.timedelta(days=5)
    row = history.model.row_for_date(target)
    assert row is not None
    with qtbot.waitSignal(history.openRequested) as opened:
        history.table.doubleClicked.emit(history.model.index(row, 0))
    assert opened.args == [target]
    qtbot.waitUntil(lambda: window.today.date == target, timeout=5_000)
    assert window.today.date == target and window.today.form.notes.toPlainText() == "day 5"

    window.show_history()
    row = history.model.row_for_date(target)
    assert row is not None
    history.table.setCurrentIndex(history.model.index(row, 0))

    answer_next_message_box(QMessageBox.StandardButton.Yes)
    history.delete_selected()
    qtbot.waitUntil(lambda: history.model.rowCount() == 59, timeout=5_000)
    assert stored_day(qtbot, window, target) is None
    assert history.undo_button.isEnabled()
    qtbot.mouseClick(history.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.model.rowCount() == 60, timeout=5_000)
    restored = stored_day(qtbot, window, target)
    assert restored is not None and restored.notes == "day 5"
    close_window(window)


def test_cancelled_delete_keeps_the_day(qtbot: QtBot, db_path: Path) -> None:
    journal = Journal.open(db_path)
    journal.import_days(_days(3))
    journal.close()
    window = open_window(qtbot, db_path)
    history = window.history
    window.show_history()
    qtbot.waitUntil(lambda: history.model.rowCount() == 3, timeout=5_000)
    history.table.setCurrentIndex(history.model.index(0, 0))

    answer_next_message_box(QMessageBox.StandardButton.Cancel)
    history.delete_selected()
    assert window.session.journal is not None and window.session.journal.count() == 3
    close_window(window)


def test_empty_history_says_how_to_start(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    history = window.history
    window.show_history()
    qtbot.waitUntil(lambda: history.table_or_empty.currentWidget() is history.empty, timeout=5_000)
    text = history.empty.message.text()
    assert "No days logged yet." in text and "Log your first day in Today" in text
    assert history.empty.isVisible() and history.empty.log_button.isVisible()
    qtbot.mouseClick(history.empty.log_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.today and window.today.date == dt.date.today()
    close_window(window)


def test_a_range_without_days_points_to_all(qtbot: QtBot, db_path: Path) -> None:
    journal = Journal.open(db_path)
    journal.import_days([DayEntry(TODAY - dt.timedelta(days=100 + i), back_pain=3) for i in range(4)])
    journal.close()
    window = open_window(qtbot, db_path)
    history = window.history
    window.show_history()
    history.show_last(30)
    qtbot.waitUntil(lambda: history.table_or_empty.currentWidget() is history.empty, timeout=5_000)
    text = history.empty.message.text()
    assert "No days logged between" in text and "Your journal has 4 days" in text and "All" in text
    assert not history.empty.log_button.isVisible()
    history.show_last(None)
    qtbot.waitUntil(lambda: history.model.rowCount() == 4, timeout=5_000)
    assert history.table_or_empty.currentWidget() is history.table
    close_window(window)


def test_days_within_a_treatment_are_shaded_in_the_themes_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.core.treatments import Treatment
    from journal.ui import palettes
    from journal.ui.history import model as history_model

    physio = Treatment("physiotherapy", TODAY - dt.timedelta(days=6), TODAY - dt.timedelta(days=3))
    model = HistoryTableModel()
    model.set_rows([history_row(e, default_urgencies(), [physio]) for e in _days(10)])
    for colours in (palettes.LIGHT, palettes.DARK, palettes.HIGH_CONTRAST):
        monkeypatch.setattr(history_model, "current_colours", lambda c=colours: c)
        shaded = []
        for row in range(model.rowCount()):
            brush = model.data(model.index(row, _column("back_pain")), Qt.ItemDataRole.BackgroundRole)
            if brush is not None and model.row_at(row).date != TODAY - dt.timedelta(days=2):  # the red-flag day
                assert isinstance(brush, QBrush) and brush.color().name() == colours.treatment_fill
                text = model.data(model.index(row, _column("back_pain")), Qt.ItemDataRole.ForegroundRole)
                assert isinstance(text, QBrush) and text.color().name() == colours.text
                shaded.append(model.row_at(row).date)
        assert sorted(shaded) == [TODAY - dt.timedelta(days=d) for d in (6, 5, 4, 3)]
        assert colours.treatment_fill not in (colours.alternate, colours.base, colours.urgent_fill)


def test_history_shows_a_key_for_the_shaded_days_only_when_some_are_shown(qtbot: QtBot, db_path: Path) -> None:
    from journal.core.treatments import Treatment
    from journal.ui.history.view import TREATMENT_KEY

    journal = Journal.open(db_path)
    journal.import_days(_days(40))
    journal.add_treatment(Treatment("physiotherapy", TODAY - dt.timedelta(days=20)))
    journal.close()
    window = open_window(qtbot, db_path)
    history = window.history
    window.show_history()
    history.show_last(10)
    qtbot.waitUntil(lambda: history.model.rowCount() == 10, timeout=5_000)
    assert history.treatment_key.isVisible() and history.treatment_key_text.text() == TREATMENT_KEY
    history.from_edit.setDate(history.from_edit.date().addDays(-30))
    history.to_edit.setDate(history.to_edit.date().addDays(-25))
    qtbot.waitUntil(lambda: history.model.rowCount() == 15, timeout=5_000)
    assert not history.treatment_key.isVisible()
    close_window(window)
