"""Symptoms in two groups: the ordinary ones first, the warning signs apart.

Someone who usually has no warning sign should not face sixteen ⚠ chips every
day, yet every sign must stay one click or key press away. The ordinary
symptoms are a :class:`ChipGroup`; below them a button titled
"⚠ Warning signs" opens the signs' own group (Tab reaches it right after
"+ Add…", Space or Enter opens it). The group is always open when a sign is
marked or suggested. To the rest of the form this is one group of chips:
the same calls as :class:`ChipGroup`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from journal.core.catalog import name_key
from journal.ui.widgets.chips import ChipGroup

WARNING_TITLE = "⚠ Warning signs: symptoms that need a doctor"


class SymptomChips(QWidget):
    """Ordinary symptoms, then the warning signs in their own group (see the module)."""

    toggled = Signal(str, bool)
    addRequested = Signal()
    rebuilt = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Symptom")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.ordinary = ChipGroup("Symptom", self)
        layout.addWidget(self.ordinary)
        self.toggle = QPushButton(self)
        self.toggle.setObjectName("warningSignsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoDefault(False)
        self.toggle.setAccessibleName("Warning signs")
        layout.addWidget(self.toggle)
        self.section = QFrame(self)
        self.section.setObjectName("warningSigns")
        inner = QVBoxLayout(self.section)
        inner.setContentsMargins(0, 0, 0, 0)
        note = QLabel("If you have any of these, mark it: the journal tells you what to do and how soon.", self.section)
        note.setObjectName("hint")
        note.setWordWrap(True)
        inner.addWidget(note)
        self.warning = ChipGroup("Warning sign", self.section)
        self.warning.add_button.hide()  # new symptoms are added with the ordinary ones
        inner.addWidget(self.warning)
        layout.addWidget(self.section)
        for group in (self.ordinary, self.warning):
            group.toggled.connect(self.toggled.emit)
            group.rebuilt.connect(self.rebuilt.emit)
        self.ordinary.addRequested.connect(self.addRequested.emit)
        self.warning.toggled.connect(lambda _name, _on: self._follow())
        self.toggle.toggled.connect(self._show_section)
        self._marks: dict[str, str] = {}
        self._show_section(False)

    # --- opening and closing -------------------------------------------------------------

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def open_warnings(self) -> None:
        """Show the warning signs (a sign is marked or about to be suggested)."""
        self.toggle.setChecked(True)

    def _follow(self) -> None:
        """A marked sign keeps the group open; an empty group may close again."""
        if self.warning.checked():
            self.toggle.setChecked(True)
        self._title()

    def _show_section(self, on: bool) -> None:
        if not on and self.warning.checked():
            self.toggle.setChecked(True)  # never hide a marked sign
            return
        self.section.setVisible(on)
        self._title()
        self.updateGeometry()

    def _title(self) -> None:
        marked = len(self.warning.checked())
        count = len(self.warning.chips())
        state = f"{marked} marked" if marked else f"{count} signs"
        arrow = "▾" if self.toggle.isChecked() else "▸"
        self.toggle.setText(f"{arrow} {WARNING_TITLE} ({state})")
        self.toggle.setToolTip("Hide the warning signs" if self.toggle.isChecked() else "Show the warning signs")

    # --- the ChipGroup calls --------------------------------------------------------------

    @property
    def add_button(self) -> QPushButton:
        return self.ordinary.add_button

    def set_names(self, names: Iterable[str], marks: dict[str, str] | None = None) -> None:
        """Show these names: marked ones ("urgent" / "soon") among the warning signs, in order."""
        if marks is not None:
            self._marks = dict(marks)
        names = list(names)
        warning = [n for n in names if name_key(n) in self._marks]
        self.ordinary.set_names([n for n in names if name_key(n) not in self._marks], {})
        self.warning.set_names(warning, self._marks)
        self._follow()

    def names(self) -> list[str]:
        return [*self.ordinary.names(), *self.warning.names()]

    def checked(self) -> list[str]:
        return [*self.ordinary.checked(), *self.warning.checked()]

    def set_checked(self, names: Iterable[str]) -> None:
        names = list(names)
        self.ordinary.set_checked(names)
        self.warning.set_checked(names)
        self._follow()

    def chip(self, name: str) -> QPushButton | None:
        return self.ordinary.chip(name) or self.warning.chip(name)

    def chips(self) -> list[QPushButton]:
        return [*self.ordinary.chips(), *self.warning.chips()]

    def focus_widgets(self) -> list[QWidget]:
        return [*self.ordinary.focus_widgets(), self.toggle, *self.warning.chips()]

    def current_chip(self) -> QPushButton | None:
        return self.ordinary.current_chip()
