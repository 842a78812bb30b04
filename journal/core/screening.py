"""Screening typed text for words that may point to a warning sign.

A custom symptom or a note can describe a warning sign in the patient's own
words ("can't wee properly", "numb down below"). :func:`suggested_signs`
finds the catalog's warning signs such words may mean, so the window can ask
once, gently, "Did you mean: …?". It never flags anything by itself.

The words are data (``resources/warning_words.toml``); this module holds the
matching rules. Text is case-folded, apostrophes are dropped ("can't" →
"cant"), and it is split into words of letters and digits (any script).
A pattern is a word ("wee"), a word prefix ("urin*"), or a phrase of
those, where "*" stands for any one word and "*?" for one word or none.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final

from journal.core.catalog import default_catalog, name_key
from journal.core.day import DayEntry
from journal.core.resources import load_toml

WORDS_FILE: Final = "warning_words.toml"
_WORD: Final = re.compile(r"[^\W_]+")
_APOSTROPHES: Final = str.maketrans("", "", "'’‘`´")


@dataclass(frozen=True, slots=True)
class SignWords:
    """The words that may point to one warning sign (see warning_words.toml)."""

    name: str  # the catalog's exact name
    all: tuple[tuple[str, ...], ...]  # every group needs one matching pattern
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Screening:
    signs: tuple[SignWords, ...]
    ignore: tuple[str, ...] = ()


def words_of(text: str) -> list[str]:
    """``text`` as the matcher sees it: case-folded words without apostrophes."""
    return _WORD.findall(text.casefold().translate(_APOSTROPHES))


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*") and len(pattern) > 1:
        return word.startswith(pattern[:-1])
    return pattern == word


def _match_at(words: Sequence[str], start: int, parts: Sequence[str]) -> int | None:
    """Index just past a match of ``parts`` beginning at ``start``, or None."""
    if not parts:
        return start
    head, rest = parts[0], parts[1:]
    if head == "*?":
        skipped = _match_at(words, start + 1, rest) if start < len(words) else None
        return skipped if skipped is not None else _match_at(words, start, rest)
    if start >= len(words):
        return None
    if head == "*" or _word_matches(head, words[start]):
        return _match_at(words, start + 1, rest)
    return None


def _starts(words: Sequence[str], first: str) -> list[int]:
    """Where a pattern whose first part is ``first`` may start (checks each distinct word once)."""
    if first in ("*", "*?"):
        return list(range(len(words)))
    positions = _positions(tuple(words))
    found = [i for word, at in positions.items() if _word_matches(first, word) for i in at]
    return sorted(found)


@lru_cache(maxsize=8)
def _positions(words: tuple[str, ...]) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for i, word in enumerate(words):
        positions.setdefault(word, []).append(i)
    return positions


def find(words: Sequence[str], pattern: str) -> tuple[int, int] | None:
    """The first ``(start, end)`` where ``pattern`` matches in ``words``, or None."""
    parts = words_of_pattern(pattern)
    for start in _starts(words, parts[0]):
        end = _match_at(words, start, parts)
        if end is not None and end > start:
            return start, end
    return None


@cache
def _pattern_parts(pattern: str) -> tuple[str, ...]:
    return tuple(part.casefold().translate(_APOSTROPHES) for part in pattern.split())


def words_of_pattern(pattern: str) -> tuple[str, ...]:
    """A pattern's parts: words (case-folded, no apostrophes) and the wildcards kept."""
    return _pattern_parts(pattern)


def _without(words: list[str], phrases: Sequence[str]) -> list[str]:
    for phrase in phrases:
        while (span := find(words, phrase)) is not None:
            words = words[: span[0]] + ["·"] + words[span[1] :]
    return words


def matches(sign: SignWords, words: Sequence[str]) -> bool:
    """Whether ``words`` hold a pattern from every group of ``sign`` and none of its ``unless``."""
    if any(find(words, pattern) for pattern in sign.unless):
        return False
    return all(any(find(words, pattern) for pattern in group) for group in sign.all)


def suggested_signs(text: str, screening: Screening | None = None) -> list[str]:
    """Catalog warning signs that ``text`` may describe, in the data file's order.

    Pure and cheap: a short note takes well under a millisecond.
    """
    rules = default_screening() if screening is None else screening
    words = _without(words_of(text), rules.ignore)
    if not words:
        return []
    return [sign.name for sign in rules.signs if matches(sign, words)]


def days_to_check(entries: Iterable[DayEntry], screening: Screening | None = None) -> list[tuple[dt.date, tuple[str, ...]]]:
    """Imported days whose own symptom names or notes may mean a warning sign not marked.

    For each day, in date order: the signs :func:`suggested_signs` finds in the
    day's own symptom names (not the built-in catalog's), notes and questions,
    minus signs the day already records. Used to tell the patient which days
    to look at; nothing is marked.
    """
    builtin = {name_key(item.name) for item in default_catalog()}
    found = []
    for entry in sorted(entries, key=lambda e: e.date):
        logged = {name_key(name) for name in entry.symptoms}
        own = [name for name in entry.symptoms if name_key(name) not in builtin]
        text = "\n".join((*own, entry.notes, entry.questions))
        signs = tuple(s for s in suggested_signs(text, screening) if name_key(s) not in logged)
        if signs:
            found.append((entry.date, signs))
    return found


def build_screening(data: Mapping[str, Any]) -> Screening:
    """Check parsed warning_words data; :class:`ValueError` names the first problem."""
    signs = []
    for index, raw in enumerate(data.get("sign", []), start=1):
        name = raw.get("name")
        groups = raw.get("all")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{WORDS_FILE} sign {index}: 'name' must be the catalog name")
        if not (
            isinstance(groups, list)
            and groups
            and all(isinstance(g, list) and g and all(isinstance(p, str) and p.strip() for p in g) for g in groups)
        ):
            raise ValueError(f"{WORDS_FILE} sign {name!r}: 'all' must be non-empty lists of patterns")
        unless = raw.get("unless", [])
        if not (isinstance(unless, list) and all(isinstance(p, str) and p.strip() for p in unless)):
            raise ValueError(f"{WORDS_FILE} sign {name!r}: 'unless' must be a list of patterns")
        signs.append(SignWords(name, tuple(tuple(g) for g in groups), tuple(unless)))
    return Screening(tuple(signs), tuple(data.get("ignore", [])))


@cache
def default_screening() -> Screening:
    """The shipped words (resources/warning_words.toml), checked once."""
    return build_screening(load_toml(WORDS_FILE))


__all__ = [
    "Screening",
    "SignWords",
    "build_screening",
    "days_to_check",
    "default_screening",
    "find",
    "suggested_signs",
    "words_of",
]
