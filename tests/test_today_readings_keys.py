"""Pain-now readings on Today by keyboard alone: "Pain now…" and each reading's Delete come after
Save in the Tab order, so a day logged from Back pain to Save passes none of them (its key count
stays as it was), and a reading can be recorded and deleted with real key presses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from journal.ui.main_window import MainWindow
from journal.ui.readings import PainNow, PainNowDialog
from journal.ui.today.readings_panel import ReadingsPanel
from tests.gui_helpers import close_window, open_window

ALT = Qt.KeyboardModifier.AltModifier


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press ``key`` on the focused widget; return the widget that has the focus after it."""
    QTest.keyClick(_focused(), key, modifier)
    QApplication.processEvents()
    return _focused()


def _feature(qtbot: QtBot, window: MainWindow) -> tuple[PainNow, ReadingsPanel]:
    qtbot.waitUntil(lambda: isinstance(getattr(window, "pain_now", None), PainNow), timeout=10_000)
    feature = window.pain_now  # type: ignore[attr-defined]  # set by journal.ui.readings.install
    assert isinstance(feature, PainNow)
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    assert feature.panel is not None
    return feature, feature.panel


def _tab_walk(start: QWidget, stop: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until ``stop`` (both included)."""
    seen = [start]
    while seen[-1] is not stop and len(seen) < limit:
        QTest.keyClick(seen[-1], Qt.Key.Key_Tab)
        seen.append(_focused())
    return seen


def _answer_with_keys(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> list[str]:
    """Press ``key`` in the next message box once it shows; the list gets the box's text."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            QTest.keyClick(box, key, modifier)
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    return seen


def _back_to(qtbot: QtBot, window: MainWindow) -> None:
    """The window active again after a dialog closed (what a desktop's window manager does;
    the offscreen platform has none). Not a key press."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def _wait_for(qtbot: QtBot, check: Callable[[], bool]) -> None:
    qtbot.waitUntil(check, timeout=10_000)


def test_a_reading_is_recorded_and_deleted_by_keyboard_alone(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    try:
        _record_and_delete(qtbot, window)
    finally:
        close_window(window)  # the day is pre-filled from the readings: close without asking


def _record_and_delete(qtbot: QtBot, window: MainWindow) -> None:
    feature, panel = _feature(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    today = window.today
    assert panel.record_button.accessibleName() == "Record pain now"

    # From Save, Tab reaches "Pain now…"; Space opens it; 6, Tab, 3, Enter records.
    today.save_button.setFocus(Qt.FocusReason.TabFocusReason)
    assert _press(Qt.Key.Key_Tab) is panel.record_button
    QTest.keyClick(panel.record_button, Qt.Key.Key_Space)
    dialog = feature.dialog
    assert isinstance(dialog, PainNowDialog)
    _wait_for(qtbot, lambda: dialog.isVisible() and QApplication.focusWidget() is dialog.back_pain)
    QTest.keyClicks(_focused(), "6")
    _press(Qt.Key.Key_Tab)
    QTest.keyClicks(_focused(), "3")
    QTest.keyClick(_focused(), Qt.Key.Key_Return)  # the dialog closes
    _back_to(qtbot, window)
    _wait_for(qtbot, lambda: len(panel.delete_buttons) == 1 and panel.delete_buttons[0].isVisible())
    _wait_for(qtbot, lambda: not window.session.tasks.busy)
    assert (panel.shown[0].reading.back_pain, panel.shown[0].reading.leg_pain) == (6, 3)

    # The reading's Delete is the next stop, named with its reading.
    _wait_for(qtbot, lambda: QApplication.focusWidget() is panel.record_button)
    delete = _press(Qt.Key.Key_Tab)
    assert delete is panel.delete_buttons[0]
    assert "back 6" in delete.accessibleName() and "leg 3" in delete.accessibleName()

    # Space asks first; Escape keeps the reading.
    asked = _answer_with_keys(Qt.Key.Key_Escape)
    QTest.keyClick(delete, Qt.Key.Key_Space)
    _wait_for(qtbot, lambda: bool(asked))
    assert "back 6" in asked[0]
    _back_to(qtbot, window)
    _wait_for(qtbot, lambda: not window.session.tasks.busy)
    assert len(panel.shown) == 1
    journal = window.session.journal
    assert journal is not None and len(journal.readings()) == 1

    # Space again, Alt+Y (Yes) deletes it; the focus stays in the readings, on "Pain now…".
    asked = _answer_with_keys(Qt.Key.Key_Y, ALT)
    QTest.keyClick(_focused(), Qt.Key.Key_Space)
    _wait_for(qtbot, lambda: bool(asked) and not panel.shown and not window.session.tasks.busy)
    _back_to(qtbot, window)
    assert journal.readings() == []
    assert panel.delete_buttons == []
    _wait_for(qtbot, lambda: QApplication.focusWidget() is panel.record_button)


def test_logging_a_day_by_tab_passes_none_of_the_readings_buttons(qtbot: QtBot, db_path: Path) -> None:
    """With readings on the day, Tab from Back pain to Save (every field, "More" open) passes
    neither "Pain now…" nor any Delete: the typical day's key count is what it was."""
    window = open_window(qtbot, db_path)
    feature, panel = _feature(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    for back in (4, 7):
        feature.record(back, None)
    _wait_for(qtbot, lambda: len(panel.delete_buttons) == 2 and all(b.isVisible() for b in panel.delete_buttons))
    _wait_for(qtbot, lambda: not window.session.tasks.busy)
    today = window.today
    today.form.more.set_open(True)
    QApplication.processEvents()
    today.focus_first_field()
    walk = _tab_walk(today.form.back_pain, today.save_button)
    assert walk[-1] is today.save_button, "Tab never reached Save"
    assert not set(walk) & set(panel.focus_widgets())
    # After Save: "Pain now…", then each reading's Delete in the order shown.
    after = [_press(Qt.Key.Key_Tab) for _ in range(3)]
    assert after == [panel.record_button, *panel.delete_buttons]
    close_window(window)
