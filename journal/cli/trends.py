"""Subcommands that show the patterns without the window: ``chart`` and ``summary``.

Both cover a period (default: the last 30 days ending today) and read the
days before it as well (:func:`journal.app.periods.days_with_lead_in`), because
the summary and the chart judge flares against the person's own recent days.
The chart is drawn with matplotlib's Agg
renderer, so no display or Qt is needed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from journal.app.periods import SUMMARY_DAYS as DEFAULT_DAYS
from journal.cli import EXIT_USER_ERROR, add_db_option, add_period_options, period_from_args


def _one_line_errors(parser: argparse.ArgumentParser) -> None:
    """Argument mistakes (a bad date) are reported like every other error: one line, exit 2."""
    prog = parser.prog

    def error(message: str) -> NoReturn:
        print(f"pain-journal: {message} (see: {prog} --help)", file=sys.stderr)
        raise SystemExit(EXIT_USER_ERROR)

    parser.error = error  # type: ignore[method-assign]  # argparse has no other hook for its error line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    chart = subparsers.add_parser(
        "chart",
        help="save the trend chart of a period as a PNG or SVG file",
        description="Save the trend chart (pain, activity, triggers, weekly PEG) of a period. "
        "The format is chosen by the file ending: .png or .svg. "
        f"Without --from/--to the period is the last {DEFAULT_DAYS} days ending today.",
    )
    chart.add_argument("file", type=Path, metavar="FILE.png|FILE.svg")
    add_db_option(chart)
    add_period_options(chart)
    chart.set_defaults(func=run_chart)
    _one_line_errors(chart)

    summary = subparsers.add_parser(
        "summary",
        help="print the summary of a period (text, or JSON with --json)",
        description="Print what the journal shows about a period: pain, trend, flares, triggers, "
        f"activity and pacing. Without --from/--to the period is the last {DEFAULT_DAYS} days "
        "ending today.",
    )
    add_db_option(summary)
    add_period_options(summary)
    summary.add_argument("--json", action="store_true", help="print the summary as JSON")
    summary.set_defaults(func=run_summary)
    _one_line_errors(summary)


def run_summary(args: argparse.Namespace) -> int:
    from journal.app.reports import load_summary
    from journal.cli.days import open_journal
    from journal.formats.summary_json import summary_to_json
    from journal.formats.summary_text import render_text

    journal = open_journal(args)
    try:
        start, end = period_from_args(args, journal, days=DEFAULT_DAYS)
        summary = load_summary(journal, start, end)
    finally:
        journal.close()
    if args.json:
        import json

        print(json.dumps(summary_to_json(summary), indent=2, ensure_ascii=False))
    else:
        print(render_text(summary), end="")
    return 0


def run_chart(args: argparse.Namespace) -> int:
    from journal.app.reports import write_chart
    from journal.cli.days import open_journal
    from journal.formats.charts import image_format

    path: Path = args.file
    image_format(path)  # a wrong ending or folder fails before the journal is opened
    journal = open_journal(args)
    try:
        start, end = period_from_args(args, journal, days=DEFAULT_DAYS)
        write_chart(journal, path, start, end)
    finally:
        journal.close()
    print(f"Saved the chart of {start.isoformat()} to {end.isoformat()} to {path}.")
    return 0
