"""The quick paths of screening (sentences remembered by their text and their
shape, the quick key-word test, the narrowed fuzzy lookup) find exactly what
the rules find when every sentence is worked out in full."""

from __future__ import annotations

import random

from journal.core import screening

_PUNCTUATION = [".", ",", "!", "?", ";", ":", "\n", "'", "&", "don't", "can't"]
_SENTENCES = [
    "Back stiff this morning, loosened up after a shower.",
    "Walked the dog round the park, felt fine.",
    "No numbness or tingling today, legs feel normal.",
    "Bladder and bowels fine.",
    "Had a wee bit of a lie-in which helped.",
    "Fell asleep on the sofa watching the news.",
    "The tingling in my foot has gone now.",
    "Numb down there when I wipe.",
    "Could not pee properly all morning.",
    "Foot slapping the floor when I walk.",
    "Pain in both legs today.",
    "Slipped on the ice and landed on my back.",
    "The doctor asked if I'd had a fall; I haven't.",
]


def _vocabulary(rules: screening.Screening) -> list[str]:
    """Every word the lists use (prefixes as typed words), and a few more."""
    lists: list[str] = [*rules.ignore, *rules.not_misspellings]
    negation = rules.negation
    for listed in (negation.before, negation.after, negation.hypothetical, negation.pseudo, negation.breaks, negation.fillers):
        lists.extend(listed)
    for sign in rules.signs:
        lists.extend(sign.unless)
        for groups in sign.alternatives:
            for group in groups:
                lists.extend(group)
    words = {part.rstrip("*") for pattern in lists for part in screening.words_of_pattern(pattern)}
    return sorted(word for word in words if word and word not in ("*", "?"))


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 12)))


def _text(rng: random.Random, vocabulary: list[str]) -> str:
    out: list[str] = []
    for _ in range(rng.randint(1, 50)):
        roll = rng.random()
        if roll < 0.5:
            out.append(rng.choice(vocabulary))
        elif roll < 0.65:  # a misspelling: one letter changed, dropped or added
            word = rng.choice(vocabulary)
            at = rng.randrange(len(word) + 1)
            letter = rng.choice("aeiostnl")
            out.append(
                rng.choice([word[:at] + letter + word[at + 1 :], word[:at] + word[at + 1 :], word[:at] + letter + word[at:]])
            )
        elif roll < 0.8:
            out.append(_made_up(rng).title() if rng.random() < 0.3 else _made_up(rng))
        elif roll < 0.9:
            out.append(rng.choice(_PUNCTUATION))
        else:
            out.append(rng.choice(_SENTENCES))
    return " ".join(out)


def _worked_out_in_full(text: str, rules: screening.Screening) -> list[str]:
    """The slow reference: every sentence through the full rules, nothing remembered or skipped."""
    every = frozenset(range(len(rules.signs)))
    found: set[str] = set()
    # The sentences as the rules read them (respelled, questions answered, a sentence that
    # carries on the one before joined to it), each worked out in full.
    pieces = screening._pieces(text, screening._matcher(rules))
    for _piece, tokens, joins in pieces:
        if joins is not None:
            _piece, tokens = screening.joined(pieces, joins)
        found.update(screening._signs_in_sentence(tokens, rules, every))
    return [sign.name for sign in rules.signs if sign.name in found]


def test_screening_finds_what_the_full_rules_find_on_a_large_generated_corpus() -> None:
    rules = screening.default_screening()
    screening._MATCHERS.clear()
    rng = random.Random(26)
    vocabulary = _vocabulary(rules)
    texts = [_text(rng, vocabulary) for _ in range(500)]
    texts += texts[:150]  # the same texts again: remembered sentences give the same answer
    found = [screening.suggested_signs(text, rules) for text in texts]
    assert found == [_worked_out_in_full(text, rules) for text in texts]
    # The corpus holds plenty of both answers, so the comparison means something.
    assert 100 < sum(1 for signs in found if signs) < len(texts) - 100


def test_names_and_places_do_not_change_what_a_sentence_means() -> None:
    rules = screening.default_screening()
    screening._MATCHERS.clear()
    first = screening.suggested_signs("Numb down there since seeing Zorblat at Quennick.", rules)
    second = screening.suggested_signs("Numb down there since seeing Plimsy at Haverton.", rules)
    assert first == second
    assert "numbness in the saddle area" in first
    # A word one edit from a sign's word is not a mere name.
    assert "numbness in the saddle area" in screening.suggested_signs("Numb sadle since seeing Plimsy at Haverton.", rules)
