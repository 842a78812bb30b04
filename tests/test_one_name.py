"""Names stay one name: invisible characters, look-alike letters, merges and renames.

Before: a zero-width joiner or a Cyrillic "с" made a second "cold" trigger; History's
Undo delete brought back a name renamed or merged away in Manage lists; the NFC step
(schema 6) left a day with the same medication twice.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from journal.app.importing import import_csv
from journal.app.lists import ListChangeRefused, merge, named_as_now, rename
from journal.core.catalog import CatalogKind, name_key, tidy_name
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.lists import ListKind
from journal.storage import schema
from journal.storage.journal import Journal

TODAY = dt.date(2026, 6, 30)
DAY = dt.date(2026, 6, 1)
CYRILLIC_COLD = "\u0441old"  # Cyrillic es, then Latin "old"
JOINED_COLD = "co\u200dld"


def _triggers(journal: Journal) -> list[str]:
    return [i.name for i in journal.catalog(CatalogKind.TRIGGER) if name_key(i.name) == "cold"]


@pytest.mark.parametrize(
    "typed", [JOINED_COLD, "c\u200bold", "\ufeffcold", "co\u00adld", CYRILLIC_COLD, "\uff43\uff4f\uff4c\uff44", "COLD"]
)
def test_a_name_that_looks_like_cold_is_cold(tmp_path: Path, typed: str) -> None:
    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        journal.save_day(DayEntry(date=DAY, back_pain=3, triggers=("cold",)), today=TODAY)
        assert journal.add_catalog_item(CatalogKind.TRIGGER, typed) == "cold"
        journal.save_day(DayEntry(date=DAY + dt.timedelta(days=1), back_pain=3, triggers=(typed,)), today=TODAY)
        assert journal.day(DAY + dt.timedelta(days=1)).triggers == ("cold",)
        assert _triggers(journal) == ["cold"]
    finally:
        journal.close()


def test_imported_look_alikes_become_the_existing_name(tmp_path: Path) -> None:
    csv = tmp_path / "days.csv"
    csv.write_text(
        f"date,back_pain,triggers,medications\n2026-06-02,3,{JOINED_COLD},Ibuprofen\n"
        f"2026-06-03,4,{CYRILLIC_COLD},Ibupro\u200bfen;ibuprofen\n",
        encoding="utf-8",
    )
    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        journal.save_day(DayEntry(date=DAY, back_pain=3, triggers=("cold",)), today=TODAY)
        import_csv(journal, csv)
        assert _triggers(journal) == ["cold"]
        assert journal.day(dt.date(2026, 6, 3)).medications == ("Ibuprofen",)
    finally:
        journal.close()


def test_renaming_to_a_look_alike_of_another_entry_is_refused(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        journal.save_day(DayEntry(date=DAY, back_pain=3, triggers=("cold", "draught")), today=TODAY)
        with pytest.raises(ListChangeRefused, match="merge"):
            rename(journal, ListKind.TRIGGER, "draught", CYRILLIC_COLD)
    finally:
        journal.close()


def test_invisible_characters_are_removed_but_joiners_a_script_needs_stay() -> None:
    assert tidy_name(" co\u200dld\u200b ") == "cold"
    assert (
        tidy_name("\u0646\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")
        == "\u0646\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    )
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert tidy_name(family) == family
    assert name_key("\u0441\u043e\u043d") == "\u0441\u043e\u043d"  # a word wholly in Cyrillic stays itself


def test_undo_delete_brings_the_day_back_with_names_as_they_are_now(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        entry = DayEntry(
            date=DAY,
            back_pain=5,
            triggers=("heat", "damp"),
            activities=(ActivityMinutes("weeding", 30),),
            medications=("Ibuprofn",),
        )
        journal.save_day(entry, today=TODAY)
        journal.save_day(
            DayEntry(date=DAY + dt.timedelta(days=1), back_pain=2, triggers=("cold",), medications=("Ibuprofn",)), today=TODAY
        )
        deleted = journal.delete_day(DAY)
        assert deleted is not None
        rename(journal, ListKind.TRIGGER, "heat", "warmth")
        rename(journal, ListKind.TRIGGER, "warmth", "sun")  # renamed twice
        merge(journal, ListKind.TRIGGER, "damp", "cold")
        rename(journal, ListKind.ACTIVITY, "weeding", "hoeing")
        rename(journal, ListKind.MEDICATION, "Ibuprofn", "Ibuprofen")
        journal.save_day(named_as_now(journal, deleted), today=TODAY)
        back = journal.day(DAY)
        assert back is not None
        assert back.triggers == ("sun", "cold")
        assert [a.name for a in back.activities] == ["hoeing"]
        assert back.medications == ("Ibuprofen",)
        names = {i.name for i in journal.catalog(CatalogKind.TRIGGER)}
        assert not {"heat", "warmth", "damp"} & names
    finally:
        journal.close()


def test_the_upgrade_leaves_one_name_and_one_medication_row(tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    # A journal just before the one-name step, written by a version that kept the look-alikes apart.
    step = next(m.version for m in schema.migrations() if m.path.name.endswith("_one_name.sql"))
    connection = sqlite3.connect(path, isolation_level=None)
    schema.provide_text_functions(connection)
    for migration in schema.migrations()[: step - 1]:
        connection.executescript("BEGIN;\n" + migration.sql() + f"\nPRAGMA user_version = {migration.version};\nCOMMIT;")
    connection.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    connection.execute("BEGIN")
    day_id = connection.execute("INSERT INTO day (date, back_pain, updated_at) VALUES (?, 3, 'x')", (DAY.isoformat(),)).lastrowid
    for position, name in enumerate(("cold", JOINED_COLD, CYRILLIC_COLD)):
        item = connection.execute(
            "INSERT INTO catalog_item (kind, name, name_key, urgency, builtin) VALUES ('trigger', ?, ?, 'none', 0)",
            (name, name.casefold()),
        ).lastrowid
        connection.execute("INSERT INTO day_trigger (day_id, item_id, position) VALUES (?, ?, ?)", (day_id, item, position))
    # What the NFC step made of a day holding "Café tabs" composed and decomposed: equal rows.
    for position, text in enumerate(("Café tabs", "Café tabs", "cafe\u0301 tabs\u200b")):
        connection.execute("INSERT INTO day_medication (day_id, position, text) VALUES (?, ?, ?)", (day_id, position, text))
    connection.execute("COMMIT")
    connection.close()
    journal = Journal.open(path)
    try:
        day = journal.day(DAY)
        assert day is not None and day.triggers == ("cold",) and day.medications == ("Café tabs",)
        assert _triggers(journal) == ["cold"]
    finally:
        journal.close()
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM day_medication").fetchone()[0] == 1
    assert connection.execute("PRAGMA user_version").fetchone()[0] == schema.latest_version()
    connection.close()
