"""Per-day arrays for the trend chart: days as floats with NaN for a day not logged, day bars
drawn as one path, activity minutes stacked by kind, and trigger rows.

No Qt and no pyplot; :mod:`journal.formats.charts` draws the panels from these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Transform

from journal.formats.chart_style import (
    BAR_HALF_WIDTH,
    MAX_TRIGGER_ROWS,
    OTHER_ACTIVITIES,
    OTHER_TRIGGERS,
    TOP_ACTIVITIES,
)
from journal.formats.chart_text import drawing_order


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
