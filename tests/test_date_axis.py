"""Chart time axes count in days: no clock times, even with one to three days logged."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib import dates as mdates
from matplotlib.axes import Axes

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
    assert labels[0] == f"{mdates.num2date(ticks[0]).day} Nov"  # the month is named
    if count <= 3:
        assert len(ticks) == count  # each of the days gets its date


def test_longer_periods_keep_month_names() -> None:
    start = END - dt.timedelta(days=89)
    chart = draw_trend_chart(new_figure(), trend_series(entries(90), start, END))
    _, labels = tick_dates_and_labels(chart.peg_ax)
    assert {"Sep", "Oct", "Nov"} <= set(labels)
    assert not any(":" in label or label.startswith("0") for label in labels)


@pytest.mark.parametrize("count", [1, 3])
def test_sleep_and_mood_chart_uses_dates_too(count: int) -> None:
    start = END - dt.timedelta(days=count - 1)
    chart = draw_measures(new_figure(layout=None), entries(count), start, END)
    ticks, labels = tick_dates_and_labels(chart.stiffness_ax)
    assert ticks and all(tick == int(tick) for tick in ticks)
    assert not any(":" in label for label in labels), labels
