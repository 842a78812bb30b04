"""How dates are written for people: one definition for the screen, the report and the files.

English month abbreviations, day without a leading zero: "3 Dec 2025". Files
and the command line's machine output use ISO dates (``date.isoformat()``).
"""

from __future__ import annotations

import datetime as dt


def day_words(date: dt.date) -> str:
    """"3 Dec 2025"."""
    return f"{date.day} {date:%b %Y}"


def weekday_words(date: dt.date) -> str:
    """"Wed 3 Dec 2025"."""
    return f"{date:%a} {day_words(date)}"


def dates_words(dates: list[dt.date] | tuple[dt.date, ...]) -> str:
    """Several dates in order, joined for a sentence: "3 Dec 2025, 5 Dec 2025 and 14 Jan 2026"."""
    words = [day_words(date) for date in sorted(dates)]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
