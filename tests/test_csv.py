"""The CSV interchange format: exact round trips, formula safety, and precise error reports."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.core.catalog import CatalogKind
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.errors import UserError
from journal.core.sample_data import sample_days
from journal.core.validation import validate_day
from journal.formats.csv_io import (
    COLUMNS,
    MAX_REPORTED_PROBLEMS,
    CsvImportError,
    ParsedCsv,
    export_csv_file,
    parse_csv,
    protect_cell,
    read_csv_file,
    unprotect_cell,
    write_csv,
)
from journal.storage.journal import Journal

TODAY = dt.date(2024, 12, 31)
D1 = dt.date(2024, 5, 1)


def csv_bytes(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def parse(*lines: str) -> ParsedCsv:
    return parse_csv(csv_bytes(*lines), today=TODAY)


def failure(data: bytes) -> CsvImportError:
    with pytest.raises(CsvImportError) as caught:
        parse_csv(data, today=TODAY)
    assert isinstance(caught.value, UserError)
    assert str(caught.value).startswith("Nothing was imported")
    return caught.value


def failure_of(*lines: str) -> CsvImportError:
    return failure(csv_bytes(*lines))


def exported(entries: list[DayEntry]) -> bytes:
    stream = io.StringIO(newline="")
    write_csv(entries, stream)
    return stream.getvalue().encode("utf-8")


def cells_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


# --- exact round trips -----------------------------------------------------------------

TRICKY_NOTES = {
    "commas": "Walked, sat, walked again, then rested.",
    "quotes": 'She said "take it easy" and I said "I am".',
    "line breaks": "Morning: stiff.\nAfternoon: better.\n\nEvening:\tsore again.",
    "chinese": "今天腰很痛，走路以后好一点。",
    "greek": "Πόνος στη μέση, καλύτερα μετά το περπάτημα.",
    "emoji": "😣 bad start, 🚶‍♀️ walk, 😊 better \U0001fae8",
    "equals": "=SUM(A1:A9)",
    "plus": "+44 20 7946 0000 called the clinic",
    "minus": "-2 points since yesterday",
    "at": "@physio appointment moved",
    "apostrophe": "'tis a better day",
    "apostrophe then equals": "'=already quoted",
    "two apostrophes then equals": "''=x",
    "lone apostrophe": "'",
    "dde": "=cmd|' /C calc'!A0",
}


def tricky_entries() -> list[DayEntry]:
    entries = []
    for index, note in enumerate(TRICKY_NOTES.values()):
        entries.append(
            DayEntry(
                date=D1 + dt.timedelta(days=index),
                back_pain=index % 11,
                leg_pain=(index * 3) % 11,
                pain_locations=frozenset({"buttock_left", "lower_back_centre"}) if index % 2 else frozenset(),
                morning_stiffness_min=index * 5,
                sleep_hours=6.25 + index / 4,
                sleep_quality=index % 7,
                stress=index % 5,
                interference_enjoyment=index % 9,
                interference_activity=index % 10,
                activities=(ActivityMinutes("walking", 30), ActivityMinutes('=odd, "activity"', 5))
                if index % 3 == 0
                else (ActivityMinutes("+gym", 45),),
                triggers=("@work", "cold or damp weather") if index % 2 else ("-weird trigger",),
                symptoms=("stiffness", '草, "grass" allergy'),
                medications=("=1+1 tablet", "ibuprofen 200 mg, twice") if index % 2 else ("heat pack",),
                notes=note,
                questions=note[::-1] if index % 2 else "",
            )
        )
    return [validate_day(e, today=TODAY) for e in entries]


def test_tricky_notes_survive_validation_unchanged() -> None:
    assert [e.notes for e in tricky_entries()] == list(TRICKY_NOTES.values())


def test_export_import_export_is_byte_identical(tmp_path: Path) -> None:
    source = Journal.open(tmp_path / "source.sqlite3")
    target = Journal.open(tmp_path / "target.sqlite3")
    try:
        source.import_days(tricky_entries(), today=TODAY)
        first = tmp_path / "first.csv"
        second = tmp_path / "second.csv"
        assert export_csv_file(source.days(), first) == len(TRICKY_NOTES)

        parsed = read_csv_file(first, today=TODAY)
        assert parsed.ignored_columns == []
        target.import_days(parsed.entries, today=TODAY)
        assert target.days() == source.days() == tricky_entries()
        export_csv_file(target.days(), second)
        assert second.read_bytes() == first.read_bytes()
        assert not list(tmp_path.glob("*.part"))
    finally:
        source.close()
        target.close()


def test_exported_file_shape() -> None:
    data = exported(tricky_entries())
    text = data.decode("utf-8")
    assert text.startswith(",".join(COLUMNS) + "\r\n")
    assert not text.startswith("\ufeff")
    assert text.endswith("\r\n")
    # The embedded line break stays a bare \n inside its quoted cell.
    assert '"Morning: stiff.\nAfternoon: better.\n\nEvening:\tsore again."' in text


def test_formula_cells_are_neutralised_and_restored() -> None:
    entries = tricky_entries()
    rows = cells_of(exported(entries))
    by_label = dict(zip(TRICKY_NOTES, rows))
    for label in ("equals", "plus", "minus", "at", "dde"):
        cell = by_label[label]["notes"]
        assert cell == "'" + TRICKY_NOTES[label], label
    # An apostrophe before a formula character (or another apostrophe) is doubled...
    assert by_label["apostrophe then equals"]["notes"] == "''=already quoted"
    assert by_label["two apostrophes then equals"]["notes"] == "'''=x"
    # ...while ordinary text, including a leading apostrophe before a letter, is left alone.
    assert by_label["apostrophe"]["notes"] == "'tis a better day"
    assert by_label["lone apostrophe"]["notes"] == "'"
    assert by_label["commas"]["notes"] == TRICKY_NOTES["commas"]
    # Every cell a spreadsheet could run as a formula is neutralised, in every column.
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@")), (column, cell)
    assert rows[0]["activities"] == 'walking:30;=odd, "activity":5'  # not at the start: harmless
    assert rows[0]["triggers"] == "'-weird trigger"
    assert rows[1]["activities"] == "'+gym:45"
    assert rows[1]["triggers"] == "'@work;cold or damp weather"
    assert rows[1]["medications"] == "'=1+1 tablet;ibuprofen 200 mg, twice"
    # Reading restores the text exactly.
    assert parse_csv(exported(entries), today=TODAY).entries == entries


@given(st.text())
def test_unprotect_inverts_protect(text: str) -> None:
    protected = protect_cell(text)
    assert unprotect_cell(protected) == text
    assert not protected.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_a_year_of_sample_data_round_trips(journal: Journal, tmp_path: Path) -> None:
    days = [validate_day(e, today=TODAY) for e in sample_days(end=TODAY, days=365)]
    assert len(days) > 300
    journal.import_days(days, today=TODAY)
    assert journal.days() == days
    path = tmp_path / "year.csv"
    export_csv_file(journal.days(), path)
    parsed = read_csv_file(path, today=TODAY)
    assert parsed.entries == days
    assert parsed.lines == list(range(2, len(days) + 2))


# --- what import accepts ----------------------------------------------------------------


def test_only_date_and_back_pain_needed() -> None:
    parsed = parse("date,back_pain", "2024-05-01,4", "2024-05-03,0")
    assert parsed.entries == [DayEntry(D1, 4), DayEntry(dt.date(2024, 5, 3), 0)]
    assert parsed.lines == [2, 3]
    assert parsed.ignored_columns == []


def test_columns_in_any_order_and_empty_cells_mean_not_recorded() -> None:
    parsed = parse("notes,leg_pain,back_pain,date,sleep_hours", "hello,,5,2024-05-01,")
    assert parsed.entries == [DayEntry(D1, 5, notes="hello")]


def test_unknown_columns_ignored_and_reported() -> None:
    parsed = parse("date,Mood,back_pain,weather", "2024-05-01,ok,4,rain")
    assert parsed.entries == [DayEntry(D1, 4)]
    assert parsed.ignored_columns == ["mood", "weather"]


def test_header_case_and_whitespace_tolerated() -> None:
    parsed = parse(" Date ,BACK_PAIN,  Leg_Pain  ,Triggers", "2024-05-01,4,2,stress")
    assert parsed.entries == [DayEntry(D1, 4, leg_pain=2, triggers=("stress",))]


def test_cells_trimmed_and_list_items_tidied() -> None:
    parsed = parse(
        "date,back_pain,triggers,activities,pain_locations",
        ' 2024-05-01 , 4 ," Stress ;  ;poor   sleep;stress","walking: 20; Walking :10 ",calf_left; foot_left',
    )
    assert parsed.entries == [
        DayEntry(
            D1,
            4,
            triggers=("Stress", "poor sleep"),
            activities=(ActivityMinutes("walking", 30),),
            pain_locations=frozenset({"calf_left", "foot_left"}),
        )
    ]


def test_bom_accepted() -> None:
    parsed = parse_csv(b"\xef\xbb\xbf" + csv_bytes("date,back_pain", "2024-05-01,4"), today=TODAY)
    assert parsed.entries == [DayEntry(D1, 4)]


def test_unix_line_endings_accepted() -> None:
    parsed = parse_csv(b"date,back_pain\n2024-05-01,4\n2024-05-02,5", today=TODAY)
    assert [e.back_pain for e in parsed.entries] == [4, 5]


def test_blank_lines_skipped_line_numbers_kept() -> None:
    parsed = parse("date,back_pain", "", "2024-05-01,4", ",", "2024-05-02,5")
    assert parsed.lines == [3, 5]


def test_header_only_gives_no_entries() -> None:
    assert parse("date,back_pain").entries == []


def test_unknown_names_become_catalog_entries(journal: Journal) -> None:
    parsed = parse(
        "date,back_pain,triggers,activities,symptoms",
        "2024-05-01,4,stress;Moving house,Aqua jogging:30;walking:10,clicking hip",
    )
    journal.import_days(parsed.entries, today=TODAY)
    user = {(i.kind, i.name) for i in journal.catalog() if not i.builtin}
    assert user == {
        (CatalogKind.TRIGGER, "Moving house"),
        (CatalogKind.ACTIVITY, "Aqua jogging"),
        (CatalogKind.SYMPTOM, "clicking hip"),
    }


# --- what import refuses, and how it says so ---------------------------------------------


@pytest.mark.parametrize(("bom", "codec"), [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_utf16_rejected_clearly(bom: bytes, codec: str) -> None:
    error = failure(bom + "date,back_pain\r\n2024-05-01,4\r\n".encode(codec))
    assert error.problems == [(0, "", "the file is UTF-16 text; please save it as UTF-8 CSV")]
    assert "UTF-16" in str(error)


def test_utf16_without_bom_rejected() -> None:
    error = failure("date,back_pain\r\n2024-05-01,4\r\n".encode("utf-16-le"))
    assert [line for line, _, _ in error.problems] == [0]


def test_invalid_utf8_rejected_clearly() -> None:
    data = csv_bytes("date,back_pain,notes", "2024-05-01,4,ok") + "2024-05-02,4,café\r\n".encode("latin-1")
    error = failure(data)
    assert len(error.problems) == 1
    message = error.problems[0][2]
    position = data.index(b"\xe9")
    assert "not UTF-8" in message
    assert f"position {position}" in message


def test_nul_bytes_rejected() -> None:
    error = failure(b"date,back_pain\r\n2024-05-01,4\x00\r\n")
    assert "NUL" in str(error)


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n", b" , \r\n"])
def test_empty_file(data: bytes) -> None:
    error = failure(data)
    assert "empty" in str(error)


def test_blank_lines_before_data_without_a_header() -> None:
    error = failure(b" , \r\n2024-05-01,4\r\n")
    assert "no header row" in str(error) and "2024-05-01" in str(error)


def test_missing_required_columns() -> None:
    error = failure_of("leg_pain,notes", "3,hi")
    assert error.problems == [
        (1, "date", "required column is missing"),
        (1, "back_pain", "required column is missing"),
        (1, "", "found columns: 'leg_pain', 'notes'"),
    ]
    assert "line 1, column date: required column is missing" in str(error)
    error = failure_of("date,leg_pain", "2024-05-01,3")
    assert error.problems[0] == (1, "back_pain", "required column is missing")


def test_repeated_column_rejected() -> None:
    error = failure_of("date,back_pain,Back_Pain", "2024-05-01,3,4")
    assert error.problems == [(1, "back_pain", "column appears more than once")]


def test_wrong_cell_count() -> None:
    error = failure_of("date,back_pain,leg_pain", "2024-05-01,3,2", "2024-05-02,3", "2024-05-03,3,2,1")
    assert error.problems == [
        (3, "", "has 2 cells; the header has 3"),
        (4, "", "has 4 cells; the header has 3"),
    ]
    text = str(error)
    assert "line 3: has 2 cells; the header has 3" in text
    assert "column :" not in text


@pytest.mark.parametrize(
    ("column", "cell", "fragment"),
    [
        ("back_pain", "3.5", "'3.5' is not a whole number"),
        ("back_pain", "three", "'three' is not a whole number"),
        ("back_pain", "11", "must be from 0 to 10, not 11"),
        ("back_pain", "", "is required"),
        ("leg_pain", "x", "'x' is not a whole number"),
        ("stress", "-1", "must be from 0 to 10, not -1"),
        ("morning_stiffness_min", "1441", "1440"),
        ("morning_stiffness_min", "10m", "'10m' is not a whole number"),
        ("sleep_hours", "seven", "'seven' is not a number"),
        ("sleep_hours", "25", "must be from 0 to 24 hours"),
        ("sleep_hours", "nan", "number of hours"),
        ("date", "2024-13-01", "2024-13-01 is not a real date: there is no month 13"),
        ("date", "01/05/2024", "is not a date in the form YYYY-MM-DD"),
        ("date", "2024-5-1", "is not a date in the form YYYY-MM-DD"),
        ("date", "20240501", "is not a date in the form YYYY-MM-DD"),
        ("date", "", "is not a date"),
        ("date", "2025-01-01", "is in the future"),
        ("date", "1899-12-31", "before 1900"),
        ("activities", "walking", "'walking' should be name:minutes"),
        ("activities", ":30", "should be name:minutes"),
        ("activities", "walking:half an hour", "minutes must be a whole number"),
        ("activities", "walking:1441", "1440"),
        ("activities", "walking:1000;sitting:1000", "2,000 minutes"),
        ("pain_locations", "elbow", "unknown place"),
        ("triggers", "x" * 61, "longer than 60"),
        ("notes", "bell\x07", "control characters"),
    ],
)
def test_bad_cell_reported_with_line_and_column(column: str, cell: str, fragment: str) -> None:
    header = "date,back_pain,leg_pain,stress,morning_stiffness_min,sleep_hours,activities,pain_locations,triggers,notes"
    values = {"date": "2024-05-02", "back_pain": "3"}
    values[column] = cell
    row = ",".join(f'"{values.get(name, "")}"' for name in header.split(","))
    error = failure_of(header, "2024-05-01,1,,,,,,,,", row)
    assert error.problems, "expected a problem"
    assert {(line, where) for line, where, _ in error.problems} == {(3, column)}
    assert any(fragment in message for _, _, message in error.problems)
    assert f"line 3, column {column}: " in str(error)


def test_several_problems_on_one_line_all_reported() -> None:
    error = failure_of("date,back_pain,leg_pain,sleep_hours", "2024-05-01,x,y,z")
    assert [(line, column) for line, column, _ in error.problems] == [
        (2, "back_pain"),
        (2, "leg_pain"),
        (2, "sleep_hours"),
    ]


def test_duplicate_date_names_the_earlier_line() -> None:
    error = failure_of("date,back_pain", "2024-05-01,3", "2024-05-02,3", "2024-05-01,5")
    assert error.problems == [(4, "date", "2024-05-01 already appears on line 2")]


def test_every_bad_line_reported_up_to_the_cap() -> None:
    bad = 27
    start = dt.date(2024, 1, 1)
    lines = ["date,back_pain"] + [f"{start + dt.timedelta(days=i)},{3 if i % 2 else 11}" for i in range(2 * bad)]
    error = failure_of(*lines)
    assert len(error.problems) == MAX_REPORTED_PROBLEMS
    assert [line for line, _, _ in error.problems] == list(range(2, 2 + 2 * MAX_REPORTED_PROBLEMS, 2))
    text = str(error)
    assert f"{bad:,} problems found" in text
    assert text.endswith(f"…and {bad - MAX_REPORTED_PROBLEMS:,} more problems.")
    assert text.count("\n") == MAX_REPORTED_PROBLEMS + 1


def test_cap_applies_to_every_kind_of_problem() -> None:
    rows = [f"2024-02-{day:02d},3,extra" for day in range(1, 26)]  # 25 rows with a cell too many
    error = failure_of("date,back_pain", *rows, "2024-03-01,99")
    assert len(error.problems) == MAX_REPORTED_PROBLEMS
    assert "26 problems found" in str(error)
    assert str(error).endswith("…and 6 more problems.")


def test_no_tail_when_under_the_cap() -> None:
    error = failure_of("date,back_pain", "2024-01-01,11", "2024-01-02,12")
    assert "more problem" not in str(error)
    assert "2 problems found" in str(error)


def test_line_numbers_count_line_breaks_inside_quoted_notes() -> None:
    error = failure_of(
        "date,back_pain,notes",
        '2024-05-01,3,"first line',
        "second line",
        'third line"',
        "2024-05-02,11,fine",
        '2024-05-03,4,"a\r\nb"',
        "2024-05-04,x,",
    )
    assert [(line, column) for line, column, _ in error.problems] == [(5, "back_pain"), (8, "back_pain")]


def test_lines_of_entries_count_embedded_line_breaks() -> None:
    parsed = parse("date,back_pain,notes", '2024-05-01,3,"a\nb\nc"', "2024-05-02,4,", '2024-05-03,5,"x\ny"')
    assert parsed.lines == [2, 5, 6]
    assert parsed.entries[0].notes == "a\nb\nc"


def test_broken_quoting_reported_with_line() -> None:
    error = failure_of("date,back_pain,notes", "2024-05-01,3,ok", '2024-05-02,3,"never closed')
    assert len(error.problems) == 1
    line, _column, message = error.problems[0]
    assert line == 3
    assert "quoting" in message


def test_read_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="No such file"):
        read_csv_file(tmp_path / "missing.csv")
    with pytest.raises(UserError, match="is a folder"):
        read_csv_file(tmp_path)


def test_export_to_missing_folder_raises_user_error(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "out.csv"
    with pytest.raises(UserError, match="Could not write"):
        export_csv_file([DayEntry(D1, 3)], target)
    assert not target.parent.exists()


@pytest.mark.parametrize(
    ("column", "cell"),
    [
        ("date", "2026-W01-1"),
        ("date", "20260101"),
        ("back_pain", "1_0"),
        ("back_pain", "٣"),
        ("back_pain", "+5"),
        ("sleep_hours", "inf"),
        ("sleep_hours", "7_5"),
        ("activities", "walking:1_0"),
    ],
)
def test_number_and_date_forms_python_accepts_but_people_do_not_write_are_refused(column: str, cell: str) -> None:
    from journal.formats.csv_io import CsvImportError, parse_csv

    row = {"date": "2024-05-02", "back_pain": "3", column: cell}
    header = "date,back_pain,sleep_hours,activities"
    data = (header + "\n" + ",".join(f'"{row.get(c, "")}"' for c in header.split(","))).encode()
    with pytest.raises(CsvImportError) as caught:
        parse_csv(data, today=dt.date(2026, 11, 21))
    assert [(line, where) for line, where, _ in caught.value.problems] == [(2, column)]
