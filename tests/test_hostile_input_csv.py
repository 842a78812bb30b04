"""Hostile input: CSV files as spreadsheets and people really save them.

Semicolons between columns, headers written "Back Pain", impossible dates,
absurd numbers and blank lines before the header are recognised or explained
in plain words; nothing is written when a file is refused.
"""

from __future__ import annotations

import datetime as dt

import pytest

from journal.formats.csv_io import CsvImportError, ParsedCsv, parse_csv

TODAY = dt.date(2026, 6, 30)


def parsed(text: str) -> ParsedCsv:
    return parse_csv(text.encode("utf-8"), today=TODAY)


def refusal(text: str) -> str:
    with pytest.raises(CsvImportError) as caught:
        parsed(text)
    return str(caught.value)


def test_semicolon_separated_file_is_read() -> None:
    result = parsed('date;back_pain;sleep_hours;triggers\r\n2026-06-01;4;7.5;"stress;cold"\r\n2026-06-02;5;;\r\n')
    assert [(e.date.day, e.back_pain, e.sleep_hours) for e in result.entries] == [(1, 4, 7.5), (2, 5, None)]
    assert result.entries[0].triggers == ("stress", "cold")


def test_tab_separated_file_is_read() -> None:
    result = parsed("date\tback_pain\n2026-06-01\t4\n")
    assert [(e.date.day, e.back_pain) for e in result.entries] == [(1, 4)]


@pytest.mark.parametrize("header", ["Date,Back Pain", "DATE , back-pain", "date,Back  pain"])
def test_headers_as_people_write_them(header: str) -> None:
    result = parsed(f"{header}\n2026-06-01,4\n")
    assert [(e.date.day, e.back_pain) for e in result.entries] == [(1, 4)]


def test_unknown_header_lists_the_columns_found() -> None:
    message = refusal("Datum,Rückenschmerz\n2026-06-01,4\n")
    assert "found columns: 'Datum', 'Rückenschmerz'" in message
    assert "required column is missing" in message


def test_single_column_header_is_explained() -> None:
    message = refusal("date|back_pain\n2026-06-01|4\n")
    assert "only one column" in message and "found columns: 'date|back_pain'" in message


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("2026-02-30", "2026-02-30 is not a real date: February 2026 has 28 days"),
        ("2024-02-30", "February 2024 has 29 days"),
        ("2026-04-31", "April 2026 has 30 days"),
        ("2026-13-01", "there is no month 13"),
        ("2026-00-10", "there is no month 0"),
    ],
)
def test_impossible_dates_get_their_own_message(cell: str, words: str) -> None:
    assert words in refusal(f"date,back_pain\n{cell},4\n")


@pytest.mark.parametrize(
    ("column", "cell", "words"),
    [
        ("back_pain", "99999999999999", "far outside the range"),
        ("back_pain", "11", "must be from 0 to 10, not 11"),
        ("leg_pain", "-3", "must be from 0 to 10, not -3"),
        ("sleep_hours", "123456789", "far outside the range"),
        ("sleep_hours", "25", "must be from 0 to 24 hours"),
        ("morning_stiffness_min", "100000000000", "far outside the range"),
    ],
)
def test_out_of_range_numbers_get_their_own_message(column: str, cell: str, words: str) -> None:
    header = "date,back_pain" if column == "back_pain" else f"date,back_pain,{column}"
    row = f"2026-06-01,{cell}" if column == "back_pain" else f"2026-06-01,4,{cell}"
    message = refusal(f"{header}\n{row}\n")
    assert words in message and "not a whole number" not in message


@pytest.mark.parametrize("blank", ["\n", "\r\n\r\n", " \n\t\n", ",,\n"])
def test_blank_lines_before_the_header_are_skipped(blank: str) -> None:
    result = parsed(f"{blank}date,back_pain\n2026-06-01,4\n")
    assert [e.back_pain for e in result.entries] == [4]


def test_utf32_is_named_as_such() -> None:
    for codec in ("utf-32", "utf-32-le", "utf-32-be"):
        data = "date,back_pain\n2026-06-01,4\n".encode(codec)
        if codec != "utf-32":
            data = ("\ufeff" + "date,back_pain\n").encode(codec)
        with pytest.raises(CsvImportError) as caught:
            parse_csv(data, today=TODAY)
        assert "UTF-32" in str(caught.value) and "UTF-16" not in str(caught.value)
    with pytest.raises(CsvImportError, match="UTF-16"):
        parse_csv("date,back_pain\n".encode("utf-16"), today=TODAY)
