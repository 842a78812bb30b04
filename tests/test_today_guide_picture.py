"""The user guide's Today picture shows the daily core whole: the window it is taken in is just
tall enough that "+ Add activity" and "More" are inside the scrolling area, not cut by its edge."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from journal.ui.tools.screenshots import GUIDE_OUT, GUIDE_SOURCES, WINDOW_SIZE, hidden_below_core
from tests.gui_helpers import close_window, open_window


def _wholly_shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.visibleRegion().boundingRect() == widget.rect()


def test_the_guide_window_shows_add_activity_and_more_whole(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    try:
        form = window.today.form
        window.resize(*WINDOW_SIZE)
        for _ in range(3):  # a day with a few activities: at 1280×800 the core runs past the edge
            form.activities.add_row(focus=False)
        qtbot.waitUntil(lambda: hidden_below_core(window) > 20, timeout=5_000)
        assert not _wholly_shown(form.more.toggle)
        extra = hidden_below_core(window)
        window.resize(WINDOW_SIZE[0], WINDOW_SIZE[1] + extra)
        qtbot.waitUntil(lambda: _wholly_shown(form.more.toggle), timeout=5_000)
        assert _wholly_shown(form.activities.add_button)
        assert hidden_below_core(window) == 0
    finally:
        close_window(window)


def test_the_guide_picture_is_the_taller_one() -> None:
    """The shipped picture has the taller window's shape, not 1280×800's."""
    assert GUIDE_SOURCES["today-light.png"] == "today-guide.png"
    image = QImage(str(GUIDE_OUT / "today-light.png"))
    assert not image.isNull()
    assert image.height() / image.width() > WINDOW_SIZE[1] / WINDOW_SIZE[0] + 0.05
