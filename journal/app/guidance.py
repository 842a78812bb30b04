"""What the guidance reads from the journal: the cards for a day and the six-weeks rule.

The rules themselves are :mod:`journal.core.guidance` and
:mod:`journal.core.redflags`; this reads the days they need.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from journal.app.days import days
from journal.app.settings import set_setting, setting
from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.core.flares import LOOKBACK_DAYS

if TYPE_CHECKING:
    from journal.app.journal_file import Journal
    from journal.core.guidance import LinkedItem
    from journal.core.redflags import PersistentPain

#: The setting that holds the day the six-weeks suggestion was last hidden (ISO date).
PERSISTENT_PAIN_DISMISSED: Final = "persistent_pain_dismissed"
#: Days before the shown one the cards look at.
PREVIOUS_DAYS: Final = LOOKBACK_DAYS
#: Days read for the six-weeks rule (six weeks and some room).
SIX_WEEKS_LOOKBACK: Final = 60


def cards_for_day(journal: "Journal", entry: DayEntry, urgencies: dict[str, Urgency]) -> "list[LinkedItem]":
    """The guidance linked to ``entry``, read with the days before it."""
    from journal.core.guidance import linked_items_for_day, load_library

    earlier = days(journal, entry.date - dt.timedelta(days=PREVIOUS_DAYS), entry.date - dt.timedelta(days=1))
    return linked_items_for_day(entry, earlier, load_library(), urgencies=urgencies)


def persistent_pain(journal: "Journal", today: dt.date) -> "tuple[PersistentPain | None, str | None]":
    """The six-weeks rule over the recent days, and the day the suggestion was last hidden (or None)."""
    from journal.core.redflags import persistent_severe_pain

    recent = days(journal, today - dt.timedelta(days=SIX_WEEKS_LOOKBACK - 1), today)
    return persistent_severe_pain(recent, today), setting(journal, PERSISTENT_PAIN_DISMISSED)


def dismiss_persistent_pain(journal: "Journal", today: dt.date) -> None:
    """Hide the six-weeks suggestion for ``today``."""
    set_setting(journal, PERSISTENT_PAIN_DISMISSED, today.isoformat())
