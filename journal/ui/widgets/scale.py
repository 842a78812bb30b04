"""A 0–10 rating drawn as eleven large numbered boxes in one widget.

Mouse: click a number to choose it, click the chosen number again to clear.
Keyboard: the widget is one tab stop; digits 0–9 choose directly, "1" then
"0" quickly chooses 10, Left/Right (or -/+) step, Delete or Backspace clears
(for optional measures). The accessible description always says the value.

The boxes are painted rather than made of eleven buttons: the form has six
scales, and 66 styled buttons were the largest part of building it at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QFrame, QSizePolicy, QToolTip, QWidget

from journal.ui.palettes import HIGH_IS_BETTER, HIGH_IS_WORSE
from journal.ui.theme import current_colours

__all__ = ["HIGH_IS_BETTER", "HIGH_IS_WORSE", "LEVEL_COLOURS", "ScaleSelector"]

#: The pain ramp, calm blue to strong orange (see :mod:`journal.ui.palettes`).
LEVEL_COLOURS = HIGH_IS_WORSE

_NUMBERS = range(11)
_GAP = 5  # between two boxes
_MARGIN = 2  # inside the focus frame


class ScaleSelector(QFrame):
    """Choose a whole number 0–10, or nothing (``value() is None``).

    ``ramp`` is the fill of the chosen box for each number: :data:`HIGH_IS_WORSE`
    (pain, stress) or :data:`HIGH_IS_BETTER` (sleep quality), so colour keeps
    one meaning: orange is the end of a scale that is worth a look.
    """

    valueChanged = Signal(object)  # int | None

    def __init__(
        self,
        name: str,
        low_label: str = "none",
        high_label: str = "worst",
        parent: QWidget | None = None,
        *,
        ramp: tuple[str, ...] = HIGH_IS_WORSE,
    ) -> None:
        super().__init__(parent)
        if len(ramp) != 11:
            raise ValueError("a scale's ramp needs one colour for each number 0 to 10")
        self.ramp = ramp
        self._name = name
        self._low_label = low_label
        self._high_label = high_label
        self._value: int | None = None
        self._hovered: int | None = None
        self._pressed: int | None = None
        self._pending_one = QElapsedTimer()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setObjectName("scale")  # the style sheet draws the focus frame
        self.setAccessibleName(f"{name}, 0 to 10")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._describe()

    # --- value ---------------------------------------------------------------------

    def value(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:
        if value is not None and not 0 <= value <= 10:
            raise ValueError(f"scale value out of range: {value}")
        if value == self._value:
            return
        self._value = value
        self._describe()
        self.update()
        self.valueChanged.emit(value)

    def readout(self) -> str:
        """The text shown beside the boxes: ``"7 / 10"`` or ``"not set"``."""
        return "not set" if self._value is None else f"{self._value} / 10"

    def tooltip_for(self, number: int) -> str:
        if number == 0:
            return f"0: {self._low_label}"
        if number == 10:
            return f"10: {self._high_label}"
        return str(number)

    def _describe(self) -> None:
        said = "not set" if self._value is None else f"{self._value} out of 10"
        self.setAccessibleDescription(f"{self._name}: {said}")

    # --- geometry ------------------------------------------------------------------

    def _box_side(self) -> int:
        return self.fontMetrics().height() * 2 + 4

    def _readout_width(self) -> int:
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(text) for text in ("not set", "10 / 10")) + 12

    def sizeHint(self) -> QSize:
        side = self._box_side()
        frame = 2 * (self.frameWidth() + _MARGIN)
        return QSize(11 * side + 11 * _GAP + self._readout_width() + frame, side + frame)

    def minimumSizeHint(self) -> QSize:
        # Boxes may narrow (never shorten) so two columns of scales fit a small laptop.
        narrow = self.fontMetrics().horizontalAdvance("10") + 14
        frame = 2 * (self.frameWidth() + _MARGIN)
        return QSize(11 * narrow + 11 * _GAP + self._readout_width() + frame, self._box_side() + frame)

    def _area(self) -> QRect:
        return self.contentsRect().adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN)

    def box_rect(self, number: int) -> QRect:
        """Where the box for ``number`` is drawn, in widget coordinates."""
        area = self._area()
        width = (area.width() - self._readout_width() - 11 * _GAP) / 11
        left = area.left() + number * (width + _GAP)
        return QRectF(left, area.top(), width, area.height()).toAlignedRect()

    def _readout_rect(self) -> QRect:
        area = self._area()
        return QRect(area.right() - self._readout_width() + 1, area.top(), self._readout_width(), area.height())

    def number_at(self, point: QPoint) -> int | None:
        """The number whose box holds ``point``, or None between and beside the boxes."""
        for number in _NUMBERS:
            if self.box_rect(number).contains(point):
                return number
        return None

    # --- painting --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the frame: a border and tint while focused
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        enabled = self.isEnabled()
        text_colour = self.palette().color(
            QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled,
            QPalette.ColorRole.WindowText,
        )
        plain_font = self.font()
        bold_font = QFont(plain_font)
        bold_font.setBold(True)
        colours = current_colours()  # the theme may have changed since the last paint
        border = QColor(colours.scale_border)
        for number in _NUMBERS:
            box = QRectF(self.box_rect(number))
            chosen = number == self._value
            if chosen:
                painter.setPen(QPen(QColor(colours.scale_chosen_border) if enabled else border, 3))
                painter.setBrush(QColor(self.ramp[number]))
                box = box.adjusted(1.5, 1.5, -1.5, -1.5)
            else:
                painter.setPen(QPen(border, 1))
                hovered = enabled and number in (self._hovered, self._pressed)
                painter.setBrush(QColor(colours.button_hover if hovered else colours.base))
                box = box.adjusted(0.5, 0.5, -0.5, -0.5)
            painter.drawRoundedRect(box, 6, 6)
            painter.setFont(bold_font if chosen else plain_font)
            painter.setPen(QColor(colours.scale_chosen_text) if chosen and enabled else text_colour)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number))
        painter.setFont(plain_font)
        painter.setPen(text_colour)
        painter.drawText(self._readout_rect(), Qt.AlignmentFlag.AlignCenter, self.readout())
        painter.end()

    # --- mouse -------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = self.number_at(event.position().toPoint())
            self.update()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed = self._pressed, None
        if event.button() == Qt.MouseButton.LeftButton and pressed is not None:
            if self.number_at(event.position().toPoint()) == pressed:
                self.setFocus(Qt.FocusReason.MouseFocusReason)
                self.setValue(None if self._value == pressed else pressed)
        self.update()
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hovered = self.number_at(event.position().toPoint())
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
            number = self.number_at(event.pos())
            if number is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(number), self, self.box_rect(number))
            return True
        return super().event(event)

    # --- keyboard ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if text.isdigit() and len(text) == 1:
            digit = int(text)
            if digit == 0 and self._value == 1 and self._pending_one.isValid() and self._pending_one.elapsed() < 800:
                self.setValue(10)
            else:
                self.setValue(digit)
            self._pending_one.start() if digit == 1 else self._pending_one.invalidate()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Plus, Qt.Key.Key_Up):
            self.setValue(min(10, (self._value if self._value is not None else -1) + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Minus, Qt.Key.Key_Down):
            self.setValue(max(0, (self._value if self._value is not None else 1) - 1))
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.setValue(None)
        else:
            super().keyPressEvent(event)
