"""Where it hurts: one tick box per location code, one tab stop, arrow keys inside.

The API is the set of checked location codes (``checked_codes`` /
``set_checked_codes``), stored as :data:`journal.core.day.PAIN_LOCATIONS` keys;
a drawn body map can replace this grid behind the same API.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from journal.core.day import PAIN_LOCATIONS
from journal.ui.widgets.roving import RovingFocus

#: Grid cells: the lower back across the top, then each region left and right.
_PLACES: dict[str, tuple[int, int]] = {
    "lower_back_left": (0, 0),
    "lower_back_centre": (0, 1),
    "lower_back_right": (0, 2),
    "buttock_left": (1, 0),
    "buttock_right": (1, 1),
    "thigh_left": (1, 2),
    "thigh_right": (1, 3),
    "calf_left": (2, 0),
    "calf_right": (2, 1),
    "foot_left": (2, 2),
    "foot_right": (2, 3),
}


class LocationGrid(QWidget):
    """Tick boxes for the pain locations. ``changed`` fires on a user's tick or untick."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        self._roving = RovingFocus(lambda: list(self.boxes.values()), self)
        for code, label in PAIN_LOCATIONS.items():
            box = QCheckBox(label, self)
            box.setAccessibleName(f"Hurts at: {label}")
            row, column = _PLACES[code]
            grid.addWidget(box, row, column)
            self.boxes[code] = box
            self._roving.adopt(box)
            box.toggled.connect(lambda _on: self.changed.emit())
        self.setAccessibleName("Where it hurts")
        # Not a tab stop itself; a label's mnemonic may focus it, and it passes that on.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focus_target().setFocus(event.reason())

    def focus_target(self) -> QWidget:
        """The box that Tab lands on (the one last focused)."""
        return self._roving.current or next(iter(self.boxes.values()))

    def checked_codes(self) -> frozenset[str]:
        return frozenset(code for code, box in self.boxes.items() if box.isChecked())

    def set_checked_codes(self, codes: Iterable[str]) -> None:
        """Tick exactly ``codes`` (unknown codes are ignored)."""
        wanted = set(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in wanted)

    def focus_widgets(self) -> list[QWidget]:
        """The boxes in tab order (only the last-focused one is a tab stop)."""
        return list(self.boxes.values())
