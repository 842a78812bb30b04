"""How dates are written for people: one definition for the screen, the report and the files.

English names whatever the system's locale (``%b`` would follow it), day
without a leading zero: "3 Dec 2025". Files and the command line's machine
output use ISO dates (``date.isoformat()``).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def short_month(date: dt.date) -> str:
    """ "Dec"."""
    return MONTHS[date.month - 1][:3]


def day_words(date: dt.date) -> str:
    """ "3 Dec 2025"."""
    return f"{date.day} {short_month(date)} {date.year}"


def weekday_words(date: dt.date) -> str:
    """ "Wed 3 Dec 2025"."""
    return f"{WEEKDAYS[date.weekday()][:3]} {day_words(date)}"


def long_words(date: dt.date) -> str:
    """ "Wednesday 3 December 2025"."""
    return f"{WEEKDAYS[date.weekday()]} {date.day} {MONTHS[date.month - 1]} {date.year}"


def month_words(date: dt.date) -> str:
    """ "December 2025"."""
    return f"{MONTHS[date.month - 1]} {date.year}"


def relative_words(date: dt.date, today: dt.date) -> str:
    """How a heading names ``date`` seen on ``today``: "today", "yesterday" or "on Wed 3 Dec 2025"."""
    if date == today:
        return "today"
    if date == today - dt.timedelta(days=1):
        return "yesterday"
    return f"on {weekday_words(date)}"
