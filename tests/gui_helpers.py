"""Helpers for window tests: open a real window on a journal file and wait until it is ready."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from journal.core.day import DayEntry
from journal.ui.main_window import MainWindow


def open_window(qtbot: QtBot, path: Path | None, *, demo: bool = False, welcome: bool = False) -> MainWindow:
    from journal.ui.app import create_window

    window = create_window(path, demo=demo, welcome=welcome)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session.opened, timeout=20_000):
        window.show()
    qtbot.waitUntil(lambda: window.today.isEnabled(), timeout=5_000)
    return window


def close_window(window: MainWindow) -> None:
    window.today.discard_changes()  # nothing unsaved: close without asking
    window.close()
    window.session.close()
    window.session.release_lock()  # the features that do it on closing may not be installed yet


def answer_next_message_box(button: QMessageBox.StandardButton) -> list[str]:
    """Click ``button`` on the next message box that appears; the list gets its text."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    return seen


def save_and_wait(qtbot: QtBot, window: MainWindow) -> bool:
    """Press Save on Today and wait for the journal's answer; True when the day was saved."""
    outcome: list[bool] = []
    window.today.save(outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    return outcome[0]


def open_date_and_wait(qtbot: QtBot, window: MainWindow, date: dt.date) -> bool:
    """Ask Today to show ``date`` and wait until it does; False when it did not (Cancel, a failed save)."""
    shown: list[bool] = []
    window.today.open_date(date, lambda: shown.append(True))
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    return bool(shown)


def stored_day(qtbot: QtBot, window: MainWindow, date: dt.date) -> DayEntry | None:
    """What the journal file holds for ``date``, read once the window's queued work is done."""
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    journal = window.session.journal
    assert journal is not None
    return journal.day(date)


def settle_layouts() -> None:
    """Apply every pending layout request now: what a fixed wait hoped had happened, done on purpose.

    Geometry changes post ``LayoutRequest`` events, and handling one can post
    more (a scroll area after its contents), so this repeats until none is left.
    """
    for _ in range(10):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
