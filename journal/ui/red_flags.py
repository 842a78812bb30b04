"""The red-flag message: unmissable, calm, acknowledged before anything else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from journal.core.catalog import Urgency
from journal.core.redflags import RedFlag, soon_message, urgent_message
from journal.core.sources import citation
from journal.ui.widgets.screen_fit import fit_to_screen

#: The heading when a warning sign was logged for today (or the day being edited).
NOW_HEADING = "Seek medical care now"
#: The heading when every urgent sign is from an earlier date (an import, an old day).
EARLIER_HEADING = "Warning signs in your journal"


def _body_html(text: str) -> str:
    """The message after its first paragraph, as simple HTML: each sign in bold, its why below.

    Bullets read ``• <Sign>[, dates]. <why>``: sign names and dates hold no full stop.
    """
    parts = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.splitlines()
        plain = [line for line in lines if not line.startswith("• ")]
        if plain:
            parts.append(f"<p>{escape(' '.join(plain))}</p>")
        for line in lines:
            if line.startswith("• "):
                sign, _, why = line[2:].partition(". ")
                parts.append(f"<p style='margin-left:12px'><b>{escape(sign)}.</b><br>{escape(why)}</p>")
    return "".join(parts)


class RedFlagDialog(QDialog):
    """Modal: what to do first, what was logged and why, and where that comes from. The only way on is "I understand".

    Below the message, each sign's first source by readable title: for a sign
    an About-you answer changed, the guideline that says so (as the "soon"
    notice, the summary, the PDF and FHIR name it). ``today`` is the date the patient is living (not the day being edited): signs
    dated before it are told in the past tense, with their dates.
    """

    def __init__(self, flags: Sequence[RedFlag], parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        urgent = [f for f in flags if f.urgency is Urgency.URGENT]
        current = today is None or any(f.date >= today for f in urgent)
        heading_text = (NOW_HEADING if current else EARLIER_HEADING) if urgent else "See your doctor soon"
        self.setWindowTitle(heading_text)
        self.setObjectName("redFlagDialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        heading = QLabel(f"⚠  {heading_text}")
        heading.setObjectName("redFlagHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        message = urgent_message(flags, today) or soon_message(flags, today)
        first, _, rest = message.partition("\n\n")
        # The first paragraph is what to do: it stands out in bold under the heading.
        action = QLabel(first)
        action.setObjectName("redFlagAction")
        action_font = action.font()
        action_font.setPointSizeF(action_font.pointSizeF() * 1.25)
        action_font.setBold(True)
        action.setFont(action_font)
        action.setWordWrap(True)
        body = QLabel(_body_html(rest))
        body.setObjectName("redFlagBody")
        body_font = body.font()
        body_font.setPointSizeF(body_font.pointSizeF() * 1.15)
        body.setFont(body_font)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body.setMinimumWidth(body.fontMetrics().averageCharWidth() * 70)
        action.setTextFormat(Qt.TextFormat.PlainText)
        body.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(heading)
        layout.addSpacing(4)
        layout.addWidget(action)
        layout.addSpacing(8)
        layout.addWidget(body)
        shown = [f for f in flags if f.urgency is Urgency.URGENT] or list(flags)
        #: Where the advice comes from: each sign's first source (a changed sign's guideline), by readable title.
        #: Only the first: in an emergency the message comes first and this line stays short.
        self.sources = "; ".join(dict.fromkeys(citation(f.sources[0]) if f.sources else f.source for f in shown))
        source = QLabel(f"From: {self.sources}")
        source.setObjectName("hint")
        source.setAccessibleName("Where this advice comes from")
        source.setWordWrap(True)
        source.setTextFormat(Qt.TextFormat.PlainText)
        source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addSpacing(4)
        layout.addWidget(source)
        buttons = QDialogButtonBox(self)
        ok = buttons.addButton("I understand", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        ok.setMinimumHeight(ok.fontMetrics().height() * 2 + 8)
        ok.setMinimumWidth(ok.fontMetrics().horizontalAdvance("I understand") + 48)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.message = message
        self.setAccessibleName(self.windowTitle())
        self.setAccessibleDescription(message)  # the whole message, for screen readers (the sources are a label of their own)

    def reject(self) -> None:
        """Escape and the close button also count as acknowledging; the message was shown."""
        self.accept()
