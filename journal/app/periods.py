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

from journal.core import clock, flares
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.core.periods import checked_period
from journal.core.validation import EARLIEST_DATE

if TYPE_CHECKING:
    from journal.storage.journal import Journal

#: Default length of the doctor's report (PDF, FHIR) in days.
REPORT_DAYS: Final = 90
#: Default length of ``summary`` and ``chart`` in days.
SUMMARY_DAYS: Final = 30


def resolve_period(
    start: dt.date | None,
    end: dt.date | None,
    *,
    days: int,
    today: dt.date | None = None,
    first_logged: dt.date | None = None,
) -> tuple[dt.date, dt.date]:
    """(first, last) day of the period asked for.

    Neither given: the ``days`` days ending today. Only ``end``: the ``days``
    days ending then. Only ``start``: from then until today, as "since my last
    visit" means in the window. The result then follows
    :func:`journal.core.periods.checked_period`: it may not end in the future,
    and a start before ``first_logged`` (the journal's first day) moves up to it.

    Raises:
        UserError: the period ends before it starts, in the future or before 1900.
    """
    today = today or clock.today()
    span = dt.timedelta(days=days - 1)
    if end is not None and end > today and (start is None or start <= today):
        # The end asked for is the problem, not a start worked out from it.
        return checked_period(min(start or today, today), end, today=today, first_logged=first_logged)
    if end is None:
        end = today if start is None else max(start, today)
    if start is None:
        start = end - span if end >= EARLIEST_DATE + span else EARLIEST_DATE
    return checked_period(start, end, today=today, first_logged=first_logged)


def journal_period(
    journal: "Journal",
    start: dt.date | None,
    end: dt.date | None,
    *,
    days: int,
) -> tuple[dt.date, dt.date]:
    """:func:`resolve_period` for an open journal (its first logged day clips the start)."""
    bounds = journal.date_bounds()
    return resolve_period(start, end, days=days, first_logged=bounds[0] if bounds else None)


def check_order(start: dt.date, end: dt.date) -> None:
    """Raise :class:`UserError` when the period's first day is after its last."""
    if end < start:
        raise UserError(f"The period's first day, {start.isoformat()}, is after its last day, {end.isoformat()}.")


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
