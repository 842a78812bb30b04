"""The calendar heat map names every month it shows under the weeks."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from journal.core.dates import short_month
from journal.core.day import DayEntry
from journal.core.trend_series import heat_map
from journal.formats.heatmap import month_ticks

END = dt.date(2026, 11, 29)  # a Sunday


def labels_for(start: dt.date, end: dt.date) -> tuple[list[int], list[str]]:
    return month_ticks(heat_map([], start, end).week_starts, start, end)


def names(labels: list[str]) -> list[str]:
    """The month names, one each: a shared label ("Dec–Jan", a map of under a week) names both."""
    return [name for label in labels for name in label.split("\n")[0].split("–")]


def test_ninety_days_name_september() -> None:
    start = END - dt.timedelta(days=89)  # 1 September, a Tuesday in the week of 31 August
    _, labels = labels_for(start, END)
    assert names(labels) == ["Sep", "Oct", "Nov"]
    assert labels[0] == "Sep\n2026"  # the first label carries the year


def test_thirty_days_name_november() -> None:
    start = END - dt.timedelta(days=29)  # 31 October, a Saturday; 1 November is the next day
    positions, labels = labels_for(start, END)
    assert "Nov" in names(labels)
    assert "Aug" not in names(labels) and "Sep" not in names(labels)
    assert len(set(positions)) == len(positions)  # never two labels on one column


def test_a_month_starting_in_the_first_week_does_not_share_its_column() -> None:
    start = dt.date(2026, 10, 24)  # Saturday: October has 8 days shown, November starts in week 2
    positions, labels = labels_for(start, END)
    assert names(labels) == ["Oct", "Nov"]
    assert positions[0] < positions[1]


def test_a_few_days_across_a_month_end_name_both_months() -> None:
    _, labels = labels_for(dt.date(2026, 10, 30), dt.date(2026, 11, 2))
    assert names(labels) == ["Oct", "Nov"]
    _, labels = labels_for(dt.date(2007, 12, 31), dt.date(2008, 1, 6))  # one column, two months
    assert labels == ["Dec–Jan\n2007–2008"]


def test_january_carries_the_year() -> None:
    _, labels = labels_for(dt.date(2025, 11, 1), dt.date(2026, 2, 28))
    assert labels == ["Nov\n2025", "Dec", "Jan\n2026", "Feb"]


@given(
    end=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)),
    length=st.sampled_from([7, 8, 14, 30, 31, 60, 90, 91, 180, 365]),
)
def test_every_month_with_a_week_shown_is_named(end: dt.date, length: int) -> None:
    start = end - dt.timedelta(days=length - 1)
    grid = heat_map([], start, end)
    positions, labels = month_ticks(grid.week_starts, start, end)
    assert len(positions) == len(labels)
    assert positions == sorted(set(positions))
    assert all(0 <= column < len(grid.week_starts) for column in positions)
    shown: dict[tuple[int, int], int] = {}
    for offset in range(length):
        day = start + dt.timedelta(days=offset)
        shown[(day.year, day.month)] = shown.get((day.year, day.month), 0) + 1
    named = names(labels)
    for (year, month), count in shown.items():
        if count >= 7:
            assert short_month(dt.date(year, month, 1)) in named, (start, end, labels)
    # Only months that are shown are named.
    shown_names = {short_month(dt.date(y, m, 1)) for y, m in shown}
    assert set(named) <= shown_names


def test_the_drawn_map_carries_the_labels() -> None:
    from journal.formats.charts import new_figure
    from journal.formats.heatmap import draw_heatmap

    start = END - dt.timedelta(days=89)
    days = [DayEntry(start + dt.timedelta(days=i), i % 11) for i in range(90)]
    chart = draw_heatmap(new_figure(layout=None), days, start, END)
    drawn = [tick.get_text().split("\n")[0] for tick in chart.ax.get_xticklabels()]
    assert drawn == ["Sep", "Oct", "Nov"]
