"""What the export dialog offers, in plain Python: periods, formats, file names and the request.

The dialog (:mod:`journal.ui.export_dialog`) shows these choices and reads the
widgets into an :class:`ExportRequest`; :func:`write_export` runs it on the
worker. Nothing here touches Qt, so the choices are tested without a window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from journal.app.periods import PeriodChoice
from journal.app.reports import ExportFormat
from journal.core.dates import day_words
from journal.core.words import plural

if TYPE_CHECKING:
    from journal.app.journal_file import Journal

SETTING_NAME: Final = "report.patient_name"
SETTING_LAST_VISIT: Final = "report.last_visit"


#: The report's period choices, in the order listed.
PERIOD_LABELS: Final[dict[PeriodChoice, str]] = {
    PeriodChoice.DAYS_30: "Last 30 days",
    PeriodChoice.DAYS_90: "Last 90 days",
    PeriodChoice.SINCE_VISIT: "Since my last visit",
    PeriodChoice.CUSTOM: "Dates I choose",
}


#: The choices of the Format box, in this order (the one export-format type is the use case's).
FORMAT_LABELS: Final[dict[ExportFormat, str]] = {
    ExportFormat.PDF: "PDF summary – to read, print or email",
    ExportFormat.CSV: "CSV – every day, for a spreadsheet",
    ExportFormat.FHIR: "FHIR JSON – for health-record systems",
}


@dataclass(frozen=True)
class FormatOptions:
    """What of the dialog a format uses, and a sentence saying what the file holds."""

    short_name: str
    uses_name: bool
    uses_questions: bool
    printable: bool
    note: str


#: Per format: the fields that do not apply are disabled and the note says why.
FORMAT_OPTIONS: Final[dict[ExportFormat, FormatOptions]] = {
    ExportFormat.PDF: FormatOptions(
        "PDF",
        uses_name=True,
        uses_questions=True,
        printable=True,
        note="A summary to read, print or email: page 1 shows the main picture, the day-by-day detail follows.",
    ),
    ExportFormat.CSV: FormatOptions(
        "CSV",
        uses_name=False,
        uses_questions=False,
        printable=False,
        note="Every day of the period, one row each, for a spreadsheet. "
        "A CSV file holds your days only: not your name, not the questions above. Only the PDF can be printed.",
    ),
    ExportFormat.FHIR: FormatOptions(
        "FHIR",
        uses_name=True,
        uses_questions=False,
        printable=False,
        note="Your measurements as FHIR R4 observations, for a health-record system. "
        "Your name goes in if you give it; the questions above do not. Only the PDF can be printed.",
    ),
}
#: Endings this dialog writes: a chosen file name with another of them gets the format's instead.
EXPORT_SUFFIXES: Final = frozenset(fmt.suffix for fmt in ExportFormat)


def with_format_suffix(path: Path, fmt: ExportFormat) -> Path:
    """``path`` ending in ``fmt``'s suffix: "days.pdf" becomes "days.csv", "days" becomes "days.csv"."""
    if path.suffix.lower() == fmt.suffix:
        return path
    if path.suffix.lower() in EXPORT_SUFFIXES:
        return path.with_suffix(fmt.suffix)
    return path.with_name(path.name + fmt.suffix)


@dataclass(frozen=True)
class ExportRequest:
    """Everything the worker needs, read from the widgets on the GUI thread."""

    path: Path
    format: ExportFormat
    start: dt.date
    end: dt.date
    patient_name: str
    questions: tuple[str, ...]
    last_visit: dt.date | None
    impression: int | None = None  # 1 very much better … 7 very much worse (journal.core.visit_change)
    with_readings: bool = False  # CSV: the pain-now readings too, in a second file beside it


#: The Save dialog's filter per format.
FILE_FILTERS: Final[dict[ExportFormat, str]] = {
    ExportFormat.PDF: "PDF files (*.pdf)",
    ExportFormat.CSV: "CSV files (*.csv)",
    ExportFormat.FHIR: "FHIR JSON files (*.json)",
}


def suggested_file_name(fmt: ExportFormat, end: dt.date) -> str:
    """The file name offered for a period ending on ``end``: a CSV holds the days themselves, not a summary."""
    stem = {
        ExportFormat.PDF: f"pain-summary-{end.isoformat()}",
        ExportFormat.CSV: f"pain-journal-days-{end.isoformat()}",
        ExportFormat.FHIR: f"pain-summary-{end.isoformat()}-fhir",
    }[fmt]
    return stem + fmt.suffix


def period_words(start: dt.date, end: dt.date) -> str:
    """The period under the Period box: its days in words, or what is wrong with it."""
    if start > end:
        return "The first day is after the last day: please change one of them."
    return f"{day_words(start)} to {day_words(end)} ({plural((end - start).days + 1, 'day')})"


def write_export(journal: "Journal", request: ExportRequest) -> str:
    """Remember the name and last visit, write the file, return a sentence. Runs on the worker.

    Raises:
        UserError: nothing logged in the period, or the file cannot be written.
    """
    from journal.app.reports import export_file
    from journal.app.settings import set_setting

    set_setting(journal, SETTING_NAME, request.patient_name)
    if request.last_visit is not None:
        set_setting(journal, SETTING_LAST_VISIT, request.last_visit.isoformat())

    result = export_file(
        journal,
        request.path,
        request.start,
        request.end,
        patient_name=request.patient_name,
        questions=request.questions,
        export_format=request.format,
        impression=request.impression,
        for_visit=request.last_visit is not None,
    )
    if result.format is ExportFormat.CSV:
        from journal.app.readings import export_readings_beside

        beside = export_readings_beside(journal, request.path, result.start, result.end) if request.with_readings else None
        also = "" if beside is None else f" and {beside[1]} pain-now readings to {beside[0].name}"
        return f"Saved {result.count} days to {request.path.name}{also}."
    if result.format is ExportFormat.FHIR:
        return f"Saved {result.count} observations from {result.days_logged} days to {request.path.name}."
    return f"Saved a {result.count}-page summary to {request.path.name}."
