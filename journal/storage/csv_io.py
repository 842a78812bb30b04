"""The CSV interchange format: one row per day, UTF-8, RFC 4180 quoting.

Reading is strict and complete: every cell is parsed and every row checked
with the core validation rules before anything is written, and each problem
is reported with its line and column. Writing neutralises cells a spreadsheet
would run as a formula (a leading ``=``, ``+``, ``-``, ``@``) by prefixing an
apostrophe, which reading removes again, so text survives a round trip.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Final, TextIO

from journal.core.day import ActivityMinutes, DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.validation import validate_day

COLUMNS: Final[tuple[str, ...]] = (
    "date",
    "back_pain",
    "leg_pain",
    "pain_locations",
    "morning_stiffness_min",
    "sleep_hours",
    "sleep_quality",
    "stress",
    "interference_enjoyment",
    "interference_activity",
    "activities",
    "triggers",
    "symptoms",
    "medications",
    "notes",
    "questions",
)
REQUIRED: Final = ("date", "back_pain")
INTEGER_COLUMNS: Final = (
    "back_pain",
    "leg_pain",
    "morning_stiffness_min",
    "sleep_quality",
    "stress",
    "interference_enjoyment",
    "interference_activity",
)
LIST_SEPARATOR: Final = ";"
MAX_FILE_BYTES: Final = 64 * 1024 * 1024
MAX_REPORTED_PROBLEMS: Final = 20
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


class CsvImportError(UserError):
    """The file cannot be imported; nothing was written.

    Attributes:
        problems: ``(line, column, message)``; line 0 means the whole file.
    """

    def __init__(self, problems: list[tuple[int, str, str]], total: int | None = None) -> None:
        self.problems = problems
        total = total if total is not None else len(problems)
        lines = [
            (f"line {line}, column {column}: {message}" if line and column
             else f"line {line}: {message}" if line
             else f"{column}: {message}".lstrip(": "))
            for line, column, message in problems
        ]
        more = f"\n…and {total - len(problems)} more problem(s)." if total > len(problems) else ""
        super().__init__(
            f"Nothing was imported: {total} problem(s) found.\n" + "\n".join(lines) + more
        )


@dataclass
class ParsedCsv:
    """Entries read from a file, in file order, and the columns that were ignored."""

    entries: list[DayEntry] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the line each entry started on
    ignored_columns: list[str] = field(default_factory=list)


# --- formula neutralisation ------------------------------------------------------


def protect_cell(text: str) -> str:
    """Prefix an apostrophe where a spreadsheet would run the cell as a formula.

    A cell that already starts with an apostrophe before such a character is
    protected too, so :func:`unprotect_cell` is an exact inverse.
    """
    if text.startswith(_FORMULA_STARTS) or (text.startswith("'") and text[1:2] in (*_FORMULA_STARTS, "'")):
        return "'" + text
    return text


def unprotect_cell(text: str) -> str:
    if text.startswith("'") and text[1:2] in (*_FORMULA_STARTS, "'"):
        return text[1:]
    return text


# --- writing ----------------------------------------------------------------------


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def entry_to_row(entry: DayEntry) -> list[str]:
    """One entry as CSV cells in :data:`COLUMNS` order."""
    join = LIST_SEPARATOR.join
    return [
        entry.date.isoformat(),
        _number(entry.back_pain),
        _number(entry.leg_pain),
        join(sorted(entry.pain_locations)),
        _number(entry.morning_stiffness_min),
        _number(entry.sleep_hours),
        _number(entry.sleep_quality),
        _number(entry.stress),
        _number(entry.interference_enjoyment),
        _number(entry.interference_activity),
        protect_cell(join(f"{a.name}:{a.minutes}" for a in entry.activities)),
        protect_cell(join(entry.triggers)),
        protect_cell(join(entry.symptoms)),
        protect_cell(join(entry.medications)),
        protect_cell(entry.notes),
        protect_cell(entry.questions),
    ]


def write_csv(entries: Iterable[DayEntry], stream: TextIO) -> int:
    """Write a header and one row per entry; return the number of rows.

    ``stream`` must be opened with ``newline=""``; rows end with CRLF (RFC 4180).
    """
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for entry in entries:
        writer.writerow(entry_to_row(entry))
        count += 1
    return count


def export_csv_file(entries: Sequence[DayEntry], path: Path) -> int:
    """Write entries to ``path`` through the atomic writer (owner-only; a failure leaves no half file).

    Raises:
        UserError: the file cannot be written; ``path`` is as it was.
    """
    from journal.storage.atomic_file import write_stream_atomically

    counted: list[int] = []

    def write(stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        counted.append(write_csv(entries, text))
        text.flush()
        text.detach()

    write_stream_atomically(Path(path), write)
    return counted[0]


# --- reading ----------------------------------------------------------------------


_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")
_DECIMAL = re.compile(r"-?[0-9]{1,6}(\.[0-9]{1,6})?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _parse_int(text: str) -> int | None:
    text = text.strip()
    if text == "":
        return None
    if not _WHOLE_NUMBER.fullmatch(text):
        raise ValueError(f"{text[:20]!r} is not a whole number")
    return int(text)


def _parse_float(text: str) -> float | None:
    text = text.strip()
    if text == "":
        return None
    if not _DECIMAL.fullmatch(text):
        raise ValueError(f"{text[:20]!r} is not a number of hours like 7 or 7.5")
    return float(text)


def _parse_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in unprotect_cell(text).split(LIST_SEPARATOR) if part.strip())


def _parse_activities(text: str) -> tuple[ActivityMinutes, ...]:
    result = []
    for part in _parse_list(text):
        name, colon, minutes = part.rpartition(":")
        if not colon or not name.strip():
            raise ValueError(f"{part[:30]!r} should be name:minutes, e.g. walking:30")
        try:
            whole = _parse_int(minutes)
            if whole is None:
                raise ValueError
            result.append(ActivityMinutes(name.strip(), whole))
        except ValueError:
            raise ValueError(f"{part[:30]!r}: minutes must be a whole number") from None
    return tuple(result)


def _row_to_entry(cells: dict[str, str]) -> tuple[DayEntry | None, list[tuple[str, str]]]:
    """Parse the cells of one row; return the entry or the problems by column."""
    problems: list[tuple[str, str]] = []
    values: dict[str, object] = {}

    raw_date = cells.get("date", "").strip()
    try:
        values["date"] = dt.date.fromisoformat(raw_date) if _DATE.fullmatch(raw_date) else None
        if values["date"] is None:
            raise ValueError
    except ValueError:
        problems.append(("date", f"{raw_date[:20]!r} is not a date in the form YYYY-MM-DD"))

    for column in INTEGER_COLUMNS:
        if column in cells:
            try:
                values[column] = _parse_int(cells[column])
            except ValueError as error:
                problems.append((column, str(error)))
    if "sleep_hours" in cells:
        try:
            values["sleep_hours"] = _parse_float(cells["sleep_hours"])
        except ValueError as error:
            problems.append(("sleep_hours", str(error)))
    if "pain_locations" in cells:
        values["pain_locations"] = frozenset(_parse_list(cells["pain_locations"]))
    if "activities" in cells:
        try:
            values["activities"] = _parse_activities(cells["activities"])
        except ValueError as error:
            problems.append(("activities", str(error)))
    for column in ("triggers", "symptoms", "medications"):
        if column in cells:
            values[column] = _parse_list(cells[column])
    for column in ("notes", "questions"):
        if column in cells:
            values[column] = unprotect_cell(cells[column])

    if problems:
        return None, problems
    if values.get("back_pain") is None:
        return None, [("back_pain", "is required (a whole number from 0 to 10)")]
    return DayEntry(**values), []  # type: ignore[arg-type]


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvImportError([(0, "", "the file is UTF-16 text; please save it as UTF-8 CSV")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvImportError(
            [(0, "", f"the file is not UTF-8 text (unreadable byte at position {error.start}); "
                     "please save it as UTF-8 CSV")]
        ) from None


def parse_csv(data: bytes, *, today: dt.date | None = None) -> ParsedCsv:
    """Parse and validate a whole file. Raises :class:`CsvImportError` listing problems."""
    if len(data) > MAX_FILE_BYTES:
        raise CsvImportError([(0, "", f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")])
    text = _decode(data)  # first, so a UTF-16 file is named as such, not as "NUL bytes"
    if "\x00" in text:
        raise CsvImportError([(0, "", "the file contains NUL bytes; it is not a CSV text file")])
    csv.field_size_limit(max(csv.field_size_limit(), 4 * 1024 * 1024))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[tuple[int, str, str]] = []
    result = ParsedCsv()
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise CsvImportError([(1, "", f"unreadable header ({error})")]) from None
    if not header or not any(h.strip() for h in header):
        raise CsvImportError([(0, "", "the file is empty; expected a header row with date and back_pain")])
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise CsvImportError([(1, c, "required column is missing") for c in missing])
    repeated = sorted({n for n in names if names.count(n) > 1 and n})
    if repeated:
        raise CsvImportError([(1, n, "column appears more than once") for n in repeated])
    result.ignored_columns = [n for n in names if n not in COLUMNS]

    first_line_of: dict[dt.date, int] = {}
    total = 0
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            total += 1
            problems.append((line, "", f"broken CSV quoting ({error})"))
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            total += 1
            if len(problems) < MAX_REPORTED_PROBLEMS:
                problems.append((start, "", f"has {len(row)} cells; the header has {len(names)}"))
            continue
        cells = {n: v for n, v in zip(names, row) if n in COLUMNS}
        entry, row_problems = _row_to_entry(cells)
        if entry is not None:
            try:
                entry = validate_day(entry, today=today)
            except ValidationError as error:
                row_problems = error.problems
        if not row_problems and entry is not None:
            if entry.date in first_line_of:
                row_problems = [("date", f"{entry.date} already appears on line {first_line_of[entry.date]}")]
            else:
                first_line_of[entry.date] = start
                result.entries.append(entry)
                result.lines.append(start)
        for column, message in row_problems:
            total += 1
            if len(problems) < MAX_REPORTED_PROBLEMS:
                problems.append((start, column, message))
    if problems:
        raise CsvImportError(problems, total)
    return result


def read_csv_file(path: Path, *, today: dt.date | None = None) -> ParsedCsv:
    """Read and parse ``path``; file errors become :class:`UserError`."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CsvImportError([(0, "", f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")])
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"No such file: {path}") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a CSV file") from None
    except OSError as error:
        raise UserError(f"Could not read {path}: {error.strerror or error}") from None
    return parse_csv(data, today=today)
