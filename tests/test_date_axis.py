"""Chart time axes count in days: no clock times, even with one to three days logged."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg

from journal.core.day import DayEntry
from journal.core.trend_series import trend_series
from journal.formats.charts import draw_trend_chart, new_figure
from journal.formats.measures_chart import draw_measures

END = dt.date(2026, 11, 28)


def entries(count: int) -> list[DayEntry]:
    return [DayEntry(END - dt.timedelta(days=i), 3 + i % 4, sleep_hours=7.0) for i in range(count)]


def tick_dates_and_labels(ax: Axes) -> tuple[list[float], list[str]]:
    ax.figure.canvas.draw()
    low, high = ax.get_xlim()
    ticks = [tick for tick in ax.get_xticks() if low <= tick <= high]
    labels = [label.get_text() for label in ax.get_xticklabels() if label.get_text()]
    return ticks, labels


@pytest.mark.parametrize("count", [1, 2, 3, 5, 10])
def test_a_few_days_are_labelled_with_dates_only(count: int) -> None:
    start = END - dt.timedelta(days=count - 1)
    chart = draw_trend_chart(new_figure(), trend_series(entries(count), start, END))
    ticks, labels = tick_dates_and_labels(chart.peg_ax)
    assert ticks, "at least one day is marked"
    assert all(tick == int(tick) for tick in ticks), "every tick is a midnight, a whole day"
    assert not any(":" in label for label in labels), labels
    assert labels[0] == f"{mdates.num2date(ticks[0]).day} Nov 2026"  # the month and year are named
    assert chart.peg_ax.xaxis.get_major_formatter().get_offset() == ""  # no line of its own for the year
    if count <= 3:
        assert len(ticks) == count  # each of the days gets its date


def test_longer_periods_keep_month_names() -> None:
    start = END - dt.timedelta(days=89)
    chart = draw_trend_chart(new_figure(), trend_series(entries(90), start, END))
    _, labels = tick_dates_and_labels(chart.peg_ax)
    assert {"Sep 2026", "Oct", "Nov"} <= set(labels)  # the year beside the first month named, once
    assert chart.peg_ax.xaxis.get_major_formatter().get_offset() == ""
    assert not any(":" in label or label.startswith("0") for label in labels)


@pytest.mark.parametrize("count", [1, 3])
def test_sleep_and_mood_chart_uses_dates_too(count: int) -> None:
    start = END - dt.timedelta(days=count - 1)
    chart = draw_measures(new_figure(layout=None), entries(count), start, END)
    ticks, labels = tick_dates_and_labels(chart.stiffness_ax)
    assert ticks and all(tick == int(tick) for tick in ticks)
    assert not any(":" in label for label in labels), labels


def test_a_period_across_new_year_names_each_year_once() -> None:
    end = dt.date(2027, 2, 15)
    days = [DayEntry(end - dt.timedelta(days=i), 4) for i in range(90)]
    chart = draw_trend_chart(new_figure(), trend_series(days, end - dt.timedelta(days=89), end))
    _, labels = tick_dates_and_labels(chart.peg_ax)
    years = [label for label in labels if label.endswith(("2026", "2027"))]
    assert years in (["Dec 2026", "Jan 2027"], ["2027"]), labels  # by month names, or January as the year


def test_the_dates_take_one_line_under_the_chart() -> None:
    start = END - dt.timedelta(days=89)
    figure = new_figure()
    chart = draw_trend_chart(figure, trend_series(entries(90), start, END))
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    below = chart.peg_ax.get_window_extent(renderer).y0 - chart.peg_ax.get_tightbbox(renderer).y0
    line = max(label.get_window_extent(renderer).height for label in chart.peg_ax.get_xticklabels() if label.get_text())
    assert below < 2 * line  # tick marks and one line of dates, not a second line for the year


def overlapping(ax: Axes, canvas: FigureCanvasAgg) -> list[str]:
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.get_xticklabels() if t.get_text()]
    return [f"{a} / {b}" for i, (a, one) in enumerate(boxes) for b, other in boxes[i + 1 :] if one.x1 + 4 > other.x0]


@pytest.mark.parametrize("span", [30, 90, 365])
def test_a_narrow_chart_has_fewer_dates_and_none_touch(span: int) -> None:
    start = END - dt.timedelta(days=span - 1)
    days = entries(span)
    narrow = new_figure(width_in=4.6, height_in=6.0, layout=None)
    measures = draw_measures(narrow, days, start, END)
    assert overlapping(measures.stiffness_ax, FigureCanvasAgg(narrow)) == []
    trend_figure = new_figure(width_in=4.6, height_in=7.0)
    chart = draw_trend_chart(trend_figure, trend_series(days, start, END))
    canvas = FigureCanvasAgg(trend_figure)
    chart.fit_width(canvas.get_renderer())  # as the Trends tab does: keys wrapped, and the height they need
    trend_figure.set_size_inches(4.6, chart.fit_height() / trend_figure.dpi)
    assert overlapping(chart.peg_ax, canvas) == []
    narrow_count = len([t for t in chart.peg_ax.get_xticklabels() if t.get_text()])
    wide_figure = new_figure(width_in=11.0, height_in=7.0)
    wide = draw_trend_chart(wide_figure, trend_series(days, start, END))
    FigureCanvasAgg(wide_figure).draw()
    assert narrow_count < len([t for t in wide.peg_ax.get_xticklabels() if t.get_text()])
