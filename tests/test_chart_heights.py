"""The trend chart's panels share its height: each keeps a readable least, the rest goes by share."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from journal.core.day import DayEntry
from journal.core.trend_series import trend_series
from journal.formats.charts import TrendChart, draw_trend_chart, new_figure, share_height

END = dt.date(2026, 11, 28)
TRIGGERS = ("stress", "long drive", "bad night", "cold weather", "gardening")


def chart(height_in: float) -> TrendChart:
    days = [DayEntry(END - dt.timedelta(days=i), 3 + i % 5, triggers=(TRIGGERS[i % 5],)) for i in range(90)]
    figure = new_figure(width_in=9.0, height_in=height_in)
    FigureCanvasAgg(figure)
    made = draw_trend_chart(figure, trend_series(days, END - dt.timedelta(days=89), END))
    made.fit_width(figure.canvas.get_renderer())  # type: ignore[attr-defined]
    return made


def plot_heights(made: TrendChart) -> list[float]:
    made.figure.canvas.draw()
    return [ax.get_window_extent().height for ax in made.axes]


def test_share_height_gives_each_its_least_and_the_rest_by_weight() -> None:
    assert share_height(300, [50, 50], [1, 1]) == [150, 150]
    # The second panel's share (60) is below its least (100): it keeps 100, the first takes the rest.
    assert share_height(300, [50, 100], [4, 1]) == [200, 100]
    assert share_height(120, [50, 100], [4, 1]) == [50, 100]  # too little room: the least heights
    heights = share_height(500, [120, 45, 60, 36], [3.8, 1.6, 1.6, 1.1])
    assert sum(heights) == pytest.approx(500)
    assert all(h >= least for h, least in zip(heights, [120, 45, 60, 36]))


def test_at_the_height_it_asks_for_every_plot_has_its_least_and_no_more() -> None:
    made = chart(8.0)
    needed = made.fit_height() / made.figure.dpi
    short = chart(needed)
    short.fit_height()
    heights = plot_heights(short)
    for got, least in zip(heights, short.least_plot_heights()):
        assert got == pytest.approx(least, abs=1.5)


def test_a_tall_figure_shares_out_by_weight_and_the_trigger_rows_do_not_set_the_height() -> None:
    made = chart(12.0)
    needed = made.fit_height()
    heights = plot_heights(made)
    weights = made.share_weights
    for got, weight in zip(heights, weights):
        assert got / heights[0] == pytest.approx(weight / weights[0], rel=0.02)
    # The least height is the headings, dates and gaps plus each plot's least, not the trigger panel's
    # least scaled up to the shares of a tall figure.
    least = made.least_plot_heights()
    rest = made.figure.bbox.height - sum(heights)
    assert needed == pytest.approx(rest + sum(least), abs=2)
    assert needed < rest + max(n / w for n, w in zip(least, weights)) * sum(weights) - 40
