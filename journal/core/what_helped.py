"""What helped, summed up: each relief item and medication over a period, as the person rated it.

These are counts of the person's own judgement on the days they used
something ("helped a lot / a little / not at all"), never a model's estimate:
relief is used *because of* pain, so comparing pain on days with and without
it would mislead (see :mod:`journal.core.trigger_model`, which never sees it).

Days with a painkiller per week come from the medications' names
(``resources/painkillers.toml``); the journal only counts them, it never
advises on them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from journal.core.catalog import name_key
from journal.core.day import HELPED_A_LITTLE, HELPED_A_LOT, HELPED_NOT_AT_ALL, DayEntry
from journal.core.resources import load_toml
from journal.core.words import plural

RELIEF: Final = "relief"
MEDICATION: Final = "medication"
#: What the ratings are, in the words every view uses.
JUDGEMENT_NOTE: Final = (
    "These are your own ratings on the days you used each one, counted as you gave them; "
    "they are not a measurement of what works."
)
#: Logged days each end of the period needs before the painkiller days are compared.
MIN_DAYS_PER_END: Final = 7
END_DAYS: Final = 14


@dataclass(frozen=True, slots=True)
class HelpedItem:
    """One relief item or medication over the period: days used and the person's ratings."""

    name: str
    kind: str  # RELIEF or MEDICATION
    days: int
    helped_a_lot: int
    helped_a_little: int
    did_not_help: int
    unrated: int


@dataclass(frozen=True, slots=True)
class PainkillerWeek:
    """One Monday-to-Sunday week (clipped to the period) with logged days."""

    week_start: dt.date
    days_logged: int
    painkiller_days: int


@dataclass(frozen=True, slots=True)
class PainkillerDays:
    """Logged days with a painkiller, per week, and the first two weeks against the last two."""

    days: int
    days_logged: int
    weeks: tuple[PainkillerWeek, ...]
    first_per_week: float | None  # per 7 logged days in the first 14 days of the period
    last_per_week: float | None  # the same in the last 14 days
    sentence: str


@dataclass(frozen=True, slots=True)
class WhatHelped:
    items: tuple[HelpedItem, ...]
    painkillers: PainkillerDays
    note: str = JUDGEMENT_NOTE


@cache
def painkiller_words() -> tuple[str, ...]:
    """Words that mark a medication as a painkiller (``resources/painkillers.toml``)."""
    return tuple(name_key(row["name"]) for row in load_toml("painkillers.toml")["word"])


