"""One sentence's tokens with the positions of known words, and the scope of negations, resolutions and questions."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from journal.core.screening.matcher import _matcher
from journal.core.screening.text import _SENTENCE_END, _pattern_parts
from journal.core.screening.words import Screening, Span

#: Words that start a new clause after a comma: a negation's list of signs does not go on past them.
#: Words that start a relative clause about the person just named ("my neighbour who has foot drop").
_RELATIVE: Final = frozenset(["who", "whos", "that", "with", "whose"])
#: Words back a question or check reaches ("ran through the usual list, bladder, bowels, …").
_QUESTION_REACH: Final = 24
#: Words on a resolution that ends its clause reaches from a sign's words ("… has gone completely").
_RESOLUTION_REACH: Final = 14
#: Negation words that say all is well: they never undo words that rule a sign out.
_ALL_WELL_WORDS: Final = frozenset(["fine", "normal", "ok", "okay", "good"])
#: "he" and "she" are always the subject of their clause ("…, so she shuffles").
_SUBJECT_PRONOUNS: Final = frozenset(["he", "she", "hes", "shes"])
#: Verbs that make the person before them their subject ("… says Mum is incontinent").
_SUBJECT_VERBS: Final = frozenset(
    [
        "is",
        "was",
        "has",
        "had",
        "hasnt",
        "isnt",
        "wasnt",
        "cant",
        "couldnt",
        "cannot",
        "keeps",
        "kept",
        "gets",
        "got",
        "needs",
        "fell",
        "slipped",
        "tripped",
        "went",
        "can",
        "could",
        "will",
        "does",
        "did",
        "didnt",
        "doesnt",
        "wont",
        "seems",
        "seemed",
        "started",
        "starts",
        "been",
        "having",
        "says",
        "said",
    ]
)
_CLAUSE_SUBJECTS: Final = frozenset(["i", "im", "ive", "id", "ill", "my", "it", "its", "we", "he", "she", "they", "theres"])


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
        self.question_ends: set[int] = {
            span[1] for pattern in matcher.starting("question", self.index, self.present) for span in self._real_triggers(pattern)
        }
        # Someone else's ("mums"): reaches the word right after it, and the rest of
        # the clause when the patient is not in it (see :meth:`theirs`).
        self.others_ends = {
            span[1] for pattern in matcher.starting("others", self.index, self.present) for span in self.spans(pattern)
        }
        # Where each word for another person ends, and where it starts ("sister in law").
        self.people_starts = {
            span[1]: span[0]
            for name in ("people", "others")
            for pattern in matcher.starting(name, self.index, self.present)
            for span in self.spans(pattern)
        }
        self.people_ends = {
            span[1] for pattern in matcher.starting("people", self.index, self.present) for span in self.spans(pattern)
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

    def _clause_edge(self, at: int, step: int) -> int:
        """The last position of the clause from ``at`` going by ``step`` (-1 back, 1 on)."""
        while 0 <= at + step < len(self.tokens):
            token = self.tokens[at + step]
            if token in _SENTENCE_END or token == "," or self.is_break(at + step):
                break
            at += step
        return at

    def theirs(self, start: int, mine: set[int]) -> bool:
        """Whether the words at ``start`` belong to someone named before them in the clause.

        "my mate Dave has numbness in both legs", "my sister's friend Jo had a
        fall": after a word for another person the clause is theirs, unless the
        patient is in it ("hubby had to clean me up", "my wife says I can't
        feel") or it reports on the patient ("she noticed").
        """
        first = self._clause_edge(start, -1)
        last = self._clause_edge(start, 1)
        person = next((at for at in range(start, first, -1) if at in self.people_ends and at - 1 not in mine), None)
        if person is None:
            return False
        # The words that name whose the person is ("my sister's friend") are not the patient.
        owner = person - 1
        while owner >= first:
            if owner + 1 in self.people_starts:
                owner = self.people_starts[owner + 1] - 1
            elif self.tokens[owner] in self.matcher.owners:
                owner -= 1
            else:
                break
        # The person must be what the clause is about: its subject ("my mate Dave has"), or
        # one a relative clause tells of ("visited my neighbour who has"), not its object
        # ("picked up my grandson and the pain was excruciating").
        # ("he", "she"; or a person a verb follows: "Mum's carer says Mum is incontinent")
        subject_pronoun = self.tokens[person - 1] in _SUBJECT_PRONOUNS or (
            person < len(self.tokens) and self.tokens[person] in _SUBJECT_VERBS
        )
        if (
            owner >= first
            and not subject_pronoun
            and not any(self.tokens[at] in _RELATIVE for at in range(person, min(person + 2, last + 1)))
        ):
            return False
        patient = self.matcher.own | self.matcher.reported
        return not any(self.tokens[at] in patient for at in range(person, last + 1))

    def _together(self, person: int) -> bool:
        """Whether the person starting at ``person`` is named with the patient ("me and my wife")."""
        tokens = self.tokens
        if person < 3 or tokens[person - 1] not in ("my", "our"):
            return False
        return tokens[person - 2] == "and" and tokens[person - 3] in self.matcher.own

    def _asked_about(self, start: int, mine: set[int]) -> bool:
        """Whether a question or check earlier in the sentence reaches ``start``.

        "GP ran through the usual list, bladder, bowels, numb bits": a question
        reaches over a list, ``_QUESTION_REACH`` words back at most, but not over a
        break ("but") or a clause with a subject of its own ("…, I said I've been leaking").
        """
        words, at = 0, start - 1
        while at >= 0 and words <= _QUESTION_REACH:
            token = self.tokens[at]
            if token in _SENTENCE_END or self.is_break(at):
                return False
            if token == ",":
                if at + 1 < len(self.tokens) and self.tokens[at + 1] in _CLAUSE_SUBJECTS:
                    return False
            else:
                if at + 1 in self.question_ends and at not in mine:
                    return True
                words += 1
            at -= 1
        return False

    def negated(self, span: Span, mine: set[int], whose: bool = True) -> bool:
        """Whether a negation, resolution or question covers ``span`` in its clause.

        ``mine``: the positions of the sign's own words in the sentence; a
        negation word inside them ("no feeling") is part of the sign.
        ``whose``: whether words that are someone else's count as negated ("both
        her legs", "my mate Dave has"); not for words that rule a sign out, which
        rule it out whoever they are about ("dogs back legs", "grandson is potty training").
        """
        window = self.screening.negation.window
        start, end = span
        # ("wife changed the bed twice": what someone did for the patient is the patient's.)
        if whose and (
            start in self.others_ends
            and start - 1 not in mine
            and self.tokens[start] not in self.matcher.reported
            and not self._together(self.people_starts.get(start, start))
        ):
            return True
        # A sign's words that name someone else's body inside them ("both her legs") are theirs
        # ("a mind of their own" is an idiom, not a person).
        if (
            whose
            and self.others_ends
            and any(
                at in self.others_ends and self.tokens[at] not in self.matcher.reported and self.tokens[at] != "own"
                for at in range(start + 1, end)
            )
        ):
            return True
        if whose and self.people_ends and self.theirs(start, mine):
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
                    # ("loosened the laces and it was fine": words that rule a sign out are
                    # not undone by a word that says all is well)
                    if not whose and self.tokens[trigger[0]] in _ALL_WELL_WORDS:
                        continue
                    if not any(p in mine for p in range(*trigger)):
                        return True
                words += 1
            at -= 1
        if self.question_ends and self._asked_about(start, mine):
            return True
        # A resolution that ends the clause reaches further back than a negation reaches on
        # ("that numb patch on the outside of my calf from last month has gone completely"),
        # but beyond a negation's reach not past "and" ("numb down there since Tuesday and the
        # back pain has settled").
        words, at = 0, end
        while at < len(self.tokens) and words <= _RESOLUTION_REACH:
            if not self.is_word(at) or self.is_break(at):
                break
            if words > window and self.tokens[at] == "and":
                break
            for trigger in self.after_starts.get(at, ()):
                # (a resolution after words that rule a sign out does not undo them: "since the
                # twins were born 20 years ago")
                if not whose:
                    continue
                if not any(p in mine for p in range(*trigger)):
                    return True
            words += 1
            at += 1
        return False
