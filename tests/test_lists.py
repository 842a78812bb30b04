"""Manage lists without a window: rename, hide and merge, the rules, the backup before a merge."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from journal.app import lists
from journal.app.lists import ListChangeRefused
from journal.core.catalog import CatalogKind
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.errors import ValidationError
from journal.core.lists import ListKind
from journal.storage.backup import list_backups
from journal.storage.journal import Journal

D1, D2, D3 = dt.date(2026, 1, 5), dt.date(2026, 1, 6), dt.date(2026, 1, 7)


@pytest.fixture
def kept(journal: Journal) -> Journal:
    journal.import_days(
        [
            DayEntry(
                date=D1,
                back_pain=4,
                triggers=("stres at work", "lifting"),
                symptoms=("stiffness",),
                activities=(ActivityMinutes("walkng", 20), ActivityMinutes("walking", 30)),
                medications=("Ibuprofen", "heat pack"),
            ),
            DayEntry(
                date=D2,
                back_pain=5,
                triggers=("stres at work",),
                activities=(ActivityMinutes("walkng", 15),),
                medications=("ibuprofen ",),
            ),
            DayEntry(date=D3, back_pain=3, triggers=("lifting",), medications=("heat pack",)),
        ]
    )
    return journal


def _names(journal: Journal, kind: ListKind) -> dict[str, tuple[int, bool]]:
    return {e.name: (e.days, e.hidden) for e in lists.list_entries(journal, kind)}


def test_entries_list_every_name_with_its_days(kept: Journal) -> None:
    triggers = _names(kept, ListKind.TRIGGER)
    assert triggers["stres at work"] == (2, False) and triggers["lifting"] == (2, False) and triggers["stress"] == (0, False)
    assert _names(kept, ListKind.MEDICATION) == {"Ibuprofen": (2, False), "heat pack": (2, False)}
    builtin = {e.name: e.builtin for e in lists.list_entries(kept, ListKind.TRIGGER)}
    assert builtin["lifting"] and not builtin["stres at work"]


def test_rename_fixes_a_typo_on_every_past_day(kept: Journal) -> None:
    change = lists.rename(kept, ListKind.TRIGGER, "stres at work", "Stress at work")
    assert change.dates == {D1, D2}
    assert kept.day(D1).triggers == ("Stress at work", "lifting")
    assert kept.day(D2).triggers == ("Stress at work",)
    assert "stres at work" not in _names(kept, ListKind.TRIGGER)


def test_rename_of_a_medication_rewrites_its_free_text(kept: Journal) -> None:
    change = lists.rename(kept, ListKind.MEDICATION, "ibuprofen", "Ibuprofen 200 mg")
    assert change.dates == {D1, D2}
    assert kept.day(D1).medications == ("Ibuprofen 200 mg", "heat pack")
    assert kept.day(D2).medications == ("Ibuprofen 200 mg",)


def test_built_in_entries_and_warning_signs_keep_their_names(kept: Journal) -> None:
    with pytest.raises(ListChangeRefused, match="come with the app"):
        lists.rename(kept, ListKind.TRIGGER, "lifting", "heavy lifting")
    with pytest.raises(ListChangeRefused, match="Warning signs keep their names"):
        lists.rename(kept, ListKind.SYMPTOM, "leg weakness", "weak legs")
    assert "lifting" in _names(kept, ListKind.TRIGGER)


def test_rename_onto_another_entry_asks_for_a_merge_and_bad_names_are_refused(kept: Journal) -> None:
    with pytest.raises(ListChangeRefused, match="merge the two instead"):
        lists.rename(kept, ListKind.TRIGGER, "stres at work", "LIFTING")
    with pytest.raises(ValidationError):
        lists.rename(kept, ListKind.TRIGGER, "stres at work", "   ")
    with pytest.raises(ValidationError):
        lists.rename(kept, ListKind.TRIGGER, "stres at work", "a;b")
    assert kept.day(D1).triggers == ("stres at work", "lifting")


def test_hiding_keeps_past_days_and_stops_offering_the_name(kept: Journal) -> None:
    lists.set_hidden(kept, ListKind.TRIGGER, "stres at work", True)
    lists.set_hidden(kept, ListKind.MEDICATION, "ibuprofen", True)
    assert kept.day(D1).triggers == ("stres at work", "lifting")
    assert kept.day(D2).medications == ("ibuprofen",)
    offered = {i.name for i in kept.catalog(CatalogKind.TRIGGER)}
    assert "stres at work" not in offered and "lifting" in offered
    assert "Ibuprofen" not in kept.medication_names() and "heat pack" in kept.medication_names()
    assert _names(kept, ListKind.TRIGGER)["stres at work"] == (2, True)

    lists.set_hidden(kept, ListKind.TRIGGER, "stres at work", False)
    assert "stres at work" in {i.name for i in kept.catalog(CatalogKind.TRIGGER)}
    lists.set_hidden(kept, ListKind.TRIGGER, "lifting", True)
    kept.add_catalog_item(CatalogKind.TRIGGER, "Lifting")  # added again by hand: offered again
    assert "lifting" in {i.name for i in kept.catalog(CatalogKind.TRIGGER)}


def test_warning_signs_cannot_be_hidden_even_in_the_file(kept: Journal) -> None:
    with pytest.raises(ListChangeRefused, match="always offered"):
        lists.set_hidden(kept, ListKind.SYMPTOM, "numbness in the saddle area", True)
    connection = sqlite3.connect(kept.path)
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute("UPDATE catalog_item SET hidden = 1 WHERE urgency = 'urgent'")
    connection.close()


def test_merge_rewrites_past_days_after_a_backup(kept: Journal) -> None:
    change = lists.merge(kept, ListKind.ACTIVITY, "walkng", "walking")
    assert change.dates == {D1, D2}
    assert change.backup is not None and change.backup.exists()
    assert "before-merge" in change.backup.name
    assert [b.path for b in list_backups(kept.path)] == [change.backup]
    backup = Journal.open(change.backup)
    assert backup.day(D1).activities == (ActivityMinutes("walkng", 20), ActivityMinutes("walking", 30))
    backup.close()
    assert kept.day(D1).activities == (ActivityMinutes("walking", 50),)  # both: minutes added
    assert kept.day(D2).activities == (ActivityMinutes("walking", 15),)
    assert "walkng" not in _names(kept, ListKind.ACTIVITY)


def test_merge_of_medications_keeps_one_per_day(kept: Journal) -> None:
    kept.save_day(DayEntry(date=D3, back_pain=3, medications=("heat pack", "Ibuprofen")), today=D3)
    lists.merge(kept, ListKind.MEDICATION, "ibuprofen", "heat pack")
    assert kept.day(D1).medications == ("heat pack",)
    assert kept.day(D2).medications == ("heat pack",)
    assert kept.day(D3).medications == ("heat pack",)


def test_warning_signs_and_built_ins_are_never_merged_away(kept: Journal) -> None:
    kept.save_day(DayEntry(date=D3, back_pain=3, symptoms=("leg weakness",)), today=D3)
    with pytest.raises(ListChangeRefused, match="warning sign cannot be merged away"):
        lists.merge(kept, ListKind.SYMPTOM, "leg weakness", "stiffness")
    with pytest.raises(ListChangeRefused, match="cannot be merged away"):
        lists.merge(kept, ListKind.TRIGGER, "lifting", "stres at work")
    assert list_backups(kept.path) == []  # refused before any backup or write
    assert kept.day(D3).symptoms == ("leg weakness",)


def test_a_merge_that_fails_writes_nothing(kept: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal.storage import lists as storage_lists

    def broken(**_: object) -> frozenset[dt.date]:
        raise RuntimeError("disk gone mid-way")

    monkeypatch.setattr(storage_lists, "merge_entries", broken)
    with pytest.raises(RuntimeError):
        lists.merge(kept, ListKind.TRIGGER, "stres at work", "stress")
    assert kept.day(D1).triggers == ("stres at work", "lifting")


def test_a_version_4_journal_upgrades_with_nothing_hidden(tmp_path: Path) -> None:
    from journal.storage.schema import migrations

    path = tmp_path / "v4.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    for migration in migrations()[:4]:
        connection.executescript("BEGIN;\n" + migration.sql() + f"\nPRAGMA user_version = {migration.version};\nCOMMIT;")
    connection.execute("PRAGMA application_id = 1347048014")
    connection.execute("INSERT INTO catalog_item (kind, name, name_key) VALUES ('trigger', 'my own', 'my own')")
    connection.close()
    upgraded = Journal.open(path)
    assert "my own" in {i.name for i in upgraded.catalog(CatalogKind.TRIGGER)}
    assert not any(e.hidden for e in lists.list_entries(upgraded, ListKind.TRIGGER))
    upgraded.close()
