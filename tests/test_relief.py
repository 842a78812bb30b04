"""What helped: the relief kind end to end (catalog, migration, storage, CSV, lists), and never a trigger."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from pathlib import Path

import pytest

from journal.app import lists
from journal.app.lists import ListChangeRefused
from journal.core.catalog import CatalogKind, default_catalog
from journal.core.day import DayEntry, ReliefUse
from journal.core.errors import ValidationError
from journal.core.lists import ListKind
from journal.core.trigger_model import trigger_model
from journal.core.validation import validate_day
from journal.formats.csv_io import CsvImportError, parse_csv, write_csv
from journal.storage.journal import Journal
from journal.storage.schema import migrations, provide_text_functions

D1, D2, D3 = dt.date(2026, 1, 5), dt.date(2026, 1, 6), dt.date(2026, 1, 7)
RELIEF = ["heat", "cold", "rest", "lying down", "stretching", "a walk", "massage", "TENS"]


def _csv(entries: list[DayEntry]) -> str:
    out = io.StringIO(newline="")
    write_csv(entries, out)
    return out.getvalue()


def test_the_built_in_relief_comes_from_the_source_documents() -> None:
    relief = [item for item in default_catalog() if item.kind is CatalogKind.RELIEF]
    assert [item.name for item in relief] == RELIEF
    assert all(item.builtin and item.sources for item in relief)
    assert all(source.file.endswith(".txt") and source.section for item in relief for source in item.sources)


def test_a_new_journal_offers_the_built_in_relief(journal: Journal) -> None:
    assert [item.name for item in journal.catalog(CatalogKind.RELIEF)] == RELIEF


def test_relief_and_medication_ratings_are_saved_and_read_back(journal: Journal) -> None:
    entry = DayEntry(
        date=D1,
        back_pain=6,
        medications=("Ibuprofen", "paracetamol"),
        medication_helped=(("ibuprofen", 1),),
        relief=(ReliefUse("heat", 2), ReliefUse("my own cushion"), ReliefUse("Heat", 0)),
    )
    journal.save_day(entry, today=D3)
    loaded = journal.day(D1)
    assert loaded is not None
    assert loaded.relief == (ReliefUse("heat", 2), ReliefUse("my own cushion", None))
    assert loaded.medication_helped == (("Ibuprofen", 1),)
    assert loaded.medication_rating("paracetamol") is None
    assert "my own cushion" in [item.name for item in journal.catalog(CatalogKind.RELIEF)]
    assert "my own cushion" not in [item.name for item in journal.catalog(CatalogKind.TRIGGER)]


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        (DayEntry(date=D1, back_pain=3, relief=(ReliefUse("heat", 3),)), "relief"),
        (DayEntry(date=D1, back_pain=3, relief=(ReliefUse("heat", True),)), "relief"),
        (DayEntry(date=D1, back_pain=3, relief=(ReliefUse("heat;rest", 1),)), "relief"),
        (DayEntry(date=D1, back_pain=3, medications=("a",), medication_helped=(("b", 1),)), "medication_helped"),
        (DayEntry(date=D1, back_pain=3, medications=("a",), medication_helped=(("a", -1),)), "medication_helped"),
    ],
)
def test_bad_ratings_are_refused_and_nothing_is_written(journal: Journal, entry: DayEntry, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.save_day(entry, today=D3)
    assert field in {name for name, _ in caught.value.problems}
    assert journal.day(D1) is None


def test_csv_relief_column_round_trips_exactly(journal: Journal) -> None:
    text = (
        "date,back_pain,medications,relief\r\n"
        "2026-01-05,6,Ibuprofen:2;co-codamol 30:500,heat:2;rest;TENS:0\r\n"
        "2026-01-06,4,,a walk:1\r\n"
    )
    parsed = parse_csv(text.encode(), today=D3)
    first = parsed.entries[0]
    assert first.medications == ("Ibuprofen", "co-codamol 30:500")
    assert first.medication_helped == (("Ibuprofen", 2),)
    assert first.relief == (ReliefUse("heat", 2), ReliefUse("rest"), ReliefUse("TENS", 0))
    journal.import_days(parsed.entries, today=D3)
    exported = _csv(journal.days())
    assert "Ibuprofen:2;co-codamol 30:500,heat:2;rest;TENS:0" in exported
    again = Journal.open(journal.path.parent / "second.sqlite3")
    try:
        again.import_days(parse_csv(exported.encode(), today=D3).entries, today=D3)
        assert _csv(again.days()) == exported
    finally:
        again.close()


def test_an_old_csv_without_the_relief_column_still_imports() -> None:
    old = "date,back_pain,triggers,medications\r\n2026-01-05,5,lifting,heat pack\r\n"
    entry = parse_csv(old.encode(), today=D3).entries[0]
    assert entry.relief == () and entry.medications == ("heat pack",) and entry.medication_helped == ()


def test_a_bad_relief_rating_in_a_csv_names_line_and_column() -> None:
    bad = "date,back_pain,relief\r\n2026-01-05,5,heat:5\r\n"
    with pytest.raises(CsvImportError) as caught:
        parse_csv(bad.encode(), today=D3)
    assert caught.value.problems[0][:2] == (2, "relief")
    assert "0 (not at all), 1 (a little) or 2 (a lot)" in caught.value.problems[0][2]


def _version_6_journal(path: Path) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    provide_text_functions(connection)
    for migration in migrations()[:6]:
        connection.executescript("BEGIN;\n" + migration.sql() + f"\nPRAGMA user_version = {migration.version};\nCOMMIT;")
    connection.execute("PRAGMA application_id = 1347048014")
    connection.executescript(
        """
        BEGIN;
        INSERT INTO catalog_item (kind, name, name_key, builtin) VALUES ('trigger', 'lifting', 'lifting', 1);
        INSERT INTO catalog_item (kind, name, name_key) VALUES ('trigger', 'Lying Down', 'lying down');
        INSERT INTO catalog_item (kind, name, name_key) VALUES ('symptom', 'heat', 'heat');
        INSERT INTO catalog_item (kind, name, name_key) VALUES ('activity', 'yoga', 'yoga');
        INSERT INTO catalog_item (kind, name, name_key) VALUES ('trigger', 'Cold', 'cold');
        INSERT INTO day (date, back_pain, updated_at) VALUES ('2026-01-05', 7, 'x'), ('2026-01-06', 3, 'x');
        INSERT INTO day_trigger (day_id, item_id, position) VALUES (1, 1, 0), (1, 2, 1), (2, 2, 0);
        INSERT INTO day_symptom (day_id, item_id, position) VALUES (2, 3, 0);
        INSERT INTO day_activity (day_id, item_id, position, minutes) VALUES (1, 4, 0, 30);
        INSERT INTO day_medication (day_id, position, text) VALUES (1, 0, 'ibuprofen');
        COMMIT;
        """
    )
    connection.close()


def test_a_version_6_journal_moves_its_relief_triggers_and_keeps_every_day(tmp_path: Path) -> None:
    path = tmp_path / "v6.sqlite3"
    _version_6_journal(path)
    upgraded = Journal.open(path)
    try:
        first, second = upgraded.day(D1), upgraded.day(D2)
        assert first is not None and second is not None
        assert first.triggers == ("lifting",)
        assert first.relief == (ReliefUse("Lying Down"),) and second.relief == (ReliefUse("Lying Down"),)
        assert second.triggers == () and second.symptoms == ("heat",)  # a symptom named "heat" stays a symptom
        assert first.activities[0].minutes == 30 and first.medications == ("ibuprofen",)
        relief = [item.name for item in upgraded.catalog(CatalogKind.RELIEF)]
        assert sorted(relief) == sorted([*RELIEF[:3], "Lying Down", *RELIEF[4:]])
        assert "Lying Down" not in [item.name for item in upgraded.catalog(CatalogKind.TRIGGER)]
        # "cold" as a trigger may mean the weather: it stays what the person made it.
        assert "Cold" in [item.name for item in upgraded.catalog(CatalogKind.TRIGGER)]
        # the rebuilt tables still refuse what the old ones refused, and still cascade
        upgraded.save_day(first.replace(relief=(ReliefUse("heat", 1),), medication_helped=(("ibuprofen", 0),)), today=D3)
        assert upgraded.day(D1) == first.replace(relief=(ReliefUse("heat", 1),), medication_helped=(("ibuprofen", 0),))
        upgraded.delete_day(D1)
    finally:
        upgraded.close()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("SELECT count(*) FROM day_relief WHERE day_id = 1").fetchone() == (0,)
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("INSERT INTO catalog_item (kind, name, name_key) VALUES ('mood', 'x', 'x')")
    finally:
        connection.close()


def test_own_names_move_between_triggers_and_relief(journal: Journal) -> None:
    journal.import_days(
        [
            DayEntry(date=D1, back_pain=7, triggers=("hot bath", "lifting")),
            DayEntry(date=D2, back_pain=6, triggers=("hot bath",)),
        ],
        today=D3,
    )
    change = lists.move(journal, ListKind.TRIGGER, "hot bath")
    assert change.dates == frozenset({D1, D2})
    assert journal.day(D1).relief == (ReliefUse("hot bath"),)
    assert journal.day(D1).triggers == ("lifting",)
    assert [e.days for e in lists.list_entries(journal, ListKind.RELIEF) if e.name == "hot bath"] == [2]
    lists.move(journal, ListKind.RELIEF, "hot bath")
    assert journal.day(D2).triggers == ("hot bath",)
    with pytest.raises(ListChangeRefused):
        lists.move(journal, ListKind.TRIGGER, "lifting")  # built in
    with pytest.raises(ListChangeRefused):
        lists.move(journal, ListKind.RELIEF, "heat")  # built in
    journal.import_days([DayEntry(date=D3, back_pain=2, relief=(ReliefUse("Hot bath", 2),))], today=D3)
    with pytest.raises(ListChangeRefused, match="already have"):
        lists.move(journal, ListKind.TRIGGER, "hot bath")
    assert journal.day(D2).triggers == ("hot bath",)


def test_relief_never_enters_the_trigger_model() -> None:
    start = dt.date(2025, 1, 1)
    entries = []
    for i in range(120):
        pain = 3 + (4 if i % 3 == 0 else 0) + (i % 2)
        triggers = ("lifting",) if i % 5 == 0 else ()
        relief = (ReliefUse("rest", 1), ReliefUse("lying down")) if pain >= 7 else ()
        entries.append(DayEntry(date=start + dt.timedelta(days=i), back_pain=pain, triggers=triggers, relief=relief))
    checked = [validate_day(e, today=dt.date(2026, 1, 1)) for e in entries]
    with_relief = trigger_model(checked)
    without = trigger_model([e.replace(relief=()) for e in checked])
    assert {t.name for t in with_relief.triggers} == {"lifting"}
    assert with_relief == without
