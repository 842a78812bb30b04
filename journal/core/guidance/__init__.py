"""Guidance: plain-language advice items, and which ones to suggest today.

* :mod:`~journal.core.guidance.items`: the items, the links and the checked :class:`Library`;
* :mod:`~journal.core.guidance.content`: reading and checking ``resources/content`` (:func:`load_library`);
* :mod:`~journal.core.guidance.for_today`: the "For today" cards for a logged day.

Import from here; the parts are split by what they hold.
"""

from __future__ import annotations

from journal.core.guidance.content import build_library, load_library
from journal.core.guidance.for_today import (
    MAX_CARDS,
    URGENT_CARDS_HEADING,
    flare_today,
    linked_items_for_day,
    links_for_day,
    warning_level,
)
from journal.core.guidance.items import (
    CATEGORY_LABELS,
    SOURCE_FILES,
    ContentError,
    Disclaimer,
    GuidanceItem,
    Library,
    Link,
    LinkedItem,
    WarningDayRule,
)
from journal.core.sources import Source

__all__ = [
    "CATEGORY_LABELS",
    "MAX_CARDS",
    "SOURCE_FILES",
    "ContentError",
    "Disclaimer",
    "GuidanceItem",
    "Library",
    "Link",
    "LinkedItem",
    "Source",
    "URGENT_CARDS_HEADING",
    "WarningDayRule",
    "build_library",
    "flare_today",
    "linked_items_for_day",
    "links_for_day",
    "load_library",
    "warning_level",
]
