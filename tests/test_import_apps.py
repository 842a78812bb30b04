"""Importing another diary's export: each app's reader, the pain choice, the preview, all or nothing."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from journal.app.importing_apps import Clash, default_choice, import_planned, plan_import, preview_lines, read_export
from journal.core.day import DayEntry, ReliefUse
from journal.core.errors import UserError
from journal.formats.importers import SOURCES, parse_export
from journal.formats.importers.common import ForeignImportError, PainChoice, ParsedImport, Scale, build_preview, to_ten
from journal.storage.journal import DuplicateDatesError, Journal

DATA = Path(__file__).parent / "data" / "importers"


def parsed(source: str, name: str) -> ParsedImport:
    return parse_export(source, (DATA / name).read_bytes())


def entries(source: str, name: str, choice: PainChoice | None = None) -> dict[dt.date, DayEntry]:
    found = parsed(source, name)
    plan = plan_import(found, choice or default_choice(found), set())
    return {entry.date: entry for entry in plan.preview.entries}


def problems_of(source: str, name: str) -> list[tuple[str, str]]:
    with pytest.raises(ForeignImportError) as caught:
        parsed(source, name)
    return caught.value.problems


# --- the scale rule ----------------------------------------------------------------------


def test_conversion_is_in_proportion_with_halves_rounded_up() -> None:
    assert [to_ten(v, Scale(0, 4)) for v in range(5)] == [0, 3, 5, 8, 10]
    severity = Scale(1, 3, ("Mild", "Moderate", "Severe"))
    assert [to_ten(v, severity) for v in (1, 2, 3)] == [3, 7, 10]
    assert [to_ten(v, Scale(0, 10)) for v in range(11)] == list(range(11))


@pytest.mark.parametrize("source,name", [("bearable", "bearable.csv"), ("flaredown", "flaredown.csv")])
def test_no_score_on_another_scale_becomes_pain_without_a_choice(source: str, name: str) -> None:
    found = parsed(source, name)
    assert found.default_back is None
    plan = plan_import(found, default_choice(found), set())
    assert plan.preview.entries == ()  # a day needs back pain: nothing comes across until the person chooses
    assert len(plan.preview.days_without_pain) == len(found.days)
    assert "choose which item is your back pain" in "\n".join(preview_lines(plan))


@pytest.mark.parametrize(
    "source,name,item", [("pfpd", "pfpd_backup.json", "Pain level"), ("paintracker", "paintracker.json", "Pain")]
)
def test_a_zero_to_ten_pain_score_is_back_pain_by_default_as_it_is(source: str, name: str, item: str) -> None:
    found = parsed(source, name)
    assert found.default_back == item
    plan = plan_import(found, default_choice(found), set())
    assert f"Back pain: “{item}” (0–10) → back pain, as it is." in preview_lines(plan)


def test_unknown_item_chosen_is_a_clear_error() -> None:
    found = parsed("flaredown", "flaredown.csv")
    with pytest.raises(UserError, match="no scored item “Backache”. Its scored items: “Back pain”"):
        plan_import(found, PainChoice(back="Backache"), set())


# --- Bearable ------------------------------------------------------------------------------


def test_bearable_several_readings_a_day_keep_the_highest_and_list_each() -> None:
    days = entries("bearable", "bearable.csv", PainChoice(back="Back pain", leg="Sciatica"))
    saturday = days[dt.date(2024, 3, 2)]
    assert saturday.back_pain == 10  # Moderate (7) at 08:30, Severe (10) in the evening
    assert saturday.leg_pain == 3  # Sciatica (Mild)
    assert "08:30 Moderate → 7, pm Severe → 10; the day keeps the highest, 10." in saturday.notes
    assert "Long drive to my sister's, then sat for hours" in saturday.notes  # commas in a quoted note
    assert saturday.medications == ("Ibuprofen (200mg) × 2",)
    assert saturday.triggers == ("Driving", "Poor posture")
    assert saturday.sleep_hours == 6.5
    assert days[dt.date(2024, 3, 3)].back_pain == 3


def test_bearable_preview_lists_what_did_not_come_across() -> None:
    plan = plan_import(parsed("bearable", "bearable.csv"), PainChoice(back="Back pain"), set())
    text = "\n".join(preview_lines(plan))
    assert "Mood and energy scores (Bearable's own scales; Pain Journal does not rescale them): 2 times" in text
    assert "Gratitude rows (no place for them in Pain Journal): 1 time" in text
    assert "1 day with no back pain score" in text and "2024-03-04" in text
    # The day left out mentions numbness between the legs: the person is told, though it is not imported.
    assert "Days left out (no back pain score) whose words may describe a warning sign" in text
    assert "  • 2024-03-04: numbness in the saddle area" in text
    assert "Back pain: “Back pain” (1–3: Mild, Moderate, Severe) → back pain 0–10: Mild→3, Moderate→7, Severe→10." in text
    # Not chosen: kept as a symptom, its word in the note.
    monday = plan_import(parsed("bearable", "bearable.csv"), PainChoice(back="Numbness"), set()).preview.entries[0]
    assert monday.date == dt.date(2024, 3, 4)


def test_bearable_older_layout_and_utf16_read_alike() -> None:
    old = entries("bearable", "bearable_old.csv", PainChoice(back="Back pain"))
    wide = entries("bearable", "bearable_utf16.csv", PainChoice(back="Back pain"))
    assert old[dt.date(2020, 9, 22)].back_pain == wide[dt.date(2020, 9, 22)].back_pain == 10
    assert wide[dt.date(2020, 9, 23)].notes.startswith("mid: ok day – café\n")
    assert "converted: mid Mild → 3." in wide[dt.date(2020, 9, 23)].notes


def test_bearable_unquoted_commas_in_notes_name_the_line() -> None:
    assert problems_of("bearable", "bearable_unquoted_commas.csv") == [
        ("line 3", "has 10 cells; the header has 8 (is a comma in a note unquoted?)")
    ]


def test_bearable_wrong_encoding_names_the_line() -> None:
    [(where, message)] = problems_of("bearable", "bearable_latin1.csv")
    assert where == "line 3"
    assert "not UTF-8 text" in message


def test_bearable_not_an_export() -> None:
    with pytest.raises(ForeignImportError, match="not a Bearable export: no 'category'"):
        parse_export("bearable", b"date,back_pain\n2024-01-01,3\n")


# --- Flaredown -------------------------------------------------------------------------------


def test_flaredown_columns_by_kind() -> None:
    days = entries("flaredown", "flaredown.csv", PainChoice(back="Back pain", leg="Leg pain"))
    first = days[dt.date(2024, 5, 1)]
    assert (first.back_pain, first.leg_pain) == (8, 5)  # 3 and 2 on 0–4
    assert first.medications == ("Naproxen (500 mg)", "Physiotherapy")
    assert first.triggers == ("stress", "long drive")
    assert first.symptoms == ("Lumbar disc herniation", "Fatigue")
    assert "Fatigue (Flaredown, 0–4): 1" in first.notes
    second = days[dt.date(2024, 5, 2)]
    assert second.medications == ()  # "Not Taken"
    assert "Fatigue" not in second.symptoms  # scored 0: not at all, but the 0 is in the note
    assert "Fatigue (Flaredown, 0–4): 0" in second.notes
    text = "\n".join(preview_lines(plan_import(parsed("flaredown", "flaredown.csv"), PainChoice(back="Back pain"), set())))
    assert "Weather (Pain Journal does not record it): 3 times" in text
    assert "Foods (Pain Journal has no food log): 2 times" in text


def test_flaredown_bad_dates_name_each_line() -> None:
    problems = problems_of("flaredown", "flaredown_bad_date.csv")
    assert [where for where, _ in problems] == ["line 3", "line 4"]


# --- Privacy Friendly Pain Diary -------------------------------------------------------------


def test_pain_diary_backup_tables_to_days() -> None:
    days = entries("pfpd", "pfpd_backup.json")
    first = days[dt.date(2024, 6, 10)]
    assert first.back_pain == 7
    assert first.pain_locations == {"lower_back_right", "buttock_right", "thigh_right", "calf_right"}
    assert "Where it hurt: neck" in first.notes  # region 14 is not on the body map
    assert first.medications == ("Paracetamol (500 mg)", "Heat pad")
    assert "Paracetamol taken: morning 2, evening 2" in first.notes
    assert "The pain felt: stabbing, shooting" in first.notes
    assert first.notes.startswith("Bent to lift the laundry basket")
    assert days[dt.date(2024, 6, 11)].pain_locations == {"lower_back_left"}
    assert dt.date(2024, 6, 12) not in days  # no pain description: listed as left out
    text = "\n".join(preview_lines(plan_import(parsed("pfpd", "pfpd_backup.json"), PainChoice(back="Pain level"), set())))
    assert "“How do you feel” (condition, the Pain Diary's 0–4 mood scale; not rescaled): 3 times" in text
    assert "Your profile (name, birth date)" in text


def test_pain_diary_broken_json_names_line_and_column() -> None:
    [(where, message)] = problems_of("pfpd", "pfpd_broken.json")
    assert where.startswith("line 8, column ")
    assert "not complete JSON" in message


# --- PainTracker --------------------------------------------------------------------------------


def test_paintracker_entries_to_days() -> None:
    days = entries("paintracker", "paintracker.json")
    first = days[dt.date(2024, 7, 1)]
    assert first.back_pain == 8
    assert "Back pain readings" not in first.notes  # 08:15 6 and 19:40 8 are pain-now readings now
    assert first.pain_locations == {"lower_back_centre", "lower_back_right", "calf_left"}
    assert "Where it hurt: Neck" in first.notes
    assert first.medications == ("Ibuprofen (400mg)",)
    assert "Ibuprofen: taken twice daily; helped: moderate" in first.notes
    assert first.notes.count("Sleep quality (PainTracker's scale): 4") == 1
    text = "\n".join(preview_lines(plan_import(parsed("paintracker", "paintracker.json"), PainChoice(back="Pain"), set())))
    assert "Where you were (location data is never imported): 1 time" in text
    assert "2024-07-01: numbness or tingling in legs" in text  # "Tingling" screened as CSV imports are


def test_paintracker_bad_entries_are_named() -> None:
    assert problems_of("paintracker", "paintracker_bad_entry.json") == [
        ("entry 2", "“pain” must be a number from 0 to 10, not '14'"),
        ("entry 3", "“timestamp” 'not a time' is not a date and time"),
    ]
    [(where, _)] = problems_of("paintracker", "paintracker_broken.json")
    assert where == "line 2, column 31"


# --- days through the journal's rules; all or nothing ---------------------------------------------


def test_a_day_breaking_a_journal_rule_names_its_entry_and_nothing_is_planned() -> None:
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    data = (
        '[{"timestamp": "2024-01-01T10:00:00", "baselineData": {"pain": 4}}, '
        f'{{"timestamp": "{future}T10:00:00", "baselineData": {{"pain": 4}}}}]'
    )
    found = parse_export("paintracker", data.encode())
    with pytest.raises(ForeignImportError) as caught:
        build_preview(found, PainChoice(back="Pain"))
    assert caught.value.problems == [(f"entry 2 ({future})", f"date {future} is in the future")]


def test_import_writes_the_preview_and_clashes_skip_replace_or_stop(db_path: Path) -> None:
    journal = Journal.open(db_path)
    try:
        kept = DayEntry(date=dt.date(2024, 7, 2), back_pain=1, notes="my own day")
        journal.save_day(kept)
        found = read_export("paintracker", DATA / "paintracker.json")
        plan = plan_import(found, default_choice(found), journal.logged_dates())
        assert plan.clashes == (dt.date(2024, 7, 2),)
        assert "Already in your journal (1 day): 2024-07-02." in preview_lines(plan)

        with pytest.raises(DuplicateDatesError):
            import_planned(journal, plan, Clash.STOP)
        assert journal.count() == 1  # nothing written

        result = import_planned(journal, plan, Clash.SKIP).value
        assert result.count == 1 == plan.to_write(Clash.SKIP)
        assert journal.day(dt.date(2024, 7, 2)) == kept
        stored, previewed = journal.day(dt.date(2024, 7, 1)), plan.preview.entries[0]
        assert stored is not None  # as previewed (names take the spelling the journal already knows)
        assert stored.replace(symptoms=()) == previewed.replace(symptoms=())
        assert [s.casefold() for s in stored.symptoms] == [s.casefold() for s in previewed.symptoms]
        assert [d for d, _ in result.days_to_check] == [dt.date(2024, 7, 1)]

        import_planned(journal, plan, Clash.REPLACE)
        replaced = journal.day(dt.date(2024, 7, 2))
        assert replaced is not None and replaced.back_pain == 3 and replaced.notes == plan.preview.entries[1].notes
    finally:
        journal.close()


def test_every_source_has_a_reader_and_a_test_file() -> None:
    assert set(SOURCES) == {"bearable", "flaredown", "pfpd", "paintracker"}
    for key in SOURCES:
        assert list(DATA.glob(f"{key}*")), key


def test_paintracker_full_entry_every_field_is_placed_or_listed() -> None:
    found = parsed("paintracker", "paintracker_full.json")
    plan = plan_import(found, default_choice(found), set())
    [day] = plan.preview.entries
    assert day.date == dt.date(2024, 8, 5) and day.back_pain == 5
    assert day.pain_locations == {"lower_back_centre", "thigh_right"}
    assert day.medications == ("Naproxen (250 mg)", "Physiotherapy")
    for line in (
        "Activities limited: Lifting, Sitting",
        "Mobility aids: Cane",
        "Medication changes: Stopped amitriptyline last week",
        "Physiotherapy: helped: Helped a lot",
        "Naproxen: taken twice a day; helped: Moderate",
        "Treatments planned: Hydrotherapy",
        "Social life: Missed a dinner",
        "Work missed: 1",
        "Work limitations: No lifting",
    ):
        assert line in day.notes, line
    text = "\n".join(preview_lines(plan))
    assert "Who gave a treatment (a person's name; not imported): 1 time" in text
    assert "“weatherSnapshot” (no place for it in Pain Journal): 1 time" in text
    assert "Dr Example" not in day.notes


def test_pain_diary_backup_with_the_apps_own_table_names() -> None:
    """The app's code names tables in the singular with lower-case columns; rows may be lists in column order."""
    days = entries("pfpd", "pfpd_backup_app_names.json")
    first = days[dt.date(2024, 9, 1)]
    assert first.back_pain == 5
    assert first.pain_locations == {"lower_back_left", "buttock_left", "calf_left"}
    assert first.medications == ("Ibuprofen (400 mg)",)
    assert "Ibuprofen taken: evening 1, night 1" in first.notes
    assert "The pain felt: burning" in first.notes and "When it hurt: at night" in first.notes
    assert first.notes.startswith("Bad night")
    assert days[dt.date(2024, 9, 2)].back_pain == 2
    text = "\n".join(preview_lines(plan_import(parsed("pfpd", "pfpd_backup_app_names.json"), PainChoice("Pain level"), set())))
    assert "Your profile (name, birth date) (no place for it in Pain Journal): 1 time" in text
    assert "sqlite_sequence" not in text


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="changing the time zone of a running process needs tzset (Unix)")
def test_paintracker_utc_times_fall_on_the_local_day(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b'[{"timestamp": "2024-07-02T02:30:00.000Z", "baselineData": {"pain": 4}}]'
    try:
        monkeypatch.setenv("TZ", "America/New_York")
        time.tzset()
        [day] = plan_import(parse_export("paintracker", data), PainChoice(back="Pain"), set()).preview.entries
        assert day.date == dt.date(2024, 7, 1)  # 22:30 the evening before, where it was written
        monkeypatch.setenv("TZ", "UTC")
        time.tzset()
        [day] = plan_import(parse_export("paintracker", data), PainChoice(back="Pain"), set()).preview.entries
        assert day.date == dt.date(2024, 7, 2)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_one_item_cannot_be_both_back_and_leg_pain() -> None:
    found = parsed("flaredown", "flaredown.csv")
    with pytest.raises(UserError, match="cannot be both back pain and leg pain"):
        plan_import(found, PainChoice(back="Back pain", leg="Back pain"), set())


# --- what helped: only the journal's own relief names and rating words ----------------------


def _paintracker_day(medications: str, treatments: str) -> tuple[DayEntry, str]:
    data = (
        '[{"timestamp": "2024-09-02T09:00:00", "baselineData": {"pain": 5},'
        f' "medications": {{"current": [{medications}]}},'
        f' "treatments": {{"recent": [{treatments}]}}}}]'
    )
    found = parse_export("paintracker", data.encode())
    plan = plan_import(found, default_choice(found), set())
    [day] = plan.preview.entries
    return day, "\n".join(preview_lines(plan))


def test_paintracker_effectiveness_in_the_journals_words_becomes_the_medication_rating() -> None:
    day, text = _paintracker_day(
        '{"name": "Ibuprofen", "dosage": "400mg", "effectiveness": "Helped a lot"},'
        ' {"name": "Paracetamol", "effectiveness": "did not help"},'
        ' {"name": "Codeine", "effectiveness": "helped  a LITTLE"}',
        "",
    )
    assert day.medications == ("Ibuprofen (400mg)", "Paracetamol", "Codeine")
    assert day.medication_helped == (("Ibuprofen (400mg)", 2), ("Paracetamol", 0), ("Codeine", 1))
    assert "helped:" not in day.notes  # a rating that came across is not repeated in the note
    assert "Becomes “What helped”" in text
    assert "  • Ibuprofen (400mg) (medication): 1 day (helped a lot 1 day)" in text
    assert "Medication effectiveness in the journal's own words → what helped, with that rating (3 times)" in text


@pytest.mark.parametrize("effectiveness", ["moderate", "7", "Very effective", "helped", ""])
def test_paintracker_effectiveness_on_another_scale_stays_in_the_note(effectiveness: str) -> None:
    day, text = _paintracker_day(f'{{"name": "Naproxen", "effectiveness": "{effectiveness}"}}', "")
    assert day.medications == ("Naproxen",)
    assert day.medication_helped == ()
    if effectiveness:
        assert f"Naproxen: helped: {effectiveness}" in day.notes
    assert "Becomes “What helped”" not in text


def test_paintracker_treatment_with_a_relief_name_becomes_what_helped() -> None:
    day, text = _paintracker_day(
        "",
        '{"type": "HEAT", "effectiveness": "helped a little"}, {"type": "tens"},'
        ' {"type": "Rest", "effectiveness": "somewhat"}, {"type": "Physiotherapy", "effectiveness": "Helped a lot"}',
    )
    assert day.relief == (ReliefUse("heat", 1), ReliefUse("TENS", None), ReliefUse("rest", None))
    assert day.medications == ("Physiotherapy",)  # not a relief name: as before
    assert day.medication_helped == ()  # a treatment is never given a medication rating
    assert "Physiotherapy: helped: Helped a lot" in day.notes
    assert "Rest: helped: somewhat" in day.notes  # not the journal's words: kept in the note, unrated
    assert "HEAT: helped" not in day.notes
    assert "  • heat (relief): 1 day (helped a little 1 day)" in text
    assert "  • TENS (relief): 1 day (not rated 1 day)" in text
    assert "Recent treatments that are relief → what helped (3 times)" in text


def test_bearable_factors_with_a_relief_name_become_what_helped_and_others_stay_triggers() -> None:
    data = (
        "date,weekday,time of day,category,rating/amount,detail,notes\n"
        "2nd Mar 2024,Saturday,08:30,Symptom,2,Back pain (Moderate),\n"
        "2nd Mar 2024,Saturday,all day,Factors,,Heat | Driving | lying down | Heat pad,\n"
    )
    found = parse_export("bearable", data.encode())
    plan = plan_import(found, PainChoice(back="Back pain"), set())
    [day] = plan.preview.entries
    assert day.relief == (ReliefUse("lying down", None),)
    # Only an exact relief name, ignoring case; "Heat" as a factor may be the weather, so it stays.
    assert day.triggers == ("Heat", "Driving", "Heat pad")
    text = "\n".join(preview_lines(plan))
    assert "Factors that are relief (rest, lying down, …) → what helped (1 time)" in text
    assert "  • lying down (relief): 1 day (not rated 1 day)" in text


def test_files_without_relief_names_or_ratings_import_as_before() -> None:
    for source, name, choice in (
        ("bearable", "bearable.csv", PainChoice(back="Back pain")),
        ("paintracker", "paintracker.json", None),
        ("paintracker", "paintracker_full.json", None),
    ):
        for day in entries(source, name, choice).values():
            assert day.relief == () and day.medication_helped == (), (source, day.date)


def test_what_helped_is_written_to_the_journal(db_path: Path) -> None:
    data = (
        '[{"timestamp": "2024-09-02T09:00:00", "baselineData": {"pain": 5},'
        ' "medications": {"current": [{"name": "Ibuprofen", "effectiveness": "helped a lot"}]},'
        ' "treatments": {"recent": [{"type": "Massage", "effectiveness": "did not help"}]}}]'
    )
    found = parse_export("paintracker", data.encode())
    journal = Journal.open(db_path)
    try:
        import_planned(journal, plan_import(found, default_choice(found), set()), Clash.STOP)
        [day] = journal.days()
    finally:
        journal.close()
    assert day.relief == (ReliefUse("massage", 0),)
    assert day.medication_helped == (("Ibuprofen", 2),)


def test_flaredown_treatment_with_a_relief_name_becomes_what_helped() -> None:
    data = (
        "Date,Back pain,Heat,tens,Heat wrap,Naproxen,Tags\n"
        "2024-05-01 00:00:00 UTC,3,Taken,20 min,Taken,500 mg,rest\n"
        "2024-05-02 00:00:00 UTC,2,Not Taken,,,,\n"
    )
    found = parse_export("flaredown", data.encode())
    days = {day.date: day for day in plan_import(found, PainChoice(back="Back pain"), set()).preview.entries}
    first, second = days[dt.date(2024, 5, 1)], days[dt.date(2024, 5, 2)]
    assert first.relief == (ReliefUse("heat", None), ReliefUse("TENS", None))
    assert "tens: 20 min" in first.notes  # the amount is kept in the note, never made a rating
    assert first.medications == ("Heat wrap", "Naproxen (500 mg)")  # not relief names: as before
    assert first.triggers == ("rest",)  # tags are not self-care records: as before
    assert second.relief == ()  # "Not Taken"
