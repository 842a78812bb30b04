"""Chips and places by keyboard: one tab stop per set, arrows move, Space toggles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from journal.ui.widgets.chips import ChipGroup


def _shown(qtbot: QtBot, child: QWidget, width: int = 260) -> QWidget:
    """Show ``child`` in a window; keep the returned window referenced (qtbot holds it weakly)."""
    host = QWidget()
    QVBoxLayout(host).addWidget(child)
    qtbot.addWidget(host)
    host.resize(width, 300)
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow, timeout=5_000)  # focus moves only in the active window
    return host


def test_arrows_move_between_chips_and_space_toggles(qtbot: QtBot) -> None:
    group = ChipGroup("Trigger")
    group.set_names(["lifting", "bending", "twisting", "stress", "long drive", "poor sleep"])
    host = _shown(qtbot, group)
    chips = group.chips()
    toggles: list[tuple[str, bool]] = []
    group.toggled.connect(lambda name, on: toggles.append((name, on)))
    tab_stops = [c for c in chips if c.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert tab_stops == [chips[0]]  # one tab stop for the whole set

    chips[0].setFocus()
    qtbot.keyClick(chips[0], Qt.Key.Key_Right)
    assert QApplication.focusWidget() is chips[1]
    qtbot.keyClick(chips[1], Qt.Key.Key_Space)
    assert toggles == [("bending", True)] and group.checked() == ["bending"]
    qtbot.keyClick(chips[1], Qt.Key.Key_Left)
    qtbot.keyClick(chips[0], Qt.Key.Key_Left)  # stays at the first
    assert QApplication.focusWidget() is chips[0]
    qtbot.keyClick(chips[0], Qt.Key.Key_End)
    assert QApplication.focusWidget() is chips[-1]
    # The chip last moved to is where Tab comes back in.
    assert [c for c in chips if c.focusPolicy() & Qt.FocusPolicy.TabFocus] == [chips[-1]]
    qtbot.keyClick(chips[-1], Qt.Key.Key_Home)
    assert QApplication.focusWidget() is chips[0]
    host.close()


def test_up_and_down_move_to_the_nearest_chip_on_the_next_line(qtbot: QtBot) -> None:
    group = ChipGroup("Symptom")
    group.set_names([f"symptom number {n}" for n in range(8)])
    host = _shown(qtbot, group, width=320)
    chips = group.chips()
    lines = sorted({c.y() for c in chips})
    assert len(lines) >= 3  # the set wraps
    start = chips[0]
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Down)
    moved = QApplication.focusWidget()
    assert moved in chips and moved.y() == lines[1]
    qtbot.keyClick(moved, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is start
    qtbot.keyClick(start, Qt.Key.Key_Up)  # the first line: stays
    assert QApplication.focusWidget() is start
    host.close()


def test_tab_leaves_the_chips_for_add_beside_them(qtbot: QtBot) -> None:
    group = ChipGroup("Trigger")
    group.set_names(["lifting", "bending"])
    host = _shown(qtbot, group)
    group.chips()[0].setFocus()
    qtbot.keyClick(group.chips()[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is group.add_button
    host.close()
