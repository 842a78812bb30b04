"""Page 1's key figures: back and leg pain, PEG, the direction, flares and where it hurts.

The table of averages, lowest, highest and the two ends of the period, then
the sentences under it (direction, flares, leg symptoms, daily measures and
the pain-now readings through the day). Part of
:mod:`journal.formats.pdf_page_one`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from journal.core import flares
from journal.core.daily_measures import fmt_value
from journal.core.words import days_words, one_decimal, plural
from journal.formats import ReportData
from journal.formats.pdf_style import DateWords, Styles, grid_style

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


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
