"""The command line: one parser, with subcommands registered by feature modules.

Each module in :data:`COMMAND_MODULES` has ``register(subparsers)`` which adds
its subcommands and sets ``func`` (taking the parsed args, returning an exit
status). Modules are imported only to build the parser; heavy imports happen
inside the command functions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from journal import __version__
from journal.core.errors import UserError

COMMAND_MODULES: tuple[str, ...] = (
    "journal.cli.days",
    "journal.cli.backup",
    "journal.cli.trends",
)

EXIT_USER_ERROR = 2


def iso_date(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def add_db_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=None if top_level else argparse.SUPPRESS,
        help="journal database file (default: the one in your data folder)",
    )


def add_period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD",
                        help="first day of the period")
    parser.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD",
                        help="last day of the period")


def period_from_args(
    args: argparse.Namespace, *, days: int, today: dt.date | None = None,
) -> tuple[dt.date, dt.date]:
    """(start, end) from --from/--to by the one period rule (:func:`journal.app.periods.resolve_period`).

    Raises:
        UserError: --from is after --to, worded for the command line.
    """
    from journal.app.periods import resolve_period

    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if start is not None and end is not None and start > end:
        raise UserError(f"--from {start.isoformat()} is after --to {end.isoformat()}.")
    return resolve_period(start, end, days=days, today=today)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pain-journal",
        description="Pain Journal: a private daily journal for chronic low back pain. "
        "Without a command, opens the window.",
    )
    add_db_option(parser, top_level=True)
    parser.add_argument("--demo", action="store_true",
                        help="open the window on a temporary journal filled with six months "
                        "of sample data (your own journal is not touched)")
    parser.add_argument("--quit-after-startup", action="store_true",
                        help="exit as soon as the window is ready (for timing start-up)")
    parser.add_argument("--tray", action="store_true",
                        help="start in the tray with the window hidden (used by the log-in entry; "
                        "see File > Settings)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def database_path(args: argparse.Namespace) -> Path:
    from journal.storage.paths import default_database_path

    return Path(args.db) if getattr(args, "db", None) else default_database_path()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from journal.ui import collector

            collector.pause()  # resumed once the journal is open (see create_window)
            from journal.ui.app import run_window

            return run_window(
                database_path(args) if not args.demo else None,
                demo=args.demo,
                quit_after_startup=args.quit_after_startup,
                in_tray=args.tray,
            )
        return int(args.func(args))
    except UserError as error:
        print(f"pain-journal: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
