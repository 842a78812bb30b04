"""Flaredown's CSV export: "wide", one row per check-in day.

``Date`` (``YYYY-MM-DD 00:00:00 UTC``), then one column per condition, per
symptom (scored 0–4) and per treatment (a dose, ``Taken`` or ``Not Taken``),
then ``Tags`` and ``Foods`` (``; ``-joined) and the weather columns. The
header does not say which column is a condition, a symptom or a treatment: a
column whose every value is a whole number from 0 to 4 is a scored item, any
other is a treatment. The mapping is documented in docs/importing.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Final

from journal.formats.importers.common import (
    ForeignImportError,
    ParsedImport,
    Reading,
    Scale,
    add_name,
    add_relief,
    decode_text,
    relief_name,
)

SOURCE: Final = "Flaredown"
SCORE: Final = Scale(0, 4)
MAX_CELL_CHARS: Final = 1_000_000
_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:UTC|Z|[+-]\d{2}:?\d{2})?)?\s*")
_SCORE = re.compile(r"\s*[0-4]\s*")
DROPPED_WEATHER: Final = "Weather (Pain Journal does not record it)"
DROPPED_FOODS: Final = "Foods (Pain Journal has no food log)"
DROPPED_NOT_TAKEN: Final = "Treatments marked “Not Taken” (nothing was taken)"


def _problem(reader_line: int, error: csv.Error) -> ForeignImportError:
    return ForeignImportError(SOURCE, [(f"line {reader_line}", f"broken CSV quoting ({error})")])


def parse(data: bytes) -> ParsedImport:
    """Read a Flaredown export. Raises :class:`ForeignImportError` naming each bad line."""
    text = decode_text(SOURCE, data)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS + 1))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as error:
        raise _problem(line, error) from None
    rows = [(n, row) for n, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise ForeignImportError(SOURCE, [("", "the file is empty; a Flaredown export starts with a header row")])
    header_line, header = rows[0]
    header = [" ".join(h.split()) for h in header]
    if not header or header[0].lower() != "date":
        raise ForeignImportError(
            SOURCE,
            [(f"line {header_line}", f"this is not a Flaredown export: the first column is {header[0][:30]!r}, not 'Date'")],
        )
    problems: list[tuple[str, str]] = []
    body: list[tuple[int, list[str]]] = []
    for n, row in rows[1:]:
        if len(row) != len(header):
            problems.append((f"line {n}", f"has {len(row)} cells; the header has {len(header)}"))
        else:
            body.append((n, row))
    if problems:
        raise ForeignImportError(SOURCE, problems)

    scored: set[int] = set()
    for index, name in enumerate(header[1:], start=1):
        lowered = name.lower()
        if lowered in ("tags", "foods") or lowered.startswith("weather"):
            continue
        values = [row[index] for _, row in body if row[index].strip()]
        if values and all(_SCORE.fullmatch(v) for v in values):
            scored.add(index)

    parsed = ParsedImport(SOURCE)
    for n, row in body:
        where = f"line {n}"
        match = _DATE.fullmatch(row[0])
        try:
            date = dt.date.fromisoformat(match.group(1)) if match else None
        except ValueError:
            date = None
        if date is None:
            problems.append((where, f"“Date” {row[0][:30]!r} is not a date like 2021-03-04 00:00:00 UTC"))
            continue
        parsed.entries_read += 1
        day = parsed.day(date, where)
        weather = False
        for index, name in enumerate(header[1:], start=1):
            cell = row[index].strip()
            lowered = name.lower()
            if not cell:
                continue
            if lowered == "tags":
                for tag in cell.split(";"):
                    add_name(day.triggers, tag)
                parsed.mapped[("Tags", "triggers")] += 1
            elif lowered == "foods":
                parsed.dropped[DROPPED_FOODS] += 1
            elif lowered.startswith("weather"):
                weather = True
            elif index in scored:
                parsed.add_reading(day, Reading(name, int(cell)), SCORE)
                parsed.mapped[("Conditions and symptoms (0–4)", "symptoms (a chosen one: back or leg pain)")] += 1
            elif cell.lower() == "not taken":
                parsed.dropped[DROPPED_NOT_TAKEN] += 1
            elif (relief := relief_name(name)) is not None:  # a journal relief name (Heat, TENS): what helped, unrated
                add_relief(day, relief, None)
                if cell.lower() != "taken":
                    day.kept_as_words.append(f"{name}: {cell}")
                parsed.mapped[("Treatments that are relief (heat, rest, …)", "what helped")] += 1
            else:
                add_name(day.medications, name if cell.lower() == "taken" else f"{name} ({cell})")
                parsed.mapped[("Treatments", "medications (with doses)")] += 1
        if weather:
            parsed.dropped[DROPPED_WEATHER] += 1  # once a day, however many weather columns
    if problems:
        raise ForeignImportError(SOURCE, problems)
    return parsed
