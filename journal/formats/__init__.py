"""Renderers: core data in, files out (CSV, FHIR, PDF, charts). No Qt, no SQL here.

Every writer renders one :class:`ReportData`, built by :func:`report_data`
around the one :class:`journal.core.summary.Summary` of the period, so the
PDF, ``summary --json`` and the screen show the same figures. Writers never
compute figures of their own; the day-by-day rows are the entries as logged.

Files are written through :func:`write_atomically` (from
:mod:`journal.files.atomic`, the one writer of every file the app
makes): owner-only, a failure leaves no half file and the old one as it was,
and a path that cannot be written is a :class:`UserError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from journal.core.about_you import AboutYou
from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.core.function_check import FunctionCheck
from journal.core.readings import PainReading
from journal.core.sitting import SittingSummary
from journal.core.summary import Summary, build_summary
from journal.core.treatments import BeforeAfter
from journal.core.trend_series import TrendSeries, trend_series
from journal.files.atomic import write_atomically, write_stream_atomically


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
        impression: the person's own global impression of change since the
            last visit, 1 (very much better) to 7 (very much worse), or None.
        for_visit: a report for a visit: page 1 leads with the change over the period.
    """

    summary: Summary
    entries: tuple[DayEntry, ...]
    series: TrendSeries
    patient_name: str
    questions: tuple[str, ...] | None
    generated: dt.datetime
    impression: int | None = None
    for_visit: bool = False
    #: The period's pain-now readings, oldest first (FHIR carries each with its time).
    readings: tuple[PainReading, ...] = ()

    @property
    def start(self) -> dt.date:
        return self.summary.period.start

    @property
    def end(self) -> dt.date:
        return self.summary.period.end


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
    sitting: Mapping[dt.date, SittingSummary] | None = None,
    treatments: Sequence[BeforeAfter] = (),
    impression: int | None = None,
    for_visit: bool = False,
    function: Sequence[FunctionCheck] = (),
    about: AboutYou | None = None,
    logged: Collection[dt.date] | None = None,
    readings: Sequence[PainReading] = (),
) -> ReportData:
    """Summarise [start, end] for a report.

    ``days`` sorted or not, may extend past the period (earlier days set the
    flare baseline exactly as :func:`build_summary` documents); ``sitting``
    is the timed sitting per date, as :func:`build_summary` takes it, and
    ``logged`` the journal's logged dates (for the episode in the age rule).

    Raises:
        UserError: the period ends before it starts, or has no logged days.
    """
    summary = build_summary(
        days,
        start,
        end,
        urgencies,
        sitting,
        treatments=treatments,
        function=function,
        about=about,
        logged=logged,
        readings=readings,
    )
    if summary.days_logged == 0:
        raise UserError(
            f"No days were logged between {start.isoformat()} and {end.isoformat()}, so there is "
            "nothing to put in a report. Choose a period with logged days."
        )
    ordered = sorted(days, key=lambda e: e.date)
    return ReportData(
        summary=summary,
        entries=tuple(e for e in ordered if start <= e.date <= end),
        series=trend_series(ordered, start, end, flare_list=summary.flares.days),  # the flares found once
        patient_name=" ".join(patient_name.split()),
        questions=None if questions is None else tuple(q.strip() for q in questions if q.strip()),
        generated=generated or dt.datetime.now(),
        impression=impression,
        for_visit=for_visit or impression is not None,
        readings=tuple(sorted((r for r in readings if start <= r.date <= end), key=lambda r: (r.date, r.time))),
    )


__all__ = ["ReportData", "report_data", "split_questions", "write_atomically", "write_stream_atomically"]
