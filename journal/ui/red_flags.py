"""The red-flag message: unmissable, calm, acknowledged before anything else."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from journal.core.catalog import Urgency
from journal.core.redflags import RedFlag, soon_message, urgent_message


class RedFlagDialog(QDialog):
    """Modal: says to seek medical care now and why. The only way on is "I understand"."""

    def __init__(self, flags: Sequence[RedFlag], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        urgent = any(f.urgency is Urgency.URGENT for f in flags)
        self.setWindowTitle("Please seek medical care now" if urgent else "Please see your doctor soon")
        self.setObjectName("redFlagDialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        heading = QLabel("⚠  Seek medical care now" if urgent else "⚠  See your doctor soon")
        heading.setObjectName("redFlagHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        message = urgent_message(flags) or soon_message(flags)
        # The heading already says it; the body starts with what was logged.
        text = message.split("\n\n", 1)[1] if message.startswith("Please get medical care now.") else message
        body = QLabel(text)
        body_font = body.font()
        body_font.setPointSizeF(body_font.pointSizeF() * 1.15)
        body.setFont(body_font)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setMinimumWidth(body.fontMetrics().averageCharWidth() * 60)
        layout.addWidget(heading)
        layout.addWidget(body)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton("I understand", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.setAccessibleName(self.windowTitle())
        self.setAccessibleDescription(message)  # the whole message, for screen readers

    def reject(self) -> None:
        """Escape and the close button also count as acknowledging; the message was shown."""
        self.accept()
