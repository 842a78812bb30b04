"""The journal file: saving and loading days, catalogs, transactions, file safety."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import col

from journal.core.catalog import CatalogKind, Urgency, default_catalog, default_urgencies
from journal.core.day import PAIN_LOCATIONS, ActivityMinutes, DayEntry
from journal.core.errors import UserError, ValidationError
from journal.storage import repository, schema
from journal.storage.journal import DuplicateDatesError, Journal
from journal.storage.tables import Day, DayActivity

D1 = dt.date(2024, 3, 10)
#: What a file that is not SQLite at all raises (NotAJournalError is one of these).
UNREADABLE = getattr(schema, "DamagedDatabaseError", schema.NotAJournalError)

FULL = DayEntry(
    date=D1,
    back_pain=6,
    leg_pain=4,
    pain_locations=frozenset({"lower_back_centre", "buttock_left", "thigh_left"}),
    morning_stiffness_min=35,
    sleep_hours=6.75,
    sleep_quality=5,
    stress=7,
    interference_enjoyment=5,
    interference_activity=6,
    activities=(ActivityMinutes("walking", 30), ActivityMinutes("sitting", 420), ActivityMinutes("Aqua jogging", 25)),
    triggers=("prolonged sitting", "poor sleep", "Noisy neighbours"),
    symptoms=("muscle spasm", "stiffness", "clicking hip"),
    medications=("ibuprofen 400 mg", "heat pack", "magnesium spray"),
    notes='Bad night.\nFelt better after a walk, "quite a bit".\n\tStill stiff — 好多了 😊',
    questions="Is swimming OK?\nShould I keep the heat pack on longer?",
)


def day(date: dt.date, back: int = 3, **changes: object) -> DayEntry:
    return DayEntry(date=date, back_pain=back).replace(**changes)


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def table_dump(path: Path) -> list[str]:
    connection = raw(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def files_bytes(path: Path) -> dict[str, bytes]:
    """The database file and any WAL/SHM siblings, by name."""
    return {p.name: p.read_bytes() for p in path.parent.glob(path.name + "*")}


def child_counts(path: Path) -> dict[str, int]:
    connection = raw(path)
    try:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("day", "day_activity", "day_trigger", "day_symptom", "day_medication")
        }
    finally:
        connection.close()


# --- saving and loading -------------------------------------------------------------


def test_full_entry_round_trip(journal: Journal) -> None:
    stored = journal.save_day(FULL)
    loaded = journal.day(D1)
    assert loaded == stored
    # Every field, spelled out, so a field that is dropped on the way shows up here.
    assert loaded.back_pain == 6
    assert loaded.leg_pain == 4
    assert loaded.pain_locations == FULL.pain_locations
    assert loaded.morning_stiffness_min == 35
    assert loaded.sleep_hours == 6.75
    assert loaded.sleep_quality == 5
    assert loaded.stress == 7
    assert loaded.interference_enjoyment == 5
    assert loaded.interference_activity == 6
    assert loaded.activities == FULL.activities
    assert loaded.triggers == FULL.triggers
    assert loaded.symptoms == FULL.symptoms
    assert loaded.medications == FULL.medications  # free text: case kept, no merging
    assert loaded.notes == FULL.notes
    assert loaded.questions == FULL.questions
    assert loaded.peg == pytest.approx((6 + 5 + 6) / 3)


def test_round_trip_survives_reopening(db_path: Path) -> None:
    first = Journal.open(db_path)
    first.save_day(FULL)
    first.close()
    second = Journal.open(db_path)
    try:
        assert second.days() == [FULL]
        assert second.count() == 1
    finally:
        second.close()


def test_minimal_entry_round_trip_keeps_missing_as_none(journal: Journal) -> None:
    journal.save_day(day(D1, 0))
    loaded = journal.day(D1)
    assert loaded == day(D1, 0)
    assert loaded.leg_pain is None and loaded.sleep_hours is None and loaded.stress is None
    assert loaded.pain_locations == frozenset()


def test_every_pain_location_round_trips(journal: Journal) -> None:
    journal.save_day(day(D1, pain_locations=frozenset(PAIN_LOCATIONS)))
    assert journal.day(D1).pain_locations == frozenset(PAIN_LOCATIONS)


def test_save_returns_tidied_entry(journal: Journal) -> None:
    stored = journal.save_day(
        day(
            D1,
            notes="  hi\r\n",
            triggers=("stress", "Stress"),
            activities=(ActivityMinutes("walking", 10), ActivityMinutes(" Walking", 5)),
        )
    )
    assert stored.notes == "hi"
    assert stored.triggers == ("stress",)
    assert stored.activities == (ActivityMinutes("walking", 15),)
    assert journal.day(D1) == stored


def test_day_missing_returns_none(journal: Journal) -> None:
    assert journal.day(D1) is None
    assert journal.days() == []
    assert journal.count() == 0


def test_saving_same_date_replaces(journal: Journal, db_path: Path) -> None:
    journal.save_day(FULL)
    edited = day(D1, 2, activities=(ActivityMinutes("yoga", 20),), triggers=("stress",), medications=("tea",))
    journal.save_day(edited)
    assert journal.count() == 1
    assert journal.days() == [edited]
    # The old parts are gone, not left behind.
    assert child_counts(db_path) == {
        "day": 1,
        "day_activity": 1,
        "day_trigger": 1,
        "day_symptom": 0,
        "day_medication": 1,
    }


def test_edit_of_an_older_day_keeps_other_days(journal: Journal) -> None:
    for offset in range(3):
        journal.save_day(day(D1 + dt.timedelta(days=offset), offset + 1, triggers=("stress",)))
    journal.save_day(day(D1, 9))
    assert [(e.date, e.back_pain, e.triggers) for e in journal.days()] == [
        (D1, 9, ()),
        (D1 + dt.timedelta(days=1), 2, ("stress",)),
        (D1 + dt.timedelta(days=2), 3, ("stress",)),
    ]


# --- catalogs -------------------------------------------------------------------------


def test_new_journal_has_the_built_in_catalog(journal: Journal) -> None:
    items = journal.catalog()
    assert len(items) == len(default_catalog())
    assert {(i.kind, i.name) for i in items} == {(i.kind, i.name) for i in default_catalog()}
    assert all(i.builtin for i in items)
    assert journal.urgencies() == default_urgencies()
    assert journal.urgencies()["numbness in the saddle area"] is Urgency.URGENT


def test_reopening_does_not_seed_twice(db_path: Path) -> None:
    Journal.open(db_path).close()
    again = Journal.open(db_path)
    try:
        assert len(again.catalog()) == len(default_catalog())
    finally:
        again.close()


def test_unknown_names_become_user_catalog_entries(journal: Journal) -> None:
    before = {(i.kind, i.name) for i in journal.catalog()}
    journal.save_day(FULL)
    added = {(i.kind, i.name, i.builtin) for i in journal.catalog()} - {(k, n, True) for k, n in before}
    assert added == {
        (CatalogKind.ACTIVITY, "Aqua jogging", False),
        (CatalogKind.TRIGGER, "Noisy neighbours", False),
        (CatalogKind.SYMPTOM, "clicking hip", False),
    }
    # A user's symptom is never a red flag by itself.
    assert journal.urgencies()["clicking hip"] is Urgency.NONE


def test_user_entries_listed_after_built_in(journal: Journal) -> None:
    journal.add_catalog_item(CatalogKind.TRIGGER, "A cold draught")
    triggers = journal.catalog(CatalogKind.TRIGGER)
    assert triggers[-1].name == "A cold draught"
    assert all(i.kind is CatalogKind.TRIGGER for i in triggers)


def test_names_unique_ignoring_case(journal: Journal) -> None:
    count = len(journal.catalog())
    journal.save_day(day(D1, triggers=("Stress",), activities=(ActivityMinutes("WALKING", 10),), symptoms=("Muscle  Spasm",)))
    assert len(journal.catalog()) == count
    loaded = journal.day(D1)
    assert loaded.triggers == ("stress",)
    assert loaded.activities == (ActivityMinutes("walking", 10),)
    assert loaded.symptoms == ("muscle spasm",)


def test_user_name_reused_with_its_first_spelling(journal: Journal) -> None:
    journal.save_day(day(D1, triggers=("Dog Walking",)))
    journal.save_day(day(D1 + dt.timedelta(days=1), triggers=("dog walking",)))
    assert [i.name for i in journal.catalog(CatalogKind.TRIGGER) if not i.builtin] == ["Dog Walking"]
    assert journal.day(D1 + dt.timedelta(days=1)).triggers == ("Dog Walking",)


def test_same_name_in_two_kinds_is_two_entries(journal: Journal) -> None:
    journal.save_day(day(D1, activities=(ActivityMinutes("stress", 5),)))
    assert [i.name for i in journal.catalog(CatalogKind.ACTIVITY) if not i.builtin] == ["stress"]


def test_add_catalog_item(journal: Journal) -> None:
    count = len(journal.catalog())
    assert journal.add_catalog_item(CatalogKind.ACTIVITY, "  aqua   jogging ") == "aqua jogging"
    assert journal.add_catalog_item(CatalogKind.ACTIVITY, "AQUA JOGGING") == "aqua jogging"
    assert journal.add_catalog_item(CatalogKind.ACTIVITY, "Walking") == "walking"
    assert journal.add_catalog_item(CatalogKind.SYMPTOM, "aqua jogging") == "aqua jogging"
    items = journal.catalog()
    assert len(items) == count + 2
    added = [i for i in items if not i.builtin]
    assert {(i.kind, i.name) for i in added} == {
        (CatalogKind.ACTIVITY, "aqua jogging"),
        (CatalogKind.SYMPTOM, "aqua jogging"),
    }


@pytest.mark.parametrize("name", ["", "   ", "a;b", "x" * 61, "bell\x07"])
def test_add_catalog_item_rejects_bad_names(journal: Journal, name: str) -> None:
    count = len(journal.catalog())
    with pytest.raises(ValidationError) as caught:
        journal.add_catalog_item(CatalogKind.TRIGGER, name)
    assert caught.value.fields == ["trigger"]
    assert len(journal.catalog()) == count


# --- deleting ---------------------------------------------------------------------------


def test_delete_returns_entry_and_restore_brings_it_back(journal: Journal, db_path: Path) -> None:
    journal.save_day(FULL)
    journal.save_day(day(D1 + dt.timedelta(days=1)))
    deleted = journal.delete_day(D1)
    assert deleted == FULL
    assert journal.day(D1) is None
    assert journal.count() == 1
    assert child_counts(db_path) == {
        "day": 1,
        "day_activity": 0,
        "day_trigger": 0,
        "day_symptom": 0,
        "day_medication": 0,
    }
    journal.save_day(deleted)
    assert journal.day(D1) == FULL
    assert journal.count() == 2


def test_delete_missing_day_returns_none(journal: Journal) -> None:
    journal.save_day(day(D1))
    assert journal.delete_day(D1 - dt.timedelta(days=1)) is None
    assert journal.count() == 1


# --- failures write nothing ---------------------------------------------------------------


def test_invalid_save_writes_nothing(journal: Journal, db_path: Path) -> None:
    journal.save_day(FULL)
    count, dump, files = journal.count(), table_dump(db_path), files_bytes(db_path)
    with pytest.raises(ValidationError):
        journal.save_day(FULL.replace(back_pain=11, notes="changed"))
    with pytest.raises(ValidationError):
        journal.save_day(day(D1 + dt.timedelta(days=1), 12))
    assert journal.count() == count
    assert table_dump(db_path) == dump
    assert files_bytes(db_path) == files
    assert journal.day(D1) == FULL


def test_future_save_rejected(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="future"):
        journal.save_day(day(D1), today=D1 - dt.timedelta(days=1))
    assert journal.count() == 0


def test_error_part_way_through_a_write_rolls_back(journal: Journal, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal.save_day(FULL)
    dump = table_dump(db_path)
    real_write = repository.write_days

    def write_then_fail(**kwargs: Any) -> None:
        real_write(**kwargs)  # the old day is deleted and the new one inserted...
        raise RuntimeError("disk full")  # ...then something goes wrong

    monkeypatch.setattr(repository, "write_days", write_then_fail)
    with pytest.raises(RuntimeError):
        journal.save_day(day(D1, 1, triggers=("brand new trigger",)))
    with pytest.raises(RuntimeError):
        journal.import_days([day(D1 + dt.timedelta(days=i)) for i in range(1, 5)])
    monkeypatch.undo()
    assert journal.day(D1) == FULL
    assert journal.count() == 1
    assert table_dump(db_path) == dump
    assert "brand new trigger" not in {i.name for i in journal.catalog()}


# --- importing many days ---------------------------------------------------------------------


def test_import_days_saves_all(journal: Journal) -> None:
    entries = [day(D1 + dt.timedelta(days=i), i % 11, triggers=("stress",)) for i in range(30)]
    assert journal.import_days(entries) == 30
    assert journal.days() == entries


def test_import_more_than_a_chunk(journal: Journal) -> None:
    start = dt.date(2020, 1, 1)
    entries = [
        day(start + dt.timedelta(days=i), i % 11, medications=(f"med {i % 7}",), activities=(ActivityMinutes("walking", i % 60),))
        for i in range(1200)
    ]
    assert journal.import_days(entries) == 1200
    assert journal.days() == entries
    assert journal.import_days(entries[::-1][:700], replace=True) == 700
    assert journal.count() == 1200


def test_import_with_one_invalid_writes_nothing(journal: Journal, db_path: Path) -> None:
    journal.save_day(FULL)
    dump = table_dump(db_path)
    entries = [day(D1 + dt.timedelta(days=i)) for i in range(1, 10)]
    entries[6] = entries[6].replace(sleep_hours=25.0)
    with pytest.raises(ValidationError) as caught:
        journal.import_days(entries)
    assert caught.value.fields == ["sleep_hours"]
    assert journal.count() == 1
    assert table_dump(db_path) == dump


def test_import_duplicates_without_replace_writes_nothing(journal: Journal, db_path: Path) -> None:
    journal.save_day(FULL)
    dump = table_dump(db_path)
    entries = [day(D1 - dt.timedelta(days=1), 1), day(D1, 2, triggers=("new trigger",)), day(D1 + dt.timedelta(days=1), 3)]
    with pytest.raises(DuplicateDatesError) as caught:
        journal.import_days(entries)
    assert caught.value.dates == [D1]
    assert "2024-03-10" in str(caught.value)
    assert "--replace" in str(caught.value)
    assert isinstance(caught.value, UserError)
    assert table_dump(db_path) == dump
    assert journal.days() == [FULL]


def test_duplicate_error_lists_first_five_and_counts_the_rest(journal: Journal) -> None:
    entries = [day(D1 + dt.timedelta(days=i)) for i in range(8)]
    journal.import_days(entries)
    with pytest.raises(DuplicateDatesError) as caught:
        journal.import_days(entries)
    message = str(caught.value)
    assert message.startswith(
        "8 dates already have an entry (2024-03-10, 2024-03-11, 2024-03-12, 2024-03-13, 2024-03-14 and 3 more)"
    )


def test_import_with_replace_overwrites(journal: Journal) -> None:
    journal.save_day(FULL)
    entries = [day(D1, 1, triggers=("stress",)), day(D1 + dt.timedelta(days=1), 2)]
    assert journal.import_days(entries, replace=True) == 2
    assert journal.days() == entries


def test_import_repeated_date_in_batch_rejected(journal: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.import_days([day(D1, 1), day(D1 + dt.timedelta(days=1)), day(D1, 2)], replace=True)
    assert caught.value.problems == [("date", "2024-03-10 appears more than once")]
    assert journal.count() == 0


def test_import_nothing(journal: Journal) -> None:
    assert journal.import_days([]) == 0
    assert journal.count() == 0


# --- reading ranges ----------------------------------------------------------------------------


def test_days_range_bounds_inclusive(journal: Journal) -> None:
    dates = [D1 + dt.timedelta(days=i) for i in range(0, 10, 2)]  # 10, 12, 14, 16, 18 March
    journal.import_days([day(d) for d in dates])

    def got(start: dt.date | None, end: dt.date | None) -> list[dt.date]:
        return [e.date for e in journal.days(start, end)]

    assert got(None, None) == dates
    assert got(dates[1], dates[3]) == dates[1:4]
    assert got(dates[1] - dt.timedelta(days=1), dates[3] + dt.timedelta(days=1)) == dates[1:4]
    assert got(dates[1] + dt.timedelta(days=1), dates[3] - dt.timedelta(days=1)) == [dates[2]]
    assert got(dates[2], None) == dates[2:]
    assert got(None, dates[2]) == dates[:3]
    assert got(dates[2], dates[2]) == [dates[2]]
    assert got(dates[2] + dt.timedelta(days=1), dates[2] + dt.timedelta(days=1)) == []
    assert got(dates[3], dates[1]) == []


def test_days_oldest_first_regardless_of_save_order(journal: Journal) -> None:
    dates = [D1 + dt.timedelta(days=i) for i in (5, 1, 9, 0, 3)]
    for d in dates:
        journal.save_day(day(d))
    assert [e.date for e in journal.days()] == sorted(dates)


def test_range_children_belong_to_their_days(journal: Journal) -> None:
    entries = [
        day(
            D1 + dt.timedelta(days=i),
            triggers=(f"trigger {i}",),
            medications=(f"med {i}",),
            activities=(ActivityMinutes(f"act {i}", i),),
        )
        for i in range(6)
    ]
    journal.import_days(entries)
    assert journal.days(entries[2].date, entries[4].date) == entries[2:5]


def test_date_bounds(journal: Journal) -> None:
    assert journal.date_bounds() is None
    journal.save_day(day(D1))
    assert journal.date_bounds() == (D1, D1)
    journal.import_days([day(dt.date(2023, 12, 31)), day(dt.date(2024, 5, 1))])
    assert journal.date_bounds() == (dt.date(2023, 12, 31), dt.date(2024, 5, 1))
    journal.delete_day(dt.date(2024, 5, 1))
    assert journal.date_bounds() == (dt.date(2023, 12, 31), D1)


def test_medication_names_by_frequency(journal: Journal) -> None:
    meds = [
        ("b heat pack", "a tablet"),
        ("b heat pack",),
        ("c stretch",),
        ("b heat pack", "c stretch"),
        ("a tablet",),
        ("c stretch", "d tea"),
    ]
    journal.import_days([day(D1 + dt.timedelta(days=i), medications=m) for i, m in enumerate(meds)])
    # 3 × b, 3 × c, 2 × a, 1 × d: most used first, ties alphabetical.
    assert journal.medication_names() == ["b heat pack", "c stretch", "a tablet", "d tea"]


def test_settings(journal: Journal) -> None:
    assert journal.setting("patient_name") is None
    journal.set_setting("patient_name", "Ana")
    journal.set_setting("patient_name", "Ana María")
    assert journal.setting("patient_name") == "Ana María"


# --- the file --------------------------------------------------------------------------------


def test_connection_pragmas(journal: Journal) -> None:
    with journal.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_version_and_application_id(journal: Journal, db_path: Path) -> None:
    connection = raw(db_path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
        assert connection.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_journal_in_new_folder_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "journal.sqlite3"
    opened = Journal.open(path)
    try:
        opened.save_day(FULL)  # makes SQLite create its -wal and -shm files
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        siblings = [p for p in path.parent.iterdir() if p != path]
        assert siblings, "expected WAL files while the journal is open"
        for sibling in siblings:
            assert stat.S_IMODE(sibling.stat().st_mode) == 0o600, sibling.name
    finally:
        opened.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_existing_journal_made_private_on_open(db_path: Path) -> None:
    Journal.open(db_path).close()
    os.chmod(db_path, 0o644)
    Journal.open(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def _refused(path: Path, error: type[Exception]) -> Exception:
    before = files_bytes(path)
    with pytest.raises(error) as caught:
        Journal.open(path)
    assert files_bytes(path) == before, "the refused file must not be touched"
    assert isinstance(caught.value, UserError)
    assert str(path) in str(caught.value)
    return caught.value


def test_text_file_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"date,back_pain\n2024-01-01,3\n" * 200)
    _refused(path, UNREADABLE)


def test_random_binary_file_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(bytes(range(256)) * 64)
    _refused(path, UNREADABLE)


def test_foreign_sqlite_database_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = raw(path)
    connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT)")
    connection.execute("INSERT INTO recipes (title) VALUES ('soup')")
    connection.commit()
    connection.close()
    _refused(path, schema.NotAJournalError)
    connection = raw(path)
    assert connection.execute("SELECT name FROM sqlite_master").fetchall() == [("recipes",)]
    connection.close()


def test_foreign_database_with_a_version_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = raw(path)
    connection.execute("PRAGMA user_version = 1")
    connection.close()
    _refused(path, schema.NotAJournalError)


def test_newer_journal_refused_unchanged(db_path: Path) -> None:
    opened = Journal.open(db_path)
    opened.save_day(FULL)
    opened.close()
    connection = raw(db_path)
    connection.execute(f"PRAGMA user_version = {schema.latest_version() + 1}")
    connection.close()
    error = _refused(db_path, schema.TooNewError)
    assert "newer version" in str(error)
    assert "not changed" in str(error)


def test_empty_file_becomes_a_new_journal(db_path: Path) -> None:
    db_path.write_bytes(b"")
    opened = Journal.open(db_path)
    try:
        assert opened.count() == 0
        assert len(opened.catalog()) == len(default_catalog())
    finally:
        opened.close()


def test_range_query_uses_the_date_index(journal: Journal) -> None:
    journal.import_days([day(dt.date(2023, 1, 1) + dt.timedelta(days=i)) for i in range(100)])
    bounds = (col(Day.date) >= dt.date(2023, 2, 1), col(Day.date) <= dt.date(2023, 2, 28))
    queries = {
        "day": select(*repository._DAY_COLUMNS).where(*bounds).order_by(col(Day.date)),
        "children": select(col(DayActivity.day_id)).where(col(DayActivity.day_id).in_(select(col(Day.id)).where(*bounds))),
    }
    with journal.engine.connect() as connection:
        plans = {}
        for name, query in queries.items():
            sql = str(query.compile(connection.engine, compile_kwargs={"literal_binds": True}))
            plans[name] = "\n".join(row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    day_plan = plans["day"]
    assert "SEARCH day USING" in day_plan, day_plan
    assert "sqlite_autoindex_day" in day_plan, day_plan
    assert "TEMP B-TREE" not in day_plan, day_plan  # the index gives the order too
    assert "SCAN day_activity" not in plans["children"], plans["children"]
    assert "SEARCH day USING COVERING INDEX sqlite_autoindex_day" in plans["children"], plans["children"]


def test_saving_a_day_again_keeps_its_acknowledged_warnings(journal: Journal) -> None:
    date = dt.date(2026, 1, 5)
    journal.save_day(DayEntry(date, 5, symptoms=("leg weakness",)))
    assert journal.acknowledge_red_flags(date, ["leg weakness"]) == 1
    journal.save_day(DayEntry(date, 6, symptoms=("leg weakness",)))
    journal.import_days([DayEntry(date, 7, symptoms=("leg weakness",))], replace=True)
    assert journal.red_flag_acks() == {date: frozenset({"leg weakness"})}
