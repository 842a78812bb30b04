"""Calm notices in the Today view: "see your doctor soon" details and the six-weeks suggestion.

Urgent symptoms get the modal :class:`journal.ui.red_flags.RedFlagDialog`;
these panels are for things that matter but are not an emergency, so they
sit in the page, can be read at leisure, and (the suggestion) dismissed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal.ui.theme import current_colours, follow_theme


def _style(kind: str) -> str:
    """The panel's style sheet: its background with the text colour for it, from the theme."""
    c = current_colours()
    fill, text, edge = (c.soon_fill, c.soon_fill_text, c.soon) if kind == "soon" else (c.note_fill, c.note_text, c.border)
    return (
        f"QFrame#{kind}Notice {{ background: {fill}; color: {text}; border: 1px solid {edge}; border-radius: 6px; }}"
        f" QFrame#{kind}Notice QLabel {{ background: transparent; border: none; color: {text}; }}"
    )


class NoticePanel(QFrame):
    """A heading, a message, where it comes from, and buttons to read more or dismiss.

    ``readRequested(item_id)`` asks to open a guidance item; ``dismissed``
    fires when the patient closes the panel (only if ``dismissible``).
    """

    readRequested = Signal(str)
    dismissed = Signal()

    def __init__(self, kind: str, *, read_item: str, read_label: str, dismissible: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{kind}Notice")
        self._kind = kind
        self.setStyleSheet(_style(kind))
        follow_theme(self._restyle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source = QLabel(self)
        self.source.setObjectName("hint")
        self.source.setWordWrap(True)
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 2, 0, 0)
        footer.addWidget(self.source, 1)
        self.read_button = QPushButton(read_label, self)
        self.read_button.clicked.connect(lambda: self.readRequested.emit(read_item))
        footer.addWidget(self.read_button)
        self.dismiss_button: QPushButton | None = None
        if dismissible:
            self.dismiss_button = QPushButton("Hide for today", self)
            self.dismiss_button.setAccessibleName("Hide this suggestion for today")
            self.dismiss_button.clicked.connect(self._dismiss)
            footer.addWidget(self.dismiss_button)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addLayout(footer)
        self.hide()

    def _restyle(self, _theme: object = None) -> None:
        """Take the new theme's colours (a live switch of light, dark or high contrast)."""
        self.setStyleSheet(_style(self._kind))

    def show_message(self, heading: str, message: str, source: str) -> None:
        """Show the panel; an empty ``heading`` leaves the heading out."""
        self.heading.setText(heading)
        self.heading.setVisible(bool(heading))
        self.message.setText(message)
        self.source.setText(f"From: {source}")
        self.setAccessibleName(heading or "See your doctor soon")
        self.setAccessibleDescription(message)
        self.show()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()
