"""The body map's shapes: one picture of where it hurts for every renderer.

The shapes are data (``resources/body_map.toml``): a back and a front
outline of the lower body and one or more closed polygons per location code
of :data:`journal.core.day.PAIN_LOCATIONS`. The Today form, History, Trends
and the PDF draw the same shapes; this module only loads, checks and
describes them (no drawing, no Qt). Coordinates have y pointing down.

Every polygon is drawn rounded: :func:`smooth_segments` turns it into
quadratic curves through the midpoints of its edges, with the corners as
control points, so each renderer draws the very same curve.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from journal.core.day import PAIN_LOCATIONS

Point = tuple[float, float]
#: Region codes by body part, top to bottom; each row from the patient's left to right.
ROWS: Final[tuple[tuple[str, ...], ...]] = (
    ("lower_back_left", "lower_back_centre", "lower_back_right"),
    ("buttock_left", "buttock_right"),
    ("thigh_left", "thigh_right"),
    ("calf_left", "calf_right"),
    ("foot_left", "foot_right"),
)
BODY_MAP_FILE: Final = "body_map.toml"


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    at: Point


@dataclass(frozen=True, slots=True)
class View:
    """One outline (back or front) with its title and its side labels."""

    name: str
    title: str
    title_at: Point
    outline: tuple[Point, ...]
    labels: tuple[Label, ...]


@dataclass(frozen=True, slots=True)
class Shape:
    """One region's polygon in one view."""

    code: str
    view: str
    points: tuple[Point, ...]

    def centre(self) -> Point:
        """The polygon's centroid (where a count or a tick mark is drawn)."""
        return centroid(self.points)


@dataclass(frozen=True, slots=True)
class BodyMap:
    width: float
    height: float
    views: tuple[View, ...]
    shapes: tuple[Shape, ...]

    def shapes_for(self, code: str) -> tuple[Shape, ...]:
        return tuple(s for s in self.shapes if s.code == code)

    def codes(self) -> tuple[str, ...]:
        """Every code with a shape, in :data:`PAIN_LOCATIONS` order."""
        present = {s.code for s in self.shapes}
        return tuple(code for code in PAIN_LOCATIONS if code in present)


def centroid(points: Sequence[Point]) -> Point:
    """Area centroid of a simple polygon (the mean of its points if it has no area)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-9:
        return (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    return (cx / (3 * area), cy / (3 * area))


def contains(points: Sequence[Point], point: Point) -> bool:
    """Whether ``point`` is inside the polygon (even-odd rule)."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]]):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def smooth_segments(points: Sequence[Point]) -> tuple[Point, list[tuple[Point, Point]]]:
    """The rounded outline of a closed polygon: a start point and ``(control, end)``
    quadratic segments that bring the path back to the start."""
    count = len(points)
    mids = [
        ((points[i][0] + points[(i + 1) % count][0]) / 2, (points[i][1] + points[(i + 1) % count][1]) / 2) for i in range(count)
    ]
    segments = [(points[(i + 1) % count], mids[(i + 1) % count]) for i in range(count)]
    return mids[0], segments


def cubic_segments(points: Sequence[Point]) -> tuple[Point, list[tuple[Point, Point, Point]]]:
    """:func:`smooth_segments` as cubic curves ``(control1, control2, end)``, for
    renderers without quadratic curves (reportlab)."""
    start, quads = smooth_segments(points)
    cubics = []
    here = start
    for (cx, cy), end in quads:
        first = (here[0] + 2 / 3 * (cx - here[0]), here[1] + 2 / 3 * (cy - here[1]))
        second = (end[0] + 2 / 3 * (cx - end[0]), end[1] + 2 / 3 * (cy - end[1]))
        cubics.append((first, second, end))
        here = end
    return start, cubics


