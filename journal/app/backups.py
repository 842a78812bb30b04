"""Keeping the journal safe: backups, the list of them, restoring one, recovering a damaged journal.

The window runs these on its worker (the window's thread never reads the
file); the command line calls them directly. The journal's lock is held by
the caller (:func:`journal.app.opening.lock_journal`) wherever a file is
replaced.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from journal.app.changes import Caches, Changed, JournalChange
from journal.app.opening import OpenedJournal, open_journal

if TYPE_CHECKING:
    from journal.app.journal_file import BackupInfo, Journal


def backup_folder(journal_path: Path, *, create: bool = False) -> Path:
    """Where automatic backups of the journal at ``journal_path`` go (made 0700 when ``create``)."""
    from journal.storage.backup_names import backups_dir

    folder = backups_dir(journal_path)
    if create:
        from journal.files.atomic import make_private_dirs

        make_private_dirs(folder)
    return folder


def backup_if_changed(journal: "Journal") -> Path | None:
    """A routine backup of the open journal unless nothing changed since the last one (then None).

    None too for a read-only journal and for one without days. Reads the whole
    file (it is checked before it is copied).
    """
    if journal.read_only or journal.count() == 0:
        return None
    from journal.storage.backup import backup_if_changed as backup_file_if_changed

    return backup_file_if_changed(journal.path)


def backup_to(journal_path: Path, dest: Path) -> Path:
    """Copy the journal at ``journal_path`` to the new file ``dest`` (which must not exist); returns ``dest``."""
    from journal.storage.backup import backup_now

    return backup_now(journal_path, dest)


def list_backups(journal_path: Path) -> "list[BackupInfo]":
    """The backups in the journal's backups folder, newest first (each one is read)."""
    from journal.storage.backup import list_backups as list_backup_files

    return list_backup_files(journal_path)


def describe_backup(path: Path) -> "BackupInfo":
    """Day count and dates of a backup file anywhere (read-only)."""
    from journal.storage.backup import describe_backup as describe_backup_file

    return describe_backup_file(path)


def restore_file(journal_path: Path, backup: Path) -> Path | None:
    """Replace the closed journal at ``journal_path`` with ``backup``; returns where the previous state was kept.

    The caller holds the journal's lock and no connection to it is open.
    """
    from journal.storage.backup import restore_backup

    return restore_backup(journal_path, backup)


def restore(journal: "Journal", backup: Path) -> "Changed[tuple[Path | None, OpenedJournal]]":
    """Close ``journal``, replace its contents with ``backup``, and open it again.

    The value is (where the previous state was kept, the journal as opened
    again); everything changed. The caller holds the journal's lock.
    """
    path = journal.path
    journal.close()  # restoring needs our own connections closed
    saved = restore_file(path, backup)
    opened = open_journal(path)
    caches = Caches(opened.catalog, opened.medications, opened.logged)
    return Changed((saved, opened), JournalChange(everything=True), caches)


def recover_damaged(journal_path: Path) -> tuple[Path | None, Path | None]:
    """Set the damaged journal aside and restore its newest good backup.

    Returns (the backup used, where the damaged file now is); (None, None),
    changing nothing, when no backup was usable. The caller holds the lock.
    """
    from journal.storage.backup import quarantine_and_restore_newest

    def damaged_copies() -> set[Path]:
        return set(journal_path.parent.glob(f"{journal_path.name}.damaged-*"))

    before = damaged_copies()
    used = quarantine_and_restore_newest(journal_path)
    kept = sorted(damaged_copies() - before)
    return used, (kept[0] if kept else None)


def close_and_back_up(journal: "Journal", *, back_up: bool) -> Path | None:
    """Close the journal on shutting down; with ``back_up``, then back it up if it has days and changed.

    Returns the new backup, if one was made.
    """
    worth_keeping = back_up and not journal.read_only and journal.count() > 0
    journal.close()
    if not worth_keeping:
        return None
    from journal.storage.backup import backup_if_changed as backup_file_if_changed

    return backup_file_if_changed(journal.path)
