"""``export FILE.pdf`` and ``export FILE.json``: the summary for the doctor and the FHIR bundle.

Registered in :data:`journal.cli.days.EXPORTERS`. Without ``--from``/``--to``
the period is the last 90 days ending today; with only one of them, it is 90
days from ``--from`` (or up to ``--to``), never past today.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.storage.journal import Journal


def report_period(args: argparse.Namespace, today: dt.date | None = None,
                  first_logged: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The period named by ``--from``/``--to`` (see the module notes), checked and
    clipped to the journal by :func:`journal.core.periods.checked_period`."""
    from journal.core.errors import UserError
    from journal.core.periods import checked_period, clipped_to_journal
    from journal.core.validation import EARLIEST_DATE
    from journal.storage.export import DEFAULT_PERIOD_DAYS, default_period

    today = today or dt.date.today()
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    span = dt.timedelta(days=DEFAULT_PERIOD_DAYS - 1)
    if start is not None and end is not None and end < start:
        raise UserError(f"--from {start} is after --to {end}.")
    if start is None and end is None:
        start, end = default_period(today)
    elif start is None:
        start = end - span if end >= EARLIEST_DATE + span else EARLIEST_DATE
    elif end is None:
        start = clipped_to_journal(start, max(start, today), first_logged)[0]  # "from the beginning"
        end = start if start >= today else min(start + span, today)
    return checked_period(start, end, today=today, first_logged=first_logged)


def _first_logged(journal: "Journal") -> dt.date | None:
    bounds = journal.date_bounds()
    return bounds[0] if bounds else None


def _period_words(start: dt.date, end: dt.date) -> str:
    return f"{start.isoformat()} to {end.isoformat()}"


def export_pdf(args: argparse.Namespace, journal: "Journal", path: Path) -> str:
    """Write the doctor's summary as a PDF; return the one-line report."""
    from journal.storage.export.pdf_report import export_pdf_file

    start, end = report_period(args, first_logged=_first_logged(journal))
    data, pages = export_pdf_file(journal, path, start, end, patient_name=args.name or "")
    return (
        f"Wrote a {pages}-page summary of {_period_words(start, end)} "
        f"({data.summary.days_logged} of {data.summary.days_in_period} days logged) to {path}."
    )


def export_fhir(args: argparse.Namespace, journal: "Journal", path: Path) -> str:
    """Write the period as a FHIR R4 Bundle (JSON); return the one-line report."""
    from journal.storage.export import load_report_data
    from journal.storage.export.fhir import write_fhir

    start, end = report_period(args, first_logged=_first_logged(journal))
    data = load_report_data(journal, start, end, patient_name=args.name or "")
    count = write_fhir(data, path)
    return (
        f"Wrote a FHIR bundle of {count} observations from {data.summary.days_logged} logged days "
        f"({_period_words(start, end)}) to {path}."
    )
