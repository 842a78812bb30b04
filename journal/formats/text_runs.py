"""Small facts about text in any script, for laying it out in the PDF.

* :func:`clusters` splits text into a letter and the marks that belong to it,
  so a renderer can choose one font per cluster;
* :func:`base_direction` and :func:`has_rtl` tell a right-to-left paragraph;
* :func:`script_name` names a script for a sentence ("Thai").

The bidirectional algorithm and glyph shaping themselves are python-bidi's
and HarfBuzz's (:mod:`journal.formats.shaping`). Standard library only.
"""

from __future__ import annotations

import unicodedata
from typing import Final

#: Bidi controls and joiners have done their work once text is ordered and shaped;
#: fonts draw most of them as boxes, so they are dropped from what is drawn.
INVISIBLE_CONTROLS: Final = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"
)
_STRONG_RTL: Final = frozenset({"R", "AL"})


# ---------------------------------------------------------------- clusters


def is_mark(char: str) -> bool:
    """A character drawn on or beside the one before it (accents, vowel signs, joiners)."""
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char in ("\u200d", "\ufe0e", "\ufe0f")
        or ("\U000e0100" <= char <= "\U000e01ef")
        or ("\U0001f3fb" <= char <= "\U0001f3ff")
    )


def clusters(text: str) -> list[str]:
    """``text`` as letters, each with the marks that follow it."""
    found: list[str] = []
    for char in text:
        if found and is_mark(char) and found[-1][-1] != "\n":
            found[-1] += char
        else:
            found.append(char)
    return found


# ---------------------------------------------------------------- bidi


def base_direction(text: str) -> str:
    """ "rtl" when the first strong letter is Hebrew, Arabic or another right-to-left script.

    As the bidirectional algorithm's rule P2, letters inside an isolate
    (U+2066–U+2068 … U+2069) do not count.
    """
    isolates = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("LRI", "RLI", "FSI"):
            isolates += 1
        elif kind == "PDI":
            isolates = max(0, isolates - 1)
        elif isolates:
            continue
        elif kind == "L":
            return "ltr"
        if kind in _STRONG_RTL:
            return "rtl"
    return "ltr"


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _STRONG_RTL for c in text)


def script_name(char: str) -> str:
    """A script's name for a sentence: "Thai", "Devanagari", "Chinese, Japanese or Korean"."""
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC", "KANGXI", "BOPOMOFO"):
        return {"HANGUL": "Korean", "HIRAGANA": "Japanese", "KATAKANA": "Japanese"}.get(first, "Chinese, Japanese or Korean")
    if first in ("", "MATHEMATICAL", "MUSICAL", "PRIVATE") or not first.isalpha():
        return "these symbols"
    if first in ("SMILING", "GRINNING", "FACE", "WHITE", "BLACK", "HEAVY") or unicodedata.category(char) == "So":
        return "emoji and symbols"
    return first.title()
