"""Subcommands that move days in and out: ``import`` and ``export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from journal.app.periods import REPORT_DAYS
from journal.cli import add_db_option, add_period_options, database_path, period_from_args
from journal.core import clock
from journal.core.errors import UserError
from journal.core.validation import EARLIEST_DATE
from journal.core.words import noun, plural

if TYPE_CHECKING:
    from collections.abc import Sequence

    from journal.app.importing import ImportResult
    from journal.app.journal_file import Journal
    from journal.app.reports import ExportResult


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from journal.formats.importers import SOURCES

    importer = subparsers.add_parser(
        "import",
        help="import days from a CSV file, or from another diary app's export (all or nothing)",
        description="Import days from a Pain Journal CSV file, or with --from from another app's export "
        "(a preview is printed first; add --yes to write). If anything is invalid, nothing is imported. "
        "See docs/importing.md for what maps to what.",
    )
    importer.add_argument("file", type=Path, metavar="FILE")
    add_db_option(importer)
    importer.add_argument("--replace", action="store_true", help="overwrite days that already have an entry")
    importer.add_argument(
        "--readings", action="store_true", help="FILE holds pain-now readings (date,time,back_pain,leg_pain), not days"
    )
    importer.add_argument(
        "--from",
        dest="source",
        choices=tuple(SOURCES),
        default=None,
        help="the app that wrote FILE: " + ", ".join(f"{key} ({s.title})" for key, s in SOURCES.items()),
    )
    importer.add_argument(
        "--back-pain",
        metavar="ITEM",
        default=None,
        help="with --from: the scored item that is your back pain (default: the file's 0–10 pain score, if it has one); "
        "a score on another scale is converted as the preview shows",
    )
    importer.add_argument("--leg-pain", metavar="ITEM", default=None, help="with --from: the scored item that is your leg pain")
    importer.add_argument(
        "--clash",
        choices=("skip", "replace", "stop"),  # journal.app.importing_apps.Clash, not imported to build the parser
        default=None,
        help="with --from: days already in your journal are skipped, replaced, or stop the import (default: stop)",
    )
    importer.add_argument("--yes", action="store_true", help="with --from: import after printing the preview, without asking")
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
    exporter.add_argument(
        "--readings",
        action="store_true",
        help="write the pain-now readings instead of the days, as CSV: date,time,back_pain,leg_pain (docs/csv-format.md)",
    )
    exporter.set_defaults(func=run_export)


def open_journal(args: argparse.Namespace, *, must_exist: bool = True) -> "Journal":
    """Open the journal named by ``--db`` (or the default); a missing file is an error if asked."""
    from journal.app.opening import open_file

    journal = open_file(database_path(args), must_exist=must_exist)
    print_notices(journal.notices)
    unreadable = journal.unreadable_text_dates()
    if unreadable:
        from journal.core.dates import day_words

        shown = ", ".join(day_words(date) for date in unreadable[:5]) + (" and more" if len(unreadable) > 5 else "")
        print(
            f"pain-journal: some text on {shown} is not readable as text (it was written by another program or "
            "damaged); what cannot be read shows as \ufffd. The journal was not changed.",
            file=sys.stderr,
        )
    return journal


def run_import(args: argparse.Namespace) -> int:
    from journal.app.importing import import_csv_into_file

    if args.readings:
        from journal.cli.readings import run_import_readings

        return run_import_readings(args)
    if args.source is not None:
        return run_import_from_app(args)
    for option in ("back_pain", "leg_pain", "clash"):
        if getattr(args, option) is not None:
            raise UserError(f"--{option.replace('_', '-')} is for imports from another app: add --from APP.")
    path = database_path(args)
    reported: list[ImportResult] = []

    def committed(result: ImportResult) -> None:
        # Said the moment the days are in, so stopping later (while the journal
        # is closed) never leaves days imported without this line.
        print_notices(result.notices)
        print(f"Imported {plural(result.count, 'day')} into {path}.", flush=True)
        reported.append(result)

    try:
        result = import_csv_into_file(path, args.file, replace=args.replace, committed=committed).value
    except KeyboardInterrupt:
        if reported:
            print("Stopped while closing the journal; the days above are in.", file=sys.stderr)
        else:
            print("pain-journal: import stopped; nothing was imported.", file=sys.stderr)
        return 130
    if result.ignored_columns:
        ignored = result.ignored_columns
        print(f"Ignored unknown {noun(len(ignored), 'column')}: {', '.join(ignored)}", file=sys.stderr)
    print_import_warnings(result)
    return 0


def run_import_from_app(args: argparse.Namespace) -> int:
    """``import --from APP FILE``: print the preview, then import if --yes or the person says yes."""
    from journal.app.importing_apps import Clash, ImportPlan, import_export_into_file, preview_lines
    from journal.formats.importers.common import PainChoice

    if args.replace and args.clash not in (None, "replace"):
        raise UserError(f"--replace and --clash {args.clash} disagree; give one of them.")
    clash = Clash.REPLACE if args.replace else Clash(args.clash or Clash.STOP.value)
    path = database_path(args)

    def confirm(plan: ImportPlan) -> bool:
        print("\n".join(preview_lines(plan)))
        count = plan.to_write(clash)
        if plan.clashes and clash is Clash.STOP:
            print(
                f"Nothing was written: {plural(len(plan.clashes), 'day')} of the file "
                f"{'is' if len(plan.clashes) == 1 else 'are'} already in your journal. "
                "Give --clash skip or --clash replace.",
                file=sys.stderr,
            )
            return False
        if count == 0:
            print("Nothing was written: no day can come across as it stands.", file=sys.stderr)
            return False
        if args.yes:
            return True
        if not sys.stdin.isatty():
            print(f"Nothing was written. Add --yes to import these {plural(count, 'day')}.", file=sys.stderr)
            return False
        answer = input(f"Import {plural(count, 'day')} into {path}? [y/N] ")
        return answer.strip().lower() in ("y", "yes")

    choice = None
    if args.back_pain is not None or args.leg_pain is not None:
        choice = PainChoice(back=args.back_pain, leg=args.leg_pain)
    changed = import_export_into_file(path, args.source, args.file, choice, clash, confirm)
    if changed is None:
        return 1
    result = changed.value
    print_notices(result.notices)
    readings = f" and {plural(result.readings, 'pain-now reading')}" if result.readings else ""
    print(f"Imported {plural(result.count, 'day')}{readings} into {path}.")
    print_import_warnings(result)
    return 0


def print_import_warnings(result: "ImportResult") -> None:
    """After any import: urgent signs marked, and the days whose words the person should check."""

    from journal.core.dates import day_words
    from journal.core.redflags import urgent_message

    warning = urgent_message(result.red_flags, clock.today())
    if warning:
        print(warning, file=sys.stderr)
    for date, signs in result.days_to_check:
        print(
            f"{date.isoformat()}: the words may describe {' or '.join(signs)}; nothing was marked. "
            f"Please check {day_words(date)}.",
            file=sys.stderr,
        )


def print_notices(notices: "Sequence[str]") -> None:
    """What opening the journal did that the patient should know (a log set aside, a copy kept)."""
    for notice in notices:
        print(f"pain-journal: {notice}", file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    from journal.app.reports import ExportFormat, export_file

    path: Path = args.file
    if args.readings:
        from journal.cli.readings import run_export_readings

        return run_export_readings(args)
    export_format = ExportFormat.for_path(path)
    journal = open_journal(args)
    try:
        if export_format is ExportFormat.CSV and args.start is None and args.end is None:
            start, end = EARLIEST_DATE, clock.today()  # CSV: every day
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
