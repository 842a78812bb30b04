"""Catalogs of activities, triggers and symptoms.

Catalogs live in the database (seeded from ``resources/catalog.toml``) so the
user can extend them. Names are unique ignoring case: :func:`name_key` is the
one definition of "the same name".
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Final

from journal.core.resources import load_toml
from journal.core.sources import Source


class CatalogKind(str, enum.Enum):
    ACTIVITY = "activity"
    TRIGGER = "trigger"
    SYMPTOM = "symptom"


#: The most names one catalog (activities, triggers or symptoms) may hold. Hundreds
#: would already be a lot for one person; the limit stops a wrong file (a
#: column of notes read as trigger names) from filling the lists for good.
MAX_CATALOG_NAMES: Final = 2_000


class Urgency(str, enum.Enum):
    """How soon a symptom needs a clinician."""

    NONE = "none"
    SOON = "soon"  # see your doctor soon
    URGENT = "urgent"  # seek medical care now


@dataclass(frozen=True, slots=True)
class CatalogItem:
    kind: CatalogKind
    name: str
    urgency: Urgency = Urgency.NONE
    builtin: bool = False
    why: str = ""  # for red flags: why it matters, in one calm line
    sources: tuple[Source, ...] = ()  # where the warning sign comes from (see sources.toml)
    when: str = ""  # for "soon" signs: how soon, e.g. "within a day or two" (from the first source)


def name_key(name: str) -> str:
    """The identity of a catalog name: trimmed, single-spaced, case-folded, NFC.

    NFC again after case folding, so "Café" typed with a composed é and with
    e + combining accent (as macOS file names and some keyboards give it) is
    one name.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", " ".join(name.split())).casefold())


def tidy_name(name: str) -> str:
    """A name as stored: trimmed, single-spaced and NFC-normalised, case kept as typed."""
    return unicodedata.normalize("NFC", " ".join(name.split()))


@cache
def default_catalog() -> tuple[CatalogItem, ...]:
    """The built-in catalog entries every new journal starts with."""
    data = load_toml("catalog.toml")
    items: list[CatalogItem] = []
    for name in data["activities"]:
        items.append(CatalogItem(CatalogKind.ACTIVITY, name, builtin=True))
    for name in data["triggers"]:
        items.append(CatalogItem(CatalogKind.TRIGGER, name, builtin=True))
    for row in data["symptoms"]:
        items.append(
            CatalogItem(
                CatalogKind.SYMPTOM,
                row["name"],
                Urgency(row.get("urgency", "none")),
                builtin=True,
                why=row.get("why", ""),
                sources=tuple(Source(ref["file"], ref.get("section", ""), ref.get("part", "")) for ref in row.get("source", [])),
                when=row.get("when", ""),
            )
        )
    return tuple(items)


def default_urgencies() -> dict[str, Urgency]:
    """Symptom name key → urgency for the built-in symptoms."""
    return {name_key(item.name): item.urgency for item in default_catalog() if item.kind is CatalogKind.SYMPTOM}
