"""The "For today" cards under the Today form: a few items picked for the saved day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCommandLinkButton, QGridLayout, QLabel, QSizePolicy, QWidget

from journal.core import clock
from journal.core.dates import relative_words
from journal.core.guidance import MAX_CARDS, URGENT_CARDS_HEADING, LinkedItem
from journal.ui.theme import current_colours, follow_theme

FOR_TODAY_HEADING = "<b>For today</b><br>You might find<br>these helpful:"


def for_day_heading(date: dt.date, today: dt.date) -> str:
    """The cards' heading for the saved ``date``: "For today" only on today (a past day is named)."""
    if date == today:
        return FOR_TODAY_HEADING
    return f"<b>For {relative_words(date, today).removeprefix('on ')}</b><br>You might find<br>these helpful:"


#: On a day with an urgent warning sign the cards are only about getting care.
URGENT_HEADING = f"<b>{URGENT_CARDS_HEADING}</b><br>About these<br>warning signs:"


class GuidanceCard(QCommandLinkButton):
    """One suggestion: the item's title, and why it was picked. Click or Enter opens it."""

    def __init__(self, linked: LinkedItem, parent: QWidget | None = None) -> None:
        super().__init__(linked.item.title, linked.reason, parent)
        self.item_id = linked.item.id
        self.setObjectName("guidanceCard")
        self.setAccessibleName(f"Suggested reading: {linked.item.title}")
        self.setAccessibleDescription(f"{linked.reason}. Opens it in the Guidance tab.")
        self.setToolTip(f"{linked.item.summary}\n\nOpens in the Guidance tab.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)


class ForTodayCards(QWidget):
    """At most :data:`MAX_CARDS` cards for one date; ``openRequested(item_id)`` on click."""

    openRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date: dt.date | None = None
        self.cards: list[GuidanceCard] = []
        # Two columns: four cards in one row would make the window wider than 1280 px.
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(8)
        self._layout.setVerticalSpacing(4)
        self.heading = QLabel(FOR_TODAY_HEADING)
        self.heading.setObjectName("hint")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._layout.addWidget(self.heading, 0, 0, 2, 1)
        self._layout.setColumnStretch(1, 1)
        self._layout.setColumnStretch(2, 1)
        self.setAccessibleName("For today: suggested reading")
        self._urgent = False
        follow_theme(self._recolour)
        self.hide()

    @property
    def urgent(self) -> bool:
        """True when the cards were chosen for a day with an urgent warning sign."""
        return self._urgent

    def _recolour(self, _theme: object = None) -> None:
        self.heading.setStyleSheet(f"color: {current_colours().dirty_text};" if self._urgent else "")

    def set_cards(self, date: dt.date, linked: Sequence[LinkedItem], *, urgent: bool = False) -> None:
        """Replace the cards with those for ``date`` (most relevant first); hide when none.

        ``urgent``: the day has an urgent warning sign; the heading says to get care first.
        """
        self.clear()
        self.date = date
        self.heading.setText(URGENT_HEADING if urgent else for_day_heading(date, clock.today()))
        # The usual grey hint is too quiet for this heading: the warning colour of the theme.
        self._urgent = urgent
        self._recolour()
        plain = "For today" if date == clock.today() else f"For {relative_words(date, clock.today()).removeprefix('on ')}"
        self.setAccessibleName(f"{URGENT_CARDS_HEADING}: suggested reading" if urgent else f"{plain}: suggested reading")
        for index, item in enumerate(linked[:MAX_CARDS]):
            card = GuidanceCard(item, self)
            card.clicked.connect(lambda _=False, item_id=item.item.id: self.openRequested.emit(item_id))
            self._layout.addWidget(card, index // 2, 1 + index % 2)
            self.cards.append(card)
        self.setVisible(bool(self.cards))

    def clear(self) -> None:
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards.clear()
        self.date = None
        self.hide()
