"""The rules every way into the journal obeys (form, CSV, command line, code).

:func:`validate_day` either returns a tidied copy of the entry or raises
:class:`~journal.core.errors.ValidationError` listing every broken rule by
field name. Storage calls it before every write, so nothing unchecked is saved.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Final

from journal.core import clock
from journal.core.catalog import name_key, tidy_name
from journal.core.day import HELPED_WORDS, PAIN_LOCATIONS, SCALE_FIELDS, ActivityMinutes, DayEntry, ReliefUse
from journal.core.errors import ValidationError
from journal.core.readings import PainReading
from journal.core.words import noun, plural

EARLIEST_DATE: Final = dt.date(1900, 1, 1)
MINUTES_PER_DAY: Final = 1440
MAX_SLEEP_HOURS: Final = 24.0
MAX_NAME_LENGTH: Final = 60
MAX_MEDICATION_LENGTH: Final = 120
MAX_NOTES_LENGTH: Final = 20_000
MAX_QUESTIONS_LENGTH: Final = 5_000
MAX_ITEMS: Final = 40  # per list: activities, triggers, symptoms, medications, relief
#: Characters that would break the ``;``/``:`` list syntax of the CSV format.
RESERVED_IN_NAMES: Final = ";"

Problems = list[tuple[str, str]]


# Control characters (Unicode category Cc) and lone surrogates (Cs) only.
# Unassigned code points (Cn) are allowed: emoji newer than Python's Unicode
# tables are Cn here. Private-use characters (Co, e.g. the Apple logo) are
# allowed too. One search in C, so ten years of long notes check in moments.
_CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CONTROL_BUT_LINES: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _bad_characters(text: str, *, allow_newlines: bool) -> bool:
    return (_CONTROL_BUT_LINES if allow_newlines else _CONTROL).search(text) is not None


def _show(value: object) -> str:
    """A value for a message, safe for absurdly large numbers."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**9:
        return "a very large number"
    if isinstance(value, float) and abs(value) >= 1e9:
        return "a very large number"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def check_scale(field: str, value: object, problems: Problems, *, required: bool = False) -> None:
    if value is None:
        if required:
            problems.append((field, "is required (a whole number from 0 to 10)"))
        return
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append((field, f"must be a whole number from 0 to 10, not {_show(value)}"))
    elif not 0 <= value <= 10:
        problems.append((field, f"must be from 0 to 10, not {_show(value)}"))


def check_minutes(field: str, value: object, problems: Problems, *, required: bool = False) -> None:
    if value is None:
        if required:
            problems.append((field, "needs a number of minutes"))
        return
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append((field, f"must be whole minutes from 0 to {MINUTES_PER_DAY}, not {_show(value)}"))
    elif not 0 <= value <= MINUTES_PER_DAY:
        problems.append((field, f"must be from 0 to {MINUTES_PER_DAY} minutes, not {_show(value)}"))


def check_name(field: str, name: str, problems: Problems, *, limit: int = MAX_NAME_LENGTH) -> None:
    if not name:
        problems.append((field, "has an empty name"))
    elif len(name) > limit:
        problems.append((field, f"name is longer than {limit} characters: {name[:30]!r}…"))
    elif RESERVED_IN_NAMES in name:
        problems.append((field, f"name may not contain ';': {name!r}"))
    elif _bad_characters(name, allow_newlines=False):
        problems.append((field, f"name contains control characters: {name!r}"))


def _check_text(field: str, text: str, limit: int, problems: Problems) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if len(text) > limit:
        problems.append((field, f"is {len(text):,} characters long; the limit is {limit:,}"))
    elif _bad_characters(text, allow_newlines=True):
        problems.append((field, "contains control characters"))
    return text.strip()


