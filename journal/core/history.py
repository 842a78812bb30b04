"""Rows of the History table, computed from entries (no Qt here; tested without a window)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from journal.core.catalog import Urgency, name_key
from journal.core.dates import weekday_words
from journal.core.day import DayEntry
from journal.core.treatments import Treatment


@dataclass(frozen=True, slots=True)
class HistoryColumn:
    key: str
    title: str
    numeric: bool = False


COLUMNS: Final[tuple[HistoryColumn, ...]] = (
    HistoryColumn("date", "Date"),
    HistoryColumn("back_pain", "Back", numeric=True),
    HistoryColumn("leg_pain", "Leg", numeric=True),
    HistoryColumn("peg", "PEG", numeric=True),
    HistoryColumn("red_flags", "Red flags"),
    HistoryColumn("stiffness", "Stiffness (min)", numeric=True),
    HistoryColumn("sleep", "Sleep (h)", numeric=True),
    HistoryColumn("activity", "Logged activity (min)", numeric=True),
    HistoryColumn("triggers", "Triggers"),
    HistoryColumn("symptoms", "Symptoms"),
    HistoryColumn("relief", "What helped"),
    HistoryColumn("treatments", "Treatment"),
    HistoryColumn("notes", "Notes"),
)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One day as the History table shows it; ``values`` follow :data:`COLUMNS`."""

    date: dt.date
    values: tuple[object, ...]
    texts: tuple[str, ...]
    red_flags: tuple[str, ...]
    urgent: bool
    #: Where it hurts (location codes), for the day's body map.
    pain_locations: frozenset[str] = frozenset()
    #: The treatments going that day (History shades these rows, as the chart draws bands).
    treatments: tuple[str, ...] = ()


def _text(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


#: A rating in a few words, as on the Today chips.
_HELPED_SHORT: Final = {2: "a lot", 1: "a little", 0: "not at all"}


def relief_text(entry: DayEntry) -> str:
    """ "heat (a lot), rest": what the person did for the pain, with their rating where given."""
    return ", ".join(r.name if r.helped is None else f"{r.name} ({_HELPED_SHORT[r.helped]})" for r in entry.relief)


def history_row(entry: DayEntry, urgencies: Mapping[str, Urgency], treatments: Sequence[Treatment] = ()) -> HistoryRow:
    """One day's row; ``treatments`` are the journal's, and the row names those going that day."""
    flags = tuple(s for s in entry.symptoms if urgencies.get(name_key(s), Urgency.NONE) is not Urgency.NONE)
    urgent = any(urgencies.get(name_key(s)) is Urgency.URGENT for s in flags)
    note = entry.notes.split("\n", 1)[0]
    going = tuple(t.name for t in treatments if t.active_on(entry.date))
    values: tuple[object, ...] = (
        entry.date,
        entry.back_pain,
        entry.leg_pain,
        None if entry.peg is None else round(entry.peg, 1),
        ("⚠ " + ", ".join(flags)) if flags else "",
        entry.morning_stiffness_min,
        entry.sleep_hours,
        entry.activity_minutes if entry.activities else None,
        ", ".join(entry.triggers),
        ", ".join(entry.symptoms),
        relief_text(entry),
        ", ".join(going),
        note[:80] + ("…" if len(note) > 80 or "\n" in entry.notes else ""),
    )
    texts = tuple(
        weekday_words(v) if isinstance(v, dt.date) else _text(v) if COLUMNS[i].numeric else str(v) for i, v in enumerate(values)
    )
    return HistoryRow(entry.date, values, texts, flags, urgent, frozenset(entry.pain_locations), going)


def sort_rows(rows: Sequence[HistoryRow], column: int, descending: bool) -> list[HistoryRow]:
    """Sort by a column; empty values always go last, ties by date (newest first)."""
    by_date = sorted(rows, key=lambda r: r.date, reverse=True)
    present = [r for r in by_date if r.values[column] not in (None, "")]
    missing = [r for r in by_date if r.values[column] in (None, "")]
    if COLUMNS[column].numeric or column == 0:
        present.sort(key=lambda r: r.values[column], reverse=descending)  # type: ignore[arg-type, return-value]  # one column holds one comparable type
    else:
        present.sort(key=lambda r: str(r.values[column]).casefold(), reverse=descending)
    return present + missing
