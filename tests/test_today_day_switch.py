"""Switching days: a logged day is never replaced without asking; another day opens at the top, ready to type."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from journal.core.day import ActivityMinutes, DayEntry
from tests.gui_helpers import answer_next_message_box, close_window, open_window

TODAY = dt.date.today()
YESTERDAY = TODAY - dt.timedelta(days=1)


@pytest.fixture
def two_days(db_path: Path) -> Path:
    from journal.storage.journal import Journal

    journal = Journal.open(db_path)
    journal.import_days(
        [
            DayEntry(YESTERDAY, 6, activities=(ActivityMinutes("walking", 40),), triggers=("stress",)),
            DayEntry(TODAY, 3, notes="a calm day"),
        ]
    )
    journal.close()
    return db_path


@pytest.mark.slow
def test_same_as_yesterday_on_a_logged_day_asks_first(qtbot: QtBot, two_days: Path) -> None:
    window = open_window(qtbot, two_days)
    today = window.today
    assert today.date == TODAY and today.form.notes.toPlainText() == "a calm day"
    seen = answer_next_message_box(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(today.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert "already logged" in seen[0]
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)
    assert today.form.entry().triggers == () and not today.is_dirty()  # nothing replaced

    seen = answer_next_message_box(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(today.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: today.form.entry().triggers == ("stress",), timeout=5_000)
    assert seen and today.is_dirty()
    close_window(window)


@pytest.mark.slow
def test_another_day_opens_at_the_top_with_back_pain_ready(qtbot: QtBot, two_days: Path) -> None:
    window = open_window(qtbot, two_days)
    window.resize(800, 600)
    today = window.today
    bar = today._scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5_000)
    bar.setValue(bar.maximum())
    previous = next(b for b in today.findChildren(QPushButton) if b.accessibleName() == "Previous day")
    previous.setFocus()
    qtbot.mouseClick(previous, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: today.date == YESTERDAY and not window.session.tasks.busy, timeout=5_000)
    assert bar.value() == 0
    assert QApplication.focusWidget() is today.form.back_pain
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_8)
    assert today.form.back_pain.value() == 8
    close_window(window)
