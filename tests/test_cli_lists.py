"""``pain-journal lists``: the same list changes as File → Manage lists, from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal.cli import EXIT_USER_ERROR, main
from journal.core.day import DayEntry
from journal.storage.backup import list_backups
from journal.storage.journal import Journal

DAY = dt.date(2026, 2, 2)


@pytest.fixture
def kept(db_path: Path) -> Path:
    journal = Journal.open(db_path)
    journal.import_days([DayEntry(date=DAY, back_pain=3, triggers=("stres", "stress"), medications=("heat pack",))])
    journal.close()
    return db_path


def _day(path: Path) -> DayEntry:
    journal = Journal.open(path)
    try:
        found = journal.day(DAY)
        assert found is not None
        return found
    finally:
        journal.close()


def test_print_a_list_with_its_days(kept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists", "trigger", "--db", str(kept)]) == 0
    out = capsys.readouterr().out
    assert "  stres  (1 day)" in out
    assert "  lifting  (0 days, comes with the app)" in out


def test_rename_hide_and_merge(kept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists", "medication", "--db", str(kept), "rename", "heat pack", "Heat pack"]) == 0
    assert "on 1 day" in capsys.readouterr().out
    assert _day(kept).medications == ("Heat pack",)

    assert main(["lists", "trigger", "--db", str(kept), "hide", "stres"]) == 0
    journal = Journal.open(kept)
    assert "stres" not in {i.name for i in journal.catalog()}
    journal.close()

    assert main(["lists", "trigger", "--db", str(kept), "merge", "stres", "stress"]) == 0
    out = capsys.readouterr().out
    assert "1 day rewritten" in out and "A backup was made first" in out
    assert _day(kept).triggers == ("stress",)
    assert len(list_backups(kept)) == 1


def test_a_refused_change_says_why_in_one_line(kept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists", "symptom", "--db", str(kept), "hide", "leg weakness"]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert err.startswith("pain-journal: Warning signs are always offered")
    assert main(["lists", "trigger", "--db", str(kept.parent / "none.sqlite3"), "hide", "x"]) == EXIT_USER_ERROR
    assert not (kept.parent / "none.sqlite3").exists()
