"""Screening typed text for words that may point to a warning sign.

A custom symptom or a note can describe a warning sign in the patient's own
words ("can't wee properly", "numb down there"). :func:`suggested_signs`
finds the catalog's warning signs such words may mean, so the window can ask
once, gently, "Did you mean: …?". It never flags anything by itself.

The words are data (``resources/warning_words.toml``); this module holds the
rules, which follow how clinical text is screened (NegEx, Chapman et al.
2001):

* Text is case-folded, apostrophes are dropped ("can't" → "cant") and it is
  split into words of letters and digits (any script) and the punctuation
  that ends a sentence (``. ! ? ; :`` and a new line) or a clause (``,``).
* A pattern is a word ("wee"), a word prefix ("urin*"), or a phrase of
  those, where "*" stands for any one word and "*?" for one word or none.
  A word of five letters or more also matches a word one edit away
  (a letter added, dropped, changed or two swapped: "incontinance",
  "sadle"), unless the typed word is itself a known word.
* A sign's word groups must all be found in one sentence.
* Words a negation comes before ("no", "never", "without", …) or a
  resolution comes after ("fine", "gone", "settled", …) within the same
  clause do not count, nor words a question or a check is about ("asked
  if I'd had a fall"). "but", "still", "otherwise" and the like end a clause.

The work is linear in the length of the text: each distinct word is looked
up once (and remembered), each pattern is tried only where its first word
occurs, and a negation is looked for only a few words either side.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Final

from journal.core.catalog import default_catalog, name_key
from journal.core.day import DayEntry
from journal.core.resources import load_toml

WORDS_FILE: Final = "warning_words.toml"
_WORD: Final = re.compile(r"[^\W_]+")
_TOKEN: Final = re.compile(r"[^\W_]+|[.!?;:\n,]")
_SENTENCE_END: Final = frozenset(".!?;:\n")
_APOSTROPHES: Final = str.maketrans("", "", "'’‘`´")
_LONGEST_FUZZY_WORD: Final = 40  # longer "words" are not real words; no edits are tried
_MEMO_LIMIT: Final = 200_000

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


def words_of(text: str) -> list[str]:
    """``text`` as the matcher sees it: case-folded words without apostrophes."""
    return _WORD.findall(_normal(text))


def _normal(text: str) -> str:
    return text.casefold().translate(_APOSTROPHES)


@cache
def _pattern_parts(pattern: str) -> tuple[str, ...]:
    return tuple(_normal(part) for part in pattern.split())


def words_of_pattern(pattern: str) -> tuple[str, ...]:
    """A pattern's parts: words (case-folded, no apostrophes) and the wildcards kept."""
    return _pattern_parts(pattern)


def _is_wildcard(part: str) -> bool:
    return part in ("*", "*?")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_edit_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter added, dropped or changed, or two swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


class _Matcher:
    """The compiled word lists: which pattern parts each distinct word matches."""

    def __init__(self, screening: Screening) -> None:
        negation = screening.negation
        patterns: set[str] = set(screening.ignore)
        for sign in screening.signs:
            patterns.update(sign.unless)
            for groups in sign.alternatives:
                for group in groups:
                    patterns.update(group)
        for listed in (
            negation.before,
            negation.after,
            negation.hypothetical,
            negation.pseudo,
            negation.breaks,
            negation.fillers,
        ):
            patterns.update(listed)
        parts = {part for pattern in patterns for part in _pattern_parts(pattern) if not _is_wildcard(part)}
        self.exact: dict[str, set[str]] = {}
        self.prefixes: dict[str, str] = {}
        for part in parts:
            if part.endswith("*") and len(part) > 1:
                self.prefixes[part[:-1]] = part
            else:
                self.exact.setdefault(part, set()).add(part)
        self.prefix_lengths = sorted({len(stem) for stem in self.prefixes})
        self.letters = screening.fuzzy_letters
        self.never_fuzzy = frozenset(_normal(word) for word in screening.not_misspellings)
        # One-edit neighbours by the "symmetric delete" trick: a word and each
        # pattern word are indexed by themselves and every one-letter deletion.
        self.near: dict[str, set[str]] = {}
        self.near_prefix: dict[str, set[str]] = {}
        if self.letters:
            fuzzy_words = {p for p in self.exact if len(p) >= self.letters}
            for word in fuzzy_words:
                for variant in {word} | _deletions(word):
                    self.near.setdefault(variant, set()).add(word)
            for stem, part in self.prefixes.items():
                if len(stem) > self.letters:  # a stem of 6+ letters: short stems are too loose
                    for variant in {stem} | _deletions(stem):
                        self.near_prefix.setdefault(variant, set()).add(part)
        self.fuzzy_stem_lengths = sorted({len(p) - 1 for parts_ in self.near_prefix.values() for p in parts_})
        self.memo: dict[str, frozenset[str]] = {}

    def parts_of(self, word: str) -> frozenset[str]:
        found = self.memo.get(word)
        if found is None:
            if len(self.memo) > _MEMO_LIMIT:
                self.memo.clear()
            found = self.memo[word] = frozenset(self._parts_of(word))
        return found

    def _parts_of(self, word: str) -> set[str]:
        found = set(self.exact.get(word, ()))
        for length in self.prefix_lengths:
            if length > len(word):
                break
            part = self.prefixes.get(word[:length])
            if part is not None:
                found.add(part)
        if (
            word in self.exact
            or not self.letters
            or len(word) < self.letters
            or len(word) > _LONGEST_FUZZY_WORD
            or word in self.never_fuzzy
        ):
            return found
        for variant in {word} | _deletions(word):
            for near in self.near.get(variant, ()):
                if one_edit_apart(word, near):
                    found.add(near)
        for length in self.fuzzy_stem_lengths:
            for cut in (length - 1, length, length + 1):
                if cut > len(word):
                    continue
                head = word[:cut]
                for variant in {head} | _deletions(head):
                    for part in self.near_prefix.get(variant, ()):
                        if len(part) - 1 == length and one_edit_apart(head, part[:-1]):
                            found.add(part)
        return found


