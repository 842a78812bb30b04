"""Summaries, exports and charts of a period, for the command line and the window.

The figures come from one :class:`journal.core.summary.Summary` per period;
the renderers in :mod:`journal.formats` only lay them out.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journal.app.periods import check_order, days_with_lead_in
from journal.core import clock
from journal.core.dates import day_words
from journal.core.errors import UserError
from journal.core.periods import checked_period
from journal.core.validation import EARLIEST_DATE

if TYPE_CHECKING:
    from journal.core.summary import Summary
    from journal.formats import ReportData
    from journal.storage.journal import Journal


class ExportFormat(enum.Enum):
    """What a file ending asks for."""

    PDF = ".pdf"
    CSV = ".csv"
    FHIR = ".json"

    @property
    def suffix(self) -> str:
        """The file ending, with its dot: ``".pdf"``."""
        return self.value

    @classmethod
    def for_path(cls, path: Path) -> "ExportFormat":
        """The format named by ``path``'s ending.

        Raises:
            UserError: the ending is not one of ours.
        """
        suffix = path.suffix.lower()
        for member in cls:
            if member.value == suffix:
                return member
        endings = ", ".join(sorted(member.value for member in cls))
        raise UserError(f"Cannot tell the format of {path.name}: use one of {endings}.")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: ``count`` is days (CSV), observations (FHIR) or pages (PDF)."""

    format: ExportFormat
    path: Path
    count: int
    start: dt.date
    end: dt.date
    days_logged: int
    days_in_period: int


def load_report_data(
    journal: "Journal",
    start: dt.date,
    end: dt.date,
    *,
    patient_name: str = "",
    questions: Sequence[str] | None = None,
    impression: int | None = None,
    for_visit: bool = False,
) -> "ReportData":
    """The report of [start, end] read from an open journal.

    Raises:
        UserError: the period ends before it starts, or has no logged days.
    """
    from journal.app.about_you import load_about_you
    from journal.app.readings import period_readings
    from journal.app.treatments import treatment_comparisons
    from journal.formats import report_data

    check_order(start, end)
    return report_data(
        days_with_lead_in(journal, start, end),
        start,
        end,
        journal.urgencies(),
        patient_name=patient_name,
        questions=questions,
        sitting=journal.sitting_per_day(start, end),
        treatments=treatment_comparisons(journal, start, end),
        impression=impression,
        for_visit=for_visit,
        function=journal.function_checks(start, end),
        about=load_about_you(journal, clock.today()),
        logged=journal.logged_dates(),
        readings=period_readings(journal, start, end),
    )


def load_summary(journal: "Journal", start: dt.date, end: dt.date) -> "Summary":
    """The summary of [start, end] (an empty period gives a summary with no logged days)."""
    from journal.app.about_you import load_about_you
    from journal.app.readings import period_readings
    from journal.app.treatments import treatment_comparisons
    from journal.core.summary import build_summary

    return build_summary(
        days_with_lead_in(journal, start, end),
        start,
        end,
        journal.urgencies(),
        sitting=journal.sitting_per_day(start, end),
        treatments=treatment_comparisons(journal, start, end),
        function=journal.function_checks(start, end),
        about=load_about_you(journal, clock.today()),
        logged=journal.logged_dates(),
        readings=period_readings(journal, start, end),
    )


def _check_target(path: Path, journal: "Journal") -> None:
    """Refuse a folder, a missing folder, and the journal's own files (see :mod:`journal.storage.protected`)."""
    from journal.storage.protected import refuse_journal_files

    refuse_journal_files(path, journal.path)
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name.")
    if not path.parent.exists():
        raise UserError(f"The folder {path.parent} does not exist.")


def export_file(
    journal: "Journal",
    path: Path,
    start: dt.date,
    end: dt.date,
    *,
    patient_name: str = "",
    questions: Sequence[str] | None = None,
    export_format: ExportFormat | None = None,
    impression: int | None = None,
    for_visit: bool = False,
) -> ExportResult:
    """Write [start, end] to ``path`` in the format its ending names (or ``export_format``).

    CSV holds the logged days as they are; the PDF and FHIR files hold the
    report of the period. The file is written whole or not at all.

    Raises:
        UserError: an unknown ending, an unusable path, or no logged days in the period.
    """
    path = Path(path)
    chosen = export_format or ExportFormat.for_path(path)
    _check_target(path, journal)
    bounds = journal.date_bounds()
    start, end = checked_period(start, end, today=clock.today(), first_logged=bounds[0] if bounds else None)
    if chosen is ExportFormat.CSV:
        from journal.formats.csv_io import export_csv_file

        entries = journal.days(start, end)
        if not entries:
            between = "in that period" if start <= EARLIEST_DATE else f"between {start.isoformat()} and {end.isoformat()}"
            raise UserError(f"No days were logged {between}; nothing was exported.")
        count = export_csv_file(entries, path)
        return ExportResult(chosen, path, count, start, end, len(entries), (end - start).days + 1)
    if impression is not None:
        from journal.core.visit_change import impression_words

        try:
            impression_words(impression)
        except ValueError as error:
            raise UserError(f"Nothing was exported: {error}.") from None
    data = load_report_data(
        journal, start, end, patient_name=patient_name, questions=questions, impression=impression, for_visit=for_visit
    )
    if chosen is ExportFormat.FHIR:
        from journal.formats.fhir import write_fhir

        count = write_fhir(data, path)
    else:
        from journal.formats.pdf_report import write_pdf

        count = write_pdf(data, path)
    return ExportResult(
        chosen,
        path,
        count,
        start,
        end,
        data.summary.days_logged,
        data.summary.days_in_period,
    )


def write_chart(journal: "Journal", path: Path, start: dt.date, end: dt.date) -> int:
    """Save the trend chart of [start, end] as PNG or SVG; return the number of logged days.

    Raises:
        UserError: the ending is not .png or .svg, or the file cannot be written.
    """
    from journal.formats.charts import image_format

    image_format(path)  # a wrong ending or folder fails before any work
    _check_target(path, journal)
    days = days_with_lead_in(journal, start, end)

    from journal.core.trend_series import trend_series
    from journal.formats.charts import draw_trend_chart, new_figure, save_figure

    series = trend_series(days, start, end)
    logged = sum(value is not None for value in series.back_pain)
    figure = new_figure(*CHART_SIZE_IN)
    draw_trend_chart(figure, series)
    figure.suptitle(
        f"Pain Journal: {day_words(start)} to {day_words(end)} ({logged} of {len(series.dates)} days logged)",
        x=0.01,
        ha="left",
        fontsize=12,
        fontweight="bold",
        color="#1f3b5a",
    )
    save_figure(figure, path, dpi=CHART_DPI)
    return logged


CHART_SIZE_IN = (11.0, 8.5)
CHART_DPI = 150
