"""Reading one row of the CSV format: each cell parsed, and the day it makes or its problems by column.

Numbers, lists, ``name:minutes`` activities and ``name:N`` ratings are read as
:mod:`journal.formats.csv_writing` writes them; a cell a spreadsheet could
run is unprotected again. Used by :mod:`journal.formats.csv_io` (which checks
the file, its header and its rows) and the readings CSV.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from journal.core.day import HELPED_WORDS, ActivityMinutes, DayEntry, ReliefUse
from journal.formats.csv_errors import ISO_DATE, date_problem, too_large
from journal.formats.csv_format import INTEGER_COLUMNS, LIST_SEPARATOR, unprotect_cell

_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,9}")
_DECIMAL = re.compile(r"-?[0-9]{1,6}(\.[0-9]{1,6})?")
_DIGITS = re.compile(r"-?[0-9]+(\.[0-9]*)?")


def parse_int(text: str) -> int | None:
    text = text.strip()
    if text == "":
        return None
    if not _WHOLE_NUMBER.fullmatch(text):
        if _DIGITS.fullmatch(text) and "." not in text:
            raise ValueError(too_large(text))
        raise ValueError(f"{text[:20]!r} is not a whole number")
    return int(text)


def parse_float(text: str) -> float | None:
    text = text.strip()
    if text == "":
        return None
    if not _DECIMAL.fullmatch(text):
        if _DIGITS.fullmatch(text) and len(text.split(".")[0].lstrip("-")) > 6:
            raise ValueError(too_large(text))
        raise ValueError(f"{text[:20]!r} is not a number of hours like 7 or 7.5")
    return float(text)


def parse_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in unprotect_cell(text).split(LIST_SEPARATOR) if part.strip())


def parse_activities(text: str) -> tuple[ActivityMinutes, ...]:
    result = []
    for part in parse_list(text):
        name, colon, minutes = part.rpartition(":")
        if not colon or not name.strip():
            raise ValueError(f"{part[:30]!r} should be name:minutes, e.g. walking:30")
        try:
            whole = parse_int(minutes)
            if whole is None:
                raise ValueError
            result.append(ActivityMinutes(name.strip(), whole))
        except ValueError:
            raise ValueError(f"{part[:30]!r}: minutes must be a whole number") from None
    return tuple(result)


_RATING: Final = re.compile(r"^(?P<name>.*\S)\s*:\s*(?P<helped>[0-9]+)$")


def parse_rated(text: str, *, strict: bool) -> tuple[tuple[str, int | None], ...]:
    """``name`` or ``name:N`` items; N is how much it helped: 0 (not at all), 1 (a little) or 2 (a lot).

    With ``strict`` (relief) any other number after the ':' is an error; without
    it (medications, free text written before ratings existed, such as
    "co-codamol 30:500") such text stays part of the name.
    """
    result: list[tuple[str, int | None]] = []
    for part in parse_list(text):
        match = _RATING.match(part)
        helped = int(match["helped"]) if match is not None and len(match["helped"]) == 1 else None
        if match is not None and helped in HELPED_WORDS:
            result.append((match["name"], helped))
        elif match is not None and strict:
            raise ValueError(f"{part[:30]!r}: after the ':' comes how much it helped: 0 (not at all), 1 (a little) or 2 (a lot)")
        else:
            result.append((part, None))
    return tuple(result)


def row_to_entry(cells: dict[str, str]) -> tuple[DayEntry | None, list[tuple[str, str]]]:
    """Parse the cells of one row; return the entry or the problems by column."""
    problems: list[tuple[str, str]] = []
    values: dict[str, object] = {}

    raw_date = cells.get("date", "").strip()
    try:
        values["date"] = dt.date.fromisoformat(raw_date) if ISO_DATE.fullmatch(raw_date) else None
        if values["date"] is None:
            raise ValueError
    except ValueError:
        problems.append(("date", date_problem(raw_date)))

    for column in INTEGER_COLUMNS:
        if column in cells:
            try:
                values[column] = parse_int(cells[column])
            except ValueError as error:
                problems.append((column, str(error)))
    if "sleep_hours" in cells:
        try:
            values["sleep_hours"] = parse_float(cells["sleep_hours"])
        except ValueError as error:
            problems.append(("sleep_hours", str(error)))
    if "pain_locations" in cells:
        values["pain_locations"] = frozenset(parse_list(cells["pain_locations"]))
    if "activities" in cells:
        try:
            values["activities"] = parse_activities(cells["activities"])
        except ValueError as error:
            problems.append(("activities", str(error)))
    for column in ("triggers", "symptoms"):
        if column in cells:
            values[column] = parse_list(cells[column])
    if "medications" in cells:
        try:
            medications = parse_rated(cells["medications"], strict=False)
            values["medications"] = tuple(name for name, _ in medications)
            values["medication_helped"] = tuple((name, helped) for name, helped in medications if helped is not None)
        except ValueError as error:
            problems.append(("medications", str(error)))
    if "relief" in cells:
        try:
            values["relief"] = tuple(ReliefUse(name, helped) for name, helped in parse_rated(cells["relief"], strict=True))
        except ValueError as error:
            problems.append(("relief", str(error)))
    for column in ("notes", "questions"):
        if column in cells:
            values[column] = unprotect_cell(cells[column])

    if problems:
        return None, problems
    if values.get("back_pain") is None:
        return None, [("back_pain", "is required (a whole number from 0 to 10)")]
    return DayEntry(**values), []  # type: ignore[arg-type]  # values holds exactly the fields parsed above
