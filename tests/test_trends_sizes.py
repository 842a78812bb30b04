"""Trends at any window size: the chart lays itself out again after every resize and theme switch."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from journal.core.day import ActivityMinutes
from tests.gui_helpers import settle_layouts
from tests.test_trends_view import make_days

TRIGGERS = (
    "stress",
    "long drive",
    "lifting the shopping",
    "bad night",
    "cold weather",
    "gardening",
    "housework",
    "sitting at work",
)
ACTIVITIES = ("walking", "sitting", "physiotherapy exercises", "swimming", "cycling to work", "yoga", "standing")


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    """The Trends tests' 120 days with eight triggers and seven activities (long names, many rows)."""
    from journal.storage.journal import Journal

    days = [
        dataclasses.replace(
            day,
            triggers=tuple(sorted({TRIGGERS[i % len(TRIGGERS)], TRIGGERS[(i * 3) % len(TRIGGERS)]})),
            activities=tuple(ActivityMinutes(ACTIVITIES[(i + k) % len(ACTIVITIES)], 20 + 10 * k) for k in range(3)),
        )
        for i, day in enumerate(make_days())
    ]
    journal = Journal.open(db_path)
    journal.import_days(days)
    journal.close()
    return db_path


if TYPE_CHECKING:
    from matplotlib.transforms import Bbox

    from journal.ui.session import JournalSession
    from journal.ui.trends.view import TrendsView


@pytest.fixture
def session(qtbot: QtBot, filled_db: Path) -> Iterator["JournalSession"]:
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner

    opened = JournalSession(TaskRunner())
    with qtbot.waitSignal(opened.opened, timeout=20_000):
        opened.open(filled_db)
    yield opened
    opened.close()


def open_trends(qtbot: QtBot, session: "JournalSession", width: int, height: int) -> "TrendsView":
    from journal.ui.trends.view import TrendsView

    trends = TrendsView(session)
    qtbot.addWidget(trends)
    trends.resize(width, height)
    with qtbot.waitSignals([trends.chartsReady, trends.summaryShown], timeout=20_000):
        trends.show()
    qtbot.waitUntil(trends.chart_settled)
    return trends


def pain_axes_px(view: "TrendsView") -> tuple[float, float]:
    """Width and height of the pain panel in pixels, after a full draw."""
    assert view.canvas is not None and view.chart is not None
    view.canvas.draw()
    box = view.chart.pain_ax.get_window_extent()
    return box.width, box.height


def resize_to(qtbot: QtBot, view: "TrendsView", width: int, height: int) -> None:
    """Resize and wait until the chart has settled: its new least height applied and the figure following."""
    view.resize(width, height)
    qtbot.waitUntil(lambda: view.size().width() == width and view.size().height() == height)
    settle_layouts()  # the splitter and scroll area pass the new size down to the canvas
    qtbot.waitUntil(view.chart_settled)


@pytest.mark.slow
@pytest.mark.parametrize(("small_w", "small_h"), [(1024, 700), (800, 600)])
def test_the_chart_comes_back_after_a_smaller_window(qtbot: QtBot, session: "JournalSession", small_w: int, small_h: int) -> None:
    fresh = open_trends(qtbot, session, 1280, 800)
    fresh_size = pain_axes_px(fresh)
    fresh.close()
    view = open_trends(qtbot, session, 1280, 800)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        resize_to(qtbot, view, small_w, small_h)
        assert pain_axes_px(view)[1] >= 120  # the panel keeps its height, scrolled if it must
        resize_to(qtbot, view, 1280, 800)
        back = pain_axes_px(view)
    assert [str(w.message) for w in caught if "layout" in str(w.message).lower()] == []
    assert back[0] == pytest.approx(fresh_size[0], rel=0.05)
    assert back[1] == pytest.approx(fresh_size[1], rel=0.05)


def overlaps(a: "Bbox", b: "Bbox") -> bool:
    return bool(a.x0 < b.x1 - 1 and b.x0 < a.x1 - 1 and a.y0 < b.y1 - 1 and b.y0 < a.y1 - 1)


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height"), [(1024, 700), (800, 600)])
def test_a_small_window_cuts_no_key_and_overlaps_no_labels(
    qtbot: QtBot, session: "JournalSession", width: int, height: int
) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        view = open_trends(qtbot, session, width, height)
        resize_to(qtbot, view, width, height)
        assert view.canvas is not None and view.chart is not None
        view.canvas.draw()
    assert [str(w.message) for w in caught if "layout" in str(w.message).lower()] == []
    figure, chart = view.canvas.figure, view.chart
    renderer = view.canvas.get_renderer()
    inside = figure.bbox.padded(1)
    for heading in chart.static_artists():
        box = heading.get_window_extent(renderer)
        assert inside.containsx(box.x0) and inside.containsx(box.x1), f"a key is cut at the side: {box.bounds} in {inside.bounds}"
        assert inside.containsy(box.y0) and inside.containsy(box.y1), "a key is cut at the top or bottom"
    # Each panel's heading sits above its plot and below the panel above it.
    for upper, lower, heading in zip(chart.axes, chart.axes[1:], chart.static_artists()[1:]):
        box = heading.get_window_extent(renderer)
        assert not overlaps(box, upper.get_window_extent(renderer))
        assert not overlaps(box, lower.get_window_extent(renderer))
    labels = [t.get_window_extent(renderer) for t in chart.trigger_ax.get_yticklabels() if t.get_text()]
    assert len(labels) == len(TRIGGERS)
    assert not any(overlaps(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :])
    dates = [t.get_window_extent(renderer) for t in chart.peg_ax.get_xticklabels() if t.get_text()]
    assert not any(overlaps(a, b) for i, a in enumerate(dates) for b in dates[i + 1 :])
    assert chart.pain_ax.get_window_extent(renderer).height >= 120


@pytest.mark.slow
def test_the_period_row_is_one_line_at_800_by_600(qtbot: QtBot, session: "JournalSession") -> None:
    from PySide6.QtCore import QPoint, QRect

    from journal.ui.trends.period_bar import PeriodBar

    view = open_trends(qtbot, session, 800, 600)
    row = view.findChild(PeriodBar)
    assert row is not None
    chip = view.buttons[next(iter(view.buttons))]
    assert row.height() < 2 * chip.height()  # the chart keeps the height a second line would take
    assert all(row.isAncestorOf(button) for button in view.buttons.values())
    # Save chart is under the chart, beside the words about the day pointed at, and fully shown.
    save = view.save_button
    assert save.isVisible() and not row.isAncestorOf(save)
    top_left = save.mapTo(view, QPoint(0, 0))
    assert abs(top_left.y() - view.hover_label.mapTo(view, QPoint(0, 0)).y()) <= 4
    assert view.rect().contains(QRect(top_left, save.size()))
