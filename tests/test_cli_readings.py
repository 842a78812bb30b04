"""``pain-journal pain-now``, ``readings`` and ``export/import --readings`` from the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal.cli import EXIT_USER_ERROR, main
from journal.core.readings import PainReading
from journal.storage.journal import Journal

DAY = dt.date(2026, 2, 2)


@pytest.fixture
def made(db_path: Path) -> Path:
    Journal.open(db_path).close()
    return db_path


def _readings(path: Path) -> list[PainReading]:
    journal = Journal.open(path)
    try:
        return [s.reading for s in journal.readings()]
    finally:
        journal.close()


def test_pain_now_records_and_readings_lists_and_deletes(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pain-now", "6", "3", "--at", "07:45", "--date", DAY.isoformat(), "--db", str(made)]) == 0
    assert "Kept reading 1: 2026-02-02 07:45 back 6 · leg 3." in capsys.readouterr().out
    assert main(["pain-now", "4", "--at", "19:10", "--date", DAY.isoformat(), "--db", str(made)]) == 0
    assert _readings(made) == [PainReading(DAY, dt.time(7, 45), 6, 3), PainReading(DAY, dt.time(19, 10), 4)]
    capsys.readouterr()
    assert main(["readings", "--date", DAY.isoformat(), "--db", str(made)]) == 0
    assert capsys.readouterr().out.splitlines() == ["  1. 2026-02-02 07:45 back 6 · leg 3", "  2. 2026-02-02 19:10 back 4"]
    assert main(["readings", "--db", str(made), "delete", "1"]) == 0
    assert _readings(made) == [PainReading(DAY, dt.time(19, 10), 4)]
    assert main(["readings", "--db", str(made), "delete", "1"]) == EXIT_USER_ERROR


def test_pain_now_refuses_what_the_day_refuses(made: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pain-now", "11", "--db", str(made)]) == EXIT_USER_ERROR
    assert "back_pain: must be from 0 to 10, not 11" in capsys.readouterr().err
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert main(["pain-now", "3", "--date", tomorrow.isoformat(), "--db", str(made)]) == EXIT_USER_ERROR
    assert "in the future" in capsys.readouterr().err
    assert _readings(made) == []


def test_export_and_import_readings_as_csv(made: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["pain-now", "6", "3", "--at", "07:45", "--date", DAY.isoformat(), "--db", str(made)])
    main(["pain-now", "4", "--at", "19:10", "--date", DAY.isoformat(), "--db", str(made)])
    out = tmp_path / "readings.csv"
    assert main(["export", str(out), "--readings", "--db", str(made)]) == 0
    assert "Exported 2 pain-now readings" in capsys.readouterr().out
    assert out.read_bytes() == b"date,time,back_pain,leg_pain\r\n2026-02-02,07:45,6,3\r\n2026-02-02,19:10,4,\r\n"
    other = tmp_path / "other.sqlite3"
    Journal.open(other).close()
    assert main(["import", str(out), "--readings", "--db", str(other)]) == 0
    assert "Imported 2 pain-now readings" in capsys.readouterr().out
    assert _readings(other) == _readings(made)
    assert main(["import", str(out), "--readings", "--db", str(other)]) == 0
    assert "Imported 0 pain-now readings" in capsys.readouterr().out and len(_readings(other)) == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("date,time,back_pain,leg_pain\n2026-02-03,08:00,5,\n2026-02-03,25:00,5,\n", encoding="utf-8")
    assert main(["import", str(bad), "--readings", "--db", str(other)]) == EXIT_USER_ERROR
    assert "line 3, column time" in capsys.readouterr().err
    assert len(_readings(other)) == 2
    assert main(["export", str(tmp_path / "r.pdf"), "--readings", "--db", str(made)]) == EXIT_USER_ERROR
