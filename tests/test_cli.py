"""The command line: ``import`` and ``export``, exit codes and messages a person can act on."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from journal.cli import EXIT_USER_ERROR, main
from journal.core.day import ActivityMinutes, DayEntry
from journal.storage.paths import DATABASE_NAME

ROOT = Path(__file__).resolve().parents[1]

needs_redflags = pytest.mark.skipif(
    importlib.util.find_spec("journal.core.redflags") is None,
    reason="a successful import warns about red flags via journal.core.redflags, which is not there yet",
)

GOOD_CSV = (
    "date,back_pain,leg_pain,sleep_hours,activities,triggers,symptoms,medications,notes\r\n"
    '2024-05-01,4,2,7.5,walking:30;sitting:240,stress;Moving house,stiffness,heat pack,"Sore, but ok.\nWalked."\r\n'
    "2024-05-02,6,,6,,poor sleep,muscle spasm,,'=not a formula\r\n"
    "2024-05-04,3,1,,yoga:20,,,ibuprofen 200 mg,\r\n"
)


def run(*args: str, env_home: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``main.py`` as a person would."""
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=dict(os.environ),  # carries PAIN_JOURNAL_HOME from the private_home fixture
        capture_output=True,
        text=True,
        timeout=60,
    )


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def day_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM day").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture
def good_csv(tmp_path: Path) -> Path:
    path = tmp_path / "days.csv"
    path.write_bytes(GOOD_CSV.encode("utf-8"))
    return path


@pytest.fixture
def filled_db(tmp_path: Path) -> Path:
    """A journal with two days in it, made through the storage API (no red-flag code involved)."""
    from journal.storage.journal import Journal

    path = tmp_path / "filled.sqlite3"
    journal = Journal.open(path)
    journal.import_days(
        [
            DayEntry(dt.date(2024, 5, 1), 5, activities=(ActivityMinutes("walking", 20),)),
            DayEntry(dt.date(2024, 5, 3), 2, notes="fine"),
        ]
    )
    journal.close()
    return path


# --- as a separate process ---------------------------------------------------------------


def test_help_exits_zero() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    assert "import" in result.stdout and "export" in result.stdout
    assert result.stderr == ""


@needs_redflags
@pytest.mark.slow
def test_import_then_export_round_trip(tmp_path: Path, good_csv: Path) -> None:
    db = tmp_path / "journal.sqlite3"
    result = run("import", str(good_csv), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert f"Imported 3 days into {db}." in result.stdout
    assert "Traceback" not in result.stderr

    first = tmp_path / "first.csv"
    result = run("export", str(first), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Exported 3 days to {first}."

    # The exported file imports into a fresh journal and exports to the same bytes.
    db2 = tmp_path / "again.sqlite3"
    second = tmp_path / "second.csv"
    assert run("import", str(first), "--db", str(db2)).returncode == 0
    assert run("export", str(second), "--db", str(db2)).returncode == 0
    assert second.read_bytes() == first.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert '"Sore, but ok.\nWalked."' in text
    # The apostrophe that protected the cell was removed on import and put back on export.
    assert ",'=not a formula," in text


def test_bad_import_exits_2_with_one_clear_message(tmp_path: Path, filled_db: Path) -> None:
    before = dump(filled_db)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,back_pain,sleep_hours\n2024-06-01,3,7\n2024-06-02,3,eight\n2024-06-03,12,7\n", encoding="utf-8")
    result = run("import", str(bad), "--db", str(filled_db))
    assert result.returncode == EXIT_USER_ERROR
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("pain-journal: Nothing was imported: 2 problems found.")
    assert "line 3, column sleep_hours: 'eight' is not a number" in result.stderr
    assert "line 4, column back_pain: must be from 0 to 10, not 12" in result.stderr
    assert dump(filled_db) == before


@pytest.mark.slow
def test_db_that_is_not_a_journal_is_refused_unchanged(tmp_path: Path, good_csv: Path) -> None:
    other = tmp_path / "recipes.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE recipe (title TEXT)")
    connection.commit()
    connection.close()
    text_file = tmp_path / "letter.txt"
    text_file.write_text("Dear doctor,\n" * 50, encoding="utf-8")
    for path in (other, text_file):
        before = path.read_bytes()
        result = run("import", str(good_csv), "--db", str(path))
        assert result.returncode == EXIT_USER_ERROR, result.stderr
        assert "Traceback" not in result.stderr
        assert "not a Pain Journal database" in result.stderr
        assert str(path) in result.stderr
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(path.name)) == [path.name]


