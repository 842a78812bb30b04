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


def test_activity_hints_are_a_hook_the_rows_follow_by_themselves(qtbot: QtBot) -> None:
    from journal.core.day import ActivityMinutes
    from journal.ui.widgets.activities import ActivityList

    activities = ActivityList()
    qtbot.addWidget(activities)
    row = activities.add_row(ActivityMinutes("walking", 10))

    def hint_for(value: ActivityMinutes | None) -> tuple[str, str] | None:
        return (f"{value.minutes} noted", "tip") if value is not None and value.name == "walking" else None

    activities.set_hints(hint_for, "999 noted")
    assert not row.hint.isHidden() and row.hint.text() == "10 noted" and row.hint.toolTip() == "tip"
    row.minutes.setValue(25)  # an edit: the hint follows without the feature doing anything
    assert row.hint.text() == "25 noted"
    other = activities.add_row(ActivityMinutes("sitting", 60), focus=False)
    assert not other.hint.isHidden() and other.hint.text() == ""  # an empty column keeps rows aligned
    assert other.hint.width() == row.hint.width()
    activities.set_hints(None)
    assert row.hint.isHidden() and other.hint.isHidden()
