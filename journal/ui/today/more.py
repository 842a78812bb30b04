"""The "More" part of the day form: a fold that remembers whether it was left open.

What a patient logs every day (pain, where, activities, triggers, symptoms)
stays in view; stiffness, sleep, mood, the PEG items, medications and notes
fold away here. Whether the fold is open is a per-computer preference
(QSettings, beside the reminder settings), not part of the journal.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout, QWidget

ORGANIZATION = "pain-journal"
APPLICATION = "today"
OPEN_KEY = "form/more_open"
TITLE = "&More: stiffness, sleep, mood, how pain got in the way, what helped, medications, notes"


def open_settings() -> QSettings:
    """The Today view's preferences (an INI file in the user's configuration folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def remembered_open() -> bool:
    """Whether "More" was open when last left; False the first time (or if unreadable)."""
    value = open_settings().value(OPEN_KEY, False)
    return value is True or (isinstance(value, str) and value.lower() == "true")


class _Toggle(QToolButton):
    """The fold's button. Its Alt+letter always reaches the fields (opening them if
    folded) rather than folding them away; Space or a click toggles."""

    reached = Signal()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut:
            self.reached.emit()
            return True
        return super().event(event)


class MoreSection(QWidget):
    """A toggle button over a body (whose row layout the form fills with its boxes).

    ``aboutToOpen`` fires each time the body is about to be shown, so its owner can
    build what goes in it on first use.

    ``openedByUser`` fires after the patient opened it, or reached it with its
    Alt+letter (the form then moves the focus to its first field).
    """

    openedByUser = Signal()
    #: Fires just before the body is first shown (the form builds its fields then).
    aboutToOpen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.toggle = _Toggle(self)
        self.toggle.setObjectName("moreToggle")
        self.toggle.setText(TITLE)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.toggle)
        self.body = QWidget(self)
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(14)
        layout.addWidget(self.body)
        self._show(remembered_open())
        self.toggle.clicked.connect(self._on_clicked)
        self.toggle.reached.connect(self._on_reached)

    def is_open(self) -> bool:
        return self.toggle.isChecked()

    def set_open(self, shown: bool) -> None:
        """Open or fold it (and remember that for the next start)."""
        if shown == self.is_open() and self.body.isVisibleTo(self) == shown:
            return
        self._show(shown)
        open_settings().setValue(OPEN_KEY, shown)

    def _show(self, shown: bool) -> None:
        if not shown and self.body.isAncestorOf(self.focusWidget() or self.toggle):
            self.toggle.setFocus(Qt.FocusReason.OtherFocusReason)  # never leave the focus on a hidden field
        if shown:
            self.aboutToOpen.emit()
        self.toggle.setChecked(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleName("More fields: " + ("shown" if shown else "folded"))
        self.body.setVisible(shown)

    def _on_reached(self) -> None:
        self.set_open(True)
        self.openedByUser.emit()

    def _on_clicked(self, checked: bool) -> None:
        self.set_open(checked)
        if checked:
            self.openedByUser.emit()
