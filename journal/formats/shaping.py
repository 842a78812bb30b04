"""Bidirectional levels and glyph shaping for text in any script (no rendering here).

* :func:`bidi_levels` runs the full Unicode Bidirectional Algorithm (UAX #9,
  with explicit embeddings, overrides and isolates) through ``python-bidi``,
  whose Rust core is the ``unicode-bidi`` crate;
* :func:`shape` runs HarfBuzz (``uharfbuzz``) over one run of text in one
  font and one direction: it picks each glyph (Arabic joining forms,
  Devanagari conjuncts and reordered vowel signs, Thai marks, ligatures) and
  its advance and offset, the way browsers and word processors do;
* :func:`needs_shaping` tells which text gains from it: scripts whose letters
  change with their neighbours or carry marks. Latin, Greek, Cyrillic and
  CJK without combining marks are drawn one glyph per character as before.

Both libraries are imported inside the functions: this module is loaded only
when a report is written, never at start-up.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Blocks of scripts that need a shaping engine (joining, reordering, stacking marks).
_COMPLEX_BLOCKS: Final = (
    (0x0590, 0x08FF),  # Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic supplements
    (0x0900, 0x0DFF),  # Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala
    (0x0E00, 0x0FFF),  # Thai, Lao, Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1100, 0x11FF),  # Hangul jamo (composed into syllables)
    (0x1780, 0x18AF),  # Khmer, Mongolian
    (0x1A00, 0x1AAF),  # Buginese, Tai Tham
    (0x1B00, 0x1C4F),  # Balinese, Sundanese, Batak, Lepcha
    (0xA800, 0xA82F),  # Syloti Nagri
    (0xA840, 0xA8FF),  # Phags-pa, Saurashtra, Devanagari extended
    (0xA980, 0xAAFF),  # Javanese, Myanmar extended, Cham, Tai Viet
    (0xABC0, 0xABFF),  # Meetei Mayek
    (0xFB1D, 0xFDFF),  # Hebrew and Arabic presentation forms A
    (0xFE70, 0xFEFF),  # Arabic presentation forms B
)
#: Bidi classes that can raise a level above 0 in a left-to-right paragraph.
_NOT_PLAIN_LTR: Final = frozenset({"R", "AL", "AN", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"})
_LEVEL_LIST_START: Final = "\n    levels: [\n"
_LEVEL_LIST_END: Final = "\n    ],\n"


def needs_shaping(text: str) -> bool:
    """True when ``text`` holds a mark or a letter of a script that needs HarfBuzz to look right."""
    for char in text:
        code = ord(char)
        if unicodedata.category(char) in ("Mn", "Mc", "Me"):
            return True
        if any(low <= code <= high for low, high in _COMPLEX_BLOCKS):
            return True
    return False


def bidi_levels(text: str, direction: str | None = None) -> list[int]:
    """The embedding level of each character of one paragraph ``text`` (even: left to right).

    ``direction`` is "ltr" or "rtl" for the paragraph, or None to let its
    first strong letter decide (rules P2–P3). Characters the algorithm
    removes (rule X9: embedding controls, joiners) get their neighbour's level.
    """
    return list(_bidi_levels(text, direction))


@lru_cache(maxsize=4096)  # line breaking measures the same line prefixes again and again
def _bidi_levels(text: str, direction: str | None) -> tuple[int, ...]:
    if not text:
        return ()
    if direction != "rtl" and not any(unicodedata.bidirectional(char) in _NOT_PLAIN_LTR for char in text):
        return (0,) * len(text)  # nothing right to left and no controls: one left-to-right run
    from bidi import get_display

    base = {"ltr": "L", "rtl": "R"}.get(direction or "")
    # python-bidi reports the levels it resolved only through its debug view
    # (one "Level(n)" per UTF-8 byte of the text); the text itself is printed
    # escaped on a single line first, so the list is found by its indented header.
    report = str(get_display(text, base_dir=base, debug=True))
    start = report.index(_LEVEL_LIST_START) + len(_LEVEL_LIST_START)
    end = report.index(_LEVEL_LIST_END, start)
    by_byte = [int(n) for n in _level_numbers(report[start:end])]
    levels: list[int] = []
    offset = 0
    for char in text:
        levels.append(by_byte[offset])
        offset += len(char.encode("utf-8"))
    if offset != len(by_byte):
        raise RuntimeError("python-bidi reported levels that do not match the text")
    return tuple(levels)


def _level_numbers(listing: str) -> list[str]:
    """The numbers in a debug listing of ``Level(\\n n,\\n),`` entries."""
    return [chunk.split(",", 1)[0].strip() for chunk in listing.split("Level(")[1:]]


@dataclass(frozen=True, slots=True)
class Glyph:
    """One positioned glyph, in font units; ``cluster`` is the index of its first character."""

    gid: int
    cluster: int
    x_advance: int
    x_offset: int
    y_offset: int


@cache
def _hb_font(path: Path | str, index: int) -> tuple[Any, int]:
    """A HarfBuzz font for one face of a font file, and the face's units per em."""
    import uharfbuzz

    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(path)), index)
    return uharfbuzz.Font(face), int(face.upem)


@cache
def glyph_characters(path: Path | str, index: int = 0) -> dict[int, str]:
    """For each glyph the font's character map reaches, a character that draws it."""
    font, _upem = _hb_font(path, index)
    found: dict[int, str] = {}
    for code in sorted(font.face.unicodes, reverse=True):  # the lowest code point wins
        gid = font.get_nominal_glyph(code)
        if gid:
            found[gid] = chr(code)
    return found


def units_per_em(path: Path | str, index: int = 0) -> int:
    return _hb_font(path, index)[1]


def shape(text: str, path: Path | str, index: int = 0, *, rtl: bool = False) -> list[Glyph]:
    """HarfBuzz's glyphs for ``text`` (one run: one font, one direction) in drawing order.

    Right-to-left runs come back from right to left as HarfBuzz orders them,
    that is in left-to-right drawing order, with mirrored brackets.
    """
    import uharfbuzz

    font, _upem = _hb_font(path, index)
    buffer = uharfbuzz.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()  # script and language from the text
    buffer.direction = "rtl" if rtl else "ltr"
    uharfbuzz.shape(font, buffer, {})
    return [
        Glyph(info.codepoint, info.cluster, position.x_advance, position.x_offset, position.y_offset)
        for info, position in zip(buffer.glyph_infos, buffer.glyph_positions)
    ]


def nominal_glyphs(text: str, path: Path | str, index: int = 0) -> list[int]:
    """Each character's glyph from the font's character map alone (no shaping), 0 where missing."""
    font, _upem = _hb_font(path, index)
    return [font.get_nominal_glyph(ord(char)) or 0 for char in text]


def cluster_texts(text: str, glyphs: Sequence[Glyph]) -> dict[int, str]:
    """The characters each cluster of ``glyphs`` stands for, by cluster start."""
    starts = sorted({glyph.cluster for glyph in glyphs})
    return {start: text[start:end] for start, end in zip(starts, [*starts[1:], len(text)])}


def visual_runs(levels: Sequence[int]) -> list[int]:
    """Logical indices in drawing order (rule L2): reverse each run at or above every odd level."""
    order = list(range(len(levels)))
    if not levels:
        return order
    highest = max(levels)
    lowest_odd = min((level for level in levels if level % 2), default=highest + 1)
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
    return order
