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

reportlab is imported inside the functions that draw, never at start-up.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import locale
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

from journal.core import flares, insights, stats
from journal.core.catalog import Urgency, name_key
from journal.core.daily_measures import fmt_value
from journal.core.dates import WEEKDAYS, day_words, short_month
from journal.core.day import DayEntry
from journal.core.redflags import RedFlag, grouped
from journal.core.resources import load_toml
from journal.core.summary import one_decimal, plural, rounded, whole_minutes
from journal.core.trigger_model import TriggerImpact
from journal.formats import ReportData, write_atomically

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

A4: Final = "A4"
LETTER: Final = "Letter"
#: Territories whose default paper is US Letter (as in glibc's LC_PAPER data).
LETTER_TERRITORIES: Final = frozenset(
    {"US", "CA", "MX", "CL", "CO", "CR", "DO", "GT", "NI", "PA", "PH", "PR", "SV", "VE"}
)
#: Longer periods get one table row per week instead of one per day.
MAX_DAILY_ROWS_DAYS: Final = 90
TITLE: Final = "Pain journal summary"
CHART_HEIGHT: Final = 128.0
#: Up to this many questions (and characters) sit beside the medications on page 1.
MAX_SIDE_QUESTIONS: Final = 8
MAX_SIDE_QUESTION_CHARS: Final = 700

_MARGIN_MM: Final = 15
_URGENCY_LABELS: Final = {Urgency.URGENT: "urgent", Urgency.SOON: "see a doctor soon"}

# colours (hex, converted when drawing)
_INK: Final = "#222222"
_MUTED: Final = "#5f5f5f"
_RULE: Final = "#b8b8b8"
_ALERT_TEXT: Final = "#9b1c1c"
_ALERT_FILL: Final = "#fdecec"
_ALERT_EDGE: Final = "#c62828"
_CALM_FILL: Final = "#eef5ee"
_CALM_EDGE: Final = "#8fb28f"
_HEAD_FILL: Final = "#e9eef5"
_STRIPE_FILL: Final = "#f6f7f9"
_FLARE_FILL: Final = "#fbe3e3"


# ---------------------------------------------------------------- page size


def _territory(value: str) -> str:
    """"en_US.UTF-8@euro" → "US"; "" when there is none."""
    base = value.split(".", 1)[0].split("@", 1)[0]
    return base.split("_", 1)[1].upper() if "_" in base else ""


