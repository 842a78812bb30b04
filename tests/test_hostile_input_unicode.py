"""Hostile input: Unicode the way real keyboards, files and consoles deliver it.

"Café" typed composed and decomposed is one catalog name (NFC); a console in
cp1252 can neither break ``summary`` on an emoji nor turn a committed import
into a reported failure.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from journal.core.catalog import CatalogKind, name_key, tidy_name
from journal.core.day import ActivityMinutes, DayEntry
from journal.formats.csv_io import parse_csv
from journal.storage.journal import Journal

TODAY = dt.date.today()
COMPOSED = "Caf\u00e9"
DECOMPOSED = "Cafe\u0301"


def test_composed_and_decomposed_are_one_name() -> None:
    assert COMPOSED != DECOMPOSED
    assert name_key(COMPOSED) == name_key(DECOMPOSED)
    assert tidy_name(DECOMPOSED) == COMPOSED
    assert name_key("STRASSE") == name_key("straße")  # case folding still applies


def test_every_way_in_stores_one_catalog_entry(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.sqlite3")
    journal.save_day(DayEntry(TODAY - dt.timedelta(days=2), 3, triggers=(COMPOSED,), activities=(ActivityMinutes(COMPOSED, 10),)))
    journal.save_day(
        DayEntry(TODAY - dt.timedelta(days=1), 3, triggers=(DECOMPOSED,), activities=(ActivityMinutes(DECOMPOSED, 10),))
    )
    parsed = parse_csv(f"date,back_pain,triggers,symptoms\n{TODAY},4,{DECOMPOSED},{DECOMPOSED}\n".encode())
    journal.import_days(parsed.entries)
    assert journal.add_catalog_item(CatalogKind.TRIGGER, DECOMPOSED) == COMPOSED
    for kind in (CatalogKind.TRIGGER, CatalogKind.ACTIVITY, CatalogKind.SYMPTOM):
        matching = [i.name for i in journal.catalog(kind) if name_key(i.name) == name_key(COMPOSED)]
        assert matching == [COMPOSED], kind
    assert {d.triggers for d in journal.days()} == {(COMPOSED,)}
    journal.close()


def test_a_journal_holding_both_forms_lists_one(tmp_path: Path) -> None:
    """Journals written before names were normalised may hold both forms."""
    path = tmp_path / "old.sqlite3"
    journal = Journal.open(path)
    journal.save_day(DayEntry(TODAY - dt.timedelta(days=1), 3, triggers=(COMPOSED,)))
    journal.close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO catalog_item (kind, name, name_key, urgency, builtin) VALUES ('trigger', ?, ?, 'none', 0)",
            (DECOMPOSED, DECOMPOSED.casefold()),
        )
    journal = Journal.open(path)
    assert [i.name for i in journal.catalog(CatalogKind.TRIGGER) if name_key(i.name) == name_key(COMPOSED)] == [COMPOSED]
    journal.save_day(DayEntry(TODAY, 2, triggers=(DECOMPOSED,)))  # no clash with either stored form
    assert journal.day(TODAY).triggers == (COMPOSED,)
    journal.close()


def run_cli(*args: str, encoding: str = "cp1252") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-c", "import sys; from journal.cli import main; sys.exit(main(sys.argv[1:]))", *args],
        capture_output=True,
        env=env,
        timeout=120,
        text=True,
        encoding="cp1252",
        errors="replace",
    )


@pytest.mark.slow
def test_cp1252_console_summary_with_emoji(db_path: Path) -> None:
    journal = Journal.open(db_path)
    journal.save_day(DayEntry(TODAY, 5, triggers=("stairs 🙂",), notes="腰痛 🫨", questions="Is walking OK? 🤔"))
    journal.close()
    done = run_cli("summary", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "stairs ?" in done.stdout and "Traceback" not in done.stderr


@pytest.mark.slow
def test_cp1252_console_import_reports_success_after_commit(db_path: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f"date,back_pain,triggers,mood 🙂\n{TODAY},6,\U0001f4a5 lifting,good\n", encoding="utf-8")
    Journal.open(db_path).close()
    done = run_cli("import", str(source), "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "Imported 1 day" in done.stdout
    assert "Ignored unknown column: mood" in done.stderr
    journal = Journal.open(db_path)
    assert journal.count() == 1
    journal.close()
