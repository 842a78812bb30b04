"""Several timed pain entries a day from another app come in as pain-now readings, all or nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from journal.app.importing_apps import Clash, ImportPlan, default_choice, import_planned, plan_import, preview_lines
from journal.core.day import DayEntry
from journal.core.errors import ValidationError
from journal.core.readings import PainReading, suggested_day_pain
from journal.formats.importers import parse_export
from journal.formats.importers.common import PainChoice
from journal.storage.day_imports import import_days_with_readings
from journal.storage.journal import DuplicateDatesError, Journal

DATA = Path(__file__).parent / "data" / "importers"
JULY_1 = dt.date(2024, 7, 1)
SATURDAY = dt.date(2024, 3, 2)

BEARABLE = """date,date formatted,weekday,time of day,category,rating/amount,detail,notes
2nd Mar 2024,2024-03-02,Saturday,08:30,Symptom,2,Back pain (Moderate) | Sciatica (Mild),Stiff getting up
2nd Mar 2024,2024-03-02,Saturday,13:05,Symptom,1,Back pain (Mild),
2nd Mar 2024,2024-03-02,Saturday,21:40,Symptom,3,Back pain (Severe) | Sciatica (Moderate),
2nd Mar 2024,2024-03-02,Saturday,pm,Symptom,2,Back pain (Moderate),
3rd Mar 2024,2024-03-03,Sunday,09:00,Symptom,1,Back pain (Mild),
"""


def at(date: dt.date, clock: str, back: int, leg: int | None = None) -> PainReading:
    hours, minutes = clock.split(":")
    return PainReading(date, dt.time(int(hours), int(minutes)), back, leg)


def paintracker_plan(logged: set[dt.date] | None = None) -> ImportPlan:
    found = parse_export("paintracker", (DATA / "paintracker.json").read_bytes())
    return plan_import(found, default_choice(found), logged or set())


def bearable_plan() -> ImportPlan:
    found = parse_export("bearable", BEARABLE.encode())
    return plan_import(found, PainChoice(back="Back pain", leg="Sciatica"), set())


def test_paintracker_entries_with_times_on_one_day_become_readings_not_note_lines() -> None:
    plan = paintracker_plan()
    assert plan.preview.readings == (at(JULY_1, "08:15", 6), at(JULY_1, "19:40", 8))
    first = next(e for e in plan.preview.entries if e.date == JULY_1)
    suggested = suggested_day_pain(plan.preview.readings)
    assert suggested is not None and first.back_pain == 8 == suggested[0]
    assert "08:15 6" not in first.notes and "Back pain readings" not in first.notes
    # One entry on 2 July is the day's own rating: no reading repeats it.
    assert all(r.date == JULY_1 for r in plan.preview.readings)
    text = "\n".join(preview_lines(plan))
    assert "Pain entries with a time, several a day → pain-now readings (2 readings on 1 day" in text


def test_bearable_timed_entries_become_readings_with_the_leg_pain_of_the_same_time() -> None:
    plan = bearable_plan()
    # Mild 3, Moderate 7, Severe 10 (the conversion the preview spells out); Sciatica pairs by time.
    assert plan.preview.readings == (at(SATURDAY, "08:30", 7, 3), at(SATURDAY, "13:05", 3), at(SATURDAY, "21:40", 10, 7))
    saturday = next(e for e in plan.preview.entries if e.date == SATURDAY)
    assert (saturday.back_pain, saturday.leg_pain) == (10, 7)
    assert (saturday.back_pain, saturday.leg_pain) == suggested_day_pain(plan.preview.readings)
    # The entry without a clock time ("pm") cannot be a reading: it stays in the note, said so.
    assert "converted: pm Moderate → 7; the day keeps the highest, 10; the others are pain-now readings." in saturday.notes
    assert "08:30 Moderate" not in saturday.notes and "21:40" not in saturday.notes
    assert "Sciatica" not in saturday.notes  # both leg entries are in readings
    # One timed entry on Sunday: the day's rating, no reading.
    sunday = next(e for e in plan.preview.entries if e.date == dt.date(2024, 3, 3))
    assert sunday.back_pain == 3


def test_import_keeps_the_readings_and_importing_again_adds_none(db_path: Path) -> None:
    journal = Journal.open(db_path)
    try:
        result = import_planned(journal, paintracker_plan(), Clash.STOP)
        assert result.value.readings == 2
        assert [s.reading for s in journal.readings(JULY_1, JULY_1)] == [at(JULY_1, "08:15", 6), at(JULY_1, "19:40", 8)]
        for clash in (Clash.REPLACE, Clash.SKIP):
            again = import_planned(journal, paintracker_plan(journal.logged_dates()), clash)
            assert again.value.readings == 0
            assert len(journal.readings()) == 2
    finally:
        journal.close()


def test_bearable_import_writes_its_readings_once(db_path: Path) -> None:
    journal = Journal.open(db_path)
    try:
        import_planned(journal, bearable_plan(), Clash.STOP)
        import_planned(journal, bearable_plan(), Clash.REPLACE)
        assert [s.reading for s in journal.readings()] == list(bearable_plan().preview.readings)
    finally:
        journal.close()


def test_an_import_that_stops_writes_no_readings(db_path: Path) -> None:
    journal = Journal.open(db_path)
    try:
        journal.save_day(DayEntry(date=JULY_1, back_pain=2, notes="my own day"))
        plan = paintracker_plan(journal.logged_dates())
        with pytest.raises(DuplicateDatesError):
            import_planned(journal, plan, Clash.STOP)
        assert journal.readings() == [] and journal.count() == 1
        # Skipping the day already logged skips its readings too: the journal's day stays as it was.
        assert import_planned(journal, plan, Clash.SKIP).value.readings == 0
        assert journal.readings() == []
    finally:
        journal.close()


def test_days_and_readings_go_in_together_or_not_at_all(db_path: Path) -> None:
    journal = Journal.open(db_path)
    try:
        day = DayEntry(date=JULY_1, back_pain=8)
        with pytest.raises(ValidationError):
            import_days_with_readings(journal, [day], [at(JULY_1, "08:15", 6), at(JULY_1, "19:40", 11)])
        assert journal.count() == 0 and journal.readings() == []
        journal.save_day(DayEntry(date=JULY_1, back_pain=2))
        with pytest.raises(DuplicateDatesError):
            import_days_with_readings(journal, [day], [at(JULY_1, "08:15", 6)])
        assert journal.readings() == []
    finally:
        journal.close()


def test_a_file_with_the_same_reading_twice_keeps_both_once(db_path: Path) -> None:
    entries = [
        {"id": n, "timestamp": f"2024-07-01T{clock}:00", "baselineData": {"pain": 5}}
        for n, clock in enumerate(("08:15", "08:15", "20:00"), start=1)
    ]
    found = parse_export("paintracker", json.dumps(entries).encode())
    journal = Journal.open(db_path)
    try:
        for clash in (Clash.STOP, Clash.REPLACE):
            import_planned(journal, plan_import(found, default_choice(found), journal.logged_dates()), clash)
            assert [s.reading.clock for s in journal.readings()] == ["08:15", "08:15", "20:00"]
    finally:
        journal.close()


def test_the_command_line_says_how_many_readings_came_in(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from journal.cli import main

    args = ["import", "--db", str(db_path), "--from", "paintracker", str(DATA / "paintracker.json"), "--yes"]
    assert main(args) == 0
    assert "Imported 2 days and 2 pain-now readings into" in capsys.readouterr().out
    assert main([*args, "--clash", "replace"]) == 0
    assert "Imported 2 days into" in capsys.readouterr().out  # the same file again: no reading twice
