"""The Qt binding must not lose references to None: the window makes millions of void calls.

PySide6 6.12.0 under Python 3.11 dropped one reference to ``None`` on every call
of a method that returns nothing, so a long session ended in
"Fatal Python error: deallocating None". The pinned version must not.
"""

from __future__ import annotations

import sys

from pytestqt.qtbot import QtBot
from PySide6.QtWidgets import QApplication, QLabel


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    app = QApplication.instance()
    assert app is not None
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setEnabled(True)
        label.update()
        app.processEvents()
    # Other code may hold a few more or fewer references; thousands lost is the bug.
    assert abs(sys.getrefcount(None) - before) < 100
