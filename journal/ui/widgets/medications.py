"""Medications and self-care as the patient writes them: recent ones as chips, new ones typed.

The app never suggests what to take or how much: autocomplete offers only what
this person wrote before.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from journal.ui.widgets.chips import ChipGroup
from journal.ui.widgets.relief import RatedChips

RECENT_CHIPS = 8


class MedicationList(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chips = ChipGroup("Medication or self-care", self)
        self.chips.add_button.hide()  # typing below is the way to add
        self.chips.toggled.connect(lambda *_: self.changed.emit())
        #: How much each ticked one helped: 2, 1 or 0 on its chip (see journal.ui.widgets.relief).
        self.rated = RatedChips(self.chips)
        self.rated.changed.connect(self.changed.emit)
        layout.addWidget(self.chips)
        row = QHBoxLayout()
        self.entry = QLineEdit(self)
        self.entry.setPlaceholderText("name and dose as you take it (self-care such as heat is in What helped)")
        self.entry.setAccessibleName("New medication or self-care")
        self.entry.setClearButtonEnabled(True)
        self._completer = QCompleter([], self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(self._completer)
        self.entry.returnPressed.connect(self._add_typed)
        add = QPushButton("Add", self)
        add.setAccessibleName("Add this medication or self-care")
        add.clicked.connect(self._add_typed)
        self.add_button = add
        row.addWidget(self.entry, 1)
        row.addWidget(add)
        layout.addLayout(row)
        self._known: list[str] = []

    def set_known(self, names: Iterable[str]) -> None:
        """What this person wrote before, most used first."""
        self._known = list(names)
        self._completer.model().setStringList(self._known)  # type: ignore[attr-defined]  # the completer's model is the QStringListModel it was given
        self.chips.set_names(self._ordered(self.chips.checked()))
        self.rated.refresh()

    def _ordered(self, extra: Iterable[str]) -> list[str]:
        names = list(self._known[:RECENT_CHIPS])
        for name in extra:
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
        return names

    def _add_typed(self) -> None:
        text = " ".join(self.entry.text().split())
        if not text:
            return
        checked = self.chips.checked() + [text]
        self.chips.set_names(self._ordered(checked))
        self.chips.set_checked(checked)
        self.rated.refresh()
        self.entry.clear()
        self.changed.emit()

    def focus_widgets(self) -> list[QWidget]:
        """Recent chips (one tab stop), the typing field, then "Add"."""
        return [*self.chips.chips(), self.entry, self.add_button]

    def value(self) -> tuple[str, ...]:
        """Checked names, plus anything typed but not yet added (so Save never drops it)."""
        typed = " ".join(self.entry.text().split())
        checked = self.chips.checked()
        if typed and typed.casefold() not in {c.casefold() for c in checked}:
            checked.append(typed)
        return tuple(checked)

    def helped(self) -> tuple[tuple[str, int], ...]:
        """How much each rated medication helped, as ``(name, 0/1/2)``."""
        return tuple(self.rated.ratings().items())

    def set_value(self, medications: Iterable[str], helped: Iterable[tuple[str, int]] = ()) -> None:
        medications = list(medications)
        self.entry.clear()
        self.chips.set_names(self._ordered(medications))
        self.chips.set_checked(medications)
        self.rated.set_ratings(helped)