@cache
def _painkiller_pattern() -> re.Pattern[str]:
    words = sorted(painkiller_words(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")s?(?!\w)")


def is_painkiller(medication: str) -> bool:
    """Whether the medication as written names a painkiller (see :func:`painkiller_words`)."""
    return _painkiller_pattern().search(name_key(medication)) is not None


def _count(name: str, kind: str, ratings: list[int | None]) -> HelpedItem:
    tally = Counter(ratings)
    return HelpedItem(
        name, kind, len(ratings), tally[HELPED_A_LOT], tally[HELPED_A_LITTLE], tally[HELPED_NOT_AT_ALL], tally[None]
    )


def _items(entries: Sequence[DayEntry]) -> tuple[HelpedItem, ...]:
    found: dict[tuple[str, str], list[int | None]] = defaultdict(list)
    spelling: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for entry in entries:
        for use in entry.relief:
            key = (RELIEF, name_key(use.name))
            found[key].append(use.helped)
            spelling[key][use.name] += 1
        for medication in entry.medications:
            key = (MEDICATION, name_key(medication))
            found[key].append(entry.medication_rating(medication))
            spelling[key][medication] += 1
    items = [_count(spelling[key].most_common(1)[0][0], key[0], ratings) for key, ratings in found.items()]
    return tuple(sorted(items, key=lambda i: (-i.days, i.kind, name_key(i.name))))


def _per_week(entries: Sequence[DayEntry]) -> float | None:
    if len(entries) < MIN_DAYS_PER_END:
        return None
    return round(7 * sum(any(is_painkiller(m) for m in e.medications) for e in entries) / len(entries), 1)


def _painkillers(entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> PainkillerDays:
    with_painkiller = [e for e in entries if any(is_painkiller(m) for m in e.medications)]
    weeks: dict[dt.date, list[DayEntry]] = defaultdict(list)
    for entry in entries:
        weeks[entry.date - dt.timedelta(days=entry.date.weekday())].append(entry)
    rows = tuple(
        PainkillerWeek(week, len(days), sum(any(is_painkiller(m) for m in e.medications) for e in days))
        for week, days in sorted(weeks.items())
    )
    first_end = start + dt.timedelta(days=END_DAYS - 1)
    last_start = end - dt.timedelta(days=END_DAYS - 1)
    long_enough = (end - start).days + 1 >= 2 * END_DAYS
    first = _per_week([e for e in entries if e.date <= first_end]) if long_enough else None
    last = _per_week([e for e in entries if e.date >= last_start]) if long_enough else None
    if not with_painkiller:
        sentence = "No painkiller was logged in this period."
    elif first is None or last is None:
        sentence = (
            f"A painkiller on {plural(len(with_painkiller), 'day')} of the {plural(len(entries), 'day')} logged. "
            f"Comparing the first two weeks with the last two needs a period of at least four weeks "
            f"with {MIN_DAYS_PER_END} or more logged days at each end."
        )
    else:
        sentence = (
            f"A painkiller on {plural(len(with_painkiller), 'day')} of the {plural(len(entries), 'day')} logged: "
            f"about {first:.1f} days a week in the first two weeks and {last:.1f} in the last two "
            "(per 7 logged days)."
        )
    return PainkillerDays(len(with_painkiller), len(entries), rows, first, last, sentence)


def what_helped(entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> WhatHelped:
    """Relief and medications in ``[start, end]``; ``entries`` may extend beyond it."""
    inside = sorted((e for e in entries if start <= e.date <= end), key=lambda e: e.date)
    return WhatHelped(_items(inside), _painkillers(inside, start, end))


def rating_words(item: HelpedItem) -> str:
    """ "helped a lot 5, a little 3, not at all 1, not rated 2" (parts that are 0 left out)."""
    parts = [
        (item.helped_a_lot, "helped a lot"),
        (item.helped_a_little, "a little" if item.helped_a_lot else "helped a little"),
        (item.did_not_help, "not at all" if item.helped_a_lot or item.helped_a_little else "did not help"),
        (item.unrated, "not rated"),
    ]
    return ", ".join(f"{words} {count}" for count, words in parts if count)


def item_line(item: HelpedItem) -> str:
    """One item for people: "heat: 12 days (helped a lot 5, a little 3, not rated 4)"."""
    return f"{item.name}: {plural(item.days, 'day')} ({rating_words(item)})"


def to_json(w: WhatHelped) -> dict[str, Any]:
    """``relief`` and ``painkiller_days`` of ``summary --json``."""
    return {
        "relief": [
            {
                "name": i.name,
                "kind": i.kind,
                "days": i.days,
                "helped_a_lot": i.helped_a_lot,
                "helped_a_little": i.helped_a_little,
                "did_not_help": i.did_not_help,
                "unrated": i.unrated,
            }
            for i in w.items
        ],
        "relief_note": w.note,
        "painkiller_days": {
            "days": w.painkillers.days,
            "days_logged": w.painkillers.days_logged,
            "first_two_weeks_per_week": w.painkillers.first_per_week,
            "last_two_weeks_per_week": w.painkillers.last_per_week,
            "weekly": [
                {"week_start": r.week_start.isoformat(), "days_logged": r.days_logged, "painkiller_days": r.painkiller_days}
                for r in w.painkillers.weeks
            ],
            "sentence": w.painkillers.sentence,
        },
    }


def text_lines(w: WhatHelped) -> list[str]:
    """The "What helped" part of the summary text."""
    if not w.items:
        return []
    lines = ["", "What helped (your own ratings)"]
    for kind, title in ((RELIEF, "What you did for it"), (MEDICATION, "Medications and self-care, as you rated them")):
        items = [i for i in w.items if i.kind == kind]
        if items:
            lines.append(f"  {title}:")
            lines += [f"    {item_line(i)}" for i in items]
    lines.append(f"  {w.painkillers.sentence}")
    lines.append(f"  {w.note}")
    return lines