def paper_for_locale(env: Mapping[str, str] | None = None) -> str:
    """"Letter" for US-Letter territories (en_US, en_CA, es_MX, …), else "A4".

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


# ---------------------------------------------------------------- words and numbers


def days_words(value: float) -> str:
    """"2 days", "1 day", "1.5 days"."""
    if value == int(value):
        return plural(int(value), "day")
    return f"{one_decimal(value)} days"


@dataclass(frozen=True, slots=True)
class DateWords:
    """Dates as the report writes them; the year only when the period spans two."""

    with_year: bool

    def short(self, day: dt.date) -> str:
        text = f"{day.day} {short_month(day)}"
        return f"{text} {day.year}" if self.with_year else text

    def weekday(self, day: dt.date) -> str:
        return f"{WEEKDAYS[day.weekday()][:3]} {self.short(day)}"


long_date = day_words  # "3 Mar 2025": unambiguous in every English-speaking country


def disclaimer() -> str:
    """The one-line disclaimer for page footers (resources/content/disclaimer.toml)."""
    return " ".join(str(load_toml("content/disclaimer.toml")["short"]).split())


# ---------------------------------------------------------------- week rows


@dataclass(frozen=True, slots=True)
class WeekRow:
    """One Monday-to-Sunday week of the period (clipped to it) with logged days."""

    week_start: dt.date
    days_in_period: int  # 7, or fewer for a week cut by the start or end of the period
    days_logged: int
    back_mean: float | None
    back_min: int
    back_max: int
    leg_mean: float | None
    peg_mean: float | None
    flare_days: int
    red_flags: tuple[str, ...]


def week_rows(data: ReportData) -> list[WeekRow]:
    """The weekly table of a long period.

    PEG means and flare days are the summary's (``peg.weekly``,
    ``flares.days``); back and leg means use the same rounding as the summary.
    """
    weeks: dict[dt.date, list[DayEntry]] = {}
    for entry in data.entries:
        weeks.setdefault(entry.date - dt.timedelta(days=entry.date.weekday()), []).append(entry)
    peg = {w.week_start: w.mean for w in data.summary.peg.weekly}
    flare_weeks: dict[dt.date, int] = {}
    for day in data.summary.flares.days:
        monday = day - dt.timedelta(days=day.weekday())
        flare_weeks[monday] = flare_weeks.get(monday, 0) + 1
    flags: dict[dt.date, list[str]] = {}
    for flag in data.summary.red_flags:
        names = flags.setdefault(flag.date - dt.timedelta(days=flag.date.weekday()), [])
        if flag.symptom not in names:
            names.append(flag.symptom)
    rows = []
    for monday, entries in weeks.items():
        backs = [e.back_pain for e in entries]
        legs = [float(e.leg_pain) for e in entries if e.leg_pain is not None]
        rows.append(WeekRow(
            week_start=monday,
            days_in_period=(min(monday + dt.timedelta(days=6), data.end) - max(monday, data.start)).days + 1,
            days_logged=len(entries),
            back_mean=rounded(stats.mean([float(b) for b in backs])),
            back_min=min(backs),
            back_max=max(backs),
            leg_mean=rounded(stats.mean(legs)),
            peg_mean=peg.get(monday),
            flare_days=flare_weeks.get(monday, 0),
            red_flags=tuple(flags.get(monday, ())),
        ))
    return rows


# ---------------------------------------------------------------- styles and fonts


_FONT_FILES: Final = {
    "Body": "DejaVuSans.ttf",
    "Body-Bold": "DejaVuSans-Bold.ttf",
    "Body-Italic": "DejaVuSans-Oblique.ttf",
    "Body-BoldItalic": "DejaVuSans-BoldOblique.ttf",
}
_fonts_registered: list[tuple[str, str, str]] = []


def _fonts() -> tuple[str, str, str]:
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
        if all((folder / f).is_file() for f in _FONT_FILES.values()):
            for name, file in _FONT_FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(folder / file)))
            addMapping("Body", 0, 0, "Body")
            addMapping("Body", 1, 0, "Body-Bold")
            addMapping("Body", 0, 1, "Body-Italic")
            addMapping("Body", 1, 1, "Body-BoldItalic")
            chosen = ("Body", "Body-Bold", "Body-Italic")
    _fonts_registered.append(chosen)
    return chosen


@dataclass(frozen=True)
class _Styles:
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


def _styles() -> _Styles:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold, italic = _fonts()
    ink, muted = colors.HexColor(_INK), colors.HexColor(_MUTED)
    body = ParagraphStyle("body", fontName=regular, fontSize=8.6, leading=11, textColor=ink)
    cell = ParagraphStyle("cell", parent=body, fontSize=7.8, leading=9.4)
    return _Styles(
        regular, bold, italic,
        title=ParagraphStyle("title", parent=body, fontName=bold, fontSize=15, leading=18),
        meta=ParagraphStyle("meta", parent=body, fontSize=9.5, leading=12.5),
        h2=ParagraphStyle("h2", parent=body, fontName=bold, fontSize=10.2, leading=12.5,
                          spaceBefore=6, spaceAfter=2, textColor=colors.HexColor("#1d3557")),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.2, leading=8.8, textColor=muted,
                             spaceBefore=1.5),
        caveat=ParagraphStyle("caveat", parent=body, fontName=italic, fontSize=7.6, leading=9.6,
                              textColor=muted, spaceBefore=2),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=bold),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        head_cell=ParagraphStyle("head_cell", parent=cell, fontName=bold, textColor=ink),
        alert=ParagraphStyle("alert", parent=body, textColor=colors.HexColor(_ALERT_TEXT)),
        alert_title=ParagraphStyle("alert_title", parent=body, fontName=bold, fontSize=10,
                                   leading=13, textColor=colors.HexColor(_ALERT_TEXT)),
        calm=ParagraphStyle("calm", parent=body),
    )


def _clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _text(value: str) -> str:
    """The patient's words (a name, a note) as Paragraph markup: safe, line breaks kept,
    drawn as written in any script (see :mod:`journal.formats.pdf_text`)."""
    from journal.formats.pdf_text import markup

    return markup(value, _fonts()[0])


def _sentence(value: str) -> str:
    """A sentence of the report that quotes the patient's words (a trigger's name)."""
    from journal.formats.pdf_text import markup

    return markup(value, _fonts()[0], direction="ltr")


# ---------------------------------------------------------------- page 1


def _heading(text: str, st: _Styles) -> "Flowable":
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), st.h2)


def _bullets(items: Sequence[str], style: Any, *, numbered: bool = False) -> list["Flowable"]:
    from reportlab.platypus import ListFlowable, ListItem, Paragraph

    if not items:
        return []
    indent = (14 if len(items) < 10 else 19) if numbered else 11
    return [ListFlowable(
        [ListItem(Paragraph(item, style), leftIndent=indent) for item in items],
        bulletType="1" if numbered else "bullet", start="1" if numbered else "•",
        bulletFormat="%s." if numbered else None,
        bulletFontName=style.fontName, bulletFontSize=style.fontSize if numbered else style.fontSize - 1,
        leftIndent=indent, bulletDedent=indent - 1, spaceBefore=0,
    )]


def _header(data: ReportData, st: _Styles) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Spacer

    s = data.summary
    parts = []
    if data.patient_name:
        parts.append(f"<b>Patient:</b> {_text(data.patient_name)}")
    parts.append(
        f"<b>Period:</b> {long_date(s.period.start)} to {long_date(s.period.end)} "
        f"({plural(s.days_in_period, 'day')})"
    )
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


def _red_flags(data: ReportData, st: _Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    flags = data.summary.red_flags
    if flags:
        rows: list[list[Any]] = [[Paragraph("Red-flag symptoms reported", st.alert_title)]]
        for symptom, urgency, dates in grouped_red_flags(flags):
            rows.append([Paragraph(
                f"<b>{_text(symptom)}</b> ({_URGENCY_LABELS.get(urgency, urgency.value)}) on "
                f"{plural(len(dates), 'day')}: {', '.join(words.short(d) for d in dates)}",
                st.alert,
            )])
        fill, edge, line = colors.HexColor(_ALERT_FILL), colors.HexColor(_ALERT_EDGE), 1.2
    else:
        rows = [[Paragraph("<b>Red-flag symptoms:</b> None reported in this period.", st.calm)]]
        fill, edge, line = colors.HexColor(_CALM_FILL), colors.HexColor(_CALM_EDGE), 0.6
    table = Table(rows, colWidths=[width])
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("BOX", (0, 0), (-1, -1), line, edge),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
    ]))
    return [table]


def _grid_style(header_rows: int = 1) -> list[tuple[Any, ...]]:
    from reportlab.lib import colors

    return [
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(_HEAD_FILL)),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.6, colors.HexColor(_RULE)),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.HexColor(_RULE)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]


def _key_figures(data: ReportData, st: _Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    s = data.summary
    b, leg, peg = s.back_pain, s.leg_pain, s.peg

    def p(text: str, style: Any = st.cell) -> Any:
        return Paragraph(text, style)

    def extreme(value: int | None, day: Any) -> str:
        if value is None:
            return "–"
        return f"<b>{value}</b>" + (f" on {words.short(day.date)}" if day is not None else "")

    head = [p(""), p("Average", st.head_cell), p("Lowest", st.head_cell), p("Highest", st.head_cell),
            p("Start of period", st.head_cell), p("End of period", st.head_cell)]
    back_row = [p("<b>Back pain</b> (0–10)"), p(f"<b>{one_decimal(b.mean)}</b>"),
                p(extreme(b.min, b.best_day)), p(extreme(b.max, b.worst_day)),
                p(f"<b>{one_decimal(b.start_avg)}</b> (7-day avg)"),
                p(f"<b>{one_decimal(b.end_avg)}</b> (7-day avg)")]
    if leg.days:
        leg_row = [p("<b>Leg pain</b> (0–10)"), p(f"<b>{one_decimal(leg.mean)}</b>"),
                   p(f"<b>{leg.min}</b>"), p(f"<b>{leg.max}</b>"),
                   p(f"recorded on {leg.days} of {s.days_logged} logged days"), p("")]
    else:
        leg_row = [p("<b>Leg pain</b> (0–10)"), p("not recorded"), p(""), p(""), p(""), p("")]
    peg_row = [p("<b>PEG</b> (0–10)"), p(""), p(""), p(""),
               p(f"<b>{one_decimal(peg.start)}</b> (first 7 days)"),
               p(f"<b>{one_decimal(peg.end)}</b> (last 7 days)")]
    daily_text = "; ".join(
        f"<b>{escape(m.label)}</b> {fmt_value(m, m.mean)} (first 7 days {fmt_value(m, m.first)}, "
        f"last 7 days {fmt_value(m, m.last)})"
        for m in s.daily.measures if m.days
    )
    first = 0.22 * width
    rest = (width - first) / 5
    table = Table([head, back_row, leg_row, peg_row], colWidths=[first] + [rest] * 5)
    style = _grid_style()
    if leg.days:
        style.append(("SPAN", (4, 2), (5, 2)))
    table.setStyle(TableStyle(style))
    flare = s.flares
    flare_text = (
        f"<b>Flares:</b> {plural(len(flare.days), 'flare day')} in "
        f"{plural(len(flare.episodes), 'episode')}"
    )
    if flare.typical_length_days is not None:
        flare_text += f", typically {days_words(flare.typical_length_days)} long"
    flare_text += f"; {plural(len(flare.severe_days), 'severe day')} ({flares.SEVERE_BACK_PAIN} or more)"
    where = s.daily.where_it_hurts
    where_text = ""
    if where.days_marked:
        regions = ", ".join(f"{escape(r.label.lower())} {round(100 * r.share)}%" for r in where.regions[:4])
        where_text = (
            f"<b>Where it hurts</b> (share of the {where.days_marked} days marked): {regions}. "
            f"<b>Leg symptoms:</b> left {round(100 * (where.leg_left_share or 0))}%, "
            f"right {round(100 * (where.leg_right_share or 0))}% of those days.")
    return [
        table,
        Paragraph(
            "PEG: mean of pain and its interference with enjoyment of life and with general "
            f"activity (each 0–10), over the days all three were recorded. {flares.SHORT_DEFINITION}",
            st.small),
        Spacer(1, 3),
        Paragraph(f"<b>Direction:</b> {escape(f'{s.trend.sentence} {s.trend.details}'.strip())}", st.body),
        Paragraph(f"{flare_text}. {where_text}", st.body),
        *([Paragraph(f"Averages: {daily_text}.", st.body)] if daily_text else []),
    ]


def _chart(data: ReportData, st: _Styles, width: float) -> list["Flowable"]:
    from reportlab.platypus import Spacer

    from journal.formats.report_chart import pain_chart

    return [Spacer(1, 4), pain_chart(data.series, data.summary.flares.days, width, CHART_HEIGHT,
                                     font=st.regular)]


def _trigger_names(triggers: Sequence[TriggerImpact], verdict: str) -> str:
    lags = {0: "same day", 1: "next day"}
    return ", ".join(f"{_text(t.name)} ({lags.get(t.lag_days, t.lag_days)})"
                     for t in triggers if t.verdict == verdict)


def _triggers(data: ReportData, st: _Styles) -> list["Flowable"]:
    from reportlab.platypus import Paragraph

    s = data.summary
    out: list[Flowable] = [_heading("Triggers associated with higher back pain", st)]
    if not s.triggers:
        out.append(Paragraph("No triggers were noted in this period.", st.body))
        return out
    lags = {0: "same day", 1: "next day"}
    higher = [f"<b>{_sentence(t.name)}</b> ({lags[t.lag_days]}): {escape(t.details)}" for t in s.triggers
              if t.verdict == insights.VERDICT_HIGHER]
    lower = [f"<b>{_sentence(t.name)}</b> ({lags[t.lag_days]}): {escape(t.details)}" for t in s.triggers
             if t.verdict == insights.VERDICT_LOWER]
    if higher:
        out += _bullets(higher, st.body)
    else:
        out.append(Paragraph("No noted trigger went with clearly higher back pain in this period.", st.body))
    if lower:
        out.append(Paragraph("<b>Associated with lower back pain:</b>", st.body))
        out += _bullets(lower, st.body)
    clear = [m for m in s.measure_associations
             if m.verdict in (insights.VERDICT_HIGHER, insights.VERDICT_LOWER)]
    out += _bullets([f"<b>{escape(m.label)}</b> ({'higher' if m.verdict == insights.VERDICT_HIGHER else 'lower'} "
                     f"pain with {escape(m.unit.split(' ', 1)[1])}): {escape(m.details)}" for m in clear], st.body)
    unclear = ", ".join([_trigger_names(s.triggers, insights.VERDICT_UNCLEAR)] + [
        escape(m.label.lower()) for m in s.measure_associations
        if m.verdict == insights.VERDICT_UNCLEAR]).strip(", ")
    if unclear:
        out.append(Paragraph(f"<b>No clear difference:</b> {unclear}.", st.body))
    too_few = _trigger_names(s.triggers, insights.VERDICT_TOO_FEW)
    if too_few:
        out.append(Paragraph(
            f"<b>Too few days to compare</b> (at least {insights.MIN_DAYS_PER_SIDE} with and "
            f"{insights.MIN_DAYS_PER_SIDE} without are needed): {too_few}.", st.body))
    out.append(Paragraph(escape(f"{s.trigger_note} {s.caveat}".strip()), st.caveat))
    return out


def _activities(data: ReportData, st: _Styles, width: float) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    s = data.summary
    out: list[Flowable] = [_heading("Activities and exercise", st)]
    if not s.activities.items:
        return out + [Paragraph("No activities logged.", st.body)]
    rows = [[Paragraph(h, st.head_cell) for h in ("Activity", "Days", "Minutes a week", "Usual session")]]
    for a in s.activities.items:
        usual = "–" if a.baseline_minutes is None else f"{whole_minutes(a.baseline_minutes)} min"
        rows.append([Paragraph(_text(a.name), st.cell), Paragraph(str(a.days), st.cell),
                     Paragraph(whole_minutes(a.minutes_per_week), st.cell), Paragraph(usual, st.cell)])
    table = Table(rows, colWidths=[width * 0.40, width * 0.14, width * 0.24, width * 0.22], repeatRows=1)
    table.setStyle(TableStyle(_grid_style()))
    return out + [table, Paragraph(
        "Minutes a week = minutes per 7 logged days. Usual session = median minutes on the days "
        "it was done.", st.small)]


def _pacing(data: ReportData, st: _Styles) -> list["Flowable"]:
    from reportlab.platypus import Paragraph

    pacing = data.summary.activities.pacing
    out: list[Flowable] = [_heading("Pacing observations", st)]
    if not pacing:
        return out + [Paragraph(
            "No effortful activity was followed by a flare within two days clearly more often after "
            "days of much more of it than usual than after its other days, and more sitting did not "
            "clearly go with higher pain.", st.body)]
    return out + _bullets([_sentence(p.reason) for p in pacing], st.body)


def _medications(data: ReportData, st: _Styles, width: float) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    s = data.summary
    out: list[Flowable] = [_heading("Medications and self-care", st)]
    if not s.medications:
        return out + [Paragraph("None logged.", st.body)]
    rows = [[Paragraph("Used", st.head_cell), Paragraph(f"Days of {s.days_logged}", st.head_cell)]]
    rows += [[Paragraph(_text(m.name), st.cell), Paragraph(str(m.days), st.cell)] for m in s.medications]
    table = Table(rows, colWidths=[width * 0.70, width * 0.30], repeatRows=1)
    table.setStyle(TableStyle(_grid_style()))
    return out + [table]


def questions_for_report(data: ReportData, words: DateWords) -> list[str]:
    """The questions as printed: the patient's edited list, or the logged ones with dates."""
    if data.questions is not None:
        return [_text(q) for q in data.questions]
    return [f"{_text(q.text)} <font color='{_MUTED}'>({words.short(q.date)})</font>"
            for q in data.summary.questions]


