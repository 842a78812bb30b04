"""The patient's lists (triggers, symptoms, activities, relief, medications) and what may change in them.

Manage lists renames, hides or merges entries. The rules live here, without
storage or Qt, so the dialog, the storage code and the tests share them:
built-in entries keep their names (the app's content refers to them), and
warning signs stay visible and never disappear into another entry, so a
day that recorded one is always flagged.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Final

from journal.core.catalog import CatalogKind, Urgency


class ListKind(str, enum.Enum):
    """A list the patient keeps; all are catalogs but medications, which are free text."""

    TRIGGER = "trigger"
    SYMPTOM = "symptom"
    ACTIVITY = "activity"
    RELIEF = "relief"
    MEDICATION = "medication"

    @property
    def catalog_kind(self) -> CatalogKind | None:
        """The catalog holding this list, or None for medications."""
        return None if self is ListKind.MEDICATION else CatalogKind(self.value)


#: Names for people, singular and plural, by list.
LIST_WORDS: Final[dict[ListKind, tuple[str, str]]] = {
    ListKind.TRIGGER: ("trigger", "Triggers"),
    ListKind.SYMPTOM: ("symptom", "Symptoms"),
    ListKind.ACTIVITY: ("activity", "Activities"),
    ListKind.RELIEF: ("thing done for the pain", "Things done for the pain"),
    ListKind.MEDICATION: ("medication or self-care", "Medications and self-care"),
}


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One entry of a list as Manage lists shows it."""

    kind: ListKind
    name: str
    days: int  # how many days record it
    builtin: bool = False
    urgency: Urgency = Urgency.NONE
    hidden: bool = False

    @property
    def warning_sign(self) -> bool:
        return self.urgency is not Urgency.NONE


def why_not_rename(entry: ListEntry) -> str | None:
    """Why ``entry`` cannot be renamed, or None when it can."""
    if entry.warning_sign:
        return "Warning signs keep their names, so that a day that records one is always flagged."
    if entry.builtin:
        return "Entries that come with the app keep their names. You can hide it instead."
    return None


def why_not_hide(entry: ListEntry) -> str | None:
    """Why ``entry`` cannot be hidden, or None when it can (or is hidden already)."""
    if entry.warning_sign:
        return "Warning signs are always offered, so that you can record one the day it happens."
    return None


def why_not_merge_away(entry: ListEntry) -> str | None:
    """Why ``entry`` cannot be merged into any other entry, or None when it can."""
    if entry.warning_sign:
        return "A warning sign cannot be merged away: the days that record it must stay flagged."
    if entry.builtin:
        return "Entries that come with the app cannot be merged away. You can hide it instead."
    return None


def why_not_merge(source: ListEntry, target: ListEntry) -> str | None:
    """Why ``source`` cannot be merged into ``target``, or None when it can.

    Merging rewrites every day that records ``source`` to record ``target``
    instead, then removes ``source`` from the list.
    """
    if source.kind is not target.kind:
        return "Only entries of the same list can be merged."
    if source.name == target.name:
        return "Choose another entry to merge into."
    return why_not_merge_away(source)


#: The lists a name can move between: what made the pain worse, and what the person did for it.
MOVES: Final[dict[ListKind, ListKind]] = {ListKind.TRIGGER: ListKind.RELIEF, ListKind.RELIEF: ListKind.TRIGGER}


def why_not_move(entry: ListEntry) -> str | None:
    """Why ``entry`` cannot move to the other list of :data:`MOVES`, or None when it can.

    Something done *because of* pain (rest, lying down) logged as a trigger
    looks like a cause of pain; moving it to "What I did for it" keeps it out
    of the trigger comparisons. Only the person's own names move: the app's
    own relief and triggers are what its guidance refers to.
    """
    if entry.kind not in MOVES:
        return "Only triggers and the things you did for the pain can move between those two lists."
    if entry.builtin:
        return "Entries that come with the app stay in their list. You can hide it instead."
    return None
