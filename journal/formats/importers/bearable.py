"""Bearable's CSV export: "long", one row per reading.

Columns: ``date, weekday, time of day, category, rating/amount, detail, notes``
(newer files add ``date formatted``, an ISO date, after ``date``). ``date`` is
written like ``22nd Sep 2020``; ``time of day`` is ``HH:MM`` or ``pre``,
``am``, ``mid``, ``pm``, ``all day``. A Symptom's ``detail`` is
``Name (Mild|Moderate|Severe)`` (rating 1–3); several details are joined by
`` | ``; a medication is ``Name (dose)`` with the amount in ``rating/amount``.
The mapping is documented in docs/importing.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from functools import lru_cache
from typing import Final

from journal.formats.importers.common import (
    ForeignImportError,
    ParsedImport,
    Reading,
    Scale,
    SourceDay,
    add_name,
    add_relief,
    clean_name,
    decode_text,
    relief_name,
)

SOURCE: Final = "Bearable"
#: Relief names that, as a Bearable factor, may mean the weather or an illness.
WEATHER_LIKE = frozenset({"heat", "cold"})
SEVERITY: Final = Scale(1, 3, ("Mild", "Moderate", "Severe"))
REQUIRED: Final = ("date", "category", "rating/amount", "detail")
MAX_CELL_CHARS: Final = 1_000_000
_DATE = re.compile(r"\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[A-Za-z]*\.?,?\s+(\d{4})\s*")
_MONTHS: Final = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_DETAIL = re.compile(r"(?P<name>.*?)\s*\((?P<inner>[^()]*)\)\s*")
_HOURS = re.compile(r"\s*(?:(\d{1,2})\s*h(?:ours?)?\s*(?:(\d{1,2})\s*m(?:in)?)?|(\d{1,2}):(\d{2})|(\d{1,2}(?:\.\d+)?))\s*")
DROPPED_MOOD: Final = "Mood and energy scores (Bearable's own scales; Pain Journal does not rescale them)"


def _date(cells: dict[str, str]) -> dt.date:
    return _date_of(cells.get("date formatted", ""), cells.get("date", ""))


@lru_cache(maxsize=4096)  # a day's rows repeat its date, often hundreds of times
def _date_of(iso: str, raw: str) -> dt.date:
    iso = iso.strip()
    if iso:
        try:
            return dt.date.fromisoformat(iso)
        except ValueError:
            raise ValueError(f"“date formatted” {iso[:20]!r} is not a date like 2020-09-22") from None
    match = _DATE.fullmatch(raw)
    month = _MONTHS.get(match.group(2).lower()) if match else None
    if match is None or month is None:
        raise ValueError(f"“date” {raw[:20]!r} is not a date like 22nd Sep 2020")
    try:
        return dt.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        raise ValueError(f"“date” {raw[:20]!r} is not a real date") from None


def _details(text: str) -> list[str]:
    return [part.strip() for part in text.split("|") if part.strip()]


def _hours(text: str) -> float | None:
    match = _HOURS.fullmatch(text)
    if not match:
        return None
    if match.group(1) is not None:
        return int(match.group(1)) + int(match.group(2) or 0) / 60
    if match.group(3) is not None:
        return int(match.group(3)) + int(match.group(4)) / 60
    return float(match.group(5))


def _symptom(day_time: str, detail: str, rating: str, single: bool) -> tuple[str, Reading | None]:
    """The symptom's name and its reading, if it has a Mild/Moderate/Severe."""
    match = _DETAIL.fullmatch(detail)
    name, word = (match.group("name"), match.group("inner").strip()) if match else (detail, "")
    name = clean_name(name)
    value = next((i for i, w in enumerate(SEVERITY.words, SEVERITY.low) if w.lower() == word.lower()), None)
    if value is None and not word and single and rating.strip() in ("1", "2", "3"):
        value = int(rating)
    if value is None:
        return (clean_name(detail) if word else name), None
    return name, Reading(name, value, day_time)


