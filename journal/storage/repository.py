"""Reading and writing days and catalogs. Every function takes the session.

The catalog's own functions are in :mod:`journal.storage.catalog_items` and
the acknowledged warnings in :mod:`journal.storage.red_flag_acks`; they are
re-exported here for existing callers.

Writes never commit: the caller (:class:`journal.storage.journal.Journal`)
owns the transaction, so a save or a whole import is all-or-nothing.
Loading a date range uses the ``day.date`` index and the child tables'
``day_id`` keys, so it costs in proportion to the range, not the history.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlmodel import Session, col

from journal.core.catalog import CatalogKind, name_key
from journal.core.day import ActivityMinutes, DayEntry, ReliefUse
from journal.storage.catalog_items import ensure_catalog_items as ensure_catalog_items
from journal.storage.catalog_items import list_catalog as list_catalog
from journal.storage.catalog_items import show_catalog_item as show_catalog_item
from journal.storage.catalog_items import symptom_urgencies as symptom_urgencies
from journal.storage.red_flag_acks import acknowledge_red_flags as acknowledge_red_flags
from journal.storage.red_flag_acks import red_flag_acks as red_flag_acks
from journal.storage.tables import (
    CatalogItemRow,
    Day,
    DayActivity,
    DayMedication,
    DayRelief,
    DaySymptom,
    DayTrigger,
    Setting,
)

_CHUNK = 500  # stays far below SQLite's bound-parameter limit

_DAY_COLUMNS = (
    col(Day.id),
    col(Day.date),
    col(Day.back_pain),
    col(Day.leg_pain),
    col(Day.pain_locations),
    col(Day.morning_stiffness_min),
    col(Day.sleep_hours),
    col(Day.sleep_quality),
    col(Day.stress),
    col(Day.interference_enjoyment),
    col(Day.interference_activity),
    col(Day.notes),
    col(Day.questions),
)


def _chunks(values: Sequence[object]) -> Iterable[Sequence[object]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


# --- days ---------------------------------------------------------------------


def _day_row(entry: DayEntry, stamp: str) -> dict[str, object]:
    return {
        "date": entry.date,
        "back_pain": entry.back_pain,
        "leg_pain": entry.leg_pain,
        "pain_locations": ",".join(sorted(entry.pain_locations)),
        "morning_stiffness_min": entry.morning_stiffness_min,
        "sleep_hours": entry.sleep_hours,
        "sleep_quality": entry.sleep_quality,
        "stress": entry.stress,
        "interference_enjoyment": entry.interference_enjoyment,
        "interference_activity": entry.interference_activity,
        "notes": entry.notes,
        "questions": entry.questions,
        "updated_at": stamp,
    }


def existing_dates(*, session: Session, dates: Sequence[dt.date]) -> set[dt.date]:
    """Which of ``dates`` already have an entry."""
    found: set[dt.date] = set()
    for chunk in _chunks(dates):
        found.update(session.execute(select(col(Day.date)).where(col(Day.date).in_(chunk))).scalars())
    return found


def write_days(*, session: Session, entries: Sequence[DayEntry]) -> None:
    """Insert or replace the given (already validated) entries. Does not commit."""
    if not entries:
        return
    dates = [e.date for e in entries]
    day_ids: dict[dt.date, int] = {}
    for chunk in _chunks(dates):
        day_ids.update(session.execute(select(col(Day.date), col(Day.id)).where(col(Day.date).in_(chunk))).all())
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    # A replaced day keeps its row (and so what hangs off it, such as red-flag
    # acknowledgements); only its list-valued parts are rewritten.
    existing = [e for e in entries if e.date in day_ids]
    if existing:
        session.execute(update(Day), [{"id": day_ids[e.date], **_day_row(e, stamp)} for e in existing])
        ids = list(day_ids.values())
        for table in (DayActivity, DayTrigger, DaySymptom, DayMedication, DayRelief):
            for chunk in _chunks(ids):
                session.execute(delete(table).where(col(table.day_id).in_(chunk)))
    new = [e for e in entries if e.date not in day_ids]
    if new:
        session.execute(insert(Day), [_day_row(e, stamp) for e in new])
        for chunk in _chunks([e.date for e in new]):
            day_ids.update(session.execute(select(col(Day.date), col(Day.id)).where(col(Day.date).in_(chunk))).all())

    activity_ids = ensure_catalog_items(
        session=session, kind=CatalogKind.ACTIVITY, names=(a.name for e in entries for a in e.activities)
    )
    trigger_ids = ensure_catalog_items(session=session, kind=CatalogKind.TRIGGER, names=(t for e in entries for t in e.triggers))
    symptom_ids = ensure_catalog_items(session=session, kind=CatalogKind.SYMPTOM, names=(s for e in entries for s in e.symptoms))
    relief_ids = ensure_catalog_items(session=session, kind=CatalogKind.RELIEF, names=(r.name for e in entries for r in e.relief))
    activities, triggers, symptoms, medications, relief = [], [], [], [], []
    for entry in entries:
        day_id = day_ids[entry.date]
        for position, activity in enumerate(entry.activities):
            activities.append(
                {
                    "day_id": day_id,
                    "item_id": activity_ids[name_key(activity.name)],
                    "position": position,
                    "minutes": activity.minutes,
                }
            )
        for position, name in enumerate(entry.triggers):
            triggers.append({"day_id": day_id, "item_id": trigger_ids[name_key(name)], "position": position})
        for position, name in enumerate(entry.symptoms):
            symptoms.append({"day_id": day_id, "item_id": symptom_ids[name_key(name)], "position": position})
        helped = dict(entry.medication_helped)
        for position, text in enumerate(entry.medications):
            medications.append({"day_id": day_id, "position": position, "text": text, "helped": helped.get(text)})
        for position, use in enumerate(entry.relief):
            relief.append(
                {"day_id": day_id, "item_id": relief_ids[name_key(use.name)], "position": position, "helped": use.helped}
            )
    for table, rows in (
        (DayActivity, activities),
        (DayTrigger, triggers),
        (DaySymptom, symptoms),
        (DayMedication, medications),
        (DayRelief, relief),
    ):
        if rows:
            session.execute(insert(table), rows)


def delete_day(*, session: Session, date: dt.date) -> bool:
    """Delete one date's entry (its parts go with it). Does not commit."""
    result = session.execute(delete(Day).where(col(Day.date) == date))
    return bool(getattr(result, "rowcount", 0))  # a CursorResult for DELETE


