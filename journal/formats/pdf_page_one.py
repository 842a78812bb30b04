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
from journal.core.changed_signs import changed_sign_notes
from journal.core.daily_measures import fmt_value
from journal.core.dates import day_words
from journal.core.redflags import RedFlag, grouped
from journal.core.trigger_model import TriggerImpact, worse_words
from journal.core.words import days_words, one_decimal, plural, whole_minutes
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
    grid_style,
    heading,
    patient_sentence,
    patient_text,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

CHART_HEIGHT: Final = 128.0
#: Rows of the page-1 table of medications and what helped (the most used first).
MAX_HELPED_ROWS: Final = 3
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
    if leg.flares is not None and leg.trend is not None:
        flare_text += (
            f". <b>Leg pain:</b> {plural(len(leg.flares.severe_days), 'severe day')}, "
            f"{plural(len(leg.flares.days), 'flare day')} in {plural(len(leg.flares.episodes), 'episode')}; "
            f"direction {leg.trend.verdict}"
        )
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
        *through_the_day_section(data, st),
    ]


def through_the_day_section(data: ReportData, st: Styles) -> list["Flowable"]:
    """Pain-now readings by part of the day, in one line (nothing without readings)."""
    from reportlab.platypus import Paragraph

    from journal.core.time_of_day import CHANCE_NOTE

    pattern = data.summary.through_the_day
    if pattern is None:
        return []
    heading, words = pattern.parts_of_sentence()
    note = f" {escape(CHANCE_NOTE)}" if pattern.enough else ""
    return [Paragraph(f"<b>{escape(heading)}:</b> {escape(words)}.{note}", st.body)]


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


def _trigger_names(triggers: Sequence[TriggerImpact], verdict: str) -> str:
    lags = {0: "same day", 1: "next day"}
    return ", ".join(
        f"{patient_text(t.name)} ({lags.get(t.lag_days, t.lag_days)}"
        + (f", with {patient_text(', '.join(t.together))})" if t.together else ")")
        for t in triggers
        if t.verdict == verdict
    )


def _fmt1(value: float | None) -> str:
    return one_decimal(value)


def _names_any_lag(triggers: Sequence[TriggerImpact], verdicts: Sequence[str]) -> str:
    """Each name once, whichever of its lags has one of ``verdicts`` (with what it is compared together
    with), leaving out names that are clearly higher or lower at a lag or for either pain."""
    clear = {t.name for t in triggers if t.verdict in (insights.VERDICT_HIGHER, insights.VERDICT_LOWER)}
    names: dict[str, str] = {}
    for t in triggers:
        if t.verdict in verdicts and t.name not in names and t.name not in clear:
            names[t.name] = patient_text(t.name) + (f" (with {patient_text(', '.join(t.together))})" if t.together else "")
    return ", ".join(names.values())


def triggers_section(data: ReportData, st: Styles) -> list["Flowable"]:
    from reportlab.platypus import Paragraph

    s = data.summary
    out: list[Flowable] = [heading("Triggers associated with higher back pain", st)]
    if not s.triggers:
        out.append(Paragraph("No triggers were noted in this period.", st.body))
        return out
    lags = {0: "same day", 1: "next day"}

    def with_together(t: TriggerImpact) -> str:
        leg = ", leg pain" if t.pain == "leg" else ""
        return leg + (f", with {patient_text(', '.join(t.together))}" if t.together else "")

    higher = [
        f"<b>{patient_sentence(t.name)}</b> ({lags[t.lag_days]}{with_together(t)}): {escape(t.details)}"
        for t in s.triggers
        if t.verdict == insights.VERDICT_HIGHER
    ]
    lower = [
        f"<b>{patient_sentence(t.name)}</b> ({lags[t.lag_days]}{with_together(t)}): {escape(t.details)}"
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
            f"pain with {escape(worse_words(m.key))}): {_fmt1(m.difference)} points per {escape(m.unit)} "
            f"(95% CI {_fmt1(m.ci_low)} to {_fmt1(m.ci_high)})"
            for m in clear
        ],
        st.body,
    )
    unclear = ", ".join(
        [_names_any_lag(s.triggers, insights.UNCLEAR_VERDICTS)]
        + [escape(m.label.lower()) for m in s.measure_associations if m.verdict in insights.UNCLEAR_VERDICTS]
    ).strip(", ")
    if unclear:
        out.append(Paragraph(f"<b>No clear pattern</b> (same day or next day): {unclear}.", st.body))
    too_few = _trigger_names(s.triggers, insights.VERDICT_TOO_FEW)
    if too_few:
        out.append(
            Paragraph(
                f"<b>Too few days to compare</b> (at least {insights.MIN_DAYS_PER_SIDE} with and "
                f"{insights.MIN_DAYS_PER_SIDE} without are needed): {too_few}.",
                st.body,
            )
        )
    out.append(Paragraph(escape(s.caveat), st.caveat))  # the caveat already says several comparisons were made
    if s.cautions:
        out.append(Paragraph("<b>Read with care:</b> " + " ".join(escape(c.sentence) for c in s.cautions), st.body))
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
