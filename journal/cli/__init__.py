"""The command line: one parser, with subcommands registered by feature modules.

Each module in :data:`COMMAND_MODULES` has ``register(subparsers)`` which adds
its subcommands and sets ``func`` (taking the parsed args, returning an exit
status). Modules are imported only to build the parser; heavy imports happen
inside the command functions.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from journal import __version__
from journal.core.errors import UserError

if TYPE_CHECKING:
    from journal.app.journal_file import Journal

COMMAND_MODULES: tuple[str, ...] = (
    "journal.cli.days",
    "journal.cli.backup",
    "journal.cli.trends",
    "journal.cli.lists",
    "journal.cli.treatments",
    "journal.cli.screen",
    "journal.cli.readings",
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
    parser.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD", help="first day of the period")
    parser.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD", help="last day of the period")


def period_from_args(args: argparse.Namespace, journal: "Journal", *, days: int) -> tuple[dt.date, dt.date]:
    """(start, end) from --from/--to by the one period rule (:func:`journal.app.periods.journal_period`).

    Raises:
        UserError: --from is after --to (worded for the command line), or the
            period ends in the future or before 1900.
    """
    from journal.app.periods import journal_period

    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if start is not None and end is not None and start > end:
        raise UserError(f"--from {start.isoformat()} is after --to {end.isoformat()}.")
    return journal_period(journal, start, end, days=days)


class _NotWindowOptions(Exception):
    """The arguments are more than the window's options: the full parser reads them."""


class _WindowOptionsParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotWindowOptions(message)


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; without ``commands``, only the window's options (no ``--help``).

    Building the commands imports every module in :data:`COMMAND_MODULES`, and
    through them much of the core; opening the window needs none of it.
    """
    parser = (argparse.ArgumentParser if commands else _WindowOptionsParser)(
        prog="pain-journal",
        description="Pain Journal: a private daily journal for chronic low back pain. Without a command, opens the window.",
        add_help=commands,
    )
    add_db_option(parser, top_level=True)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a temporary journal filled with six months of sample data (your own journal is not touched)",
    )
    parser.add_argument(
        "--quit-after-startup", action="store_true", help="exit as soon as the window is ready (for timing start-up)"
    )
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start in the tray with the window hidden (used by the log-in entry; see File > Settings)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="Linux: add Pain Journal, with its icon, to your applications menu (in your own folders, ~/.local/share)",
    )
    desktop.add_argument(
        "--uninstall-desktop-entry", action="store_true", help="Linux: remove the menu entry again (your journal is kept)"
    )
    desktop.add_argument(
        "--start-at-login",
        choices=("on", "off"),
        default=None,
        help="start Pain Journal in the tray when you log in (on), or no longer (off); --db pins the journal it opens",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """``argv`` parsed; the command modules are imported only when the arguments go beyond the window's options.

    Start-up (no command) reads its options with the small parser; a command,
    ``--help`` or a mistake goes to the full parser, so its help and error
    messages are the usual ones.
    """
    words = sys.argv[1:] if argv is None else list(argv)
    try:
        args, rest = build_parser(commands=False).parse_known_args(words)
    except _NotWindowOptions:
        rest = words
    return build_parser().parse_args(words) if rest else args


def database_path(args: argparse.Namespace) -> Path:
    from journal.app.places import default_journal_path

    return Path(args.db).expanduser() if getattr(args, "db", None) else default_journal_path()


def tolerant_output() -> None:
    """Let standard output and error print any text, whatever their encoding.

    A console in cp1252 (``PYTHONIOENCODING=cp1252``, older Windows) cannot
    encode an emoji or Chinese in a note: printing it would fail, and fail
    *after* an import committed, reporting failure for work that was done.
    Characters the encoding lacks print as "?" instead.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (getattr(stream, "errors", "") or "strict") == "strict":
            with contextlib.suppress(ValueError, OSError):  # a stream in use in a way that forbids it
                reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit status."""
    from journal.core.error_report import install_scrubbed_hooks

    install_scrubbed_hooks()  # no traceback may print what the patient wrote
    if hasattr(signal, "SIGXFSZ"):
        # Past a file-size limit, writing fails with EFBIG (reported in one line)
        # instead of the process being killed mid-write.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    tolerant_output()
    from journal.cli.bundle import keep_chart_cache_between_runs

    keep_chart_cache_between_runs()
    args = parse_arguments(argv)
    try:
        if args.install_desktop_entry or args.uninstall_desktop_entry:
            from journal.cli import desktop

            return desktop.run_install() if args.install_desktop_entry else desktop.run_uninstall()
        if args.start_at_login is not None:
            from journal.cli import desktop

            return desktop.run_start_at_login(args.start_at_login == "on", args)
        if args.command is None:
            from journal.ui import collector

            path: Path | None
            try:
                # With --demo this is the journal "Start my own journal" opens; the sample data is elsewhere.
                path = database_path(args)
            except UserError as error:
                if not args.demo:
                    if not args.quit_after_startup:
                        from journal.ui.app import show_startup_error

                        show_startup_error(str(error))
                    raise
                path = None  # the sample data still opens; leaving it explains the problem
            collector.pause()  # resumed once the journal is open (see create_window)
            from journal.ui.app import run_window

            return run_window(
                path,
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
    except Exception as error:
        from journal.files.failures import REASON_WORDS, is_storage_failure, reason_for

        if not is_storage_failure(error):
            raise  # a bug: the scrubbed hook prints where, without any message

        print(f"pain-journal: stopped: {REASON_WORDS[reason_for(error)]}.", file=sys.stderr)
        return EXIT_USER_ERROR
