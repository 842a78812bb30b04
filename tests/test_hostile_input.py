"""Hostile input: whatever bytes or values arrive, the outcome is a clean import or a
clear error with nothing written.

Property-based (hypothesis) over :func:`journal.formats.csv_io.parse_csv`,
:meth:`Journal.import_days` and :func:`validate_day`: arbitrary bytes, wrong
encodings and byte-order marks, control characters, SQL-looking text and
spreadsheet formulas, plus a few fixed monsters (a 1 MB note, a file over
the size cap).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from journal.core.catalog import name_key
from journal.core.day import PAIN_LOCATIONS, ActivityMinutes, DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.validation import MAX_NOTES_LENGTH, validate_day
from journal.formats.csv_io import (
    COLUMNS,
    INTEGER_COLUMNS,
    MAX_FILE_BYTES,
    CsvImportError,
    parse_csv,
    read_csv_file,
    write_csv,
)
from journal.storage.journal import Journal

TODAY = dt.date(2026, 6, 30)
FUZZ = settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SQL_TEXT = (
    "'); DROP TABLE day; --",
    "Robert'); DROP TABLE catalog_item;--",
    '" OR 1=1 --',
    "1; DELETE FROM day_medication WHERE 1=1",
    "x' UNION SELECT name FROM sqlite_master --",
)
FORMULAS = ("=SUM(A1:A9)", "+1", "-2", "@cmd", '=HYPERLINK("http://x","y")', "'=", "''", "'+x", "-")
SPICY = (
    *SQL_TEXT,
    *FORMULAS,
    "\t",
    "\n",
    "\r\n",
    "\r",
    ",",
    ";",
    ":",
    '"',
    "'",
    " ",
    "\x07",
    "\x1b[31m",
    "\x00",
    "\u202e",
    "\ufeff",
    "\u2028",
    "🙂",
    "🫨",
    "腰痛",
    "Ω",
    "\ue000",
    "\U000e0001",
)


def spicy_text(max_parts: int = 6) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(SPICY), st.text(max_size=8)), max_size=max_parts).map("".join)


# --- helpers --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """One journal for a whole property test, holding a few days to clash with."""
    opened = Journal.open(tmp_path_factory.mktemp("hostile") / "journal.sqlite3")
    opened.import_days(
        [DayEntry(date=TODAY - dt.timedelta(days=n), back_pain=n, notes=f"kept {n}") for n in range(3)],
        today=TODAY,
    )
    yield opened
    opened.close()


def dump(journal: Journal) -> str:
    connection = sqlite3.connect(journal.path)
    try:
        return "\n".join(connection.iterdump())
    finally:
        connection.close()


def same_names(entry: DayEntry) -> DayEntry:
    """Catalog names compare ignoring case (the catalog keeps the first spelling)."""
    return entry.replace(
        activities=tuple(ActivityMinutes(name_key(a.name), a.minutes) for a in entry.activities),
        triggers=tuple(map(name_key, entry.triggers)),
        symptoms=tuple(map(name_key, entry.symptoms)),
    )


def attempt_import(journal: Journal, data: bytes, *, replace: bool) -> bool:
    """Parse and import ``data``; check the all-or-nothing outcome. True if it imported."""
    before = dump(journal)
    try:
        parsed = parse_csv(data, today=TODAY)
        journal.import_days(parsed.entries, replace=replace, today=TODAY)
    except UserError as error:
        message = str(error)
        assert message.strip(), "an error must say what is wrong"
        if isinstance(error, CsvImportError):
            assert error.problems and message.startswith("Nothing was imported")
        assert dump(journal) == before, "a refused import must write nothing"
        return False
    for entry in parsed.entries:
        stored = journal.day(entry.date)
        assert stored is not None and same_names(stored) == same_names(entry)
    return True


def to_csv(rows: list[list[str]], *, quote_all: bool = False) -> str:
    stream = io.StringIO(newline="")
    if quote_all:
        writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    else:
        writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    return stream.getvalue()


# --- strategies -------------------------------------------------------------------------------

printable = st.characters(exclude_categories=("Cc", "Cs"))
PRINTABLE_SPICY = tuple(s for s in SPICY if not any(c < " " or c == "\x7f" for c in s))
valid_names = st.one_of(
    st.sampled_from(tuple(s for s in PRINTABLE_SPICY if ";" not in s and s.strip())),
    st.text(printable, min_size=1, max_size=20),
).filter(lambda s: bool(s.split()) and ";" not in s)
valid_text = st.lists(
    st.one_of(st.sampled_from((*PRINTABLE_SPICY, "\n", "\t", "\r\n")), st.text(printable, max_size=10)),
    max_size=8,
).map("".join)
dates = st.integers(0, 25).map(lambda n: (TODAY - dt.timedelta(days=n)).isoformat())
INT_COLUMNS = INTEGER_COLUMNS


def cell_for(column: str, clean: bool) -> st.SearchStrategy[str]:
    """A cell for ``column``: plausible when ``clean``, else anything hostile."""
    junk = spicy_text(3)
    names = valid_names if clean else st.one_of(valid_names, junk)
    if column == "date":
        return dates if clean else st.one_of(dates, junk, st.sampled_from(("2999-01-01", "2026-02-30")))
    if column in INT_COLUMNS:
        return st.integers(0, 10).map(str) if clean else st.one_of(st.integers(-3, 14).map(str), junk)
    if column == "sleep_hours":
        hours = st.floats(0, 24).map(lambda f: f"{f:g}")
        return hours if clean else st.one_of(hours, st.sampled_from(("nan", "inf", "-1", "7,5")), junk)
    if column == "pain_locations":
        places = tuple(PAIN_LOCATIONS) if clean else (*PAIN_LOCATIONS, "nowhere", "")
        return st.lists(st.sampled_from(places), max_size=3).map(";".join)
    if column == "activities":
        minutes = st.integers(0, 300).map(str) if clean else st.one_of(st.integers(-5, 2000).map(str), junk)
        return st.lists(st.tuples(names, minutes).map(":".join), max_size=3).map(";".join)
    if column in ("triggers", "symptoms", "medications"):
        return st.lists(names, max_size=4).map(";".join)
    return valid_text if clean else spicy_text()


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    clean = draw(st.booleans())
    columns = draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=8, unique=True))
    if clean or draw(st.booleans()):
        columns = ["date", "back_pain", *[c for c in columns if c not in ("date", "back_pain")]]
    header = list(columns)
    if not clean and draw(st.integers(0, 4)) == 0:
        header.append(draw(st.sampled_from(("Date", "extra", "", "back_pain"))))
    rows = [header]
    for _ in range(draw(st.integers(0, 5))):
        rows.append([draw(cell_for(c, clean)) for c in header])
    text = to_csv(rows, quote_all=draw(st.booleans()))
    encodings = ["utf-8", "utf-8-sig"] if clean else ["utf-8", "utf-16", "utf-16-be", "latin-1", "cp1252"]
    data = text.encode(draw(st.sampled_from(encodings)), errors="replace")
    if not clean and draw(st.booleans()):  # damage: some raw bytes spliced in
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]
    return data


# --- CSV import properties ----------------------------------------------------------------------


@FUZZ
@given(data=st.binary(max_size=2000), replace=st.booleans())
def test_arbitrary_bytes_never_crash_or_half_import(journal: Journal, data: bytes, replace: bool) -> None:
    attempt_import(journal, data, replace=replace)


@FUZZ
@given(data=csv_files(), replace=st.booleans())
@pytest.mark.slow
def test_generated_csv_imports_cleanly_or_not_at_all(journal: Journal, data: bytes, replace: bool) -> None:
    attempt_import(journal, data, replace=replace)


@FUZZ
@given(
    text=spicy_text(12),
    bom=st.sampled_from((b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")),
)
def test_byte_order_marks_and_stray_text(journal: Journal, text: str, bom: bytes) -> None:
    body = f"date,back_pain,notes\r\n{TODAY - dt.timedelta(days=30)},3,{text}\r\n"
    data = bom + body.encode("utf-8", errors="surrogatepass")
    imported = attempt_import(journal, data, replace=True)
    if bom not in (b"", b"\xef\xbb\xbf"):
        assert not imported


def test_utf8_bom_is_accepted_and_utf16_named(journal: Journal) -> None:
    body = f"date,back_pain\r\n{TODAY - dt.timedelta(days=40)},2\r\n"
    assert len(parse_csv(b"\xef\xbb\xbf" + body.encode()).entries) == 1
    with pytest.raises(CsvImportError, match="UTF-16"):
        parse_csv(body.encode("utf-16"))
    latin1 = f"date,back_pain,notes\r\n{TODAY - dt.timedelta(days=40)},2,Café\r\n".encode("latin-1")
    with pytest.raises(CsvImportError, match="not UTF-8"):
        parse_csv(latin1)


# --- round trip of formulas and SQL-looking text ---------------------------------------------------


@st.composite
def valid_entries(draw: st.DrawFn) -> DayEntry:
    activities = draw(st.lists(st.tuples(valid_names, st.integers(0, 60)), max_size=3))
    entry = DayEntry(
        date=TODAY - dt.timedelta(days=draw(st.integers(50, 400))),
        back_pain=draw(st.integers(0, 10)),
        leg_pain=draw(st.none() | st.integers(0, 10)),
        sleep_hours=draw(st.none() | st.floats(0, 24)),
        activities=tuple(ActivityMinutes(name, minutes) for name, minutes in activities),
        triggers=tuple(draw(st.lists(valid_names, max_size=3))),
        symptoms=tuple(draw(st.lists(valid_names, max_size=3))),
        medications=tuple(draw(st.lists(valid_names, max_size=3))),
        notes=draw(valid_text),
        questions=draw(st.one_of(st.sampled_from(FORMULAS), valid_text)),
    )
    try:
        return validate_day(entry, today=TODAY)
    except ValidationError:
        assume(False)
        raise


@FUZZ
@given(entries=st.lists(valid_entries(), min_size=1, max_size=4, unique_by=lambda e: e.date))
@pytest.mark.slow
def test_export_neutralises_formulas_and_import_restores_the_text(entries: list[DayEntry]) -> None:
    stream = io.StringIO(newline="")
    write_csv(entries, stream)
    for row in list(csv.reader(io.StringIO(stream.getvalue(), newline="")))[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    parsed = parse_csv(stream.getvalue().encode("utf-8"), today=TODAY)
    assert parsed.entries == entries


@FUZZ
@given(entry=valid_entries())
@pytest.mark.slow
def test_any_valid_entry_is_stored_verbatim(journal: Journal, entry: DayEntry) -> None:
    journal.save_day(entry, today=TODAY)
    stored = journal.day(entry.date)
    assert stored is not None and same_names(stored) == same_names(entry)


def test_sql_looking_text_is_stored_verbatim_and_tables_survive(journal: Journal) -> None:
    tables_before = dump(journal).count("CREATE TABLE")
    date = TODAY - dt.timedelta(days=500)
    entry = DayEntry(
        date=date,
        back_pain=5,
        notes="\n".join(SQL_TEXT),
        questions=SQL_TEXT[1],
        triggers=("Robert') DROP TABLE catalog_item--",),
        medications=(SQL_TEXT[2], "' OR ''='"),
        activities=(ActivityMinutes(SQL_TEXT[4], 10),),
        symptoms=("x') DELETE FROM day --",),
    )
    assert journal.save_day(entry, today=TODAY) == entry
    assert journal.day(date) == entry
    assert dump(journal).count("CREATE TABLE") == tables_before
    assert journal.count() >= 3
    connection = sqlite3.connect(journal.path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


# --- validate_day over arbitrary values -----------------------------------------------------------

any_int = st.integers(-(2**63), 2**63 - 1)
# Deliberately of any type: the entry must be refused, whatever it holds.
numberish: st.SearchStrategy[Any] = st.one_of(st.none(), st.integers(-20, 1500), any_int, st.floats(), st.booleans())


@st.composite
def arbitrary_entries(draw: st.DrawFn) -> DayEntry:
    text = st.one_of(spicy_text(), st.text(st.characters(categories=["Cs", "Cc", "Co", "Cf"]), max_size=5))
    minutes: st.SearchStrategy[Any] = st.one_of(st.integers(-20, 1500), st.floats(), st.booleans())
    activities = draw(st.lists(st.tuples(text, minutes), max_size=4))
    return DayEntry(
        date=draw(st.one_of(st.dates(), st.datetimes(), st.just(TODAY))),
        back_pain=draw(numberish),
        leg_pain=draw(numberish),
        pain_locations=frozenset(draw(st.lists(st.sampled_from((*PAIN_LOCATIONS, "elbow")), max_size=3))),
        morning_stiffness_min=draw(numberish),
        sleep_hours=draw(numberish),
        sleep_quality=draw(numberish),
        stress=draw(numberish),
        interference_enjoyment=draw(numberish),
        interference_activity=draw(numberish),
        activities=tuple(ActivityMinutes(name, minutes) for name, minutes in activities),
        triggers=tuple(draw(st.lists(text, max_size=45))),
        symptoms=tuple(draw(st.lists(text, max_size=4))),
        medications=tuple(draw(st.lists(text, max_size=4))),
        notes=draw(text),
        questions=draw(text),
    )


@settings(max_examples=100, deadline=None)
@given(entry=arbitrary_entries())
@pytest.mark.slow
def test_validate_day_cleans_or_names_every_problem(entry: DayEntry) -> None:
    try:
        clean = validate_day(entry, today=TODAY)
    except ValidationError as error:
        assert error.problems and all(field in DayEntry.__dataclass_fields__ for field in error.fields)
        return
    assert validate_day(clean, today=TODAY) == clean  # tidying is stable
    for text in (
        clean.notes,
        clean.questions,
        *clean.triggers,
        *clean.symptoms,
        *clean.medications,
        *(a.name for a in clean.activities),
    ):
        text.encode("utf-8")  # no lone surrogates reach the database


def test_an_activity_without_minutes_is_a_validation_error() -> None:
    no_minutes = ActivityMinutes("walking", None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        validate_day(DayEntry(date=TODAY, back_pain=1, activities=(no_minutes,)), today=TODAY)


# --- fixed monsters -------------------------------------------------------------------------------


def test_a_one_megabyte_note_is_refused_clearly(journal: Journal) -> None:
    note = "ache " * (1024 * 1024 // 5)
    entry = DayEntry(date=TODAY - dt.timedelta(days=700), back_pain=4, notes=note)
    before = dump(journal)
    with pytest.raises(ValidationError, match="notes") as raised:
        journal.save_day(entry, today=TODAY)
    assert f"{MAX_NOTES_LENGTH:,}" in str(raised.value)
    data = to_csv([["date", "back_pain", "notes"], [entry.date.isoformat(), "4", note]]).encode()
    assert attempt_import(journal, data, replace=True) is False
    assert dump(journal) == before


def test_files_over_the_size_cap_are_refused(journal: Journal, tmp_path: Path) -> None:
    with pytest.raises(CsvImportError, match="larger than"):
        parse_csv(b"date,back_pain\r\n" + b" " * MAX_FILE_BYTES)
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as stream:  # sparse: costs no disk or memory
        stream.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(CsvImportError, match="larger than"):
        read_csv_file(huge)
    os.remove(huge)


@pytest.mark.parametrize("bad", ["\x07", "\x1b[2J", "\x0b", "\x7f", "\ud800"])
def test_control_characters_are_refused(journal: Journal, bad: str) -> None:
    before = dump(journal)
    date = TODAY - dt.timedelta(days=800)
    for entry in (
        DayEntry(date=date, back_pain=1, notes=f"a{bad}b"),
        DayEntry(date=date, back_pain=1, questions=bad),
        # In names, whitespace controls (e.g. a vertical tab) are tidied into spaces.
        *([DayEntry(date=date, back_pain=1, medications=(f"pill{bad}",))] if not bad.isspace() else []),
    ):
        with pytest.raises(ValidationError):
            journal.save_day(entry, today=TODAY)
    if bad != "\ud800":
        data = f"date,back_pain,notes\r\n{date},1,x{bad}y\r\n".encode()
        assert attempt_import(journal, data, replace=True) is False
    assert attempt_import(journal, b"date,back_pain\r\n2026-01-01,1\x00\r\n", replace=True) is False
    assert dump(journal) == before
