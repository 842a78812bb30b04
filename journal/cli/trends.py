"""Subcommands that show the patterns without the window: ``chart`` and ``summary``.

Both cover a period (default: the last 30 days ending today) and read up to
14 logged days before it as well, because the summary and the chart judge
flares against the person's own recent average (see
:mod:`journal.core.summary`). The chart is drawn with matplotlib's Agg
renderer, so no display or Qt is needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from journal.cli import EXIT_USER_ERROR, add_db_option, add_period_options
from journal.core.errors import UserError

if TYPE_CHECKING:
    from journal.core.day import DayEntry
    from journal.storage.journal import Journal

DEFAULT_DAYS = 30
#: How far back the first read reaches for the flare baseline before looking further.
LEAD_IN_WINDOW = dt.timedelta(days=60)
CHART_SIZE_IN = (11.0, 8.5)
CHART_DPI = 150


def _one_line_errors(parser: argparse.ArgumentParser) -> None:
    """Argument mistakes (a bad date) are reported like every other error: one line, exit 2."""
    prog = parser.prog

    def error(message: str) -> NoReturn:
        print(f"pain-journal: {message} (see: {prog} --help)", file=sys.stderr)
        raise SystemExit(EXIT_USER_ERROR)

    parser.error = error  # type: ignore[method-assign]


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    chart = subparsers.add_parser(
        "chart", help="save the trend chart of a period as a PNG or SVG file",
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
        "summary", help="print the summary of a period (text, or JSON with --json)",
        description="Print what the journal shows about a period: pain, trend, flares, triggers, "
        f"activity and pacing. Without --from/--to the period is the last {DEFAULT_DAYS} days "
        "ending today.",
    )
    add_db_option(summary)
    add_period_options(summary)
    summary.add_argument("--json", action="store_true", help="print the summary as JSON")
    summary.set_defaults(func=run_summary)
    _one_line_errors(summary)


def period_from_args(args: argparse.Namespace, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """(start, end) from --from/--to; a missing end is today, a missing start 29 days before the end.

    Raises:
        UserError: when --from is after --to.
    """
    end: dt.date = args.end or today or dt.date.today()
    start: dt.date = args.start or end - dt.timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise UserError(f"--from {start.isoformat()} is after --to {end.isoformat()}.")
    return start, end


def days_with_lead_in(journal: "Journal", start: dt.date, end: dt.date) -> list["DayEntry"]:
    """The period's days, oldest first, after up to 14 logged days before ``start``."""
    from journal.core.flares import OWN_AVERAGE_DAYS

    window = journal.days(start - LEAD_IN_WINDOW, end)
    before = [d for d in window if d.date < start]
    if len(before) < OWN_AVERAGE_DAYS:
        bounds = journal.date_bounds()
        if bounds is not None and bounds[0] < start - LEAD_IN_WINDOW:
            before = journal.days(None, start - dt.timedelta(days=1))
    return before[-OWN_AVERAGE_DAYS:] + [d for d in window if d.date >= start]


def _load(args: argparse.Namespace, start: dt.date, end: dt.date) -> tuple[list["DayEntry"], dict]:  # type: ignore[type-arg]
    from journal.cli.days import open_journal

    journal = open_journal(args)
    try:
        return days_with_lead_in(journal, start, end), journal.urgencies()
    finally:
        journal.close()


def run_summary(args: argparse.Namespace) -> int:
    from journal.core.summary import build_summary, render_text, summary_to_json

    start, end = period_from_args(args)
    days, urgencies = _load(args, start, end)
    summary = build_summary(days, start, end, urgencies)
    if args.json:
        import json

        print(json.dumps(summary_to_json(summary), indent=2, ensure_ascii=False))
    else:
        print(render_text(summary), end="")
    return 0


def run_chart(args: argparse.Namespace) -> int:
    from journal.ui.trends.charts import image_format

    path: Path = args.file
    image_format(path)  # a wrong ending or folder fails before any work
    from journal.cli import database_path
    from journal.storage.protected import refuse_journal_files

    refuse_journal_files(path, database_path(args))
    start, end = period_from_args(args)
    days, _ = _load(args, start, end)

    from journal.core.trend_series import trend_series
    from journal.ui.trends.charts import draw_trend_chart, new_figure, save_figure

    series = trend_series(days, start, end)
    logged = sum(value is not None for value in series.back_pain)
    figure = new_figure(*CHART_SIZE_IN)
    draw_trend_chart(figure, series)
    figure.suptitle(
        f"Pain Journal: {start.day} {start:%b %Y} to {end.day} {end:%b %Y} "
        f"({logged} of {len(series.dates)} days logged)",
        x=0.01, ha="left", fontsize=12, fontweight="bold", color="#1f3b5a",
    )
    save_figure(figure, path, dpi=CHART_DPI)
    print(f"Saved the chart of {start.isoformat()} to {end.isoformat()} to {path}.")
    return 0
