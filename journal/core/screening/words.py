"""The word lists (resources/warning_words.toml), read and checked into plain tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from journal.core.resources import load_toml
from journal.core.screening.text import WORDS_FILE, _is_wildcard, _pattern_parts

Span = tuple[int, int]
Groups = tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class SignWords:
    """The words that may point to one warning sign (see warning_words.toml)."""

    name: str  # the catalog's exact name
    all: Groups  # every group needs one matching pattern, in one sentence
    unless: tuple[str, ...] = ()
    also: tuple[Groups, ...] = ()  # other sets of groups that will do instead of ``all``

    @property
    def alternatives(self) -> tuple[Groups, ...]:
        return (self.all, *self.also)


@dataclass(frozen=True, slots=True)
class Negation:
    """What takes a sign's words out of the count (see warning_words.toml)."""

    before: tuple[str, ...] = ()  # "no", "never": the words after it in the clause
    after: tuple[str, ...] = ()  # "fine", "gone": the words before it in the clause
    hypothetical: tuple[str, ...] = ()  # "asked if": a question, not a symptom
    others: tuple[str, ...] = ()  # "mums": someone else's; only the word right after it
    pseudo: tuple[str, ...] = ()  # look like a negation but are not ("no better")
    breaks: tuple[str, ...] = ()  # words that end a clause ("but", "still")
    fillers: tuple[str, ...] = ()  # may follow an "after" word ("fine now")
    window: int = 6  # words either side a negation reaches


@dataclass(frozen=True, slots=True)
class Screening:
    signs: tuple[SignWords, ...]
    ignore: tuple[str, ...] = ()
    negation: Negation = field(default_factory=Negation)
    fuzzy_letters: int = 5  # 0 turns one-edit matching off
    not_misspellings: tuple[str, ...] = ()


Concepts = Mapping[str, tuple[str, ...]]


def _patterns(value: Any, where: str, concepts: Concepts | None = None) -> tuple[str, ...]:
    """A list of patterns; ``@name`` stands for every pattern of the concept ``name``."""
    if not (isinstance(value, list) and all(isinstance(p, str) and p.strip() for p in value)):
        raise ValueError(f"{WORDS_FILE} {where}: must be a list of patterns")
    found: list[str] = []
    for pattern in value:
        if pattern.startswith("@"):
            listed = None if concepts is None else concepts.get(pattern[1:])
            if listed is None:
                raise ValueError(f"{WORDS_FILE} {where}: {pattern!r} is not a concept of [concept]")
            found.extend(listed)
            continue
        if _is_wildcard(_pattern_parts(pattern)[0]):
            raise ValueError(f"{WORDS_FILE} {where}: {pattern!r} must start with a word, not a wildcard")
        found.append(pattern)
    return tuple(dict.fromkeys(found))


def _groups(value: Any, where: str, concepts: Concepts | None = None) -> Groups:
    if not (isinstance(value, list) and value and all(isinstance(g, list) and g for g in value)):
        raise ValueError(f"{WORDS_FILE} {where}: 'all' must be non-empty lists of patterns")
    return tuple(_patterns(group, where, concepts) for group in value)


def _concepts(value: Any) -> dict[str, tuple[str, ...]]:
    """The ``[concept]`` table: named lists of patterns (a concept may not name another)."""
    if not isinstance(value, Mapping):
        raise ValueError(f"{WORDS_FILE} [concept] must be a table of pattern lists")
    return {str(name): _patterns(listed, f"concept {name!r}") for name, listed in value.items()}


def build_screening(data: Mapping[str, Any]) -> Screening:
    """Check parsed warning_words data; :class:`ValueError` names the first problem.

    A sign's groups and ``unless`` words may name a concept (``"@bladder_bowel"``):
    a list of words for one idea, shared by the signs that need it, so that a
    sign is found where any word for one idea meets any word for another in a
    sentence, not only in the phrases someone thought to list.
    """
    concepts = _concepts(data.get("concept", {}))
    signs = []
    for index, raw in enumerate(data.get("sign", []), start=1):
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{WORDS_FILE} sign {index}: 'name' must be the catalog name")
        where = f"sign {name!r}"
        groups = _groups(raw.get("all"), where, concepts)
        unless = _patterns(raw.get("unless", []), f"{where} 'unless'", concepts)
        also = raw.get("also", [])
        if not isinstance(also, list):
            raise ValueError(f"{WORDS_FILE} {where}: 'also' must be a list of 'all' lists")
        signs.append(SignWords(name, groups, unless, tuple(_groups(g, f"{where} 'also'", concepts) for g in also)))
    raw_negation = data.get("negation", {})
    if not isinstance(raw_negation, Mapping):
        raise ValueError(f"{WORDS_FILE} [negation] must be a table")
    lists = {
        key: _patterns(raw_negation.get(key, []), f"negation.{key}")
        for key in ("before", "after", "hypothetical", "others", "pseudo", "breaks", "fillers")
    }
    window = raw_negation.get("window", 6)
    if not (isinstance(window, int) and 1 <= window <= 20):
        raise ValueError(f"{WORDS_FILE} negation.window must be a whole number from 1 to 20")
    raw_fuzzy = data.get("fuzzy", {})
    letters = raw_fuzzy.get("letters", 5)
    if not (isinstance(letters, int) and (letters == 0 or letters >= 3)):
        raise ValueError(f"{WORDS_FILE} fuzzy.letters must be 0 (off) or a whole number of 3 or more")
    return Screening(
        tuple(signs),
        _patterns(data.get("ignore", []), "ignore"),
        Negation(window=window, **lists),
        letters,
        _patterns(raw_fuzzy.get("not_misspellings", []), "fuzzy.not_misspellings"),
    )


@cache
def default_screening() -> Screening:
    """The shipped words (resources/warning_words.toml), checked once."""
    return build_screening(load_toml(WORDS_FILE))
