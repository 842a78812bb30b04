"""Files for the doctor: the PDF summary and the FHIR bundle (no Qt here).

Every writer renders one :class:`ReportData`, built by :func:`report_data`
around the one :class:`journal.core.summary.Summary` of the period, so the
PDF, ``summary --json`` and the screen show the same figures. Writers never
compute figures of their own; the day-by-day rows are the entries as logged.

Files are written through :func:`write_atomically` (from
:mod:`journal.storage.atomic_file`, the one writer of every file the app
makes): owner-only, a failure leaves no half file and the old one as it was,
and a path that cannot be written is a :class:`UserError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from journal.core import flares
from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.core.summary import Summary, build_summary
from journal.core.trend_series import TrendSeries, trend_series
from journal.storage.atomic_file import write_atomically, write_stream_atomically

if TYPE_CHECKING:
    from journal.storage.journal import Journal

#: Default report length in days, ending today.
DEFAULT_PERIOD_DAYS: Final = 90
#: Calendar days loaded before the period at first, to find the logged days
#: that set the flare baseline (see :func:`days_for_period`).
_LEAD_IN_CALENDAR_DAYS: Final = 2 * flares.OWN_AVERAGE_DAYS


@dataclass(frozen=True, slots=True)
class ReportData:
    """What the report files show.

    Attributes:
        summary: the one summary of the period (every figure comes from here).
        entries: the logged days inside the period, oldest first.
        series: the chart series for the period.
        patient_name: optional, shown at the top; "" for none.
        questions: the patient's edited questions, one per item; None means
            "the questions logged in the period" (``summary.questions``).
        generated: when the report was made (local time).
    """

    summary: Summary
    entries: tuple[DayEntry, ...]
    series: TrendSeries
    patient_name: str
    questions: tuple[str, ...] | None
    generated: dt.datetime

    @property
    def start(self) -> dt.date:
        return self.summary.period.start

    @property
    def end(self) -> dt.date:
        return self.summary.period.end


def default_period(today: dt.date | None = None, days: int = DEFAULT_PERIOD_DAYS) -> tuple[dt.date, dt.date]:
    """The last ``days`` days ending ``today`` (inclusive)."""
    end = today or dt.date.today()
    return end - dt.timedelta(days=days - 1), end


def split_questions(text: str) -> tuple[str, ...]:
    """The questions in edited text: one per non-blank line, trimmed."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def report_data(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    urgencies: Mapping[str, Urgency] | None = None,
    *,
    patient_name: str = "",
    questions: Sequence[str] | None = None,
    generated: dt.datetime | None = None,
) -> ReportData:
    """Summarise [start, end] for a report.

    ``days`` sorted or not, may extend past the period (earlier days set the
    flare baseline exactly as :func:`build_summary` documents).

    Raises:
        UserError: the period ends before it starts, or has no logged days.
    """
    summary = build_summary(days, start, end, urgencies)
    if summary.days_logged == 0:
        raise UserError(
            f"No days were logged between {start.isoformat()} and {end.isoformat()}, so there is "
            "nothing to put in a report. Choose a period with logged days."
        )
    ordered = sorted(days, key=lambda e: e.date)
    return ReportData(
        summary=summary,
        entries=tuple(e for e in ordered if start <= e.date <= end),
        series=trend_series(ordered, start, end),
        patient_name=" ".join(patient_name.split()),
        questions=None if questions is None else tuple(q.strip() for q in questions if q.strip()),
        generated=generated or dt.datetime.now(),
    )


def days_for_period(journal: "Journal", start: dt.date, end: dt.date) -> list[DayEntry]:
    """The entries a summary of [start, end] needs: the period plus the logged
    days before it that set the flare baseline (the last 14 logged days, or
    all of them when fewer), oldest first."""
    lead_in = start - dt.timedelta(days=_LEAD_IN_CALENDAR_DAYS)
    days = journal.days(lead_in, end)
    before = sum(1 for e in days if e.date < start)
    if before < flares.OWN_AVERAGE_DAYS:
        bounds = journal.date_bounds()
        if bounds is not None and bounds[0] < lead_in:
            days = journal.days(None, end)  # sparse logging: look further back
    return days


def load_report_data(
    journal: "Journal",
    start: dt.date,
    end: dt.date,
    *,
    patient_name: str = "",
    questions: Sequence[str] | None = None,
) -> ReportData:
    """:func:`report_data` for the period, read from an open journal."""
    if end < start:
        raise UserError(f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}).")
    return report_data(
        days_for_period(journal, start, end), start, end, journal.urgencies(),
        patient_name=patient_name, questions=questions,
    )


__all__ = [
    "DEFAULT_PERIOD_DAYS", "ReportData", "days_for_period", "default_period", "load_report_data",
    "report_data", "split_questions", "write_atomically", "write_stream_atomically",
]
