"""A journal written before text was normalised to NFC is normalised when opened.

The file below is built as an older version left it: a note, a question, a
medication and the patient's name typed with decomposed accents (NFD), and
"Café"-style catalog names present twice, composed and decomposed, each
linked to days. Opening it must bring all of it to NFC, merge each pair into
one entry without losing any day's link (activity minutes added up), keep a
backup of the file as it was, and be idempotent.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from journal.core.catalog import CatalogKind, Urgency
from journal.storage import schema
from journal.storage.backup import content_fingerprint, list_backups
from journal.storage.journal import Journal

NFC_STEP = next(m for m in schema.migrations() if m.path.name.endswith("_text_nfc.sql"))


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def old_key(name: str) -> str:
    """The catalog key as versions before NFC wrote it: case-folded, not normalised."""
    return " ".join(name.split()).casefold()


NOTE = "Névralgie après la sieste, café renversé"
QUESTION = "Faut-il réessayer la kiné ?"
MEDICATION = "Crème anti-inflammatoire"
PATIENT = "Zoë Müller"


def _old_journal(path: Path) -> None:
    """A journal at the version before the NFC step, with NFD text written as it was then."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        for migration in schema.migrations():
            if migration.version < NFC_STEP.version:
                connection.executescript("BEGIN;\n" + migration.sql() + f"\nPRAGMA user_version = {migration.version};\nCOMMIT;")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN")
        items = [
            # (id, kind, name, urgency, builtin)
            (1, "activity", "Marche à pied", "none", 0),
            (2, "activity", nfd("marche à pied"), "none", 0),
            (3, "trigger", "Café", "none", 0),
            (4, "trigger", nfd("Café"), "none", 0),
            (5, "symptom", nfd("Fourmillements jambe gauche"), "none", 0),
            (6, "symptom", nfd("Brûlure fessière"), "soon", 0),
            (7, "symptom", "brûlure fessière", "none", 1),
        ]
        connection.executemany(
            "INSERT INTO catalog_item (id, kind, name, name_key, urgency, builtin) VALUES (?, ?, ?, ?, ?, ?)",
            [(i, kind, name, old_key(name), urgency, builtin) for i, kind, name, urgency, builtin in items],
        )
        for day_id, date in ((1, "2026-06-01"), (2, "2026-06-02"), (3, "2026-06-03")):
            connection.execute(
                "INSERT INTO day (id, date, back_pain, notes, questions, updated_at) VALUES (?, ?, 5, ?, ?, ?)",
                (day_id, date, nfd(NOTE), nfd(QUESTION), "2026-06-03T10:00:00"),
            )
            connection.execute("INSERT INTO day_medication (day_id, position, text) VALUES (?, 0, ?)", (day_id, nfd(MEDICATION)))
        # Day 1 has both spellings of everything; day 2 only the decomposed ones; day 3 only the composed ones.
        connection.executemany(
            "INSERT INTO day_activity (day_id, item_id, position, minutes) VALUES (?, ?, ?, ?)",
            [(1, 1, 0, 20), (1, 2, 1, 30), (2, 2, 0, 15), (3, 1, 0, 40)],
        )
        connection.executemany(
            "INSERT INTO day_trigger (day_id, item_id, position) VALUES (?, ?, ?)", [(1, 3, 0), (1, 4, 1), (2, 4, 0), (3, 3, 0)]
        )
        connection.executemany(
            "INSERT INTO day_symptom (day_id, item_id, position) VALUES (?, ?, ?)", [(1, 5, 0), (1, 6, 1), (2, 6, 0), (3, 7, 0)]
        )
        connection.execute(
            "INSERT INTO red_flag_ack (day_id, symptom, acknowledged_at) VALUES (2, ?, '2026-06-02T09:00:00Z')",
            (old_key(nfd("Brûlure fessière")),),
        )
        connection.execute("INSERT INTO setting (key, value) VALUES ('patient_name', ?)", (nfd(PATIENT),))
        connection.execute("COMMIT")
    finally:
        connection.close()


def _all_text(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT notes FROM day UNION ALL SELECT questions FROM day UNION ALL SELECT text FROM day_medication "
            "UNION ALL SELECT name FROM catalog_item UNION ALL SELECT name_key FROM catalog_item "
            "UNION ALL SELECT symptom FROM red_flag_ack UNION ALL SELECT value FROM setting"
        ).fetchall()
        return [row[0] for row in rows]
    finally:
        connection.close()


@pytest.fixture
def old_journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.sqlite3"
    _old_journal(path)
    assert any(not unicodedata.is_normalized("NFC", text) for text in _all_text(path))
    return path


