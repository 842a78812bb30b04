"""Treatments over time (schema 8). Every function takes the session; nothing commits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, insert, select, update
from sqlmodel import Session, col

from journal.core.treatments import Treatment
from journal.storage.more_tables import TreatmentRow


def list_treatments(*, session: Session) -> list[tuple[int, Treatment]]:
    """Every treatment with its id, by start date (then as added)."""
    query = select(col(TreatmentRow.id), col(TreatmentRow.name), col(TreatmentRow.start_date), col(TreatmentRow.end_date))
    query = query.order_by(col(TreatmentRow.start_date), col(TreatmentRow.id))
    return [(int(row_id), Treatment(name, start, end)) for row_id, name, start, end in session.execute(query)]


def add_treatment(*, session: Session, treatment: Treatment) -> int:
    """Keep a (validated) treatment; return its id."""
    result = session.execute(insert(TreatmentRow).values(name=treatment.name, start_date=treatment.start, end_date=treatment.end))
    return int(result.inserted_primary_key[0])  # type: ignore[attr-defined]  # a CursorResult for INSERT


def set_treatment_end(*, session: Session, treatment_id: int, end: dt.date | None) -> bool:
    result = session.execute(update(TreatmentRow).where(col(TreatmentRow.id) == treatment_id).values(end_date=end))
    return bool(getattr(result, "rowcount", 0))


def delete_treatment(*, session: Session, treatment_id: int) -> bool:
    result = session.execute(delete(TreatmentRow).where(col(TreatmentRow.id) == treatment_id))
    return bool(getattr(result, "rowcount", 0))
