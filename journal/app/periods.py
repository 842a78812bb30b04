"""The one rule for reporting periods and the days read before them.

Every front-end asks for a period the same way: a first day, a last day, or
neither. :func:`resolve_period` turns that into dates; :func:`days_with_lead_in`
reads the days a summary of that period needs (the period, and the logged days
before it that set each day's flare baseline).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Final

from journal.core import flares
from journal.core.day import DayEntry
from journal.core.errors import UserError

if TYPE_CHECKING:
    from journal.storage.journal import Journal

#: Default length of the doctor's report (PDF, FHIR) in days.
REPORT_DAYS: Final = 90
#: Default length of ``summary`` and ``chart`` in days.
SUMMARY_DAYS: Final = 30


def resolve_period(
    start: dt.date | None, end: dt.date | None, *, days: int, today: dt.date | None = None,
) -> tuple[dt.date, dt.date]:
    """(first, last) day of the period asked for.

    Neither given: the ``days`` days ending today. Only ``end``: the ``days``
    days ending then. Only ``start``: from then until today, as "since my last
    visit" means in the window.

    Raises:
        UserError: the period ends before it starts.
    """
    today = today or dt.date.today()
    span = dt.timedelta(days=days - 1)
    if start is None and end is None:
        end = today
        start = end - span
    elif start is None:
        assert end is not None
        start = end - span
    elif end is None:
        end = max(start, today)
    check_order(start, end)
    return start, end


def check_order(start: dt.date, end: dt.date) -> None:
    """Raise :class:`UserError` when the period's first day is after its last."""
    if end < start:
        raise UserError(
            f"The period's first day, {start.isoformat()}, is after its last day, {end.isoformat()}."
        )


def days_with_lead_in(journal: "Journal", start: dt.date, end: dt.date) -> list[DayEntry]:
    """The entries a summary of [start, end] needs, oldest first: the period and the
    :data:`journal.core.flares.LOOKBACK_DAYS` calendar days before it, which set
    each day's usual level for flares and the 7-day lines at the period's start."""
    return journal.days(start - dt.timedelta(days=flares.LOOKBACK_DAYS), end)


class PeriodChoice(enum.Enum):
    """A period a patient can pick (Trends' buttons, the report's list).

    The value is the number of days for the fixed lengths."""

    DAYS_30 = 30
    DAYS_90 = 90
    YEAR = 365
    ALL = "all"
    SINCE_VISIT = "since visit"
    CUSTOM = "custom"


def period_bounds(
    choice: PeriodChoice,
    today: dt.date,
    first_logged: dt.date | None,
    custom: tuple[dt.date, dt.date] | None = None,
    last_visit: dt.date | None = None,
) -> tuple[dt.date, dt.date]:
    """The inclusive (start, end) of a choice, as chosen (see :func:`clipped_to_journal`).

    Fixed lengths end today. "All" runs from the first logged day (or is the
    last 30 days when nothing is logged). "Custom" uses ``custom``, swapped
    into order if given backwards. "Since my last visit" runs from
    ``last_visit`` to today.
    """
    if choice is PeriodChoice.SINCE_VISIT:
        if last_visit is None:
            raise ValueError("a period since the last visit needs its date")
        return last_visit, today
    if choice is PeriodChoice.CUSTOM:
        if custom is None:
            raise ValueError("a custom period needs its dates")
        start, end = custom
        return (start, end) if start <= end else (end, start)
    if choice is PeriodChoice.ALL:
        if first_logged is not None and first_logged <= today:
            return first_logged, today
        return today - dt.timedelta(days=29), today
    assert isinstance(choice.value, int)
    return today - dt.timedelta(days=choice.value - 1), today


def clipped_to_journal(start: dt.date, end: dt.date, first_logged: dt.date | None) -> tuple[dt.date, dt.date]:
    """The period without the days before the journal began.

    Days before the first entry were never "not logged", they came before the
    journal: counting them would call a young journal sparse and grey out
    months of calendar. A period that ends before the first entry is kept.
    """
    if first_logged is not None and start < first_logged <= end:
        return first_logged, end
    return start, end
