"""Switching colours while open: every screen follows, whatever the window started in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from matplotlib.colors import to_hex
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.ui import appearance, theme
from journal.ui.palettes import DARK, HIGH_CONTRAST, LIGHT, Theme, ThemeChoice
from tests.test_trends_view import filled_db, session  # noqa: F401 - fixtures

if TYPE_CHECKING:
    from journal.ui.trends.view import TrendsView


@pytest.fixture
def trends(qtbot: QtBot, request: pytest.FixtureRequest, plain_app: QApplication) -> "TrendsView":
    """The Trends tab built in a light start (no theme manager yet)."""
    from journal.ui.trends.view import TrendsView

    view = TrendsView(request.getfixturevalue("session"))
    qtbot.addWidget(view)
    view.resize(1200, 760)
    with qtbot.waitSignals([view.chartsReady, view.summaryShown], timeout=20_000):
        view.show()
    return view


@pytest.fixture
def plain_app(qapp: QApplication) -> Iterator[QApplication]:
    """No theme manager at the start (a light start); afterwards none again, plain light."""
    manager = theme.theme_manager()
    if manager is not None:
        manager.set_choice(ThemeChoice.SYSTEM)
        manager.deleteLater()
        theme._manager = None
    yield qapp
    manager = theme.theme_manager()
    if manager is not None:
        manager.set_choice(ThemeChoice.LIGHT)
        manager.set_choice(ThemeChoice.SYSTEM)
        manager.stop_following()
        theme._manager = None
    qapp.setStyleSheet("")
    qapp.setPalette(QPalette())
    appearance.open_settings().clear()


def theme_now(manager: theme.ThemeManager) -> Theme:
    """The manager's theme, read afresh (a call, so an earlier check does not fix its type)."""
    return manager.theme


@pytest.mark.slow
def test_a_light_start_follows_the_desktop_into_dark(
    qtbot: QtBot, db_path: Path, plain_app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.gui_helpers import close_window, open_window

    window = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: window.colours_menu is not None, timeout=5_000)
    manager = theme.theme_manager()
    assert manager is not None and manager.theme is Theme.LIGHT
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop turned dark
    assert theme_now(manager) is Theme.DARK
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == DARK.window
    close_window(window)


@pytest.mark.slow
@pytest.mark.parametrize("colours", [DARK, HIGH_CONTRAST], ids=["dark", "high-contrast"])
def test_trends_charts_and_words_follow_a_live_switch(plain_app: QApplication, trends: "TrendsView", colours: object) -> None:
    view = trends
    assert view.canvas is not None
    figure = view.canvas.figure
    assert to_hex(figure.get_facecolor()) == "#ffffff"  # light: the print colours
    assert LIGHT.heading.lower() in view.insights.toHtml().lower()
    choice = ThemeChoice.DARK if colours is DARK else ThemeChoice.HIGH_CONTRAST
    theme.install_theme(plain_app).set_choice(choice)  # the manager came after the tab was built
    view.canvas.draw()
    assert to_hex(figure.get_facecolor()) == colours.window  # type: ignore[attr-defined]
    assert to_hex(view.chart.pain_ax.get_facecolor()) == colours.window  # type: ignore[attr-defined]
    html = view.insights.toHtml().lower()
    assert colours.heading.lower() in html  # type: ignore[attr-defined]
    assert LIGHT.heading.lower() not in html


def test_the_guidance_reader_follows_a_live_switch(qtbot: QtBot, plain_app: QApplication) -> None:
    from journal.core.guidance import load_library
    from journal.ui.guidance.library_view import LibraryView

    library = load_library()
    reader = LibraryView(library)
    qtbot.addWidget(reader)
    item = library.items[0]
    reader.show_item(item.id)
    before = reader.reader.toHtml().lower()
    theme.install_theme(plain_app).set_choice(ThemeChoice.DARK)
    after = reader.reader.toHtml().lower()
    assert after != before
    assert DARK.muted.lower() in after or DARK.heading.lower() in after
