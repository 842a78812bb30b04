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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

import numpy as np
from matplotlib import dates as mdates
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch, StepPatch
from matplotlib.path import Path as MplPath
from matplotlib.text import Text
from matplotlib.transforms import ScaledTranslation, Transform

from journal.core.errors import UserError
from journal.core.treatments import Treatment
from journal.core.trend_series import TrendSeries
from journal.formats.chart_text import drawing_order
from journal.formats.date_axis import set_day_axis
from journal.formats.label_fonts import families_for

#: The Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
OKABE_ITO: Final[dict[str, str]] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
BACK_COLOUR: Final = OKABE_ITO["blue"]
LEG_COLOUR: Final = OKABE_ITO["orange"]
FLARE_COLOUR: Final = OKABE_ITO["vermillion"]
TREATMENT_COLOUR: Final = OKABE_ITO["reddish_purple"]
MEDICATION_COLOUR: Final = OKABE_ITO["reddish_purple"]
PEG_COLOUR: Final = OKABE_ITO["bluish_green"]
TRIGGER_COLOUR: Final = "#3d3d3d"
OTHER_COLOUR: Final = "#a0a0a0"
NOT_LOGGED_COLOUR: Final = "#ececec"
TEXT_COLOUR: Final = "#2b3440"
ACTIVITY_COLOURS: Final = (
    OKABE_ITO["sky_blue"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["yellow"],
    OKABE_ITO["reddish_purple"],
)
TOP_ACTIVITIES: Final = len(ACTIVITY_COLOURS)
MAX_TRIGGER_ROWS: Final = 8
OTHER_ACTIVITIES: Final = "Other activities"
OTHER_TRIGGERS: Final = "Other triggers"

FONT_SIZE: Final = 9.5
TITLE_SIZE: Final = 10.5
BAR_HALF_WIDTH: Final = 0.4  # days
WIDE_BARS_AFTER_DAYS: Final = 400  # longer spans draw days edge to edge
LABEL_OFFSET_PT: Final = 40.0  # y-axis titles sit this far left of their panel
#: The least height of each panel's plot (pain, activity, triggers, PEG), each trigger row and the dates below.
PANEL_MIN_PT: Final = (120.0, 45.0, 12.0, 36.0)
TRIGGER_ROW_PT: Final = 12.5
DATE_LABELS_PT: Final = 52.0
KEY_MARGIN_PT: Final = 16.0  # a panel's key fits the width right of the scale labels less this
MEDICATION_Y: Final = -1.0  # the strip below the 0–10 pain scale
PAIN_LIMITS: Final = (-1.7, 10.6)
NO_DAYS_TEXT: Final = "No days logged in this period."


def capitalised(name: str) -> str:
    """A catalog name as a label: first letter upper case, the rest as typed."""
    return name[:1].upper() + name[1:]


def plain_text(text: str) -> str:
    """Text from the patient's words for a matplotlib label: shown as typed, never as maths.

    matplotlib reads a pair of ``$`` as mathtext (``money $$ stress`` fails to
    draw); an escaped ``\\$`` is drawn as a plain dollar sign. Right-to-left
    and complex scripts are put in drawing order and shaped first
    (:func:`journal.formats.chart_text.drawing_order`).
    """
    return drawing_order(text).replace("$", r"\$")


def as_floats(values: Sequence[float | int | bool | None]) -> np.ndarray:
    """A float array with NaN for None (a day not logged)."""
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def day_rects(
    x: np.ndarray, bottom: np.ndarray | float, top: np.ndarray | float, half_width: float = BAR_HALF_WIDTH
) -> np.ndarray:
    """Rectangle vertices, shape (len(x), 4, 2), centred on each x."""
    count = len(x)
    verts = np.empty((count, 4, 2))
    left, right = x - half_width, x + half_width
    verts[:, 0, 0], verts[:, 1, 0], verts[:, 2, 0], verts[:, 3, 0] = left, left, right, right
    verts[:, 0, 1] = verts[:, 3, 1] = bottom
    verts[:, 1, 1] = verts[:, 2, 1] = top
    return verts


_RECT_CODES: Final = np.array(
    [MplPath.MOVETO, MplPath.LINETO, MplPath.LINETO, MplPath.LINETO, MplPath.CLOSEPOLY], dtype=MplPath.code_type
)


class DayBars:
    """Day rectangles drawn as one compound path (one artist, one renderer call).

    :meth:`show` hands the renderer only the rectangles in view, so a month
    of a ten-year journal costs a month's drawing. Over long spans a day is
    narrower than a pixel, so the rectangles widen to touch (``wide``): a gap
    that thin would only grey the bars out.
    """

    def __init__(
        self,
        ax: Axes,
        x: np.ndarray,
        bottom: np.ndarray | float,
        top: np.ndarray | float,
        *,
        half_width: float = BAR_HALF_WIDTH,
        transform: Transform | None = None,
        colour: str,
        alpha: float | None = None,
        zorder: float = 1.0,
    ) -> None:
        self.x = np.asarray(x, dtype=float)  # sorted: one rectangle per day, in date order
        self._bottom, self._top = bottom, top
        self.vertices = self._vertices(half_width)
        self._narrow, self._wide = self.vertices, (self.vertices if half_width >= 0.5 else None)
        self.codes = np.tile(_RECT_CODES, len(self.x))
        self.patch = PathPatch(
            MplPath(self.vertices, self.codes),
            facecolor=colour,
            edgecolor="none",
            linewidth=0.0,
            alpha=alpha,
            zorder=zorder,
            transform=ax.transData if transform is None else transform,
        )
        ax.add_artist(self.patch)

    def _vertices(self, half_width: float) -> np.ndarray:
        rects = day_rects(self.x, self._bottom, self._top, half_width)
        return np.concatenate([rects, rects[:, :1]], axis=1).reshape(-1, 2)

    def show(self, low: float, high: float, *, wide: bool = False) -> None:
        """Keep the rectangles whose day lies within [low, high] (x units, days)."""
        if wide and self._wide is None:
            self._wide = self._vertices(0.5)
        vertices = self._wide if wide else self._narrow
        assert vertices is not None
        first = int(np.searchsorted(self.x, low - 1.0, side="left")) * 5
        last = int(np.searchsorted(self.x, high + 1.0, side="right")) * 5
        self.patch.set_path(MplPath(vertices[first:last], self.codes[first:last]))


@dataclass(frozen=True, slots=True)
class StackedMinutes:
    """Activity minutes per day for the top kinds plus "other", NaN on unlogged days."""

    names: tuple[str, ...]
    minutes: np.ndarray  # shape (len(names), days)


def stack_activities(
    activity_minutes: Mapping[str, Sequence[int | None]], days: int, top: int = TOP_ACTIVITIES
) -> StackedMinutes:
    """The ``top`` kinds by total minutes, and the rest added up as "other"."""
    totals = {name: sum(v for v in values if v) for name, values in activity_minutes.items()}
    ranked = sorted((n for n in totals if totals[n] > 0), key=lambda n: (-totals[n], n.casefold()))
    # One kind past the top is shown by name: an "other" of one kind would hide it for nothing.
    if len(ranked) > top + 1:
        shown, rest = ranked[:top], ranked[top:]
    else:
        shown, rest = ranked, []
    rows = [as_floats(activity_minutes[name]) for name in shown]
    names = [capitalised(name) for name in shown]
    if rest:
        rows.append(np.nansum([as_floats(activity_minutes[n]) for n in rest], axis=0))
        # nansum turns unlogged days into 0; put the gaps back.
        rows[-1][np.isnan(as_floats(activity_minutes[rest[0]]))] = np.nan
        names.append(OTHER_ACTIVITIES)
    matrix = np.vstack(rows) if rows else np.empty((0, days))
    return StackedMinutes(tuple(names), matrix)


def trigger_rows(
    trigger_days: Mapping[str, Sequence[bool | None]], limit: int = MAX_TRIGGER_ROWS
) -> list[tuple[str, np.ndarray]]:
    """(label, True-on-days-noted mask) per row, most often noted first; extras share one row."""
    masks = {name: as_floats(values) == 1.0 for name, values in trigger_days.items()}
    ranked = sorted((n for n in masks if masks[n].any()), key=lambda n: (-int(masks[n].sum()), n.casefold()))
    if len(ranked) > limit:
        shown, rest = ranked[: limit - 1], ranked[limit - 1 :]
    else:
        shown, rest = ranked, []
    rows = [(capitalised(name), masks[name]) for name in shown]
    if rest:
        rows.append((OTHER_TRIGGERS, np.logical_or.reduce([masks[n] for n in rest])))
    return rows


def _style(ax: Axes) -> None:
    ax.tick_params(labelsize=FONT_SIZE, colors=TEXT_COLOUR)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_axisbelow(True)


def _heading(ax: Axes, title: str, handles: Sequence[object] = (), ncols: int = 1) -> Artist:
    """The panel's title with its key underneath, above the plot (full width stays for the days)."""
    if not handles:
        return ax.set_title(title, loc="left", fontsize=TITLE_SIZE, color=TEXT_COLOUR, fontweight="bold")
    legend = ax.legend(
        handles=handles,
        title=title,
        alignment="left",
        loc="lower left",
        bbox_to_anchor=(-0.005, 1.0),
        ncols=ncols,
        fontsize=FONT_SIZE,
        frameon=False,
        borderaxespad=0.2,
        handlelength=1.6,
        columnspacing=1.2,
        title_fontproperties={"size": TITLE_SIZE, "weight": "bold"},
    )
    legend.get_title().set_color(TEXT_COLOUR)
    return legend


def _wrap_to(text: Text, whole: str, room: float, renderer: RendererBase) -> bool:
    """Break ``text`` (a panel title reading ``whole``) into lines no wider than ``room`` pixels; True when it changed."""
    before = text.get_text()
    text.set_text(whole)
    words, lines = whole.split(" "), [""]
    if text.get_window_extent(renderer).width > room:
        for word in words:
            text.set_text(f"{lines[-1]} {word}".strip())
            if lines[-1] and text.get_window_extent(renderer).width > room:
                lines.append(word)
            else:
                lines[-1] = text.get_text()
        text.set_text("\n".join(lines))
    return text.get_text() != before


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
        heights = [3.8, 1.6, max(0.8, 0.24 * len(self.triggers) + 0.4), 1.1]
        self._height_ratios = heights
        axes = figure.subplots(4, 1, sharex=True, gridspec_kw={"height_ratios": heights})
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
        _style(ax)
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
        self.headings.append(_heading(ax, "Pain, day by day", handles, ncols=4))
        self._keys.append((len(self.headings) - 1, "Pain, day by day", handles, 4))

    def _draw_activity(self) -> None:
        ax, x = self.activity_ax, self.x
        _style(ax)
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
        heading = _heading(ax, "Activity, minutes a day", handles, ncols=len(handles))
        self.headings.append(heading)
        if handles and isinstance(heading, Legend):
            self._keys.append((len(self.headings) - 1, "Activity, minutes a day", handles, len(handles)))
            self._set_key_fonts(heading)
        if not handles:
            ax.text(0.01, 0.5, "No activities noted.", transform=ax.transAxes, va="center", fontsize=FONT_SIZE, color="#5a6573")

    def _draw_triggers(self) -> None:
        ax, x = self.trigger_ax, self.x
        _style(ax)
        self.headings.append(_heading(ax, "Triggers noted"))
        count = len(self.triggers)
        for index, (_, mask) in enumerate(self.triggers):
            y = count - 1 - index
            self.bars.append(DayBars(ax, x[mask], y - 0.32, y + 0.32, colour=TRIGGER_COLOUR))
        ax.set_ylim(-0.6, max(count, 1) - 0.4)
        labels = [label for label, _ in reversed(self.triggers)]
        ax.set_yticks(range(count), [plain_text(label) for label in labels], fontfamily=families_for(labels))
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="y", color="#eef0f3", linewidth=6)
        if not count:
            ax.set_yticks([])
            ax.text(0.01, 0.5, "No triggers noted.", transform=ax.transAxes, va="center", fontsize=FONT_SIZE, color="#5a6573")

    def _draw_peg(self) -> None:
        ax, s = self.peg_ax, self.series
        _style(ax)
        ax.set_ylabel("Score", fontsize=FONT_SIZE, color=TEXT_COLOUR)
        ax.set_ylim(0, 10.4)
        ax.set_yticks([0, 5, 10])
        ax.grid(axis="y", color="#e4e7eb", linewidth=0.8)
        first_monday = s.start - dt.timedelta(days=s.start.weekday())
        weeks = (s.end - first_monday).days // 7 + 1
        mondays = [first_monday + dt.timedelta(weeks=w) for w in range(weeks)]
        values = np.array([s.weekly_peg.get(m, np.nan) for m in mondays], dtype=float)
        edges = float(mdates.date2num(first_monday)) + 7.0 * np.arange(weeks + 1) - 0.5
        # baseline=None draws no baseline, as matplotlib documents; its stubs omit None.
        self.peg_steps = StepPatch(
            values,
            edges,
            baseline=None,  # type: ignore[arg-type]
            color=PEG_COLOUR,
            linewidth=2.2,
            fill=False,
            label="Weekly PEG score",
        )
        ax.add_patch(self.peg_steps)
        self.headings.append(_heading(ax, "How much pain got in the way: weekly PEG score (0–10)"))

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
                    made = _heading(ax, title, handles, ncols=ncols)
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
                changed = _wrap_to(heading, whole, room, renderer) or changed
        return changed

    def height_needed(self, renderer: RendererBase) -> float:
        """Pixels tall the figure must be for every panel to keep a readable plot under its heading."""
        least = list(PANEL_MIN_PT)
        least[2] = max(least[2], TRIGGER_ROW_PT * len(self.triggers))
        # The panels share the height in fixed ratios: the one that needs most sets the total.
        plots = max(need / ratio for need, ratio in zip(least, self._height_ratios)) * sum(self._height_ratios)
        headings = sum(heading.get_window_extent(renderer).height for heading in self.headings)
        return headings + (plots + DATE_LABELS_PT) * self.figure.dpi / 72.0

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


