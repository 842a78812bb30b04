"""A calendar heat map of back pain (weekdays × weeks), drawn onto a given Figure.

No Qt and no pyplot. Columns are weeks (Monday first), rows are weekdays;
each logged day is coloured by its back pain on one of eleven steps of a
colour-blind-safe sequential scale (light = low, dark = high). A day that
was not logged is grey; days outside the period are left blank. At most a
year is drawn, the one ending with the period, so it reads at a glance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text

from journal.core import clock
from journal.core.dates import day_words, short_month
from journal.core.day import DayEntry
from journal.core.trend_series import heat_map

YEAR_DAYS: Final = 365
MAX_CELL_PT: Final = 36.0
KEY_WIDTH_PT: Final = 280.0
KEY_HEIGHT_PT: Final = 10.0
KEY_LABEL: Final = "Back pain (0–10): lighter is less pain"
NUMBERS_NOTE: Final = "In each day: the date small, the back pain large"
#: Cells carry their number when there are at most this many weeks (cells are big enough).
NUMBERED_WEEKS: Final = 20
NOT_LOGGED_COLOUR: Final = "#cfd4da"
OUTSIDE: Final = -1.0
WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
TEXT_COLOUR: Final = "#2b3440"
FONT_SIZE: Final = 9.5


def heatmap_range(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The days the map shows: the period, or its last year when it is longer."""
    return max(start, end - dt.timedelta(days=YEAR_DAYS - 1)), end


def pain_colours() -> ListedColormap:
    """Eleven steps (0–10) of ColorBrewer YlOrBr, skipping its near-white end."""
    steps = colormaps["YlOrBr"](np.linspace(0.12, 1.0, 11))
    # Outside the period is "under" the scale: blank.
    colours = ListedColormap(steps, name="back_pain").with_extremes(bad=NOT_LOGGED_COLOUR, under=(1.0, 1.0, 1.0, 0.0))
    assert isinstance(colours, ListedColormap)  # with_extremes returns a copy of the same kind
    return colours


