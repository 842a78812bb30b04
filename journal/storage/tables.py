"""SQLModel table classes, mirroring ``resources/migrations`` (the schema's source of truth).

The migrations create and upgrade the schema; these classes only map it.
``tests/test_schema.py`` checks the two agree.

Here are the tables opening a journal reads (the days, their lists, the catalog,
the settings and the hidden medications); the rest are in
:mod:`journal.storage.more_tables`, so that opening does not build their classes
(each SQLModel table class costs several milliseconds to make).
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel


class Day(SQLModel, table=True):
    """One calendar date's entry; list-valued parts live in the ``day_*`` tables."""

    __tablename__ = "day"
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(unique=True)
    back_pain: int
    leg_pain: int | None = None
    pain_locations: str = ""  # comma-separated location codes
    morning_stiffness_min: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    stress: int | None = None
    interference_enjoyment: int | None = None
    interference_activity: int | None = None
    notes: str = ""
    questions: str = ""
    updated_at: str


class CatalogItemRow(SQLModel, table=True):
    """An activity, trigger, symptom or relief name; unique per kind ignoring case."""

    __tablename__ = "catalog_item"
    id: int | None = Field(default=None, primary_key=True)
    kind: str
    name: str
    name_key: str
    urgency: str = "none"
    builtin: bool = False
    hidden: bool = False  # not offered in the Today form; past days keep it (schema 5)


class DayActivity(SQLModel, table=True):
    __tablename__ = "day_activity"
    day_id: int = Field(foreign_key="day.id", primary_key=True)
    item_id: int = Field(foreign_key="catalog_item.id", primary_key=True)
    position: int
    minutes: int


class DayTrigger(SQLModel, table=True):
    __tablename__ = "day_trigger"
    day_id: int = Field(foreign_key="day.id", primary_key=True)
    item_id: int = Field(foreign_key="catalog_item.id", primary_key=True)
    position: int


class DaySymptom(SQLModel, table=True):
    __tablename__ = "day_symptom"
    day_id: int = Field(foreign_key="day.id", primary_key=True)
    item_id: int = Field(foreign_key="catalog_item.id", primary_key=True)
    position: int


class DayRelief(SQLModel, table=True):
    """Something done for the pain that day, and how much it helped: 0, 1, 2 or NULL (schema 8)."""

    __tablename__ = "day_relief"
    day_id: int = Field(foreign_key="day.id", primary_key=True)
    item_id: int = Field(foreign_key="catalog_item.id", primary_key=True)
    position: int
    helped: int | None = None


class DayMedication(SQLModel, table=True):
    __tablename__ = "day_medication"
    day_id: int = Field(foreign_key="day.id", primary_key=True)
    position: int = Field(primary_key=True)
    text: str
    helped: int | None = None  # how much it helped, as DayRelief (schema 8)


class Setting(SQLModel, table=True):
    """Small remembered preferences (e.g. the patient's name for reports)."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value: str


class HiddenMedication(SQLModel, table=True):
    """A medication name the patient hid from the suggestions; days keep it (schema 5)."""

    __tablename__ = "hidden_medication"
    name_key: str = Field(primary_key=True)
    name: str


class PainReadingRow(SQLModel, table=True):
    """Back and leg pain at one moment of a day ("Pain now"), any number a day (schema 11)."""

    __tablename__ = "pain_reading"
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    time: str  # local time of day, HH:MM
    back_pain: int
    leg_pain: int | None = None
    recorded_at: str  # ISO 8601 date-time, UTC
