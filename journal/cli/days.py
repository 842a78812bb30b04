"""Subcommands that move days in and out: ``import`` and ``export``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from journal.cli import add_db_option, add_period_options, database_path
from journal.core.errors import UserError

#: Export formats by file ending: "module:function" taking (args, journal, path)
#: and returning a one-line report. Other features add theirs here.
EXPORTERS: dict[str, str] = {
    ".csv": "journal.cli.days:export_csv",
    ".pdf": "journal.cli.report:export_pdf",
    ".json": "journal.cli.report:export_fhir",
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    importer = subparsers.add_parser(
        "import", help="import days from a CSV file (all or nothing)",
        description="Import days from a CSV file. If any row is invalid, nothing is imported.",
    )
    importer.add_argument("file", type=Path, metavar="FILE.csv")
    add_db_option(importer)
    importer.add_argument("--replace", action="store_true",
                          help="overwrite days that already have an entry")
    importer.set_defaults(func=run_import)

    exporter = subparsers.add_parser(
        "export", help="export days to a file (format chosen by its ending)",
        description="Export days. The format is chosen by the file ending: "
        + ", ".join(sorted(EXPORTERS)) + ".",
    )
    exporter.add_argument("file", type=Path, metavar="FILE")
    add_db_option(exporter)
    add_period_options(exporter)
    exporter.add_argument("--name", default=None, help="patient name shown on the report")
    exporter.set_defaults(func=run_export)


def open_journal(args: argparse.Namespace, *, must_exist: bool = True):  # -> Journal
    """Open the journal named by ``--db`` (or the default); a missing file is an error if asked."""
    from journal.storage.journal import Journal

    path = database_path(args)
    if must_exist and not path.exists():
        raise UserError(f"No journal at {path}. Start the app once, or give --db PATH.")
    return Journal.open(path)


def run_import(args: argparse.Namespace) -> int:
    from journal.storage.csv_io import read_csv_file
    from journal.storage.single_instance import acquire_journal_lock

    from journal.storage.integrity import check_file

    parsed = read_csv_file(args.file)
    path = database_path(args)
    if path.exists():
        check_file(path)  # read-only: refuse a file that is not a journal before touching anything
    lock = acquire_journal_lock(path)  # refuse while the window has it open
    journal = open_journal(args, must_exist=False)
    try:
        count = journal.import_days(parsed.entries, replace=args.replace)
        urgencies = journal.urgencies()
    finally:
        journal.close()
        lock.release()
    if parsed.ignored_columns:
        print(f"Ignored unknown column(s): {', '.join(parsed.ignored_columns)}", file=sys.stderr)
    print(f"Imported {count} day(s) into {journal.path}.")
    warning = red_flag_warning(parsed.entries, urgencies)
    if warning:
        print(warning, file=sys.stderr)
    return 0


def red_flag_warning(entries, urgencies) -> str:  # noqa: ANN001
    """The red-flag message for imported days, or "" when there are none."""
    from journal.core.redflags import red_flags_in, urgent_message

    flags = [flag for entry in entries for flag in red_flags_in(entry, urgencies)]
    return urgent_message(flags) if flags else ""


def _resolve(spec: str) -> Callable[..., str]:
    import importlib

    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def run_export(args: argparse.Namespace) -> int:
    path: Path = args.file
    suffix = path.suffix.lower()
    if suffix not in EXPORTERS:
        raise UserError(
            f"Cannot tell the format of {path.name}: use one of {', '.join(sorted(EXPORTERS))}."
        )
    if args.start and args.end and args.start > args.end:
        raise UserError(f"--from {args.start} is after --to {args.end}.")
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name.")
    if not path.parent.exists():
        raise UserError(f"The folder {path.parent} does not exist.")
    from journal.storage.protected import refuse_journal_files

    refuse_journal_files(path, database_path(args))
    journal = open_journal(args)
    try:
        message = _resolve(EXPORTERS[suffix])(args, journal, path)
    finally:
        journal.close()
    print(message)
    return 0


def export_csv(args: argparse.Namespace, journal, path: Path) -> str:  # noqa: ANN001
    from journal.storage.csv_io import export_csv_file

    entries = journal.days(args.start, args.end)
    if not entries:
        raise UserError("No days logged in that period; nothing was exported.")
    count = export_csv_file(entries, path)
    return f"Exported {count} day(s) to {path}."
