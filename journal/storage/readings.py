"""Pain-now readings (schema 11). Every function takes the session; nothing commits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, insert, select
from sqlmodel import Session, col

from journal.core.readings import PainReading, StoredReading, parse_clock
from journal.storage.tables import PainReadingRow


def add_readings(*, session: Session, readings: Sequence[PainReading], at: str) -> list[int]:
    """Keep (validated) readings; return their ids in order."""
    ids = []
    for reading in readings:
        result = session.execute(
            insert(PainReadingRow).values(
                date=reading.date,
                time=reading.clock,
                back_pain=reading.back_pain,
                leg_pain=reading.leg_pain,
                recorded_at=at,
            )
        )
        ids.append(int(result.inserted_primary_key[0]))  # type: ignore[attr-defined]  # a CursorResult for INSERT
    return ids


def list_readings(*, session: Session, start: dt.date | None = None, end: dt.date | None = None) -> list[StoredReading]:
    """Readings with ``start <= date <= end`` (either bound optional), by date and time, then as kept."""
    query = select(
        col(PainReadingRow.id),
        col(PainReadingRow.date),
        col(PainReadingRow.time),
        col(PainReadingRow.back_pain),
        col(PainReadingRow.leg_pain),
    )
    if start is not None:
        query = query.where(col(PainReadingRow.date) >= start)
    if end is not None:
        query = query.where(col(PainReadingRow.date) <= end)
    query = query.order_by(col(PainReadingRow.date), col(PainReadingRow.time), col(PainReadingRow.id))
    found = []
    for row_id, date, clock, back, leg in session.execute(query):
        time = parse_clock(str(clock))
        if time is None:  # the file's CHECK keeps these out; never fail a read over one
            continue
        found.append(StoredReading(int(row_id), PainReading(date, time, int(back), None if leg is None else int(leg))))
    return found


def delete_reading(*, session: Session, reading_id: int) -> PainReading | None:
    """Delete one reading; return what it held (None if it was not there)."""
    row = session.execute(select(col(PainReadingRow.date)).where(col(PainReadingRow.id) == reading_id)).first()
    if row is None:
        return None
    found = [s.reading for s in list_readings(session=session, start=row[0], end=row[0]) if s.id == reading_id]
    session.execute(delete(PainReadingRow).where(col(PainReadingRow.id) == reading_id))
    return found[0] if found else None
