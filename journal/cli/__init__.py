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
import signal
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
    from journal.core.error_report import install_scrubbed_hooks

    install_scrubbed_hooks()  # no traceback may print what the patient wrote
    if hasattr(signal, "SIGXFSZ"):
        # Past a file-size limit, writing fails with EFBIG (reported in one line)
        # instead of the process being killed mid-write.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
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
            )
        return int(args.func(args))
    except UserError as error:
        print(f"pain-journal: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:
        if not _is_storage_failure(error):
            raise  # a bug: the scrubbed hook prints where, without any message
        from journal.storage.failures import REASON_WORDS, reason_for

        print(f"pain-journal: stopped: {REASON_WORDS[reason_for(error)]}.", file=sys.stderr)
        return EXIT_USER_ERROR


def _is_storage_failure(error: BaseException) -> bool:
    """An error of the disk or of SQLite (possibly wrapped by SQLAlchemy), not of the program."""
    import sqlite3

    original = getattr(error, "orig", None)
    return isinstance(error, (OSError, sqlite3.OperationalError)) or isinstance(
        original, sqlite3.OperationalError
    )