def month_ticks(week_starts: Sequence[dt.date], start: dt.date, end: dt.date) -> tuple[list[int], list[str]]:
    """Columns to label with a month's short name (and the year on the first label and in January).

    Every month with at least a week of days inside [start, end] gets a label,
    under the first column where that month begins or, for the month the map
    starts in, under the first column. Two months can start in one column (the
    map starts on 31 October, a Saturday): the later month then moves to the
    next column, and a month with less than a week shown gives up its label
    rather than crowd the next one. A map of under a week labels its months anyway.
    """
    if not week_starts:
        return [], []
    last_column = len(week_starts) - 1
    months: list[tuple[dt.date, int, int]] = []  # (first shown day, its column, days shown)
    day = max(start, week_starts[0])
    while day <= end:
        next_month = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        shown_until = min(end, next_month - dt.timedelta(days=1))
        months.append((day, (day - week_starts[0]).days // 7, (shown_until - day).days + 1))
        day = next_month
    short_map = (end - start).days < 7
    positions: list[int] = []
    labels: list[str] = []
    for index, (first_day, column, shown) in enumerate(months):
        if positions and column <= positions[-1]:
            column = positions[-1] + 1  # the previous month already holds this column
        following = months[index + 1][1] if index + 1 < len(months) else last_column + 2
        crowded = column > last_column or column + 1 >= following
        if shown < 7 and crowded and not short_map:
            continue
        column = min(column, last_column)
        if positions and column == positions[-1]:  # only in a map of under a week
            name, *year = labels[-1].split("\n")
            if year and first_day.month == 1:
                year = [f"{year[0]}–{first_day.year}"]
            labels[-1] = "\n".join([f"{name}–{short_month(first_day)}", *year])
            continue
        positions.append(column)
        year_too = first_day.month == 1 or not labels
        labels.append(f"{short_month(first_day)}\n{first_day.year}" if year_too else short_month(first_day))
    return positions, labels


class HeatmapChart:
    """The drawn heat map; :meth:`update` redraws it in place for another period.

    The figure is laid out here, in points, rather than by a layout engine:
    square cells as large as fit (up to :data:`MAX_CELL_PT`), the map at the
    top left and the colour key right under it, so nothing floats in space.
    """

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.ax = figure.add_axes((0.1, 0.3, 0.8, 0.6))
        self.cax = figure.add_axes((0.1, 0.1, 0.3, 0.03))
        self.cmap = pain_colours()
        self.norm = BoundaryNorm(np.arange(-0.5, 11.0, 1.0), self.cmap.N)
        self.image = self.ax.imshow(
            np.full((7, 1), np.nan), cmap=self.cmap, norm=self.norm, aspect="auto", interpolation="nearest"
        )
        self.ax.set_yticks(range(7), WEEKDAYS)
        self.ax.tick_params(labelsize=FONT_SIZE, colors=TEXT_COLOUR, length=0)
        for spine in self.ax.spines.values():
            spine.set_visible(False)
        bar = figure.colorbar(self.image, cax=self.cax, orientation="horizontal", ticks=range(11))
        bar.set_label(KEY_LABEL, fontsize=FONT_SIZE, color=TEXT_COLOUR)
        self.bar = bar
        bar.ax.tick_params(labelsize=FONT_SIZE, colors=TEXT_COLOUR)
        bar.outline.set_visible(False)
        self.cax.legend(
            handles=[Patch(facecolor=NOT_LOGGED_COLOUR, label="Not logged")],
            loc="center left",
            bbox_to_anchor=(1.04, 0.5),
            frameon=False,
            fontsize=FONT_SIZE,
        )
        self.title: Text = self.ax.set_title("", loc="left", fontsize=10.5, color=TEXT_COLOUR, fontweight="bold", pad=8)
        self.numbers: list[Text] = []
        self.week_starts: tuple[dt.date, ...] = ()
        self.start = self.end = clock.today()
        figure.canvas.mpl_connect("resize_event", lambda _event: self.layout())

    def layout(self) -> None:
        """Place the map and its key for the figure's current size."""
        width, height = self.figure.get_size_inches() * 72.0
        weeks = max(len(self.week_starts), 1)
        left, right, top = 44.0, 16.0, 34.0
        below = 34.0 + 18.0 + KEY_HEIGHT_PT + 48.0  # month labels, gap, key, key labels
        cell = min((width - left - right) / weeks, (height - top - below) / 7, MAX_CELL_PT)
        cell = max(cell, 1.0)
        map_top = height - top
        map_bottom = map_top - 7 * cell
        self.ax.set_position((left / width, map_bottom / height, weeks * cell / width, 7 * cell / height))
        key_bottom = map_bottom - 34.0 - 18.0 - KEY_HEIGHT_PT
        key_width = min(width - left - right - 90.0, KEY_WIDTH_PT)
        self.cax.set_position((left / width, max(key_bottom, 0.0) / height, max(key_width, 40.0) / width, KEY_HEIGHT_PT / height))

    def update(self, days: Sequence[DayEntry], start: dt.date, end: dt.date) -> None:
        """Show back pain for [start, end] (cut to its last year); ``days`` sorted by date."""
        self.start, self.end = heatmap_range(start, end)
        grid = heat_map(days, self.start, self.end)
        self.week_starts = grid.week_starts
        weeks = len(grid.week_starts)
        values = (
            np.array([[np.nan if v is None else float(v) for v in row] for row in grid.cells], dtype=float).reshape(weeks, 7).T
        )
        first_offset = self.start.weekday()
        last_offset = (grid.week_starts[-1] + dt.timedelta(days=6) - self.end).days if weeks else 0
        if weeks:
            values[:first_offset, 0] = OUTSIDE
            if last_offset:
                values[7 - last_offset :, -1] = OUTSIDE
        self.image.set_data(values)
        self.image.set_extent((-0.5, weeks - 0.5, 6.5, -0.5))
        self.layout()
        self.ax.set_xlim(-0.5, weeks - 0.5)
        self.ax.set_ylim(6.5, -0.5)
        positions, labels = month_ticks(grid.week_starts, self.start, self.end)
        self.ax.set_xticks(positions, labels)
        cut = " (the last 12 months of the period)" if self.start != start else ""
        self.title.set_text(f"Back pain, day by day: {day_words(self.start)} to {day_words(self.end)}{cut}")
        self._number_cells(values)

    def _number_cells(self, values: np.ndarray) -> None:
        """When cells are big: the date small in the corner, the back pain large in the middle."""
        for text in self.numbers:
            text.remove()
        self.numbers = []
        numbered = values.shape[1] <= NUMBERED_WEEKS
        self.bar.set_label(f"{KEY_LABEL}\n{NUMBERS_NOTE}" if numbered else KEY_LABEL)
        if not numbered:
            return
        for (row, column), value in np.ndenumerate(values):
            if value < 0:
                continue
            day = self.week_starts[column] + dt.timedelta(days=row)
            dark = not np.isnan(value) and value >= 6
            self.numbers.append(
                self.ax.text(
                    column - 0.44,
                    row - 0.42,
                    f"{day.day}",
                    ha="left",
                    va="top",
                    fontsize=6.5,
                    color="#f3f3f3" if dark else "#5a6573",
                )
            )
            if not np.isnan(value):
                self.numbers.append(
                    self.ax.text(
                        column,
                        row + 0.08,
                        f"{int(value)}",
                        ha="center",
                        va="center",
                        fontsize=FONT_SIZE + 1,
                        fontweight="bold",
                        color="white" if dark else TEXT_COLOUR,
                    )
                )

    def date_at(self, xdata: float | None, ydata: float | None) -> dt.date | None:
        """The day in the cell under a data position, or None outside the shown days."""
        if xdata is None or ydata is None or not self.week_starts:
            return None
        column, row = int(round(xdata)), int(round(ydata))
        if not (0 <= column < len(self.week_starts) and 0 <= row < 7):
            return None
        day = self.week_starts[column] + dt.timedelta(days=row)
        return day if self.start <= day <= self.end else None


def draw_heatmap(figure: Figure, days: Sequence[DayEntry], start: dt.date, end: dt.date) -> HeatmapChart:
    """Draw the heat map of [start, end] onto an empty ``figure`` without a layout engine."""
    chart = HeatmapChart(figure)
    chart.update(days, start, end)
    return chart
