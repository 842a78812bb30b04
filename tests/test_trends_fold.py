"""Trends of the sample data at 1280×800: every panel, the weekly PEG included, in view without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from journal.ui.palettes import LIGHT
from journal.ui.style import padding, style_sheet
from tests.gui_helpers import close_window, open_window, settle_layouts


@pytest.mark.slow
def test_the_sample_datas_peg_panel_is_above_the_fold_at_1280_by_800(qtbot: QtBot) -> None:
    from journal.ui.main_window import LazyTab
    from journal.ui.trends.view import TrendsView

    window = open_window(qtbot, None, demo=True)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.size().width() == 1280 and window.size().height() == 800, timeout=5_000)
    qtbot.waitUntil(lambda: any(a.text() == "T&rends" for a in window.view_menu.actions()), timeout=10_000)
    next(a for a in window.view_menu.actions() if a.text() == "T&rends").trigger()
    tab = window.tabs.currentWidget()
    assert isinstance(tab, LazyTab)
    trends = tab.build()
    assert isinstance(trends, TrendsView)
    qtbot.waitUntil(lambda: trends.chart is not None and trends.canvas is not None, timeout=30_000)
    canvas, chart = trends.canvas, trends.chart
    assert canvas is not None and chart is not None

    qtbot.waitUntil(trends.chart_settled, timeout=30_000)
    settle_layouts()
    canvas.draw()
    ratio = canvas.device_pixel_ratio
    scroller = canvas.parentWidget().parentWidget()
    assert isinstance(scroller, QScrollArea)
    viewport = scroller.viewport()
    assert scroller.verticalScrollBar().value() == 0
    for name, axes in (("pain", chart.pain_ax), ("weekly PEG", chart.peg_ax)):
        box = axes.get_window_extent()
        top = round(canvas.height() - box.y1 / ratio)
        bottom = round(canvas.height() - box.y0 / ratio)
        rect = QRect(canvas.mapTo(viewport, QPoint(0, top)), QPoint(canvas.mapTo(viewport, QPoint(0, bottom))))
        assert viewport.rect().contains(rect), (name, rect, viewport.rect())
    pain = chart.pain_ax.get_window_extent()
    assert pain.height / ratio >= 150 and pain.width / ratio >= 600  # not squeezed: a readable pain panel
    close_window(window)


@pytest.mark.slow
def test_every_chart_tab_shows_its_whole_title_at_800_by_600(qtbot: QtBot) -> None:
    # The app's look (its larger font and padded tabs) for this test only: the rest keep theirs.
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    usual = QFont(app.font())
    font = QFont(usual)
    font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 10.0) * 1.1)
    app.setFont(font)
    try:
        check_the_chart_tabs_at_800_by_600(qtbot)
    finally:
        app.setFont(usual)


def check_the_chart_tabs_at_800_by_600(qtbot: QtBot) -> None:
    from journal.ui.main_window import LazyTab
    from journal.ui.trends.view import TrendsView

    window = open_window(qtbot, None, demo=True)
    window.setStyleSheet(style_sheet(LIGHT, padding(QApplication.instance())))  # type: ignore[arg-type]
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: any(a.text() == "T&rends" for a in window.view_menu.actions()), timeout=10_000)
    next(a for a in window.view_menu.actions() if a.text() == "T&rends").trigger()
    tab = window.tabs.currentWidget()
    assert isinstance(tab, LazyTab)
    trends = tab.build()
    assert isinstance(trends, TrendsView)
    qtbot.waitUntil(trends.chart_settled, timeout=30_000)
    window.resize(800, 600)  # made smaller while open, as a patient would
    qtbot.waitUntil(lambda: window.size().width() == 800 and window.size().height() == 600, timeout=5_000)
    settle_layouts()
    qtbot.waitUntil(trends.chart_settled, timeout=30_000)
    bar = trends.chart_tabs.tabBar()
    titles = [bar.tabText(i) for i in range(bar.count())]
    assert "Pacing plan" in titles  # the pacing feature's page is there too
    last = bar.tabRect(bar.count() - 1)
    assert last.right() < bar.width(), (titles, last, bar.width())  # no tab cut, no scroll arrows needed
    close_window(window)
