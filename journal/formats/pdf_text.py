"""The patient's own words as reportlab Paragraph markup, in whatever script they wrote.

:func:`markup` splits text into runs by the font that can draw them: the
report's body font where it has the glyphs, otherwise an installed font
found by :func:`journal.formats.system_fonts.face_for` (embedded like
the body font, so the PDF is self-contained and its text can be searched and
copied). Right-to-left text is shaped and ordered by
:mod:`journal.formats.text_runs` first. Where no installed font has a
script, the run is replaced by a note in place ("[Thai text: no Thai font is
installed on this computer]") instead of empty boxes.

:class:`PatientParagraph` is a Paragraph for longer text that may be right to
left: it breaks lines in reading order first and only then orders each line
for drawing, so a wrapped Arabic or Hebrew note reads from its first line.

reportlab is imported inside the functions, never at start-up.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

from journal.formats.system_fonts import FontFace, covering_face
from journal.formats.text_runs import (
    INVISIBLE_CONTROLS,
    base_direction,
    clusters,
    has_rtl,
    runs_by,
    script_name,
    visual_order,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

MISSING_COLOUR: Final = "#9b1c1c"
_ALWAYS_DRAWN: Final = frozenset(" \t")


def missing_note(script: str) -> str:
    """What is printed in place of text no installed font can draw."""
    if script in ("these symbols", "emoji and symbols"):
        return f"[{script}: no installed font has them]"
    return f"[{script} text: no {script} font is installed on this computer]"


@cache
def _registered(face: FontFace) -> str:
    """The reportlab font name for ``face``, registering it (and its bold and italic) once."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = f"Script-{face.path.stem}-{face.index}"
    pdfmetrics.registerFont(TTFont(name, str(face.path), subfontIndex=face.index))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(name, bold, italic, name)  # <b> and <i> inside the run keep the face
    return name


@cache
def _covered(font_name: str) -> frozenset[int]:
    """Code points the registered font ``font_name`` can draw."""
    from reportlab.pdfbase import pdfmetrics

    face = getattr(pdfmetrics.getFont(font_name), "face", None)
    char_to_glyph = getattr(face, "charToGlyph", None)
    if char_to_glyph:
        return frozenset(char_to_glyph)
    return frozenset(range(32, 256))  # a standard PDF font: Latin-1


def _font_for(cluster: str, body: str) -> str | tuple[str, str] | None:
    """None for the body font, a registered font name, or ("missing", script)."""
    char = cluster[0]
    if char in _ALWAYS_DRAWN or ord(char) in _covered(body) or unicodedata.category(char) in ("Zs", "Cc"):
        return None
    face = covering_face(char)
    if face is None:
        return ("missing", script_name(char))
    return _registered(face)


def _runs(line: str, body: str) -> list[tuple[Any, str]]:
    parts = clusters(line)
    fonts = {i: _font_for(part, body) for i, part in enumerate(parts)}
    # Spaces and punctuation between two runs of one missing script join them: one note per phrase.
    for i, part in enumerate(parts):
        if fonts[i] is None and not part.strip(" .,;:!?()-।॥ฯ"):
            before = next((fonts[k] for k in range(i - 1, -1, -1) if fonts[k] is not None), None)
            after = next((fonts[k] for k in range(i + 1, len(parts)) if fonts[k] is not None), None)
            if isinstance(before, tuple) and before == after:
                fonts[i] = before
    return list(runs_by(parts, fonts))  # type: ignore[arg-type]


def _line_markup(line: str, body: str) -> str:
    """One already ordered line as markup."""
    out = []
    for font, text in _runs(line, body):
        if font is None:
            out.append(escape(text))
        elif isinstance(font, tuple):
            out.append(f"<font color='{MISSING_COLOUR}'>{escape(missing_note(font[1]))}</font>")
        else:
            out.append(f"<font face='{font}'>{escape(text)}</font>")
    return "".join(out)


def markup(text: str, body: str, *, direction: str | None = None) -> str:
    """``text`` (line breaks kept) as Paragraph markup drawn as written.

    ``body`` is the registered body font; ``direction`` is "ltr" for text
    set in an English sentence, None to let each line's first strong letter
    decide (the patient's own note or name).
    """
    return "<br/>".join(_line_markup(visual_order(line, direction), body) for line in text.splitlines() or [""])


def text_width(text: str, body: str, size: float) -> float:
    """The drawn width of an ordered line, font run by font run."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = 0.0
    for font, run in _runs(text, body):
        if isinstance(font, tuple):
            width += stringWidth(missing_note(font[1]), body, size)
        else:
            width += stringWidth(run, font or body, size)
    return width


def _logical_lines(text: str, width: float, body: str, size: float) -> list[str]:
    """``text`` broken into lines that fit ``width``, in reading order (breaking at spaces)."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and text_width(visual_order(candidate), body, size) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
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
            self.text = "".join(c for c in text if c not in INVISIBLE_CONTROLS or c in "\u200c\u200d")
            self.style = style
            self.suffix = suffix
            self.direction = base_direction(self.text)
            self._inner: Paragraph | None = None

        def _paragraph(self, width: float) -> Paragraph:
            body, size = self.style.fontName, self.style.fontSize
            lines = _logical_lines(self.text, width, body, size)
            drawn = "<br/>".join(_line_markup(visual_order(line, self.direction), body) for line in lines)
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
