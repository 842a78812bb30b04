"""Guidance: plain-language advice items, and which ones to suggest today.

The advice is data, not code: ``resources/content/<category>.toml`` hold the
items (``[[item]]`` tables), ``links.toml`` says which items fit which logged
trigger, activity, symptom or pain state, and ``disclaimer.toml`` holds the
disclaimer. :func:`load_library` reads and checks all of it once and raises
:class:`ContentError` listing every problem it finds.

Item schema (one ``[[item]]`` table)::

    id        kebab-case, unique                      (required)
    category  a key of CATEGORY_LABELS                (required)
    title     short heading                           (required)
    summary   one or two short sentences              (required)
    points    non-empty list of practical points      (required)
    cautions  list of cautions from the sources       (optional)
    source    {file, section, part?} or a list of them (required);
              file is one of SOURCE_FILES (or an external source id
              from sources.toml), section its exact heading, part the
              sub-heading inside that section
    activity  catalog activity to log for "I did this today" (optional)

:func:`linked_items_for_day` picks at most :data:`MAX_CARDS` items for a day,
most relevant first, each with the reason it was picked. On a day with a
warning sign, ``[warning_day]`` in links.toml (:class:`WarningDayRule`) says
what may be shown: with an urgent sign only getting-care items, with a
"soon" sign no exercise or flare self-care.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Final

from journal.core.catalog import CatalogKind, Urgency, default_catalog, default_urgencies, name_key
from journal.core.day import DayEntry
from journal.core.flares import is_high
from journal.core.resources import RESOURCES_DIR
from journal.core.sources import Source, works
from journal.core.words import noun

CONTENT_DIR: Final = RESOURCES_DIR / "content"
LINKS_FILE: Final = "links.toml"
DISCLAIMER_FILE: Final = "disclaimer.toml"
SOURCES_FILE: Final = "sources.toml"

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

#: At most this many "For today" cards.
MAX_CARDS: Final = 4
#: Leg pain at or above this is the ``high_leg_pain`` state.
HIGH_LEG_PAIN: Final = 7
#: Link kinds in links.toml; ``state`` names are in :data:`STATES`.
LINK_KINDS: Final[tuple[str, ...]] = ("state", "symptom", "trigger", "activity")
FLARE: Final = "flare"
HIGH_LEG_PAIN_STATE: Final = "high_leg_pain"
STATES: Final[tuple[str, ...]] = (FLARE, HIGH_LEG_PAIN_STATE)
MAX_WEIGHT: Final = 100
#: links.toml section with what the cards may show on a day with a warning sign.
WARNING_DAY: Final = "warning_day"
#: The cards' heading on a day with an urgent warning sign.
URGENT_CARDS_HEADING: Final = "Please get medical care first"
_WARNING_DAY_KEYS: Final = ("urgent_categories", "urgent_items", "soon_items", "soon_hidden_categories", "soon_hidden_items")

_ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ITEM_KEYS: Final = frozenset({"id", "category", "title", "summary", "points", "cautions", "source", "activity"})
_REQUIRED_KEYS: Final = ("id", "category", "title", "summary", "points", "source")
_SOURCE_KEYS: Final = frozenset({"file", "section", "part"})


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


# --- loading and checking ----------------------------------------------------


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _text_list(value: object, *, allow_empty: bool) -> bool:
    return isinstance(value, list) and (allow_empty or bool(value)) and all(_text(point) for point in value)


def _parse_sources(raw: object, where: str, problems: list[str]) -> tuple[Source, ...]:
    tables = raw if isinstance(raw, list) else [raw]
    if not tables:
        problems.append(f"{where}: 'source' is empty")
    sources = []
    for table in tables:
        if not isinstance(table, dict):
            problems.append(f"{where}: each source must be a table {{file, section}}")
            continue
        if extra := set(table) - _SOURCE_KEYS:
            problems.append(f"{where}: unknown source {noun(len(extra), 'field')} {sorted(extra)}")
        file, section, part = table.get("file"), table.get("section"), table.get("part", "")
        if not (isinstance(file, str) and (file in SOURCE_FILES or file in works())):
            problems.append(
                f"{where}: source file {file!r} is not one of {list(SOURCE_FILES)} or an external source in sources.toml"
            )
        if not _text(section):
            problems.append(f"{where}: source section must be a non-empty heading")
        if not isinstance(part, str):
            problems.append(f"{where}: source part must be text")
        if isinstance(file, str) and isinstance(section, str) and isinstance(part, str):
            sources.append(Source(file, section.strip(), part.strip()))
    return tuple(sources)


def _parse_item(raw: object, where: str, activities: Mapping[str, str] | None, problems: list[str]) -> GuidanceItem | None:
    if not isinstance(raw, dict):
        problems.append(f"{where}: an item must be a table")
        return None
    where = f"{where} ({raw.get('id', 'no id')})"
    before = len(problems)
    for key in _REQUIRED_KEYS:
        if key not in raw:
            problems.append(f"{where}: missing field '{key}'")
    if extra := set(raw) - _ITEM_KEYS:
        problems.append(f"{where}: unknown {noun(len(extra), 'field')} {sorted(extra)}")
    item_id = raw.get("id")
    if "id" in raw and not (isinstance(item_id, str) and _ID_PATTERN.fullmatch(item_id)):
        problems.append(f"{where}: id must be kebab-case (like 'keep-warm'), not {item_id!r}")
    if "category" in raw and raw["category"] not in CATEGORY_LABELS:
        problems.append(f"{where}: unknown category {raw['category']!r}; use one of {list(CATEGORY_LABELS)}")
    for key in ("title", "summary"):
        if key in raw and not _text(raw[key]):
            problems.append(f"{where}: '{key}' must be non-empty text")
    if "points" in raw and not _text_list(raw["points"], allow_empty=False):
        problems.append(f"{where}: 'points' must be a non-empty list of non-empty text")
    if not _text_list(raw.get("cautions", []), allow_empty=True):
        problems.append(f"{where}: 'cautions' must be a list of non-empty text")
    activity = raw.get("activity")
    if activity is not None:
        if not _text(activity):
            problems.append(f"{where}: 'activity' must be non-empty text")
            activity = None
        elif activities is not None:
            if name_key(activity) in activities:
                activity = activities[name_key(activity)]
            else:
                problems.append(f"{where}: activity {activity!r} is not in the activity catalog")
    sources = _parse_sources(raw.get("source", []), where, problems) if "source" in raw else ()
    if len(problems) > before:
        return None
    return GuidanceItem(
        id=raw["id"],
        category=raw["category"],
        title=raw["title"].strip(),
        summary=raw["summary"].strip(),
        points=tuple(point.strip() for point in raw["points"]),
        cautions=tuple(caution.strip() for caution in raw.get("cautions", [])),
        sources=sources,
        activity=activity,
    )


def _parse_links(raw: Mapping[str, Any], known_ids: set[str], problems: list[str]) -> dict[tuple[str, str], tuple[Link, ...]]:
    links: dict[tuple[str, str], tuple[Link, ...]] = {}
    for kind, tables in raw.items():
        if kind not in LINK_KINDS:
            problems.append(f"{LINKS_FILE}: unknown section {kind!r}; use one of {list(LINK_KINDS)}")
            continue
        if not isinstance(tables, dict):
            problems.append(f"{LINKS_FILE}: [{kind}] must hold tables")
            continue
        for name, targets in tables.items():
            where = f"{LINKS_FILE} [{kind}.{name!r}]"
            if kind == "state" and name not in STATES:
                problems.append(f"{where}: unknown state; use one of {list(STATES)}")
            key = (kind, name_key(name))
            if key in links:
                problems.append(f"{where}: the same name appears twice (names ignore case)")
            if not isinstance(targets, dict) or not targets:
                problems.append(f"{where}: must map item ids to weights")
                continue
            row = []
            for item_id, weight in targets.items():
                if item_id not in known_ids:
                    problems.append(f"{where}: links to unknown item id {item_id!r}")
                elif isinstance(weight, bool) or not isinstance(weight, int):
                    problems.append(f"{where}: weight of {item_id!r} must be a whole number")
                elif not 1 <= weight <= MAX_WEIGHT:
                    problems.append(f"{where}: weight of {item_id!r} must be 1-{MAX_WEIGHT}")
                else:
                    row.append(Link(item_id, weight))
            # Stable sort: equal weights keep file order.
            links[key] = tuple(sorted(row, key=lambda link: -link.weight))
    return links


def _parse_warning_day(raw: object, items: Mapping[str, "GuidanceItem"], problems: list[str]) -> WarningDayRule:
    where = f"{LINKS_FILE} [{WARNING_DAY}]"
    if raw is None:
        return WarningDayRule()
    if not isinstance(raw, dict):
        problems.append(f"{where}: must be a table")
        return WarningDayRule()
    if extra := set(raw) - set(_WARNING_DAY_KEYS):
        problems.append(f"{where}: unknown {noun(len(extra), 'key')} {sorted(extra)}")
    lists: dict[str, list[str]] = {}
    for key in _WARNING_DAY_KEYS:
        value = raw.get(key, [])
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            problems.append(f"{where}: {key} must be a list of text")
            value = []
        kind = "categories" if key.endswith("categories") else "items"
        for name in value:
            if kind == "categories" and name not in CATEGORY_LABELS:
                problems.append(f"{where}: {key} names unknown category {name!r}")
            if kind == "items" and name not in items:
                problems.append(f"{where}: {key} names unknown item id {name!r}")
        lists[key] = value
    rule = WarningDayRule(
        urgent_categories=frozenset(lists["urgent_categories"]),
        urgent_items=tuple(lists["urgent_items"]),
        soon_items=tuple(lists["soon_items"]),
        soon_hidden_categories=frozenset(lists["soon_hidden_categories"]),
        soon_hidden_items=frozenset(lists["soon_hidden_items"]),
    )
    for level in (Urgency.URGENT, Urgency.SOON):
        for item_id in rule.always(level):
            if item_id in items and not rule.allows(items[item_id], level):
                problems.append(f"{where}: {item_id!r} is both always shown and hidden")
    return rule


def _parse_disclaimer(raw: Mapping[str, Any], problems: list[str]) -> Disclaimer:
    for key in ("title", "text", "short"):
        if not _text(raw.get(key)):
            problems.append(f"{DISCLAIMER_FILE}: '{key}' must be non-empty text")
    if _text(raw.get("short")) and "\n" in raw["short"].strip():
        problems.append(f"{DISCLAIMER_FILE}: 'short' must be one line")
    return Disclaimer(*(str(raw.get(key, "")).strip() for key in ("title", "text", "short")))


def build_library(
    item_files: Iterable[tuple[str, Mapping[str, Any]]],
    links: Mapping[str, Any],
    disclaimer: Mapping[str, Any],
    activity_names: Iterable[str] | None = None,
) -> Library:
    """Check parsed content and build a :class:`Library`.

    ``item_files`` are ``(file name, parsed TOML)`` pairs, each with an ``item``
    array. ``activity_names``, when given, are the catalog activities an item's
    ``activity`` must name (ignoring case). Raises :class:`ContentError`.
    """
    problems: list[str] = []
    activities = None if activity_names is None else {name_key(name): name for name in activity_names}
    items: list[GuidanceItem] = []
    for file_name, document in item_files:
        if extra := set(document) - {"item"}:
            problems.append(f"{file_name}: unknown top-level {noun(len(extra), 'key')} {sorted(extra)}")
        raw_items = document.get("item", [])
        if not isinstance(raw_items, list) or not raw_items:
            problems.append(f"{file_name}: expected one or more [[item]] tables")
            continue
        for index, raw in enumerate(raw_items, start=1):
            item = _parse_item(raw, f"{file_name} item {index}", activities, problems)
            if item is not None:
                items.append(item)
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            problems.append(f"duplicate item id {item.id!r}")
        seen.add(item.id)
    link_tables = {kind: tables for kind, tables in links.items() if kind != WARNING_DAY}
    parsed_links = _parse_links(link_tables, seen, problems)
    warning_day = _parse_warning_day(links.get(WARNING_DAY), {item.id: item for item in items}, problems)
    parsed_disclaimer = _parse_disclaimer(disclaimer, problems)
    if problems:
        raise ContentError(problems)
    order = list(CATEGORY_LABELS)
    items.sort(key=lambda item: order.index(item.category))
    return Library(tuple(items), parsed_disclaimer, parsed_links, warning_day)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ContentError([f"{path.name}: cannot read: {error}"]) from error


@cache
def load_library(content_dir: Path | None = None) -> Library:
    """Load and check the guidance content (cached per directory).

    Reads every ``*.toml`` in ``content_dir`` (default ``resources/content``)
    as item files, except ``links.toml`` and ``disclaimer.toml``. Item
    activities must be in the default activity catalog.
    Raises :class:`ContentError`.
    """
    directory = CONTENT_DIR if content_dir is None else content_dir
    special = {LINKS_FILE, DISCLAIMER_FILE, SOURCES_FILE}
    item_files = [(path.name, _read_toml(path)) for path in sorted(directory.glob("*.toml")) if path.name not in special]
    activity_names = [item.name for item in default_catalog() if item.kind is CatalogKind.ACTIVITY]
    return build_library(
        item_files,
        _read_toml(directory / LINKS_FILE),
        _read_toml(directory / DISCLAIMER_FILE),
        activity_names,
    )


# --- "For today" -------------------------------------------------------------


def flare_today(entry: DayEntry, previous: Sequence[DayEntry]) -> bool:
    """Whether ``entry`` is a flare day by :mod:`journal.core.flares`.

    ``previous`` are other logged days; those in the usual-level window before
    ``entry`` set the person's usual level.
    """
    return is_high(entry.date, entry.back_pain, ((day.date, day.back_pain) for day in previous))


@dataclass
class _Candidate:
    weight: int
    first_seen: int
    states: list[str] = field(default_factory=list)
    logged: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        parts = list(self.states)
        if self.logged:
            parts.append("you logged: " + ", ".join(self.logged))
        return "Because " + " and ".join(parts)


def _logged_names(entry: DayEntry) -> list[tuple[str, str]]:
    """``(kind, name)`` of what was logged, symptoms first, each name once."""
    named = [
        *(("symptom", name) for name in entry.symptoms),
        *(("trigger", name) for name in entry.triggers),
        *(("activity", activity.name) for activity in entry.activities),
    ]
    seen: set[tuple[str, str]] = set()
    result = []
    for kind, name in named:
        key = (kind, name_key(name))
        if key[1] and key not in seen:
            seen.add(key)
            result.append((kind, " ".join(name.split())))
    return result


def warning_level(entry: DayEntry, urgencies: Mapping[str, Urgency] | None = None) -> Urgency:
    """The most urgent warning sign logged on ``entry``: URGENT, SOON or NONE.

    ``urgencies`` maps symptom name keys to urgency (the journal's catalog);
    default: the built-in catalog.
    """
    table = default_urgencies() if urgencies is None else urgencies
    found = {Urgency(table.get(name_key(symptom), Urgency.NONE)) for symptom in entry.symptoms}
    for level in (Urgency.URGENT, Urgency.SOON):
        if level in found:
            return level
    return Urgency.NONE


def linked_items_for_day(
    entry: DayEntry,
    previous: Sequence[DayEntry] = (),
    library: Library | None = None,
    *,
    limit: int = MAX_CARDS,
    urgencies: Mapping[str, Urgency] | None = None,
) -> list[LinkedItem]:
    """The "For today" cards: at most ``limit`` items, most relevant first.

    Candidates come from the day's pain states (``flare`` by
    :func:`flare_today`, ``high_leg_pain`` when leg pain >= 7) and from every
    logged symptom, trigger and activity with links. An item linked several
    times appears once, with its highest weight and all its reasons. Order:
    highest weight, then most reasons, then first found (states, symptoms,
    triggers, activities). With the shipped weights, urgent and "soon" symptoms
    come before the flare card, and the flare card before everything else.

    On a day with a warning sign (:func:`warning_level`, using ``urgencies``)
    the library's :class:`WarningDayRule` applies: with an urgent sign only
    warning-sign and when-to-see-a-doctor items; with a "soon" sign no
    exercise or flare self-care item.
    """
    library = load_library() if library is None else library
    candidates: dict[str, _Candidate] = {}

    def add(links: Iterable[Link], *, state: str = "", logged: str = "") -> None:
        for link in links:
            candidate = candidates.setdefault(link.item_id, _Candidate(link.weight, len(candidates)))
            candidate.weight = max(candidate.weight, link.weight)
            if state:
                candidate.states.append(state)
            if logged and logged not in candidate.logged:
                candidate.logged.append(logged)

    if flare_today(entry, previous):
        add(
            library.links_for("state", FLARE),
            state=f"today looks like a flare (back pain {entry.back_pain} out of 10)",
        )
    if entry.leg_pain is not None and entry.leg_pain >= HIGH_LEG_PAIN:
        add(
            library.links_for("state", HIGH_LEG_PAIN_STATE),
            state=f"your leg pain today is {entry.leg_pain} out of 10",
        )
    for kind, name in _logged_names(entry):
        add(library.links_for(kind, name), logged=name)
    level = warning_level(entry, urgencies)
    if level is not Urgency.NONE:
        table = default_urgencies() if urgencies is None else urgencies
        signs = [" ".join(name.split()) for name in entry.symptoms if Urgency(table.get(name_key(name), Urgency.NONE)) is level]
        weight = MAX_WEIGHT
        for item_id in library.warning_day.always(level):
            add([Link(item_id, weight)], logged=signs[0])
            weight -= 1
        candidates = {
            item_id: candidate
            for item_id, candidate in candidates.items()
            if library.warning_day.allows(library.by_id(item_id), level)
        }

    def rank(pair: tuple[str, _Candidate]) -> tuple[int, int, int]:
        candidate = pair[1]
        reasons = len(candidate.states) + len(candidate.logged)
        return (-candidate.weight, -reasons, candidate.first_seen)

    ranked = sorted(candidates.items(), key=rank)[: max(limit, 0)]
    return [LinkedItem(library.by_id(item_id), c.reason) for item_id, c in ranked]


def links_for_day(entry: DayEntry, previous: Sequence[DayEntry] = (), library: Library | None = None) -> list[GuidanceItem]:
    """The items of :func:`linked_items_for_day` without reasons (at most 4)."""
    return [linked.item for linked in linked_items_for_day(entry, previous, library)]


__all__ = [
    "CATEGORY_LABELS",
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