def _questions(data: ReportData, st: _Styles, words: DateWords) -> list["Flowable"]:
    from reportlab.platypus import ListFlowable, ListItem, Paragraph

    from journal.formats.pdf_text import patient_paragraph

    out: list[Flowable] = [_heading("The patient's questions", st)]
    if data.questions is not None:
        items = [patient_paragraph(q, st.body) for q in data.questions]
    else:
        items = [patient_paragraph(q.text, st.body, suffix=f" <font color='{_MUTED}'>({words.short(q.date)})</font>")
                 for q in data.summary.questions]
    if not items:
        return out + [Paragraph("No questions noted.", st.body)]
    indent = 14 if len(items) < 10 else 19
    return out + [ListFlowable(
        [ListItem(item, leftIndent=indent) for item in items],
        bulletType="1", start="1", bulletFormat="%s.", bulletFontName=st.body.fontName,
        bulletFontSize=st.body.fontSize, leftIndent=indent, bulletDedent=indent - 1, spaceBefore=0,
    )]


def _side_by_side(build_left: Callable[[float], list["Flowable"]],
                  build_right: Callable[[float], list["Flowable"]], width: float) -> "Flowable":
    """Two columns where they fit in the space left on the page, otherwise the
    same content one after the other, which can run on to the next page."""
    from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

    gap = 14.0
    left_w = (width - gap) * 0.56
    right_w = width - gap - left_w
    min_room_to_split = 150.0

    class ColumnsOrStack(Flowable):
        def __init__(self) -> None:
            super().__init__()
            self._table = Table([[build_left(left_w), "", build_right(right_w)]],
                                colWidths=[left_w, gap, right_w])
            self._table.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]))

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


