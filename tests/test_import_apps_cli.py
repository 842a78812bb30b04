"""``pain-journal import --from APP FILE``: preview first, write only when told, all or nothing."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from journal.cli import EXIT_USER_ERROR, main
from journal.core.day import DayEntry
from journal.storage.journal import Journal

DATA = Path(__file__).parent / "data" / "importers"


def day_count(path: Path) -> int:
    if not path.exists():
        return 0
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM day").fetchone()[0])
    finally:
        connection.close()


def test_preview_without_yes_writes_nothing(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["import", "--db", str(db_path), "--from", "paintracker", str(DATA / "paintracker.json")])
    out, err = capsys.readouterr()
    assert status == 1
    assert "2 days to import from PainTracker, 2024-07-01 to 2024-07-02" in out
    assert "What does not come across:" in out
    assert "Add --yes to import these 2 days." in err
    assert day_count(db_path) == 0


def test_yes_imports_with_the_chosen_scale_spelled_out(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["import", "--db", str(db_path), "--from", "flaredown", str(DATA / "flaredown.csv")]
    status = main([*args, "--back-pain", "Back pain", "--leg-pain", "Leg pain", "--yes"])
    out, _ = capsys.readouterr()
    assert status == 0
    assert "Back pain: “Back pain” (0–4) → back pain 0–10: 0→0, 1→3, 2→5, 3→8, 4→10." in out
    assert "Imported 3 days" in out
    journal = Journal.open(db_path)
    try:
        first = journal.day(dt.date(2024, 5, 1))
        assert first is not None and (first.back_pain, first.leg_pain) == (8, 5)
    finally:
        journal.close()


def test_nothing_chosen_for_another_scale_imports_nothing(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["import", "--db", str(db_path), "--from", "bearable", str(DATA / "bearable.csv"), "--yes"])
    out, err = capsys.readouterr()
    assert status == 1
    assert "Scored items you can choose as back or leg pain: “Back pain” (1–3: Mild, Moderate, Severe)" in out
    assert "no day can come across" in err
    assert day_count(db_path) == 0


def test_clashes_stop_by_default_then_skip(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    journal = Journal.open(db_path)
    journal.save_day(DayEntry(date=dt.date(2024, 6, 11), back_pain=2, notes="mine"))
    journal.close()
    args = ["import", "--db", str(db_path), "--from", "pfpd", str(DATA / "pfpd_backup.json"), "--yes"]
    assert main(args) == 1
    assert "Give --clash skip or --clash replace." in capsys.readouterr().err
    assert day_count(db_path) == 1
    assert main([*args, "--clash", "skip"]) == 0
    assert "Imported 1 day" in capsys.readouterr().out
    journal = Journal.open(db_path)
    try:
        kept = journal.day(dt.date(2024, 6, 11))
        assert kept is not None and kept.notes == "mine"
    finally:
        journal.close()


@pytest.mark.parametrize(
    "source,name,expected",
    [
        ("bearable", "bearable_unquoted_commas.csv", "line 3: has 10 cells"),
        ("bearable", "bearable_latin1.csv", "line 3: the file is not UTF-8 text"),
        ("pfpd", "pfpd_broken.json", "line 8, column "),
        ("paintracker", "paintracker_bad_entry.json", "entry 2: “pain” must be a number from 0 to 10"),
    ],
)
def test_a_hostile_file_changes_nothing_and_names_the_place(
    db_path: Path, capsys: pytest.CaptureFixture[str], source: str, name: str, expected: str
) -> None:
    status = main(["import", "--db", str(db_path), "--from", source, str(DATA / name), "--yes", "--clash", "replace"])
    err = capsys.readouterr().err
    assert status == EXIT_USER_ERROR
    assert "Nothing was imported from the" in err and expected in err
    assert not db_path.exists()  # the file is read before the journal is touched


def test_pain_options_need_from(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "--db", str(db_path), str(DATA / "flaredown.csv"), "--back-pain", "Back pain"]) == EXIT_USER_ERROR
    assert "--back-pain is for imports from another app" in capsys.readouterr().err


def test_at_a_terminal_the_person_is_asked(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answers = iter(["n", "y"])

    def answer(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    args = ["import", "--db", str(db_path), "--from", "paintracker", str(DATA / "paintracker.json")]
    assert main(args) == 1  # "n"
    assert day_count(db_path) == 0
    assert main(args) == 0  # "y"
    assert asked == [f"Import 2 days into {db_path}? [y/N] "] * 2
    assert day_count(db_path) == 2
    assert "Imported 2 days" in capsys.readouterr().out
