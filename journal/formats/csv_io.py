"""The CSV interchange format: one row per day, UTF-8, RFC 4180 quoting.

Reading is strict and complete: every cell is parsed and every row checked
with the core validation rules before anything is written, and each problem
is reported with its line and column. Writing neutralises cells a spreadsheet
would run as a formula (a leading ``=``, ``+``, ``-``, ``@``) by prefixing an
apostrophe, which reading removes again, so text survives a round trip.

The columns and limits are in :mod:`journal.formats.csv_format`, writing in
:mod:`journal.formats.csv_writing`, the cells of a row in
:mod:`journal.formats.csv_cells` and the wording of problems in
:mod:`journal.formats.csv_errors`; this module reads the file and its rows,
and re-exports the names callers import from it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from journal.core.day import DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.validation import validate_day
from journal.formats.csv_cells import parse_int, row_to_entry
from journal.formats.csv_errors import ISO_DATE, date_problem, quoting_problem, too_large
from journal.formats.csv_errors import CsvImportError as CsvImportError
from journal.formats.csv_format import COLUMNS as COLUMNS
from journal.formats.csv_format import INTEGER_COLUMNS as INTEGER_COLUMNS
from journal.formats.csv_format import LIST_SEPARATOR as LIST_SEPARATOR
from journal.formats.csv_format import MAX_CELL_CHARS as MAX_CELL_CHARS
from journal.formats.csv_format import MAX_FILE_BYTES as MAX_FILE_BYTES
from journal.formats.csv_format import MAX_REPORTED_PROBLEMS as MAX_REPORTED_PROBLEMS
from journal.formats.csv_format import OTHER_DELIMITERS as OTHER_DELIMITERS
from journal.formats.csv_format import REQUIRED as REQUIRED
from journal.formats.csv_format import protect_cell as protect_cell
from journal.formats.csv_format import unprotect_cell as unprotect_cell
from journal.formats.csv_writing import entry_to_row as entry_to_row
from journal.formats.csv_writing import export_csv_file as export_csv_file
from journal.formats.csv_writing import write_csv as write_csv

if TYPE_CHECKING:
    from _csv import Reader

# The reading code's own names for the wording (the readings CSV reads with them too).
_DATE = ISO_DATE
_date_problem = date_problem
_csv_error = quoting_problem
_too_large = too_large
_parse_int = parse_int  # the readings CSV's old name for it


@dataclass
class ParsedCsv:
    """Entries read from a file, in file order, and the columns that were ignored."""

    entries: list[DayEntry] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # the line each entry started on
    ignored_columns: list[str] = field(default_factory=list)


# --- reading ----------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: same start
        raise CsvImportError([(0, "", "the file is UTF-32 text; please save it as UTF-8 CSV")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CsvImportError([(0, "", "the file is UTF-16 text; please save it as UTF-8 CSV")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CsvImportError(
            [(0, "", f"the file is not UTF-8 text (unreadable byte at position {error.start}); please save it as UTF-8 CSV")]
        ) from None


def column_name(header_cell: str) -> str:
    """A header cell as a column name: "Back Pain", "back-pain" and " back_pain " are "back_pain"."""
    return "_".join(header_cell.strip().lower().replace("-", " ").split())


def _delimiter(text: str) -> str:
    """ "," unless the first non-blank line has no comma but a ';' or a tab between columns."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if "," in first:
        return ","
    found = [d for d in OTHER_DELIMITERS if d in first]
    return found[0] if found else ","


_SEP_LINE = re.compile(r'^"?sep=(.)"?[ \t]*$', re.IGNORECASE)


def _excel_separator_line(text: str) -> tuple[str, str]:
    """``(text, delimiter)``: an Excel ``sep=,`` first line names the delimiter and is
    blanked (blank lines before the header are skipped; line numbers stay right)."""
    first, newline, rest = text.partition("\n")
    match = _SEP_LINE.match(first.rstrip("\r"))
    if match and match.group(1) in (",", *OTHER_DELIMITERS):
        return newline + rest, match.group(1)
    return text, _delimiter(text)


