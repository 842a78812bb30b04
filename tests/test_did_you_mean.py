"""The "Did you mean …?" question: no default button, and it says why the sign matters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from journal.app.screening import why_of
from journal.ui.today.screening import did_you_mean_box

SADDLE = "numbness in the saddle area"


def test_enter_alone_marks_nothing_and_escape_is_no(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box, yes = did_you_mean_box(parent, SADDLE, "numb down there")
    box.open()
    qtbot.waitExposed(box)
    buttons = [b for b in box.buttons() if isinstance(b, QPushButton)]
    assert len(buttons) == 2 and all(not b.isDefault() and not b.autoDefault() for b in buttons)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClick(box, Qt.Key.Key_Enter)
    assert box.isVisible() and box.clickedButton() is None
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert box.clickedButton() is not yes


def test_the_question_shows_the_signs_reason(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box, _yes = did_you_mean_box(parent, SADDLE, "numb down there")
    assert why_of(SADDLE) and why_of(SADDLE) in box.informativeText()
    assert "numb down there" in box.informativeText()
