"""Treatments over time: keep them, and compare pain before and after each started.

The one place both front-ends call (the command line now; the window through
the same functions).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeVar

from journal.core.treatments import WINDOW_DAYS, BeforeAfter, Treatment, before_after

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from journal.storage.journal import Journal

T = TypeVar("T")


def treatments_in(journal: "Journal", start: dt.date, end: dt.date) -> list[Treatment]:
    """Treatments that were going at some time in [start, end], by start date."""
    return [t for _, t in journal.treatments() if t.start <= end and (t.end is None or t.end >= start)]


def treatment_comparisons(journal: "Journal", start: dt.date, end: dt.date) -> tuple[BeforeAfter, ...]:
    """Before and after each treatment of the period, read up to ``end`` only."""
    found = []
    for treatment in treatments_in(journal, start, end):
        window = journal.days(treatment.start - dt.timedelta(days=WINDOW_DAYS), end)
        found.append(before_after(window, treatment, until=end))
    return tuple(found)


def change_treatments(db_path: "Path", change: "Callable[[Journal], T]") -> T:
    """Run one change of the treatments on the journal file at ``db_path`` (for the command line),
    holding the journal's lock, so a journal open in the window is never changed behind its back."""
    from journal.app.lists import change_file

    return change_file(db_path, change)


def numbered_treatments(journal: "Journal") -> "list[tuple[int, Treatment]]":
    """Every treatment kept, with the number that names it for changes."""
    return journal.treatments()


def add_treatment(journal: "Journal", treatment: Treatment, today: dt.date) -> int:
    """Keep a new treatment (validated first); returns its number."""
    return journal.add_treatment(treatment, today=today)


def end_treatment(journal: "Journal", number: int, end: dt.date, today: dt.date) -> None:
    """Mark treatment ``number`` as stopped on ``end``."""
    journal.end_treatment(number, end, today=today)


def delete_treatment(journal: "Journal", number: int) -> None:
    """Remove treatment ``number`` (the days are not touched)."""
    journal.delete_treatment(number)
