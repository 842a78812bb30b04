"""The trend chart's trigger rows and weekly PEG steps, drawn onto axes already styled.

No Qt and no pyplot; :class:`journal.formats.charts.TrendChart` calls these for its
third and fourth panels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.patches import StepPatch

from journal.core.trend_series import TrendSeries
from journal.formats.chart_days import DayBars, plain_text
from journal.formats.chart_style import FONT_SIZE, PEG_COLOUR, TEXT_COLOUR, TRIGGER_COLOUR
from journal.formats.label_fonts import families_for


def draw_trigger_rows(ax: Axes, x: np.ndarray, triggers: Sequence[tuple[str, np.ndarray]]) -> list[DayBars]:
    """One row of day bars per trigger (the first at the top) and its name on the y axis;
    "No triggers noted." when there are none. Returns the bars, so periods can resize them."""
    bars: list[DayBars] = []
    count = len(triggers)
    for index, (_, mask) in enumerate(triggers):
        y = count - 1 - index
        bars.append(DayBars(ax, x[mask], y - 0.32, y + 0.32, colour=TRIGGER_COLOUR))
    ax.set_ylim(-0.6, max(count, 1) - 0.4)
    labels = [label for label, _ in reversed(triggers)]
    ax.set_yticks(range(count), [plain_text(label) for label in labels], fontfamily=families_for(labels))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="y", color="#eef0f3", linewidth=6)
    if not count:
        ax.set_yticks([])
        ax.text(0.01, 0.5, "No triggers noted.", transform=ax.transAxes, va="center", fontsize=FONT_SIZE, color="#5a6573")
    return bars


def draw_weekly_peg(ax: Axes, series: TrendSeries) -> StepPatch:
    """The weekly PEG score as steps from Monday to Sunday (no step for a week without one)."""
    ax.set_ylabel("Score", fontsize=FONT_SIZE, color=TEXT_COLOUR)
    ax.set_ylim(0, 10.4)
    ax.set_yticks([0, 5, 10])
    ax.grid(axis="y", color="#e4e7eb", linewidth=0.8)
    first_monday = series.start - dt.timedelta(days=series.start.weekday())
    weeks = (series.end - first_monday).days // 7 + 1
    mondays = [first_monday + dt.timedelta(weeks=w) for w in range(weeks)]
    values = np.array([series.weekly_peg.get(m, np.nan) for m in mondays], dtype=float)
    edges = float(mdates.date2num(first_monday)) + 7.0 * np.arange(weeks + 1) - 0.5
    # baseline=None draws no baseline, as matplotlib documents; its stubs omit None.
    steps = StepPatch(
        values,
        edges,
        baseline=None,  # type: ignore[arg-type]
        color=PEG_COLOUR,
        linewidth=2.2,
        fill=False,
        label="Weekly PEG score",
    )
    ax.add_patch(steps)
    return steps