def _points(raw: Any, where: str) -> tuple[Point, ...]:
    if not isinstance(raw, list) or len(raw) < 3:
        raise ValueError(f"{where}: needs a list of at least three [x, y] points")
    found = []
    for item in raw:
        if not (isinstance(item, list) and len(item) == 2 and all(isinstance(v, int | float) for v in item)):
            raise ValueError(f"{where}: {item!r} is not an [x, y] point")
        found.append((float(item[0]), float(item[1])))
    return tuple(found)


def parse_body_map(data: Mapping[str, Any]) -> BodyMap:
    """Check and convert the parsed TOML.

    Raises:
        ValueError: a shape is malformed or outside the box, a region names an
            unknown code or view, or a location code has no shape.
    """
    width, height = float(data["width"]), float(data["height"])
    views = tuple(
        View(
            name=str(v["name"]),
            title=str(v["title"]),
            title_at=_points([v["title_at"]] * 3, f"view {v['name']} title")[0],
            outline=_points(v["outline"], f"view {v['name']} outline"),
            labels=tuple(
                Label(str(label["text"]), _points([label["at"]] * 3, f"view {v['name']} label")[0])
                for label in v.get("labels", [])
            ),
        )
        for v in data["views"]
    )
    view_names = {v.name for v in views}
    shapes = []
    for index, raw in enumerate(data["regions"]):
        code, view = str(raw["code"]), str(raw["view"])
        if code not in PAIN_LOCATIONS:
            raise ValueError(f"region {index + 1}: unknown location code {code!r}")
        if view not in view_names:
            raise ValueError(f"region {index + 1} ({code}): unknown view {view!r}")
        shapes.append(Shape(code, view, _points(raw["points"], f"region {index + 1} ({code})")))
    for shape in [*shapes, *(Shape("", v.name, v.outline) for v in views)]:
        if not all(0 <= x <= width and 0 <= y <= height for x, y in shape.points):
            raise ValueError(f"{shape.code or shape.view + ' outline'}: a point lies outside the {width:g} x {height:g} box")
    missing = [code for code in PAIN_LOCATIONS if not any(s.code == code for s in shapes)]
    if missing:
        raise ValueError(f"no shape for these locations: {', '.join(missing)}")
    return BodyMap(width, height, views, tuple(shapes))


@cache
def load_body_map() -> BodyMap:
    """The packaged body map (read once)."""
    from journal.core.resources import load_toml

    return parse_body_map(load_toml(BODY_MAP_FILE))


def smallest_region(body: BodyMap) -> float:
    """The smallest extent of any region, across or down, in map units.

    A region drawn rounded (see :func:`smooth_segments`) keeps the midpoints of
    its edges, so its extent is measured between those.
    """
    smallest = float("inf")
    for shape in body.shapes:
        start, segments = smooth_segments(shape.points)
        xs = [start[0], *(end[0] for _, end in segments)]
        ys = [start[1], *(end[1] for _, end in segments)]
        smallest = min(smallest, max(xs) - min(xs), max(ys) - min(ys))
    return smallest


def neighbour(code: str, key: str) -> str:
    """The region an arrow key moves to from ``code``: "left"/"right" along its row
    (the patient's left and right), "up"/"down" to the nearest region of the row
    above or below. Stays on ``code`` at an edge."""
    row_index = next(i for i, row in enumerate(ROWS) if code in row)
    row = ROWS[row_index]
    column = row.index(code)
    if key in ("left", "right"):
        column = max(0, min(len(row) - 1, column + (1 if key == "right" else -1)))
        return row[column]
    target = row_index + (1 if key == "down" else -1)
    if not 0 <= target < len(ROWS):
        return code
    other = ROWS[target]
    # Same relative position: the centre of three goes to the first of two.
    position = column / max(1, len(row) - 1)
    return other[min(len(other) - 1, int(position * (len(other) - 1) + 0.25))]


def marked_words(codes: frozenset[str] | set[str]) -> str:
    """The marked regions in body order as words: "lower back, centre; thigh, left"."""
    return "; ".join(PAIN_LOCATIONS[c].lower() for c in PAIN_LOCATIONS if c in codes)
