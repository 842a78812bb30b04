"""The file read from another app, before any choice: its days, scored items and scales, and its errors.

An adapter (one module per app) fills a :class:`ParsedImport`; nothing here touches the journal file.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from journal.core.errors import UserError
from journal.core.words import plural

MAX_REPORTED_PROBLEMS: Final = 20


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
