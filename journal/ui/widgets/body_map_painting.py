"""Painting the body map: the outlines, the regions, the ticks on marked ones and the words.

Drawn with QPainter from the shapes of :mod:`journal.core.body_map`, in
colours from the widget's palette (so they read in light and dark themes)
except the marked fill, an orange with a white tick drawn on it, which reads
on both. The widget (:class:`journal.ui.widgets.body_map.BodyMapWidget`)
keeps the state and the input; these functions only draw what they are given.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen, QTransform

from journal.core.body_map import Shape, View, smooth_segments
from journal.ui import palettes

#: The marked fill, its edges and the tick (see :mod:`journal.ui.palettes`).
MARKED_FILL: Final = QColor(palettes.BODY_MAP_MARKED_FILL)
MARKED_EDGE: Final = QColor(palettes.BODY_MAP_MARKED_EDGE)
MARKED_EDGE_ON_DARK: Final = QColor(palettes.BODY_MAP_MARKED_EDGE_ON_DARK)
MARKED_TICK: Final = QColor(palettes.BODY_MAP_MARKED_TICK)


def smooth_path(points: tuple[tuple[float, float], ...]) -> QPainterPath:
    """A closed path through ``points``, smoothed as every body map is drawn."""
    start, segments = smooth_segments(points)
    path = QPainterPath(QPointF(*start))
    for control, end in segments:
        path.quadTo(QPointF(*control), QPointF(*end))
    path.closeSubpath()
    return path


def _with_alpha(colour: QColor, alpha: int) -> QColor:
    found = QColor(colour)
    found.setAlpha(alpha)
    return found


def _blend(first: QColor, second: QColor, amount: float) -> QColor:
    """``first`` moved ``amount`` (0–1) of the way to ``second``."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * amount,
        first.greenF() + (second.greenF() - first.greenF()) * amount,
        first.blueF() + (second.blueF() - first.blueF()) * amount,
    )


def _pen(colour: QColor, width: float) -> QPen:
    found = QPen(colour, width)
    found.setCosmetic(True)  # widths in pixels, whatever the scale
    found.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return found


def paint_regions(
    painter: QPainter,
    transform: QTransform,
    palette: QPalette,
    group: QPalette.ColorGroup,
    outlines: Sequence[tuple[View, QPainterPath]],
    shapes: Sequence[tuple[Shape, QPainterPath]],
    checked: Collection[str],
    lit: Collection[str | None],
    ring: str | None,
) -> None:
    """The outlines, then each region (marked, lit under the pointer, or plain), then the focus ring on ``ring``."""
    text = palette.color(group, QPalette.ColorRole.WindowText)
    base = palette.color(group, QPalette.ColorRole.Base)
    window = palette.color(group, QPalette.ColorRole.Window)
    highlight = palette.color(group, QPalette.ColorRole.Highlight)
    marked_edge = MARKED_EDGE_ON_DARK if window.lightness() < 128 else MARKED_EDGE
    painter.setTransform(transform)
    for _, path in outlines:
        painter.setPen(_pen(_with_alpha(text, 150), 1.5))
        painter.setBrush(_blend(window, text, 0.07))
        painter.drawPath(path)
    for shape, path in shapes:
        marked = shape.code in checked
        hovered = shape.code in lit
        if marked:
            painter.setPen(_pen(marked_edge, 2.0))
            painter.setBrush(_blend(MARKED_FILL, MARKED_EDGE, 0.25) if hovered else MARKED_FILL)
        else:
            painter.setPen(_pen(_with_alpha(text, 120), 1.0))
            painter.setBrush(_blend(base, MARKED_FILL, 0.22) if hovered else base)
        painter.drawPath(path)
    if ring is not None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(highlight, 3.5))
        for shape, path in shapes:
            if shape.code == ring:
                painter.drawPath(path)
    painter.resetTransform()


def paint_ticks(
    painter: QPainter, transform: QTransform, shapes: Sequence[tuple[Shape, QPainterPath]], checked: Collection[str]
) -> None:
    """A white tick on each marked shape: marked does not rely on colour alone."""
    size = max(3.0, 7.0 * transform.m11())
    tick = QPen(MARKED_TICK, max(1.6, size / 3.2))
    tick.setCapStyle(Qt.PenCapStyle.RoundCap)
    tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(tick)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for shape, _ in shapes:
        if shape.code in checked:
            centre = transform.map(QPointF(*shape.centre()))
            mark = QPainterPath(centre + QPointF(-size * 0.8, 0))
            mark.lineTo(centre + QPointF(-size * 0.25, size * 0.6))
            mark.lineTo(centre + QPointF(size * 0.85, -size * 0.65))
            painter.drawPath(mark)


def paint_words(
    painter: QPainter,
    transform: QTransform,
    text: QColor,
    font: QFont,
    outlines: Sequence[tuple[View, QPainterPath]],
    map_width: float,
    bottom: QRectF,
    lines: Sequence[str],
) -> None:
    """Each view's title and side labels, and ``lines`` at the foot of ``bottom`` (the first of two in bold).

    The side labels shrink a little, then become "L" and "R", where the words do not fit.
    """
    scale = transform.m11()
    plain = QFont(font)
    bold = QFont(plain)
    bold.setBold(True)
    line = QFontMetrics(font).lineSpacing()
    painter.setPen(text)
    labels = [label for view, _ in outlines for label in view.labels]
    room = min((abs(a.at[0] - b.at[0]) for a, b in zip(labels, labels[1:])), default=map_width) * scale - 4
    small = QFont(plain)
    small.setPointSizeF(plain.pointSizeF() * 0.85)
    side_font = next(
        (f for f in (plain, small) if all(QFontMetrics(f).horizontalAdvance(label.text) <= room for label in labels)), None
    )
    for view, _ in outlines:
        painter.setFont(bold)
        centre = transform.map(QPointF(*view.title_at))
        painter.drawText(QRectF(centre.x() - 60, centre.y() - line, 120, 2 * line), Qt.AlignmentFlag.AlignCenter, view.title)
        painter.setFont(side_font or plain)
        for label in view.labels:
            centre = transform.map(QPointF(*label.at))
            shown = label.text if side_font else label.text[0]  # too small for the words: "L" and "R"
            painter.drawText(QRectF(centre.x() - 40, centre.y() - line, 80, 2 * line), Qt.AlignmentFlag.AlignCenter, shown)
    for index, words in enumerate(reversed(lines)):
        chosen = bold if index == 0 and len(lines) == 2 else plain
        painter.setFont(chosen)
        row = QRectF(bottom.left(), bottom.bottom() - (index + 1) * line, bottom.width(), line)
        shown = QFontMetrics(chosen).elidedText(words, Qt.TextElideMode.ElideRight, int(row.width()))
        painter.drawText(row, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, shown)
