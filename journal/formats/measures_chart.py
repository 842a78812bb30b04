"""Sleep, mood/stress, morning stiffness and where it hurts, drawn onto a given Figure.

No Qt and no pyplot. Left: three panels over the period's days (sleep hours;
sleep quality and mood/stress on 0–10; morning stiffness in minutes), each
day a dot and its 7-day average a line, with gaps where nothing was
recorded. Right: the body map (:mod:`journal.formats.body_map_drawing`), each
region shaded by its share of the days any region was marked and labelled
with its number of days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Final

import matplotlib.dates as mdates
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from journal.core import stats
from journal.core.body_map import contains, load_body_map
from journal.core.daily_measures import where_it_hurts
from journal.core.day import PAIN_LOCATIONS, DayEntry
from journal.core.insights import calendar, daily_values, period_days
from journal.formats.body_map_drawing import draw_body_map_axes
from journal.formats.date_axis import set_day_axis

TEXT_COLOUR: Final = "#2b3440"
FONT_SIZE: Final = 9.0
SLEEP_COLOUR: Final = "#0072B2"  # Okabe–Ito blue
QUALITY_COLOUR: Final = "#009E73"  # bluish green
STRESS_COLOUR: Final = "#D55E00"  # vermillion
STIFFNESS_COLOUR: Final = "#CC79A7"  # reddish purple
BODY_MAP_KEY: Final = "Numbers: days each place was marked.\nDarker: marked more often."
NOTHING_MARKED: Final = "Not marked in this period."


def _style(ax: Axes) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(labelsize=FONT_SIZE, colors=TEXT_COLOUR)
    ax.grid(axis="y", color="#e4e7eb", linewidth=0.8)


def _series(
    entries: Sequence[DayEntry], start: dt.date, end: dt.date, value: Callable[[DayEntry], float | None]
) -> tuple[np.ndarray, np.ndarray]:
    """Daily values and their 7-day averages as float arrays (NaN where unknown)."""
    daily = daily_values(entries, start, end, value)
    avg = stats.rolling_mean(daily)
    return (
        np.array([np.nan if v is None else float(v) for v in daily]),
        np.array([np.nan if v is None else float(v) for v in avg]),
    )


class MeasuresChart:
    """The drawn panels; :meth:`update` redraws them for another period."""

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        grid = figure.add_gridspec(
            3, 2, width_ratios=(2.2, 1.25), hspace=0.55, wspace=0.22, left=0.08, right=0.98, top=0.92, bottom=0.1
        )
        self.sleep_ax = figure.add_subplot(grid[0, 0])
        self.scale_ax = figure.add_subplot(grid[1, 0], sharex=self.sleep_ax)
        self.stiffness_ax = figure.add_subplot(grid[2, 0], sharex=self.sleep_ax)
        self.body_ax = figure.add_subplot(grid[:, 1])
        self._where = where_it_hurts([])

    def update(self, days: Sequence[DayEntry], start: dt.date, end: dt.date) -> None:
        """Draw [start, end]; ``days`` sorted by date (entries outside are ignored)."""
        entries = period_days(days, start, end)
        x = mdates.date2num(calendar(start, end)) if end >= start else np.array([])
        for ax in (self.sleep_ax, self.scale_ax, self.stiffness_ax, self.body_ax):
            ax.clear()
            _style(ax)
        self._panel(
            self.sleep_ax,
            x,
            entries,
            start,
            end,
            "Sleep (hours a night)",
            [("Sleep (hours)", SLEEP_COLOUR, lambda e: e.sleep_hours)],
            (0, 12),
        )
        self._panel(
            self.scale_ax,
            x,
            entries,
            start,
            end,
            "Sleep quality (10 = very good) and mood / stress (10 = very stressed)",
            [
                ("Sleep quality", QUALITY_COLOUR, lambda e: None if e.sleep_quality is None else float(e.sleep_quality)),
                ("Mood / stress", STRESS_COLOUR, lambda e: None if e.stress is None else float(e.stress)),
            ],
            (0, 13.5),
        )
        self.scale_ax.set_yticks([0, 5, 10])
        self._panel(
            self.stiffness_ax,
            x,
            entries,
            start,
            end,
            "Morning stiffness (minutes)",
            [
                (
                    "Morning stiffness",
                    STIFFNESS_COLOUR,
                    lambda e: None if e.morning_stiffness_min is None else float(e.morning_stiffness_min),
                )
            ],
            None,
        )
        set_day_axis(self.stiffness_ax.xaxis, minticks=3, maxticks=7)
        for ax in (self.sleep_ax, self.scale_ax):
            ax.tick_params(labelbottom=False)
        if len(x):
            self.sleep_ax.set_xlim(x[0] - 0.5, x[-1] + 0.5)
        self._draw_body(entries)

    def _panel(
        self,
        ax: Axes,
        x: np.ndarray,
        entries: Sequence[DayEntry],
        start: dt.date,
        end: dt.date,
        title: str,
        lines: list[tuple[str, str, Callable[[DayEntry], float | None]]],
        limits: tuple[float, float] | None,
    ) -> None:
        recorded = False
        for label, colour, value in lines:
            daily, avg = _series(entries, start, end, value)
            if len(daily) and not np.isnan(daily).all():
                recorded = True
            ax.plot(x, daily, linestyle="none", marker="o", markersize=2.4, color=colour, alpha=0.45)
            ax.plot(x, avg, color=colour, linewidth=1.8, label=f"{label}, 7-day average")
        ax.set_title(title, loc="left", fontsize=FONT_SIZE + 1, color=TEXT_COLOUR, fontweight="bold")
        if limits is not None:
            ax.set_ylim(*limits)
        else:
            ax.set_ylim(bottom=0)
        if recorded and len(lines) > 1:  # above the 0–10 scale, clear of the lines
            ax.legend(loc="upper left", fontsize=FONT_SIZE - 1, frameon=False, ncols=2, borderaxespad=0.1)
        if not recorded:
            ax.text(
                0.5,
                0.5,
                "Not recorded in this period.",
                transform=ax.transAxes,
                ha="center",
                va="center",
                fontsize=FONT_SIZE,
                color="#5a6573",
            )

    def _draw_body(self, entries: Sequence[DayEntry]) -> None:
        """The body map, each region shaded by its share of the marked days, with its day count."""
        ax = self.body_ax
        found = where_it_hurts(entries)
        self._where = found
        counts = {r.code: r.days for r in found.regions}
        draw_body_map_axes(ax, counts, found.days_marked, font_size=FONT_SIZE)
        title = "Where it hurts"
        if found.days_marked:
            title += f"\n(of {found.days_marked} days marked)"
        ax.set_title(title, loc="left", fontsize=FONT_SIZE + 1, color=TEXT_COLOUR, fontweight="bold")
        ax.text(
            0.5,
            -0.02,
            BODY_MAP_KEY if found.days_marked else NOTHING_MARKED,
            transform=ax.transAxes,
            ha="center",
            va="top",
            fontsize=FONT_SIZE - 1 if found.days_marked else FONT_SIZE,
            color="#5a6573",
        )

    def region_words(self, x: float | None, y: float | None) -> str | None:
        """What the body map says at (x, y) in its axes' data coordinates, e.g.
        "Thigh, left: marked on 12 of the 40 days any place was marked"; None off the regions."""
        if x is None or y is None:
            return None
        code = next((s.code for s in load_body_map().shapes if contains(s.points, (x, y))), None)
        if code is None:
            return None
        days = next((r.days for r in self._where.regions if r.code == code), 0)
        if not self._where.days_marked:
            return f"{PAIN_LOCATIONS[code]}: not marked in this period"
        return f"{PAIN_LOCATIONS[code]}: marked on {days} of the {self._where.days_marked} days any place was marked"


def draw_measures(figure: Figure, days: Sequence[DayEntry], start: dt.date, end: dt.date) -> MeasuresChart:
    """Draw the panels of [start, end] onto an empty ``figure``."""
    chart = MeasuresChart(figure)
    chart.update(days, start, end)
    return chart
