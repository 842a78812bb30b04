"""Guidance items and the checked library that holds them.

An item is one piece of plain-language advice with its sources; the
:class:`Library` holds every item, the links from what a person logs to the
items, the disclaimer, and the :class:`WarningDayRule`. The content itself is
data in ``resources/content`` (read and checked by
:mod:`journal.core.guidance.content`); which cards a day gets is
:mod:`journal.core.guidance.for_today`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from journal.core.catalog import Urgency, name_key
from journal.core.sources import Source

#: The source documents content may cite (also listed, with titles, in sources.toml;
#: items may also cite an external guideline listed there by its id).
SOURCE_FILES: Final[tuple[str, ...]] = (
    "000_32feb4238e8fab95.txt",
    "001_fd13b853fb6b8d97.txt",
    "002_d8cb5da58937e2ee.txt",
    "003_df4f7bba30e8c6f8.txt",
)

#: Category key → label for people, in display order.
CATEGORY_LABELS: Final[dict[str, str]] = {
    "understanding": "Understanding your back",
    "exercise": "Exercise",
    "mind-body": "Mind and body",
    "pacing": "Pacing your day",
    "self-monitoring": "Keeping track",
    "self-care": "Self-care at home",
    "daily-life": "Daily life",
    "prevention": "Protecting your back",
    "dos-and-donts": "Do's and don'ts",
    "when-to-see-a-doctor": "When to see a doctor",
}

#: Link kinds in links.toml; ``state`` names are in :data:`STATES`.
LINK_KINDS: Final[tuple[str, ...]] = ("state", "symptom", "trigger", "activity")
FLARE: Final = "flare"
HIGH_LEG_PAIN_STATE: Final = "high_leg_pain"
STATES: Final[tuple[str, ...]] = (FLARE, HIGH_LEG_PAIN_STATE)
MAX_WEIGHT: Final = 100
#: links.toml section with what the cards may show on a day with a warning sign.
WARNING_DAY: Final = "warning_day"


class ContentError(ValueError):
    """The guidance content files break the schema. Lists every problem found."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("Bad guidance content:\n  " + "\n  ".join(self.problems))


@dataclass(frozen=True, slots=True)
class GuidanceItem:
    """One piece of advice."""

    id: str
    category: str
    title: str
    summary: str
    points: tuple[str, ...]
    cautions: tuple[str, ...]
    sources: tuple[Source, ...]
    activity: str | None = None

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]


@dataclass(frozen=True, slots=True)
class Disclaimer:
    title: str
    text: str
    short: str  # one line, for report footers


@dataclass(frozen=True, slots=True)
class Link:
    """A suggestion of one item, with a weight (higher comes first)."""

    item_id: str
    weight: int


@dataclass(frozen=True, slots=True)
class LinkedItem:
    """A "For today" card: the item and why it was picked, in plain words."""

    item: GuidanceItem
    reason: str


@dataclass(frozen=True, slots=True)
class WarningDayRule:
    """What the cards show on a day with a warning sign (``[warning_day]`` in links.toml).

    With an urgent sign: only items in ``urgent_categories``, and always the
    ``urgent_items``. With a "soon" sign: never items in
    ``soon_hidden_categories`` or ``soon_hidden_items`` (exercise and flare
    self-care), and always the ``soon_items``.
    """

    urgent_categories: frozenset[str] = frozenset()
    urgent_items: tuple[str, ...] = ()
    soon_items: tuple[str, ...] = ()
    soon_hidden_categories: frozenset[str] = frozenset()
    soon_hidden_items: frozenset[str] = frozenset()

    def allows(self, item: "GuidanceItem", level: Urgency) -> bool:
        """Whether ``item`` may be a card on a day whose most urgent sign is ``level``."""
        if level is Urgency.URGENT:
            return item.category in self.urgent_categories
        if level is Urgency.SOON:
            return item.category not in self.soon_hidden_categories and item.id not in self.soon_hidden_items
        return True

    def always(self, level: Urgency) -> tuple[str, ...]:
        """Item ids shown on such a day even if nothing links them."""
        return {Urgency.URGENT: self.urgent_items, Urgency.SOON: self.soon_items}.get(level, ())


@dataclass(frozen=True, eq=False)
class Library:
    """All guidance content, checked.

    ``items`` are in category display order, then file order. ``links`` maps
    ``(kind, name_key(name))`` to links, highest weight first.
    """

    items: tuple[GuidanceItem, ...]
    disclaimer: Disclaimer
    links: Mapping[tuple[str, str], tuple[Link, ...]]
    warning_day: WarningDayRule = WarningDayRule()
    _by_id: dict[str, GuidanceItem] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {item.id: item for item in self.items})

    def by_id(self, item_id: str) -> GuidanceItem:
        """The item with this id; :class:`KeyError` if there is none."""
        try:
            return self._by_id[item_id]
        except KeyError:
            raise KeyError(f"no guidance item with id {item_id!r}") from None

    def in_category(self, category: str) -> list[GuidanceItem]:
        """Items of one category, in display order (empty for an unknown category)."""
        return [item for item in self.items if item.category == category]

    def search(self, text: str) -> list[GuidanceItem]:
        """Items whose title, summary or points contain every word of ``text``.

        Case-insensitive substring match per word. Blank text matches all items.
        """
        words = text.casefold().split()
        found = []
        for item in self.items:
            haystack = " ".join((item.title, item.summary, *item.points)).casefold()
            if all(word in haystack for word in words):
                found.append(item)
        return found

    def links_for(self, kind: str, name: str) -> tuple[Link, ...]:
        """Links for a logged name of ``kind`` (matched ignoring case), best first."""
        return self.links.get((kind, name_key(name)), ())
