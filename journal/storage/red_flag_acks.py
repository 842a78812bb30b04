"""Acknowledged warnings (schema 2): which warning signs of a day the patient has seen.

Every function takes the session and never commits (as in
:mod:`journal.storage.repository`, which re-exports them).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlmodel import Session, col

from journal.core.catalog import name_key
from journal.storage.tables import Day


def acknowledge_red_flags(*, session: Session, date: dt.date, symptoms: Iterable[str], at: str) -> int:
    """Remember that the warnings for ``symptoms`` on ``date`` were acknowledged.

    Symptoms are stored by name key; one already acknowledged keeps its first
    time. Returns how many were new; 0 when ``date`` has no entry. Does not commit.
    """
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    from journal.storage.more_tables import RedFlagAck

    keys = sorted({name_key(name) for name in symptoms} - {""})
    day_id = session.execute(select(col(Day.id)).where(col(Day.date) == date)).scalar_one_or_none()
    if day_id is None or not keys:
        return 0
    added = 0
    for key in keys:  # a day has a handful of symptoms at most
        statement = sqlite_insert(RedFlagAck).values(day_id=day_id, symptom=key, acknowledged_at=at).on_conflict_do_nothing()
        added += session.execute(statement).rowcount  # type: ignore[attr-defined]  # an INSERT gives a CursorResult
    return added


def red_flag_acks(*, session: Session, start: dt.date | None = None, end: dt.date | None = None) -> dict[dt.date, frozenset[str]]:
    """Acknowledged symptom name keys per date, for ``start <= date <= end``."""
    from journal.storage.more_tables import RedFlagAck

    query = select(col(Day.date), col(RedFlagAck.symptom)).join(Day, col(Day.id) == col(RedFlagAck.day_id))
    if start is not None:
        query = query.where(col(Day.date) >= start)
    if end is not None:
        query = query.where(col(Day.date) <= end)
    found: dict[dt.date, set[str]] = defaultdict(set)
    for date, symptom in session.execute(query):
        found[date].add(symptom)
    return {date: frozenset(keys) for date, keys in found.items()}