def test_opening_an_nfd_journal_normalises_every_text_to_nfc(old_journal: Path) -> None:
    Journal.open(old_journal).close()
    texts = _all_text(old_journal)
    assert texts and all(unicodedata.is_normalized("NFC", text) for text in texts)
    journal = Journal.open(old_journal)
    try:
        days = {day.date.day: day for day in journal.days()}
        assert days[2].notes == nfc(NOTE) and days[2].questions == nfc(QUESTION)
        assert days[2].medications == (nfc(MEDICATION),)
        assert journal.setting("patient_name") == nfc(PATIENT)
    finally:
        journal.close()


def test_names_that_become_one_are_merged_and_every_day_keeps_its_links(old_journal: Path) -> None:
    Journal.open(old_journal).close()
    journal = Journal.open(old_journal)
    try:
        walks = [item.name for item in journal.catalog(CatalogKind.ACTIVITY) if "arche" in item.name]
        cafes = [item.name for item in journal.catalog(CatalogKind.TRIGGER) if "af" in item.name]
        burns = [item for item in journal.catalog(CatalogKind.SYMPTOM) if "fessi" in item.name]
        assert walks == ["Marche à pied"] and cafes == ["Café"]
        assert len(burns) == 1 and burns[0].name == "brûlure fessière"  # the built-in entry is the one kept
        days = {day.date.day: day for day in journal.days()}
        minutes = {day: {a.name: a.minutes for a in days[day].activities} for day in days}
        assert minutes == {1: {"Marche à pied": 50}, 2: {"Marche à pied": 15}, 3: {"Marche à pied": 40}}
        assert [days[d].triggers for d in (1, 2, 3)] == [("Café",), ("Café",), ("Café",)]
        assert set(days[1].symptoms) == {nfc("Fourmillements jambe gauche"), "brûlure fessière"}
        assert days[2].symptoms == ("brûlure fessière",) and days[3].symptoms == ("brûlure fessière",)
        # The merged entry keeps the more urgent level; the day's acknowledgement follows the name.
        assert journal.urgencies()[nfc("brûlure fessière")] is Urgency.SOON
        assert journal.red_flag_acks()[dt.date(2026, 6, 2)] == frozenset({nfc("brûlure fessière")})
    finally:
        journal.close()


def test_a_backup_of_the_file_as_it_was_is_kept(old_journal: Path) -> None:
    Journal.open(old_journal).close()
    backups = list_backups(old_journal)
    assert [info.reason for info in backups] == [f"before-v{schema.latest_version()}"]
    assert nfd(NOTE) in _all_text(backups[0].path)


def test_the_step_is_idempotent_and_leaves_an_nfc_journal_alone(old_journal: Path) -> None:
    Journal.open(old_journal).close()
    connection = sqlite3.connect(old_journal, isolation_level=None)
    try:
        before = content_fingerprint(connection)
        schema.provide_text_functions(connection)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript("BEGIN IMMEDIATE;\n" + NFC_STEP.sql() + "\nCOMMIT;")
        assert content_fingerprint(connection) == before
    finally:
        connection.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_journal_waiting_for_the_step_opens_as_it_is(old_journal: Path) -> None:
    """The NFC step only tidies text, but schema 7 after it changes tables: a journal that
    may not be written and waits for both is refused, and nothing in its folder changes."""
    from journal.core.errors import UserError

    assert not all(step.data_only for step in schema.pending(NFC_STEP.version - 1))
    folder = old_journal.parent
    os.chmod(old_journal, 0o444)
    os.chmod(folder, 0o555)
    try:
        before = {path.name: path.read_bytes() for path in folder.iterdir()}
        with pytest.raises(UserError, match="read-only"):
            Journal.open(old_journal)
        assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    finally:
        os.chmod(folder, 0o755)
        os.chmod(old_journal, 0o644)


def test_a_step_that_changes_tables_still_refuses_a_read_only_journal() -> None:
    assert NFC_STEP.data_only
    assert not any(step.data_only for step in schema.migrations() if step.version < NFC_STEP.version)


def test_hidden_entries_keep_to_the_rules_through_the_step(tmp_path: Path) -> None:
    """A hidden entry that takes in a warning sign is shown again (a warning sign is never
    hidden); a hidden medication name is kept under its normalised key."""
    from journal.core.catalog import name_key

    path = tmp_path / "old.sqlite3"
    _old_journal(path)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("UPDATE catalog_item SET hidden = 1 WHERE id = 7")  # the built-in "brûlure fessière"
    connection.execute(
        "INSERT INTO hidden_medication (name_key, name) VALUES (?, ?)", (old_key(nfd(MEDICATION)), nfd(MEDICATION))
    )
    connection.close()

    Journal.open(path).close()

    connection = sqlite3.connect(path)
    try:
        assert connection.execute("SELECT hidden, urgency FROM catalog_item WHERE id = 7").fetchone() == (0, "soon")
        rows = connection.execute("SELECT name_key, name FROM hidden_medication").fetchall()
        assert rows == [(name_key(nfc(MEDICATION)), nfc(MEDICATION))]
    finally:
        connection.close()
