"""One line describing a day, shown while the pointer rests on it in a chart (plain Python)."""

from __future__ import annotations

import datetime as dt

from journal.core.dates import weekday_words
from journal.core.day import DayEntry


def _avg(value: float | None) -> str:
    return "" if value is None else f" (7-day average {value:.1f})"


def hover_text(
    date: dt.date, entry: DayEntry | None, *, back_avg7: float | None = None, leg_avg7: float | None = None, flare: bool = False
) -> str:
    """``date`` in words and what was logged that day; says so plainly when nothing was."""
    head = weekday_words(date)
    if entry is None:
        return f"{head}: not logged. Click to log this day."
    parts = [f"back pain {entry.back_pain}{_avg(back_avg7)}"]
    if entry.leg_pain is not None:
        parts.append(f"leg pain {entry.leg_pain}{_avg(leg_avg7)}")
    if flare:
        parts.append("flare day")
    if entry.peg is not None:
        parts.append(f"PEG {entry.peg:.1f}")
    if entry.activities:
        parts.append(", ".join(f"{a.name} {a.minutes} min" for a in entry.activities if a.minutes))
    if entry.triggers:
        parts.append("triggers: " + ", ".join(entry.triggers))
    if entry.medications:
        parts.append("took: " + ", ".join(entry.medications))
    return f"{head}: " + "; ".join(p for p in parts if p) + ". Click to open this day."
