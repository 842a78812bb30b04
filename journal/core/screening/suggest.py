"""The suggestion rules: which signs a text may describe, and which imported days to look at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from journal.core.catalog import default_catalog, name_key
from journal.core.day import DayEntry
from journal.core.screening.matcher import _Matcher, _matcher
from journal.core.screening.scope import _Text
from journal.core.screening.text import _MEMO_LIMIT, _SENTENCE_SPLIT, _TOKEN, _answered, _normal_text
from journal.core.screening.words import Screening, SignWords, Span, default_screening


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
            if any(not text.negated(span, ruled, whose=False) for span in ruled_out):
                continue
            return True
    return False


def suggested_signs(text: str, screening: Screening | None = None) -> list[str]:
    """Catalog warning signs that ``text`` may describe, in the data file's order.

    Pure, and linear in the length of ``text``.
    """
    rules = default_screening() if screening is None else screening
    normal = _answered(_normal_text(text))
    matcher = _matcher(rules)
    if matcher.written_for_someone_else(normal):
        # "Grandma asked me to type this: both her legs are weak": her signs are the patient's.
        rules = matcher.rules_for_the_person_named()
        matcher = _matcher(rules)
    # Every rule works within one sentence, so each sentence is looked at on
    # its own, and a sentence met before (word for word, or in shape: see
    # _Matcher.shape) is not worked out again.
    found: set[str] = set()
    readings = matcher.readings
    pairs = matcher.pairs
    # The run of sentences that carry each other on, up to _CHAIN of them, read as one
    # ("Stood at the urinal for ages. Nothing. Then a pathetic dribble."): the readings in it,
    # and together their signs and their key words' groups.
    run: list[_Reading] = []
    run_signs: frozenset[str] = frozenset()
    run_hits: frozenset[int] = frozenset()
    run_words = 0
    for typed in _SENTENCE_SPLIT.split(normal):
        reading = readings.get(typed)
        if reading is None:
            piece, tokens, carries_on = _read(typed, matcher)
            signs, hits = _signs_in(matcher, tokens, rules) if tokens else (frozenset(), frozenset())
            if len(readings) > _MEMO_LIMIT:
                readings.clear()
            reading = readings[typed] = (piece, tokens, carries_on, signs, hits, len(tokens) - tokens.count(","))
        if not reading[1]:
            continue
        if reading[3]:
            found.update(reading[3])
        # A sentence that carries on the one before (or follows a short topic) is also read
        # joined to it, but only where both hold a key word: no pattern runs across the join
        # and a negation only takes words away, so the join can add only a sign with words in both.
        if run and len(run) < _CHAIN and (reading[2] or run_words <= _TOPIC_WORDS):
            if reading[4] and run_hits:
                before = run[0][0] if len(run) == 1 else " , ".join(r[0] for r in run)
                pair = (before, reading[0])
                known = pairs.get(pair)
                if known is None:
                    known = frozenset()
                    if _joined_may_add_a_sign(matcher, rules, run_hits, reading[4], run_signs | reading[3]):
                        tokens = [token for r in run for token in (*r[1], ",")]
                        known = _signs_in(matcher, [*tokens, *reading[1]], rules)[0]
                    if len(pairs) > _MEMO_LIMIT:
                        pairs.clear()
                    pairs[pair] = known
                if known:
                    found.update(known)
                    run_signs = run_signs | known
            run.append(reading)
            run_signs = run_signs | reading[3]
            run_hits = run_hits | reading[4]
            run_words += reading[5]
        else:
            run = [reading]
            run_signs, run_hits, run_words = reading[3], reading[4], reading[5]
    return [sign.name for sign in rules.signs if sign.name in found] if found else []


_FRAGMENT_WORDS = 3
_TOPIC_WORDS = 4
_CHAIN = 3  # sentences read as one at most


def _topic(tokens: list[str]) -> bool:
    """Whether a sentence is a short topic that the next one tells of ("Peeing is weird. Wait
    ages before anything comes"): four words or fewer."""
    return len(tokens) - tokens.count(",") <= _TOPIC_WORDS


#: A sentence as read and its tokens; for sentences joined, also the places of the two
#: pieces joined (the first may itself be a join).
Piece = tuple[str, list[str], tuple[int, int] | None]


def joined(pieces: Sequence[Piece], joins: tuple[int, int]) -> tuple[str, list[str]]:
    """Two sentences of :func:`_pieces` read as one, the join a clause break."""
    (before, before_tokens, _), (after, after_tokens, _) = pieces[joins[0]], pieces[joins[1]]
    return before + " , " + after, [*before_tokens, ",", *after_tokens]


#: A sentence as typed, as read: its text, tokens, whether it carries on the one before,
#: its signs, its key words' groups (see _Matcher.coded) and how many words it has.
_Reading = tuple[str, list[str], bool, frozenset[str], frozenset[int], int]


def _read(typed: str, matcher: _Matcher) -> tuple[str, list[str], bool]:
    """One sentence as the rules read it (respelled), its tokens, and whether it carries on the one before."""
    tokens = _TOKEN.findall(typed)
    piece = typed
    spellings = matcher.spellings
    if spellings and not spellings.keys().isdisjoint(tokens):
        tokens = [word for token in tokens for word in spellings.get(token, token).split()]
        piece = " ".join(tokens)
    # (a sentence's tokens are words and commas: no sentence end is among them)
    carries_on = bool(tokens) and (
        (len(tokens) <= 2 * _FRAGMENT_WORDS and len(tokens) - tokens.count(",") <= _FRAGMENT_WORDS)
        or (tokens[0] in matcher.continuing_firsts and matcher.continues(tokens))
    )
    return piece, tokens, carries_on


def _pieces(text: str, matcher: _Matcher) -> list[Piece]:
    """The sentences of ``text`` as the rules read them (questions answered, respelled) and
    their tokens, each followed by itself joined to the one before where it carries that one on
    (with the places of the two sentences in the list).

    "Went down on the bathroom floor. Now I can barely breathe": a sentence that
    starts with a word of ``continuing``, or a fragment of a few words ("Third
    night."), may complete a sign's words begun in the sentence before.
    """
    pieces: list[Piece] = []
    previous: int | None = None
    chained = 0
    for typed in _SENTENCE_SPLIT.split(_answered(_normal_text(text))):
        reading = _read(typed, matcher)
        piece, tokens, carries_on = reading
        if not tokens:
            continue
        pieces.append((piece, tokens, None))
        here = len(pieces) - 1
        if previous is not None and chained < _CHAIN and (carries_on or _topic(pieces[previous][1])):
            # (a run of sentences that carry each other on is one piece: the join holds its words)
            pieces.append((*joined(pieces, (previous, here)), (previous, here)))
            previous, chained = len(pieces) - 1, chained + 1
        else:
            previous, chained = here, 1
    return pieces


def _joined_may_add_a_sign(
    matcher: _Matcher, rules: Screening, before: frozenset[int], after: frozenset[int], found: frozenset[str]
) -> bool:
    """The quick test for two sentences joined: a sign may be found that neither found alone.

    No pattern runs across the join and a negation only takes words away, so the
    joined sentence can add only a sign with words in both: each must hold a key
    word (``before`` and ``after``: their key words' groups, see _Matcher.coded), and
    together they must pass the quick test for a sign not in ``found``.
    """
    maybe = matcher.signs_maybe_in((before, after))
    return any(rules.signs[number].name not in found for number in maybe)


def _signs_in(matcher: _Matcher, sentence: list[str], rules: Screening) -> tuple[frozenset[str], frozenset[int]]:
    """The signs one sentence (its tokens, no sentence end among them) may describe, and its key
    words' groups (see _Matcher.coded), remembered by its shape."""
    shape = matcher.shape(sentence)
    signs = matcher.sentences.get(shape)
    if signs is None:
        # The quick test first: the words that are a key word of some sign's group.
        hits = matcher.sentence_codes(set(sentence))
        maybe = matcher.signs_maybe_in((hits,))
        signs = (_signs_in_sentence(sentence, rules, maybe) if maybe else frozenset(), hits)
        if len(matcher.sentences) > _MEMO_LIMIT:
            matcher.sentences.clear()
        matcher.sentences[shape] = signs
    return signs


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
