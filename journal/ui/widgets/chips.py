"""Toggle chips: a wrapped row of checkable buttons, one per catalog name, plus "Add…".

Keyboard: the chips are one tab stop (the chip last moved to); arrow keys move
between them (Left/Right along the row, Up/Down to the line above or below,
Home/End to the ends) and Space toggles the focused chip. "+ Add…" is the next
tab stop, beside its chips.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from journal.core.catalog import name_key
from journal.ui.widgets.flow_layout import FlowLayout
from journal.ui.widgets.roving import RovingFocus


def _label(name: str, mark: str) -> str:
    """A chip's text: the name as typed ("&" doubled, or Qt would take it for a shortcut key)."""
    shown = name.replace("&", "&&")
    return f"⚠ {shown}" if mark else shown


class ChipGroup(QWidget):
    """Several names, each on or off. ``toggled(name, on)`` fires on user clicks.

    ``rebuilt`` fires when the chips were made anew (their tab order may need setting).
    """

    toggled = Signal(str, bool)
    addRequested = Signal()
    rebuilt = Signal()

    def __init__(self, group_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group_name = group_name
        self._chips: dict[str, QPushButton] = {}
        self._names: dict[str, str] = {}  # key -> name as stored
        self._marks: dict[str, str] = {}  # key -> "urgent" | "soon"
        self._roving = RovingFocus(lambda: list(self._chips.values()), self)
        self._layout = FlowLayout(self, spacing=6)
        self._add = QPushButton("+ Add…", self)
        self._add.setObjectName("addChip")
        self._add.setAccessibleName(f"Add your own {group_name.lower()}")
        self._add.clicked.connect(self.addRequested.emit)
        self._layout.addWidget(self._add)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(group_name)

    @property
    def add_button(self) -> QPushButton:
        """The "+ Add…" button (hidden where typing is the way to add)."""
        return self._add

    def set_names(self, names: Iterable[str], marks: dict[str, str] | None = None) -> None:
        """Show these names (keeping what was checked).

        ``marks`` maps a name key to "urgent" or "soon": such chips show a ⚠
        and a tooltip. Marks given once are kept for later calls.
        """
        names = list(names)
        if [name_key(n) for n in names] == list(self._names) and (marks is None or marks == self._marks):
            self._names = {name_key(n): n for n in names}
            for key, chip in self._chips.items():
                chip.setText(_label(self._names[key], self._marks.get(key, "")))
            return  # same chips: keep them (and what is checked)
        checked = set(self.checked())
        if marks is not None:
            self._marks = dict(marks)
        had_focus = any(chip.hasFocus() for chip in self._chips.values())
        for chip in self._chips.values():
            self._layout.removeWidget(chip)
            chip.removeEventFilter(self._roving)
            chip.deleteLater()
        self._chips.clear()
        self._roving.reset()
        self._layout.removeWidget(self._add)
        self._names.clear()
        for name in names:
            mark = self._marks.get(name_key(name), "")
            chip = QPushButton(_label(name, mark), self)
            chip.setCheckable(True)
            chip.setObjectName("chip")
            chip.setProperty("mark", mark)
            self._roving.adopt(chip)
            if mark:
                chip.setToolTip("Needs medical care now" if mark == "urgent" else "See your doctor soon")
            self._names[name_key(name)] = name
            chip.setAccessibleName(f"{self._group_name}: {name}")
            chip.setChecked(name_key(name) in {name_key(c) for c in checked})
            chip.clicked.connect(lambda on, n=name: self.toggled.emit(n, on))
            self._layout.addWidget(chip)
            self._chips[name_key(name)] = chip
        self._layout.addWidget(self._add)
        chips = list(self._chips.values())
        if chips:
            for before, after in zip(chips, [*chips[1:], self._add], strict=True):
                QWidget.setTabOrder(before, after)
            if had_focus:
                chips[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.updateGeometry()
        self.rebuilt.emit()

    def names(self) -> list[str]:
        return list(self._names.values())

    def checked(self) -> list[str]:
        return [self._names[key] for key, chip in self._chips.items() if chip.isChecked()]

    def set_checked(self, names: Iterable[str]) -> None:
        wanted = {name_key(n) for n in names}
        for key, chip in self._chips.items():
            chip.setChecked(key in wanted)

    def chip(self, name: str) -> QPushButton | None:
        return self._chips.get(name_key(name))

    def chips(self) -> list[QPushButton]:
        """The chips in screen order (without "+ Add…")."""
        return list(self._chips.values())

    def focus_widgets(self) -> list[QWidget]:
        """The group's widgets in tab order: its chips, then "+ Add…"."""
        return [*self._chips.values(), self._add]

    def current_chip(self) -> QPushButton | None:
        """The chip that Tab lands on (the one last focused), or None without chips."""
        return self._roving.current  # type: ignore[return-value]  # only chips are adopted

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.heightForWidth(width)
