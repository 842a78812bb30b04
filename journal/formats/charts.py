"""The main trend chart, drawn onto a given matplotlib Figure from a TrendSeries.

No Qt and no pyplot: the Trends view puts the figure in a Qt canvas, the
command line saves it with Agg, and the report can reuse it.

Four panels share one time axis (x is matplotlib's date number, one unit a
day): pain with 7-day averages, flare days and medication days; activity
minutes stacked by kind; trigger days as a raster; the weekly PEG score.
A day that was not logged is NaN: lines break there, it gets no bar and no
mark, never a zero.

:meth:`TrendChart.show_period` changes only limits and sizes, so a view can
draw all of its days once and switch periods without rebuilding anything.

The palette and sizes live in :mod:`journal.formats.chart_style`, the per-day
arrays and day bars in :mod:`journal.formats.chart_days`, and a figure and its
file in :mod:`journal.formats.chart_files`; the names callers use are
re-exported here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from matplotlib import dates as mdates
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import ScaledTranslation

from journal.core.treatments import Treatment
from journal.core.trend_series import TrendSeries
from journal.formats.chart_days import (
    DayBars,
    as_floats,
    plain_text,
    trigger_rows,
)
from journal.formats.chart_days import stack_activities as stack_activities
from journal.formats.chart_files import IMAGE_FORMATS as IMAGE_FORMATS
from journal.formats.chart_files import SAVE_DPI as SAVE_DPI
from journal.formats.chart_files import image_format as image_format
from journal.formats.chart_files import new_figure as new_figure
from journal.formats.chart_files import save_figure as save_figure
from journal.formats.chart_panels import draw_trigger_rows, draw_weekly_peg
from journal.formats.chart_style import (
    ACTIVITY_COLOURS,
    BACK_COLOUR,
    FLARE_COLOUR,
    FONT_SIZE,
    KEY_MARGIN_PT,
    LABEL_OFFSET_PT,
    LEG_COLOUR,
    MEDICATION_COLOUR,
    MEDICATION_Y,
    NO_DAYS_TEXT,
    NOT_LOGGED_COLOUR,
    OTHER_COLOUR,
    PAIN_LIMITS,
    PANEL_MIN_PT,
    TEXT_COLOUR,
    TITLE_SIZE,
    TREATMENT_COLOUR,
    TRIGGER_ROW_PT,
    WIDE_BARS_AFTER_DAYS,
    panel_heading,
    style_axes,
    wrap_to,
)
from journal.formats.chart_style import OKABE_ITO as OKABE_ITO
from journal.formats.chart_style import OTHER_ACTIVITIES as OTHER_ACTIVITIES
from journal.formats.chart_style import share_height as share_height
from journal.formats.date_axis import set_day_axis
from journal.formats.label_fonts import families_for


class TrendChart:
    """The drawn chart and the artists :meth:`show_period` adjusts."""

    def __init__(self, figure: Figure, series: TrendSeries, treatments: Sequence[Treatment] = ()) -> None:
        self.figure = figure
        self.series = series
        self.treatments = tuple(treatments)
        self.first_x = float(mdates.date2num(series.start))
        self.x = self.first_x + np.arange(len(series.dates), dtype=float)
        self.back = as_floats(series.back_pain)
        self.logged = ~np.isnan(self.back)
        self.activities = stack_activities(series.activity_minutes, len(self.x))
        self.triggers = trigger_rows(series.trigger_days)
        #: The panels' shares of a figure with room to spare: pain most, the trigger rows by their number.
        self.share_weights = (3.8, 1.6, max(0.8, 0.24 * len(self.triggers) + 0.4), 1.1)
        axes = figure.subplots(4, 1, sharex=True, gridspec_kw={"height_ratios": self.share_weights})
        self.pain_ax, self.activity_ax, self.trigger_ax, self.peg_ax = axes
        self.axes: tuple[Axes, ...] = tuple(axes)
        self.daily_lines: list[Line2D] = []
        self.bars: list[DayBars] = []  # activity and trigger marks
        self.headings: list[Artist] = []  # each panel's title, with its key when it has one
        #: Each keyed panel's heading as [place in headings, title, handles, most columns, columns now].
        self._keys: list[tuple[int, str, list[object], int]] = []
        self._columns: dict[int, int] = {}
        self._titles: dict[int, str] = {}  # plain titles in full, by id, as wrapped for a narrow figure
        self._scale_digits = 0
        #: The figure's width and the height of all that is not a plot at that width (see fit_height).
        self._measured: tuple[float, float] | None = None
        self._draw_pain()
        self._draw_treatments()
        self._draw_activity()
        self._draw_triggers()
        self._draw_peg()
        for ax in self.axes[:-1]:
            ax.xaxis.set_visible(False)  # the shared dates are labelled once, under the last panel
        left_of_panel = ScaledTranslation(-LABEL_OFFSET_PT / 72.0, 0.0, figure.dpi_scale_trans)
        for ax in (self.pain_ax, self.activity_ax, self.peg_ax):
            # A fixed place spares matplotlib measuring every panel's labels at each draw.
            ax.yaxis.set_label_coords(0.0, 0.5, transform=ax.transAxes + left_of_panel)
        set_day_axis(self.peg_ax.xaxis, minticks=4, maxticks=9)
        self.empty_text: Text = self.pain_ax.text(
            0.5,
            0.5,
            NO_DAYS_TEXT,
            transform=self.pain_ax.transAxes,
            ha="center",
            va="center",
            fontsize=TITLE_SIZE,
            color=TEXT_COLOUR,
            visible=False,
            bbox={"facecolor": "white", "edgecolor": "#c8ced6", "boxstyle": "round,pad=0.6"},
        )
        self.show_period(series.start, series.end)

    # --- drawing ----------------------------------------------------------------------

    def _draw_treatments(self) -> None:
        """Each treatment a band along the top of the pain panel from its start to its end, named."""
        ax = self.pain_ax
        last_x = self.x[-1] if len(self.x) else self.first_x
        for row, treatment in enumerate(self.treatments):
            start = float(mdates.date2num(treatment.start))
            end = float(mdates.date2num(treatment.end)) if treatment.end is not None else last_x
            top = 1.0 - row * 0.06
            ax.axvspan(start - 0.5, end + 0.5, ymin=top - 0.05, ymax=top, color=TREATMENT_COLOUR, alpha=0.35, zorder=0.6)
            ax.axvline(start - 0.5, color=TREATMENT_COLOUR, linewidth=1.0, linestyle=(0, (2, 2)), zorder=0.6)
            ax.text(
                start + 0.5,
                top - 0.025,
                plain_text(treatment.name),
                transform=ax.get_xaxis_transform(),
                fontsize=FONT_SIZE - 1,
                color=TREATMENT_COLOUR,
                va="center",
                clip_on=True,
            )

    def _draw_pain(self) -> None:
        ax, s, x = self.pain_ax, self.series, self.x
        style_axes(ax)
        ax.set_ylabel("Pain (0–10)", fontsize=FONT_SIZE, color=TEXT_COLOUR)
        ax.set_ylim(*PAIN_LIMITS)
        ax.set_yticks(range(0, 11, 2))
        ax.grid(axis="y", color="#e4e7eb", linewidth=0.8)
        ax.axhline(-0.45, color="#c8ced6", linewidth=0.8)
        blended = ax.get_xaxis_transform()
        # An empty journal has no "not logged" days yet, only days to come.
        unlogged = ~self.logged if self.logged.any() else np.zeros(len(x), dtype=bool)
        not_logged = DayBars(ax, x[unlogged], 0.0, 1.0, half_width=0.5, transform=blended, colour=NOT_LOGGED_COLOUR, zorder=0.0)
        flare = as_floats(s.flare_days) == 1.0
        flares = DayBars(ax, x[flare], 0.0, 1.0, half_width=0.5, transform=blended, colour=FLARE_COLOUR, alpha=0.22, zorder=0.5)
        self.shading = (not_logged, flares)
        back_avg, leg_avg = as_floats(s.back_pain_avg7), as_floats(s.leg_pain_avg7)
        leg = as_floats(s.leg_pain)
        self.back_line = ax.plot(
            x, self.back, color=BACK_COLOUR, linewidth=0.9, alpha=0.6, marker="o", markersize=3, label="Back pain"
        )[0]
        self.leg_line = ax.plot(
            x,
            leg,
            color=LEG_COLOUR,
            linewidth=0.9,
            alpha=0.6,
            linestyle=(0, (2, 1.5)),
            marker="s",
            markersize=2.6,
            label="Leg pain",
        )[0]
        self.daily_lines = [self.back_line, self.leg_line]
        self.back_avg_line = ax.plot(x, back_avg, color=BACK_COLOUR, linewidth=2.6, label="Back, 7-day average")[0]
        self.leg_avg_line = ax.plot(
            x, leg_avg, color=LEG_COLOUR, linewidth=2.2, linestyle=(0, (5, 2)), label="Leg, 7-day average"
        )[0]
        medicated = as_floats(s.medication_days) == 1.0
        self.medication_marks = ax.plot(
            x[medicated],
            np.full(int(medicated.sum()), MEDICATION_Y),
            linestyle="none",
            marker="D",
            markersize=3.2,
            color=MEDICATION_COLOUR,
            label="Medication or self-care",
        )[0]
        handles: list[object] = [self.back_line, self.back_avg_line]
        if not np.isnan(leg).all():
            handles += [self.leg_line, self.leg_avg_line]
        handles += [
            Patch(facecolor=FLARE_COLOUR, alpha=0.22, label="Flare day"),
            self.medication_marks,
            Patch(facecolor=NOT_LOGGED_COLOUR, label="Not logged"),
        ]
        self.headings.append(panel_heading(ax, "Pain, day by day", handles, ncols=4))
        self._keys.append((len(self.headings) - 1, "Pain, day by day", handles, 4))

    def _draw_activity(self) -> None:
        ax, x = self.activity_ax, self.x
        style_axes(ax)
        ax.set_ylabel("Minutes", fontsize=FONT_SIZE, color=TEXT_COLOUR)
        ax.grid(axis="y", color="#e4e7eb", linewidth=0.8)
        minutes = self.activities.minutes
        self.activity_totals = np.nansum(minutes, axis=0) if len(minutes) else np.zeros(len(x))
        bottom = np.zeros(len(x))
        handles: list[object] = []
        for row, name in enumerate(self.activities.names):
            values = np.nan_to_num(minutes[row])
            colour = ACTIVITY_COLOURS[row] if row < len(ACTIVITY_COLOURS) else OTHER_COLOUR
            done = values > 0
            self.bars.append(DayBars(ax, x[done], bottom[done], bottom[done] + values[done], colour=colour))
            bottom = bottom + values
            handles.append(Patch(facecolor=colour, label=plain_text(name)))
        heading = panel_heading(ax, "Activity, minutes a day", handles, ncols=len(handles))
        self.headings.append(heading)
        if handles and isinstance(heading, Legend):
            self._keys.append((len(self.headings) - 1, "Activity, minutes a day", handles, len(handles)))
            self._set_key_fonts(heading)
        if not handles:
            ax.text(0.01, 0.5, "No activities noted.", transform=ax.transAxes, va="center", fontsize=FONT_SIZE, color="#5a6573")

    def _draw_triggers(self) -> None:
        style_axes(self.trigger_ax)
        self.headings.append(panel_heading(self.trigger_ax, "Triggers noted"))
        self.bars.extend(draw_trigger_rows(self.trigger_ax, self.x, self.triggers))

    def _draw_peg(self) -> None:
        style_axes(self.peg_ax)
        self.peg_steps = draw_weekly_peg(self.peg_ax, self.series)
        self.headings.append(panel_heading(self.peg_ax, "How much pain got in the way: weekly PEG score (0–10)"))

    def _set_key_fonts(self, legend: Legend) -> None:
        if legend.axes is self.activity_ax:
            family = families_for(self.activities.names)
            for text in legend.get_texts():
                text.set_fontfamily(family)

    # --- sizes ------------------------------------------------------------------------

    def fit_width(self, renderer: RendererBase) -> bool:
        """Wrap each key into as many columns as fit the figure's width; True when one changed.

        A key wider than its panel would push the panel narrower under
        constrained layout (and the next layout would start from the narrow
        panel), so keys always fit inside the width the panels can have.
        """
        pixels = self.figure.dpi / 72.0
        # The panels start right of the trigger names or the scale titles, whichever is wider.
        names = [t.get_window_extent(renderer).width for t in self.trigger_ax.get_yticklabels() if t.get_text()]
        left = max([LABEL_OFFSET_PT * pixels + 2 * FONT_SIZE * pixels] + [width + 8 * pixels for width in names])
        room = self.figure.bbox.width - left - KEY_MARGIN_PT * pixels
        changed = False
        for place, title, handles, most in self._keys:
            legend = self.headings[place]
            assert isinstance(legend, Legend)
            ax = legend.axes
            for ncols in range(most, 0, -1):
                if ncols != self._columns.get(place, most):
                    made = panel_heading(ax, title, handles, ncols=ncols)
                    assert isinstance(made, Legend)  # a heading with handles is a key
                    legend = made
                    self._set_key_fonts(legend)
                    self._columns[place] = ncols
                    changed = True
                if legend.get_window_extent(renderer).width <= room:
                    break
            self.headings[place] = legend
        for heading in self.headings:
            if isinstance(heading, Text):
                whole = self._titles.setdefault(id(heading), heading.get_text())
                changed = wrap_to(heading, whole, room, renderer) or changed
        if changed:
            self._measured = None  # taller or shorter keys: measure again
        return changed

    def least_plot_heights(self) -> list[float]:
        """Pixels tall each panel's plot must be to stay readable (pain, activity, triggers, PEG)."""
        least = list(PANEL_MIN_PT)
        least[2] = max(least[2], TRIGGER_ROW_PT * len(self.triggers))
        return [points * self.figure.dpi / 72.0 for points in least]

    def fit_height(self) -> float:
        """Share the figure's height among the panels; return the least height (pixels) the figure needs.

        What is not a plot (headings, keys, the dates, the gaps) keeps its size at any height, so
        one layout of the figure as it is measures it. Each panel then gets at least its least
        plot height and the rest is shared by :attr:`share_weights`: in a short window the trigger
        rows take what they need and pain takes the rest; in a tall one every panel has its share.
        Call after :meth:`fit_width` (wrapped keys are taller). Only a new width or new keys
        lay the figure out to measure; a new height alone reuses the last measure.
        """
        figure = self.figure
        width, total = figure.bbox.width, figure.bbox.height
        if self._measured is None or abs(self._measured[0] - width) >= 1:
            engine = figure.get_layout_engine()
            if not isinstance(engine, ConstrainedLayoutEngine):
                engine = ConstrainedLayoutEngine()  # measured as the chart is drawn on screen and in files
            engine.execute(figure)
            plots = sum(ax.get_position().height for ax in self.axes) * total
            self._measured = (width, total - plots)
        rest = self._measured[1]
        least = self.least_plot_heights()
        self.pain_ax.get_gridspec().set_height_ratios(share_height(total - rest, least, self.share_weights))
        return rest + sum(least)

    # --- periods ----------------------------------------------------------------------

    def index_range(self, start: dt.date, end: dt.date) -> slice:
        """Indices of ``self.x`` that fall in [start, end]."""
        first = max(0, (start - self.series.start).days)
        last = min(len(self.x), (end - self.series.start).days + 1)
        return slice(first, max(first, last))

    def show_period(self, start: dt.date, end: dt.date) -> bool:
        """Show [start, end]: x-limits, the activity scale and sizes that suit the span.

        Returns True when the labels changed width enough that a figure whose
        layout was frozen (see the Trends view) should be laid out again.
        """
        low = float(mdates.date2num(start)) - 0.5
        high = float(mdates.date2num(end)) + 0.5
        self.pain_ax.set_xlim(low, high)
        window = self.index_range(start, end)
        totals = self.activity_totals[window]
        top = float(np.nanmax(totals)) if totals.size and not np.isnan(totals).all() else 0.0
        top = max(30.0, top * 1.08)
        self.activity_ax.set_ylim(0, top)
        digits = len(str(int(top)))  # wider minute labels need a wider left margin
        span = (end - start).days + 1
        marker = 3.2 if span <= 120 else 1.8 if span <= 400 else 0.0
        for line in self.daily_lines:
            line.set_markersize(marker)
            line.set_linewidth(0.9 if span <= 400 else 0.5)
        self.medication_marks.set_markersize(3.2 if span <= 120 else 2.0)
        wide = span > WIDE_BARS_AFTER_DAYS
        for bars in self.bars:
            bars.show(low, high, wide=wide)
        for shading in self.shading:
            shading.show(low, high)
        self.empty_text.set_visible(not self.logged[window].any())
        needs_layout = digits != self._scale_digits
        self._scale_digits = digits
        return needs_layout

    def static_artists(self) -> list[Artist]:
        """What no period switch changes: the panel headings and their keys."""
        return list(self.headings)

    def date_at(self, xdata: float | None) -> dt.date | None:
        """The day under an x position, or None outside the drawn days."""
        if xdata is None or not np.isfinite(xdata):
            return None
        index = int(round(xdata - self.first_x))
        if 0 <= index < len(self.x):
            return self.series.dates[index]
        return None


def draw_trend_chart(figure: Figure, series: TrendSeries, treatments: Sequence[Treatment] = ()) -> TrendChart:
    """Draw the four-panel chart of ``series`` onto an empty ``figure`` (use layout="constrained"),
    with a band for each of ``treatments``."""
    return TrendChart(figure, series, treatments)
