"""What every importer from another app shares: the parsed file, the pain choice, the preview.

An adapter (one module per app) is a pure parser: bytes in, a
:class:`ParsedImport` out, with every scored item it found, what it could not
bring across and why, and each problem named by line or entry. Nothing here
touches the journal file.

:func:`build_preview` turns a parsed file and the person's choice of which
scored item (if any) is their back or leg pain into Pain Journal days, each
checked by the same :func:`~journal.core.validation.validate_day` as every
other way in. The rules it keeps:

- a score is never rescaled silently: only an item already on 0–10 and named
  as pain is back pain by default; anything else becomes a score only when
  the person chooses it, and the conversion is spelled out;
- several readings on one day become one day: the highest reading is the
  day's score and every reading is listed in the day's note;
- whatever has no place in the journal is listed, with the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final

from journal.core.catalog import CatalogKind, default_catalog, name_key, tidy_name
from journal.core.day import HELPED_WORDS, DayEntry, ReliefUse
from journal.core.errors import UserError, ValidationError
from journal.core.validation import MAX_ITEMS, MAX_MEDICATION_LENGTH, MAX_NAME_LENGTH, validate_day
from journal.core.words import plural

MAX_REPORTED_PROBLEMS: Final = 20
#: The journal's own list separator: a ';' inside an imported name becomes ','.
_RESERVED: Final = ";"


class ForeignImportError(UserError):
    """The file cannot be imported; nothing was written.

    Attributes:
        problems: ``(where, message)``: where is "line 12", "entry 3" or "" for the whole file.
    """

    def __init__(self, source: str, problems: list[tuple[str, str]], total: int | None = None) -> None:
        self.source = source
        self.problems = problems[:MAX_REPORTED_PROBLEMS]
        total = total if total is not None else len(problems)
        lines = [f"{where}: {message}" if where else message for where, message in self.problems]
        more = f"\n…and {plural(total - len(self.problems), 'more problem')}." if total > len(self.problems) else ""
        super().__init__(
            f"Nothing was imported from the {source} file: {plural(total, 'problem')} found.\n" + "\n".join(lines) + more
        )


@dataclass(frozen=True)
class Scale:
    """A scored item's scale as its app wrote it: ``low``–``high``, with words for the steps if it has them."""

    low: int
    high: int
    words: tuple[str, ...] = ()  # one per step from ``low``

    def describe(self) -> str:
        steps = f"{self.low}–{self.high}"
        return f"{steps}: {', '.join(self.words)}" if self.words else steps

    def word(self, value: int) -> str:
        """The step as the app said it: "Moderate" or "3"."""
        index = value - self.low
        return self.words[index] if self.words and 0 <= index < len(self.words) else str(value)

    @property
    def is_zero_to_ten(self) -> bool:
        return (self.low, self.high) == (0, 10) and not self.words


ZERO_TO_TEN: Final = Scale(0, 10)


def to_ten(value: int, scale: Scale) -> int:
    """``value`` on ``scale`` as a 0–10 score: the top of the scale is 10, in proportion, halves rounded up.

    0–4 gives 0, 3, 5, 8, 10; 1–3 (Mild, Moderate, Severe) gives 3, 7, 10. Only
    used when the person has chosen it, after seeing :func:`conversion_words`.
    """
    if scale.is_zero_to_ten:
        return value
    return min(10, max(0, math.floor(value * 10 / scale.high + 0.5)))


def conversion_words(item: str, scale: Scale, target: str) -> str:
    """The conversion spelled out: "“Back pain” 0–4 → back pain 0–10: 0→0, 1→3, 2→5, 3→8, 4→10"."""
    if scale.is_zero_to_ten:
        return f"“{item}” (0–10) → {target}, as it is"
    steps = ", ".join(f"{scale.word(v)}→{to_ten(v, scale)}" for v in range(scale.low, scale.high + 1))
    return f"“{item}” ({scale.describe()}) → {target} 0–10: {steps}"


@dataclass(frozen=True)
class Reading:
    """One score of one item, as written: ``time`` is the app's own ("08:30", "am", "") if it has one."""

    item: str
    value: int
    time: str = ""


