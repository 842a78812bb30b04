"""``screen``: what the typed-text screening would suggest for a text (no journal is opened)."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    screen = subparsers.add_parser(
        "screen",
        help="show which warning signs the journal would ask about for a text",
        description='Print the warning signs the journal would ask about ("Did you mean …?") if TEXT '
        "were typed as a symptom or a note, urgent first, each with its reason. Nothing is saved. "
        'With --json: a list of {"symptom", "urgency"}.',
    )
    screen.add_argument("text", metavar="TEXT", help="the words to screen (quote them)")
    screen.add_argument("--json", action="store_true", help="print JSON instead of sentences")
    screen.set_defaults(func=run_screen)


def run_screen(args: argparse.Namespace) -> int:
    from journal.app.screening import screen_text
    from journal.core.catalog import Urgency

    found = screen_text(args.text)
    if args.json:
        print(json.dumps([{"symptom": s.symptom, "urgency": s.urgency.value} for s in found], ensure_ascii=False))
        return 0
    if not found:
        print("No warning sign would be asked about.")
        return 0
    words = {Urgency.URGENT: "urgent: get care now", Urgency.SOON: "see a doctor soon"}
    for suggestion in found:
        print(f"{suggestion.symptom}  ({words.get(suggestion.urgency, suggestion.urgency.value)})")
        print(f"    {suggestion.why}")
    return 0
