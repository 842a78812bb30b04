"""Subcommands that keep the journal safe: ``backup`` and ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path

from journal.cli import add_db_option, database_path
from journal.core.words import plural


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="write a backup copy of the journal to a file",
        description="Write a consistent copy of the journal to FILE (a new file). It is safe to run while the window is open.",
    )
    backup.add_argument("file", type=Path, metavar="FILE")
    add_db_option(backup)
    backup.set_defaults(func=run_backup)

    restore = subparsers.add_parser(
        "restore",
        help="replace the journal with a backup copy (the current one is kept)",
        description="Replace the journal with the backup copy FILE. The current journal is "
        "first copied into the backups folder beside it (or, if it is damaged, renamed "
        "aside), so nothing is lost. The window must be closed.",
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    add_db_option(restore)
    restore.set_defaults(func=run_restore)


def _summary(path: Path) -> str:
    from journal.app.backups import describe_backup

    info = describe_backup(path)
    if not info.entry_count:
        return "no days"
    return f"{plural(info.entry_count, 'day')}, {info.first_date} to {info.last_date}"


def run_backup(args: argparse.Namespace) -> int:
    from journal.app.backups import backup_to

    copy = backup_to(database_path(args), args.file)
    print(f"Backed up {_summary(copy)} to {copy}.")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from journal.app.backups import restore_file
    from journal.app.opening import lock_journal

    path = database_path(args)
    with lock_journal(path):
        saved = restore_file(path, args.file)
    print(f"Restored {_summary(path)} from {args.file} into {path}.")
    if saved is not None:
        print(f"The previous journal was kept as {saved}.")
    return 0