def _unique_names(field: str, names: tuple[str, ...], problems: Problems) -> tuple[str, ...]:
    seen: set[str] = set()
    result: list[str] = []
    for raw in names:
        name = tidy_name(raw)
        check_name(field, name, problems)
        if name_key(name) not in seen:
            seen.add(name_key(name))
            result.append(name)
    if len(result) > MAX_ITEMS:
        problems.append((field, f"has {len(result)} items; the limit is {MAX_ITEMS}"))
    return tuple(result)


def check_helped(field: str, name: str, value: object, problems: Problems) -> None:
    """A "did it help?" rating: None (not rated), 0 (not at all), 1 (a little) or 2 (a lot)."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value not in HELPED_WORDS:
        problems.append(
            (field, f"{name[:30]!r}: how much it helped must be 0 (not at all), 1 (a little) or 2 (a lot), not {_show(value)}")
        )


def _relief(entry: DayEntry, problems: Problems) -> tuple[ReliefUse, ...]:
    """The day's relief, tidied: one use per name (a later rating fills in a missing one)."""
    merged: dict[str, ReliefUse] = {}
    for use in entry.relief:
        name = tidy_name(use.name)
        check_name("relief", name, problems)
        check_helped("relief", name, use.helped, problems)
        key = name_key(name)
        if key in merged:
            if merged[key].helped is None:
                merged[key] = ReliefUse(merged[key].name, use.helped)
        else:
            merged[key] = ReliefUse(name, use.helped)
    if len(merged) > MAX_ITEMS:
        problems.append(("relief", f"has {len(merged)} items; the limit is {MAX_ITEMS}"))
    return tuple(merged.values())


def _medication_helped(entry: DayEntry, medications: list[str], problems: Problems) -> tuple[tuple[str, int], ...]:
    """Ratings of the day's medications, by the medications' stored spelling and order."""
    by_key = {name_key(m): m for m in medications}
    ratings: dict[str, int] = {}
    for raw, value in entry.medication_helped:
        name = tidy_name(raw)
        check_helped("medication_helped", name, value, problems)
        if name_key(name) not in by_key:
            problems.append(("medication_helped", f"rates {name[:30]!r}, which is not among the day's medications"))
        elif isinstance(value, int):
            ratings.setdefault(by_key[name_key(name)], value)
    return tuple((m, ratings[m]) for m in medications if m in ratings)


