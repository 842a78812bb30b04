"""SQLModel table classes that opening a journal never reads: red-flag acknowledgements,
sitting sessions, treatments and function checks.

They mirror ``resources/migrations`` like :mod:`journal.storage.tables` (which has the
tables the opening path reads); they are apart only so that start-up does not build
them. The migrations, integrity checks and backups work on the file and see every
table; ``tests/test_schema.py`` checks these classes against the migrations too.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from journal.storage import tables as _tables  # noqa: F401  # "day", which a foreign key here names, is mapped first


class RedFlagAck(SQLModel, table=True):
    """The patient acknowledged a red-flag symptom's warning for one day (schema 2)."""

    __tablename__ = "red_flag_ack"
    day_id: int = Field(foreign_key="day.id", primary_key=True, ondelete="CASCADE")
    symptom: str = Field(primary_key=True)  # the symptom's name key
    acknowledged_at: str  # ISO 8601 date-time, UTC


class SittingSession(SQLModel, table=True):
    """A sitting session the patient added to a day, with the breaks taken (schema 3)."""

    __tablename__ = "sitting_session"
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    minutes: int
    breaks: int
    recorded_at: str  # ISO 8601 date-time, UTC


class TreatmentRow(SQLModel, table=True):
    """A treatment: a name, its first day and, once it stopped, its last day (schema 8)."""

    __tablename__ = "treatment"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    start_date: dt.date
    end_date: dt.date | None = None


class FunctionCheckRow(SQLModel, table=True):
    """What the person can do, as answered on one date (schema 8)."""

    __tablename__ = "function_check"
    date: dt.date = Field(primary_key=True)
    sit_min: int | None = None
    stand_min: int | None = None
    walk_min: int | None = None
    activity: str = ""
    activity_score: int | None = None
    recorded_at: str  # ISO 8601 date-time, UTC
