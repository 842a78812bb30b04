"""Privacy Friendly Pain Diary's backup (JSON).

``{"database": {"version": 2, "content": [{"tableName", "createSql", "values": [...]}]}, "preferences": …}``
with the tables ``diaryentries(_id, date "yyyy-MM-dd", painDescription_id,
condition 0–4, notes)``, ``paindescriptions(_id, painLevel 0–10, bodyRegions
"3,7,22", painQualities, timesOfPain)``, ``drugs(_id, name, dose)`` and
``drugintakes(morning, noon, evening, night, drug_id, diaryEntry_id)``. The
app writes every value as text (an empty string for none); each row of
``values`` is an object by column name (a list in column order is read too,
using the columns of ``createSql``). The app's own code names the tables in
the singular (``diaryentry``, ``paindescription``, ``drug``, ``drugintake``,
``user``) with lower-case columns (``painlevel``, ``paindescription_id``):
both spellings are read, table and column names without regard to case.
The mapping is documented in docs/importing.md.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from journal.formats.importers.common import (
    ZERO_TO_TEN,
    ForeignImportError,
    ParsedImport,
    Reading,
    add_name,
    decode_text,
    load_json,
)
from journal.formats.importers.places import PAIN_DIARY_REGION_WORDS, PAIN_DIARY_REGIONS

SOURCE: Final = "Privacy Friendly Pain Diary"
PAIN: Final = "Pain level"
DROPPED_CONDITION: Final = "“How do you feel” (condition, the Pain Diary's 0–4 mood scale; not rescaled)"
_COLUMNS = re.compile(r"\(\s*(.*)\)", re.DOTALL)
#: Table names as written (lower case) → the name used here.
_TABLES: Final = {
    "diaryentry": "diaryentries",
    "diaryentries": "diaryentries",
    "paindescription": "paindescriptions",
    "paindescriptions": "paindescriptions",
    "drug": "drugs",
    "drugs": "drugs",
    "drugintake": "drugintakes",
    "drugintakes": "drugintakes",
    "user": "users",
    "users": "users",
    "android_metadata": "android_metadata",
    "sqlite_sequence": "sqlite_sequence",
}
_USED: Final = ("diaryentries", "paindescriptions", "drugs", "drugintakes", "android_metadata", "sqlite_sequence")
#: Foreign-key columns, in either spelling.
_PAIN_ID: Final = ("paindescription_id", "paindescriptions_id")
_DRUG_ID: Final = ("drug_id", "drugs_id")
_ENTRY_ID: Final = ("diaryentry_id", "diaryentries_id")


def _columns(create_sql: object) -> list[str]:
    match = _COLUMNS.search(create_sql) if isinstance(create_sql, str) else None
    if not match:
        return []
    return [part.strip().split()[0].strip('`"[]') for part in match.group(1).split(",") if part.strip()]


def _rows(table: dict[str, Any], where: str) -> list[dict[str, Any]]:
    values = table.get("values", [])
    if not isinstance(values, list):
        raise ForeignImportError(SOURCE, [(where, "“values” is not a list of rows")])
    columns = _columns(table.get("createSql"))
    rows: list[dict[str, Any]] = []
    for number, row in enumerate(values, start=1):
        if isinstance(row, dict):
            rows.append({str(key).lower(): value for key, value in row.items()})
        elif isinstance(row, list) and columns and len(row) == len(columns):
            rows.append(dict(zip((c.lower() for c in columns), row)))
        else:
            raise ForeignImportError(SOURCE, [(f"{where}, row {number}", "is not a row of the table")])
    return rows


def _text(row: dict[str, Any], *keys: str) -> str:
    """The first of ``keys`` (lower case) the row has, as text; "" for none."""
    value = next((row[key] for key in keys if key in row), None)
    return "" if value is None else str(value).strip()


def _whole(row: dict[str, Any], key: str) -> int | None:
    text = _text(row, key)
    if text == "":
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"“{key}” {text[:20]!r} is not a whole number") from None


def parse(data: bytes) -> ParsedImport:
    """Read a Pain Diary backup. Raises :class:`ForeignImportError` naming each bad diary entry."""
    document = load_json(SOURCE, decode_text(SOURCE, data))
    database = document.get("database") if isinstance(document, dict) else None
    content = database.get("content") if isinstance(database, dict) else None
    if not isinstance(content, list):
        raise ForeignImportError(
            SOURCE, [("", "this is not a Privacy Friendly Pain Diary backup: no “database” with “content” tables")]
        )
    tables: dict[str, list[dict[str, Any]]] = {}
    parsed = ParsedImport(SOURCE, default_back=PAIN)
    parsed.scales[PAIN] = ZERO_TO_TEN
    for number, table in enumerate(content, start=1):
        if not isinstance(table, dict) or not isinstance(table.get("tableName"), str):
            raise ForeignImportError(SOURCE, [(f"table {number}", "has no “tableName”")])
        written = table["tableName"].lower()
        name = _TABLES.get(written, written)
        tables[name] = _rows(table, f"table {written}")
        if name not in _USED and tables[name]:
            what = "Your profile (name, birth date)" if name == "users" else f"The “{table['tableName']}” table"
            parsed.dropped[f"{what} (no place for it in Pain Journal)"] += len(tables[name])
    if "diaryentries" not in tables:
        raise ForeignImportError(SOURCE, [("", "the backup has no diary entries table (“diaryentry”)")])
    descriptions = {_text(r, "_id"): r for r in tables.get("paindescriptions", [])}
    drugs = {_text(r, "_id"): r for r in tables.get("drugs", [])}
    intakes: dict[str, list[dict[str, Any]]] = {}
    for intake in tables.get("drugintakes", []):
        intakes.setdefault(_text(intake, *_ENTRY_ID), []).append(intake)

    problems: list[tuple[str, str]] = []
    for number, row in enumerate(tables["diaryentries"], start=1):
        where = f"diary entry {number}"
        try:
            _entry(parsed, row, where, descriptions, drugs, intakes.get(_text(row, "_id"), []))
        except ValueError as error:
            problems.append((where, str(error)))
    if problems:
        raise ForeignImportError(SOURCE, problems)
    return parsed


def _entry(
    parsed: ParsedImport,
    row: dict[str, Any],
    where: str,
    descriptions: dict[str, dict[str, Any]],
    drugs: dict[str, dict[str, Any]],
    intakes: list[dict[str, Any]],
) -> None:
    raw_date = _text(row, "date")
    try:
        date = dt.date.fromisoformat(raw_date)
    except ValueError:
        raise ValueError(f"“date” {raw_date[:20]!r} is not a date like 2018-03-26") from None
    description = descriptions.get(_text(row, *_PAIN_ID), {})
    level = _whole(description, "painlevel") if description else None
    if level is not None and not 0 <= level <= 10:
        raise ValueError(f"the pain level must be from 0 to 10, not {level}")
    if _whole(row, "condition") is not None:
        parsed.dropped[DROPPED_CONDITION] += 1
    parsed.entries_read += 1
    day = parsed.day(date, where)
    if level is not None:
        parsed.add_reading(day, Reading(PAIN, level), ZERO_TO_TEN)
        parsed.mapped[("Pain level (0–10)", "back pain, as it is (or the score you choose)")] += 1
    for part in _text(description, "bodyregions").split(","):
        if not part.strip():
            continue
        try:
            region = int(part)
        except ValueError:
            raise ValueError(f"the body region {part.strip()[:20]!r} is not a region number") from None
        if region in PAIN_DIARY_REGIONS:
            day.locations.add(PAIN_DIARY_REGIONS[region])
            parsed.mapped[("Body regions", "the body map")] += 1
        elif 0 <= region < len(PAIN_DIARY_REGION_WORDS):
            day.kept_as_words.append(f"Where it hurt: {PAIN_DIARY_REGION_WORDS[region]}")
            parsed.mapped[("Body regions not on the body map", "words in the note")] += 1
        else:
            raise ValueError(f"the body region {region} is not one of the Pain Diary's regions (0–43)")
    for key, label in (("painqualities", "The pain felt"), ("timesofpain", "When it hurt")):
        words = ", ".join(w.strip() for w in _text(description, key).split(",") if w.strip())
        if words:
            day.kept_as_words.append(f"{label}: {words}")
            parsed.mapped[({"painqualities": "Pain qualities"}.get(key, "Times of pain"), "words in the note")] += 1
    for intake in intakes:
        drug = drugs.get(_text(intake, *_DRUG_ID))
        if drug is None or not _text(drug, "name"):
            raise ValueError(f"a medication taken refers to drug {_text(intake, *_DRUG_ID)!r}, which the backup lacks")
        name, dose = _text(drug, "name"), _text(drug, "dose")
        add_name(day.medications, f"{name} ({dose})" if dose else name)
        parsed.mapped[("Medications taken", "medications (with doses)")] += 1
        times = ", ".join(f"{key} {count}" for key in ("morning", "noon", "evening", "night") if (count := _whole(intake, key)))
        if times:
            day.kept_as_words.append(f"{name} taken: {times}")
    notes = _text(row, "notes")
    if notes:
        day.notes.append(notes)
        parsed.mapped[("Notes", "the day's note")] += 1
