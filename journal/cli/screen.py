"""``screen``: what the typed-text screening would suggest for a text.

Without a journal it suggests every sign as the catalog has it. With ``--db``
(the journal's About-you answers) or ``--about``/``--age`` (answers to try)
it suggests what the window would ask that person, with their urgency.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from journal.app.screening import ABOUT_WORDS
    from journal.cli import add_db_option

    screen = subparsers.add_parser(
        "screen",
        help="show which warning signs the journal would ask about for a text",
        description='Print the warning signs the journal would ask about ("Did you mean …?") if TEXT '
        "were typed as a symptom or a note, urgent first, each with its reason. Nothing is saved. "
        'With --json: a list of {"symptom", "urgency"}. With --db, the journal\'s About-you answers '
        "change what the signs mean, as in the window; --about and --age add answers to try.",
    )
    screen.add_argument("text", metavar="TEXT", help="the words to screen (quote them)")
    screen.add_argument("--json", action="store_true", help="print JSON instead of sentences")
    add_db_option(screen)
    screen.add_argument(
        "--about",
        metavar="WORDS",
        default=None,
        help="About-you answers to try, separated by commas: " + ", ".join(sorted(ABOUT_WORDS)),
    )
    screen.add_argument("--age", type=int, metavar="YEARS", default=None, help="the person's age, for the age rule")
    screen.set_defaults(func=run_screen)


def run_screen(args: argparse.Namespace) -> int:
    from journal.app.screening import about_from_words, screen_text
    from journal.core import clock
    from journal.core.catalog import Urgency

    today = clock.today()
    about = None
    logged: set[dt.date] = set()
    if getattr(args, "db", None) is not None:
        from journal.app.about_you import load_about_you
        from journal.cli.days import open_journal

        journal = open_journal(args)
        try:
            about = load_about_you(journal, today)
            logged = journal.logged_dates()
        finally:
            journal.close()
    if args.about is not None or args.age is not None:
        about = about_from_words((args.about or "").split(","), args.age, today, about)
    found = screen_text(args.text, about, today, logged)
    if args.json:
        print(json.dumps([{"symptom": s.symptom, "urgency": s.urgency.value} for s in found], ensure_ascii=False))
        return 0
    if not found:
        print("No warning sign would be asked about.")
        return 0
    for suggestion in found:
        how = "urgent: get care now" if suggestion.urgency is Urgency.URGENT else f"see a doctor {suggestion.when or 'soon'}"
        print(f"{suggestion.symptom}  ({how})")
        print(f"    {suggestion.why}")
        if suggestion.guideline:
            print(f"    Guideline: {suggestion.guideline}")
    return 0
