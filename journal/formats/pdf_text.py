"""The patient's own words as reportlab Paragraph markup, in whatever script they wrote.

:func:`markup` lays out each line the way a browser would:

1. the Unicode Bidirectional Algorithm gives each character its level
   (:func:`journal.formats.shaping.bidi_levels`);
2. each cluster (a letter and its marks) gets a font: the report's body font
   where it has the glyphs, otherwise an installed font found by
   :func:`journal.formats.system_fonts.face_for` (embedded like the body
   font, so the PDF is self-contained and its text can be searched and copied);
3. runs of one level and one font are shaped by HarfBuzz where the script
   needs it (Arabic, Hebrew, Devanagari, Thai… see
   :func:`journal.formats.shaping.needs_shaping`), right to left at odd
   levels, and drawn through :mod:`journal.formats.pdf_glyphs`;
4. the runs are put in drawing order (rule L2).

Where no installed font has a script, the run is replaced by a note in place
("[Thai text: no Thai font is installed on this computer]") instead of empty
boxes.

:class:`PatientParagraph` is a Paragraph for longer text that may be right to
left: it breaks lines in reading order first and only then lays out each
line, so a wrapped Arabic or Hebrew note reads from its first line.

reportlab, HarfBuzz and python-bidi are imported inside the functions, never
at start-up.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

from journal.formats.system_fonts import covering_face
from journal.formats.text_runs import (
    INVISIBLE_CONTROLS,
    base_direction,
    clusters,
    has_rtl,
    script_name,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

MISSING_COLOUR: Final = "#9b1c1c"
_ALWAYS_DRAWN: Final = frozenset(" \t")
_MIRRORS: Final = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))

#: A run's font: None for the body font, a registered font name, or ("missing", script).
FontChoice = str | tuple[str, str] | None


def missing_note(script: str) -> str:
    """What is printed in place of text no installed font can draw."""
    if script in ("these symbols", "emoji and symbols"):
        return f"[{script}: no installed font has them]"
    return f"[{script} text: no {script} font is installed on this computer]"


@cache
def _covered(font_name: str) -> frozenset[int]:
    """Code points the registered font ``font_name`` can draw (its own private codes aside)."""
    from reportlab.pdfbase import pdfmetrics

    font = pdfmetrics.getFont(font_name)
    char_to_glyph = getattr(getattr(font, "face", None), "charToGlyph", None)
    if char_to_glyph:
        return frozenset(char_to_glyph) - frozenset(getattr(font, "private_text", ()))
    return frozenset(range(32, 256))  # a standard PDF font: Latin-1


def _font_for(cluster: str, body: str) -> FontChoice:
    char = cluster[0]
    if char in _ALWAYS_DRAWN or ord(char) in _covered(body) or unicodedata.category(char) in ("Zs", "Cc"):
        return None
    face = covering_face(char)
    if face is None:
        return ("missing", script_name(char))
    from journal.formats.pdf_glyphs import shaping_font

    return shaping_font(face.path, face.index)


@cache
def _shaping_body(body: str) -> str | None:
    """The body font's file as a shaping font, or None for a standard PDF font (no file to shape with)."""
    from reportlab.pdfbase import pdfmetrics

    from journal.formats.pdf_glyphs import shaping_font

    filename = getattr(getattr(pdfmetrics.getFont(body), "face", None), "filename", None)
    if not filename or not str(filename).lower().endswith((".ttf", ".ttc", ".otf")):
        return None
    return shaping_font(filename, 0)


def _logical_runs(line: str, body: str, direction: str | None) -> tuple[list[tuple[int, FontChoice, str]], int]:
    """``line`` as runs of one level and one font, in reading order, and the paragraph level."""
    from journal.formats.shaping import bidi_levels

    base = 1 if (direction or base_direction(line)) == "rtl" else 0
    levels = bidi_levels(line, "rtl" if base else "ltr")
    parts: list[tuple[int, str]] = []  # (level, cluster) without bidi controls and joiners
    offset = 0
    for part in clusters(line):
        kept = "".join(ch for ch in part if ch not in INVISIBLE_CONTROLS or ch in "\u200c\u200d")
        if kept and kept[0] not in INVISIBLE_CONTROLS:
            parts.append((levels[offset], kept))
        offset += len(part)
    # L1: whitespace at the end of the line goes to the paragraph level.
    k = len(parts) - 1
    while k >= 0 and unicodedata.bidirectional(parts[k][1][0]) in ("WS", "S", "B"):
        parts[k] = (base, parts[k][1])
        k -= 1
    fonts = [_font_for(part, body) for _level, part in parts]
    # Spaces and punctuation between two runs of one missing script join them: one note per phrase.
    for i, (_level, part) in enumerate(parts):
        if fonts[i] is None and not part.strip(" .,;:!?()-।॥ฯ"):
            before = next((fonts[j] for j in range(i - 1, -1, -1) if fonts[j] is not None), None)
            after = next((fonts[j] for j in range(i + 1, len(parts)) if fonts[j] is not None), None)
            if isinstance(before, tuple) and before == after:
                fonts[i] = before
    runs: list[tuple[int, FontChoice, str]] = []
    for (level, part), font in zip(parts, fonts):
        if runs and runs[-1][0] == level and runs[-1][1] == font:
            runs[-1] = (level, font, runs[-1][2] + part)
        else:
            runs.append((level, font, part))
    return runs, base


