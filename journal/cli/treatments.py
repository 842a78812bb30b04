"""``treatments``: see, add, stop or remove treatments (a name, a start and an optional end)."""

from __future__ import annotations

import argparse

from journal.cli import add_db_option, database_path, iso_date


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "treatments",
        help="see, add, stop or remove treatments (physiotherapy, a new medicine, a brace…)",
        description="Without an action, list the treatments with their numbers. The summary compares "
        "pain before and after each one started.",
    )
    add_db_option(parser)
    parser.set_defaults(func=run_list, action_name=None)
    actions = parser.add_subparsers(dest="action_name", metavar="ACTION")
    add = actions.add_parser("add", help="add a treatment that started on START (and stopped on --end)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("start", metavar="START", type=iso_date)
    add.add_argument("--end", metavar="YYYY-MM-DD", type=iso_date, default=None)
    add.set_defaults(func=run_add)
    stop = actions.add_parser("stop", help="record the last day of treatment NUMBER")
    stop.add_argument("number", metavar="NUMBER", type=int)
    stop.add_argument("end", metavar="END", type=iso_date)
    stop.set_defaults(func=run_stop)
    remove = actions.add_parser("remove", help="remove treatment NUMBER (your days are not touched)")
    remove.add_argument("number", metavar="NUMBER", type=int)
    remove.set_defaults(func=run_remove)


def run_list(args: argparse.Namespace) -> int:
    from journal.app.treatments import change_treatments
    from journal.core.treatments import treatment_words

    found = change_treatments(database_path(args), lambda journal: journal.treatments())
    if not found:
        print("No treatments yet. Add one with: pain-journal treatments add NAME YYYY-MM-DD")
    for number, treatment in found:
        print(f"  {number}. {treatment_words(treatment)}")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from journal.app.treatments import change_treatments
    from journal.core.treatments import Treatment

    number = change_treatments(
        database_path(args), lambda journal: journal.add_treatment(Treatment(args.name, args.start, args.end))
    )
    print(f"Added treatment {number}: {' '.join(args.name.split())}, from {args.start.isoformat()}.")
    return 0


def run_stop(args: argparse.Namespace) -> int:
    from journal.app.treatments import change_treatments

    change_treatments(database_path(args), lambda journal: journal.end_treatment(args.number, args.end))
    print(f"Treatment {args.number} stopped on {args.end.isoformat()}.")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from journal.app.treatments import change_treatments
    from journal.core.errors import UserError

    if not change_treatments(database_path(args), lambda journal: journal.delete_treatment(args.number)):
        raise UserError(f"There is no treatment {args.number}; `pain-journal treatments` lists them.")
    print(f"Removed treatment {args.number}.")
    return 0
