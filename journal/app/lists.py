"""Manage lists: rename, hide or merge the patient's triggers, symptoms, activities and medications.

The one place both front-ends call. Each change is one transaction; a merge
rewrites past days, so a backup of the journal is taken first (kept apart
from routine thinning, tagged "before-merge"). Rules from
:mod:`journal.core.lists` are checked before anything is written; a refusal
raises :class:`ListChangeRefused` with a sentence for the patient.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from journal.core.catalog import name_key, tidy_name
from journal.core.errors import UserError, ValidationError
from journal.core.lists import (
    LIST_WORDS,
    MOVES,
    ListEntry,
    ListKind,
    why_not_hide,
    why_not_merge,
    why_not_move,
    why_not_rename,
)
from journal.core.validation import MAX_MEDICATION_LENGTH, MAX_NAME_LENGTH, check_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlmodel import Session

    from journal.app import changes
    from journal.core.day import DayEntry
    from journal.storage.journal import Journal

#: What a change of the journal file returns.
Changed = TypeVar("Changed")


class ListChangeRefused(UserError):
    """The change breaks a rule of the lists (nothing was written)."""


@dataclass(frozen=True)
class ListChange:
    """What a change touched: the dates whose entries now read differently, and the backup taken."""

    dates: frozenset[dt.date]
    backup: Path | None = None


def list_entries(journal: "Journal", kind: ListKind) -> list[ListEntry]:
    """Every entry of the list, hidden ones too, with the number of days recording each."""
    from journal.storage import lists

    with journal.session() as session:
        return lists.list_entries(session=session, kind=kind)


def _entry(session: "Session", kind: ListKind, name: str) -> ListEntry:
    from journal.storage import lists

    try:
        return lists.find_entry(session=session, kind=kind, name=name)
    except lists.NotInListError:
        raise ListChangeRefused(f"“{name}” is no longer in your list; it may have been changed already.") from None


def _checked_name(kind: ListKind, name: str) -> str:
    clean = tidy_name(name)
    problems: list[tuple[str, str]] = []
    limit = MAX_MEDICATION_LENGTH if kind is ListKind.MEDICATION else MAX_NAME_LENGTH
    check_name(kind.value, clean, problems, limit=limit)
    if problems:
        raise ValidationError(problems)
    return clean


def rename(journal: "Journal", kind: ListKind, old: str, new: str) -> ListChange:
    """Give ``old`` the name ``new`` on every day that records it.

    Only a change of spelling or case of the same name, or a name no other
    entry has: to join two entries, :func:`merge` them.

    Raises:
        ListChangeRefused: a built-in entry or warning sign, or ``new`` is taken.
        ValidationError: ``new`` is not a valid name.
    """
    from journal.storage import lists

    clean = _checked_name(kind, new)
    with journal.transaction() as session:
        entry = _entry(session, kind, old)
        reason = why_not_rename(entry)
        if reason:
            raise ListChangeRefused(reason)
        if clean == entry.name:
            return ListChange(frozenset())
        if name_key(clean) != name_key(entry.name):
            taken = next((e for e in lists.list_entries(session=session, kind=kind) if name_key(e.name) == name_key(clean)), None)
            if taken is not None:
                raise ListChangeRefused(
                    f"Your {LIST_WORDS[kind][1].lower()} already have “{taken.name}”. "
                    f"To put the days of “{entry.name}” under it, merge the two instead."
                )
        dates = lists.rename_entry(session=session, kind=kind, old=entry.name, new=clean)
    journal.renamed[(kind.value, name_key(entry.name))] = clean
    return ListChange(dates)


def set_hidden(journal: "Journal", kind: ListKind, name: str, hidden: bool) -> ListChange:
    """Stop offering ``name`` in the Today form (or offer it again); past days keep it.

    Raises:
        ListChangeRefused: a warning sign (always offered).
    """
    from journal.storage import lists

    with journal.transaction() as session:
        entry = _entry(session, kind, name)
        reason = why_not_hide(entry) if hidden else None
        if reason:
            raise ListChangeRefused(reason)
        lists.set_hidden(session=session, kind=kind, name=entry.name, hidden=hidden)
    return ListChange(frozenset())


def merge(journal: "Journal", kind: ListKind, source: str, target: str) -> ListChange:
    """Record ``target`` on every day that recorded ``source``, then remove ``source``.

    The rules are checked first; then a backup of the whole journal is taken;
    then the days are rewritten in one transaction. If the backup cannot be
    made, nothing is changed.

    Raises:
        ListChangeRefused: a built-in entry or warning sign as ``source``, or the same entry twice.
        UserError: the backup could not be written (nothing changed).
    """
    from journal.storage import lists
    from journal.storage.backup import backup_now

    with journal.session() as session:
        first, second = _entry(session, kind, source), _entry(session, kind, target)
    reason = why_not_merge(first, second)
    if reason:
        raise ListChangeRefused(reason)
    backup = backup_now(journal.path, reason="before-merge")
    with journal.transaction() as session:
        first, second = _entry(session, kind, source), _entry(session, kind, target)  # unchanged since? checked again
        reason = why_not_merge(first, second)
        if reason:
            raise ListChangeRefused(reason)
        dates = lists.merge_entries(session=session, kind=kind, source=first.name, target=second.name)
    journal.renamed[(kind.value, name_key(first.name))] = second.name
    return ListChange(dates, backup)


def named_as_now(journal: "Journal", entry: "DayEntry") -> "DayEntry":
    """``entry`` with each name renamed or merged away since it was read given its name now.

    What History's Undo delete puts back: a day deleted, then one of its names
    renamed or merged in Manage lists, comes back under the name as it is now,
    never bringing the old one back as a second entry.
    """
    import dataclasses

    from journal.core.day import ActivityMinutes, ReliefUse

    def now(kind: ListKind, name: str) -> str:
        seen: set[str] = set()
        while (kind.value, name_key(name)) in journal.renamed and name_key(name) not in seen:
            seen.add(name_key(name))
            name = journal.renamed[(kind.value, name_key(name))]
        return name

    return dataclasses.replace(
        entry,
        activities=tuple(ActivityMinutes(now(ListKind.ACTIVITY, a.name), a.minutes) for a in entry.activities),
        triggers=tuple(now(ListKind.TRIGGER, n) for n in entry.triggers),
        symptoms=tuple(now(ListKind.SYMPTOM, n) for n in entry.symptoms),
        medications=tuple(now(ListKind.MEDICATION, n) for n in entry.medications),
        relief=tuple(ReliefUse(now(ListKind.RELIEF, r.name), r.helped) for r in entry.relief),
        medication_helped=tuple((now(ListKind.MEDICATION, n), h) for n, h in entry.medication_helped),
    )


def move(journal: "Journal", kind: ListKind, name: str) -> ListChange:
    """Move the person's own ``name`` between triggers and the things done for the pain.

    Something logged as a trigger because it is done *for* the pain (rest,
    lying down) moves to relief, with every day that records it, and so leaves
    the trigger comparisons; or back. Ratings of how much it helped are
    dropped when it becomes a trigger.

    Raises:
        ListChangeRefused: a built-in entry, a list that does not move, or the
            other list already has the name (merge there instead).
    """
    from journal.storage import lists

    with journal.transaction() as session:
        entry = _entry(session, kind, name)
        reason = why_not_move(entry)
        if reason:
            raise ListChangeRefused(reason)
        target = MOVES[kind]
        taken = next(
            (e for e in lists.list_entries(session=session, kind=target) if name_key(e.name) == name_key(entry.name)), None
        )
        if taken is not None:
            raise ListChangeRefused(
                f"Your {LIST_WORDS[target][1].lower()} already have “{taken.name}”. Merge “{entry.name}” into "
                f"another of your {LIST_WORDS[kind][1].lower()}, or rename it, first."
            )
        dates = lists.move_entry(session=session, name=entry.name, source=kind, target=target)
    return ListChange(dates)


def change_file(db_path: Path, change: "Callable[[Journal], Changed]") -> "Changed":
    """Run one ``change`` (of the lists, or of the treatments) on the journal file at ``db_path`` (for the command line).

    The journal's lock is held throughout, so a journal open in the window is
    never changed behind its back (that raises ``JournalInUseError``).
    """
    from journal.storage.integrity import check_file
    from journal.storage.journal import Journal
    from journal.storage.single_instance import acquire_journal_lock

    check_file(db_path)  # a missing or damaged file fails before anything is created or locked
    lock = acquire_journal_lock(db_path)
    try:
        journal = Journal.open(db_path)
        try:
            return change(journal)
        finally:
            journal.close()
    finally:
        lock.release()


def with_caches(journal: "Journal", change: "Callable[[Journal], Changed]") -> "changes.Changed[Changed]":
    """Run one Manage-lists change on an open journal, and read the window's copies of the lists again.

    The views hear of the dates whose entries now read differently (a renamed
    or merged name), taken from the change's ``dates`` where it has them.
    """
    from journal.app import changes
    from journal.app.opening import form_catalog

    result = change(journal)
    dates: frozenset[dt.date] = frozenset(getattr(result, "dates", frozenset()))
    caches = changes.Caches(catalog=form_catalog(journal), medications=journal.medication_names())
    return changes.Changed(result, changes.JournalChange(dates, catalog=True), caches)