@dataclass
class SourceDay:
    """Everything one calendar date holds in the other app's file, before the choice of pain."""

    date: dt.date
    where: str  # the first line or entry of the day, for messages
    readings: list[Reading] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)
    symptoms: list[str] = field(default_factory=list)
    medications: list[str] = field(default_factory=list)
    locations: set[str] = field(default_factory=set)
    sleep_hours: float | None = None
    notes: list[str] = field(default_factory=list)  # the person's own words, in file order
    kept_as_words: list[str] = field(default_factory=list)  # lines of the note for things with no field
    relief: dict[str, int | None] = field(default_factory=dict)  # catalog relief name → 0/1/2 or None
    medication_helped: dict[str, int] = field(default_factory=dict)  # name as in ``medications`` → 0/1/2


@dataclass
class ParsedImport:
    """A whole file from another app, read but not yet turned into days.

    ``scales`` holds every scored item found and its scale; ``default_back``
    the item that is back pain without asking (a 0–10 pain score), if any.
    ``dropped`` counts what cannot come across, by a sentence saying what and why.
    ``mapped`` counts what goes where: ("Tags", "triggers") → days.
    """

    source: str
    days: dict[dt.date, SourceDay] = field(default_factory=dict)
    scales: dict[str, Scale] = field(default_factory=dict)
    default_back: str | None = None
    dropped: Counter[str] = field(default_factory=Counter)
    mapped: Counter[tuple[str, str]] = field(default_factory=Counter)
    entries_read: int = 0

    def day(self, date: dt.date, where: str) -> SourceDay:
        found = self.days.get(date)
        if found is None:
            found = self.days[date] = SourceDay(date, where)
        return found

    def add_reading(self, day: SourceDay, reading: Reading, scale: Scale) -> None:
        known = self.scales.setdefault(reading.item, scale)
        if known != scale:  # the same name on two scales: keep the wider one for the choice
            self.scales[reading.item] = Scale(min(known.low, scale.low), max(known.high, scale.high), known.words)
        day.readings.append(reading)


@dataclass(frozen=True)
class PainChoice:
    """Which scored item is back pain and which leg pain (``None``: not scored, kept as words)."""

    back: str | None = None
    leg: str | None = None


@dataclass(frozen=True)
class Preview:
    """The days an import would write and everything the person should know first."""

    source: str
    entries: tuple[DayEntry, ...]
    where: tuple[str, ...]  # the first line or entry of each day
    own_words: tuple[str, ...]  # each day's notes as the person typed them (screened for warning signs)
    conversions: tuple[str, ...]
    mapped: tuple[str, ...]
    not_came_across: tuple[str, ...]
    days_without_pain: tuple[dt.date, ...]
    #: The person's words on the days left out: (date, symptom names, notes), for the warning-sign screening.
    left_out_words: tuple[tuple[dt.date, tuple[str, ...], str], ...] = ()

    @property
    def first(self) -> dt.date | None:
        return self.entries[0].date if self.entries else None

    @property
    def last(self) -> dt.date | None:
        return self.entries[-1].date if self.entries else None


# --- helpers the adapters share ------------------------------------------------------


def decode_text(source: str, data: bytes) -> str:
    """The file as text: UTF-8 (with or without a byte-order mark) or UTF-16/32 with one.

    Raises:
        ForeignImportError: naming the line of the first byte that is not UTF-8.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        encoding = "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ForeignImportError(
            source,
            [
                (
                    f"line {line}",
                    f"the file is not {encoding.upper().removesuffix('-SIG')} text (an unreadable byte at position "
                    f"{error.start:,}); export it again from {source}, or save it as UTF-8",
                )
            ],
        ) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ForeignImportError(source, [(f"line {line}", "the file contains NUL bytes; it is not a text export")])
    return text


def load_json(source: str, text: str) -> Any:
    """Parsed JSON, or :class:`ForeignImportError` naming the line and column where it breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ForeignImportError(
            source,
            [(f"line {error.lineno}, column {error.colno}", f"the file is not complete JSON ({error.msg})")],
        ) from None
    except RecursionError:
        raise ForeignImportError(source, [("", "the file's JSON is nested too deeply to be an export")]) from None