def validate_day(entry: DayEntry, *, today: dt.date | None = None) -> DayEntry:
    """Check every rule and return the entry tidied for storage.

    Tidying trims names, merges repeated names (ignoring case; activity
    minutes are added up), normalises line endings and rounds sleep hours to
    a quarter hour.

    Raises:
        ValidationError: naming each field that broke a rule.
    """
    today = today or clock.today()
    problems: Problems = []

    if not isinstance(entry.date, dt.date) or isinstance(entry.date, dt.datetime):
        problems.append(("date", f"must be a calendar date, not {entry.date!r}"))
    elif entry.date > today:
        problems.append(("date", f"{entry.date.isoformat()} is in the future"))
    elif entry.date < EARLIEST_DATE:
        problems.append(("date", f"{entry.date.isoformat()} is before {EARLIEST_DATE.year}"))

    for field in SCALE_FIELDS:
        check_scale(field, getattr(entry, field), problems, required=(field == "back_pain"))
    check_minutes("morning_stiffness_min", entry.morning_stiffness_min, problems)

    sleep = entry.sleep_hours
    if sleep is not None:
        if isinstance(sleep, bool) or not isinstance(sleep, (int, float)) or (isinstance(sleep, float) and math.isnan(sleep)):
            problems.append(("sleep_hours", f"must be a number of hours, not {_show(sleep)}"))
        elif not 0 <= sleep <= MAX_SLEEP_HOURS:
            problems.append(("sleep_hours", f"must be from 0 to 24 hours, not {_show(sleep)}"))
        else:
            sleep = round(float(sleep) * 4) / 4

    unknown_places = sorted(set(entry.pain_locations) - PAIN_LOCATIONS.keys())
    if unknown_places:
        problems.append(
            (
                "pain_locations",
                f"unknown {noun(len(unknown_places), 'place')}: {', '.join(unknown_places)}; known: {', '.join(PAIN_LOCATIONS)}",
            )
        )

    merged: dict[str, ActivityMinutes] = {}
    for activity in entry.activities:
        name = tidy_name(activity.name)
        minutes = activity.minutes
        if not name and isinstance(minutes, int) and not isinstance(minutes, bool) and 0 < minutes <= MINUTES_PER_DAY:
            problems.append(
                ("activities", f"include {plural(minutes, 'minute')} without a name: type what you did, or remove that row")
            )
            continue
        check_name("activities", name, problems)
        check_minutes("activities", activity.minutes, problems, required=True)
        key = name_key(name)
        if key in merged and isinstance(activity.minutes, int):
            previous = merged[key]
            merged[key] = ActivityMinutes(previous.name, previous.minutes + activity.minutes)
        else:
            merged[key] = ActivityMinutes(name, activity.minutes)
    if len(merged) > MAX_ITEMS:
        problems.append(("activities", f"has {len(merged)} items; the limit is {MAX_ITEMS}"))
    total = sum(a.minutes for a in merged.values() if isinstance(a.minutes, int))
    if total > MINUTES_PER_DAY:
        problems.append(("activities", f"add up to {total:,} minutes, more than the {MINUTES_PER_DAY:,} in a day"))

    triggers = _unique_names("triggers", tuple(entry.triggers), problems)
    symptoms = _unique_names("symptoms", tuple(entry.symptoms), problems)

    medications: list[str] = []
    for raw in entry.medications:
        text = tidy_name(raw)
        if not text:
            continue
        check_name("medications", text, problems, limit=MAX_MEDICATION_LENGTH)
        if name_key(text) not in {name_key(m) for m in medications}:
            medications.append(text)
    if len(medications) > MAX_ITEMS:
        problems.append(("medications", f"has {len(medications)} items; the limit is {MAX_ITEMS}"))

    relief = _relief(entry, problems)
    medication_helped = _medication_helped(entry, medications, problems)

    notes = _check_text("notes", entry.notes or "", MAX_NOTES_LENGTH, problems)
    questions = _check_text("questions", entry.questions or "", MAX_QUESTIONS_LENGTH, problems)

    if problems:
        raise ValidationError(problems)
    return entry.replace(
        sleep_hours=sleep,
        pain_locations=frozenset(entry.pain_locations),
        activities=tuple(merged.values()),
        triggers=triggers,
        symptoms=symptoms,
        medications=tuple(medications),
        relief=relief,
        medication_helped=medication_helped,
        notes=notes,
        questions=questions,
    )


def validate_reading(reading: PainReading, *, today: dt.date | None = None) -> PainReading:
    """Check a pain-now reading by the day's rules and return it to the minute.

    The date follows :func:`validate_day`'s date rules; back pain is required and
    leg pain optional, each a whole number from 0 to 10, as on the day.

    Raises:
        ValidationError: naming each field that broke a rule.
    """
    today = today or clock.today()
    problems: Problems = []
    if not isinstance(reading.date, dt.date) or isinstance(reading.date, dt.datetime):
        problems.append(("date", f"must be a calendar date, not {reading.date!r}"))
    elif reading.date > today:
        problems.append(("date", f"{reading.date.isoformat()} is in the future"))
    elif reading.date < EARLIEST_DATE:
        problems.append(("date", f"{reading.date.isoformat()} is before {EARLIEST_DATE.year}"))
    if not isinstance(reading.time, dt.time):
        problems.append(("time", f"must be a time of day (HH:MM), not {_show(reading.time)}"))
    check_scale("back_pain", reading.back_pain, problems, required=True)
    check_scale("leg_pain", reading.leg_pain, problems)
    if problems:
        raise ValidationError(problems)
    return PainReading(
        reading.date, reading.time.replace(second=0, microsecond=0, tzinfo=None), reading.back_pain, reading.leg_pain
    )
