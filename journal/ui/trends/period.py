"""Which days the Trends view shows: the period choices and their bounds (plain Python)."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Final

from journal.core.periods import clipped_to_journal

__all__ = ["PERIOD_LABELS", "PeriodChoice", "clipped_to_journal", "period_bounds"]


class PeriodChoice(enum.Enum):
    """A period button. The value is the number of days, None for "all" and "custom"."""

    DAYS_30 = 30
    DAYS_90 = 90
    YEAR = 365
    ALL = "all"
    CUSTOM = "custom"


#: Button labels (with mnemonics), in display order.
PERIOD_LABELS: Final[dict[PeriodChoice, str]] = {
    PeriodChoice.DAYS_30: "Last &30 days",
    PeriodChoice.DAYS_90: "Last &90 days",
    PeriodChoice.YEAR: "Last &year",
    PeriodChoice.ALL: "&All",
    PeriodChoice.CUSTOM: "&Custom",
}


def period_bounds(
    choice: PeriodChoice,
    today: dt.date,
    first_logged: dt.date | None,
    custom: tuple[dt.date, dt.date] | None = None,
) -> tuple[dt.date, dt.date]:
    """The inclusive (start, end) of a choice, as chosen (see :func:`clipped_to_journal`).

    Fixed lengths end today. "All" runs from the first logged day (or is the
    last 30 days when nothing is logged). "Custom" uses ``custom``, swapped
    into order if given backwards.
    """
    if choice is PeriodChoice.CUSTOM:
        if custom is None:
            raise ValueError("a custom period needs its dates")
        start, end = custom
        return (start, end) if start <= end else (end, start)
    if choice is PeriodChoice.ALL:
        start = first_logged if first_logged is not None and first_logged <= today else None
        return (start or today - dt.timedelta(days=29)), today
    assert isinstance(choice.value, int)
    return today - dt.timedelta(days=choice.value - 1), today
