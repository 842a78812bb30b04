"""Undo/redo over the day form, and "Same as yesterday" (read on the worker, undoable)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.core.dates import long_words
from journal.core.day import ActivityMinutes, DayEntry
from journal.storage.journal import Journal
from journal.ui.main_window import MainWindow
from tests.gui_helpers import close_window, open_window

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def _undo(qtbot: QtBot, window: MainWindow, modifier: Qt.KeyboardModifier = CTRL) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window.today, Qt.Key.Key_Z, modifier)


def test_undo_and_redo_step_through_every_change(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _active(qtbot, window)
    form = window.today.form
    form.back_pain.setFocus()
    qtbot.keyClick(form.back_pain, Qt.Key.Key_6)
    qtbot.mouseClick(form.triggers.chip("lifting"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.notes, "sore after")  # ten keystrokes: one step
    assert (form.entry().back_pain, form.entry().triggers, form.entry().notes) == (6, ("lifting",), "sore after")

    _undo(qtbot, window)  # in the notes: the form's undo, not only the text box's
    assert form.entry().notes == ""
    assert form.entry().triggers == ("lifting",)
    _undo(qtbot, window)
    assert form.entry().triggers == ()
    assert form.entry().back_pain == 6
    _undo(qtbot, window)
    assert form.entry().back_pain is None
    assert not window.today.is_dirty()  # back where the day was opened
    assert not window.today.undo_action.isEnabled()

    _undo(qtbot, window, CTRL_SHIFT)
    _undo(qtbot, window, CTRL_SHIFT)
    assert (form.entry().back_pain, form.entry().triggers) == (6, ("lifting",))
    assert window.today.is_dirty()
    close_window(window)


def test_opening_another_day_starts_a_fresh_history(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    form = window.today.form
    form.symptoms.chip("stiffness").click()
    assert window.today.history.stack.count() == 1
    window.today.discard_changes()
    window.today.step_day(-1)
    assert window.today.history.stack.count() == 0
    assert not window.today.undo_action.isEnabled()
    close_window(window)


def test_undo_reaches_only_the_form_shown(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    form = window.today.form
    form.symptoms.chip("stiffness").click()
    window.show_history()
    window.today.undo_action.trigger()  # e.g. Ctrl+Z on the History tab
    assert form.entry().symptoms == ("stiffness",)
    close_window(window)


@pytest.fixture
def logged_yesterday(db_path: Path) -> DayEntry:
    yesterday = DayEntry(
        date=dt.date.today() - dt.timedelta(days=3),  # the last logged day need not be yesterday
        back_pain=7,
        leg_pain=4,
        pain_locations=frozenset({"lower_back_centre", "thigh_left"}),
        morning_stiffness_min=30,
        sleep_hours=6.5,
        sleep_quality=4,
        stress=6,
        interference_enjoyment=5,
        interference_activity=6,
        activities=(ActivityMinutes("walking", 20),),
        triggers=("prolonged sitting",),
        symptoms=("stiffness", "leg weakness"),  # the second is a warning sign
        medications=("heat pack",),
        notes="Bad night.",
        questions="Ask about physio",
    )
    journal = Journal.open(db_path)
    journal.save_day(DayEntry(date=yesterday.date - dt.timedelta(days=30), back_pain=2))
    journal.save_day(yesterday)
    journal.close()
    return yesterday


def test_same_as_yesterday_fills_all_but_pain_notes_and_warning_signs(
    qtbot: QtBot, db_path: Path, logged_yesterday: DayEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, db_path)
    today = window.today
    readers: list[bool] = []
    original = Journal.days

    def days_recording_thread(journal: Journal, *args: object) -> list[DayEntry]:
        readers.append(threading.current_thread() is threading.main_thread())
        return original(journal, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Journal, "days", days_recording_thread)
    today.same_button.click()
    qtbot.waitUntil(lambda: today.form.entry().triggers != (), timeout=5_000)
    assert readers and not any(readers), "the journal was read on the window's thread"

    filled = today.form.entry()
    assert filled.date == dt.date.today()
    assert filled.back_pain is None and filled.leg_pain is None  # chosen afresh
    assert filled.pain_locations == logged_yesterday.pain_locations
    assert (filled.morning_stiffness_min, filled.sleep_hours, filled.sleep_quality, filled.stress) == (30, 6.5, 4, 6)
    assert filled.activities == logged_yesterday.activities
    assert filled.triggers == ("prolonged sitting",)
    assert filled.symptoms == ("stiffness",)  # a warning sign is never carried over
    assert filled.medications == ("heat pack",)
    assert (filled.notes, filled.questions) == ("", "")
    assert long_words(logged_yesterday.date) in window.statusBar().currentMessage()
    assert "warning signs were not copied" in window.statusBar().currentMessage()
    assert window.session.journal is not None and window.session.journal.day(dt.date.today()) is None  # not saved

    today.undo_action.trigger()
    assert today.form.entry().triggers == () and not today.is_dirty()
    today.redo_action.trigger()
    assert today.form.entry().triggers == ("prolonged sitting",)
    close_window(window)


def test_same_as_yesterday_with_nothing_before_says_so(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    window.today.same_button.click()
    qtbot.waitUntil(lambda: "No day before" in window.statusBar().currentMessage(), timeout=5_000)
    assert window.today.form.entry().triggers == ()
    assert window.today.history.stack.count() == 0
    close_window(window)
