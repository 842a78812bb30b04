"""One tab stop for a set of buttons: arrow keys move between them (a "roving tab stop").

The pattern of toolbars and radio groups: Tab enters the set at the button last
used, arrows move inside it, Space toggles, Tab leaves it. Screen-reader users
hear each button's own accessible name as focus moves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton

_LINE = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}


def neighbour(buttons: Sequence[QAbstractButton], button: QAbstractButton, key: int) -> QAbstractButton | None:
    """The button an arrow (or Home/End) key moves to from ``button``; None for other keys.

    Left/Right go along the reading order, Up/Down to the nearest button on the
    line above or below (as laid out on screen); at an edge the focus stays put.
    """
    index = list(buttons).index(button)
    if key == Qt.Key.Key_Right:
        return buttons[min(index + 1, len(buttons) - 1)]
    if key == Qt.Key.Key_Left:
        return buttons[max(index - 1, 0)]
    if key == Qt.Key.Key_Home:
        return buttons[0]
    if key == Qt.Key.Key_End:
        return buttons[-1]
    step = _LINE.get(Qt.Key(key))
    if step is None:
        return None
    lines = sorted({b.y() for b in buttons})
    line = lines.index(button.y()) + step
    if not 0 <= line < len(lines):
        return button
    centre = button.geometry().center().x()
    on_line = [b for b in buttons if b.y() == lines[line]]
    return min(on_line, key=lambda b: abs(b.geometry().center().x() - centre))


_WATCHED = frozenset({QEvent.Type.FocusIn, QEvent.Type.KeyPress})


class RovingFocus(QObject):
    """Makes ``buttons()`` one tab stop with arrow-key movement.

    ``buttons`` is called each time, so the set may change; call :meth:`adopt`
    for each new button.
    """

    def __init__(self, buttons: Callable[[], Sequence[QAbstractButton]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buttons = buttons
        self.current: QAbstractButton | None = None

    def adopt(self, button: QAbstractButton) -> None:
        """Watch ``button``; the first adopted one (or the only one) is the tab stop."""
        button.installEventFilter(self)
        button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        if self.current is None:
            self.make_current(button)

    def reset(self) -> None:
        """Forget the tab stop (before the buttons are made anew)."""
        self.current = None

    def make_current(self, button: QAbstractButton) -> None:
        if self.current is not None and self.current is not button:
            self.current.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.current = button

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _WATCHED:
            return False  # paints, moves and the rest: every button sees hundreds while the form is built
        buttons = self._buttons()
        if isinstance(watched, QAbstractButton) and watched in buttons:
            if event.type() == QEvent.Type.FocusIn:
                self.make_current(watched)
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                    return False
                target = neighbour(buttons, watched, event.key())
                if target is not None:
                    self.make_current(target)
                    target.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
        return False
