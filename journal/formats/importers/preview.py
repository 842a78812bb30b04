"""Turning a file read from another app into checked Pain Journal days: the preview.

:func:`build_preview` turns a parsed file (:class:`~journal.formats.importers.common.ParsedImport`)
and the person's choice of which scored item (if any) is their back or leg pain into Pain Journal
days, each checked by the same :func:`~journal.core.validation.validate_day` as every other way
in. The rules it keeps:

- a score is never rescaled silently: only an item already on 0–10 and named
  as pain is back pain by default; anything else becomes a score only when
  the person chooses it, and the conversion is spelled out;
- several readings on one day become one day: the highest reading is the
  day's score (the rule for a day with pain-now readings); several with a
  clock time become pain-now readings (:mod:`journal.formats.importers.pain_now`),
  and every other reading is listed in the day's note;
- whatever has no place in the journal is listed, with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from journal.core.day import DayEntry, ReliefUse
from journal.core.errors import ValidationError
from journal.core.readings import PainReading
from journal.core.validation import MAX_ITEMS, MAX_MEDICATION_LENGTH, MAX_NAME_LENGTH, validate_day, validate_reading
from journal.core.words import plural
from journal.formats.importers.pain_now import day_readings
from journal.formats.importers.parsed import (
    MAX_REPORTED_PROBLEMS,
    ForeignImportError,
    ParsedImport,
    Reading,
    Scale,
    SourceDay,
    conversion_words,
    to_ten,
)
from journal.formats.importers.reading_aids import add_name


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
    #: Several pain entries with a time on one day, as pain-now readings (by date and time).
    readings: tuple[PainReading, ...] = ()

    @property
    def first(self) -> dt.date | None:
        return self.entries[0].date if self.entries else None

    @property
    def last(self) -> dt.date | None:
        return self.entries[-1].date if self.entries else None


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


def _score(
    day: SourceDay,
    item: str | None,
    scale: Scale | None,
    target: str,
    lines: list[str],
    source: str,
    as_readings: frozenset[int] = frozenset(),
) -> int | None:
    """The day's score of ``item`` (the highest, as for a day with pain-now readings); each entry
    not brought in as a reading (``as_readings``, indices into ``day.readings``) is listed in ``lines``."""
    if item is None or scale is None:
        return None
    readings = [r for r in day.readings if r.item == item]
    if not readings:
        return None
    best = max(to_ten(r.value, scale) for r in readings)
    listed = [r for index, r in enumerate(day.readings) if r.item == item and index not in as_readings]
    if not listed:
        return best  # every entry is a pain-now reading; the conversion is in the preview
    others = "; the others are pain-now readings" if len(listed) < len(readings) else ""
    if scale.is_zero_to_ten and len(readings) > 1:
        lines.append(
            f"{target.capitalize()} readings in {source} ({item}): {_reading_words(listed, scale)}; "
            f"the day keeps the highest, {best}{others}."
        )
    elif not scale.is_zero_to_ten:
        converted = ", ".join(f"{_reading_words([r], scale)} → {to_ten(r.value, scale)}" for r in listed)
        highest = f"; the day keeps the highest, {best}" if len(readings) > 1 else ""
        lines.append(
            f"{target.capitalize()} from {source} “{item}” ({scale.describe()}), converted: {converted}{highest}{others}."
        )
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
    pain_now: list[PainReading] = []
    where: list[str] = []
    own_words: list[str] = []
    problems: list[tuple[str, str]] = []
    total = 0
    without_pain: list[dt.date] = []
    left_out_words: list[tuple[dt.date, tuple[str, ...], str]] = []
    for date in sorted(parsed.days):
        day = parsed.days[date]
        lines: list[str] = []
        timed = day_readings(day, choice.back, back_scale, choice.leg, leg_scale)
        back = _score(day, choice.back, back_scale, "back pain", lines, source, timed.used)
        leg = _score(day, choice.leg, leg_scale, "leg pain", lines, source, timed.used)
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
        for item, scores in worded.items():
            if any(r.value > 0 for r in scores):  # a 0 on a 0–4 scale is "not at all"
                add_name(symptoms, item)
            scale = parsed.scales[item]
            lines.append(f"{item} ({source}, {scale.describe()}): {_reading_words(scores, scale)}")
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
            checked = [validate_reading(r, today=today) for r in timed.readings]
        except ValidationError as error:
            for column, message in error.problems:
                total += 1
                if len(problems) < MAX_REPORTED_PROBLEMS:
                    problems.append((f"{day.where} ({date.isoformat()})", f"{column} {message}"))
            continue
        entries.append(entry)
        pain_now.extend(checked)
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
    if pain_now:
        days = len({r.date for r in pain_now})
        mapped.append(
            f"Pain entries with a time, several a day → pain-now readings ({plural(len(pain_now), 'reading')} "
            f"on {plural(days, 'day')}; each day's pain is its highest)"
        )
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
        tuple(pain_now),
    )