def _lower_page_one(data: ReportData, st: _Styles, width: float, words: DateWords) -> list["Flowable"]:
    """Activities and pacing beside medications (and a short list of questions)."""
    from reportlab.platypus import Spacer

    items = questions_for_report(data, words)
    questions_beside = (len(items) <= MAX_SIDE_QUESTIONS
                        and sum(len(q) for q in items) <= MAX_SIDE_QUESTION_CHARS)

    def left(w: float) -> list["Flowable"]:
        return _activities(data, st, w) + _pacing(data, st)

    def right(w: float) -> list["Flowable"]:
        found = _medications(data, st, w)
        return found + _questions(data, st, words) if questions_beside else found

    out = [Spacer(1, 4), _side_by_side(left, right, width)]
    if not questions_beside:
        out += _questions(data, st, words)
    return out


# ---------------------------------------------------------------- later pages


def _day_table(data: ReportData, st: _Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    s = data.summary
    flare_set = set(s.flares.days)
    flagged = {(f.date, name_key(f.symptom)) for f in s.red_flags}

    def p(text: str, style: Any = st.cell) -> Any:
        return Paragraph(text, style)

    def symptoms(entry: DayEntry) -> str:
        return ", ".join(
            f"<font color='{_ALERT_TEXT}'><b>{_text(x)}</b></font>"
            if (entry.date, name_key(x)) in flagged else _text(x)
            for x in entry.symptoms
        )

    head = ["Date", "Back", "Leg", "PEG", "Flare", "Sleep<br/>hours", "Medication / self-care",
            "Triggers", "Symptoms"]
    rows: list[list[Any]] = [[p(h, st.head_cell) for h in head]]
    flare_rows: list[int] = []
    for e in data.entries:
        peg = None if e.peg is None else rounded(e.peg)
        if e.date in flare_set:
            flare_rows.append(len(rows))
        rows.append([
            p(words.weekday(e.date)),
            p(f"<b>{e.back_pain}</b>"),
            p("–" if e.leg_pain is None else str(e.leg_pain)),
            p(one_decimal(peg)),
            p("<b>flare</b>" if e.date in flare_set else ""),
            p("–" if e.sleep_hours is None else f"{e.sleep_hours:g}"),
            p(", ".join(_text(m) for m in e.medications)),
            p(", ".join(_text(t) for t in e.triggers)),
            p(symptoms(e)),
        ])
    fixed = [55.0, 30.0, 24.0, 27.0, 30.0, 33.0]
    free = width - sum(fixed)
    table = Table(rows, colWidths=fixed + [free * 0.34, free * 0.31, free * 0.35], repeatRows=1,
                  splitInRow=1)
    style = _grid_style()
    style += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(_STRIPE_FILL)]),
              ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor(_FLARE_FILL)) for r in flare_rows]
    table.setStyle(TableStyle(style))
    intro = (
        f"One row per logged day ({s.days_logged} of {s.days_in_period}); days not logged are left "
        "out. Pain 0–10. Flare days shaded; red-flag symptoms in red."
    )
    return [_heading("Day by day", st), Paragraph(intro, st.small), table]


