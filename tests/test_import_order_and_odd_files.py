"""Import ordering and Ctrl+C; backups onto the journal's own files; a foreign file with our
mark; Excel's ``sep=`` line; a day ahead from another time zone.

Before: notes were screened after the import was committed, so Ctrl+C then exited with
no "Imported" line although the days were in; ``backup`` onto the journal's own
``-wal`` or ``-shm`` was accepted; a non-journal file with our application id was
"upgraded"; an Excel ``sep=,`` first line was read as the header; a file exported in
a time zone ahead was refused as "in the future".
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from journal.cli import main
from journal.core.day import DayEntry
from journal.formats.csv_io import parse_csv
from journal.storage import schema
from journal.storage.journal import Journal


def _csv(tmp_path: Path, days: int = 3) -> Path:
    path = tmp_path / "days.csv"
    rows = [f"{(dt.date(2025, 3, 1) + dt.timedelta(days=n)).isoformat()},5,numb foot {n}" for n in range(days)]
    path.write_text("date,back_pain,notes\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _count(db: Path) -> int:
    journal = Journal.open(db)
    try:
        return journal.count()
    finally:
        journal.close()


def test_ctrl_c_during_screening_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import journal.core.screening as screening

    def interrupted(*_args: object, **_kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(screening, "days_to_check", interrupted)
    db = tmp_path / "j.sqlite3"
    assert main(["import", str(_csv(tmp_path)), "--db", str(db)]) == 130
    out = capsys.readouterr()
    assert "nothing was imported" in out.err and "Imported" not in out.out
    assert _count(db) == 0


def test_ctrl_c_after_the_days_are_in_still_reports_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    original = Journal.close
    calls: list[bool] = []

    def close_then_interrupt(self: Journal) -> None:
        original(self)
        if not calls:
            calls.append(True)
            raise KeyboardInterrupt  # Ctrl+C while the journal was being closed

    monkeypatch.setattr(Journal, "close", close_then_interrupt)
    db = tmp_path / "j.sqlite3"
    assert main(["import", str(_csv(tmp_path, 4)), "--db", str(db)]) == 130
    out = capsys.readouterr()
    assert "Imported 4 days" in out.out and "the days above are in" in out.err
    monkeypatch.setattr(Journal, "close", original)
    assert _count(db) == 4


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_a_backup_onto_the_journals_own_log_or_index_is_refused(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "j.sqlite3"
    journal = Journal.open(db)
    journal.save_day(DayEntry(date=dt.date(2026, 1, 1), back_pain=3), today=dt.date(2026, 1, 2))
    journal.close()
    target = db.with_name(db.name + suffix)
    assert main(["backup", str(target), "--db", str(db)]) == 2
    assert "one of your journal's own files" in capsys.readouterr().err
    assert not target.exists()
    assert _count(db) == 1


def test_a_foreign_file_with_our_application_id_is_not_changed(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('soup')")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(schema.NotAJournalError, match="not a Pain Journal database"):
        Journal.open(path)
    assert path.read_bytes() == before


def test_an_excel_sep_line_names_the_delimiter_and_is_not_the_header() -> None:
    for data in (b"sep=;\ndate;back_pain\n2026-01-01;4\n", b'"sep=,"\r\ndate,back_pain\r\n2026-01-01,4\r\n'):
        parsed = parse_csv(data, today=dt.date(2026, 6, 1))
        assert [(e.date, e.back_pain) for e in parsed.entries] == [(dt.date(2026, 1, 1), 4)]
    with pytest.raises(Exception, match="line 3"):
        parse_csv(b"sep=,\ndate,back_pain\n2026-01-01,44\n", today=dt.date(2026, 6, 1))  # line numbers stay right


def test_a_day_from_a_time_zone_ahead_imports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # already today where the file was made
    csv = tmp_path / "from-auckland.csv"
    csv.write_text(f"date,back_pain\n{tomorrow.isoformat()},3\n", encoding="utf-8")
    db = tmp_path / "j.sqlite3"
    assert main(["import", str(csv), "--db", str(db)]) == 0
    assert _count(db) == 1
    later = tmp_path / "later.csv"
    later.write_text(f"date,back_pain\n{(tomorrow + dt.timedelta(days=1)).isoformat()},3\n", encoding="utf-8")
    assert main(["import", str(later), "--db", str(db)]) == 2
    assert "future" in capsys.readouterr().err
