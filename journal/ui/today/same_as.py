""" "Same as yesterday": the last day logged before a date, copied for a new day.

The copy leaves both pain scores empty (they are chosen afresh each day), and
leaves out the notes, the questions, how much each thing helped (judged afresh
each day) and every warning sign: a warning sign is
marked on purpose, on the day it happens, never carried over unnoticed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from journal.core.catalog import Urgency, name_key
from journal.core.day import DayEntry, ReliefUse

if TYPE_CHECKING:
    from journal.storage.journal import Journal

_FIRST_SPAN_DAYS = 7


def last_day_before(journal: "Journal", date: dt.date) -> DayEntry | None:
    """The latest entry dated before ``date``, or None. Reads the file: run it on the worker.

    Looks back a week, then eight times further each time, so a daily logger's
    "yesterday" costs one small query however long the journal is.
    """
    bounds = journal.date_bounds()
    if bounds is None or bounds[0] >= date:
        return None
    first = bounds[0]
    end = date - dt.timedelta(days=1)
    span = _FIRST_SPAN_DAYS
    while True:
        start = max(first, end - dt.timedelta(days=span - 1))
        found = journal.days(start, end)
        if found:
            return found[-1]
        if start <= first:
            return None
        end = start - dt.timedelta(days=1)
        span *= 8


def copy_for(source: DayEntry, date: dt.date, urgencies: dict[str, Urgency]) -> DayEntry:
    """``source`` as a starting point for ``date``: pain, notes, questions and warning signs left out."""
    ordinary = tuple(s for s in source.symptoms if urgencies.get(name_key(s), Urgency.NONE) is Urgency.NONE)
    return dataclasses.replace(
        source,
        date=date,
        back_pain=None,  # type: ignore[arg-type]  # chosen afresh: an empty form fails validation until it is
        leg_pain=None,
        symptoms=ordinary,
        notes="",
        questions="",
        relief=tuple(ReliefUse(r.name) for r in source.relief),
        medication_helped=(),
    )