def parse(data: bytes) -> ParsedImport:
    """Read a Bearable export. Raises :class:`ForeignImportError` naming each bad line."""
    text = decode_text(SOURCE, data)
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL_CHARS + 1))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        while header is not None and not any(h.strip() for h in header):
            header = next(reader, None)
    except csv.Error as error:
        raise ForeignImportError(SOURCE, [(f"line {reader.line_num}", f"broken CSV quoting ({error})")]) from None
    if not header:
        raise ForeignImportError(SOURCE, [("", "the file is empty; a Bearable export starts with a header row")])
    names = [" ".join(h.strip().lower().split()) for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ForeignImportError(
            SOURCE,
            [
                (
                    f"line {reader.line_num}",
                    f"this is not a Bearable export: no {', '.join(repr(m) for m in missing)} column "
                    f"(found {', '.join(repr(h.strip()[:30]) for h in header[:8])})",
                )
            ],
        )
    parsed = ParsedImport(SOURCE)
    problems: list[tuple[str, str]] = []
    total = 0
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append((f"line {line}", f"broken CSV quoting ({error})"))
            total += 1
            break
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        where = f"line {start}"
        if len(row) != len(names):
            total += 1
            problems.append((where, f"has {len(row)} cells; the header has {len(names)} (is a comma in a note unquoted?)"))
            continue
        cells = dict(zip(names, row))
        try:
            date = _date(cells)
        except ValueError as error:
            total += 1
            problems.append((where, str(error)))
            continue
        parsed.entries_read += 1
        _row(parsed, parsed.day(date, where), cells)
    if problems:
        raise ForeignImportError(SOURCE, problems, total)
    return parsed


def _row(parsed: ParsedImport, day: SourceDay, cells: dict[str, str]) -> None:
    category = " ".join(cells["category"].split())
    kind = category.lower()
    time = cells.get("time of day", "").strip()
    rating = cells["rating/amount"].strip()
    detail = cells["detail"].strip()
    note = cells.get("notes", "").strip()
    if note:
        day.notes.append(f"{time}: {note}" if time and time != "all day" else note)
        parsed.mapped[("Notes", "the day's note")] += 1
    if kind == "symptom":
        details = _details(detail)
        for part in details:
            name, reading = _symptom(time, part, rating, len(details) == 1)
            if reading is not None:
                parsed.add_reading(day, reading, SEVERITY)
            elif name:
                add_name(day.symptoms, name)
        parsed.mapped[("Symptom", "symptoms (a chosen one: back or leg pain)")] += 1
    elif kind in ("meds/supplements", "medication", "medications"):
        for part in _details(detail):
            amount = rating if rating and rating not in ("1", "1.0") else ""
            add_name(day.medications, f"{part} × {amount}" if amount else part)
        parsed.mapped[("Meds/Supplements", "medications (with doses)")] += 1
    elif kind == "factors":
        for part in _details(detail):
            relief = relief_name(part)
            # "Heat" or "Cold" as a Bearable factor may be the weather or an illness, not a heat or
            # cold pack: those two stay as the person logged them. Rest, lying down, TENS, … are relief.
            if relief is not None and relief not in WEATHER_LIKE:
                add_relief(day, relief, None)
                parsed.mapped[("Factors that are relief (rest, lying down, …)", "what helped")] += 1
            else:
                add_name(day.triggers, part)
                parsed.mapped[("Factors", "triggers")] += 1
    elif kind == "sleep":
        hours = _hours(rating) if rating else None
        if hours is not None and 0 <= hours <= 24:
            day.sleep_hours = hours if day.sleep_hours is None else day.sleep_hours + hours
            if day.sleep_hours > 24:
                day.sleep_hours = None
                day.kept_as_words.append(f"Sleep: {rating} (the day's sleep added up to more than 24 hours)")
            parsed.mapped[("Sleep", "sleep hours")] += 1
        elif rating or detail:
            day.kept_as_words.append(f"Sleep: {' '.join(p for p in (rating, detail) if p)}")
            parsed.mapped[("Sleep (not in hours)", "words in the note")] += 1
    elif kind == "sleep quality":
        day.kept_as_words.append(f"Sleep quality (Bearable's scale): {rating}{f' {detail}' if detail else ''}")
        parsed.mapped[("Sleep quality", "words in the note (not rescaled)")] += 1
    elif kind in ("mood", "energy"):
        parsed.dropped[DROPPED_MOOD] += 1
    elif kind in ("notes", "note"):
        if detail:
            day.notes.append(f"{time}: {detail}" if time and time != "all day" else detail)
            parsed.mapped[("Notes", "the day's note")] += 1
    else:
        parsed.dropped[f"{category or 'Unnamed'} rows (no place for them in Pain Journal)"] += 1
