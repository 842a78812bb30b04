"""``pain-now`` and ``readings``: record back and leg pain as they are now, list and delete readings.

Moving readings in and out as their own CSV file is ``export FILE --readings``
and ``import FILE --readings`` (see :mod:`journal.cli.days`).
"""

from __future__ import annotations

import argparse
import datetime as dt

from journal.cli import add_db_option, database_path, iso_date


def _clock_time(text: str) -> dt.time:
    from journal.core.readings import parse_clock

    found = parse_clock(text)
    if found is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time of day like 08:30")
    return found


def _pain(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 0 to 10") from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    now = subparsers.add_parser(
        "pain-now",
        help="record back (and leg) pain as they are now, with the time; any number a day",
        description="Record a pain-now reading: back pain 0-10 and, if you like, leg pain 0-10, at the time now "
        "(or --at HH:MM today, or on --date). The day's own rating stays yours: readings only suggest it.",
    )
    now.add_argument("back_pain", metavar="BACK", type=_pain)
    now.add_argument("leg_pain", metavar="LEG", type=_pain, nargs="?", default=None)
    now.add_argument("--at", type=_clock_time, metavar="HH:MM", default=None, help="the time of the reading (default: now)")
    now.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", default=None, help="the day (default: today)")
    add_db_option(now)
    now.set_defaults(func=run_pain_now)

    listing = subparsers.add_parser(
        "readings",
        help="list pain-now readings (a day's, or the last 4 weeks'), or delete one",
        description="Without an action, list the readings of --date (default: the last 4 weeks) with their numbers, "
        "and the pattern through the day.",
    )
    add_db_option(listing)
    listing.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", default=None, help="only this day")
    listing.set_defaults(func=run_list, action_name=None)
    actions = listing.add_subparsers(dest="action_name", metavar="ACTION")
    delete = actions.add_parser("delete", help="delete reading NUMBER")
    delete.add_argument("number", metavar="NUMBER", type=int)
    delete.set_defaults(func=run_delete)


def run_pain_now(args: argparse.Namespace) -> int:
    from journal.app.readings import change_readings, reading_words, record_reading
    from journal.core import clock

    at = None
    if args.at is not None or args.date is not None:
        now = clock.now()
        at = dt.datetime.combine(args.date or now.date(), args.at or now.time())
    stored = change_readings(database_path(args), lambda journal: record_reading(journal, args.back_pain, args.leg_pain, at=at))
    print(f"Kept reading {stored.id}: {stored.reading.date.isoformat()} {reading_words(stored.reading)}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from journal.app.readings import change_readings, reading_words, through_the_day
    from journal.core import clock
    from journal.core.time_of_day import WINDOW_DAYS

    end = args.date or clock.today()
    start = args.date or end - dt.timedelta(days=WINDOW_DAYS - 1)
    found, pattern = change_readings(
        database_path(args), lambda journal: (journal.readings(start, end), through_the_day(journal, start, end))
    )
    if not found:
        print(
            "No pain-now readings "
            + (f"on {end.isoformat()}." if args.date else "in the last 4 weeks.")
            + " Record one with: pain-journal pain-now BACK [LEG]"
        )
        return 0
    for stored in found:
        print(f"  {stored.id}. {stored.reading.date.isoformat()} {reading_words(stored.reading)}")
    if pattern is not None and args.date is None:
        print(pattern.sentence())
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from journal.app.readings import change_readings, delete_reading
    from journal.core.errors import UserError

    if change_readings(database_path(args), lambda journal: delete_reading(journal, args.number)) is None:
        raise UserError(f"There is no reading {args.number}; `pain-journal readings` lists them.")
    print(f"Deleted reading {args.number}.")
    return 0


def run_export_readings(args: argparse.Namespace) -> int:
    """``export FILE --readings``: the readings of --from/--to (default: all) as CSV."""
    import sys

    from journal.app.opening import open_file
    from journal.app.readings import export_readings
    from journal.core.errors import UserError
    from journal.core.words import plural

    if args.file.suffix.lower() != ".csv":
        raise UserError(f"Readings are written as CSV: give a file ending in .csv, not {args.file.name!r}.")
    if args.start is not None and args.end is not None and args.start > args.end:
        raise UserError(f"--from {args.start.isoformat()} is after --to {args.end.isoformat()}.")
    journal = open_file(database_path(args))
    for notice in journal.notices:
        print(f"pain-journal: {notice}", file=sys.stderr)
    try:
        count = export_readings(journal, args.file, args.start, args.end)
    finally:
        journal.close()
    print(f"Exported {plural(count, 'pain-now reading')} to {args.file}.")
    return 0


def run_import_readings(args: argparse.Namespace) -> int:
    """``import FILE --readings``: add the file's readings, all or nothing (one already kept is not added twice)."""
    from journal.app.readings import change_readings, import_readings
    from journal.core.errors import UserError
    from journal.core.words import plural

    for option in ("source", "back_pain", "leg_pain", "clash"):
        if getattr(args, option, None) is not None:
            raise UserError(
                "--readings imports a Pain Journal readings file; it takes no --from, --back-pain, --leg-pain or --clash."
            )
    path = database_path(args)
    added, already = change_readings(path, lambda journal: import_readings(journal, args.file))
    more = f" ({plural(already, 'reading')} already in the journal)" if already else ""
    print(f"Imported {plural(added, 'pain-now reading')} into {path}{more}.")
    return 0
