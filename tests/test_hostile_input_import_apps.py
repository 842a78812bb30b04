"""Hostile exports from other apps: each imports fully as previewed or changes nothing, naming the line or entry."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from journal.app.importing_apps import Clash, import_planned, plan_import, read_export
from journal.core.errors import UserError
from journal.formats.csv_io import MAX_FILE_BYTES
from journal.formats.importers import parse_export
from journal.formats.importers.common import ForeignImportError, PainChoice
from journal.storage.journal import Journal

HEADER = "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
FACTORS = ("Driving", "Sitting", "Lifting", "Poor sleep", "Stress", "Cold", "Gardening", "Housework")


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def bearable_day(date: dt.date, rows: int) -> str:
    """One day of a Bearable export: readings through the day, factors, and notes with commas, quoted."""
    label = f"{ordinal(date.day)} {date.strftime('%b %Y')},{date.isoformat()},{date.strftime('%A')}"
    lines = []
    for n in range(rows):
        hour = 6 + n % 16
        if n % 4 == 0:
            severity = ("Mild", "Moderate", "Severe")[(date.toordinal() + n) % 3]
            lines.append(f"{label},{hour:02d}:{n % 60:02d},Symptom,,Back pain ({severity}),\n")
        else:
            note = f'"Walked, then sat; {n}, ok"' if n == 1 else ""
            lines.append(f"{label},{hour:02d}:00,Factors,,{FACTORS[n % len(FACTORS)]},{note}\n")
    return "".join(lines)


@pytest.mark.slow
def test_a_60_mb_bearable_file_imports_fully_as_previewed(tmp_path: Path) -> None:
    last = dt.date(2024, 12, 31)
    dates = [last - dt.timedelta(days=n) for n in range(3650)]
    rows_per_day = 275
    path = tmp_path / "bearable-ten-years.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(HEADER)
        for date in dates:
            stream.write(bearable_day(date, rows_per_day))
    size = path.stat().st_size
    assert 60_000_000 <= size < MAX_FILE_BYTES

    started = time.perf_counter()
    parsed = read_export("bearable", path)
    plan = plan_import(parsed, PainChoice(back="Back pain"), set())
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        result = import_planned(journal, plan, Clash.STOP).value
        assert result.count == len(dates) == journal.count()
        stored = journal.day(dates[0])
        previewed = plan.preview.entries[-1]
        assert stored is not None  # as previewed; names take the spelling the journal's lists already have
        assert stored.replace(triggers=()) == previewed.replace(triggers=())
        assert [t.casefold() for t in stored.triggers] == [t.casefold() for t in previewed.triggers]
        assert stored.back_pain == 10  # Severe appears on every day; the highest is kept
        assert {t.casefold() for t in stored.triggers} == {FACTORS[n].casefold() for n in (1, 2, 3, 5, 6, 7)}
        assert "Walked, then sat; 1, ok" in stored.notes
    finally:
        journal.close()
    print(f"Bearable file of {size / 1e6:.1f} MB read, planned and written in {time.perf_counter() - started:.1f} s")


def test_a_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no time spent writing it
    with pytest.raises(ForeignImportError, match="larger than 64 MB"):
        read_export("paintracker", path)


def test_a_folder_or_a_missing_file_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="is a folder"):
        read_export("pfpd", tmp_path)
    with pytest.raises(UserError, match="No such file"):
        read_export("pfpd", tmp_path / "missing.json")


@pytest.mark.parametrize(
    "source,data,where,words",
    [
        ("paintracker", b"[" * 100_000, "", "nested too deeply"),
        ("paintracker", b'{"entries": 3}', "", "expected a list of entries"),
        ("paintracker", b"\xff\xfe" + "[1]".encode("utf-16-le") + b"\x00\xd8", "line 1", "not UTF-16 text"),
        ("paintracker", b'[{"timestamp": "2024-01-01", "baselineData": {"pain": 4.5}}]', "entry 1", "not a whole number"),
        ("paintracker", b'[{"timestamp": "2024-01-01", "baselineData": {"pain": true}}]', "entry 1", "from 0 to 10"),
        ("paintracker", b"[3]", "entry 1", "is not an entry object"),
        ("pfpd", b"{}", "", "not a Privacy Friendly Pain Diary backup"),
        ("pfpd", b'{"database": {"content": [{"tableName": "drugs", "values": []}]}}', "", "no diary entries table"),
        (
            "pfpd",
            json.dumps(
                {
                    "database": {
                        "content": [
                            {"tableName": "diaryentries", "values": [{"_id": "1", "date": "2024-02-01"}]},
                            {"tableName": "drugintakes", "values": [{"morning": "1", "drug_id": "9", "diaryEntry_id": "1"}]},
                        ]
                    }
                }
            ).encode(),
            "diary entry 1",
            "drug '9', which the backup lacks",
        ),
        (
            "pfpd",
            json.dumps(
                {
                    "database": {
                        "content": [
                            {
                                "tableName": "diaryentries",
                                "values": [{"_id": "1", "date": "2024-02-01", "painDescription_id": "1"}],
                            },
                            {"tableName": "paindescriptions", "values": [{"_id": "1", "painLevel": "4", "bodyRegions": "3,99"}]},
                        ]
                    }
                }
            ).encode(),
            "diary entry 1",
            "99 is not one of the Pain Diary's regions",
        ),
        ("flaredown", b"", "", "the file is empty"),
        ("flaredown", b"Day,Back pain\n", "line 1", "not a Flaredown export"),
        ("flaredown", b'Date,Back pain\n2024-01-01,"3\n', "line 2", "broken CSV quoting"),
        ("bearable", b"date,category,rating/amount,detail\n\x00", "line 2", "NUL bytes"),
        ("bearable", b"date,category,rating/amount,detail\n31st Feb 2024,Symptom,1,x\n", "line 2", "not a real date"),
        (
            "bearable",
            b"date,category,rating/amount,detail\n3 Smarch 2024,Symptom,1,x\n",
            "line 2",
            "not a date like 22nd Sep 2020",
        ),
    ],
)
def test_each_broken_file_names_where(source: str, data: bytes, where: str, words: str) -> None:
    with pytest.raises(ForeignImportError) as caught:
        parse_export(source, data)
    first_where, message = caught.value.problems[0]
    assert first_where == where
    assert words in message
    assert str(caught.value).startswith("Nothing was imported from the ")


def test_names_too_long_or_too_many_go_to_the_note_not_lost() -> None:
    tags = "; ".join(f"tag {n}" for n in range(45)) + "; " + "x" * 80
    data = f'Date,Back pain,Tags\n2024-01-01 00:00:00 UTC,2,"{tags}"\n'.encode()
    plan = plan_import(parse_export("flaredown", data), PainChoice(back="Back pain"), set())
    [entry] = plan.preview.entries
    assert len(entry.triggers) == 40
    assert "Triggers: tag 40, tag 41, tag 42, tag 43, tag 44, " + "x" * 80 in entry.notes


def test_a_semicolon_in_a_name_becomes_a_comma() -> None:
    data = b"date,category,rating/amount,detail\n1st Feb 2024,Symptom,2,Back pain (Moderate) | Ache; sharp (Mild)\n"
    plan = plan_import(parse_export("bearable", data), PainChoice(back="Back pain"), set())
    assert plan.preview.entries[0].symptoms == ("Ache, sharp",)


def test_a_day_too_long_for_the_journal_stops_the_whole_import_naming_its_line(tmp_path: Path) -> None:
    long_note = "word " * 2500
    data = (
        "date,category,rating/amount,detail,notes\n"
        "1st Feb 2024,Symptom,2,Back pain (Moderate),\n"
        + "".join(f'2nd Feb 2024,Symptom,2,Back pain (Moderate),"{long_note}"\n' for _ in range(2))
    ).encode()
    with pytest.raises(ForeignImportError) as caught:
        plan_import(parse_export("bearable", data), PainChoice(back="Back pain"), set())
    [(where, message)] = caught.value.problems
    assert where == "line 3 (2024-02-02)"
    assert message.startswith("notes is ") and "the limit is 20,000" in message
