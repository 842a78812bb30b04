"""The report's later pages: one row per logged day (or per week), then the dated notes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journal.core.catalog import name_key
from journal.core.day import DayEntry
from journal.core.history import relief_text
from journal.core.summary import rounded
from journal.core.weeks import week_rows
from journal.core.words import one_decimal
from journal.formats import ReportData
from journal.formats.pdf_style import (
    ALERT_TEXT,
    FLARE_FILL,
    MAX_DAILY_ROWS_DAYS,
    STRIPE_FILL,
    DateWords,
    Styles,
    grid_style,
    heading,
    patient_text,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


def day_table(data: ReportData, st: Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    s = data.summary
    flare_set = set(s.flares.days)
    flagged = {(f.date, name_key(f.symptom)) for f in s.red_flags}

    def p(text: str, style: Any = st.cell) -> Any:
        return Paragraph(text, style)

    def symptoms(entry: DayEntry) -> str:
        return ", ".join(
            f"<font color='{ALERT_TEXT}'><b>{patient_text(x)}</b></font>"
            if (entry.date, name_key(x)) in flagged
            else patient_text(x)
            for x in entry.symptoms
        )

    head = ["Date", "Back", "Leg", "PEG", "Flare", "Sleep<br/>hours", "Medication / what helped", "Triggers", "Symptoms"]

    def taken(entry: DayEntry) -> str:
        """The day's medications, then what the patient did that helped, with their own ratings."""
        medications = ", ".join(patient_text(m) for m in entry.medications)
        helped = patient_text(relief_text(entry))
        return "; ".join(part for part in (medications, f"helped: {helped}" if helped else "") if part)

    rows: list[list[Any]] = [[p(h, st.head_cell) for h in head]]
    flare_rows: list[int] = []
    for e in data.entries:
        peg = None if e.peg is None else rounded(e.peg)
        if e.date in flare_set:
            flare_rows.append(len(rows))
        rows.append(
            [
                p(words.weekday(e.date)),
                p(f"<b>{e.back_pain}</b>"),
                p("–" if e.leg_pain is None else str(e.leg_pain)),
                p(one_decimal(peg)),
                p("<b>flare</b>" if e.date in flare_set else ""),
                p("–" if e.sleep_hours is None else f"{e.sleep_hours:g}"),
                p(taken(e)),
                p(", ".join(patient_text(t) for t in e.triggers)),
                p(symptoms(e)),
            ]
        )
    fixed = [55.0, 30.0, 24.0, 27.0, 30.0, 33.0]
    free = width - sum(fixed)
    table = Table(rows, colWidths=fixed + [free * 0.34, free * 0.31, free * 0.35], repeatRows=1, splitInRow=1)
    style = grid_style()
    style += [
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(STRIPE_FILL)]),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), colors.HexColor(FLARE_FILL)) for r in flare_rows]
    table.setStyle(TableStyle(style))
    intro = (
        f"One row per logged day ({s.days_logged} of {s.days_in_period}); days not logged are left "
        "out. Pain 0–10. Flare days shaded; red-flag symptoms in red."
    )
    return [heading("Day by day", st), Paragraph(intro, st.small), table]


def week_table(data: ReportData, st: Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    def p(text: str, style: Any = st.cell) -> Any:
        return Paragraph(text, style)

    head = [
        "Week from",
        "Days logged",
        "Back pain mean",
        "Back pain range",
        "Leg pain mean",
        "PEG mean",
        "Flare days",
        "Red-flag symptoms",
    ]
    rows: list[list[Any]] = [[p(h, st.head_cell) for h in head]]
    for w in week_rows(data.summary, data.entries):
        rows.append(
            [
                p(words.weekday(max(w.week_start, data.start))),
                p(f"{w.days_logged} of {w.days_in_period}"),
                p(f"<b>{one_decimal(w.back_mean)}</b>"),
                p(f"{w.back_min}–{w.back_max}"),
                p(one_decimal(w.leg_mean)),
                p(one_decimal(w.peg_mean)),
                p(str(w.flare_days) if w.flare_days else ""),
                p(", ".join(f"<font color='{ALERT_TEXT}'><b>{patient_text(n)}</b></font>" for n in w.red_flags)),
            ]
        )
    fractions = [0.17 if words.with_year else 0.12, 0.09, 0.1, 0.1, 0.1, 0.09, 0.08]
    fractions.append(1 - sum(fractions))
    table = Table(rows, colWidths=[width * f for f in fractions], repeatRows=1)
    style = grid_style()
    style += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(STRIPE_FILL)])]
    table.setStyle(TableStyle(style))
    intro = (
        f"One row per week (Monday to Sunday) because the period is longer than "
        f"{MAX_DAILY_ROWS_DAYS} days; weeks with no logged days are left out. Pain 0–10."
    )
    return [heading("Week by week", st), Paragraph(intro, st.small), table]


def notes_section(data: ReportData, st: Styles, width: float, words: DateWords) -> list["Flowable"]:
    from reportlab.platypus import Paragraph, Table, TableStyle

    from journal.formats.pdf_text import patient_paragraph

    notes = data.summary.notes
    out: list[Flowable] = [heading("Notes", st)]
    if not notes:
        return out + [Paragraph("No notes in this period.", st.body)]
    rows = [[Paragraph("Date", st.head_cell), Paragraph("Note, as written", st.head_cell)]]
    rows += [[Paragraph(f"<b>{words.weekday(n.date)}</b>", st.body), patient_paragraph(n.text, st.body)] for n in notes]
    first = 0.19 if words.with_year else 0.14
    table = Table(rows, colWidths=[width * first, width * (1 - first)], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(grid_style()))
    return out + [table]
