"""Text as the screening reads it: case-folded words, sentences, answered questions, one-edit misspellings."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

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
