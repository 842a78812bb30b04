"""What counts as a flare: one definition shared by guidance, insights and reports.

A day is a flare day when back pain is 7 or more, or when it is at least 3
points above the person's own average over the previous 14 *logged* days
(days not logged are skipped, never counted as zero). With fewer than 3
earlier logged days there is no personal average yet and only the fixed
threshold applies.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable
from typing import Final

SEVERE_BACK_PAIN: Final = 7
ABOVE_OWN_AVERAGE: Final = 3
OWN_AVERAGE_DAYS: Final = 14
MIN_DAYS_FOR_AVERAGE: Final = 3


def is_flare(back_pain: int, recent_average: float | None) -> bool:
    """Whether one day's back pain is a flare, given the recent personal average."""
    if back_pain >= SEVERE_BACK_PAIN:
        return True
    return recent_average is not None and back_pain - recent_average >= ABOVE_OWN_AVERAGE


def recent_average(previous_back_pain: Iterable[int]) -> float | None:
    """Mean of up to the last 14 earlier values, or None with fewer than 3."""
    values = list(previous_back_pain)[-OWN_AVERAGE_DAYS:]
    if len(values) < MIN_DAYS_FOR_AVERAGE:
        return None
    return sum(values) / len(values)


def flare_days(days: Iterable[tuple[dt.date, int]]) -> list[dt.date]:
    """Dates that are flare days, from ``(date, back_pain)`` pairs in date order."""
    window: deque[int] = deque(maxlen=OWN_AVERAGE_DAYS)
    result: list[dt.date] = []
    for date, pain in days:
        if is_flare(pain, recent_average(window)):
            result.append(date)
        window.append(pain)
    return result
