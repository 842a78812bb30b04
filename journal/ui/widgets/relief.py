"""What helped: chips for what the person did for the pain, each rated with one key press.

On a chip, 2 means "helped a lot", 1 "a little", 0 "not at all": the key ticks
the chip and rates it at once. Pressing the same number again, or Delete,
takes the rating off (the chip stays ticked); Space ticks or unticks as on any
chip. The rating shows on the chip ("heat · a lot") and in its accessible
name. :class:`RatedChips` adds this to any :class:`ChipGroup`, so the
medication chips are rated the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from journal.core.catalog import name_key
from journal.core.day import HELPED_A_LITTLE, HELPED_A_LOT, HELPED_NOT_AT_ALL, ReliefUse
from journal.ui.widgets.chips import ChipGroup

#: Keys that rate the focused chip.
RATING_KEYS: Final[dict[int, int]] = {
    Qt.Key.Key_2: HELPED_A_LOT,
    Qt.Key.Key_1: HELPED_A_LITTLE,
    Qt.Key.Key_0: HELPED_NOT_AT_ALL,
}
#: Short words on a chip, by rating.
CHIP_WORDS: Final[dict[int, str]] = {HELPED_A_LOT: "a lot", HELPED_A_LITTLE: "a little", HELPED_NOT_AT_ALL: "not at all"}
KEY_HINT: Final = "Press 2 on an item if it helped a lot, 1 if a little, 0 if not at all (Space ticks it without a rating)."


class RatedChips(QObject):
    """Ratings of how much each ticked chip of ``group`` helped, set with one key press.

    ``changed`` fires when a key press ticks or rates a chip (the group's own
    ``toggled`` covers clicks and Space).
    """

    changed = Signal()

    def __init__(self, group: ChipGroup) -> None:
        super().__init__(group)
        self.group = group
        self._ratings: dict[str, int] = {}
        group.rebuilt.connect(self.refresh)
        group.toggled.connect(lambda *_: self.refresh())
        self.refresh()

    def ratings(self) -> dict[str, int]:
        """Name (as the chip shows it) → rating, for the ticked chips that have one."""
        ticked = {name_key(n): n for n in self.group.checked()}
        return {ticked[key]: value for key, value in self._ratings.items() if key in ticked}

    def rating(self, name: str) -> int | None:
        """The rating of the ticked chip ``name``, or None."""
        if name_key(name) not in {name_key(n) for n in self.group.checked()}:
            return None
        return self._ratings.get(name_key(name))

    def set_ratings(self, ratings: Iterable[tuple[str, int | None]]) -> None:
        self._ratings = {name_key(name): value for name, value in ratings if value is not None}
        self.refresh()

    def rate(self, name: str, value: int | None) -> None:
        """Tick ``name`` and set (or with None, take off) its rating."""
        key = name_key(name)
        if value is None:
            self._ratings.pop(key, None)
        else:
            self._ratings[key] = value
            if name not in self.group.checked():
                self.group.set_checked([*self.group.checked(), name])
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        """Show each chip's rating; watch new chips for the rating keys."""
        ticked = {name_key(n) for n in self.group.checked()}
        for name in self.group.names():
            chip = self.group.chip(name)
            if chip is None:
                continue
            if not chip.property("ratedKeys"):
                chip.installEventFilter(self)
                chip.setProperty("ratedKeys", True)
            value = self._ratings.get(name_key(name)) if name_key(name) in ticked else None
            shown = name.replace("&", "&&")
            chip.setText(shown if value is None else f"{shown} · {CHIP_WORDS[value]}")
            chip.setAccessibleDescription("" if value is None else f"helped {CHIP_WORDS[value]}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or not isinstance(watched, QPushButton):
            return False
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        name = next((n for n in self.group.names() if self.group.chip(n) is watched), None)
        if name is None:
            return False
        key = event.key()
        if key in RATING_KEYS:
            value = RATING_KEYS[key]
            same = watched.isChecked() and self._ratings.get(name_key(name)) == value
            self.rate(name, None if same else value)
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and name_key(name) in self._ratings:
            self.rate(name, None)
            return True
        return False


class ReliefList(QWidget):
    """The "What helped" chips: built-in and the person's own relief, each with an optional rating."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chips = ChipGroup("Thing that helped", self)
        self.rated = RatedChips(self.chips)
        self.chips.toggled.connect(lambda *_: self.changed.emit())
        self.rated.changed.connect(self.changed.emit)
        layout.addWidget(self.chips)
        hint = QLabel(KEY_HINT)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def set_names(self, names: Iterable[str]) -> None:
        self.chips.set_names(names)
        self.rated.refresh()

    def value(self) -> tuple[ReliefUse, ...]:
        ratings = self.rated.ratings()
        return tuple(ReliefUse(name, ratings.get(name)) for name in self.chips.checked())

    def set_value(self, relief: Iterable[ReliefUse]) -> None:
        relief = list(relief)
        missing = [r.name for r in relief if self.chips.chip(r.name) is None]
        if missing:
            self.chips.set_names([*self.chips.names(), *missing])
        self.chips.set_checked(r.name for r in relief)
        self.rated.set_ratings((r.name, r.helped) for r in relief)

    def focus_widgets(self) -> list[QWidget]:
        return self.chips.focus_widgets()
