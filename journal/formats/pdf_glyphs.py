"""Shaped glyphs as characters reportlab can draw, that PDF readers turn back into text.

reportlab draws characters through a font's character map, one glyph each.
A shaped run holds glyphs no character maps to (a Devanagari conjunct, an
Arabic letter's joining form) and glyphs whose advance HarfBuzz changed. Each
such glyph gets a private-use code point in a :func:`shaping_font` of its
own, mapped to that glyph and given HarfBuzz's advance as its width; the
font's ``ToUnicode`` table then maps the code back to the characters the
glyph stands for, so copying or searching the PDF (``pdftotext``) gives the
text as the patient wrote it (see :func:`_meanings`). HarfBuzz's small mark offsets (hundredths of an
em) are not applied: glyph choice, order and advances are its exactly.

reportlab is imported inside the functions, never at start-up.
"""

from __future__ import annotations

import zlib
from functools import cache
from pathlib import Path
from typing import Any, Final

from journal.formats.shaping import Glyph, cluster_texts, shape, units_per_em
from journal.formats.text_runs import clusters

_PRIVATE_FIRST: Final = 0xE000
_PRIVATE_LAST: Final = 0xF8FF


class GlyphSpaceFull(Exception):
    """A font has given out every private-use code point (thousands of distinct shaped glyphs)."""


def _hex_utf16(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _reportlab_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap for a font subset, written as the PDF specification asks."""
    return _to_unicode_cmap(fontname, list(subset), {})


def install_utf16_to_unicode() -> None:
    """Make every font subset's ToUnicode map give characters above U+FFFF back whole.

    reportlab writes each subset code's character as ``<%04X>`` of its code
    point, so an emoji such as U+1F600 becomes five hex digits that readers
    take as U+1F60 ("ὠ") when the text is copied or searched. The PDF
    specification wants UTF-16BE there, a surrogate pair for such characters:
    :func:`_to_unicode_cmap` writes that. Idempotent.
    """
    from reportlab.pdfbase import ttfonts

    ttfonts.makeToUnicodeCMap = _reportlab_to_unicode_cmap


def _to_unicode_cmap(name: str, subset: list[int], texts: dict[int, str]) -> str:
    """A ToUnicode CMap for one 256-code subset, with our codes mapped to their text."""
    entries = []
    for code, char in enumerate(subset):
        text = texts[char] if char in texts else chr(char)
        entries.append(f"<{code:02X}> <{_hex_utf16(text)}>")
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo\n<< /Registry ({name})\n/Ordering ({name})\n/Supplement 0\n>> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


@cache
def _shaping_font_class() -> type:
    from reportlab.pdfbase.ttfonts import TTFont

    class ShapingTTFont(TTFont):  # type: ignore[misc]
        """A TrueType font that can draw shaped glyphs and tell readers their text."""

        def __init__(self, name: str, path: Path, index: int) -> None:
            super().__init__(name, str(path), subfontIndex=index)
            # reportlab shares one font object per face name: the body font's own
            # (registered without shaping) would stand in for this one.
            self.face.name += b"-Shaped"
            self.source = (Path(path), index)
            self.private_text: dict[int, str] = {}
            self._private_code: dict[tuple[int, str, int], int] = {}  # (glyph, text, width in 1/100000 em)
            self._next_private = _PRIVATE_FIRST

        def code_for(self, gid: int, text: str, width: float) -> int:
            """A code point drawing glyph ``gid`` with advance ``width`` (1/1000 em) read as ``text``."""
            key = (gid, text, round(width * 100))
            code = self._private_code.get(key)
            if code is None:
                char_to_glyph = self.face.charToGlyph
                while self._next_private in char_to_glyph:
                    self._next_private += 1
                if self._next_private > _PRIVATE_LAST:
                    raise GlyphSpaceFull(self.fontName)
                code = self._private_code[key] = self._next_private
                char_to_glyph[code] = gid
                self.face.charWidths[code] = width
                self.private_text[code] = text
            return code

        def addObjects(self, doc: Any) -> None:
            state = self.state.get(doc)
            ours = []  # (internal name, subset) of the subsets that hold shaped glyphs
            for number, subset in enumerate(state.subsets if state is not None else []):
                if any(code in self.private_text for code in subset):
                    ours.append((self.getSubsetInternalName(number, doc)[1:], list(subset)))
            super().addObjects(doc)  # writes the subsets (and forgets the document's state)
            font_dict = doc.idToObject["BasicFonts"].dict
            for internal_name, subset in ours:
                pdf_font = font_dict[internal_name]
                stream = doc.idToObject[pdf_font.ToUnicode.name]
                stream.content = _to_unicode_cmap(pdf_font.BaseFont, subset, self.private_text)

    return ShapingTTFont


@cache
def shaping_font(path: Path, index: int = 0) -> str:
    """The registered name of a shaping font for one face (its bold and italic map to it)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    name = f"Script-{Path(path).stem}-{index}-{zlib.crc32(str(path).encode()):08x}"  # one per file
    pdfmetrics.registerFont(_shaping_font_class()(name, Path(path), index))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)  # <b> and <i> around the run keep the face
    return name


def drawn_text(text: str, font_name: str, *, rtl: bool) -> str:
    """``text`` (one run in one font and direction) shaped, as the characters that draw it.

    Characters the font maps straight to HarfBuzz's glyph, at its usual
    advance, stay themselves; every other glyph gets a private code of the font.
    When the font has run out of codes the run is drawn unshaped, letter by
    letter (right-to-left runs reversed).
    """
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    path, index = font.source
    scale = 1000 / units_per_em(path, index)
    glyphs: list[Glyph] = shape(text, path, index, rtl=rtl)
    meanings = _meanings(text, glyphs, rtl=rtl)
    char_to_glyph, widths = font.face.charToGlyph, font.face.charWidths
    out = []
    try:
        for glyph, meaning in zip(glyphs, meanings):
            width = glyph.x_advance * scale
            usual = len(meaning) == 1 and char_to_glyph.get(ord(meaning)) == glyph.gid
            if usual and abs(widths.get(ord(meaning), -1.0) - width) < 0.01:
                out.append(meaning)
            else:
                out.append(chr(font.code_for(glyph.gid, meaning, width)))
    except GlyphSpaceFull:
        return "".join(reversed(clusters(text))) if rtl else text
    return "".join(out)


def _meanings(text: str, glyphs: list[Glyph], *, rtl: bool) -> list[str]:
    """The characters each glyph is read as: each cluster's text dealt out over its glyphs.

    PDF readers put a reading order on what they extract by position, so a
    cluster's characters go, in logical order, one to a glyph from where
    reading starts (the left for left-to-right text, the right for
    right-to-left); the last glyph takes what is left, and any glyphs beyond
    the characters are read as nothing. A reordered vowel sign drawn first
    is thus read in its place, and no gap opens inside a word.
    """
    texts = cluster_texts(text, glyphs)
    meanings = [""] * len(glyphs)
    start = 0
    while start < len(glyphs):
        end = start
        while end < len(glyphs) and glyphs[end].cluster == glyphs[start].cluster:
            end += 1
        positions = list(range(start, end))
        if rtl:
            positions.reverse()
        chars = texts[glyphs[start].cluster]
        for k, position in enumerate(positions):
            meanings[position] = chars[k:] if k == len(positions) - 1 else chars[k : k + 1]
        start = end
    return meanings
