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
reads on both. The drawing itself is in
:mod:`journal.ui.widgets.body_map_painting`; this module keeps the state and
the input.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Final

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from journal.core.body_map import ROWS, Shape, load_body_map, marked_words, neighbour, smallest_region
from journal.core.day import PAIN_LOCATIONS
from journal.ui.widgets.body_map_painting import MARKED_EDGE as MARKED_EDGE
from journal.ui.widgets.body_map_painting import MARKED_EDGE_ON_DARK as MARKED_EDGE_ON_DARK
from journal.ui.widgets.body_map_painting import MARKED_FILL as MARKED_FILL
from journal.ui.widgets.body_map_painting import MARKED_TICK as MARKED_TICK
from journal.ui.widgets.body_map_painting import paint_regions, paint_ticks, paint_words, smooth_path

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
        self._outlines = [(view, smooth_path(view.outline)) for view in self._map.views]
        self._shapes: list[tuple[Shape, QPainterPath]] = [(s, smooth_path(s.points)) for s in self._map.shapes]
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
        transform = self._transform()
        lit = () if self._read_only else (self._hovered, self._pressed)
        ring = self._current if self._ring_visible() else None
        paint_regions(painter, transform, palette, group, self._outlines, self._shapes, self._checked, lit, ring)
        paint_ticks(painter, transform, self._shapes, self._checked)
        lines = [self.caption()]
        if self._ring_visible():
            lines.append(self.focus_caption())
        bottom = QRectF(self.rect()).adjusted(_PADDING, 0, -_PADDING, -_PADDING)
        text = palette.color(group, QPalette.ColorRole.WindowText)
        paint_words(painter, transform, text, self.font(), self._outlines, self._map.width, bottom, lines)
        painter.end()

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
