"""Reading and checking the guidance content.

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
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

from journal.core.catalog import CatalogKind, Urgency, default_catalog, name_key
from journal.core.guidance.items import (
    CATEGORY_LABELS,
    LINK_KINDS,
    MAX_WEIGHT,
    SOURCE_FILES,
    STATES,
    WARNING_DAY,
    ContentError,
    Disclaimer,
    GuidanceItem,
    Library,
    Link,
    WarningDayRule,
)
from journal.core.resources import RESOURCES_DIR
from journal.core.sources import Source, works
from journal.core.words import noun

CONTENT_DIR: Final = RESOURCES_DIR / "content"
LINKS_FILE: Final = "links.toml"
DISCLAIMER_FILE: Final = "disclaimer.toml"
SOURCES_FILE: Final = "sources.toml"
_WARNING_DAY_KEYS: Final = ("urgent_categories", "urgent_items", "soon_items", "soon_hidden_categories", "soon_hidden_items")

_ID_PATTERN: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ITEM_KEYS: Final = frozenset({"id", "category", "title", "summary", "points", "cautions", "source", "activity"})
_REQUIRED_KEYS: Final = ("id", "category", "title", "summary", "points", "source")
_SOURCE_KEYS: Final = frozenset({"file", "section", "part"})


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
