"""Scope rules added after set B: someone else's sign, "asked do I", word families that are not prefixes."""

from __future__ import annotations

import pytest

from journal.core.screening import suggested_signs

LOSS = "loss of bladder or bowel control"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mum's incontinence is getting worse", []),
        ("my dad's incontinence pads arrived today", []),
        # someone else's reaches only the word it owns
        ("wearing my wife's incontinence pads now, leaking all day", [LOSS]),
        ("Nurse asked do I ever lose control of my bladder. No, never.", []),
        ("I lost control of my bladder in the night", [LOSS]),
    ],
)
def test_whose_sign_and_questions(text: str, expected: list[str]) -> None:
    assert suggested_signs(text) == expected


def test_numb_is_a_word_family_not_a_prefix() -> None:
    assert suggested_signs("Came number two in the pub quiz") == []
    assert suggested_signs("my foot is numb") == ["numbness or tingling in legs"]
    assert suggested_signs("numbing feeling down there") == ["numbness in the saddle area"]


@pytest.mark.parametrize(
    "text",
    [
        "Had a fall in the shares today",
        "Autumn leaves keep falling",
        "Slipped on wet leaves but caught myself, didn't fall",
        "Leaking tap in the bathroom",
        "Got chills on the news watching the rescue",
        "my foot went to sleep sitting cross-legged",
        "my car battery gave out",
        "my water bottle leaked in my bag",
        "the tumble dryer broke",
        "thrown off by the new schedule",
        "collision of meetings today",
    ],
)
def test_everyday_words_that_are_not_signs(text: str) -> None:
    assert suggested_signs(text) == []


def test_every_word_prefix_has_a_whole_form_so_misspellings_are_found() -> None:
    # One-edit matching compares whole words: a prefix ("accident*") alone would find
    # "accidents" but never "acccident". Each group lists whole forms beside its prefixes.
    from journal.core.screening import default_screening, words_of_pattern

    bare = []
    for sign in default_screening().signs:
        for groups in sign.alternatives:
            for group in groups:
                whole = {p for p in group if "*" not in p and " " not in p}
                for pattern in group:
                    parts = words_of_pattern(pattern)
                    stem = pattern[:-1]
                    if len(parts) == 1 and pattern.endswith("*") and len(stem) >= 4:
                        if not any(word.startswith(stem) for word in whole):
                            bare.append((sign.name, pattern))
    assert bare == []
    assert suggested_signs("had an acccident in my pants") == [LOSS]
