"""The one rule for a period of days, whoever asks (command line or window).

A period is an inclusive (start, end) of local calendar dates. It may not end
after today (where the patient is), just as the window's date fields stop at
today, and it may not end before the first year a journal can hold. A start
before the journal's first logged day means "from the beginning", so it is
moved up to that day: counting decades before the journal began as "not
logged" days would only produce a misleading report and an enormous chart.
"""

from __future__ import annotations

import datetime as dt

from journal.core.errors import UserError
from journal.core.validation import EARLIEST_DATE


def clipped_to_journal(start: dt.date, end: dt.date, first_logged: dt.date | None) -> tuple[dt.date, dt.date]:
    """The period without the days before the journal began.

    Days before the first entry were never "not logged", they came before the
    journal: counting them would call a young journal sparse and grey out
    months of calendar. A period that ends before the first entry is kept.
    A start before :data:`EARLIEST_DATE` is moved up to it in any case.
    """
    start = max(start, EARLIEST_DATE)
    if first_logged is not None and start < first_logged <= end:
        return first_logged, end
    return start, end


def checked_period(start: dt.date, end: dt.date, *, today: dt.date, first_logged: dt.date | None) -> tuple[dt.date, dt.date]:
    """``(start, end)`` checked and clipped to the journal (see the module notes).

    Raises:
        UserError: the period ends in the future or before 1900, or starts after it ends.
    """
    # The end first: a start worked out from a future end (say, "the 90 days up to --to")
    # must not be named as if the patient had typed it.
    if end > today:
        raise UserError(
            f"The period cannot end on {end.isoformat()}: that is in the future. "
            f"The last day a period can end is today, {today.isoformat()}."
        )
    if start > today:
        raise UserError(f"The period cannot start on {start.isoformat()}: that is in the future (today is {today.isoformat()}).")
    if end < EARLIEST_DATE:
        raise UserError(f"The period cannot end on {end.isoformat()}: the journal holds days from {EARLIEST_DATE.year} on.")
    if start > end:
        raise UserError(f"The period starts on {start.isoformat()}, after its last day {end.isoformat()}.")
    return clipped_to_journal(start, end, first_logged)
