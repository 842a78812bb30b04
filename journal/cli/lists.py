"""``lists``: see, rename, hide or merge the names you pick from (as File → Manage lists does)."""

from __future__ import annotations

import argparse

from journal.cli import add_db_option, database_path
from journal.core.lists import LIST_WORDS, ListKind
from journal.core.words import plural

_KINDS = [kind.value for kind in ListKind]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    lists = subparsers.add_parser(
        "lists",
        help="see, rename, hide or merge your triggers, symptoms, activities and medications",
        description="Without an action, print the list KIND with how many days record each entry. "
        "Hiding keeps past days as they are; merging rewrites them after a backup is made.",
    )
    lists.add_argument("kind", choices=_KINDS, metavar="KIND", help=f"one of: {', '.join(_KINDS)}")
    add_db_option(lists)
    lists.set_defaults(func=run_show, action_name=None)
    actions = lists.add_subparsers(dest="action_name", metavar="ACTION")
    rename = actions.add_parser("rename", help="give an entry a new name on every day that records it")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    rename.set_defaults(func=run_rename)
    for name, text in (("hide", "stop offering an entry in the form (past days keep it)"), ("show", "offer it again")):
        hide = actions.add_parser(name, help=text)
        hide.add_argument("name", metavar="NAME")
        hide.set_defaults(func=run_hide)
    merge = actions.add_parser("merge", help="record TARGET wherever SOURCE was recorded, then remove SOURCE")
    merge.add_argument("source", metavar="SOURCE")
    merge.add_argument("target", metavar="TARGET")
    merge.set_defaults(func=run_merge)
    move = actions.add_parser(
        "move", help="move one of your own names between trigger and relief (what you did for the pain), with its days"
    )
    move.add_argument("name", metavar="NAME")
    move.set_defaults(func=run_move)


def run_show(args: argparse.Namespace) -> int:
    from journal.app.lists import list_entries
    from journal.app.opening import open_checked_file

    path = database_path(args)
    journal = open_checked_file(path)
    try:
        entries = list_entries(journal, ListKind(args.kind))
    finally:
        journal.close()
    print(f"{LIST_WORDS[ListKind(args.kind)][1]} in {path}:")
    for entry in entries:
        notes = [plural(entry.days, "day")]
        notes += ["hidden"] if entry.hidden else []
        notes += ["warning sign"] if entry.warning_sign else (["comes with the app"] if entry.builtin else [])
        print(f"  {entry.name}  ({', '.join(notes)})")
    return 0


def run_rename(args: argparse.Namespace) -> int:
    from journal.app.lists import change_file, rename

    kind = ListKind(args.kind)
    change = change_file(database_path(args), lambda journal: rename(journal, kind, args.old, args.new))
    print(f"Renamed “{args.old}” to “{' '.join(args.new.split())}” on {plural(len(change.dates), 'day')}.")
    return 0


def run_hide(args: argparse.Namespace) -> int:
    from journal.app.lists import change_file, set_hidden

    kind, hide = ListKind(args.kind), args.action_name == "hide"
    change_file(database_path(args), lambda journal: set_hidden(journal, kind, args.name, hide))
    print(f"“{args.name}” is {'no longer' if hide else 'again'} offered when you log a day.")
    return 0


def run_merge(args: argparse.Namespace) -> int:
    from journal.app.lists import change_file, merge

    kind = ListKind(args.kind)
    change = change_file(database_path(args), lambda journal: merge(journal, kind, args.source, args.target))
    print(f"Merged “{args.source}” into “{args.target}”: {plural(len(change.dates), 'day')} rewritten.")
    if change.backup is not None:
        print(f"A backup was made first: {change.backup}")
    return 0


def run_move(args: argparse.Namespace) -> int:
    from journal.app.lists import change_file, move
    from journal.core.lists import MOVES

    kind = ListKind(args.kind)
    change = change_file(database_path(args), lambda journal: move(journal, kind, args.name))
    target = LIST_WORDS[MOVES[kind]][1].lower()
    print(f"Moved “{args.name}” to {target}, with its {plural(len(change.dates), 'day')}.")
    return 0
