"""Trends of the sample data at 1280×800: every panel, the weekly PEG included, in view without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

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
