"""Sitting sessions and the breaks taken in them (schema 3). Functions take the session."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, insert, select
from sqlmodel import Session, col

from journal.core.sitting import SittingSummary
from journal.storage.more_tables import SittingSession


def add_sitting_session(*, session: Session, summary: SittingSummary, at: str) -> None:
    """Keep one session. Does not commit."""
    session.execute(
        insert(SittingSession).values(
            date=summary.date,
            minutes=summary.minutes,
            breaks=summary.breaks,
            recorded_at=at,
        )
    )


def sitting_per_day(
    *, session: Session, start: dt.date | None = None, end: dt.date | None = None
) -> dict[dt.date, SittingSummary]:
    """Sitting minutes and breaks per date (sessions of one day added up)."""
    query = select(
        col(SittingSession.date), func.sum(col(SittingSession.minutes)), func.sum(col(SittingSession.breaks))
    ).group_by(col(SittingSession.date))
    if start is not None:
        query = query.where(col(SittingSession.date) >= start)
    if end is not None:
        query = query.where(col(SittingSession.date) <= end)
    return {date: SittingSummary(date, int(minutes), int(breaks)) for date, minutes, breaks in session.execute(query)}


def sitting_sessions(*, session: Session, start: dt.date | None = None, end: dt.date | None = None) -> list[SittingSummary]:
    """Each kept session on its own (not added up per day), by date, in the order kept."""
    query = select(col(SittingSession.date), col(SittingSession.minutes), col(SittingSession.breaks)).order_by(
        col(SittingSession.date), col(SittingSession.id)
    )
    if start is not None:
        query = query.where(col(SittingSession.date) >= start)
    if end is not None:
        query = query.where(col(SittingSession.date) <= end)
    return [SittingSummary(date, int(minutes), int(breaks)) for date, minutes, breaks in session.execute(query)]
