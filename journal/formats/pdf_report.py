"""The summary for the doctor as a PDF: page 1 tells the story, later pages hold the detail.

Renders :class:`journal.formats.ReportData` with reportlab's
platypus; every figure comes from its ``summary`` (shown with one decimal,
as the summary's own sentences are), the chart from its ``series``, and the
day-by-day rows are the entries as logged. Text is real, selectable text.

Page 1, in the order a clinician reads it: who and which period, red-flag
symptoms (highlighted, or "None reported"), back and leg pain with the
direction over the period, PEG, the chart, triggers, activities and pacing,
medications and self-care, the patient's questions. Then one row per
logged day (one per week when the period is longer than 90 days) and the
dated notes. Every page carries the date generated, "Page N of M" and the
short disclaimer.

The sections are in :mod:`journal.formats.pdf_page_one` and
:mod:`journal.formats.pdf_later_pages`, their building blocks in
:mod:`journal.formats.pdf_style`; this module lays out the pages. reportlab
is imported inside the functions that draw, never at start-up.
"""

from __future__ import annotations

import io
import locale
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

from journal.core.dates import day_words
from journal.formats import ReportData, write_atomically
from journal.formats.pdf_later_pages import day_table, notes_section, week_table
from journal.formats.pdf_page_one import (
    change_section,
    chart_section,
    function_section,
    header_section,
    key_figures_section,
    lower_page_one,
    red_flags_section,
    triggers_section,
)
from journal.formats.pdf_style import (
    INK,
    MARGIN_MM,
    MAX_DAILY_ROWS_DAYS,
    MUTED,
    RULE,
    TITLE,
    DateWords,
    Styles,
    clip,
    disclaimer,
    heading,
    make_styles,
    patient_text,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

A4: Final = "A4"
LETTER: Final = "Letter"
#: Territories whose default paper is US Letter (as in glibc's LC_PAPER data).
LETTER_TERRITORIES: Final = frozenset({"US", "CA", "MX", "CL", "CO", "CR", "DO", "GT", "NI", "PA", "PH", "PR", "SV", "VE"})


# ---------------------------------------------------------------- page size


def _territory(value: str) -> str:
    """ "en_US.UTF-8@euro" → "US"; "" when there is none."""
    base = value.split(".", 1)[0].split("@", 1)[0]
    return base.split("_", 1)[1].upper() if "_" in base else ""


def paper_for_locale(env: Mapping[str, str] | None = None) -> str:
    """ "Letter" for US-Letter territories (en_US, en_CA, es_MX, …), else "A4".

    Looks at ``LC_ALL``, then ``LC_PAPER``, then ``LANG`` (the first one set
    wins, as POSIX orders them), then Python's own locale.
    """
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(name, "")
        if value:
            return LETTER if _territory(value) in LETTER_TERRITORIES else A4
    try:
        found = locale.getlocale()[0] or ""
    except ValueError:
        found = ""
    if _territory(found) in LETTER_TERRITORIES or found.startswith(("English_United States", "English_Canada")):
        return LETTER
    return A4


# ---------------------------------------------------------------- pages


def _canvas_class(running_head: str, footer_left: str, generated: str, st: Styles, pages_seen: list[int]) -> type:
    """A canvas that knows the page count when it saves, for "Page N of M"."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            pages_seen.append(total)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            margin = MARGIN_MM * 72 / 25.4
            number = self._pageNumber
            self.saveState()
            self.setStrokeColor(colors.HexColor(RULE))
            self.setLineWidth(0.5)
            if number > 1:
                head = Paragraph(
                    running_head,
                    ParagraphStyle(
                        "running_head", fontName=st.regular, fontSize=7.5, leading=9, textColor=colors.HexColor(MUTED)
                    ),
                )
                head.wrap(width - 2 * margin, 20)
                head.drawOn(self, margin, height - margin + 8 - 1.5)  # baseline where drawString put it
                self.line(margin, height - margin + 5, width - margin, height - margin + 5)
            y = margin - 12
            self.line(margin, y + 9, width - margin, y + 9)
            self.setFillColor(colors.HexColor(MUTED))
            self.setFont(st.regular, 7.2)
            self.drawString(margin, y, footer_left)
            self.drawString(margin, y - 9.5, f"Generated {generated} by Pain Journal, from your own daily entries.")
            self.setFont(st.bold, 8)
            self.setFillColor(colors.HexColor(INK))
            self.drawRightString(width - margin, y - 9.5, f"Page {number} of {total}")
            self.restoreState()

    return NumberedCanvas


def build_story(data: ReportData, width: float, height: float) -> list["Flowable"]:
    """Every flowable of the report, page 1 first; ``width`` × ``height`` is the frame."""
    from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

    st = make_styles()
    words = DateWords(with_year=data.start.year != data.end.year)
    story: list[Flowable] = []
    story += header_section(data, st)
    story += red_flags_section(data, st, width, words)
    story += change_section(data, st)
    story += function_section(data, st)
    story.append(heading("Pain over the period", st))
    story += key_figures_section(data, st, width, words)
    story += chart_section(data, st, width)
    story.append(KeepTogether(triggers_section(data, st)))
    story += lower_page_one(data, st, width, words)
    story.append(PageBreak())
    if data.summary.days_in_period > MAX_DAILY_ROWS_DAYS:
        story += week_table(data, st, width, words)
    else:
        story += day_table(data, st, width, words)
    story.append(CondPageBreak(80))
    story += notes_section(data, st, width, words)
    return story


def render_pdf(data: ReportData, target: Path | io.BytesIO, *, paper: str | None = None) -> int:
    """Draw the report into ``target``; return the number of pages."""
    from reportlab.lib.pagesizes import A4 as A4_SIZE
    from reportlab.lib.pagesizes import LETTER as LETTER_SIZE
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from journal.formats.pdf_glyphs import install_utf16_to_unicode

    install_utf16_to_unicode()  # emoji and other characters above U+FFFF copy out whole
    size = LETTER_SIZE if (paper or paper_for_locale()) == LETTER else A4_SIZE
    margin = MARGIN_MM * mm
    bottom = margin + 10  # room for the two footer lines
    s = data.summary
    period = f"{day_words(s.period.start)} to {day_words(s.period.end)}"
    who = f"{data.patient_name}, " if data.patient_name else ""
    short_who = f"{patient_text(clip(data.patient_name, 60))}, " if data.patient_name else ""
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=bottom,
        title=f"{TITLE}: {who}{period}",
        author=data.patient_name,
        subject="Daily pain journal summary for a clinician",
        creator="Pain Journal",
    )
    frame = Frame(margin, bottom, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    st = make_styles()
    pages: list[int] = []
    canvas_class = _canvas_class(
        f"{escape(TITLE)}: {short_who}{escape(period)}",
        disclaimer(),
        day_words(data.generated.date()),
        st,
        pages,
    )
    doc.build(build_story(data, doc.width, doc.height), canvasmaker=canvas_class)
    return pages[-1] if pages else 0


def write_pdf(data: ReportData, path: Path, *, paper: str | None = None) -> int:
    """Write the report to ``path`` via a temporary file; return the number of pages.

    ``paper`` is "A4" or "Letter"; default from the locale (:func:`paper_for_locale`).

    Raises:
        UserError: the file cannot be written (nothing is left behind).
    """
    pages: list[int] = []

    def write(tmp: Path) -> None:
        pages.append(render_pdf(data, tmp, paper=paper))

    write_atomically(Path(path), write)
    return pages[0]
