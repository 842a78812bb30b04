"""What the first screen reads from a journal, in plain SQL, without the table classes.

Opening a journal reads the form's catalog, the logged dates, the day Today shows
first, About you's settings and the medication names. Read through
:mod:`journal.storage.repository` they need its SQLModel table classes (about 40 ms of
start-up to build) and SQLAlchemy compiling each statement the first time (a few
milliseconds each). Here the same reads are written out as SQL and sent to SQLite
as they are, so the window is ready before either cost is paid; the classes are
built when something else first needs them (saving a day, Trends, History).

Each function gives exactly what its counterpart in :mod:`journal.storage.repository`
or :mod:`journal.storage.lists` gives (``tests/test_first_screen.py`` compares them on
sample journals); a change to one belongs in the other.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy.engine import Engine

from journal.core.catalog import CatalogItem, CatalogKind, Urgency, name_key
from journal.core.day import ActivityMinutes, DayEntry, ReliefUse
from journal.files.failures import reason_for
from journal.storage.failures import JournalWriteError


@contextmanager
def _reading(engine: Engine) -> Iterator[sqlite3.Connection]:
    """One of the engine's connections, as SQLite's own (rows come back as plain tuples).

    SQLite's refusals become :class:`JournalWriteError`, as in ``Journal.session``.
    """
    with engine.connect() as connection:
        raw = connection.connection.driver_connection  # SQLite's own, under SQLAlchemy's pool
        if not isinstance(raw, sqlite3.Connection):
            raise TypeError(f"not a SQLite connection: {type(raw).__name__}")
        try:
            yield raw
        except (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError):
            raise  # a mistake in the code, not the disk's
        except sqlite3.Error as error:
            raise JournalWriteError(reason_for(error)) from None


def _rows(connection: sqlite3.Connection, sql: str, parameters: tuple[Any, ...] = ()) -> list[Any]:
    return connection.execute(sql, parameters).fetchall()


def catalog(engine: Engine, limit_per_kind: int) -> list[CatalogItem]:
    """:func:`repository.list_catalog` with ``limit_per_kind`` (hidden entries left out)."""
    order = " ORDER BY kind, builtin DESC, id"
    shown = "SELECT kind, name, urgency, builtin FROM catalog_item WHERE kind = ? AND hidden = 0"
    items: dict[tuple[str, str], CatalogItem] = {}
    with _reading(engine) as connection:
        for kind in CatalogKind:
            found = _rows(connection, shown + order + " LIMIT ?", (kind.value, limit_per_kind))
            if kind is CatalogKind.SYMPTOM:
                urgent = "SELECT kind, name, urgency, builtin FROM catalog_item WHERE kind = ? AND urgency != ?"
                found += _rows(connection, urgent + order, (kind.value, Urgency.NONE.value))
            for each, name, urgency, builtin in found:
                # A journal written before names were NFC-normalised may hold one name twice.
                items.setdefault((each, name_key(name)), CatalogItem(CatalogKind(each), name, Urgency(urgency), bool(builtin)))
    return sorted(items.values(), key=lambda item: item.kind.value)  # stable: order within a kind kept


def logged_dates(engine: Engine) -> set[dt.date]:
    """:func:`repository.logged_dates`: every date that has an entry."""
    with _reading(engine) as connection:
        return {dt.date.fromisoformat(date) for (date,) in _rows(connection, "SELECT date FROM day")}


def day(engine: Engine, date: dt.date) -> DayEntry | None:
    """:func:`repository.load_days` for the one ``date``."""
    with _reading(engine) as connection:
        found = _rows(
            connection,
            "SELECT id, back_pain, leg_pain, pain_locations, morning_stiffness_min, sleep_hours, sleep_quality,"
            " stress, interference_enjoyment, interference_activity, notes, questions FROM day WHERE date = ?",
            (date.isoformat(),),
        )
        if not found:
            return None
        (day_id, back, leg, locations, stiffness, sleep_hours, sleep_quality, stress, enjoyment, activity, notes, questions) = (
            found[0]
        )

        def named(table: str, *extra: str) -> list[Any]:
            columns = "".join(f", {table}.{column}" for column in extra)
            return _rows(
                connection,
                f"SELECT catalog_item.name{columns} FROM {table} JOIN catalog_item ON catalog_item.id = {table}.item_id"
                f" WHERE {table}.day_id = ? ORDER BY {table}.position",
                (day_id,),
            )

        activities = tuple(ActivityMinutes(name, minutes) for name, minutes in named("day_activity", "minutes"))
        triggers = tuple(name for (name,) in named("day_trigger"))
        symptoms = tuple(name for (name,) in named("day_symptom"))
        relief = tuple(ReliefUse(name, None if helped is None else int(helped)) for name, helped in named("day_relief", "helped"))
        medicines = _rows(connection, "SELECT text, helped FROM day_medication WHERE day_id = ? ORDER BY position", (day_id,))
    return DayEntry(
        date=date,
        back_pain=back,
        leg_pain=leg,
        pain_locations=frozenset(filter(None, locations.split(","))),
        morning_stiffness_min=stiffness,
        sleep_hours=sleep_hours,
        sleep_quality=sleep_quality,
        stress=stress,
        interference_enjoyment=enjoyment,
        interference_activity=activity,
        activities=activities,
        triggers=triggers,
        symptoms=symptoms,
        medications=tuple(text for text, _ in medicines),
        notes=notes,
        questions=questions,
        relief=relief,
        medication_helped=tuple((text, int(helped)) for text, helped in medicines if helped is not None),
    )


def settings(engine: Engine, keys: Iterable[str]) -> Mapping[str, str | None]:
    """:func:`repository.get_setting` for each of ``keys`` (None where none is stored)."""
    wanted = list(keys)
    with _reading(engine) as connection:
        stored = dict(
            _rows(connection, f"SELECT key, value FROM setting WHERE key IN ({', '.join('?' * len(wanted))})", tuple(wanted))
        )
    return {key: stored.get(key) for key in wanted}


def medication_names(engine: Engine, limit: int = 200) -> list[str]:
    """:func:`repository.medication_names`: most often used first, hidden names left out."""
    with _reading(engine) as connection:
        hidden = {key for (key,) in _rows(connection, "SELECT name_key FROM hidden_medication")}
        found = _rows(
            connection,
            "SELECT text FROM day_medication GROUP BY text ORDER BY count(*) DESC, text LIMIT ?",
            (limit + len(hidden),),
        )
    return [name for (name,) in found if name_key(name) not in hidden][:limit]
