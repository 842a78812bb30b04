"""Text in any script made ready for a renderer that draws glyphs left to right.

reportlab draws the characters it is given, in the order given, one glyph
each. That is right for Latin, Greek, Cyrillic and CJK, but Arabic and
Hebrew are written right to left and Arabic letters change shape with their
neighbours. This module does both steps in plain Python (the standard
library's Unicode tables only):

* :func:`shape_arabic` picks each Arabic letter's contextual form (isolated,
  initial, medial, final, and the lam-alef ligatures) from Unicode's Arabic
  Presentation Forms, which every Arabic font carries;
* :func:`visual_order` applies the Unicode bidirectional algorithm (UAX #9)
  to one line without explicit embeddings: weak and neutral types, levels,
  reversal and mirrored brackets, keeping combining marks with their letter;
* :func:`clusters` splits text into a letter and the marks that belong to it,
  so a renderer can choose one font per cluster.

HarfBuzz would also shape Indic and South-East Asian scripts; it is not a
dependency of this app, so those are drawn letter by letter, with only the
short-i vowel sign moved before its consonant (:func:`reorder_pre_base_matras`);
conjuncts show their virama.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache
from typing import Final

#: Bidi controls and joiners have done their work once text is ordered and shaped;
#: fonts draw most of them as boxes, so they are dropped from what is drawn.
INVISIBLE_CONTROLS: Final = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\ufeff"
)
_ZWJ: Final = "\u200d"
_TATWEEL: Final = "\u0640"
_MIRRORS: Final = dict(zip("()[]{}<>«»‹›⁅⁆⁽⁾₍₎", ")(][}{><»«›‹⁆⁅⁾⁽₎₍"))
_OPENERS: Final = {"(": ")", "[": "]", "{": "}", "«": "»", "‹": "›"}
_STRONG_RTL: Final = frozenset({"R", "AL"})
_NEUTRAL: Final = frozenset(
    {"WS", "ON", "S", "B", "ES", "CS", "ET", "BN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
)
_LAM: Final = "\u0644"
_LAM_ALEF: Final = {  # alef variant → (isolated, final) ligature with lam
    "\u0622": ("\ufef5", "\ufef6"),
    "\u0623": ("\ufef7", "\ufef8"),
    "\u0625": ("\ufef9", "\ufefa"),
    "\u0627": ("\ufefb", "\ufefc"),
}


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


# ---------------------------------------------------------------- Arabic shaping


@cache
def _arabic_forms(char: str) -> dict[str, str]:
    """The presentation forms Unicode names for an Arabic letter ({} for other characters)."""
    name = unicodedata.name(char, "")
    if not name.startswith("ARABIC LETTER") or "FORM" in name:
        return {}
    forms = {}
    for form in ("ISOLATED", "FINAL", "INITIAL", "MEDIAL"):
        try:
            forms[form] = unicodedata.lookup(f"{name} {form} FORM")
        except KeyError:
            continue
    return forms


def _joins_both_ways(char: str) -> bool:
    forms = _arabic_forms(char)
    return "INITIAL" in forms or "MEDIAL" in forms or char in (_TATWEEL, _ZWJ)


def _joins_to_previous(char: str) -> bool:
    return "FINAL" in _arabic_forms(char) or char in (_TATWEEL, _ZWJ)


def _transparent(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me") or (unicodedata.category(char) == "Cf" and char not in ("\u200c", _ZWJ))


def shape_arabic(text: str) -> str:
    """Arabic letters replaced by their contextual presentation forms (logical order kept)."""
    if not any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in text):
        return text
    chars = list(text)

    def neighbour(index: int, step: int) -> str:
        index += step
        while 0 <= index < len(chars) and _transparent(chars[index]):
            index += step
        return chars[index] if 0 <= index < len(chars) else ""

    out: list[str] = []
    skip = -1
    for index, char in enumerate(chars):
        if index == skip:
            continue
        forms = _arabic_forms(char)
        if not forms:
            out.append(char)
            continue
        before, after = neighbour(index, -1), neighbour(index, 1)
        joins_before = bool(before) and _joins_both_ways(before) and _joins_to_previous(char)
        if char == _LAM and index + 1 < len(chars) and chars[index + 1] in _LAM_ALEF:
            isolated, final = _LAM_ALEF[chars[index + 1]]
            out.append(final if joins_before else isolated)
            skip = index + 1
            continue
        joins_after = bool(after) and _joins_both_ways(char) and _joins_to_previous(after)
        form = "MEDIAL" if joins_before and joins_after else "FINAL" if joins_before else "INITIAL" if joins_after else "ISOLATED"
        out.append(forms.get(form) or forms.get("ISOLATED") or char)
    return "".join(out)


# ---------------------------------------------------------------- Indic vowel signs

#: Vowel signs written after their consonant but drawn before it (short i in
#: Devanagari, Bengali, Gurmukhi, Gujarati). Without a shaping engine the one
#: visible reordering is done here; conjuncts still show their virama.
PRE_BASE_MATRAS: Final = frozenset("\u093f\u09bf\u0a3f\u0abf")
_VIRAMAS: Final = frozenset("\u094d\u09cd\u0a4d\u0acd")


def reorder_pre_base_matras(parts: list[str]) -> list[str]:
    """Clusters with each pre-base vowel sign moved before its consonant cluster.

    ``["क", "ि"]``-style input never occurs (marks join their letter), so a
    cluster ending in the sign, such as ``"कि"``, becomes ``"िक"``; after a
    virama (``स्ति``: ``["स्", "ति"]``) the sign goes before the whole conjunct.
    """
    out: list[str] = []
    for part in parts:
        matra = next((c for c in part[1:] if c in PRE_BASE_MATRAS), None)
        if matra is None:
            out.append(part)
            continue
        start = len(out)
        while start > 0 and out[start - 1][-1:] in _VIRAMAS:
            start -= 1  # the consonants joined to this one by a virama
        out[start:] = [matra + "".join(out[start:]) + part.replace(matra, "", 1)]
    return out


# ---------------------------------------------------------------- bidi


def _bidi_type(cluster: str) -> str:
    kind = unicodedata.bidirectional(cluster[0])
    return "ON" if kind in ("NSM", "") else kind


def base_direction(text: str) -> str:
    """ "rtl" when the first strong letter is Hebrew, Arabic or another right-to-left script."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in _STRONG_RTL:
            return "rtl"
    return "ltr"


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in _STRONG_RTL for c in text)