@lru_cache(maxsize=16_384)
def clean_name(raw: str) -> str:
    """An imported name as the journal stores names: trimmed, single-spaced, ';' made ','."""
    return tidy_name(raw.replace(_RESERVED, ","))


@lru_cache(maxsize=16_384)
def _key(name: str) -> str:
    """:func:`name_key`, remembered: an export repeats the same few names thousands of times."""
    return name_key(name)


@lru_cache(maxsize=1)
def _relief_names() -> dict[str, str]:
    return {name_key(item.name): item.name for item in default_catalog() if item.kind is CatalogKind.RELIEF}


def relief_name(raw: str) -> str | None:
    """The journal's own relief name (heat, rest, TENS, …) that ``raw`` is, ignoring case; else None."""
    return _relief_names().get(_key(clean_name(raw)))


def helped_rating(raw: object) -> int | None:
    """0/1/2 when ``raw`` is one of the journal's own rating words (“helped a lot”, “helped a
    little”, “did not help”), ignoring case and spacing; anything else is no rating (None)."""
    if not isinstance(raw, str):
        return None
    words = " ".join(raw.lower().split())
    return next((value for value, word in HELPED_WORDS.items() if word == words), None)


def add_relief(day: SourceDay, name: str, helped: int | None) -> None:
    """Record a relief use; a later rating fills in a missing one, never replaces one."""
    if day.relief.get(name) is None:
        day.relief[name] = helped


def add_name(names: list[str], raw: str) -> None:
    name = clean_name(raw)
    if name and _key(name) not in {_key(n) for n in names}:
        names.append(name)


# --- building the days ---------------------------------------------------------------


def _fit(names: Iterable[str], limit: int, label: str, overflow: list[str]) -> tuple[str, ...]:
    """Names that fit the journal's list (length, count); the rest go to the note under ``label``."""
    kept: list[str] = []
    left: list[str] = []
    for name in names:
        if len(name) <= limit and len(kept) < MAX_ITEMS:
            kept.append(name)
        else:
            left.append(name)
    if left:
        overflow.append(f"{label}: {', '.join(left)}")
    return tuple(kept)


def _reading_words(readings: list[Reading], scale: Scale) -> str:
    parts = []
    for reading in readings:
        shown = scale.word(reading.value) if scale.words else str(reading.value)
        parts.append(f"{reading.time} {shown}".strip())
    return ", ".join(parts)


def _score(day: SourceDay, item: str | None, scale: Scale | None, target: str, lines: list[str], source: str) -> int | None:
    if item is None or scale is None:
        return None
    readings = [r for r in day.readings if r.item == item]
    if not readings:
        return None
    best = max(to_ten(r.value, scale) for r in readings)
    if scale.is_zero_to_ten and len(readings) > 1:
        lines.append(
            f"{target.capitalize()} readings in {source} ({item}): {_reading_words(readings, scale)}; "
            f"the day keeps the highest, {best}."
        )
    elif not scale.is_zero_to_ten:
        converted = ", ".join(f"{_reading_words([r], scale)} → {to_ten(r.value, scale)}" for r in readings)
        highest = f"; the day keeps the highest, {best}" if len(readings) > 1 else ""
        lines.append(f"{target.capitalize()} from {source} “{item}” ({scale.describe()}), converted: {converted}{highest}.")
    return best


