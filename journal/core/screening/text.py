"""Text as the screening reads it: case-folded words, sentences, answered questions, one-edit misspellings."""

from __future__ import annotations

import re
from collections.abc import Mapping
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
# The same question answered by owning up to it ("asked if I'd had any accidents and I had to
# own up to two"): a yes, read as the question itself.
_ADMITTED: Final = re.compile(
    r"\b(?:asked|asks|asking)(?: me)? (?:if|whether) (?P<question>[^.!?;\n]+?)\s*[-–—:,]*\s+(?:and\s+|so\s+)?"
    r"(?:i\s+)?(?:had to |have to |did |do )?(?:admit(?:ted)?|own(?:ed)? up|confess(?:ed)?|say yes|said yes)\b"
)
_TURNED: Final = (
    ("i can ", "i cant "),
    ("i could ", "i couldnt "),
    ("i do ", "i dont "),
    ("i did ", "i didnt "),
    # a question the patient put to themselves ("could I feel it when I wiped? no")
    ("can i ", "i cant "),
    ("could i ", "i couldnt "),
    ("do i ", "i dont "),
    ("did i ", "i didnt "),
    ("am i able to ", "not able to "),
    ("are you able to ", "not able to "),
    ("able to ", "not able to "),
    ("can you ", "i cant "),
    ("could you ", "i couldnt "),
    ("do you ", "i dont "),
    ("did you ", "i didnt "),
)
# A question and its answer after the question mark ("Catheter? No.", "Any numbness down
# there? None", "Could I feel it when I wiped? No"): read like an asked question above.
_SELF_ANSWERED: Final = re.compile(
    r"(?:^|(?<=[.!?;:\n]))(?P<question>[^.!?;:\n]+?)\s*\?+\s*"
    r"(?:i (?:say|said|tell|told|answer|answered)(?: (?:him|her|them))? )?"
    r"(?P<answer>no|none|nope|nah|not at all|not really|never|none whatsoever|negative|yes|yeah|yep|yup)\b(?!\s+(?:idea|clue))"
)
# A question that asks whether all is well ("Bladder ok? No"): a no is no resolution.
# A question about a function that should work ("any feeling down there?", "control ok?").
_FUNCTION: Final = re.compile(r"\b(?:feel|feeling|sensation|control|urge)\b")
_ALL_WELL: Final = re.compile(r"\s+(?:ok|okay|fine|normal|alright|all right|good|working)$")


# Several short questions answered together ("Pharmacist asked fever? weight loss? night
# sweats? No, no and no"): each question is answered no.
_SERIES: Final = re.compile(
    r"(?:^|(?<=[.!;:\n]))(?P<questions>(?:[^.!?;:\n]+\?\s*){2,})"
    r"(?:i (?:say|said|tell|told|answer|answered)(?: (?:him|her|them))?,? )?"
    r"(?P<answers>(?:no|none|nope|nah)(?:\s*(?:,|and|&)?\s*(?:no|none|nope|nah))*)\b(?!\s+(?:idea|clue))"
)


def _each_answered_no(match: re.Match[str]) -> str:
    questions = [q.strip() for q in match["questions"].split("?") if q.strip()]
    return " ".join(("no " if _FUNCTION.search(q) else "answered no to ") + q + "." for q in questions)


def _answered(text: str) -> str:
    """``text`` (normalised) with each answered question read as what the patient said."""

    def statement(match: re.Match[str]) -> str:
        question = match["question"].strip()
        if match["answer"] in ("yes", "yeah", "yep", "yup"):
            return question + "."
        for asked, turned in _TURNED:
            if question.startswith(asked):
                return turned + question[len(asked) :] + "."
        if _ALL_WELL.search(question):
            return _ALL_WELL.sub(" not right", question) + "."
        if _FUNCTION.search(question):
            # "Any feeling down there? None": no to a working function is the sign itself.
            return "no " + question + "."
        return "answered no to " + question + "."

    if "ask" in text:
        text = _ANSWERED.sub(statement, text)
        text = _ADMITTED.sub(lambda m: m["question"] + ".", text)
    if "?" in text:
        text = _SERIES.sub(_each_answered_no, text)
        text = _SELF_ANSWERED.sub(lambda m: m.string[m.start() : m.start("question")] + statement(m), text)
    return text


