"""The body map shaded by how often each region was marked, for charts and the PDF.

Both drawings use the shapes of :mod:`journal.core.body_map`, the same ones
the Today form shows: each region is shaded by its share of the days on
which any region was marked, and carries its number of days. Print colours
(light paper); no Qt. matplotlib and reportlab are imported by the callers'
modules or inside the functions, never at start-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from journal.core.body_map import BodyMap, cubic_segments, load_body_map, smooth_segments

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from reportlab.graphics.shapes import Drawing, String

INK: Final = "#2b3440"
MUTED_INK: Final = "#5a6573"
OUTLINE_FILL: Final = "#eef0f3"
OUTLINE_EDGE: Final = "#8a95a3"
REGION_EDGE: Final = "#9aa4b1"
#: (share up to, fill, text colour): calm to strong, as the pain scale's ramp;
#: each fill has the text colour that reads on it (at least 4.5:1).
SHADES: Final[tuple[tuple[float, str, str], ...]] = (
    (0.0, "#ffffff", MUTED_INK),
    (0.2, "#fde0c5", INK),
    (0.4, "#fdbf86", INK),
    (0.6, "#fd9a4e", INK),
    (0.8, "#c2410c", "#ffffff"),
    (1.0, "#8f2d06", "#ffffff"),
)


def shade(share: float) -> tuple[str, str]:
    """(fill, text colour) for a region marked on ``share`` (0–1) of the marked days."""
    for limit, fill, text in SHADES:
        if share <= limit + 1e-9:
            return fill, text
    return SHADES[-1][1], SHADES[-1][2]


def _shares(counts: Mapping[str, int], days_marked: int) -> dict[str, float]:
    return {code: (days / days_marked if days_marked else 0.0) for code, days in counts.items()}


def draw_body_map_axes(ax: "Axes", counts: Mapping[str, int], days_marked: int, *, font_size: float = 9.0) -> None:
    """Draw the shaded map onto ``ax`` (cleared first); ``counts`` are days per code."""
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    body = load_body_map()
    shares = _shares(counts, days_marked)

    def path(points: tuple[tuple[float, float], ...]) -> Path:
        start, segments = smooth_segments(points)
        vertices = [start]
        for control, end in segments:
            vertices += [control, end]
        return Path(vertices, [Path.MOVETO] + [Path.CURVE3] * (2 * len(segments)))

    ax.clear()
    ax.set_xlim(0, body.width)
    ax.set_ylim(body.height, 0)  # y down, as in the shape data
    ax.set_aspect("equal")
    ax.axis("off")
    for view in body.views:
        ax.add_patch(PathPatch(path(view.outline), facecolor=OUTLINE_FILL, edgecolor=OUTLINE_EDGE, linewidth=1.0))
        ax.text(*view.title_at, view.title, ha="center", va="center", fontsize=font_size, color=INK, fontweight="bold")
        for label in view.labels:
            ax.text(*label.at, label.text, ha="center", va="center", fontsize=font_size - 1, color=MUTED_INK)
    for shape in body.shapes:
        days = counts.get(shape.code, 0)
        fill, text = shade(shares.get(shape.code, 0.0))
        patch = PathPatch(path(shape.points), facecolor=fill, edgecolor=REGION_EDGE, linewidth=0.8)
        patch.set_gid(shape.code)
        ax.add_patch(patch)
        if days:
            ax.text(*shape.centre(), str(days), ha="center", va="center", fontsize=font_size - 0.5, color=text, fontweight="bold")


def body_map_drawing(
    counts: Mapping[str, int], days_marked: int, width: float, *, font: str = "Helvetica", bold_font: str = "Helvetica-Bold"
) -> "Drawing":
    """A reportlab drawing ``width`` points wide of the shaded map, with day counts."""
    from reportlab.graphics.shapes import Drawing, Path
    from reportlab.lib import colors
    from reportlab.pdfbase.pdfmetrics import stringWidth

    body: BodyMap = load_body_map()
    scale = width / body.width
    height = body.height * scale
    drawing = Drawing(width, height)
    shares = _shares(counts, days_marked)

    def at(point: tuple[float, float]) -> tuple[float, float]:
        return point[0] * scale, height - point[1] * scale  # reportlab's y points up

    def outline(points: tuple[tuple[float, float], ...], fill: str, edge: str, line: float) -> Path:
        start, segments = cubic_segments(points)
        shape = Path(fillColor=colors.HexColor(fill), strokeColor=colors.HexColor(edge), strokeWidth=line)
        shape.moveTo(*at(start))
        for first, second, end in segments:
            shape.curveTo(*at(first), *at(second), *at(end))
        shape.closePath()
        return shape

    size = max(6.6, 9.0 * scale)
    label_size = size - 1.2
    label_room = (
        min((abs(a.at[0] - b.at[0]) for v in body.views for a, b in zip(v.labels, v.labels[1:])), default=body.width) * scale - 2
    )
    # Too small for the words side by side: the clinician's "L" and "R" throughout.
    words = all(stringWidth(label.text, font, label_size) <= label_room for v in body.views for label in v.labels)
    for view in body.views:
        drawing.add(outline(view.outline, OUTLINE_FILL, OUTLINE_EDGE, 0.7))
        x, y = at(view.title_at)
        drawing.add(_string(x, y - size / 3, view.title, bold_font, size, INK))
        for label in view.labels:
            x, y = at(label.at)
            text = label.text if words else label.text[0]
            drawing.add(_string(x, y - label_size / 3, text, font, label_size, MUTED_INK))
    for shape in body.shapes:
        fill, text = shade(shares.get(shape.code, 0.0))
        drawing.add(outline(shape.points, fill, REGION_EDGE, 0.5))
        days = counts.get(shape.code, 0)
        if days:
            x, y = at(shape.centre())
            xs = [p[0] for p in shape.points]
            room = (max(xs) - min(xs)) * scale * 0.9  # the count stays inside its region
            fitted = min(size - 0.5, room / max(1e-6, stringWidth(str(days), bold_font, 1.0)))
            drawing.add(_string(x, y - fitted / 3, str(days), bold_font, max(4.5, fitted), text))
    return drawing


def _string(x: float, y: float, text: str, font: str, size: float, colour: str) -> "String":
    """A centred reportlab string."""
    from reportlab.graphics.shapes import String
    from reportlab.lib import colors

    return String(x, y, text, fontName=font, fontSize=size, fillColor=colors.HexColor(colour), textAnchor="middle")