def build_preview(parsed: ParsedImport, choice: PainChoice, *, today: dt.date | None = None) -> Preview:
    """The days ``parsed`` becomes under ``choice``, each checked by the journal's rules.

    Raises:
        ForeignImportError: some day breaks a rule; each problem names the day's line or entry.
        ValueError: ``choice`` names an item the file does not have (a programming error).
    """
    for item in (choice.back, choice.leg):
        if item is not None and item not in parsed.scales:
            raise ValueError(f"{item!r} is not a scored item of this file")
    source = parsed.source
    back_scale = parsed.scales.get(choice.back) if choice.back else None
    leg_scale = parsed.scales.get(choice.leg) if choice.leg else None
    scored = {choice.back, choice.leg} - {None}

    entries: list[DayEntry] = []
    where: list[str] = []
    own_words: list[str] = []
    problems: list[tuple[str, str]] = []
    total = 0
    without_pain: list[dt.date] = []
    left_out_words: list[tuple[dt.date, tuple[str, ...], str]] = []
    for date in sorted(parsed.days):
        day = parsed.days[date]
        lines: list[str] = []
        back = _score(day, choice.back, back_scale, "back pain", lines, source)
        leg = _score(day, choice.leg, leg_scale, "leg pain", lines, source)
        if back is None:
            without_pain.append(date)
            names = tuple(dict.fromkeys([*day.symptoms, *(r.item for r in day.readings)]))
            left_out_words.append((date, names, "\n".join(day.notes)))
            continue
        symptoms = list(day.symptoms)
        worded: dict[str, list[Reading]] = {}
        for reading in day.readings:
            if reading.item not in scored:
                worded.setdefault(reading.item, []).append(reading)
        for item, readings in worded.items():
            if any(r.value > 0 for r in readings):  # a 0 on a 0–4 scale is "not at all"
                add_name(symptoms, item)
            scale = parsed.scales[item]
            lines.append(f"{item} ({source}, {scale.describe()}): {_reading_words(readings, scale)}")
        overflow: list[str] = []
        triggers = _fit(day.triggers, MAX_NAME_LENGTH, "Triggers", overflow)
        symptom_names = _fit(symptoms, MAX_NAME_LENGTH, "Symptoms", overflow)
        medications = _fit(day.medications, MAX_MEDICATION_LENGTH, "Medications", overflow)
        relief = tuple(ReliefUse(name, helped) for name, helped in list(day.relief.items())[:MAX_ITEMS])
        medication_helped = tuple((m, day.medication_helped[m]) for m in medications if m in day.medication_helped)
        extra = list(dict.fromkeys([*lines, *day.kept_as_words, *overflow]))  # each line once
        parts = ["\n".join(day.notes)] if day.notes else []
        if extra:
            parts.append(f"From {source}:\n" + "\n".join(f"• {line}" for line in extra))
        entry = DayEntry(
            date=date,
            back_pain=back,
            leg_pain=leg,
            pain_locations=frozenset(day.locations),
            sleep_hours=day.sleep_hours,
            triggers=triggers,
            symptoms=symptom_names,
            medications=medications,
            relief=relief,
            medication_helped=medication_helped,
            notes="\n\n".join(parts),
        )
        try:
            entry = validate_day(entry, today=today)
        except ValidationError as error:
            for column, message in error.problems:
                total += 1
                if len(problems) < MAX_REPORTED_PROBLEMS:
                    problems.append((f"{day.where} ({date.isoformat()})", f"{column} {message}"))
            continue
        entries.append(entry)
        where.append(day.where)
        own_words.append("\n".join(day.notes))
    if problems:
        raise ForeignImportError(source, problems, total)

    conversions = []
    if choice.back and back_scale:
        conversions.append(conversion_words(choice.back, back_scale, "back pain"))
    if choice.leg and leg_scale:
        conversions.append(conversion_words(choice.leg, leg_scale, "leg pain"))
    mapped = [f"{what} → {to} ({plural(n, 'time')})" for (what, to), n in sorted(parsed.mapped.items())]
    unchosen = sorted(set(parsed.scales) - scored)
    if unchosen:
        mapped.append(f"Scored items not chosen as pain ({', '.join(unchosen)}) → symptoms, with each score in the note")
    dropped = [f"{what}: {plural(n, 'time')}" for what, n in parsed.dropped.most_common()]
    if without_pain:
        dropped.insert(
            0,
            f"{plural(len(without_pain), 'day')} with no back pain score: each day in Pain Journal needs one"
            + ("" if choice.back else "; choose which item is your back pain to bring them in"),
        )
    return Preview(
        source,
        tuple(entries),
        tuple(where),
        tuple(own_words),
        tuple(conversions),
        tuple(mapped),
        tuple(dropped),
        tuple(without_pain),
        tuple(left_out_words),
    )
