"""Features plug into the window through WindowHost's hooks, not by rewiring its widgets."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from journal.ui.host import WindowHost
from journal.ui.main_window import MainWindow
from tests.gui_helpers import close_window, open_window


def test_file_quit_runs_the_handler_a_feature_set_and_closes_without_one(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    assert isinstance(window, WindowHost) and isinstance(window, MainWindow)
    asked: list[str] = []
    window.set_quit_handler(lambda: asked.append("quit"))
    window.quit_action.trigger()
    assert asked == ["quit"] and window.isVisible()  # the feature decides (the tray's companion quits for real)
    window.set_quit_handler(None)
    window.quit_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    close_window(window)
