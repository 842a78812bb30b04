"""Keep a figure's layout, and the pixels of its unchanging artists, between screen draws.

Switching period only moves the time axis. Laying the figure out again and
re-rendering every legend would cost more than drawing the data, so after a
full draw the layout is frozen and the static artists (legends, panel
titles) are copied as pixels; later draws skip them (matplotlib leaves out
"animated" artists) and paste the copies back. Files saved from the figure
still draw everything, because matplotlib includes animated artists when
saving. A resize or new artists start over with a full draw, from the grid's own
places (so the layout after a resize is the layout of a fresh figure).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from matplotlib.artist import Artist
from matplotlib.backend_bases import DrawEvent
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.transforms import Bbox

#: Pixels added around each copied artist, for antialiased edges.
MARGIN_PX = 2


class LayoutCache:
    """Attach to an Agg-based canvas whose figure uses constrained layout."""

    def __init__(self, canvas: FigureCanvasAgg) -> None:
        self.canvas = canvas
        self.static: list[Artist] = []
        self._regions: list[Any] = []
        self._pending = False
        canvas.mpl_connect("resize_event", lambda _event: self.invalidate())
        canvas.mpl_connect("draw_event", self._on_draw)

    def invalidate(self, static: Iterable[Artist] | None = None) -> None:
        """Lay out and draw everything at the next draw; ``static`` replaces the artists to keep."""
        for artist in self.static:
            artist.set_animated(False)
        if static is not None:
            self.static = list(static)
        self._regions = []
        figure = self.canvas.figure
        # Constrained layout refines the panels' places from where they are: starting each
        # full layout from the grid's own places makes it the same as a fresh figure's,
        # whatever size the figure had before.
        for axes in figure.axes:
            spec = axes.get_subplotspec()
            if spec is not None:
                axes.set_position(spec.get_position(figure))
                axes.set_in_layout(True)  # set_position takes an axes out of the layout; it stays in
        figure.set_layout_engine("constrained")
        self._pending = True

    def _on_draw(self, event: DrawEvent) -> None:
        if event.canvas is not self.canvas:
            return  # the figure is being saved to a file through another canvas
        if not self._pending:
            for region in self._regions:
                self.canvas.restore_region(region)
            return
        self._pending = False
        figure = self.canvas.figure
        figure.set_layout_engine("none")
        self._regions = []
        for artist in self.static:
            if not artist.get_visible():
                continue
            box = artist.get_window_extent(event.renderer).padded(MARGIN_PX)
            inside = Bbox.intersection(box, figure.bbox)
            if inside is not None and inside.width > 0 and inside.height > 0:
                self._regions.append(self.canvas.copy_from_bbox(inside))
                artist.set_animated(True)