def load_days(*, session: Session, start: dt.date | None = None, end: dt.date | None = None) -> list[DayEntry]:
    """Entries with ``start <= date <= end`` (either bound optional), oldest first."""
    bounds = []
    if start is not None:
        bounds.append(col(Day.date) >= start)
    if end is not None:
        bounds.append(col(Day.date) <= end)
    rows = session.execute(select(*_DAY_COLUMNS).where(*bounds).order_by(col(Day.date))).all()
    if not rows:
        return []
    in_range = select(col(Day.id)).where(*bounds)

    activities: dict[int, list[ActivityMinutes]] = defaultdict(list)
    activity_query = (
        select(col(DayActivity.day_id), col(CatalogItemRow.name), col(DayActivity.minutes))
        .join(CatalogItemRow, col(CatalogItemRow.id) == col(DayActivity.item_id))
        .where(col(DayActivity.day_id).in_(in_range))
        .order_by(col(DayActivity.day_id), col(DayActivity.position))
    )
    for day_id, name, minutes in session.execute(activity_query):
        activities[day_id].append(ActivityMinutes(name, minutes))

    def names(table: type[DayTrigger] | type[DaySymptom]) -> dict[int, list[str]]:
        found: dict[int, list[str]] = defaultdict(list)
        query = (
            select(col(table.day_id), col(CatalogItemRow.name))
            .join(CatalogItemRow, col(CatalogItemRow.id) == col(table.item_id))
            .where(col(table.day_id).in_(in_range))
            .order_by(col(table.day_id), col(table.position))
        )
        for day_id, name in session.execute(query):
            found[day_id].append(name)
        return found

    triggers = names(DayTrigger)
    symptoms = names(DaySymptom)
    medications: dict[int, list[str]] = defaultdict(list)
    medication_helped: dict[int, list[tuple[str, int]]] = defaultdict(list)
    medication_query = (
        select(col(DayMedication.day_id), col(DayMedication.text), col(DayMedication.helped))
        .where(col(DayMedication.day_id).in_(in_range))
        .order_by(col(DayMedication.day_id), col(DayMedication.position))
    )
    for day_id, text, helped in session.execute(medication_query):
        medications[day_id].append(text)
        if helped is not None:
            medication_helped[day_id].append((text, int(helped)))

    relief: dict[int, list[ReliefUse]] = defaultdict(list)
    relief_query = (
        select(col(DayRelief.day_id), col(CatalogItemRow.name), col(DayRelief.helped))
        .join(CatalogItemRow, col(CatalogItemRow.id) == col(DayRelief.item_id))
        .where(col(DayRelief.day_id).in_(in_range))
        .order_by(col(DayRelief.day_id), col(DayRelief.position))
    )
    for day_id, name, helped in session.execute(relief_query):
        relief[day_id].append(ReliefUse(name, None if helped is None else int(helped)))

    return [
        DayEntry(
            date=row.date,
            back_pain=row.back_pain,
            leg_pain=row.leg_pain,
            pain_locations=frozenset(filter(None, row.pain_locations.split(","))),
            morning_stiffness_min=row.morning_stiffness_min,
            sleep_hours=row.sleep_hours,
            sleep_quality=row.sleep_quality,
            stress=row.stress,
            interference_enjoyment=row.interference_enjoyment,
            interference_activity=row.interference_activity,
            activities=tuple(activities.get(row.id, ())),
            triggers=tuple(triggers.get(row.id, ())),
            symptoms=tuple(symptoms.get(row.id, ())),
            medications=tuple(medications.get(row.id, ())),
            notes=row.notes,
            questions=row.questions,
            relief=tuple(relief.get(row.id, ())),
            medication_helped=tuple(medication_helped.get(row.id, ())),
        )
        for row in rows
    ]


def count_days(*, session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(Day)).scalar_one())


def logged_dates(*, session: Session) -> set[dt.date]:
    """Every date that has an entry (dates only: a few kilobytes for years of days)."""
    return set(session.execute(select(col(Day.date))).scalars())


def date_bounds(*, session: Session) -> tuple[dt.date, dt.date] | None:
    """The first and last logged dates, or None for an empty journal."""
    first, last = session.execute(select(func.min(col(Day.date)), func.max(col(Day.date)))).one()
    if first is None:
        return None
    return dt.date.fromisoformat(str(first)), dt.date.fromisoformat(str(last))


def medication_names(*, session: Session, limit: int = 200) -> list[str]:
    """Medications as the patient wrote them, most often used first (for autocomplete).

    Names the patient hid (Manage lists) are left out.
    """
    from journal.storage.lists import hidden_medication_keys

    hidden = hidden_medication_keys(session=session)
    query = (
        select(col(DayMedication.text))
        .group_by(col(DayMedication.text))
        .order_by(func.count().desc(), col(DayMedication.text))
        .limit(limit + len(hidden))
    )
    return [name for name in session.execute(query).scalars() if name_key(name) not in hidden][:limit]


def get_setting(*, session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(*, session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
