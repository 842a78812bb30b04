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
    ],
)
def test_everyday_words_that_are_not_signs(text: str) -> None:
    assert suggested_signs(text) == []
