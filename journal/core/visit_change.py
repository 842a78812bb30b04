"""Change since the last visit: the first two weeks of a period against the last two.

For back pain, leg pain and the PEG score: the mean of the logged days in the
first 14 days of the period and in the last 14, the change in points and as
a percentage of where it started, and what that size of change means in pain
research: a fall of 30% or more is a moderately important improvement, 50% or
more a substantial one (IMMPACT recommendations, Dworkin et al. 2008; see
``resources/content/sources.toml``, ``immpact-2008``). Only with at least
:data:`MIN_DAYS_PER_END` logged days at each end; otherwise the line says so.

The person's own global impression of change (a 7-point scale asked once at
export for a visit) stands beside it: their judgement, not a measurement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from journal.core.day import DayEntry

END_DAYS: Final = 14
MIN_DAYS_PER_END: Final = 7
MODERATE_FALL: Final = 30.0
SUBSTANTIAL_FALL: Final = 50.0
SOURCE: Final = "immpact-2008"

#: "Since your last visit, how would you describe the change in your back and leg pain overall?"
IMPRESSION_QUESTION: Final = "Since your last visit, how would you describe the change in your back and leg pain overall?"
#: The seven answers, 1 (very much better) to 7 (very much worse).
IMPRESSIONS: Final[tuple[str, ...]] = (
    "very much better",
    "much better",
    "a little better",
    "no change",
    "a little worse",
    "much worse",
    "very much worse",
)


@dataclass(frozen=True, slots=True)
class EndChange:
    """One measure at the two ends of the period."""

    measure: str  # "back pain", "leg pain", "PEG"
    first: float | None
    last: float | None
    days_first: int
    days_last: int
    points: float | None  # last − first
    percent: float | None  # of ``first``; None when first is 0 or an end has too few days
    meaning: str
    sentence: str


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _meaning(percent: float | None) -> str:
    if percent is None:
        return ""
    if percent <= -SUBSTANTIAL_FALL:
        return "a substantial improvement (a fall of 50% or more)"
    if percent <= -MODERATE_FALL:
        return "a moderately important improvement (a fall of 30% or more)"
    if percent >= MODERATE_FALL:
        return "a rise of 30% or more"
    return "a change of less than 30%"


def _one(measure: str, value: Callable[[DayEntry], float | None], first: list[DayEntry], last: list[DayEntry]) -> EndChange:
    a = [v for e in first if (v := value(e)) is not None]
    b = [v for e in last if (v := value(e)) is not None]
    if len(a) < MIN_DAYS_PER_END or len(b) < MIN_DAYS_PER_END:
        sentence = (
            f"{measure[0].upper()}{measure[1:]}: not enough days to compare the first two weeks with the last two "
            f"(at least {MIN_DAYS_PER_END} logged days are needed at each end; there are {len(a)} and {len(b)})."
        )
        return EndChange(measure, None, None, len(a), len(b), None, None, "", sentence)
    start, end = round(_mean(a), 1), round(_mean(b), 1)
    points = round(end - start, 1)
    percent = None if start == 0 else round(100 * (end - start) / start)
    meaning = _meaning(percent)
    change = f"{points:+.1f} points" + ("" if percent is None else f", {percent:+.0f}%")
    sentence = f"{measure[0].upper()}{measure[1:]}: {start:.1f} in the first two weeks, {end:.1f} in the last two ({change})"
    sentence += f": {meaning}." if meaning else "."
    return EndChange(measure, start, end, len(a), len(b), points, None if percent is None else float(percent), meaning, sentence)


def change_since(entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> tuple[EndChange, ...]:
    """Back pain, leg pain and PEG from the first :data:`END_DAYS` of [start, end] to the last.

    A period shorter than two ends gives the "not enough days" lines for every measure.
    """
    first_end = start + dt.timedelta(days=END_DAYS - 1)
    last_start = end - dt.timedelta(days=END_DAYS - 1)
    if last_start <= first_end:
        first: list[DayEntry] = []
        last: list[DayEntry] = []
    else:
        first = [e for e in entries if start <= e.date <= first_end]
        last = [e for e in entries if last_start <= e.date <= end]
    return (
        _one("back pain", lambda e: float(e.back_pain), first, last),
        _one("leg pain", lambda e: None if e.leg_pain is None else float(e.leg_pain), first, last),
        _one("PEG", lambda e: e.peg, first, last),
    )


def impression_words(answer: int | None) -> str:
    """The person's answer (1–7) as words, or "" when not given."""
    if answer is None:
        return ""
    if not 1 <= answer <= len(IMPRESSIONS):
        raise ValueError(f"the impression of change is 1 to {len(IMPRESSIONS)}, not {answer}")
    return IMPRESSIONS[answer - 1]


def to_json(changes: Sequence[EndChange]) -> list[dict[str, Any]]:
    return [
        {
            "measure": c.measure,
            "first_two_weeks": c.first,
            "last_two_weeks": c.last,
            "days_first": c.days_first,
            "days_last": c.days_last,
            "points": c.points,
            "percent": c.percent,
            "meaning": c.meaning,
            "sentence": c.sentence,
        }
        for c in changes
    ]