def open_rows(data: bytes, empty: str) -> "tuple[Reader, list[str]]":
    """The CSV reader over ``data`` and its header row (blank lines before it skipped).

    The checks every CSV import shares: size, encoding, NUL bytes, the delimiter
    or an Excel ``sep=`` line. ``empty`` is the message for a file with no header.

    Raises:
        CsvImportError: the file is too large, not text, unreadable as CSV or empty.
    """
    if len(data) > MAX_FILE_BYTES:
        raise CsvImportError([(0, "", f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")])
    text = _decode(data)  # first, so a UTF-16 file is named as such, not as "NUL bytes"
    if "\x00" in text:
        raise CsvImportError([(0, "", "the file contains NUL bytes; it is not a CSV text file")])
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS + 1))
    text, delimiter = _excel_separator_line(text)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    try:
        header: list[str] | None = next(reader, None)
        while header is not None and not any(h.strip() for h in header):
            header = next(reader, None)  # blank lines before the header are skipped
    except csv.Error as error:
        raise CsvImportError([(reader.line_num, "", _csv_error(error))]) from None
    if not header:
        raise CsvImportError([(0, "", empty)])
    return reader, header


def refuse_repeated(names: Sequence[str], line: int) -> None:
    """Raise :class:`CsvImportError` when a column name appears more than once."""
    repeated = sorted({n for n in names if names.count(n) > 1 and n})
    if repeated:
        raise CsvImportError([(line, n, "column appears more than once") for n in repeated])


@dataclass
class RowProblems:
    """A file's problems: every one counted, the first :data:`MAX_REPORTED_PROBLEMS` listed."""

    listed: list[tuple[int, str, str]] = field(default_factory=list)
    total: int = 0

    def add(self, line: int, column: str, message: str, *, always: bool = False) -> None:
        self.total += 1
        if always or len(self.listed) < MAX_REPORTED_PROBLEMS:
            self.listed.append((line, column, message))

    def raise_any(self) -> None:
        if self.listed:
            raise CsvImportError(self.listed, self.total)


def data_rows(reader: "Reader", names: Sequence[str], problems: RowProblems) -> Iterator[tuple[int, list[str]]]:
    """``(first line, cells)`` of each non-blank row after the header that has the header's width.

    A row of another width is a problem; a row the CSV reader cannot read ends
    the file with a problem. ``reader`` is the one :func:`open_rows` returned.
    """
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.add(line, "", _csv_error(error), always=True)
            return
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(names):
            problems.add(start, "", f"has {len(row)} cells; the header has {len(names)}")
            continue
        yield start, row


def parse_csv(data: bytes, *, today: dt.date | None = None) -> ParsedCsv:
    """Parse and validate a whole file. Raises :class:`CsvImportError` listing problems."""
    reader, header = open_rows(data, "the file is empty; expected a header row with date and back_pain")
    result = ParsedCsv()
    names = [column_name(h) for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing and _DATE.fullmatch(header[0].strip()):
        raise CsvImportError(
            [
                (
                    reader.line_num,
                    "",
                    (
                        f"the file has no header row: its first line looks like a day ({header[0].strip()!r}); "
                        "the first line must name the columns, e.g. date,back_pain"
                    ),
                )
            ]
        )
    if missing:
        found = ", ".join(repr(h.strip()[:40]) for h in header[:12] if h.strip())
        more = ", …" if len(header) > 12 else ""
        hint = ""
        if len(header) == 1 and "," not in header[0]:
            hint = " (the file seems to have only one column; columns must be separated by ',' or ';')"
        return_problems = [(reader.line_num, c, "required column is missing") for c in missing]
        return_problems.append((reader.line_num, "", f"found columns: {found}{more}{hint}"))
        raise CsvImportError(return_problems, len(missing))
    refuse_repeated(names, reader.line_num)
    result.ignored_columns = [n for n in names if n not in COLUMNS]

    first_line_of: dict[dt.date, int] = {}
    problems = RowProblems()
    for start, row in data_rows(reader, names, problems):
        cells = {n: v for n, v in zip(names, row) if n in COLUMNS}
        entry, row_problems = row_to_entry(cells)
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
            problems.add(start, column, message)
    problems.raise_any()
    return result


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the regular file ``path``, refusing anything else or anything over ``limit``.

    Opened without blocking, so a named pipe cannot hang the import, and read
    at most ``limit + 1`` bytes, so ``/dev/zero`` or a growing file cannot
    exhaust memory.

    Raises:
        CsvImportError: not a regular file, or larger than ``limit``.
        OSError: the file cannot be opened or read.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise CsvImportError(
                [(0, "", f"{path} is not an ordinary file (it is a device, a pipe or a socket); please choose a CSV file")]
            )
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise CsvImportError([(0, "", f"the file is larger than {limit // 2**20} MB")])
    return data


def read_csv_bytes(path: Path) -> bytes:
    """The bytes of the CSV file at ``path`` (size-limited); file errors become :class:`UserError`."""
    try:
        return read_limited(path)
    except FileNotFoundError:
        raise UserError(f"No such file: {path}") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a CSV file") from None
    except OSError as error:
        raise UserError(f"Could not read {path}: {error.strerror or error}") from None


def read_csv_file(path: Path, *, today: dt.date | None = None) -> ParsedCsv:
    """Read and parse ``path``; file errors become :class:`UserError`."""
    return parse_csv(read_csv_bytes(path), today=today)
