"""The lower half of page 1: activities and pacing beside medications and the questions.

Two columns where they fit in the space left on the page, otherwise one
after the other; the questions sit beside the medications when the list is
short. Part of :mod:`journal.formats.pdf_page_one`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from journal.core.words import whole_minutes
from journal.formats import ReportData
from journal.formats.pdf_style import (
    MUTED,
    DateWords,
    Styles,
    bare_table_style,
    bullets,
    grid_style,
    heading,
    patient_sentence,
    patient_text,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

#: Rows of the page-1 table of medications and what helped (the most used first).
MAX_HELPED_ROWS: Final = 3
#: Up to this many questions (and characters) sit beside the medications on page 1.
MAX_SIDE_QUESTIONS: Final = 8
MAX_SIDE_QUESTION_CHARS: Final = 700


def _activities(data: ReportData, st: Styles, width: float) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    s = data.summary
    out: list[Flowable] = [heading("Activities and exercise", st)]
    if not s.activities.items:
        return out + [Paragraph("No activities logged.", st.body)]
    rows = [[Paragraph(h, st.head_cell) for h in ("Activity", "Days", "Minutes a week", "Usual session")]]
    for a in s.activities.items:
        usual = "–" if a.baseline_minutes is None else f"{whole_minutes(a.baseline_minutes)} min"
        rows.append(
            [
                Paragraph(patient_text(a.name), st.cell),
                Paragraph(str(a.days), st.cell),
                Paragraph(whole_minutes(a.minutes_per_week), st.cell),
                Paragraph(usual, st.cell),
            ]
        )
    table = Table(rows, colWidths=[width * 0.40, width * 0.14, width * 0.24, width * 0.22], repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return out + [
        table,
        Paragraph(
            "Minutes a week = minutes per 7 logged days. Usual session = median minutes on the days it was done.", st.small
        ),
    ]


def _pacing(data: ReportData, st: Styles) -> list["Flowable"]:
    from reportlab.platypus import Paragraph

    pacing = data.summary.activities.pacing
    out: list[Flowable] = [heading("Pacing observations", st)]
    if not pacing and data.summary.flares.judged_days == 0:
        return out + [Paragraph("Too few days yet: flares, and so what came before them, need a few weeks of days.", st.body)]
    if not pacing:
        return out + [
            Paragraph(
                "No effortful activity was followed by a flare within two days clearly more often after "
                "days of much more of it than usual than after its other days, and more sitting did not "
                "clearly go with higher pain.",
                st.body,
            )
        ]
    return out + bullets([patient_sentence(p.reason) for p in pacing], st.body)


def _medications(data: ReportData, st: Styles, width: float) -> list["Flowable"]:
    """Medications and relief with the days used and the patient's own ratings of how they helped."""
    from reportlab.platypus import Paragraph, Table, TableStyle

    s = data.summary
    helped = s.what_helped
    out: list[Flowable] = [heading("Medications and what helped", st)]
    if not helped.items:
        return out + [Paragraph("None logged.", st.body)]
    rated = any(i.helped_a_lot or i.helped_a_little or i.did_not_help for i in helped.items)
    head = ["Used", f"Days of {s.days_logged}"] + (["Helped*"] if rated else [])
    rows = [[Paragraph(text, st.head_cell) for text in head]]
    shown = helped.items[:MAX_HELPED_ROWS]
    for item in shown:
        cells = [patient_text(item.name), str(item.days)]
        if rated:
            cells.append(f"{item.helped_a_lot} / {item.helped_a_little} / {item.did_not_help}")
        rows.append([Paragraph(cell, st.cell) for cell in cells])
    widths = [0.50, 0.24, 0.26] if rated else [0.70, 0.30]
    table = Table(rows, colWidths=[width * w for w in widths], repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    pills = helped.painkillers
    notes = ["*A lot / a little / not at all: your own rating on the days used." if rated else ""]
    if pills.days:
        notes.append(f"Painkiller on {pills.days} of {pills.days_logged} logged days")
        if pills.first_per_week is not None and pills.last_per_week is not None:
            notes[-1] += f"; {pills.first_per_week:.1f} a week in the first 2 weeks, {pills.last_per_week:.1f} in the last 2"
        notes[-1] += "."
    return out + [table, Paragraph(patient_text(" ".join(n for n in notes if n)), st.small)]


def questions_for_report(data: ReportData, words: DateWords) -> list[str]:
    """The questions as printed: the patient's edited list, or the logged ones with dates."""
    if data.questions is not None:
        return [patient_text(q) for q in data.questions]
    return [f"{patient_text(q.text)} <font color='{MUTED}'>({words.short(q.date)})</font>" for q in data.summary.questions]


def _questions(data: ReportData, st: Styles, words: DateWords) -> list["Flowable"]:
    from reportlab.platypus import ListFlowable, ListItem, Paragraph

    from journal.formats.pdf_text import patient_paragraph

    out: list[Flowable] = [heading("Your questions", st)]
    if data.questions is not None:
        items = [patient_paragraph(q, st.body) for q in data.questions]
    else:
        items = [
            patient_paragraph(q.text, st.body, suffix=f" <font color='{MUTED}'>({words.short(q.date)})</font>")
            for q in data.summary.questions
        ]
    if not items:
        return out + [Paragraph("No questions noted.", st.body)]
    indent = 14 if len(items) < 10 else 19
    return out + [
        ListFlowable(
            [ListItem(item, leftIndent=indent) for item in items],
            bulletType="1",
            start="1",
            bulletFormat="%s.",
            bulletFontName=st.body.fontName,
            bulletFontSize=st.body.fontSize,
            leftIndent=indent,
            bulletDedent=indent - 1,
            spaceBefore=0,
        )
    ]


def _side_by_side(
    build_left: Callable[[float], list["Flowable"]],
    build_right: Callable[[float], list["Flowable"]],
    width: float,
    without_last: tuple[Callable[[float], list["Flowable"]], Callable[[], list["Flowable"]]] | None = None,
) -> "Flowable":
    """Two columns where they fit in the space left on the page, otherwise the
    same content one after the other, which can run on to the next page.

    ``without_last`` is a shorter right column and what then follows the two
    columns (the questions): tried first when the full columns do not fit.
    """
    from reportlab.platypus import Flowable, KeepTogether, Table

    gap = 14.0
    left_w = (width - gap) * 0.56
    right_w = width - gap - left_w
    min_room_to_split = 150.0

    class ColumnsOrStack(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self._table = Table([[build_left(left_w), "", build_right(right_w)]], colWidths=[left_w, gap, right_w])
            self._table.setStyle(bare_table_style())

        def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
            self.width, self.height = self._table.wrap(available_width, available_height)
            return self.width, self.height

        def split(self, available_width: float, available_height: float) -> list["Flowable"]:
            if without_last is not None:
                shorter, then = without_last
                columns = _side_by_side(build_left, shorter, width)
                if columns.wrap(available_width, available_height)[1] <= available_height:
                    return [columns, *then()]
            if available_height < min_room_to_split:
                return []  # start on the next page instead
            return [*build_left(width), KeepTogether(build_right(width))]

        def draw(self) -> None:
            self._table.drawOn(self.canv, 0, 0)

    return ColumnsOrStack()


def lower_page_one(data: ReportData, st: Styles, width: float, words: DateWords) -> list["Flowable"]:
    """Activities and pacing beside medications (and a short list of questions)."""
    from reportlab.platypus import Spacer

    items = questions_for_report(data, words)
    questions_beside = len(items) <= MAX_SIDE_QUESTIONS and sum(len(q) for q in items) <= MAX_SIDE_QUESTION_CHARS

    def left(w: float) -> list["Flowable"]:
        return _activities(data, st, w) + _pacing(data, st)

    def right(w: float) -> list["Flowable"]:
        found = _medications(data, st, w)
        return found + _questions(data, st, words) if questions_beside else found

    def medications(w: float) -> list["Flowable"]:
        return _medications(data, st, w)

    def questions() -> list["Flowable"]:
        return _questions(data, st, words)

    # With the questions beside the medications when both fit; else the questions follow.
    shorter = (medications, questions) if questions_beside else None
    out = [Spacer(1, 4), _side_by_side(left, right, width, shorter)]
    if not questions_beside:
        out += _questions(data, st, words)
    return out