@lru_cache(maxsize=8)
def _matcher(screening: Screening) -> _Matcher:
    return _Matcher(screening)


class _Text:
    """One text, tokenised and indexed for the patterns."""

    def __init__(self, text: str, screening: Screening) -> None:
        self.screening = screening
        matcher = _matcher(screening)
        self.tokens: list[str] = _TOKEN.findall(_normal(text))
        self.sentence: list[int] = []
        number = 0
        for token in self.tokens:
            self.sentence.append(number)
            if token in _SENTENCE_END:
                number += 1
        self.index: dict[str, list[int]] = {}
        self.parts: list[frozenset[str]] = []
        for at, token in enumerate(self.tokens):
            parts = matcher.parts_of(token) if token[0].isalnum() else frozenset()
            self.parts.append(parts)
            for part in parts:
                self.index.setdefault(part, []).append(at)
        self._spans: dict[str, list[Span]] = {}
        ignored = [span for pattern in screening.ignore for span in self.spans(pattern)]
        if ignored:
            for start, end in ignored:
                for at in range(start, end):
                    self.parts[at] = frozenset()
            self.index = {}
            for at, parts in enumerate(self.parts):
                for part in parts:
                    self.index.setdefault(part, []).append(at)
            self._spans.clear()
        negation = screening.negation
        self.pseudo = {at for pattern in negation.pseudo for start, end in self.spans(pattern) for at in range(start, end)}
        self.breaks = {start for pattern in negation.breaks for start, _ in self.spans(pattern)}
        self.fillers = {start for pattern in negation.fillers for start, _ in self.spans(pattern)}
        self.before_ends: dict[int, list[Span]] = {}
        for pattern in (*negation.before, *negation.hypothetical):
            for span in self._real_triggers(pattern):
                self.before_ends.setdefault(span[1], []).append(span)
        self.after_starts: dict[int, list[Span]] = {}
        for pattern in negation.after:
            for span in self._real_triggers(pattern):
                if self._ends_clause(span[1]):
                    self.after_starts.setdefault(span[0], []).append(span)
        self.terms: set[int] = set()  # positions inside any sign's words

    def _real_triggers(self, pattern: str) -> list[Span]:
        return [span for span in self.spans(pattern) if not any(at in self.pseudo for at in range(*span))]

    def is_word(self, at: int) -> bool:
        return self.tokens[at][0].isalnum()

    def _ends_clause(self, at: int) -> bool:
        """Whether a resolution word ending before ``at`` closes its clause ("fine now", "gone.")."""
        return at >= len(self.tokens) or not self.is_word(at) or at in self.breaks or at in self.fillers

    def spans(self, pattern: str) -> list[Span]:
        """Every ``(start, end)`` where ``pattern`` matches (words only, within a sentence)."""
        found = self._spans.get(pattern)
        if found is None:
            parts = _pattern_parts(pattern)
            found = []
            for start in self.index.get(parts[0], ()):
                end = self._match_at(start + 1, parts[1:], self.sentence[start])
                if end is not None:
                    found.append((start, end))
            self._spans[pattern] = found
        return found

    def _match_at(self, at: int, parts: Sequence[str], sentence: int) -> int | None:
        if not parts:
            return at
        head, rest = parts[0], parts[1:]
        fits = at < len(self.tokens) and self.sentence[at] == sentence and self.is_word(at)
        if head == "*?":
            skipped = self._match_at(at + 1, rest, sentence) if fits else None
            return skipped if skipped is not None else self._match_at(at, rest, sentence)
        if not fits:
            return None
        if head == "*" or head in self.parts[at]:
            return self._match_at(at + 1, rest, sentence)
        return None

    def negated(self, span: Span, own: Iterable[Span]) -> bool:
        """Whether a negation, resolution or question covers ``span`` in its clause."""
        mine = {at for start, end in own for at in range(start, end)}
        window = self.screening.negation.window
        start, end = span
        words, at = 0, start - 1
        while at >= 0 and words <= window:
            token = self.tokens[at]
            if token in _SENTENCE_END or at in self.breaks:
                break
            if token == ",":
                # "no numbness, tingling or weakness": a list of signs goes on.
                if at - 1 not in self.terms:
                    break
            else:
                for trigger in self.before_ends.get(at + 1, ()):
                    if not any(p in mine for p in range(*trigger)):
                        return True
                words += 1
            at -= 1
        words, at = 0, end
        while at < len(self.tokens) and words <= window:
            token = self.tokens[at]
            if not self.is_word(at) or at in self.breaks:
                break
            for trigger in self.after_starts.get(at, ()):
                if not any(p in mine for p in range(*trigger)):
                    return True
            words += 1
            at += 1
        return False


