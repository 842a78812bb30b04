"""The compiled word lists: which pattern parts each distinct word matches, remembered per word and per sentence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from journal.core.screening.text import (
    _LONGEST_FUZZY_WORD,
    _MEMO_LIMIT,
    _deletions,
    _is_wildcard,
    _normal,
    _pattern_parts,
    one_edit_apart,
    sound_key,
    within_two_edits,
)
from journal.core.screening.words import Screening

#: Words too common to be a pattern's key word in the quick test (see _Matcher).
_COMMON_WORDS: Final = (
    "i my me to the a an of in on it is at and or was when with for have had get go feel felt like can "
    "cant cannot dont didnt couldnt not no down up out all after before myself there this that be been "
    "keep keeps will wont back pain leg legs foot feet walk walked walking sit sitting day today night "
    "bed lie lying came off over hard water cold round feeling sat took takes im ive id got went just "
    "from then so by as if but again still tried"
)
_COMMON: Final = frozenset(_COMMON_WORDS.split())


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
        # The same by what else each pattern needs: one-word patterns, and patterns of several words.
        self.keyed_alone: dict[str, set[int]] = {}
        self.keyed: dict[str, list[tuple[int, frozenset[str]]]] = {}
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
                        needs = frozenset(words)
                        if len(needs) > 1:
                            # (a pattern of several words: its group counts only where they all are)
                            self.keyed.setdefault(key, []).append((alternative * 64 + g, needs))
                        else:
                            self.keyed_alone.setdefault(key, set()).add(alternative * 64 + g)
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
            ("before", (*negation.before, *negation.hypothetical, *negation.questions)),
            ("question", negation.questions),
            ("others", negation.others),
            ("people", negation.people),
            ("after", negation.after),
        ):
            table: dict[str, list[str]] = {}
            for pattern in dict.fromkeys(listed):
                table.setdefault(_pattern_parts(pattern)[0], []).append(pattern)
            self.firsts[name] = table
        patterns: set[str] = set(screening.ignore) | set(self.sign_patterns)
        for sign in screening.signs:
            patterns.update(sign.unless)
        for listed in (
            negation.before,
            negation.after,
            negation.hypothetical,
            negation.questions,
            negation.pseudo,
            negation.others,
            negation.people,
        ):
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
        # (and all of a letter's stems at once, to pass over a word that starts with none in one test)
        self.stems_by_letter = {letter: tuple(stem for stem, _ in listed) for letter, listed in self.prefixes_by_letter.items()}
        self.spellings = dict(screening.spellings)
        self.continuing = frozenset(_pattern_parts(p) for p in screening.continuing)
        self.continuing_lengths = sorted({len(p) for p in self.continuing})
        self.continuing_firsts = frozenset(p[0] for p in self.continuing)
        self.own = frozenset(negation.own)
        self.reported = frozenset(negation.reported)
        # Words that may come before a word for another person in the clause's subject
        # ("my mate", "the fella next door", "our old neighbour").
        self.owners = frozenset(
            ["my", "our", "me", "ma", "mi", "the", "a", "an", "his", "her", "their", "and", "fella", "bloke", "man", "guy"]
            + ["chap", "couple", "old", "young", "little", "elderly", "poor", "new"]
        )
        self.letters = screening.fuzzy_letters
        self.never_fuzzy = frozenset(_normal(word) for word in screening.not_misspellings)
        # Words that show a note is written for someone else; each phrase's longest word is
        # looked for first, as most notes hold none of them.
        self.proxy = screening.proxy
        self.proxy_keys = tuple(sorted({max(phrase.split(), key=len) for phrase in screening.proxy}))
        self._screening = screening
        self._for_the_person_named: Screening | None = None
        # One-edit neighbours by the "symmetric delete" trick: a word and each
        # pattern word are indexed by themselves and every one-letter deletion.
        self.near: dict[str, set[str]] = {}
        # A word one edit from a word of five letters or more keeps its first
        # two letters or its last two, so a typed word with neither of some
        # pattern word of about its length cannot be one edit away.
        self.starts_by_length: dict[int, set[str]] = {}
        self.ends_by_length: dict[int, set[str]] = {}
        if self.letters:
            fuzzy_words = {p for p in self.exact if len(p) >= self.letters}
            for word in fuzzy_words:
                for variant in {word} | _deletions(word):
                    self.near.setdefault(variant, set()).add(word)
                for length in range(len(word) - 1, len(word) + 2):
                    self.starts_by_length.setdefault(length, set()).add(word[:2])
                    self.ends_by_length.setdefault(length, set()).add(word[-2:])
        # Two edits, or the same sound, for long words: by two-letter deletions and by sound key.
        self.far = screening.far_letters
        self.far_ends: dict[tuple[str, str], list[str]] = {}  # by first four letters and last
        self.sounds: dict[str, set[str]] = {}
        if self.far:
            # Only the signs' own words: a guard word met by chance would only take a sign away.
            sign_words = {part for pattern in self.sign_patterns for part in _pattern_parts(pattern)}
            for word in sorted(p for p in sign_words if p in self.exact and len(p) >= self.far and p.isalpha()):
                self.far_ends.setdefault((word[:4], word[-1]), []).append(word)
                self.sounds.setdefault(sound_key(word), set()).add(word)
        # A word that sounds like a sign's word starts with the same two letters or their sound.
        self.sound_starts = {word[:2] for words in self.sounds.values() for word in words}
        self.sound_starts |= {key[:2] for key in self.sounds}
        self.memo: dict[str, frozenset[str]] = {}
        # A sentence met before (diaries repeat themselves), by its shape: see :meth:`shape`.
        # (its signs, and its key words' groups for the quick test of two sentences joined)
        self.sentences: dict[tuple[str | None, ...], tuple[frozenset[str], frozenset[int]]] = {}
        self.shape_memo: dict[str, str] = {}
        # Words a list knows besides the patterns' (see _shape_of), tested in one look-up.
        self.shape_words = frozenset(self.lazy_exact) | self.own | self.reported | self.owners
        self.lazy_stems = tuple(self.lazy_prefixes)
        # A sentence as typed: as read, its tokens, whether it carries on the one before,
        # its signs and its key words' groups.
        self.readings: dict[str, tuple[str, list[str], bool, frozenset[str], frozenset[int], int]] = {}
        self.pairs: dict[tuple[str, str], frozenset[str]] = {}  # two sentences joined: their signs

    def continues(self, tokens: Sequence[str]) -> bool:
        """Whether a sentence starting with ``tokens`` carries on the one before ("now ...", "and ...")."""
        return tokens[0] in self.continuing_firsts and any(
            tuple(tokens[:length]) in self.continuing for length in self.continuing_lengths
        )

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

    def sentence_codes(self, words: set[str]) -> frozenset[int]:
        """The groups (see :meth:`coded`) of a sentence's words, counting a pattern of several
        words only where every one of its words is among ``words``' known words."""
        coded = self.coded(words)
        if not coded:
            return frozenset()
        parts_of = self.parts_of
        present: set[str] = set().union(*[parts_of(word) for word in words])
        found: set[int] = set()
        for word in coded:
            for part in parts_of(word):
                alone = self.keyed_alone.get(part)
                if alone:
                    found.update(alone)
                for code, needs in self.keyed.get(part, ()):
                    if code not in found and needs <= present:
                        found.add(code)
        return frozenset(found)

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
        known = not word[0].isalnum() or word in self.shape_words or word.startswith(self.lazy_stems) or self.parts_of(word)
        found = word if known else ""
        if len(self.shape_memo) > _MEMO_LIMIT:
            self.shape_memo.clear()
        self.shape_memo[word] = found
        return found

    def written_for_someone_else(self, normal: str) -> bool:
        """Whether a note (normalised) holds one of the ``proxy`` phrases ("asked me to type")."""
        for key in self.proxy_keys:
            if key in normal:
                return any(phrase in normal for phrase in self.proxy)
        return False

    def rules_for_the_person_named(self) -> Screening:
        """These rules without the someone-else rules (see :meth:`written_for_someone_else`), made once."""
        if self._for_the_person_named is None:
            self._for_the_person_named = self._screening.for_the_person_named()
        return self._for_the_person_named

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

    def parts_of(self, word: str) -> frozenset[str]:
        found = self.memo.get(word)
        if found is None:
            if len(self.memo) > _MEMO_LIMIT:
                self.memo.clear()
            found = self.memo[word] = frozenset(self._parts_of(word))
        return found

    def _parts_of(self, word: str) -> set[str]:
        found = self._near_parts_of(word)
        if (
            found
            or not self.far
            or len(word) < self.far
            or len(word) > _LONGEST_FUZZY_WORD
            or word in self.never_fuzzy
            or not word.isalpha()
        ):
            return found
        # A long word far from every list word ("genitles", "sensashun", "privits"): two edits
        # away keeping the first four letters and the last, or the same sound keeping the first letter.
        found = {n for n in self.far_ends.get((word[:4], word[-1]), ()) if within_two_edits(word, n)}
        if word[:2] in self.sound_starts:
            found.update(n for n in self.sounds.get(sound_key(word), ()) if n[0] == word[0])
        return found

    def _near_parts_of(self, word: str) -> set[str]:
        found = set(self.exact.get(word, ()))
        first = word[:1]
        stems = self.stems_by_letter.get(first)
        if stems and word.startswith(stems):
            for stem, part in self.prefixes_by_letter[first]:
                if word.startswith(stem):
                    found.add(part)
        length = len(word)
        if (
            word in self.exact
            or not self.letters
            or length < self.letters
            or length > _LONGEST_FUZZY_WORD
            or word in self.never_fuzzy
            or (
                self.letters >= 5
                and word[:2] not in self.starts_by_length.get(length, ())
                and word[-2:] not in self.ends_by_length.get(length, ())
            )
        ):
            return found
        near = self.near
        for variant in (word, *[word[:i] + word[i + 1 :] for i in range(length)]):
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
