"""What the person can do, one check per date (schema 8). Every function takes the session; nothing commits."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, insert, select
from sqlmodel import Session, col

from journal.core.function_check import FunctionCheck
from journal.storage.more_tables import FunctionCheckRow


def save_check(*, session: Session, check: FunctionCheck, at: str) -> None:
    """Keep a (validated) check, replacing one of the same date."""
    session.execute(delete(FunctionCheckRow).where(col(FunctionCheckRow.date) == check.date))
    session.execute(
        insert(FunctionCheckRow).values(
            date=check.date,
            sit_min=check.sit_min,
            stand_min=check.stand_min,
            walk_min=check.walk_min,
            activity=check.activity,
            activity_score=check.activity_score,
            recorded_at=at,
        )
    )


def list_checks(*, session: Session, start: dt.date | None = None, end: dt.date | None = None) -> list[FunctionCheck]:
    """Checks with ``start <= date <= end`` (either bound optional), oldest first."""
    bounds = []
    if start is not None:
        bounds.append(col(FunctionCheckRow.date) >= start)
    if end is not None:
        bounds.append(col(FunctionCheckRow.date) <= end)
    query = select(
        col(FunctionCheckRow.date),
        col(FunctionCheckRow.sit_min),
        col(FunctionCheckRow.stand_min),
        col(FunctionCheckRow.walk_min),
        col(FunctionCheckRow.activity),
        col(FunctionCheckRow.activity_score),
    ).where(*bounds)
    return [FunctionCheck(*row) for row in session.execute(query.order_by(col(FunctionCheckRow.date)))]
