"""Subcommands that move days in and out: ``import`` and ``export``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from journal.app.periods import REPORT_DAYS
from journal.cli import add_db_option, add_period_options, database_path, period_from_args
from journal.core.errors import UserError
from journal.core.validation import EARLIEST_DATE
from journal.core.words import noun, plural

if TYPE_CHECKING:
    from journal.app.reports import ExportResult
    from journal.storage.journal import Journal


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importer = subparsers.add_parser(
        "import",
        help="import days from a CSV file (all or nothing)",
        description="Import days from a CSV file. If any row is invalid, nothing is imported.",
    )
    importer.add_argument("file", type=Path, metavar="FILE.csv")
    add_db_option(importer)
    importer.add_argument("--replace", action="store_true", help="overwrite days that already have an entry")
    importer.set_defaults(func=run_import)

    exporter = subparsers.add_parser(
        "export",
        help="export days to a file (format chosen by its ending)",
        description="Export days. The format is chosen by the file ending: .csv (every day "
        "as logged), .pdf (the summary for your doctor) or .json (a FHIR R4 bundle). Without "
        f"--from/--to, CSV holds every day and PDF/FHIR the last {REPORT_DAYS} days.",
    )
    exporter.add_argument("file", type=Path, metavar="FILE")
    add_db_option(exporter)
    add_period_options(exporter)
    exporter.add_argument("--name", default=None, help="patient name shown on the report")
    exporter.add_argument(
        "--impression",
        type=int,
        choices=range(1, 8),
        metavar="1-7",
        default=None,
        help="since your last visit, the change in your back and leg pain overall: 1 very much better, "
        "2 much better, 3 a little better, 4 no change, 5 a little worse, 6 much worse, 7 very much worse "
        "(implies --visit)",
    )
    exporter.add_argument(
        "--visit", action="store_true", help="a report for a visit: page 1 leads with what changed over the period"
    )
    exporter.set_defaults(func=run_export)


def open_journal(args: argparse.Namespace, *, must_exist: bool = True) -> "Journal":
    """Open the journal named by ``--db`` (or the default); a missing file is an error if asked."""
    from journal.storage.journal import Journal

    path = database_path(args)
    if must_exist and not path.exists():
        raise UserError(f"No journal at {path}. Start the app once, or give --db PATH.")
    return Journal.open(path)


def run_import(args: argparse.Namespace) -> int:
    from journal.app.importing import import_csv_into_file

    path = database_path(args)
    result = import_csv_into_file(path, args.file, replace=args.replace)
    if result.ignored_columns:
        ignored = result.ignored_columns
        print(f"Ignored unknown {noun(len(ignored), 'column')}: {', '.join(ignored)}", file=sys.stderr)
    print(f"Imported {plural(result.count, 'day')} into {path}.")
    import datetime as dt

    from journal.core.dates import day_words
    from journal.core.redflags import urgent_message

    warning = urgent_message(result.red_flags, dt.date.today())
    if warning:
        print(warning, file=sys.stderr)
    for date, signs in result.days_to_check:
        print(
            f"{date.isoformat()}: the words may describe {' or '.join(signs)}; nothing was marked. "
            f"Please check {day_words(date)}.",
            file=sys.stderr,
        )
    return 0


def run_export(args: argparse.Namespace) -> int:
    from journal.app.reports import ExportFormat, export_file

    path: Path = args.file
    export_format = ExportFormat.for_path(path)
    journal = open_journal(args)
    try:
        if export_format is ExportFormat.CSV and args.start is None and args.end is None:
            start, end = EARLIEST_DATE, dt.date.today()  # CSV: every day
        else:
            start, end = period_from_args(args, journal, days=REPORT_DAYS)
        result = export_file(
            journal, path, start, end, patient_name=args.name or "", impression=args.impression, for_visit=args.visit
        )
    finally:
        journal.close()
    print(export_message(result))
    return 0


def export_message(result: "ExportResult") -> str:
    """The one line the command line prints after an export."""
    from journal.app.reports import ExportFormat

    path = result.path
    period = f"{result.start.isoformat()} to {result.end.isoformat()}"
    if result.format is ExportFormat.CSV:
        return f"Exported {plural(result.count, 'day')} to {path}."
    if result.format is ExportFormat.FHIR:
        return f"Wrote a FHIR bundle of {result.count} observations from {result.days_logged} logged days ({period}) to {path}."
    return (
        f"Wrote a {result.count}-page summary of {period} "
        f"({result.days_logged} of {result.days_in_period} days logged) to {path}."
    )
