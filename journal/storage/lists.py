"""Renaming, hiding and merging the patient's list entries. Every function takes the session.

Like :mod:`journal.storage.repository`, nothing here commits: the caller's
transaction makes each change all-or-nothing. Names are matched by
:func:`~journal.core.catalog.name_key`, computed in Python (SQLite cannot
case-fold or normalise), so medications, which are free text, are read and
compared here rather than in SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlmodel import Session, col

from journal.core.catalog import Urgency, name_key
from journal.core.lists import ListEntry, ListKind
from journal.storage.tables import (
    CatalogItemRow,
    Day,
    DayActivity,
    DayMedication,
    DayRelief,
    DaySymptom,
    DayTrigger,
    HiddenMedication,
)

_DAY_TABLES: dict[ListKind, type[DayActivity] | type[DayTrigger] | type[DaySymptom] | type[DayRelief]] = {
    ListKind.ACTIVITY: DayActivity,
    ListKind.TRIGGER: DayTrigger,
    ListKind.SYMPTOM: DaySymptom,
    ListKind.RELIEF: DayRelief,
}


class NotInListError(LookupError):
    """The named entry is not in the list (it was changed elsewhere)."""


def hidden_medication_keys(*, session: Session) -> set[str]:
    return set(session.execute(select(col(HiddenMedication.name_key))).scalars())


def list_entries(*, session: Session, kind: ListKind) -> list[ListEntry]:
    """Every entry of the list, hidden ones included, with how many days record each.

    Catalog lists come built-in first, then in the order they were added;
    medications most used first.
    """
    if kind is ListKind.MEDICATION:
        return _medication_entries(session)
    table = _DAY_TABLES[kind]
    used = select(col(table.item_id), func.count().label("days")).group_by(col(table.item_id)).subquery()
    query = (
        select(
            col(CatalogItemRow.name),
            col(CatalogItemRow.builtin),
            col(CatalogItemRow.urgency),
            col(CatalogItemRow.hidden),
            func.coalesce(used.c.days, 0),
        )
        .outerjoin(used, used.c.item_id == col(CatalogItemRow.id))
        .where(col(CatalogItemRow.kind) == kind.value)
        .order_by(col(CatalogItemRow.builtin).desc(), col(CatalogItemRow.id))
    )
    return [
        ListEntry(kind, name, int(days), bool(builtin), Urgency(urgency), bool(hidden))
        for name, builtin, urgency, hidden, days in session.execute(query)
    ]


def _medication_entries(session: Session) -> list[ListEntry]:
    counts: dict[str, tuple[str, set[int]]] = {}
    for day_id, text in session.execute(select(col(DayMedication.day_id), col(DayMedication.text))):
        name, days = counts.setdefault(name_key(text), (text, set()))
        days.add(day_id)
    hidden = {key: name for key, name in session.execute(select(col(HiddenMedication.name_key), col(HiddenMedication.name)))}
    entries = [ListEntry(ListKind.MEDICATION, name, len(days), hidden=key in hidden) for key, (name, days) in counts.items()]
    entries += [ListEntry(ListKind.MEDICATION, name, 0, hidden=True) for key, name in hidden.items() if key not in counts]
    return sorted(entries, key=lambda e: (-e.days, name_key(e.name)))


def find_entry(*, session: Session, kind: ListKind, name: str) -> ListEntry:
    """The entry named ``name`` (ignoring case and spacing).

    Raises:
        NotInListError: no such entry.
    """
    key = name_key(name)
    for entry in list_entries(session=session, kind=kind):
        if name_key(entry.name) == key:
            return entry
    raise NotInListError(name)


def _item_id(session: Session, kind: ListKind, name: str) -> int:
    key = name_key(name)
    query = select(col(CatalogItemRow.id), col(CatalogItemRow.name_key)).where(col(CatalogItemRow.kind) == kind.value)
    for item_id, stored_key in session.execute(query):
        if name_key(stored_key) == key:
            return int(item_id)
    raise NotInListError(name)


def _dates(session: Session, day_ids: Sequence[int]) -> frozenset[dt.date]:
    if not day_ids:
        return frozenset()
    rows = session.execute(select(col(Day.date)).where(col(Day.id).in_(list(day_ids))))
    return frozenset(dt.date.fromisoformat(str(date)) for date in rows.scalars())


def _medication_rows(session: Session, key: str) -> list[tuple[int, int, str]]:
    """(day id, position, text) of every medication row with the name key ``key``."""
    rows = session.execute(select(col(DayMedication.day_id), col(DayMedication.position), col(DayMedication.text)))
    return [(day_id, position, text) for day_id, position, text in rows if name_key(text) == key]


def rename_entry(*, session: Session, kind: ListKind, old: str, new: str) -> frozenset[dt.date]:
    """Give the entry ``old`` the name ``new`` everywhere; return the dates that record it.

    ``new`` must be tidy and valid already, and belong to no other entry.
    """
    if kind is ListKind.MEDICATION:
        rows = _medication_rows(session, name_key(old))
        for day_id, position, _text in rows:
            session.execute(
                update(DayMedication)
                .where(col(DayMedication.day_id) == day_id, col(DayMedication.position) == position)
                .values(text=new)
            )
        _rename_hidden_medication(session, old, new)
        return _dates(session, sorted({day_id for day_id, _, _ in rows}))
    item_id = _item_id(session, kind, old)
    session.execute(update(CatalogItemRow).where(col(CatalogItemRow.id) == item_id).values(name=new, name_key=name_key(new)))
    table = _DAY_TABLES[kind]
    day_ids = list(session.execute(select(col(table.day_id)).where(col(table.item_id) == item_id)).scalars())
    return _dates(session, day_ids)


def _rename_hidden_medication(session: Session, old: str, new: str) -> None:
    found = session.get(HiddenMedication, name_key(old))
    if found is not None:
        session.delete(found)
        session.flush()
        session.add(HiddenMedication(name_key=name_key(new), name=new))


def set_hidden(*, session: Session, kind: ListKind, name: str, hidden: bool) -> None:
    """Hide ``name`` from the Today form (or offer it again). Past days are not touched."""
    if kind is ListKind.MEDICATION:
        key = name_key(name)
        found = session.get(HiddenMedication, key)
        if hidden and found is None:
            session.add(HiddenMedication(name_key=key, name=name))
        elif not hidden and found is not None:
            session.delete(found)
        session.flush()
        return
    item_id = _item_id(session, kind, name)
    session.execute(update(CatalogItemRow).where(col(CatalogItemRow.id) == item_id).values(hidden=hidden))


def merge_entries(*, session: Session, kind: ListKind, source: str, target: str) -> frozenset[dt.date]:
    """Record ``target`` wherever ``source`` was recorded, then remove ``source``.

    A day that records both keeps ``target`` once (an activity's minutes are
    added together, at most a whole day). Returns the dates rewritten.
    """
    if kind is ListKind.MEDICATION:
        return _merge_medications(session, source, target)
    source_id, target_id = _item_id(session, kind, source), _item_id(session, kind, target)
    table = _DAY_TABLES[kind]
    source_days = list(session.execute(select(col(table.day_id)).where(col(table.item_id) == source_id)).scalars())
    both = set(session.execute(select(col(table.day_id)).where(col(table.item_id) == target_id)).scalars()) & set(source_days)
    if kind is ListKind.ACTIVITY and both:
        minutes = dict(
            session.execute(
                select(col(DayActivity.day_id), col(DayActivity.minutes)).where(
                    col(DayActivity.item_id) == source_id, col(DayActivity.day_id).in_(both)
                )
            ).all()
        )
        for day_id, extra in minutes.items():
            session.execute(
                update(DayActivity)
                .where(col(DayActivity.day_id) == day_id, col(DayActivity.item_id) == target_id)
                .values(minutes=func.min(DayActivity.minutes + extra, 1440))
            )
    if both:
        session.execute(delete(table).where(col(table.item_id) == source_id, col(table.day_id).in_(both)))
    session.execute(update(table).where(col(table.item_id) == source_id).values(item_id=target_id))
    session.execute(delete(CatalogItemRow).where(col(CatalogItemRow.id) == source_id))
    return _dates(session, source_days)


def _merge_medications(session: Session, source: str, target: str) -> frozenset[dt.date]:
    target_key = name_key(target)
    rows = _medication_rows(session, name_key(source))
    for day_id, position, _text in rows:
        already = any(name_key(text) == target_key for _, _, text in _medication_rows_of_day(session, day_id))
        where = (col(DayMedication.day_id) == day_id, col(DayMedication.position) == position)
        if already:
            session.execute(delete(DayMedication).where(*where))
        else:
            session.execute(update(DayMedication).where(*where).values(text=target))
    found = session.get(HiddenMedication, name_key(source))
    if found is not None:
        session.delete(found)
    session.flush()
    return _dates(session, sorted({day_id for day_id, _, _ in rows}))


def _medication_rows_of_day(session: Session, day_id: int) -> list[tuple[int, int, str]]:
    query = select(col(DayMedication.day_id), col(DayMedication.position), col(DayMedication.text)).where(
        col(DayMedication.day_id) == day_id
    )
    return [(d, p, t) for d, p, t in session.execute(query)]


def move_entry(*, session: Session, name: str, source: ListKind, target: ListKind) -> frozenset[dt.date]:
    """Move the catalog entry ``name`` from the list ``source`` to ``target`` with its days.

    Only between triggers and relief (the caller checks the rules); ratings of
    how much it helped are dropped when relief becomes a trigger. ``target``
    must not hold the name already. Returns the dates that record it.
    """
    item_id = _item_id(session, source, name)
    source_table, target_table = _DAY_TABLES[source], _DAY_TABLES[target]
    links = session.execute(
        select(col(source_table.day_id), col(source_table.position)).where(col(source_table.item_id) == item_id)
    ).all()
    session.execute(delete(source_table).where(col(source_table.item_id) == item_id))
    session.execute(update(CatalogItemRow).where(col(CatalogItemRow.id) == item_id).values(kind=target.value))
    if links:
        session.execute(
            insert(target_table), [{"day_id": day_id, "item_id": item_id, "position": position} for day_id, position in links]
        )
    return _dates(session, [day_id for day_id, _ in links])