def _week_table(data: ReportData, st: _Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    def p(text: str, style: Any = st.cell) -> Any:
        return Paragraph(text, style)

    head = ["Week from", "Days logged", "Back pain mean", "Back pain range", "Leg pain mean",
            "PEG mean", "Flare days", "Red-flag symptoms"]
    rows: list[list[Any]] = [[p(h, st.head_cell) for h in head]]
    for w in week_rows(data):
        rows.append([
            p(words.weekday(max(w.week_start, data.start))),
            p(f"{w.days_logged} of {w.days_in_period}"),
            p(f"<b>{one_decimal(w.back_mean)}</b>"),
            p(f"{w.back_min}–{w.back_max}"),
            p(one_decimal(w.leg_mean)),
            p(one_decimal(w.peg_mean)),
            p(str(w.flare_days) if w.flare_days else ""),
            p(", ".join(f"<font color='{_ALERT_TEXT}'><b>{_text(n)}</b></font>" for n in w.red_flags)),
        ])
    fractions = [0.17 if words.with_year else 0.12, 0.09, 0.1, 0.1, 0.1, 0.09, 0.08]
    fractions.append(1 - sum(fractions))
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1)
    style = _grid_style()
    style += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(_STRIPE_FILL)])]
    table.setStyle(TableStyle(style))
    intro = (
        f"One row per week (Monday to Sunday) because the period is longer than "
        f"{MAX_DAILY_ROWS_DAYS} days; weeks with no logged days are left out. Pain 0–10."
    )
    return [_heading("Week by week", st), Paragraph(intro, st.small), table]


