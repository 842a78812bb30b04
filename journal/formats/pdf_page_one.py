"""Page 1 of the report, in the order a clinician reads it.

Who and which period, red-flag symptoms, pain and its direction, the
chart, triggers, activities and pacing, medications and the questions.

This module draws the header, the red flags, the change over the period,
what the patient can do and the chart. The key figures are in
:mod:`journal.formats.pdf_page_one_figures`, the triggers in
:mod:`journal.formats.pdf_page_one_triggers` and the lower half of the page
in :mod:`journal.formats.pdf_page_one_lower`; this module re-exports the names
callers import from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

from journal.core.catalog import Urgency
from journal.core.changed_signs import changed_sign_notes
from journal.core.dates import day_words
from journal.core.redflags import RedFlag, grouped
from journal.core.words import plural
from journal.formats import ReportData
from journal.formats.pdf_page_one_figures import key_figures_section as key_figures_section
from journal.formats.pdf_page_one_figures import through_the_day_section as through_the_day_section
from journal.formats.pdf_page_one_lower import MAX_HELPED_ROWS as MAX_HELPED_ROWS
from journal.formats.pdf_page_one_lower import MAX_SIDE_QUESTION_CHARS as MAX_SIDE_QUESTION_CHARS
from journal.formats.pdf_page_one_lower import MAX_SIDE_QUESTIONS as MAX_SIDE_QUESTIONS
from journal.formats.pdf_page_one_lower import lower_page_one as lower_page_one
from journal.formats.pdf_page_one_lower import questions_for_report as questions_for_report
from journal.formats.pdf_page_one_triggers import triggers_section as triggers_section
from journal.formats.pdf_style import (
    ALERT_EDGE,
    ALERT_FILL,
    CALM_EDGE,
    CALM_FILL,
    TITLE,
    DateWords,
    Styles,
    bullets,
    heading,
    patient_text,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

CHART_HEIGHT: Final = 128.0
URGENCY_LABELS: Final = {Urgency.URGENT: "urgent", Urgency.SOON: "see a doctor soon"}


def header_section(data: ReportData, st: Styles) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Spacer

    s = data.summary
    parts = []
    if data.patient_name:
        parts.append(f"<b>Patient:</b> {patient_text(data.patient_name)}")
    parts.append(f"<b>Period:</b> {day_words(s.period.start)} to {day_words(s.period.end)} ({plural(s.days_in_period, 'day')})")
    parts.append(f"<b>Days logged:</b> {s.days_logged} of {s.days_in_period}")
    story = [
        Paragraph(TITLE, st.title),
        Spacer(1, 2),
        Paragraph("&nbsp;&nbsp;&nbsp;&nbsp;".join(parts), st.meta),
    ]
    if s.about_you is not None:  # only when the person ticked "include in my report"
        from journal.core.about_you import REPORT_TITLE, report_lines

        story.append(Paragraph(f"<b>{REPORT_TITLE}:</b> {escape('; '.join(report_lines(s.about_you)))}", st.meta))
    return [*story, Spacer(1, 6)]


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
        for group in grouped(flags):
            symptom, urgency, dates = group.symptom, group.urgency, group.dates
            # The time frame itself (what follows a ";" is for the patient, in their messages): page 1 stays one page.
            when = group.when.split(";")[0].strip()
            label = f"see a doctor {when}" if urgency is Urgency.SOON and when else URGENCY_LABELS[urgency]
            rows.append(
                [
                    Paragraph(
                        f"<b>{patient_text(symptom)}</b> ({escape(label)}) on "
                        f"{plural(len(dates), 'day')}: {', '.join(words.short(d) for d in dates)}",
                        st.alert,
                    )
                ]
            )
        rows += [
            [Paragraph(f"<b>{escape(lead)}</b> {escape(note)}", st.alert)]
            for lead, note in changed_sign_notes(flags, shared=data.summary.about_you is not None)
        ]
        fill, edge, line = colors.HexColor(ALERT_FILL), colors.HexColor(ALERT_EDGE), 1.2
    else:
        rows = [[Paragraph("<b>Red-flag symptoms:</b> None reported in this period.", st.calm)]]
        fill, edge, line = colors.HexColor(CALM_FILL), colors.HexColor(CALM_EDGE), 0.6
    six = data.summary.six_weeks
    if six is not None:  # page 1, with the warning signs: a reason to book an appointment
        rows.append([Paragraph(f"<b>Six weeks of severe pain:</b> {escape(six.message)}", st.alert if flags else st.calm)])
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


def change_section(data: ReportData, st: Styles) -> list["Flowable"]:
    """What changed from the first two weeks of the period to the last two, and whether it matters,
    with the patient's own impression of change beside it."""
    from reportlab.platypus import Paragraph

    from journal.core.visit_change import IMPRESSION_QUESTION, impression_words

    changes = data.summary.change
    if not changes or not data.for_visit:
        return []
    out: list[Flowable] = [heading("Change from the first two weeks to the last two", st)]
    out += bullets([patient_text(c.sentence) for c in changes], st.body)
    if data.impression is not None:
        out.append(
            Paragraph(
                f"<b>Your own rating:</b> {patient_text(impression_words(data.impression))} "
                f"<font size=7>(asked: “{patient_text(IMPRESSION_QUESTION)}”)</font>",
                st.body,
            )
        )
    out.append(
        Paragraph(
            "A fall of 30% or more is a moderately important improvement and 50% or more a substantial one "
            "(IMMPACT recommendations, 2008). Each end needs at least 7 logged days.",
            st.small,
        )
    )
    return out


def function_section(data: ReportData, st: Styles) -> list["Flowable"]:
    """What the patient could do: the first and last check of the period, in one short block."""
    from reportlab.platypus import Paragraph

    from journal.core.function_check import summary_lines

    lines = summary_lines(data.summary.function)
    if not lines:
        return []
    text = " → ".join(patient_text(line) for line in lines)
    return [Paragraph(f"<b>What you can do</b> (minutes before pain stops you; your own activity 0–10): {text}", st.body)]


def chart_section(data: ReportData, st: Styles, width: float) -> list["Flowable"]:
    """The pain chart, with the body map beside it (:mod:`journal.formats.pdf_body_map`)."""
    from reportlab.platypus import Spacer

    from journal.formats.pdf_body_map import chart_with_body_map

    s = data.summary
    treatments = [t.treatment for t in s.treatments]
    chart = chart_with_body_map(data.series, s.flares.days, s.daily.where_it_hurts, st, width, CHART_HEIGHT, treatments)
    out: list[Flowable] = [Spacer(1, 4), chart]
    if s.treatments:
        from journal.core.treatments import treatment_words

        out.append(heading("Treatments", st))
        out += bullets(
            [
                patient_text(f"{treatment_words(t.treatment)}. {t.sentence}" + ("" if t.leg is None else f" {t.leg.sentence}"))
                for t in s.treatments
            ],
            st.body,
        )
    return out
