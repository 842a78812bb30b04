"""Where it hurts, marked on a picture: the back and front of the lower body.

The shapes come from :mod:`journal.core.body_map` (the same picture History,
Trends and the PDF draw), painted with QPainter so they stay sharp at any
size. Mouse or touch: click a region to mark it, click again to clear.
Keyboard: the map is one tab stop; the arrow keys move between regions (left
and right are the patient's own sides, as on the back view), Space or Enter
marks or clears, Home and End go to the first and last region. While the
keyboard is in use the focused region has a thick ring in the palette's
highlight colour and its name under the picture (not after a click, where it
would look like a state), and the widget's accessible name always says which
region it is on and whether it is marked.

Colours come from the palette (so they read in light and dark themes)
except the marked fill, an orange with a white tick drawn on it, which
reads on both.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Final

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from journal.core.body_map import ROWS, Shape, load_body_map, marked_words, neighbour, smallest_region, smooth_segments
from journal.core.day import PAIN_LOCATIONS
from journal.ui import palettes

#: The marked fill, its edges and the tick (see :mod:`journal.ui.palettes`).
MARKED_FILL: Final = QColor(palettes.BODY_MAP_MARKED_FILL)
MARKED_EDGE: Final = QColor(palettes.BODY_MAP_MARKED_EDGE)
MARKED_EDGE_ON_DARK: Final = QColor(palettes.BODY_MAP_MARKED_EDGE_ON_DARK)
MARKED_TICK: Final = QColor(palettes.BODY_MAP_MARKED_TICK)
_KEYS: Final = {
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Right: "right",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
}
_ORDER: Final = tuple(code for row in ROWS for code in row)
_PADDING: Final = 4
#: Every region is at least this many pixels across, in its smaller dimension, at the map's size hint.
MIN_TARGET: Final = 24
#: A press on the body this close (pixels) to a region's edge counts for that region.
NEAR_ENOUGH: Final = 10.0


def _path(points: tuple[tuple[float, float], ...]) -> QPainterPath:
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


class BodyMapWidget(QWidget):
    """Mark the regions that hurt; ``checked()`` holds their location codes.

    Signals fire on the user's own changes only (as the chips' do), never on
    :meth:`set_checked`: ``toggled(code, marked)`` per region, then ``changed()``.
    """

    toggled = Signal(str, bool)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self._map = load_body_map()
        self._outlines = [(view, _path(view.outline)) for view in self._map.views]
        self._shapes: list[tuple[Shape, QPainterPath]] = [(s, _path(s.points)) for s in self._map.shapes]
        self._edges: list[tuple[Shape, list[tuple[float, float]]]] = []  # see _edge_points
        self._checked: set[str] = set()
        self._current = _ORDER[0]
        self._hovered: str | None = None
        self._pressed: str | None = None
        self._read_only = False
        self._show_ring = False  # the focus ring shows for the keyboard, not after a click
        # Never taller than it asks to be in a form (Today keeps its daily core in view); a view may resize it.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.set_read_only(read_only)

    # --- value -------------------------------------------------------------------------

    def checked(self) -> frozenset[str]:
        """The marked location codes."""
        return frozenset(self._checked)

    def set_checked(self, codes: Iterable[str]) -> None:
        """Mark exactly ``codes`` (no signal).

        Raises:
            ValueError: a code is not one of :data:`PAIN_LOCATIONS` (nothing changes).
        """
        wanted = set(codes)
        unknown = sorted(wanted - PAIN_LOCATIONS.keys())
        if unknown:
            raise ValueError(f"not a place on the body map: {', '.join(unknown)}")
        if wanted != self._checked:
            self._checked = wanted
            self._describe()
            self.update()

    def toggle(self, code: str) -> None:
        """Mark or clear ``code`` as the user would (emits ``toggled`` and ``changed``)."""
        if self._read_only:
            return
        on = code not in self._checked
        if on:
            self._checked.add(code)
        else:
            self._checked.discard(code)
        self._describe()
        self.update()
        self.toggled.emit(code, on)
        self.changed.emit()

    def current(self) -> str:
        """The region the keyboard is on."""
        return self._current

    def set_current(self, code: str) -> None:
        if code not in PAIN_LOCATIONS:
            raise ValueError(f"unknown place: {code}")
        if code != self._current:
            self._current = code
            self._describe()
            self.update()

    def is_read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """A read-only map shows what was marked and takes no input or focus."""
        self._read_only = read_only
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(not read_only)
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.PointingHandCursor)
        self._describe()
        self.update()

    # --- words ---------------------------------------------------------------------------

    def caption(self) -> str:
        """The line under the picture: what is marked, in words."""
        if self._checked:
            return "Marked: " + marked_words(self._checked)
        return "Nothing marked" if self._read_only else "Nothing marked yet: click where it hurts"

    def focus_caption(self) -> str:
        """The focused region and its state, shown while the map has the keyboard."""
        state = "marked" if self._current in self._checked else "not marked"
        return f"{PAIN_LOCATIONS[self._current]}: {state}"

    def _describe(self) -> None:
        if self._read_only:
            self.setAccessibleName("Where it hurts")
        else:
            state = "marked" if self._current in self._checked else "not marked"
            self.setAccessibleName(f"Where it hurts: {PAIN_LOCATIONS[self._current]}, {state}")
        words = marked_words(self._checked) or "nothing"
        hint = "" if self._read_only else " Arrow keys move between places; Space marks or clears one."
        self.setAccessibleDescription(f"Body map. Marked: {words}.{hint}")

    # --- geometry ----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        # Large enough that every region is a target of at least MIN_TARGET pixels, and
        # compact enough that Today's daily core (activities included) fits a 1280×800 window.
        scale = MIN_TARGET / smallest_region(self._map)
        return QSize(200, math.ceil(self._map.height * scale) + 2 * _PADDING + self._caption_height())

    def minimumSizeHint(self) -> QSize:
        lines = 1 if self._read_only else 2
        return QSize(140, 150 + lines * self.fontMetrics().lineSpacing())

    def _caption_height(self) -> int:
        return (1 if self._read_only else 2) * self.fontMetrics().lineSpacing() + 6

    def _transform(self) -> QTransform:
        """Map coordinates to widget coordinates: the picture fitted and centred above the caption."""
        area = QRectF(self.rect()).adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING - self._caption_height())
        scale = max(0.01, min(area.width() / self._map.width, area.height() / self._map.height))
        left = area.left() + (area.width() - self._map.width * scale) / 2
        top = area.top() + (area.height() - self._map.height * scale) / 2
        return QTransform(scale, 0, 0, scale, left, top)

    def region_at(self, point: QPointF) -> str | None:
        """The location code under ``point`` (widget coordinates): the region drawn
        there or, on the body between regions, the nearest one within
        :data:`NEAR_ENOUGH` (a forgiving target for an unsteady hand); None off the body."""
        inverse, invertible = self._transform().inverted()
        if not invertible:
            return None
        where = inverse.map(QPointF(point))
        for shape, path in self._shapes:
            if path.contains(where):
                return shape.code
        view = next((v.name for v, path in self._outlines if path.contains(where)), None)
        if view is None:
            return None
        reach = NEAR_ENOUGH / max(0.01, self._transform().m11())
        x, y = where.x(), where.y()
        distance, code = min(
            (((px - x) ** 2 + (py - y) ** 2) ** 0.5, shape.code)
            for shape, edge in self._edge_points()
            if shape.view == view
            for px, py in edge
        )
        return code if distance <= reach else None

    def _edge_points(self) -> list[tuple[Shape, list[tuple[float, float]]]]:
        """Points along each region's drawn edge (made on first use: they cost ~15 ms)."""
        if not self._edges:
            self._edges = [
                (shape, [(p.x(), p.y()) for p in (path.pointAtPercent(i / 40) for i in range(40))])
                for shape, path in self._shapes
            ]
        return self._edges

    def region_centre(self, code: str, view: str | None = None) -> QPointF:
        """Where ``code``'s first shape (in ``view``, if given) is, in widget coordinates."""
        shape = next(s for s, _ in self._shapes if s.code == code and view in (None, s.view))
        return self._transform().map(QPointF(*shape.centre()))

    # --- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        text = palette.color(group, QPalette.ColorRole.WindowText)
        base = palette.color(group, QPalette.ColorRole.Base)
        window = palette.color(group, QPalette.ColorRole.Window)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        transform = self._transform()
        scale = transform.m11()
        marked_edge = MARKED_EDGE_ON_DARK if window.lightness() < 128 else MARKED_EDGE

        def pen(colour: QColor, width: float) -> QPen:
            found = QPen(colour, width)
            found.setCosmetic(True)  # widths in pixels, whatever the scale
            found.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            return found

        painter.setTransform(transform)
        for _, path in self._outlines:
            painter.setPen(pen(_with_alpha(text, 150), 1.5))
            painter.setBrush(_blend(window, text, 0.07))
            painter.drawPath(path)
        for shape, path in self._shapes:
            marked = shape.code in self._checked
            hovered = not self._read_only and shape.code in (self._hovered, self._pressed)
            if marked:
                painter.setPen(pen(marked_edge, 2.0))
                painter.setBrush(_blend(MARKED_FILL, MARKED_EDGE, 0.25) if hovered else MARKED_FILL)
            else:
                painter.setPen(pen(_with_alpha(text, 120), 1.0))
                painter.setBrush(_blend(base, MARKED_FILL, 0.22) if hovered else base)
            painter.drawPath(path)
        if self._ring_visible():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen(highlight, 3.5))
            for shape, path in self._shapes:
                if shape.code == self._current:
                    painter.drawPath(path)
        painter.resetTransform()
        self._paint_ticks(painter, transform, scale)
        self._paint_words(painter, transform, scale, text)
        painter.end()

    def _paint_ticks(self, painter: QPainter, transform: QTransform, scale: float) -> None:
        """A white tick on each marked shape: marked does not rely on colour alone."""
        size = max(3.0, 7.0 * scale)
        tick = QPen(MARKED_TICK, max(1.6, size / 3.2))
        tick.setCapStyle(Qt.PenCapStyle.RoundCap)
        tick.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(tick)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for shape, _ in self._shapes:
            if shape.code in self._checked:
                centre = transform.map(QPointF(*shape.centre()))
                mark = QPainterPath(centre + QPointF(-size * 0.8, 0))
                mark.lineTo(centre + QPointF(-size * 0.25, size * 0.6))
                mark.lineTo(centre + QPointF(size * 0.85, -size * 0.65))
                painter.drawPath(mark)

    def _paint_words(self, painter: QPainter, transform: QTransform, scale: float, text: QColor) -> None:
        plain = QFont(self.font())
        bold = QFont(plain)
        bold.setBold(True)
        line = self.fontMetrics().lineSpacing()
        painter.setPen(text)
        labels = [label for view, _ in self._outlines for label in view.labels]
        room = min((abs(a.at[0] - b.at[0]) for a, b in zip(labels, labels[1:])), default=self._map.width) * scale - 4
        small = QFont(plain)
        small.setPointSizeF(plain.pointSizeF() * 0.85)
        side_font = next(
            (f for f in (plain, small) if all(QFontMetrics(f).horizontalAdvance(label.text) <= room for label in labels)), None
        )
        for view, _ in self._outlines:
            painter.setFont(bold)
            centre = transform.map(QPointF(*view.title_at))
            painter.drawText(QRectF(centre.x() - 60, centre.y() - line, 120, 2 * line), Qt.AlignmentFlag.AlignCenter, view.title)
            painter.setFont(side_font or plain)
            for label in view.labels:
                centre = transform.map(QPointF(*label.at))
                shown = label.text if side_font else label.text[0]  # too small for the words: "L" and "R"
                painter.drawText(QRectF(centre.x() - 40, centre.y() - line, 80, 2 * line), Qt.AlignmentFlag.AlignCenter, shown)
        bottom = QRectF(self.rect()).adjusted(_PADDING, 0, -_PADDING, -_PADDING)
        lines = [self.caption()]
        if self._ring_visible():
            lines.append(self.focus_caption())
        for index, words in enumerate(reversed(lines)):
            font = bold if index == 0 and len(lines) == 2 else plain
            painter.setFont(font)
            row = QRectF(bottom.left(), bottom.bottom() - (index + 1) * line, bottom.width(), line)
            shown = QFontMetrics(font).elidedText(words, Qt.TextElideMode.ElideRight, int(row.width()))
            painter.drawText(row, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, shown)

    # --- mouse ------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._read_only and event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self.region_at(event.position())
            self.update()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed = self._pressed, None
        if event.button() == Qt.MouseButton.LeftButton and pressed is not None:
            if self.region_at(event.position()) == pressed:
                self._current = pressed
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self._show_ring = False
                self.toggle(pressed)
        self.update()
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hovered = self.region_at(event.position())
        if hovered != self._hovered:
            self._hovered = hovered
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hovered = None
        self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            code = self.region_at(QPointF(event.pos()))
            if code is None:
                QToolTip.hideText()
            else:
                state = "marked" if code in self._checked else "not marked"
                QToolTip.showText(event.globalPos(), f"{PAIN_LOCATIONS[code]}: {state}", self)
            return True
        return super().event(event)

    # --- keyboard --------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if self._read_only:
            super().keyPressEvent(event)
            return
        if key in (*_KEYS, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._show_ring = True
        if key in _KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.set_current(neighbour(self._current, _KEYS[key]))
        elif key == Qt.Key.Key_Home:
            self.set_current(_ORDER[0])
        elif key == Qt.Key.Key_End:
            self.set_current(_ORDER[-1])
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.toggle(self._current)
        else:
            super().keyPressEvent(event)

    def _ring_visible(self) -> bool:
        return self._show_ring and self.hasFocus() and not self._read_only

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_ring = event.reason() != Qt.FocusReason.MouseFocusReason
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