def _notes(data: ReportData, st: _Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    from journal.formats.pdf_text import patient_paragraph

    notes = data.summary.notes
    out: list[Flowable] = [_heading("Notes", st)]
    if not notes:
        return out + [Paragraph("No notes in this period.", st.body)]
    rows = [[Paragraph("Date", st.head_cell), Paragraph("Note, as written", st.head_cell)]]
    rows += [[Paragraph(f"<b>{words.weekday(n.date)}</b>", st.body), patient_paragraph(n.text, st.body)]
             for n in notes]
    first = 0.19 if words.with_year else 0.14
    table = Table(rows, colWidths=[width * first, width * (1 - first)], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(_grid_style()))
    return out + [table]


# ---------------------------------------------------------------- pages


def _canvas_class(running_head: str, footer_left: str, generated: str, st: _Styles,
                  pages_seen: list[int]) -> type:
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
            margin = _MARGIN_MM * 72 / 25.4
            number = self._pageNumber
            self.saveState()
            self.setStrokeColor(colors.HexColor(_RULE))
            self.setLineWidth(0.5)
            if number > 1:
                head = Paragraph(running_head, ParagraphStyle(
                    "running_head", fontName=st.regular, fontSize=7.5, leading=9,
                    textColor=colors.HexColor(_MUTED)))
                head.wrap(width - 2 * margin, 20)
                head.drawOn(self, margin, height - margin + 8 - 1.5)  # baseline where drawString put it
                self.line(margin, height - margin + 5, width - margin, height - margin + 5)
            y = margin - 12
            self.line(margin, y + 9, width - margin, y + 9)
            self.setFillColor(colors.HexColor(_MUTED))
            self.setFont(st.regular, 7.2)
            self.drawString(margin, y, footer_left)
            self.drawString(margin, y - 9.5, f"Generated {generated} by Pain Journal, from the patient's own daily entries.")
            self.setFont(st.bold, 8)
            self.setFillColor(colors.HexColor(_INK))
            self.drawRightString(width - margin, y - 9.5, f"Page {number} of {total}")
            self.restoreState()

    return NumberedCanvas


def build_story(data: ReportData, width: float, height: float) -> list["Flowable"]:
    """Every flowable of the report, page 1 first; ``width`` × ``height`` is the frame."""
    from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak

    st = _styles()
    words = DateWords(with_year=data.start.year != data.end.year)
    story: list[Flowable] = []
    story += _header(data, st)
    story += _red_flags(data, st, width, words)
    story.append(_heading("Pain over the period", st))
    story += _key_figures(data, st, width, words)
    story += _chart(data, st, width)
    story.append(KeepTogether(_triggers(data, st)))
    story += _lower_page_one(data, st, width, words)
    story.append(PageBreak())
    if data.summary.days_in_period > MAX_DAILY_ROWS_DAYS:
        story += _week_table(data, st, width, words)
    else:
        story += _day_table(data, st, width, words)
    story.append(CondPageBreak(80))
    story += _notes(data, st, width, words)
    return story


def render_pdf(data: ReportData, target: Path | io.BytesIO, *, paper: str | None = None) -> int:
    """Draw the report into ``target``; return the number of pages."""
    from reportlab.lib.pagesizes import A4 as A4_SIZE
    from reportlab.lib.pagesizes import LETTER as LETTER_SIZE
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    size = LETTER_SIZE if (paper or paper_for_locale()) == LETTER else A4_SIZE
    margin = _MARGIN_MM * mm
    bottom = margin + 10  # room for the two footer lines
    s = data.summary
    period = f"{long_date(s.period.start)} to {long_date(s.period.end)}"
    who = f"{data.patient_name}, " if data.patient_name else ""
    short_who = f"{_text(_clip(data.patient_name, 60))}, " if data.patient_name else ""
    doc = BaseDocTemplate(
        str(target) if isinstance(target, Path) else target,
        pagesize=size,
        leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=bottom,
        title=f"{TITLE}: {who}{period}",
        author=data.patient_name,
        subject="Daily pain journal summary for a clinician",
        creator="Pain Journal",
    )
    frame = Frame(margin, bottom, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    st = _styles()
    pages: list[int] = []
    canvas_class = _canvas_class(
        f"{escape(TITLE)}: {short_who}{escape(period)}", disclaimer(), long_date(data.generated.date()), st, pages,
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