def _strong(kind: str) -> str | None:
    return "L" if kind == "L" else "R" if kind in ("R", "EN", "AN") else None


def _pair_brackets(types: list[str], base: int, brackets: list[str]) -> None:
    """Rule N0: a pair of brackets takes the direction of what it encloses, in context."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for index, char in enumerate(brackets):
        if types[index] != "ON":
            continue
        if char in _OPENERS:
            stack.append((_OPENERS[char], index))
        elif char in _OPENERS.values():
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    embedding = "R" if base else "L"
    for opening, closing in sorted(pairs):
        inside = {_strong(types[k]) for k in range(opening + 1, closing)} - {None}
        if embedding in inside:
            direction = embedding
        elif inside:
            context = next((_strong(types[k]) for k in range(opening - 1, -1, -1) if _strong(types[k])), None) or embedding
            direction = context if context != embedding else embedding
        else:
            continue
        types[opening] = types[closing] = direction


def _resolve(types: list[str], base: int, brackets: list[str] | None = None) -> list[int]:
    """Embedding levels per cluster (rules W1–W7, N0–N2, I1–I2 of UAX #9, one paragraph level).

    ``brackets`` holds each cluster's text, for pairing brackets (N0).
    """
    sos = "R" if base else "L"
    # W2: European numbers after Arabic letters are Arabic numbers; W3: AL is R.
    last_strong = sos
    for i, kind in enumerate(types):
        if kind in ("L", "R", "AL"):
            last_strong = kind
        elif kind == "EN" and last_strong == "AL":
            types[i] = "AN"
    types[:] = ["R" if t == "AL" else t for t in types]
    # W4: a single separator between two numbers of one kind joins them.
    for i in range(1, len(types) - 1):
        if types[i] == "ES" and types[i - 1] == types[i + 1] == "EN":
            types[i] = "EN"
        elif types[i] == "CS" and types[i - 1] == types[i + 1] and types[i - 1] in ("EN", "AN"):
            types[i] = types[i - 1]
    # W5: terminators (%, $, °) next to European numbers are numbers.
    for i, kind in enumerate(types):
        if kind == "ET":
            j = i
            while j < len(types) and types[j] == "ET":
                j += 1
            number_before = i > 0 and types[i - 1] == "EN"
            if number_before or (j < len(types) and types[j] == "EN"):
                for k in range(i, j):
                    types[k] = "EN"
    # W6: other separators and terminators are neutral; W7: numbers after L are L.
    types[:] = ["ON" if t in ("ES", "ET", "CS") else t for t in types]
    last_strong = sos
    for i, kind in enumerate(types):
        if kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN" and last_strong == "L":
            types[i] = "L"
    _pair_brackets(types, base, brackets or [])
    # N1/N2: neutrals between two of one direction take it, others the paragraph's.
    i = 0
    while i < len(types):
        if types[i] not in _NEUTRAL:
            i += 1
            continue
        j = i
        while j < len(types) and types[j] in _NEUTRAL:
            j += 1
        before = sos if i == 0 else ("R" if types[i - 1] in ("R", "EN", "AN") else "L")
        after = sos if j == len(types) else ("R" if types[j] in ("R", "EN", "AN") else "L")
        neutral_direction = before if before == after else sos
        for k in range(i, j):
            types[k] = neutral_direction
        i = j
    # I1/I2
    levels = []
    for kind in types:
        if base == 0:
            levels.append(0 if kind == "L" else 1 if kind == "R" else 2)
        else:
            levels.append(1 if kind == "R" else 2)
    return levels


def visual_order(line: str, direction: str | None = None) -> str:
    """One line (no line breaks) shaped and put in the order it is drawn, left to right.

    ``direction`` is "ltr" or "rtl"; by default the first strong letter decides.
    """
    line = shape_arabic(line)
    parts = [c for c in clusters(line) if c[0] not in INVISIBLE_CONTROLS]
    parts = ["".join(ch for ch in part if ch not in INVISIBLE_CONTROLS) or part for part in parts]
    parts = reorder_pre_base_matras(parts)
    if not any(_bidi_type(p) in _STRONG_RTL or _bidi_type(p) == "AN" for p in parts) and direction != "rtl":
        return "".join(parts)
    base = 1 if (direction or base_direction(line)) == "rtl" else 0
    levels = _resolve([_bidi_type(p) for p in parts], base, parts)
    # L1: whitespace at the end of the line goes to the paragraph level.
    k = len(parts) - 1
    while k >= 0 and unicodedata.bidirectional(parts[k][0]) in ("WS", "S", "B"):
        levels[k] = base
        k -= 1
    # A renderer breaks lines in drawing order, which would put a right-to-left phrase's
    # words on the wrong lines: its spaces (all of a right-to-left line's) do not break.
    # Longer text is broken in reading order first (see pdf_text.PatientParagraph).
    parts = ["\u00a0" if p == " " and (base or level % 2) else p for p, level in zip(parts, levels)]
    # L4: brackets at odd (right-to-left) levels are drawn mirrored.
    parts = [_MIRRORS.get(p, p) if level % 2 else p for p, level in zip(parts, levels)]
    # L2: from the highest level down to the lowest odd one, reverse each run at or above it.
    order = list(range(len(parts)))
    highest = max(levels, default=0)
    lowest_odd = min((lv for lv in levels if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if levels[order[i]] >= level:
                j = i
                while j < len(order) and levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return "".join(parts[i] for i in order)


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


def runs_by(parts: list[str], key: dict[int, object]) -> Iterator[tuple[object, str]]:
    """Consecutive clusters with the same ``key[index]``, joined: ``(key, text)``."""
    current: object = None
    text = ""
    for index, part in enumerate(parts):
        value = key[index]
        if text and value != current:
            yield current, text
            text = ""
        current = value
        text += part
    if text:
        yield current, text
