""" "Same as yesterday": the last day logged before a date (:func:`journal.app.days.last_day_before`), copied for a new day.

The copy leaves both pain scores empty (they are chosen afresh each day), and
leaves out the notes, the questions, how much each thing helped (judged afresh
each day) and every warning sign: a warning sign is
marked on purpose, on the day it happens, never carried over unnoticed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from journal.core.catalog import Urgency, name_key
from journal.core.day import DayEntry, ReliefUse


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
