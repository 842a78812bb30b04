"""The report's building blocks: fonts, colours, paragraph styles, and the words for dates.

Shared by the page-one sections and the later pages. reportlab is imported
inside the functions, never at start-up.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

from journal.core.dates import WEEKDAYS, short_month
from journal.core.resources import load_toml

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

#: Longer periods get one table row per week instead of one per day.
MAX_DAILY_ROWS_DAYS: Final = 90
TITLE: Final = "Pain journal summary"
MARGIN_MM: Final = 15

# colours (hex, converted when drawing)
INK: Final = "#222222"
MUTED: Final = "#5f5f5f"
RULE: Final = "#b8b8b8"
ALERT_TEXT: Final = "#9b1c1c"
ALERT_FILL: Final = "#fdecec"
ALERT_EDGE: Final = "#c62828"
CALM_FILL: Final = "#eef5ee"
CALM_EDGE: Final = "#8fb28f"
HEAD_FILL: Final = "#e9eef5"
STRIPE_FILL: Final = "#f6f7f9"
FLARE_FILL: Final = "#fbe3e3"


@dataclass(frozen=True, slots=True)
class DateWords:
    """Dates as the report writes them; the year only when the period spans two."""

    with_year: bool

    def short(self, day: dt.date) -> str:
        text = f"{day.day} {short_month(day)}"
        return f"{text} {day.year}" if self.with_year else text

    def weekday(self, day: dt.date) -> str:
        return f"{WEEKDAYS[day.weekday()][:3]} {self.short(day)}"


def disclaimer() -> str:
    """The one-line disclaimer for page footers (resources/content/disclaimer.toml)."""
    return " ".join(str(load_toml("content/disclaimer.toml")["short"]).split())


FONT_FILES: Final = {
    "Body": "DejaVuSans.ttf",
    "Body-Bold": "DejaVuSans-Bold.ttf",
    "Body-Italic": "DejaVuSans-Oblique.ttf",
    "Body-BoldItalic": "DejaVuSans-BoldOblique.ttf",
}
_fonts_registered: list[tuple[str, str, str]] = []


def fonts() -> tuple[str, str, str]:
    """(regular, bold, italic) font names.

    DejaVu Sans (shipped with matplotlib) covers far more scripts and symbols
    than the PDF base fonts, so names and notes print as typed; Helvetica is
    the fallback when it cannot be found.
    """
    if _fonts_registered:
        return _fonts_registered[0]
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    chosen = ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique")
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(list(spec.submodule_search_locations)[0]) / "mpl-data" / "fonts" / "ttf"
        if all((folder / f).is_file() for f in FONT_FILES.values()):
            for name, file in FONT_FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(folder / file)))
            addMapping("Body", 0, 0, "Body")
            addMapping("Body", 1, 0, "Body-Bold")
            addMapping("Body", 0, 1, "Body-Italic")
            addMapping("Body", 1, 1, "Body-BoldItalic")
            chosen = ("Body", "Body-Bold", "Body-Italic")
    _fonts_registered.append(chosen)
    return chosen


@dataclass(frozen=True)
class Styles:
    regular: str
    bold: str
    italic: str
    title: Any
    meta: Any
    h2: Any
    body: Any
    small: Any
    caveat: Any
    cell: Any
    cell_bold: Any
    cell_right: Any
    head_cell: Any
    alert: Any
    alert_title: Any
    calm: Any


def make_styles() -> Styles:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold, italic = fonts()
    ink, muted = colors.HexColor(INK), colors.HexColor(MUTED)
    body = ParagraphStyle("body", fontName=regular, fontSize=8.6, leading=11, textColor=ink)
    cell = ParagraphStyle("cell", parent=body, fontSize=7.8, leading=9.4)
    return Styles(
        regular,
        bold,
        italic,
        title=ParagraphStyle("title", parent=body, fontName=bold, fontSize=15, leading=18),
        meta=ParagraphStyle("meta", parent=body, fontSize=9.5, leading=12.5),
        h2=ParagraphStyle(
            "h2",
            parent=body,
            fontName=bold,
            fontSize=10.2,
            leading=12.5,
            spaceBefore=6,
            spaceAfter=2,
            textColor=colors.HexColor("#1d3557"),
        ),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.2, leading=8.8, textColor=muted, spaceBefore=1.5),
        caveat=ParagraphStyle("caveat", parent=body, fontName=italic, fontSize=7.6, leading=9.6, textColor=muted, spaceBefore=2),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=bold),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head_cell=ParagraphStyle("head_cell", parent=cell, fontName=bold, textColor=ink),
        alert=ParagraphStyle("alert", parent=body, textColor=colors.HexColor(ALERT_TEXT)),
        alert_title=ParagraphStyle(
            "alert_title", parent=body, fontName=bold, fontSize=10, leading=13, textColor=colors.HexColor(ALERT_TEXT)
        ),
        calm=ParagraphStyle("calm", parent=body),
    )


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def patient_text(value: str) -> str:
    """The patient's words (a name, a note) as Paragraph markup: safe, line breaks kept,
    drawn as written in any script (see :mod:`journal.formats.pdf_text`)."""
    from journal.formats.pdf_text import markup

    return markup(value, fonts()[0])


def patient_sentence(value: str) -> str:
    """A sentence of the report that quotes the patient's words (a trigger's name)."""
    from journal.formats.pdf_text import markup

    return markup(value, fonts()[0], direction="ltr")


def heading(text: str, st: Styles) -> "Flowable":
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), st.h2)


def bullets(items: Sequence[str], style: Any, *, numbered: bool = False) -> list["Flowable"]:
    from reportlab.platypus import ListFlowable, ListItem, Paragraph

    if not items:
        return []
    indent = (14 if len(items) < 10 else 19) if numbered else 11
    return [
        ListFlowable(
            [ListItem(Paragraph(item, style), leftIndent=indent) for item in items],
            bulletType="1" if numbered else "bullet",
            start="1" if numbered else "•",
            bulletFormat="%s." if numbered else None,
            bulletFontName=style.fontName,
            bulletFontSize=style.fontSize if numbered else style.fontSize - 1,
            leftIndent=indent,
            bulletDedent=indent - 1,
            spaceBefore=0,
        )
    ]


def grid_style(header_rows: int = 1) -> list[tuple[Any, ...]]:
    from reportlab.lib import colors

    return [
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEAD_FILL)),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, colors.HexColor(RULE)),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.HexColor(RULE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]


def bare_table_style() -> Any:
    """A reportlab ``TableStyle`` for tables used only to place things side by side:
    top-aligned cells without padding."""
    from reportlab.platypus import TableStyle

    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