def respelled(text: str, spellings: Mapping[str, str]) -> str:
    """``text`` (normalised) with each word of ``spellings`` written as the lists write it."""
    if not spellings:
        return text
    return _WORD.sub(lambda m: spellings.get(m.group(), m.group()), text)


_APOSTROPHES: Final = str.maketrans({"'": None, "’": None, "‘": None, "`": None, "´": None, "&": " and "})
_LONGEST_FUZZY_WORD: Final = 40  # longer "words" are not real words; no edits are tried
_MEMO_LIMIT: Final = 200_000


def words_of(text: str) -> list[str]:
    """``text`` as the matcher sees it: case-folded words without apostrophes."""
    return _WORD.findall(_normal(text))


# A number written against its unit ("lost 8kg"): read as two words, as the lists write it.
_NUMBER_UNIT: Final = re.compile(r"\d(?=(?:kgs?|kilos?|lbs?|st|stones?|pounds?|ml|litres?|liters?)\b)")
# An ellipsis is a pause, not the end of a sentence ("Had a fall... in my pension value").
_ELLIPSIS: Final = re.compile(r"\.{2,}|…")


# A question or a check that goes on after a colon ("GP ran through the checklist: any
# trouble on the dunny, any numb bits", "she asks: falls, fever"): the colon does not end its
# sentence, and what follows it is what was asked about.
_ASKED_COLON: Final = re.compile(
    r"\b(?P<asked>questions?|checklist|list|asked(?: me)?|asks(?: me)?|ask(?: me)?|checked me over|examined me|tested me)\s*:"
)


def _normal(text: str) -> str:
    """``text`` case-folded, apostrophes dropped ("can't" -> "cant"): a word or a pattern as the lists read it."""
    return text.casefold().translate(_APOSTROPHES)


def _normal_text(text: str) -> str:
    """A whole note as the rules read it: :func:`_normal`, a number split from its unit ("8kg"),
    an ellipsis read as a pause and a question's colon as going on."""
    folded = _NUMBER_UNIT.sub(r"\g<0> ", _normal(text))
    if ".." in folded or "…" in folded:
        folded = _ELLIPSIS.sub(",", folded)
    return _ASKED_COLON.sub(r"\g<asked>, asked about", folded) if ":" in folded else folded


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


def within_two_edits(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most two letters added, dropped, changed or swapped."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 2:
        return False
    # Restricted Damerau-Levenshtein distance, cut off above 2.
    previous2: list[int] = []
    previous = list(range(lb + 1))
    for i in range(1, la + 1):
        current = [i] + [0] * lb
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > 2:
            return False
        previous2, previous = previous, current
    return previous[lb] <= 2


# Spellings of one sound made one: -tion/-sion/-shun, ph/f, ck/k, wh/w; c before e, i, y as s.
_SOUNDS: Final = (("tion", "shn"), ("sion", "shn"), ("shun", "shn"), ("shon", "shn"), ("ph", "f"), ("ck", "k"), ("wh", "w"))
_SOFT_C: Final = re.compile(r"c(?=[eiy])")
_SOUND_LETTERS: Final = str.maketrans({"c": "k", "q": "k", "z": "s"})
_DOUBLED: Final = re.compile(r"(.)\1+")


def sound_key(word: str) -> str:
    """How ``word`` sounds, roughly: "sensashun" and "sensation" share a key ("sensashn").

    Spellings of one sound are made one (-tion, -sion and -shun; ph and f; c, k
    and s; z and s) and doubled letters are written once; vowels are kept, so
    "looking" and "leaking" stay apart.
    """
    for written, said in _SOUNDS:
        if written in word:
            word = word.replace(written, said)
    word = _SOFT_C.sub("s", word).translate(_SOUND_LETTERS)
    return _DOUBLED.sub(r"\1", word)


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
