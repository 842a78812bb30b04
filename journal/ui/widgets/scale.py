"""A 0–10 rating as eleven large buttons with the number on each.

Keyboard: the widget is one tab stop; digits 0–9 choose directly, "1" then
"0" quickly chooses 10, Left/Right (or -/+) step, Delete or Backspace clears
(for optional measures). The accessible description always says the value.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

# Colour-blind-safe ramp from calm blue to strong orange (no green/red pairing).
# The style sheet (journal/ui/style.py) colours a checked button by its "level".
LEVEL_COLOURS = (
    "#d6e6f5", "#c6dbef", "#b3d1ea", "#a6c8e6", "#fde0c5", "#fdd0a2",
    "#fdbf86", "#fdae6b", "#fd9a4e", "#f5863a", "#e6550d",
)


class ScaleSelector(QFrame):
    """Choose a whole number 0–10, or nothing (``value() is None``)."""

    valueChanged = Signal(object)  # int | None

    def __init__(self, name: str, low_label: str = "none", high_label: str = "worst",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._value: int | None = None
        self._pending_one = QElapsedTimer()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setObjectName("scale")
        self.setAccessibleName(f"{name}, 0 to 10")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(3)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        self._buttons: list[QPushButton] = []
        for number in range(11):
            button = QPushButton(str(number), self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"{name} {number}")
            button.setToolTip(f"{number}: {low_label}" if number == 0 else
                              f"{number}: {high_label}" if number == 10 else str(number))
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            height = button.fontMetrics().height() * 2 + 4
            button.setMinimumSize(height, height)
            button.setObjectName("scaleButton")
            button.setProperty("level", number)
            self._group.addButton(button, number)
            layout.addWidget(button)
            self._buttons.append(button)
        self._group.idClicked.connect(self._clicked)
        self._readout = QLabel("–", self)
        self._readout.setMinimumWidth(self._readout.fontMetrics().horizontalAdvance("not set") + 8)
        self._readout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self._readout)
        self._refresh()

    def value(self) -> int | None:
        return self._value

    def setValue(self, value: int | None) -> None:
        if value is not None and not 0 <= value <= 10:
            raise ValueError(f"scale value out of range: {value}")
        if value == self._value:
            return
        self._value = value
        self._refresh()
        self.valueChanged.emit(value)

    def _clicked(self, number: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.setValue(None if self._value == number else number)

    def _refresh(self) -> None:
        for number, button in enumerate(self._buttons):
            button.setChecked(number == self._value)
        self._readout.setText("not set" if self._value is None else f"{self._value} / 10")
        self.setAccessibleDescription(
            f"{self._name}: {'not set' if self._value is None else f'{self._value} out of 10'}"
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text()
        if text.isdigit() and len(text) == 1:
            digit = int(text)
            if digit == 0 and self._value == 1 and self._pending_one.isValid() \
                    and self._pending_one.elapsed() < 800:
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
