"""The "For today" cards: which guidance items fit a logged day, and why.

:func:`linked_items_for_day` picks at most :data:`MAX_CARDS` items for a day,
most relevant first, each with the reason it was picked. On a day with a
warning sign, ``[warning_day]`` in links.toml (:class:`WarningDayRule`) says
what may be shown: with an urgent sign only getting-care items, with a
"soon" sign no exercise or flare self-care.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from journal.core.catalog import Urgency, default_urgencies, name_key
from journal.core.day import DayEntry
from journal.core.flares import is_high
from journal.core.guidance.content import load_library
from journal.core.guidance.items import FLARE, HIGH_LEG_PAIN_STATE, MAX_WEIGHT, GuidanceItem, Library, Link, LinkedItem

#: At most this many "For today" cards.
MAX_CARDS: Final = 4
#: Leg pain at or above this is the ``high_leg_pain`` state.
HIGH_LEG_PAIN: Final = 7
#: The cards' heading on a day with an urgent warning sign.
URGENT_CARDS_HEADING: Final = "Please get medical care first"


def flare_today(entry: DayEntry, previous: Sequence[DayEntry]) -> bool:
    """Whether ``entry`` is a flare day by :mod:`journal.core.flares`.

    ``previous`` are other logged days; those in the usual-level window before
    ``entry`` set the person's usual level.
    """
    return is_high(entry.date, entry.back_pain, ((day.date, day.back_pain) for day in previous))


@dataclass
class _Candidate:
    weight: int
    first_seen: int
    states: list[str] = field(default_factory=list)
    logged: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        parts = list(self.states)
        if self.logged:
            parts.append("you logged: " + ", ".join(self.logged))
        return "Because " + " and ".join(parts)


def _logged_names(entry: DayEntry) -> list[tuple[str, str]]:
    """``(kind, name)`` of what was logged, symptoms first, each name once."""
    named = [
        *(("symptom", name) for name in entry.symptoms),
        *(("trigger", name) for name in entry.triggers),
        *(("activity", activity.name) for activity in entry.activities),
    ]
    seen: set[tuple[str, str]] = set()
    result = []
    for kind, name in named:
        key = (kind, name_key(name))
        if key[1] and key not in seen:
            seen.add(key)
            result.append((kind, " ".join(name.split())))
    return result


def warning_level(entry: DayEntry, urgencies: Mapping[str, Urgency] | None = None) -> Urgency:
    """The most urgent warning sign logged on ``entry``: URGENT, SOON or NONE.

    ``urgencies`` maps symptom name keys to urgency (the journal's catalog);
    default: the built-in catalog.
    """
    table = default_urgencies() if urgencies is None else urgencies
    found = {Urgency(table.get(name_key(symptom), Urgency.NONE)) for symptom in entry.symptoms}
    for level in (Urgency.URGENT, Urgency.SOON):
        if level in found:
            return level
    return Urgency.NONE


def linked_items_for_day(
    entry: DayEntry,
    previous: Sequence[DayEntry] = (),
    library: Library | None = None,
    *,
    limit: int = MAX_CARDS,
    urgencies: Mapping[str, Urgency] | None = None,
) -> list[LinkedItem]:
    """The "For today" cards: at most ``limit`` items, most relevant first.

    Candidates come from the day's pain states (``flare`` by
    :func:`flare_today`, ``high_leg_pain`` when leg pain >= 7) and from every
    logged symptom, trigger and activity with links. An item linked several
    times appears once, with its highest weight and all its reasons. Order:
    highest weight, then most reasons, then first found (states, symptoms,
    triggers, activities). With the shipped weights, urgent and "soon" symptoms
    come before the flare card, and the flare card before everything else.

    On a day with a warning sign (:func:`warning_level`, using ``urgencies``)
    the library's :class:`WarningDayRule` applies: with an urgent sign only
    warning-sign and when-to-see-a-doctor items; with a "soon" sign no
    exercise or flare self-care item.
    """
    library = load_library() if library is None else library
    candidates: dict[str, _Candidate] = {}

    def add(links: Iterable[Link], *, state: str = "", logged: str = "") -> None:
        for link in links:
            candidate = candidates.setdefault(link.item_id, _Candidate(link.weight, len(candidates)))
            candidate.weight = max(candidate.weight, link.weight)
            if state:
                candidate.states.append(state)
            if logged and logged not in candidate.logged:
                candidate.logged.append(logged)

    if flare_today(entry, previous):
        add(
            library.links_for("state", FLARE),
            state=f"today looks like a flare (back pain {entry.back_pain} out of 10)",
        )
    if entry.leg_pain is not None and entry.leg_pain >= HIGH_LEG_PAIN:
        add(
            library.links_for("state", HIGH_LEG_PAIN_STATE),
            state=f"your leg pain today is {entry.leg_pain} out of 10",
        )
    for kind, name in _logged_names(entry):
        add(library.links_for(kind, name), logged=name)
    level = warning_level(entry, urgencies)
    if level is not Urgency.NONE:
        table = default_urgencies() if urgencies is None else urgencies
        signs = [" ".join(name.split()) for name in entry.symptoms if Urgency(table.get(name_key(name), Urgency.NONE)) is level]
        weight = MAX_WEIGHT
        for item_id in library.warning_day.always(level):
            add([Link(item_id, weight)], logged=signs[0])
            weight -= 1
        candidates = {
            item_id: candidate
            for item_id, candidate in candidates.items()
            if library.warning_day.allows(library.by_id(item_id), level)
        }

    def rank(pair: tuple[str, _Candidate]) -> tuple[int, int, int]:
        candidate = pair[1]
        reasons = len(candidate.states) + len(candidate.logged)
        return (-candidate.weight, -reasons, candidate.first_seen)

    ranked = sorted(candidates.items(), key=rank)[: max(limit, 0)]
    return [LinkedItem(library.by_id(item_id), c.reason) for item_id, c in ranked]


def links_for_day(entry: DayEntry, previous: Sequence[DayEntry] = (), library: Library | None = None) -> list[GuidanceItem]:
    """The items of :func:`linked_items_for_day` without reasons (at most 4)."""
    return [linked.item for linked in linked_items_for_day(entry, previous, library)]