def _sign_found(sign: SignWords, text: _Text) -> bool:
    for groups in sign.alternatives:
        found = [[span for pattern in group for span in text.spans(pattern)] for group in groups]
        if not all(found):
            continue
        sentences = set.intersection(*({text.sentence[s] for s, _ in spans} for spans in found))
        for sentence in sorted(sentences):
            here = [[span for span in spans if text.sentence[span[0]] == sentence] for spans in found]
            own = [span for spans in here for span in spans]
            if not all(any(not text.negated(span, own) for span in spans) for spans in here):
                continue
            ruled_out = [span for pattern in sign.unless for span in text.spans(pattern) if text.sentence[span[0]] == sentence]
            if any(not text.negated(span, ruled_out) for span in ruled_out):
                continue
            return True
    return False


def suggested_signs(text: str, screening: Screening | None = None) -> list[str]:
    """Catalog warning signs that ``text`` may describe, in the data file's order.

    Pure, and linear in the length of ``text``.
    """
    rules = default_screening() if screening is None else screening
    if not _WORD.search(text):
        return []
    scanned = _Text(text, rules)
    for sign in rules.signs:
        for groups in sign.alternatives:
            for group in groups:
                for pattern in group:
                    for start, end in scanned.spans(pattern):
                        scanned.terms.update(range(start, end))
    return [sign.name for sign in rules.signs if _sign_found(sign, scanned)]


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


def _patterns(value: Any, where: str) -> tuple[str, ...]:
    if not (isinstance(value, list) and all(isinstance(p, str) and p.strip() for p in value)):
        raise ValueError(f"{WORDS_FILE} {where}: must be a list of patterns")
    for pattern in value:
        if _is_wildcard(_pattern_parts(pattern)[0]):
            raise ValueError(f"{WORDS_FILE} {where}: {pattern!r} must start with a word, not a wildcard")
    return tuple(value)


def _groups(value: Any, where: str) -> Groups:
    if not (isinstance(value, list) and value and all(isinstance(g, list) and g for g in value)):
        raise ValueError(f"{WORDS_FILE} {where}: 'all' must be non-empty lists of patterns")
    return tuple(_patterns(group, where) for group in value)


def build_screening(data: Mapping[str, Any]) -> Screening:
    """Check parsed warning_words data; :class:`ValueError` names the first problem."""
    signs = []
    for index, raw in enumerate(data.get("sign", []), start=1):
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{WORDS_FILE} sign {index}: 'name' must be the catalog name")
        where = f"sign {name!r}"
        groups = _groups(raw.get("all"), where)
        unless = _patterns(raw.get("unless", []), f"{where} 'unless'")
        also = raw.get("also", [])
        if not isinstance(also, list):
            raise ValueError(f"{WORDS_FILE} {where}: 'also' must be a list of 'all' lists")
        signs.append(SignWords(name, groups, unless, tuple(_groups(g, f"{where} 'also'") for g in also)))
    raw_negation = data.get("negation", {})
    if not isinstance(raw_negation, Mapping):
        raise ValueError(f"{WORDS_FILE} [negation] must be a table")
    lists = {
        key: _patterns(raw_negation.get(key, []), f"negation.{key}")
        for key in ("before", "after", "hypothetical", "pseudo", "breaks", "fillers")
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


__all__ = [
    "Negation",
    "Screening",
    "SignWords",
    "build_screening",
    "days_to_check",
    "default_screening",
    "one_edit_apart",
    "suggested_signs",
    "words_of",
]
