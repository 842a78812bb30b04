"""Catalogs of activities, triggers, symptoms and relief.

Catalogs live in the database (seeded from ``resources/catalog.toml``) so the
user can extend them. Names are unique ignoring case: :func:`name_key` is the
one definition of "the same name".
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from journal.core.resources import load_toml
from journal.core.sources import Source


class CatalogKind(str, enum.Enum):
    ACTIVITY = "activity"
    TRIGGER = "trigger"
    SYMPTOM = "symptom"
    RELIEF = "relief"  # what the person did for the pain ("What helped"); never a trigger (schema 8)


#: The most names one catalog (activities, triggers, symptoms or relief) may hold. Hundreds
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


#: Characters that show nothing but make two names differ: zero-width spaces and
#: joiners, direction marks, the byte-order mark, the soft hyphen, fillers.
_INVISIBLE: Final = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u3164\ufeff\uffa0"
)
#: Joiners that shape a word in scripts that need them (Persian, Indic) or an emoji sequence.
_JOINERS: Final = frozenset("\u200c\u200d")

#: Cyrillic and Greek letters drawn like Latin ones ("сold" with a Cyrillic с looks like "cold").
_LOOK_ALIKES: Final = str.maketrans(
    "аеорсухіјѕԁԛԝһӏАВЕКМНОРСТХУІЈЅοαινρκυΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwhlABEKMHOPCTXYIJSoainpkuABEZHIKMNOPTYX",
)


def _script(char: str) -> str:
    """ "latin", "cyrillic", "greek" or "" for a letter (from its Unicode name)."""
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(script):
            return script.lower()
    return ""


def _visible(text: str) -> str:
    """``text`` without invisible characters; a joiner stays only between two non-ASCII
    characters (where a script or an emoji sequence needs it), never inside a Latin word."""
    kept = []
    for index, char in enumerate(text):
        if char in _JOINERS:
            before = text[index - 1] if index else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if before and after and not before.isascii() and not after.isascii():
                kept.append(char)
            continue
        if char in _INVISIBLE or unicodedata.category(char) == "Cf" and char not in _JOINERS:
            continue
        kept.append(char)
    return "".join(kept)


def look_alike_key(name: str) -> str:
    """A name with Cyrillic and Greek look-alike letters read as Latin, when it mixes
    Latin letters with them (a name wholly in Cyrillic or Greek is left as it is)."""
    scripts = {_script(char) for char in name} - {""}
    if "latin" in scripts and scripts & {"cyrillic", "greek"}:
        return name.translate(_LOOK_ALIKES)
    return name


#: Names whose keys are remembered: the form asks for the same few hundred keys again
#: and again (every chip, on every day shown), and working one out reads each
#: character's Unicode name.
NAME_KEY_CACHE_SIZE: Final = 4096


@lru_cache(maxsize=NAME_KEY_CACHE_SIZE)
def name_key(name: str) -> str:
    """The identity of a catalog name: trimmed, single-spaced, case-folded, NFC.

    NFC again after case folding, so "Café" typed with a composed é and with
    e + combining accent (as macOS file names and some keyboards give it) is
    one name. Invisible characters do not count, compatibility forms (full-width
    letters) are read as the letters they show, and Latin mixed with look-alike
    Cyrillic or Greek letters is read as Latin: what looks like one name is one.
    """
    text = look_alike_key(unicodedata.normalize("NFKC", _visible(name)))
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", " ".join(text.split())).casefold())


def tidy_name(name: str) -> str:
    """A name as stored: trimmed, single-spaced and NFC-normalised, case kept as typed,
    without invisible characters (see :func:`name_key`)."""
    return unicodedata.normalize("NFC", " ".join(_visible(name).split()))


@cache
def default_catalog() -> tuple[CatalogItem, ...]:
    """The built-in catalog entries every new journal starts with."""
    data = load_toml("catalog.toml")
    items: list[CatalogItem] = []
    for name in data["activities"]:
        items.append(CatalogItem(CatalogKind.ACTIVITY, name, builtin=True))
    for name in data["triggers"]:
        items.append(CatalogItem(CatalogKind.TRIGGER, name, builtin=True))
    for row in data["relief"]:
        items.append(
            CatalogItem(
                CatalogKind.RELIEF,
                row["name"],
                builtin=True,
                sources=tuple(Source(ref["file"], ref.get("section", ""), ref.get("part", "")) for ref in row["source"]),
            )
        )
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
