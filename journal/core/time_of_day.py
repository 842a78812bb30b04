"""The pattern through the day: how pain-now readings differ between morning, afternoon and evening.

Morning stiffness that eases through the day and mechanical pain that builds
towards the evening look different here, which is worth a doctor's minute.

The rule, kept deliberately simple and stated to the person:

* The window is the 4 weeks (28 days) ending on the last day with a reading
  (on or before the end asked for).
* Parts of the day by the reading's local time: **morning** before 12:00,
  **afternoon** 12:00–17:59, **evening** from 18:00.
* Each day counts once per part (the mean of that part's readings that day), so
  a day with ten readings weighs no more than a day with one; a part's value is
  the median over its days.
* A part is shown when it has readings on at least :data:`MIN_DAYS_PER_PART`
  days; the pattern is shown when at least :data:`MIN_PARTS` parts are, over at
  least :data:`MIN_DAYS` days with readings. Otherwise "too few readings yet".

It describes; it never says why the pain differs.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from journal.core.readings import PainReading
from journal.core.stats import median

WINDOW_DAYS: Final = 28
MIN_DAYS_PER_PART: Final = 3
MIN_PARTS: Final = 2
MIN_DAYS: Final = 5
#: (key, plural for a sentence, first hour, hour it ends) — local time.
PARTS: Final[tuple[tuple[str, str, int, int], ...]] = (
    ("morning", "mornings", 0, 12),
    ("afternoon", "afternoons", 12, 18),
    ("evening", "evenings", 18, 24),
)
TOO_FEW: Final = "too few readings yet"
#: Said with every pattern shown: with no real difference, the medians of two parts are a point or
#: more apart in about a third of journals, and 2 or more in a few percent
#: (``benchmarks/time_of_day_simulation.py``; docs/during-the-day.md).
CHANCE_NOTE: Final = "A gap of less than 2 points is often chance."


def part_of_day(time: dt.time) -> str:
    """``morning``, ``afternoon`` or ``evening`` for a local time of day."""
    return next(key for key, _, first, last in PARTS if first <= time.hour < last)


@dataclass(frozen=True, slots=True)
class PartOfDay:
    """One part of the day: its days and readings, and the medians when there are enough days."""

    key: str
    label: str  # "mornings"
    days: int
    readings: int
    back_median: float | None
    leg_median: float | None


@dataclass(frozen=True, slots=True)
class DayPattern:
    """The pattern through the day over ``start``..``end`` (inclusive)."""

    start: dt.date
    end: dt.date
    days_with_readings: int
    readings: int
    parts: tuple[PartOfDay, ...]

    @property
    def enough(self) -> bool:
        shown = [p for p in self.parts if p.back_median is not None]
        return len(shown) >= MIN_PARTS and self.days_with_readings >= MIN_DAYS

    def words(self) -> str:
        """``back pain mornings 6, evenings 4`` (medians; leg pain added when it has enough days), or "too few readings yet"."""
        if not self.enough:
            return TOO_FEW
        back = ", ".join(f"{p.label} {_number(p.back_median)}" for p in self.parts if p.back_median is not None)
        legs = [p for p in self.parts if p.leg_median is not None]
        if len(legs) >= MIN_PARTS:
            return f"back pain {back}; leg pain " + ", ".join(f"{p.label} {_number(p.leg_median)}" for p in legs)
        return f"back pain {back}"

    def parts_of_sentence(self) -> tuple[str, str]:
        """(heading, words): ("Through the day (…)", "back pain mornings 6, evenings 4")."""
        if not self.enough:
            return "Through the day", (
                f"{TOO_FEW} ({_count(self.readings, 'reading')} on {_count(self.days_with_readings, 'day')}; "
                f"needs {MIN_DAYS} days, with readings on {MIN_DAYS_PER_PART} or more mornings, afternoons or evenings "
                f"in at least {MIN_PARTS} of them)"
            )
        return "Through the day (pain-now readings, last 4 weeks, medians)", self.words()

    def sentence(self) -> str:
        """One line for Trends and the summary: "Through the day (…): back pain mornings 6, evenings 4."."""
        heading, words = self.parts_of_sentence()
        return f"{heading}: {words}." + (f" {CHANCE_NOTE}" if self.enough else "")

    def as_json(self) -> dict[str, Any]:
        """The summary JSON's ``through_the_day``."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days_with_readings": self.days_with_readings,
            "readings": self.readings,
            "enough": self.enough,
            "parts": [
                {
                    "part": p.key,
                    "days": p.days,
                    "readings": p.readings,
                    "back_pain_median": p.back_median if self.enough else None,
                    "leg_pain_median": p.leg_median if self.enough else None,
                }
                for p in self.parts
            ],
            "rule": (
                f"last {WINDOW_DAYS} days with readings; morning before 12:00, afternoon 12:00-17:59, evening from 18:00; "
                f"each day's readings in a part averaged, then the median over days; a part needs {MIN_DAYS_PER_PART} days, "
                f"the pattern {MIN_PARTS} parts and {MIN_DAYS} days with readings"
            ),
        }


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _number(value: float | None) -> str:
    return "" if value is None else f"{round(value, 1):g}"


def day_pattern(readings: Iterable[PainReading], *, end: dt.date | None = None) -> DayPattern | None:
    """The pattern over the last :data:`WINDOW_DAYS` days with readings up to ``end``; None with no readings at all."""
    found = [r for r in readings if end is None or r.date <= end]
    if not found:
        return None
    last = max(r.date for r in found)
    start = last - dt.timedelta(days=WINDOW_DAYS - 1)
    window = [r for r in found if r.date >= start]
    back: dict[str, dict[dt.date, list[int]]] = defaultdict(lambda: defaultdict(list))
    leg: dict[str, dict[dt.date, list[int]]] = defaultdict(lambda: defaultdict(list))
    counts: dict[str, int] = defaultdict(int)
    for reading in window:
        part = part_of_day(reading.time)
        counts[part] += 1
        back[part][reading.date].append(reading.back_pain)
        if reading.leg_pain is not None:
            leg[part][reading.date].append(reading.leg_pain)
    parts = []
    for key, label, _, _ in PARTS:
        parts.append(
            PartOfDay(
                key,
                label,
                len(back[key]),
                counts[key],
                _median_of_days(back[key]),
                _median_of_days(leg[key]),
            )
        )
    return DayPattern(start, last, len({r.date for r in window}), len(window), tuple(parts))


def _median_of_days(by_day: dict[dt.date, list[int]]) -> float | None:
    if len(by_day) < MIN_DAYS_PER_PART:
        return None
    return median([sum(values) / len(values) for values in by_day.values()])


def pattern_lines(pattern: DayPattern | None) -> list[str]:
    """The summary text's lines: a blank line and the sentence, or nothing without readings."""
    return [] if pattern is None else ["", pattern.sentence()]