@needs_redflags
@pytest.mark.slow
def test_default_database_is_in_the_data_folder(private_home: Path, good_csv: Path) -> None:
    home = Path(os.environ["PAIN_JOURNAL_HOME"])
    assert home.is_relative_to(private_home)
    result = run("import", str(good_csv))
    assert result.returncode == 0, result.stderr
    assert (home / DATABASE_NAME).is_file()
    assert day_count(home / DATABASE_NAME) == 3
    assert str(home / DATABASE_NAME) in result.stdout


# --- in this process --------------------------------------------------------------------------


def test_duplicate_import_needs_replace(tmp_path: Path, filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = dump(filled_db)
    csv_path = tmp_path / "clash.csv"
    csv_path.write_text("date,back_pain\n2024-04-30,1\n2024-05-01,9\n", encoding="utf-8")
    assert main(["import", str(csv_path), "--db", str(filled_db)]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert "2024-05-01" in err
    assert "--replace" in err
    assert "nothing was imported" in err
    assert dump(filled_db) == before
    assert day_count(filled_db) == 2


@needs_redflags
def test_duplicate_import_with_replace_overwrites(tmp_path: Path, filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from journal.storage.journal import Journal

    csv_path = tmp_path / "clash.csv"
    csv_path.write_text("date,back_pain\n2024-04-30,1\n2024-05-01,9\n", encoding="utf-8")
    assert main(["import", str(csv_path), "--db", str(filled_db), "--replace"]) == 0
    assert "Imported 2 days" in capsys.readouterr().out
    journal = Journal.open(filled_db)
    try:
        assert [(e.date.day, e.back_pain, e.activities) for e in journal.days()] == [
            (30, 1, ()),
            (1, 9, ()),
            (3, 2, ()),
        ]
    finally:
        journal.close()


@needs_redflags
def test_db_option_before_the_command(tmp_path: Path, good_csv: Path) -> None:
    db = tmp_path / "top.sqlite3"
    assert main(["--db", str(db), "import", str(good_csv)]) == 0
    assert day_count(db) == 3


@needs_redflags
def test_ignored_columns_mentioned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_path = tmp_path / "extra.csv"
    csv_path.write_text("date,back_pain,weather\n2024-05-01,3,rain\n", encoding="utf-8")
    assert main(["import", str(csv_path), "--db", str(tmp_path / "j.sqlite3")]) == 0
    assert "Ignored unknown column: weather" in capsys.readouterr().err


@needs_redflags
def test_import_of_an_urgent_symptom_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_path = tmp_path / "flag.csv"
    csv_path.write_text("date,back_pain,symptoms\n2024-05-01,7,numbness in the saddle area\n", encoding="utf-8")
    assert main(["import", str(csv_path), "--db", str(tmp_path / "j.sqlite3")]) == 0
    captured = capsys.readouterr()
    assert "Imported 1 day" in captured.out
    assert "numbness in the saddle area" in captured.err.lower()


def test_import_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "j.sqlite3"
    assert main(["import", str(tmp_path / "nope.csv"), "--db", str(db)]) == EXIT_USER_ERROR
    assert "No such file" in capsys.readouterr().err
    assert not db.exists()


def test_export_unknown_extension(tmp_path: Path, filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "days.xlsx"
    assert main(["export", str(target), "--db", str(filled_db)]) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert "days.xlsx" in err and ".csv" in err
    assert not target.exists()


def test_export_from_after_to(tmp_path: Path, filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.csv"
    code = main(["export", str(target), "--db", str(filled_db), "--from", "2024-05-03", "--to", "2024-05-01"])
    assert code == EXIT_USER_ERROR
    assert "--from 2024-05-03 is after --to 2024-05-01" in capsys.readouterr().err
    assert not target.exists()


def test_export_empty_period(tmp_path: Path, filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.csv"
    code = main(["export", str(target), "--db", str(filled_db), "--from", "2024-05-02", "--to", "2024-05-02"])
    assert code == EXIT_USER_ERROR
    assert "No days were logged between 2024-05-02 and 2024-05-02" in capsys.readouterr().err
    assert not target.exists()
    assert not list(tmp_path.glob("*.part"))


def test_export_period_is_inclusive(tmp_path: Path, filled_db: Path) -> None:
    target = tmp_path / "out.csv"
    assert main(["export", str(target), "--db", str(filled_db), "--from", "2024-05-01", "--to", "2024-05-03"]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [line[:10] for line in lines[1:]] == ["2024-05-01", "2024-05-03"]
    assert main(["export", str(target), "--db", str(filled_db), "--from", "2024-05-02"]) == 0
    assert [line[:10] for line in target.read_text(encoding="utf-8").splitlines()[1:]] == ["2024-05-03"]


def test_export_to_missing_folder(tmp_path: Path, filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing" / "out.csv"
    assert main(["export", str(target), "--db", str(filled_db)]) == EXIT_USER_ERROR
    assert "does not exist" in capsys.readouterr().err
    assert not target.parent.exists()


def test_export_to_a_folder(tmp_path: Path, filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "looks like.csv"
    folder.mkdir()
    assert main(["export", str(folder), "--db", str(filled_db)]) == EXIT_USER_ERROR
    assert "is a folder" in capsys.readouterr().err


def test_export_without_a_journal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "out.csv")]) == EXIT_USER_ERROR
    assert "No journal at" in capsys.readouterr().err
    assert not (Path(os.environ["PAIN_JOURNAL_HOME"]) / DATABASE_NAME).exists()


def test_export_from_non_journal_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.db"
    other.write_bytes(b"not a database at all" * 100)
    before = other.read_bytes()
    assert main(["export", str(tmp_path / "out.csv"), "--db", str(other)]) == EXIT_USER_ERROR
    assert "not a Pain Journal database" in capsys.readouterr().err
    assert other.read_bytes() == before


def test_bad_date_option_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", str(tmp_path / "out.csv"), "--from", "1 May"])
    assert caught.value.code == 2
    assert "'1 May' is not a date in the form YYYY-MM-DD" in capsys.readouterr().err


def test_import_lists_urgent_signs_once_each_with_dates_in_the_past_tense(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "signs.csv"
    csv_path.write_text(
        "date,back_pain,symptoms\n"
        "2025-12-03,6,numbness in the saddle area; leg weakness\n"
        "2026-01-14,7,Numbness in the saddle area\n"
        "2026-01-15,4,stiffness\n",
        encoding="utf-8",
    )
    assert main(["import", str(csv_path), "--db", str(tmp_path / "j.sqlite3")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("Go to an emergency department now, or call your local emergency number.")
    assert "• Numbness in the saddle area, on 3 Dec 2025 and 14 Jan 2026." in err
    assert err.count("saddle area") == 2  # the sign and its why-text, once each
    assert "leg weakness" not in err.lower()  # "soon" signs are not an emergency
    assert "If a doctor has already checked this, you can close this message." in err


def test_import_points_to_days_whose_words_may_mean_a_warning_sign(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_path = tmp_path / "words.csv"
    csv_path.write_text(
        "date,back_pain,notes\n2025-12-03,6,Can't pass urine properly\n2025-12-04,4,fine\n",
        encoding="utf-8",
    )
    db = tmp_path / "j.sqlite3"
    assert main(["import", str(csv_path), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert "2025-12-03: the words may describe trouble passing or controlling urine; nothing was marked." in err
    assert "2025-12-04" not in err
    from journal.storage.journal import Journal

    journal = Journal.open(db)
    try:
        assert all(day.symptoms == () for day in journal.days())  # never flagged silently
    finally:
        journal.close()
