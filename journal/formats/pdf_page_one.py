"""Page 1 of the report, in the order a clinician reads it.

Who and which period, red-flag symptoms, pain and its direction, the
chart, triggers, activities and pacing, medications and the questions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

from journal.core import flares, insights
from journal.core.catalog import Urgency
from journal.core.daily_measures import fmt_value
from journal.core.dates import day_words
from journal.core.redflags import RedFlag, grouped
from journal.core.summary import one_decimal, plural, whole_minutes
from journal.core.trigger_model import TriggerImpact, worse_words
from journal.formats import ReportData
from journal.formats.pdf_style import (
    ALERT_EDGE,
    ALERT_FILL,
    CALM_EDGE,
    CALM_FILL,
    MUTED,
    TITLE,
    DateWords,
    Styles,
    bare_table_style,
    bullets,
    days_words,
    grid_style,
    heading,
    patient_sentence,
    patient_text,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

CHART_HEIGHT: Final = 128.0
#: Up to this many questions (and characters) sit beside the medications on page 1.
MAX_SIDE_QUESTIONS: Final = 8
MAX_SIDE_QUESTION_CHARS: Final = 700
URGENCY_LABELS: Final = {Urgency.URGENT: "urgent", Urgency.SOON: "see a doctor soon"}


def header_section(data: ReportData, st: Styles) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Spacer

    s = data.summary
    parts = []
    if data.patient_name:
        parts.append(f"<b>Patient:</b> {patient_text(data.patient_name)}")
    parts.append(f"<b>Period:</b> {day_words(s.period.start)} to {day_words(s.period.end)} ({plural(s.days_in_period, 'day')})")
    parts.append(f"<b>Days logged:</b> {s.days_logged} of {s.days_in_period}")
    return [
        Paragraph(TITLE, st.title),
        Spacer(1, 2),
        Paragraph("&nbsp;&nbsp;&nbsp;&nbsp;".join(parts), st.meta),
        Spacer(1, 6),
    ]


def grouped_red_flags(flags: Sequence[RedFlag]) -> list[tuple[str, Urgency, list[dt.date]]]:
    """(symptom, urgency, dates) per symptom: urgent ones first, then by first date.

    The grouping is :func:`journal.core.redflags.grouped`, shared with the messages.
    """
    return [(g.symptom, g.urgency, list(g.dates)) for g in grouped(flags)]


def red_flags_section(data: ReportData, st: Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    flags = data.summary.red_flags
    if flags:
        rows: list[list[Any]] = [[Paragraph("Red-flag symptoms reported", st.alert_title)]]
        for symptom, urgency, dates in grouped_red_flags(flags):
            rows.append(
                [
                    Paragraph(
                        f"<b>{patient_text(symptom)}</b> ({URGENCY_LABELS.get(urgency, urgency.value)}) on "
                        f"{plural(len(dates), 'day')}: {', '.join(words.short(d) for d in dates)}",
                        st.alert,
                    )
                ]
            )
        fill, edge, line = colors.HexColor(ALERT_FILL), colors.HexColor(ALERT_EDGE), 1.2
    else:
        rows = [[Paragraph("<b>Red-flag symptoms:</b> None reported in this period.", st.calm)]]
        fill, edge, line = colors.HexColor(CALM_FILL), colors.HexColor(CALM_EDGE), 0.6
    table = Table(rows, colWidths=[width])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), fill),
                ("BOX", (0, 0), (-1, -1), line, edge),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("TOPPADDING", (0, 0), (-1, 0), 5),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
            ]
        )
    )
    return [table]


def key_figures_section(data: ReportData, st: Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    s = data.summary
    b, leg, peg = s.back_pain, s.leg_pain, s.peg

    def p(text: str, style: Any = st.cell) -> Any:
        return Paragraph(text, style)

    def extreme(value: int | None, day: Any) -> str:
        if value is None:
            return "–"
        return f"<b>{value}</b>" + (f" on {words.short(day.date)}" if day is not None else "")

    head = [
        p(""),
        p("Average", st.head_cell),
        p("Lowest", st.head_cell),
        p("Highest", st.head_cell),
        p("Start of period", st.head_cell),
        p("End of period", st.head_cell),
    ]
    back_row = [
        p("<b>Back pain</b> (0–10)"),
        p(f"<b>{one_decimal(b.mean)}</b>"),
        p(extreme(b.min, b.best_day)),
        p(extreme(b.max, b.worst_day)),
        p(f"<b>{one_decimal(b.start_avg)}</b> (7-day avg)"),
        p(f"<b>{one_decimal(b.end_avg)}</b> (7-day avg)"),
    ]
    if leg.days:
        leg_row = [
            p("<b>Leg pain</b> (0–10)"),
            p(f"<b>{one_decimal(leg.mean)}</b>"),
            p(f"<b>{leg.min}</b>"),
            p(f"<b>{leg.max}</b>"),
            p(f"recorded on {leg.days} of {s.days_logged} logged days"),
            p(""),
        ]
    else:
        leg_row = [p("<b>Leg pain</b> (0–10)"), p("not recorded"), p(""), p(""), p(""), p("")]
    peg_row = [
        p("<b>PEG</b> (0–10)"),
        p(""),
        p(""),
        p(""),
        p(f"<b>{one_decimal(peg.start)}</b> (first week)"),
        p(f"<b>{one_decimal(peg.end)}</b> (last week)" if peg.end is not None else "too few days yet"),
    ]
    daily_text = "; ".join(
        f"<b>{escape(m.label)}</b> {fmt_value(m, m.mean)} (first 7 days {fmt_value(m, m.first)}, "
        f"last 7 days {fmt_value(m, m.last)})"
        for m in s.daily.measures
        if m.days
    )
    first = 0.22 * width
    rest = (width - first) / 5
    table = Table([head, back_row, leg_row, peg_row], colWidths=[first] + [rest] * 5)
    style = grid_style()
    if leg.days:
        style.append(("SPAN", (4, 2), (5, 2)))
    table.setStyle(TableStyle(style))
    flare = s.flares
    flare_text = f"<b>Flares:</b> {plural(len(flare.days), 'flare day')} in {plural(len(flare.episodes), 'episode')}"
    if flare.judged_days == 0:
        flare_text = "<b>Flares:</b> too few days yet (a flare is judged against the usual level of the weeks before)"
    if flare.typical_length_days is not None:
        flare_text += f", typically {days_words(flare.typical_length_days)} long"
    flare_text += f"; {plural(len(flare.severe_days), 'severe day')} ({flares.SEVERE_BACK_PAIN} or more)"
    where = s.daily.where_it_hurts
    where_text = ""
    if where.days_marked:  # the regions themselves are on the body map beside the chart
        where_text = (
            f"<b>Leg symptoms</b> (where it hurts, {where.days_marked} days marked): "
            f"left {round(100 * (where.leg_left_share or 0))}%, "
            f"right {round(100 * (where.leg_right_share or 0))}% of those days."
        )
    return [
        table,
        Paragraph(
            "PEG: mean of pain and its interference with enjoyment of life and with general "
            f"activity (each 0–10), over the days all three were recorded. {flares.SHORT_DEFINITION}",
            st.small,
        ),
        Spacer(1, 3),
        Paragraph(f"<b>Direction:</b> {escape(f'{s.trend.sentence} {s.trend.details}'.strip())}", st.body),
        Paragraph(f"{flare_text}. {where_text}", st.body),
        *([Paragraph(f"Averages: {daily_text}.", st.body)] if daily_text else []),
    ]


def chart_section(data: ReportData, st: Styles, width: float) -> list["Flowable"]:
    """The pain chart, with the body map beside it (:mod:`journal.formats.pdf_body_map`)."""
    from reportlab.platypus import Spacer

    from journal.formats.pdf_body_map import chart_with_body_map

    s = data.summary
    return [Spacer(1, 4), chart_with_body_map(data.series, s.flares.days, s.daily.where_it_hurts, st, width, CHART_HEIGHT)]


def _trigger_names(triggers: Sequence[TriggerImpact], verdict: str) -> str:
    lags = {0: "same day", 1: "next day"}
    return ", ".join(f"{patient_text(t.name)} ({lags.get(t.lag_days, t.lag_days)})" for t in triggers if t.verdict == verdict)


def triggers_section(data: ReportData, st: Styles) -> list["Flowable"]:
    from reportlab.platypus import Paragraph

    s = data.summary
    out: list[Flowable] = [heading("Triggers associated with higher back pain", st)]
    if not s.triggers:
        out.append(Paragraph("No triggers were noted in this period.", st.body))
        return out
    lags = {0: "same day", 1: "next day"}
    higher = [
        f"<b>{patient_sentence(t.name)}</b> ({lags[t.lag_days]}): {escape(t.details)}"
        for t in s.triggers
        if t.verdict == insights.VERDICT_HIGHER
    ]
    lower = [
        f"<b>{patient_sentence(t.name)}</b> ({lags[t.lag_days]}): {escape(t.details)}"
        for t in s.triggers
        if t.verdict == insights.VERDICT_LOWER
    ]
    if higher:
        out += bullets(higher, st.body)
    else:
        out.append(Paragraph("No noted trigger went with clearly higher back pain in this period.", st.body))
    if lower:
        out.append(Paragraph("<b>Associated with lower back pain:</b>", st.body))
        out += bullets(lower, st.body)
    clear = [m for m in s.measure_associations if m.verdict in (insights.VERDICT_HIGHER, insights.VERDICT_LOWER)]
    out += bullets(
        [
            f"<b>{escape(m.label)}</b> ({'higher' if m.verdict == insights.VERDICT_HIGHER else 'lower'} "
            f"pain with {escape(worse_words(m.key))}): {escape(m.details)}"
            for m in clear
        ],
        st.body,
    )
    unclear = ", ".join(
        [_trigger_names(s.triggers, insights.VERDICT_UNCLEAR)]
        + [escape(m.label.lower()) for m in s.measure_associations if m.verdict == insights.VERDICT_UNCLEAR]
    ).strip(", ")
    if unclear:
        out.append(Paragraph(f"<b>No clear difference:</b> {unclear}.", st.body))
    too_few = _trigger_names(s.triggers, insights.VERDICT_TOO_FEW)
    if too_few:
        out.append(
            Paragraph(
                f"<b>Too few days to compare</b> (at least {insights.MIN_DAYS_PER_SIDE} with and "
                f"{insights.MIN_DAYS_PER_SIDE} without are needed): {too_few}.",
                st.body,
            )
        )
    out.append(Paragraph(escape(f"{s.trigger_note} {s.caveat}".strip()), st.caveat))
    return out


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
    from reportlab.platypus import Paragraph, Table, TableStyle

    s = data.summary
    out: list[Flowable] = [heading("Medications and self-care", st)]
    if not s.medications:
        return out + [Paragraph("None logged.", st.body)]
    rows = [[Paragraph("Used", st.head_cell), Paragraph(f"Days of {s.days_logged}", st.head_cell)]]
    rows += [[Paragraph(patient_text(m.name), st.cell), Paragraph(str(m.days), st.cell)] for m in s.medications]
    table = Table(rows, colWidths=[width * 0.70, width * 0.30], repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return out + [table]


def questions_for_report(data: ReportData, words: DateWords) -> list[str]:
    """The questions as printed: the patient's edited list, or the logged ones with dates."""
    if data.questions is not None:
        return [patient_text(q) for q in data.questions]
    return [f"{patient_text(q.text)} <font color='{MUTED}'>({words.short(q.date)})</font>" for q in data.summary.questions]


def _questions(data: ReportData, st: Styles, words: DateWords) -> list["Flowable"]:
    from reportlab.platypus import ListFlowable, ListItem, Paragraph

    from journal.formats.pdf_text import patient_paragraph

    out: list[Flowable] = [heading("The patient's questions", st)]
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
    build_left: Callable[[float], list["Flowable"]], build_right: Callable[[float], list["Flowable"]], width: float
) -> "Flowable":
    """Two columns where they fit in the space left on the page, otherwise the
    same content one after the other, which can run on to the next page."""
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

    out = [Spacer(1, 4), _side_by_side(left, right, width)]
    if not questions_beside:
        out += _questions(data, st, words)
    return out
