"""Files for the doctor: the PDF summary and the FHIR bundle (no Qt here).

Every writer renders one :class:`ReportData`, built by :func:`report_data`
around the one :class:`journal.core.summary.Summary` of the period, so the
PDF, ``summary --json`` and the screen show the same figures. Writers never
compute figures of their own; the day-by-day rows are the entries as logged.

Files are written through :func:`write_atomically`: a failure leaves no half
file, and a path that cannot be written is a :class:`UserError`.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from journal.core import flares
from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.core.summary import Summary, build_summary
from journal.core.trend_series import TrendSeries, trend_series

if TYPE_CHECKING:
    from journal.storage.journal import Journal

#: Default report length in days, ending today.
DEFAULT_PERIOD_DAYS: Final = 90
#: Calendar days loaded before the period at first, to find the logged days
#: that set the flare baseline (see :func:`days_for_period`).
_LEAD_IN_CALENDAR_DAYS: Final = flares.LOOKBACK_DAYS


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
    calendar days before it that set the usual level for flares, oldest first."""
    return journal.days(start - dt.timedelta(days=_LEAD_IN_CALENDAR_DAYS), end)


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


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(temporary_path)`` then move the result onto ``path``.

    The temporary file sits next to ``path`` so the final rename is atomic;
    on any failure it is removed and ``path`` is left as it was. The file is
    readable by its owner only (``mkstemp``), as health data should be.

    Raises:
        UserError: the folder or file cannot be written.
    """
    path = Path(path)
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as error:
        raise UserError(f"Could not write to the folder {path.parent}: {error.strerror or error}.") from error
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        tmp.replace(path)
    except OSError as error:
        raise UserError(f"Could not write {path}: {error.strerror or error}.") from error
    finally:
        tmp.unlink(missing_ok=True)
