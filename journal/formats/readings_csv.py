"""Pain-now readings as their own CSV file: ``date,time,back_pain,leg_pain``, one row per reading.

Days stay the rows of the main CSV file; readings, of which a day may have any
number, go in this second file. The same strictness as the days' file: UTF-8
(a BOM is fine), RFC 4180 quoting, a header row naming the columns (any
order; ``leg_pain`` may be left out), and every row checked with the core's
rules (:func:`journal.core.validation.validate_reading`) before anything is
written. Problems are reported with their line and column. See
``docs/csv-format.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO, Final, TextIO

from journal.core.errors import ValidationError
from journal.core.readings import PainReading, parse_clock
from journal.core.validation import validate_reading
from journal.formats.csv_io import (
    CsvImportError,
    RowProblems,
    _date_problem,
    _parse_int,
    column_name,
    data_rows,
    open_rows,
    read_csv_bytes,
    refuse_repeated,
)

COLUMNS: Final = ("date", "time", "back_pain", "leg_pain")
REQUIRED: Final = ("date", "time", "back_pain")


def write_readings_csv(readings: Iterable[PainReading], stream: TextIO) -> int:
    """Write the header and one row per reading; return the number of rows (``stream`` opened with ``newline=""``)."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for reading in readings:
        leg = "" if reading.leg_pain is None else str(reading.leg_pain)
        writer.writerow([reading.date.isoformat(), reading.clock, str(reading.back_pain), leg])
        count += 1
    return count


def export_readings_file(readings: Sequence[PainReading], path: Path) -> int:
    """Write readings to ``path`` through the atomic writer (owner-only; a failure leaves no half file)."""
    from journal.files.atomic import write_stream_atomically

    counted: list[int] = []

    def write(stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        counted.append(write_readings_csv(readings, text))
        text.flush()
        text.detach()

    write_stream_atomically(Path(path), write)
    return counted[0]


def _row_to_reading(cells: dict[str, str]) -> tuple[PainReading | None, list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    raw_date = cells.get("date", "").strip()
    date: dt.date | None = None
    try:
        date = dt.date.fromisoformat(raw_date) if len(raw_date) == 10 else None
    except ValueError:
        date = None
    if date is None:
        problems.append(("date", "is required" if not raw_date else _date_problem(raw_date)))
    raw_time = cells.get("time", "").strip()
    time = parse_clock(raw_time)
    if time is None:
        problems.append(("time", "is required (HH:MM)" if not raw_time else f"{raw_time[:20]!r} is not a time of day like 08:30"))
    numbers: dict[str, int | None] = {}
    for column in ("back_pain", "leg_pain"):
        try:
            numbers[column] = _parse_int(cells.get(column, ""))
        except ValueError as error:
            problems.append((column, str(error)))
    if numbers.get("back_pain") is None and "back_pain" not in [c for c, _ in problems]:
        problems.append(("back_pain", "is required (a whole number from 0 to 10)"))
    if problems or date is None or time is None:
        return None, problems
    return PainReading(date, time, numbers["back_pain"] or 0, numbers.get("leg_pain")), []


def parse_readings_csv(data: bytes, *, today: dt.date | None = None) -> list[PainReading]:
    """Parse and validate a whole readings file. Raises :class:`CsvImportError` listing problems."""
    reader, header = open_rows(data, "the file is empty; expected a header row: date,time,back_pain,leg_pain")
    names = [column_name(h) for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        problems = [(reader.line_num, c, "required column is missing") for c in missing]
        if "time" in missing and "date" in names:
            problems.append((reader.line_num, "", "is this the days' file? Readings need date,time,back_pain,leg_pain"))
        raise CsvImportError(problems, len(missing))
    refuse_repeated(names, reader.line_num)
    unknown = [h.strip() for h, n in zip(header, names) if n not in COLUMNS and h.strip()]
    if unknown:
        raise CsvImportError([(reader.line_num, "", f"unknown column {unknown[0][:40]!r}; the columns are {','.join(COLUMNS)}")])

    found: list[PainReading] = []
    file_problems = RowProblems()
    for start, row in data_rows(reader, names, file_problems):
        reading, row_problems = _row_to_reading(dict(zip(names, row)))
        if reading is not None:
            try:
                reading = validate_reading(reading, today=today)
            except ValidationError as error:
                row_problems = error.problems
        if reading is not None and not row_problems:
            found.append(reading)
        for column, message in row_problems:
            file_problems.add(start, column, message)
    file_problems.raise_any()
    return found


def read_readings_file(path: Path, *, today: dt.date | None = None) -> list[PainReading]:
    """Read and parse ``path``; file errors become :class:`UserError`."""
    return parse_readings_csv(read_csv_bytes(path), today=today)
