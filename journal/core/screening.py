"""Screening typed text for words that may point to a warning sign.

A custom symptom or a note can describe a warning sign in the patient's own
words ("can't wee properly", "numb down there"). :func:`suggested_signs`
finds the catalog's warning signs such words may mean, so the window can ask
once, gently, "Did you mean: …?". It never flags anything by itself.

The words are data (``resources/warning_words.toml``); this module holds the
rules, which follow how clinical text is screened (NegEx, Chapman et al.
2001):

* Text is case-folded, apostrophes are dropped ("can't" → "cant"), "&" reads
  as "and" ("pins & needles"), and it is
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
  if I'd had a fall"), nor the one word right after someone else's
  ("Mum's incontinence"). "but", "still", "otherwise" and the like end a clause.

The work is linear in the length of the text: each distinct word is looked
up once (and remembered), each pattern is tried only where its first word
occurs, and a negation is looked for only a few words either side. Each
sentence is worked out once: it is remembered by its text and by its shape
(the words no list knows, such as names and places, only hold a place), and
one whose key words cannot make up any sign is passed over.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from journal.core.catalog import default_catalog, name_key
from journal.core.day import DayEntry
from journal.core.resources import load_toml

WORDS_FILE: Final = "warning_words.toml"
_WORD: Final = re.compile(r"[^\W_]+")
_TOKEN: Final = re.compile(r"[^\W_]+|[.!?;:\n,]")
_SENTENCE_END: Final = frozenset(".!?;:\n")
_SENTENCE_SPLIT: Final = re.compile(r"[.!?;:\n]")  # the same characters: a sentence's tokens never cross one
# A question someone asked and the patient's answer ("asked if I can feel when my bladder is full
# - honestly no", "... full. I said no"): the answer is the patient's own report, so the question
# is read as a statement, turned round when the answer is no.
_ANSWERED: Final = re.compile(
    r"\b(?:asked|asks|asking)(?: me)? (?:if|whether) (?P<question>[^.!?;\n]+?)\s*[-–—:,.!?]+\s*"
    r"(?:(?:honestly|truthfully|sadly|well|and|i said|i told (?:her|him|them)|the answer (?:is|was))\s+)*"
    r"(?P<answer>no|nope|not really|yes|yeah|yep)\b"
)
_TURNED: Final = (("i can ", "i cant "), ("i could ", "i couldnt "), ("i do ", "i dont "), ("i did ", "i didnt "))


def _answered(text: str) -> str:
    """``text`` (normalised) with each answered question read as what the patient said."""

    def statement(match: re.Match[str]) -> str:
        question = match["question"]
        if match["answer"] in ("yes", "yeah", "yep"):
            return question + "."
        for asked, turned in _TURNED:
            if question.startswith(asked):
                return turned + question[len(asked) :] + "."
        return "no " + question + "."

    return _ANSWERED.sub(statement, text) if "ask" in text else text


_APOSTROPHES: Final = str.maketrans({"'": None, "’": None, "‘": None, "`": None, "´": None, "&": " and "})
_LONGEST_FUZZY_WORD: Final = 40  # longer "words" are not real words; no edits are tried
_MEMO_LIMIT: Final = 200_000
#: Words too common to be a pattern's key word in the quick test (see _Matcher).
_COMMON: Final = frozenset(
    [
        "i",
        "my",
        "me",
        "to",
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "it",
        "is",
        "at",
        "and",
        "or",
        "was",
        "when",
        "with",
        "for",
        "have",
        "had",
        "get",
        "go",
        "feel",
        "felt",
        "like",
        "can",
        "cant",
        "cannot",
        "dont",
        "didnt",
        "couldnt",
        "not",
        "no",
        "down",
        "up",
        "out",
        "all",
        "after",
        "before",
        "myself",
        "there",
        "this",
        "that",
        "be",
        "been",
        "keep",
        "keeps",
        "will",
        "wont",
        # and the words of almost every back-pain diary
        "back",
        "pain",
        "leg",
        "legs",
        "foot",
        "feet",
        "walk",
        "walked",
        "walking",
        "sit",
        "sitting",
        "day",
        "today",
        "night",
        "bed",
        "lie",
        "lying",
        "came",
        "off",
        "over",
        "hard",
        "water",
        "cold",
        "round",
        "feeling",
    ]
)

#: Words that start a new clause after a comma: a negation's list of signs does not go on past them.
_CLAUSE_SUBJECTS: Final = frozenset(["i", "im", "ive", "id", "ill", "my", "it", "its", "we", "he", "she", "they", "theres"])

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


def _by_first(patterns: Iterable[str]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for pattern in dict.fromkeys(patterns):
        table.setdefault(_pattern_parts(pattern)[0], []).append(pattern)
    return table


class _Matcher:
    """The compiled word lists: which pattern parts each distinct word matches."""

    def __init__(self, screening: Screening) -> None:
        negation = screening.negation
        sign_patterns: list[str] = []
        self.sign_firsts: set[str] = set()
        for sign in screening.signs:
            for groups in sign.alternatives:
                for group in groups:
                    sign_patterns.extend(group)
        self.sign_patterns = tuple(dict.fromkeys(sign_patterns))
        self.sign_firsts = {_pattern_parts(p)[0] for p in self.sign_patterns}
        # A quick test before the real one: each pattern's longest word is its
        # key; a sentence can hold a sign only if, for one of its sets of groups,
        # every group has a pattern whose key word is in the sentence.
        self.keys: dict[str, set[int]] = {}  # key part -> alternative * 64 + group
        self.alternatives: list[tuple[frozenset[int], int]] = []  # (its codes, sign number)
        for number, sign in enumerate(screening.signs):
            for groups in sign.alternatives:
                alternative = len(self.alternatives)
                self.alternatives.append((frozenset(alternative * 64 + g for g in range(len(groups))), number))
                for g, group in enumerate(groups):
                    for pattern in group:
                        words = [p for p in _pattern_parts(pattern) if not _is_wildcard(p)]
                        key = max(words, key=lambda p: (p not in _COMMON, len(p)))
                        self.keys.setdefault(key, set()).add(alternative * 64 + g)
        self.code_memo: dict[str, frozenset[int]] = {}
        self.coded_words: set[str] = set()
        # Per sign: each alternative's groups, and the "unless" list, by first word.
        self.sign_tables: dict[str, tuple[list[list[dict[str, list[str]]]], dict[str, list[str]]]] = {
            sign.name: ([[_by_first(group) for group in groups] for groups in sign.alternatives], _by_first(sign.unless))
            for sign in screening.signs
        }
        # Patterns by list and first word: only those whose first word is in a text are tried.
        self.firsts: dict[str, dict[str, list[str]]] = {}
        for name, listed in (
            ("sign", self.sign_patterns),
            ("ignore", screening.ignore),
            ("pseudo", negation.pseudo),
            ("before", (*negation.before, *negation.hypothetical)),
            ("others", negation.others),
            ("after", negation.after),
        ):
            table: dict[str, list[str]] = {}
            for pattern in dict.fromkeys(listed):
                table.setdefault(_pattern_parts(pattern)[0], []).append(pattern)
            self.firsts[name] = table
        patterns: set[str] = set(screening.ignore) | set(self.sign_patterns)
        for sign in screening.signs:
            patterns.update(sign.unless)
        for listed in (negation.before, negation.after, negation.hypothetical, negation.pseudo, negation.others):
            patterns.update(listed)
        parts = {part for pattern in patterns for part in _pattern_parts(pattern) if not _is_wildcard(part)}
        # The words a pattern cannot match without, and the first words, which alone are indexed.
        self.required = {
            pattern: frozenset(p for p in _pattern_parts(pattern) if not _is_wildcard(p))
            for pattern in patterns | set(negation.breaks) | set(negation.fillers)
        }
        self.first_parts = frozenset(_pattern_parts(pattern)[0] for pattern in patterns)
        # Clause breaks and fillers are common words ("and", "but"): looked up only where needed.
        self.lazy_exact: dict[str, set[str]] = {}
        self.lazy_prefixes: dict[str, str] = {}
        for pattern in (*negation.breaks, *negation.fillers):
            for part in _pattern_parts(pattern):
                if _is_wildcard(part):
                    continue
                if part.endswith("*") and len(part) > 1:
                    self.lazy_prefixes[part[:-1]] = part
                else:
                    self.lazy_exact.setdefault(part, set()).add(part)
        self.lazy_memo: dict[str, frozenset[str]] = {}
        self.exact: dict[str, set[str]] = {}
        self.prefixes: dict[str, str] = {}
        for part in parts:
            if part.endswith("*") and len(part) > 1:
                self.prefixes[part[:-1]] = part
            else:
                self.exact.setdefault(part, set()).add(part)
        # The prefixes by their first letter: a word is tried only against those it could start with.
        self.prefixes_by_letter: dict[str, list[tuple[str, str]]] = {}
        for stem, part in sorted(self.prefixes.items()):
            self.prefixes_by_letter.setdefault(stem[:1], []).append((stem, part))
        self.letters = screening.fuzzy_letters
        self.never_fuzzy = frozenset(_normal(word) for word in screening.not_misspellings)
        # One-edit neighbours by the "symmetric delete" trick: a word and each
        # pattern word are indexed by themselves and every one-letter deletion.
        self.near: dict[str, set[str]] = {}
        # A word one edit from a word of five letters or more keeps its first
        # two letters or its last two, so a typed word with neither of some
        # pattern word of about its length cannot be one edit away.
        self.ends: set[tuple[str, int]] = set()
        if self.letters:
            fuzzy_words = {p for p in self.exact if len(p) >= self.letters}
            for word in fuzzy_words:
                for variant in {word} | _deletions(word):
                    self.near.setdefault(variant, set()).add(word)
                for length in range(len(word) - 1, len(word) + 2):
                    self.ends.update({("<" + word[:2], length), (">" + word[-2:], length)})
        self.memo: dict[str, frozenset[str]] = {}
        # A sentence met before (diaries repeat themselves), by its shape: see :meth:`shape`.
        self.sentences: dict[tuple[str | None, ...], frozenset[str]] = {}
        self.shape_memo: dict[str, str] = {}
        self.pieces: dict[str, frozenset[str]] = {}  # a sentence's text met before

    def starting(self, name: str, index: Mapping[str, list[int]], present: set[str]) -> list[str]:
        """The patterns of list ``name`` whose first word is in ``index`` and every word in ``present``."""
        table = self.firsts[name]
        if len(index) < len(table):
            listed = [p for first in index if first in table for p in table[first]]
        else:
            listed = [p for first, patterns in table.items() if first in index for p in patterns]
        return [p for p in listed if self.required[p] <= present]

    def present(self, table: Mapping[str, list[str]], index: Mapping[str, list[int]], present: set[str]) -> list[str]:
        """Like :meth:`starting`, for one group's table."""
        return [p for first, listed in table.items() if first in index for p in listed if self.required[p] <= present]

    def _codes(self, word: str) -> frozenset[int]:
        found = self.code_memo.get(word)
        if found is None:
            if len(self.code_memo) > _MEMO_LIMIT:
                self.code_memo.clear()
                self.coded_words.clear()
            found = self.code_memo[word] = frozenset(c for part in self.parts_of(word) for c in self.keys.get(part, ()))
            if found:
                self.coded_words.add(word)
        return found

    def coded(self, words: set[str]) -> dict[str, frozenset[int]]:
        """The words among ``words`` that are a key word of some sign's group, with their groups."""
        for word in words.difference(self.code_memo):  # (a dict's keys are tested in place, not copied)
            self._codes(word)
        return {word: self.code_memo[word] for word in words & self.coded_words}

    def signs_maybe_in(self, codes: Iterable[frozenset[int]]) -> frozenset[int]:
        """The quick test: the signs (by number) whose every group has a key word among ``codes``."""
        hit: set[int] = set().union(*codes)
        if not hit:
            return frozenset()
        alternatives = {code // 64 for code in hit}
        return frozenset(self.alternatives[a][1] for a in alternatives if self.alternatives[a][0] <= hit)

    def lazy_parts_of(self, word: str) -> frozenset[str]:
        found = self.lazy_memo.get(word)
        if found is None:
            parts = set(self.lazy_exact.get(word, ()))
            parts.update(part for stem, part in self.lazy_prefixes.items() if word.startswith(stem))
            if len(self.lazy_memo) > _MEMO_LIMIT:
                self.lazy_memo.clear()
            found = self.lazy_memo[word] = frozenset(parts)
        return found

    def _shape_of(self, word: str) -> str:
        known = (
            not word[0].isalnum()
            or self.parts_of(word)
            or word in self.lazy_exact
            or any(word.startswith(stem) for stem in self.lazy_prefixes)
        )
        found = word if known else ""
        if len(self.shape_memo) > _MEMO_LIMIT:
            self.shape_memo.clear()
        self.shape_memo[word] = found
        return found

    def shape(self, sentence: Sequence[str]) -> tuple[str | None, ...]:
        """``sentence`` with each word no list knows as ``""`` (no token is empty).

        Such a word ("Saw Tom at the allotment") only holds a place: no
        pattern, negation, clause break or filler matches it, so two sentences
        of the same shape have the same signs, and a sentence is worked out
        once per shape, whatever names and places it holds.
        """
        memo = self.shape_memo
        shape = tuple(map(memo.get, sentence))  # words met before: looked up in C
        if None in shape:
            shape = tuple([memo[word] if word in memo else self._shape_of(word) for word in sentence])
        return shape

    def signs_in(self, sentence: list[str], rules: Screening) -> frozenset[str]:
        """The signs one sentence (its tokens, no sentence end among them) may describe."""
        shape = self.shape(sentence)
        signs = self.sentences.get(shape)
        if signs is None:
            # The quick test first: the words that are a key word of some sign's group.
            maybe = self.signs_maybe_in(self.coded(set(sentence)).values())
            signs = _signs_in_sentence(sentence, rules, maybe) if maybe else frozenset()
            if len(self.sentences) > _MEMO_LIMIT:
                self.sentences.clear()
            self.sentences[shape] = signs
        return signs

    def parts_of(self, word: str) -> frozenset[str]:
        found = self.memo.get(word)
        if found is None:
            if len(self.memo) > _MEMO_LIMIT:
                self.memo.clear()
            found = self.memo[word] = frozenset(self._parts_of(word))
        return found

    def _parts_of(self, word: str) -> set[str]:
        found = set(self.exact.get(word, ()))
        for stem, part in self.prefixes_by_letter.get(word[:1], ()):
            if word.startswith(stem):
                found.add(part)
        if (
            word in self.exact
            or not self.letters
            or len(word) < self.letters
            or len(word) > _LONGEST_FUZZY_WORD
            or word in self.never_fuzzy
            or (
                self.letters >= 5
                and ("<" + word[:2], len(word)) not in self.ends
                and (">" + word[-2:], len(word)) not in self.ends
            )
        ):
            return found
        near = self.near
        for variant in (word, *[word[:i] + word[i + 1 :] for i in range(len(word))]):
            if variant in near:
                found.update(n for n in near[variant] if n not in found and one_edit_apart(word, n))
        return found


_MATCHERS: dict[int, tuple[Screening, _Matcher]] = {}


def _matcher(screening: Screening) -> _Matcher:
    """The compiled lists of ``screening``, kept by identity (hashing the lists each time would cost more)."""
    kept = _MATCHERS.get(id(screening))
    if kept is None or kept[0] is not screening:
        if len(_MATCHERS) >= 8:
            _MATCHERS.clear()
        kept = _MATCHERS[id(screening)] = (screening, _Matcher(screening))
    return kept[1]


class _Text:
    """One text, tokenised, with the positions of the words the lists know."""

    def __init__(self, tokens: list[str], screening: Screening) -> None:
        self.screening = screening
        self.matcher = matcher = _matcher(screening)
        self.tokens = tokens  # case-folded words, and punctuation
        # Each distinct word is looked up once; only the known ones are kept.
        known = {}
        for word in set(self.tokens):
            parts = matcher.parts_of(word)
            if parts:
                known[word] = parts
        self.known = known
        self.present: set[str] = set().union(*known.values())
        self.hopeful = not self.present.isdisjoint(matcher.sign_firsts)
        self.blank: set[int] = set()
        self.index: dict[str, list[int]] = {}
        self._spans: dict[str, list[Span]] = {}
        self.terms: set[int] = set()  # positions inside any sign's words
        if not self.hopeful:
            return
        tokens = self.tokens
        self.ends = [at for at, token in enumerate(tokens) if token in _SENTENCE_END]
        # Only words that can start a pattern are indexed; the rest are checked in place.
        self.first = {word: parts & matcher.first_parts for word, parts in known.items()}
        self.first = {word: parts for word, parts in self.first.items() if parts}
        self._index([at for at, token in enumerate(tokens) if token in self.first])
        ignored = [span for pattern in matcher.starting("ignore", self.index, self.present) for span in self.spans(pattern)]
        if ignored:
            self.blank = {at for start, end in ignored for at in range(start, end)}
            self._index([at for at, token in enumerate(tokens) if token in self.first and at not in self.blank])
            self._spans.clear()
        self.pseudo = {
            at
            for pattern in matcher.starting("pseudo", self.index, self.present)
            for s, e in self.spans(pattern)
            for at in range(s, e)
        }
        self.before_ends: dict[int, list[Span]] = {}
        for pattern in matcher.starting("before", self.index, self.present):
            for span in self._real_triggers(pattern):
                self.before_ends.setdefault(span[1], []).append(span)
        # Someone else's ("mums"): reaches only the word right after it.
        self.others_ends = {
            span[1] for pattern in matcher.starting("others", self.index, self.present) for span in self.spans(pattern)
        }
        self.after_starts: dict[int, list[Span]] = {}
        for pattern in matcher.starting("after", self.index, self.present):
            for span in self._real_triggers(pattern):
                if self._ends_clause(span[1]):
                    self.after_starts.setdefault(span[0], []).append(span)

    def _index(self, positions: list[int]) -> None:
        self.index = {}
        for at in positions:
            for part in self.first[self.tokens[at]]:
                self.index.setdefault(part, []).append(at)

    def sentence(self, at: int) -> int:
        return bisect_left(self.ends, at)

    def _real_triggers(self, pattern: str) -> list[Span]:
        return [span for span in self.spans(pattern) if not any(at in self.pseudo for at in range(*span))]

    def is_word(self, at: int) -> bool:
        return self.tokens[at][0].isalnum()

    def _lazy_at(self, at: int, patterns: Sequence[str]) -> bool:
        """Whether one of ``patterns`` (breaks or fillers, not indexed) starts at ``at``."""
        parts = self.matcher.lazy_parts_of(self.tokens[at])
        return bool(parts) and any(
            _pattern_parts(p)[0] in parts and self._match_at(at + 1, _pattern_parts(p)[1:], lazy=True) is not None
            for p in patterns
        )

    def is_break(self, at: int) -> bool:
        return self._lazy_at(at, self.screening.negation.breaks)

    def _ends_clause(self, at: int) -> bool:
        """Whether a resolution word ending before ``at`` closes its clause ("fine now", "gone.")."""
        return (
            at >= len(self.tokens)
            or not self.is_word(at)
            or self.is_break(at)
            or self._lazy_at(at, self.screening.negation.fillers)
        )

    def spans(self, pattern: str) -> list[Span]:
        """Every ``(start, end)`` where ``pattern`` matches (words only, within a clause)."""
        found = self._spans.get(pattern)
        if found is None:
            parts = _pattern_parts(pattern)
            found = []
            for start in self.index.get(parts[0], ()):
                end = self._match_at(start + 1, parts[1:])
                if end is not None:
                    found.append((start, end))
            self._spans[pattern] = found
        return found

    def _part_at(self, at: int, part: str, lazy: bool) -> bool:
        if at in self.blank:
            return False
        word = self.tokens[at]
        return part in (self.matcher.lazy_parts_of(word) if lazy else self.known.get(word, ()))

    def _match_at(self, at: int, parts: Sequence[str], lazy: bool = False) -> int | None:
        if not parts:
            return at
        head, rest = parts[0], parts[1:]
        # Punctuation is a token that is not a word: no pattern runs across it.
        fits = at < len(self.tokens) and self.is_word(at)
        if head == "*?":
            skipped = self._match_at(at + 1, rest, lazy) if fits else None
            return skipped if skipped is not None else self._match_at(at, rest, lazy)
        if not fits:
            return None
        if head == "*" or self._part_at(at, head, lazy):
            return self._match_at(at + 1, rest, lazy)
        return None

    def negated(self, span: Span, mine: set[int]) -> bool:
        """Whether a negation, resolution or question covers ``span`` in its clause.

        ``mine``: the positions of the sign's own words in the sentence; a
        negation word inside them ("no feeling") is part of the sign.
        """
        window = self.screening.negation.window
        start, end = span
        if start in self.others_ends and start - 1 not in mine:
            return True
        words, at = 0, start - 1
        while at >= 0 and words <= window:
            token = self.tokens[at]
            if token in _SENTENCE_END or self.is_break(at):
                break
            if token == ",":
                # "no numbness, tingling or weakness": a list of signs goes on;
                # "not reacting in bed, I can't feel": a new subject starts a new clause.
                if at - 1 not in self.terms or self.tokens[at + 1] in _CLAUSE_SUBJECTS:
                    break
            else:
                for trigger in self.before_ends.get(at + 1, ()):
                    if not any(p in mine for p in range(*trigger)):
                        return True
                words += 1
            at -= 1
        words, at = 0, end
        while at < len(self.tokens) and words <= window:
            if not self.is_word(at) or self.is_break(at):
                break
            for trigger in self.after_starts.get(at, ()):
                if not any(p in mine for p in range(*trigger)):
                    return True
            words += 1
            at += 1
        return False


def _by_sentence(text: _Text, spans: Iterable[Span]) -> dict[int, list[Span]]:
    found: dict[int, list[Span]] = {}
    for span in spans:
        found.setdefault(text.sentence(span[0]), []).append(span)
    return found


def _present(table: Mapping[str, list[str]], text: _Text) -> list[str]:
    return text.matcher.present(table, text.index, text.present)


def _sign_found(sign: SignWords, text: _Text) -> bool:
    alternatives, unless_table = text.matcher.sign_tables[sign.name]
    unless: dict[int, list[Span]] | None = None
    for groups in alternatives:
        if any(not any(first in text.index for first in group) for group in groups):
            continue
        found = [
            _by_sentence(text, (span for pattern in _present(group, text) for span in text.spans(pattern))) for group in groups
        ]
        if not all(found):
            continue
        sentences = set(found[0]).intersection(*found[1:])
        for sentence in sorted(sentences):
            here = [spans[sentence] for spans in found]
            mine = {at for spans in here for start, end in spans for at in range(start, end)}
            if not all(any(not text.negated(span, mine) for span in spans) for spans in here):
                continue
            if unless is None:
                unless = _by_sentence(text, (span for pattern in _present(unless_table, text) for span in text.spans(pattern)))
            ruled_out = unless.get(sentence, [])
            ruled = {at for start, end in ruled_out for at in range(start, end)}
            if any(not text.negated(span, ruled) for span in ruled_out):
                continue
            return True
    return False


def suggested_signs(text: str, screening: Screening | None = None) -> list[str]:
    """Catalog warning signs that ``text`` may describe, in the data file's order.

    Pure, and linear in the length of ``text``.
    """
    rules = default_screening() if screening is None else screening
    matcher = _matcher(rules)
    # Every rule works within one sentence, so each sentence is looked at on
    # its own, and a sentence met before (word for word, or in shape: see
    # _Matcher.shape) is not worked out again.
    found: set[str] = set()
    known = matcher.pieces
    for piece in _SENTENCE_SPLIT.split(_answered(_normal(text))):
        signs = known.get(piece)
        if signs is None:
            signs = matcher.signs_in(_TOKEN.findall(piece), rules)
            if len(known) > _MEMO_LIMIT:
                known.clear()
            known[piece] = signs
        if signs:
            found.update(signs)
    return [sign.name for sign in rules.signs if sign.name in found] if found else []


def _signs_in_sentence(sentence: list[str], rules: Screening, maybe: frozenset[int]) -> frozenset[str]:
    scanned = _Text(sentence, rules)
    if not scanned.hopeful:
        return frozenset()
    for pattern in scanned.matcher.starting("sign", scanned.index, scanned.present):
        for start, end in scanned.spans(pattern):
            scanned.terms.update(range(start, end))
    return frozenset(sign.name for number, sign in enumerate(rules.signs) if number in maybe and _sign_found(sign, scanned))


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
