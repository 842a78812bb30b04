"""Pain-now readings: the core's rules, storage, the upgrade from schema 10, the second CSV
file, and the suggested day rating."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from journal.app import readings as app_readings
from journal.core import clock
from journal.core.errors import ValidationError
from journal.core.readings import PainReading, parse_clock, suggested_day_pain
from journal.core.validation import validate_reading
from journal.formats.csv_io import CsvImportError
from journal.formats.readings_csv import parse_readings_csv
from journal.storage import schema
from journal.storage.journal import Journal
from journal.storage.schema import migrations, provide_text_functions

D1 = dt.date(2026, 3, 2)
D2 = dt.date(2026, 3, 3)
TODAY = dt.date(2026, 3, 10)


def _reading(date: dt.date, hhmm: str, back: int, leg: int | None = None) -> PainReading:
    time = parse_clock(hhmm)
    assert time is not None
    return PainReading(date, time, back, leg)


# --- the core's rules -----------------------------------------------------------------


def test_a_reading_follows_the_days_pain_rules() -> None:
    assert validate_reading(_reading(D1, "08:30", 0, 10), today=TODAY) == _reading(D1, "08:30", 0, 10)
    assert validate_reading(PainReading(D1, dt.time(8, 30, 59), 4), today=TODAY).time == dt.time(8, 30)
    with pytest.raises(ValidationError) as caught:
        validate_reading(PainReading(D1, dt.time(8), 11, -1), today=TODAY)
    assert caught.value.fields == ["back_pain", "leg_pain"]
    assert "from 0 to 10" in str(caught.value)
    with pytest.raises(ValidationError) as future:
        validate_reading(_reading(TODAY + dt.timedelta(days=1), "08:00", 3), today=TODAY)
    assert future.value.fields == ["date"] and "future" in str(future.value)
    with pytest.raises(ValidationError) as not_a_number:
        validate_reading(PainReading(D1, dt.time(8), True), today=TODAY)
    assert not_a_number.value.fields == ["back_pain"]
    with pytest.raises(ValidationError) as no_time:
        validate_reading(PainReading(D1, "8 o'clock", 3), today=TODAY)  # type: ignore[arg-type]  # bad input on purpose
    assert no_time.value.fields == ["time"]


def test_times_are_read_to_the_minute() -> None:
    assert parse_clock("7:05") == dt.time(7, 5)
    assert parse_clock("23:59:30") == dt.time(23, 59)
    assert parse_clock("24:00") is None
    assert parse_clock("7.05") is None
    assert parse_clock("7:5") is None
    assert parse_clock("") is None


def test_the_suggested_day_rating_is_the_highest_of_each() -> None:
    readings = [_reading(D1, "08:00", 6, None), _reading(D1, "13:00", 3, 2), _reading(D1, "20:00", 4, 5)]
    assert suggested_day_pain(readings) == (6, 5)
    assert suggested_day_pain([_reading(D1, "08:00", 2)]) == (2, None)
    assert suggested_day_pain([]) is None


# --- storage ------------------------------------------------------------------------


def test_readings_are_kept_listed_by_time_and_deleted(journal: Journal) -> None:
    ids = journal.add_readings([_reading(D1, "20:15", 4, 2), _reading(D1, "07:40", 7), _reading(D2, "09:00", 5, 5)], today=TODAY)
    assert len(ids) == 3
    first_day = journal.readings(D1, D1)
    assert [s.reading for s in first_day] == [_reading(D1, "07:40", 7), _reading(D1, "20:15", 4, 2)]
    assert [s.reading.date for s in journal.readings()] == [D1, D1, D2]
    assert journal.delete_reading(first_day[0].id) == _reading(D1, "07:40", 7)
    assert journal.delete_reading(first_day[0].id) is None
    assert [s.reading for s in journal.readings(D1, D1)] == [_reading(D1, "20:15", 4, 2)]
    assert journal.day(D1) is None  # readings never make a day: the day's own rating is the person's


def test_bad_readings_write_nothing(journal: Journal) -> None:
    with pytest.raises(ValidationError):
        journal.add_readings([_reading(D1, "08:00", 3), _reading(D1, "09:00", 12)], today=TODAY)
    assert journal.readings() == []


def test_the_file_refuses_what_the_rules_refuse(journal: Journal) -> None:
    connection = sqlite3.connect(journal.path)
    try:
        for time, back in (("08:00", 11), ("8:00", 3), ("25:00", 3)):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
                connection.execute(
                    "INSERT INTO pain_reading (date, time, back_pain, recorded_at) VALUES (?, ?, ?, 'x')",
                    ("2026-03-02", time, back),
                )
    finally:
        connection.close()


def test_recording_now_uses_the_clock(journal: Journal) -> None:
    fake = clock.FakeClock(dt.datetime(2026, 3, 10, 21, 7, 45))
    previous = clock.install(fake)
    try:
        stored = app_readings.record_reading(journal, 6, 3)
        assert stored.reading == _reading(TODAY, "21:07", 6, 3)
        assert app_readings.day_readings(journal, TODAY) == [stored]
        assert app_readings.suggested_pain(journal, TODAY) == (6, 3)
        with pytest.raises(ValidationError):
            app_readings.record_reading(journal, 11)
        assert len(app_readings.day_readings(journal, TODAY)) == 1
        assert app_readings.delete_reading(journal, stored.id) == stored.reading
        assert app_readings.day_readings(journal, TODAY) == []
    finally:
        clock.install(previous)


# --- upgrading an older journal ---------------------------------------------------------


def _journal_before_readings(path: Path) -> int:
    """A journal at the schema before readings, with two days, built from the migration scripts."""
    before = next(m.version for m in migrations() if m.path.name.endswith("_pain_now_readings.sql")) - 1
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    provide_text_functions(connection)
    for migration in migrations()[:before]:
        connection.executescript("BEGIN;\n" + migration.sql() + f"\nPRAGMA user_version = {migration.version};\nCOMMIT;")
    connection.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    connection.execute(
        "INSERT INTO day (date, back_pain, leg_pain, notes, updated_at) VALUES "
        "('2026-03-02', 7, 3, 'stiff morning', 'x'), ('2026-03-03', 4, NULL, '', 'x')"
    )
    connection.close()
    return before


def test_a_journal_from_before_readings_upgrades_and_keeps_working(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    before = _journal_before_readings(path)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone() == (before,)
    assert connection.execute("SELECT count(*) FROM sqlite_master WHERE name = 'pain_reading'").fetchone() == (0,)
    connection.close()
    upgraded = Journal.open(path)
    try:
        first = upgraded.day(D1)
        assert first is not None and (first.back_pain, first.leg_pain, first.notes) == (7, 3, "stiff morning")
        assert upgraded.readings() == []
        upgraded.add_readings([_reading(D1, "07:30", 8, 4)], today=TODAY)
        assert [s.reading for s in upgraded.readings(D1, D1)] == [_reading(D1, "07:30", 8, 4)]
        upgraded.save_day(first.replace(back_pain=8), today=TODAY)
        assert len(upgraded.days()) == 2
    finally:
        upgraded.close()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA user_version").fetchone() == (schema.latest_version(),)
    finally:
        connection.close()


# --- the second CSV file --------------------------------------------------------------


def test_readings_csv_round_trip(journal: Journal, tmp_path: Path) -> None:
    kept = [_reading(D1, "07:40", 7), _reading(D1, "20:15", 4, 2), _reading(D2, "12:00", 0, 10)]
    journal.add_readings(kept, today=TODAY)
    out = tmp_path / "readings.csv"
    assert app_readings.export_readings(journal, out) == 3
    text = out.read_bytes().decode("utf-8")
    assert text == "date,time,back_pain,leg_pain\r\n2026-03-02,07:40,7,\r\n2026-03-02,20:15,4,2\r\n2026-03-03,12:00,0,10\r\n"
    other = Journal.open(tmp_path / "other.sqlite3")
    try:
        assert app_readings.import_readings(other, out) == (3, 0)
        assert [s.reading for s in other.readings()] == kept
        assert app_readings.import_readings(other, out) == (0, 3)  # the same file twice adds nothing
        again = tmp_path / "again.csv"
        app_readings.export_readings(other, again)
        assert again.read_bytes() == out.read_bytes()
    finally:
        other.close()


def test_a_readings_csv_may_omit_leg_pain_and_order_columns_freely() -> None:
    parsed = parse_readings_csv(b"\xef\xbb\xbfTime,Back pain,Date\r\n8:05,3,2026-03-02\r\n", today=TODAY)
    assert parsed == [_reading(D1, "08:05", 3)]


@pytest.mark.parametrize(
    ("data", "line", "column", "words"),
    [
        (b"date,time,back_pain,leg_pain\n2026-03-02,08:00,11,\n", 2, "back_pain", "from 0 to 10"),
        (b"date,time,back_pain,leg_pain\n2026-03-02,8h,3,\n", 2, "time", "not a time of day"),
        (b"date,time,back_pain,leg_pain\n2026-02-30,08:00,3,\n", 2, "date", "February 2026 has 28 days"),
        (b"date,time,back_pain,leg_pain\n2026-03-02,08:00,,4\n", 2, "back_pain", "required"),
        (b"date,time,back_pain,leg_pain\n2026-03-02,08:00,3,x\n", 2, "leg_pain", "not a whole number"),
        (b"date,time,back_pain,leg_pain\n2099-03-02,08:00,3,\n", 2, "date", "future"),
        (b"date,back_pain\n2026-03-02,3\n", 1, "time", "required column is missing"),
    ],
)
def test_bad_readings_csv_names_line_and_column(data: bytes, line: int, column: str, words: str) -> None:
    with pytest.raises(CsvImportError) as caught:
        parse_readings_csv(data, today=TODAY)
    assert caught.value.problems[0][:2] == (line, column)
    assert words in caught.value.problems[0][2]


def test_a_bad_readings_file_imports_nothing(journal: Journal, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"date,time,back_pain,leg_pain\n2026-03-02,08:00,3,\n2026-03-02,09:00,3,99\n")
    with pytest.raises(CsvImportError) as caught:
        app_readings.import_readings(journal, bad)
    assert "Nothing was imported" in str(caught.value) and "line 3, column leg_pain" in str(caught.value)
    assert journal.readings() == []