def new_figure(
    width_in: float = 11.0,
    height_in: float = 8.0,
    dpi: float = 100.0,
    layout: Literal["constrained", "compressed", "tight"] | None = "constrained",
) -> Figure:
    """A white figure; constrained layout suits :func:`draw_trend_chart` (the heat map lays itself out)."""
    return Figure(figsize=(width_in, height_in), dpi=dpi, layout=layout, facecolor="white")


#: Picture formats a chart can be saved in, by file ending.
IMAGE_FORMATS: Final[dict[str, str]] = {".png": "png", ".svg": "svg"}
#: Dots per inch for saved PNGs: sharp when printed or zoomed.
SAVE_DPI: Final = 200


def image_format(path: Path) -> str:
    """The picture format for ``path`` ("png" or "svg").

    Raises:
        UserError: for another ending, a folder or a folder that does not exist.
    """
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name ending in .png or .svg.")
    found = IMAGE_FORMATS.get(path.suffix.lower())
    if found is None:
        raise UserError(f"Cannot save a chart as {path.name}: use a name ending in .png or .svg.")
    if not path.parent.exists():
        raise UserError(f"The folder {path.parent} does not exist.")
    return found


def save_figure(figure: Figure, path: Path, dpi: float = SAVE_DPI) -> None:
    """Write ``figure`` to ``path`` as PNG or SVG, chosen by its ending.

    Raises:
        UserError: see :func:`image_format`; also when writing fails.
    """
    from journal.files.atomic import write_stream_atomically

    format_name = image_format(path)
    # Through the one atomic writer: owner-only, and a full disk leaves an older chart as it was.
    write_stream_atomically(Path(path), lambda stream: figure.savefig(stream, format=format_name, dpi=dpi, facecolor="white"))