def _drawn(level: int, font: FontChoice, text: str, body: str, base: int) -> tuple[str | None, str]:
    """One run as (font name or None for the body font, the characters that draw it)."""
    from journal.formats.pdf_glyphs import drawn_text
    from journal.formats.shaping import needs_shaping

    if isinstance(font, tuple):
        return None, missing_note(font[1])
    rtl = level % 2 == 1
    shaper = font if font is not None else _shaping_body(body)
    if shaper is not None and (rtl or needs_shaping(text)):
        drawn, font = drawn_text(text, shaper, rtl=rtl), shaper
    elif rtl:  # a standard PDF font: reverse the clusters and mirror the brackets by hand
        drawn = "".join(_MIRRORS.get(part, part) for part in reversed(clusters(text)))
    else:
        drawn = text
    # A renderer breaks lines in drawing order, which would put a right-to-left phrase's
    # words on the wrong lines: its spaces (all of a right-to-left line's) do not break.
    # Longer text is broken in reading order first (see PatientParagraph).
    if rtl or base:
        drawn = drawn.replace(" ", "\u00a0")
    return font, drawn


def laid_out(line: str, body: str, direction: str | None = None) -> list[tuple[str | None, str, bool]]:
    """One line (no line breaks) as ``(font, drawn text, is a missing-font note)`` in drawing order.

    ``direction`` is "ltr" or "rtl"; by default the first strong letter decides.
    """
    from journal.formats.shaping import visual_runs

    runs, base = _logical_runs(line, body, direction)
    out = []
    for index in visual_runs([level for level, _font, _text in runs]):
        level, font, text = runs[index]
        drawn_font, drawn = _drawn(level, font, text, body, base)
        out.append((drawn_font, drawn, isinstance(font, tuple)))
    return out


@lru_cache(maxsize=8192)  # a paragraph is wrapped again at each page and table pass
def _line_markup(line: str, body: str, direction: str | None = None) -> str:
    """One line (reading order) as markup."""
    out = []
    for font, text, missing in laid_out(line, body, direction):
        if missing:
            out.append(f"<font color='{MISSING_COLOUR}'>{escape(text)}</font>")
        elif font is None:
            out.append(escape(text))
        else:
            out.append(f"<font face='{font}'>{escape(text)}</font>")
    return "".join(out)


def markup(text: str, body: str, *, direction: str | None = None) -> str:
    """``text`` (line breaks kept) as Paragraph markup drawn as written.

    ``body`` is the registered body font; ``direction`` is "ltr" for text
    set in an English sentence, None to let each line's first strong letter
    decide (the patient's own note or name).
    """
    return "<br/>".join(_line_markup(line, body, direction) for line in text.splitlines() or [""])


@lru_cache(maxsize=8192)
def text_width(line: str, body: str, size: float, direction: str | None = None) -> float:
    """The drawn width of one line (reading order), run by run."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(float(stringWidth(text, font or body, size)) for font, text, _missing in laid_out(line, body, direction))


def _logical_lines(text: str, width: float, body: str, size: float, direction: str | None) -> list[str]:
    """``text`` broken into lines that fit ``width``, in reading order (breaking at spaces).

    A line's width is the sum of its words' and spaces' widths: nothing is
    shaped across a space, and ordering moves glyphs without changing their
    advances, so each word is measured once.
    """
    space = text_width(" ", body, size, direction)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current, current_width = "", 0.0
        for word in paragraph.split(" "):
            word_width = text_width(word, body, size, direction)
            if current and current_width + space + word_width > width:
                lines.append(current)
                current, current_width = word, word_width
            elif current:
                current, current_width = f"{current} {word}", current_width + space + word_width
            else:
                current, current_width = word, word_width
        lines.append(current)
    return lines


def patient_paragraph(text: str, style: Any, *, suffix: str = "") -> "Flowable":
    """A Paragraph of the patient's ``text`` (then ``suffix`` markup, e.g. a grey date).

    Text with right-to-left letters gets :class:`PatientParagraph`'s line
    breaking; anything else is an ordinary Paragraph.
    """
    from reportlab.platypus import Paragraph

    if not has_rtl(text):
        return Paragraph(markup(text, style.fontName) + suffix, style)
    return _patient_paragraph_class()(text, style, suffix)


@cache
def _patient_paragraph_class() -> type:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Paragraph

    class PatientParagraph(Flowable):
        """Right-to-left or mixed text: lines broken in reading order, then each ordered."""

        def __init__(self, text: str, style: Any, suffix: str) -> None:
            super().__init__()
            self.text = text  # bidi controls are kept for the algorithm and dropped when drawn
            self.style = style
            self.suffix = suffix
            self.direction = base_direction(self.text)
            self._inner: Paragraph | None = None

        def _paragraph(self, width: float) -> Paragraph:
            body, size = self.style.fontName, self.style.fontSize
            lines = _logical_lines(self.text, width, body, size, self.direction)
            drawn = "<br/>".join(_line_markup(line, body, self.direction) for line in lines)
            style = self.style
            if self.direction == "rtl":
                style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
            return Paragraph(drawn + self.suffix, style)

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self._inner = self._paragraph(available_width)
            self.width, self.height = self._inner.wrap(available_width, available_height)
            return self.width, self.height

        def split(self, available_width: float, available_height: float) -> list[Any]:
            inner = self._paragraph(available_width)
            return list(inner.split(available_width, available_height))

        def draw(self) -> None:
            assert self._inner is not None
            self._inner.drawOn(self.canv, 0, 0)

    return PatientParagraph
