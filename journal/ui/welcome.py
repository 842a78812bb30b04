"""The first-start welcome: what the journal is, the disclaimer, and two choices."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal.core.resources import load_toml
from journal.ui.widgets.screen_fit import fit_to_screen


class WelcomeChoice(enum.Enum):
    START = "start"
    SAMPLE = "sample"


class WelcomeDialog(QDialog):
    """Shown when the journal has no days yet. ``choice`` tells what the user picked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        self.choice = WelcomeChoice.START
        self.setWindowTitle("Welcome to Pain Journal")
        self.setObjectName("welcome")
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.setContentsMargins(28, 24, 28, 24)
        heading = QLabel("Welcome to Pain Journal")
        heading.setObjectName("welcomeHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        intro = QLabel(
            "Log each day in under a minute: your back and leg pain, what you did, and what "
            "seemed to make it better or worse.\n\n"
            "Over the weeks the journal shows how your pain moved, points to patterns worth "
            "talking about, and makes a clear summary to bring to your doctor.\n\n"
            "Everything stays on this computer. Nothing is sent anywhere."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        disclaimer = load_toml("content/disclaimer.toml")
        note = QLabel(f"<b>{disclaimer['title']}</b><br>{disclaimer['text'].strip()}".replace("\n\n", "<br><br>"))
        note.setObjectName("disclaimer")
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(note)
        buttons = QHBoxLayout()
        sample = QPushButton("&Explore with sample data")
        sample.setToolTip(
            "Look around a journal filled with six months of made-up days. Your own journal stays empty until you start."
        )
        start = QPushButton("&Start logging")
        start.setObjectName("primaryButton")
        start.setDefault(True)
        sample.clicked.connect(lambda: self._choose(WelcomeChoice.SAMPLE))
        start.clicked.connect(lambda: self._choose(WelcomeChoice.START))
        buttons.addStretch(1)
        buttons.addWidget(sample)
        buttons.addWidget(start)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def _choose(self, choice: WelcomeChoice) -> None:
        self.choice = choice
        self.accept()
