"""Reading and writing the catalog: the triggers, symptoms, activities and medications offered in the form.

Every function takes the session and never commits (as in
:mod:`journal.storage.repository`, which re-exports them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from sqlalchemy import insert, select, update
from sqlmodel import Session, col

from journal.core.catalog import MAX_CATALOG_NAMES, CatalogItem, CatalogKind, Urgency, name_key, tidy_name
from journal.core.errors import UserError
from journal.storage.tables import CatalogItemRow


def list_catalog(
    *, session: Session, kind: CatalogKind | None = None, limit_per_kind: int | None = None, include_hidden: bool = False
) -> list[CatalogItem]:
    """Catalog entries (built-in first, then the user's in the order they were added).

    Entries the patient hid (Manage lists) are left out unless ``include_hidden``.

    With ``limit_per_kind``, only the first that many of each kind, plus every
    symptom marked urgent or "see a doctor soon": what a form shows, at a cost
    that does not grow with the catalog.
    """
    columns = (col(CatalogItemRow.kind), col(CatalogItemRow.name), col(CatalogItemRow.urgency), col(CatalogItemRow.builtin))
    order = (col(CatalogItemRow.kind), col(CatalogItemRow.builtin).desc(), col(CatalogItemRow.id))
    kinds = [kind] if kind is not None else list(CatalogKind)
    queries = []
    shown = [] if include_hidden else [col(CatalogItemRow.hidden).is_(False)]
    for each in kinds:
        query = select(*columns).where(col(CatalogItemRow.kind) == each.value, *shown).order_by(*order)
        queries.append(query if limit_per_kind is None else query.limit(limit_per_kind))
        if limit_per_kind is not None and each is CatalogKind.SYMPTOM:
            queries.append(
                select(*columns)
                .where(col(CatalogItemRow.kind) == each.value, col(CatalogItemRow.urgency) != Urgency.NONE.value)
                .order_by(*order)
            )
    items: dict[tuple[str, str], CatalogItem] = {}
    for query in queries:
        for k, name, urgency, builtin in session.execute(query):
            # A journal written before names were NFC-normalised may hold one name twice.
            items.setdefault((k, name_key(name)), CatalogItem(CatalogKind(k), name, Urgency(urgency), bool(builtin)))
    return sorted(items.values(), key=lambda item: item.kind.value)  # stable: order within a kind kept


_URGENCY_ORDER: Final = (Urgency.NONE, Urgency.SOON, Urgency.URGENT)


def symptom_urgencies(*, session: Session) -> dict[str, Urgency]:
    """Symptom name key → urgency, for red-flag checks."""
    query = select(col(CatalogItemRow.name_key), col(CatalogItemRow.urgency)).where(
        col(CatalogItemRow.kind) == CatalogKind.SYMPTOM.value
    )
    found: dict[str, Urgency] = {}
    for key, urgency in session.execute(query):
        # keys stored before NFC normalisation are normalised here; the more urgent one wins
        key, level = name_key(key), Urgency(urgency)
        if key not in found or _URGENCY_ORDER.index(level) > _URGENCY_ORDER.index(found[key]):
            found[key] = level
    return found


def show_catalog_item(*, session: Session, kind: CatalogKind, name: str) -> None:
    """Offer ``name`` in the form again if the patient had hidden it."""
    key = name_key(name)
    query = select(col(CatalogItemRow.id), col(CatalogItemRow.name_key)).where(
        col(CatalogItemRow.kind) == kind.value, col(CatalogItemRow.hidden).is_(True)
    )
    ids = [item_id for item_id, stored in session.execute(query) if name_key(stored) == key]
    if ids:
        session.execute(update(CatalogItemRow).where(col(CatalogItemRow.id).in_(ids)).values(hidden=False))


def ensure_catalog_items(*, session: Session, kind: CatalogKind, names: Iterable[str]) -> dict[str, int]:
    """Ids for ``names`` (by name key), adding unknown names as the user's own entries."""
    wanted = {name_key(n): tidy_name(n) for n in names}
    if not wanted:
        return {}
    query = select(col(CatalogItemRow.name_key), col(CatalogItemRow.id)).where(col(CatalogItemRow.kind) == kind.value)
    query = query.order_by(col(CatalogItemRow.id))

    def known() -> dict[str, int]:
        ids: dict[str, int] = {}
        for key, item_id in session.execute(query):
            ids.setdefault(name_key(key), item_id)  # a key stored before NFC normalisation
        return ids

    ids = known()
    missing = [
        {"kind": kind.value, "name": name, "name_key": key, "urgency": "none", "builtin": False}
        for key, name in wanted.items()
        if key not in ids
    ]
    if missing and len(ids) + len(missing) > MAX_CATALOG_NAMES:
        raise UserError(
            f"This would add {len(missing):,} new {kind.value} names to the {len(ids):,} the journal "
            f"has; a journal keeps at most {MAX_CATALOG_NAMES:,} {kind.value} names. Nothing was "
            "saved. If this came from a file, check that its columns hold what their names say."
        )
    if missing:
        session.execute(insert(CatalogItemRow), missing)
        ids = known()
    return {key: ids[key] for key in wanted}
