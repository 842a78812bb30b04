"""A sitting-break interval suggested from the patient's own timed sitting.

The rule, in words (:data:`RULE`, shown beside the suggestion): look at the
sitting sessions of the last :data:`LOOKBACK_DAYS` days that lasted at least
:data:`MIN_SESSION_MINUTES` minutes and whose day went well: that day and the
next were both logged and neither was a flare day (:mod:`journal.core.flares`).
A session's stretch is the time between breaks, its minutes divided by its
breaks plus one. The suggestion is the median stretch of those sessions,
rounded to the nearest 5 minutes and kept between 15 and 60 minutes. It needs
at least :data:`MIN_SESSIONS` such sessions; with fewer it says how many there
are and suggests nothing.

It is a suggestion only: the interval changes when the patient chooses it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Final

from journal.core import insights, stats
from journal.core.day import DayEntry
from journal.core.sitting import SittingSummary

LOOKBACK_DAYS: Final = 180
MIN_SESSION_MINUTES: Final = 20
MIN_SESSIONS: Final = 10
ROUND_TO_MINUTES: Final = 5
SHORTEST_MINUTES: Final = 15
LONGEST_MINUTES: Final = 60
RULE: Final = (
    f"How this is worked out: from your timed sitting of the last {LOOKBACK_DAYS} days, the sessions of "
    f"{MIN_SESSION_MINUTES} minutes or more on days that went well (that day and the next were logged and "
    "neither was a flare day). The time between breaks is a session's minutes divided by its breaks plus "
    f"one; the suggestion is the middle value of those sessions (the median), rounded to {ROUND_TO_MINUTES} "
    f"minutes and kept between {SHORTEST_MINUTES} and {LONGEST_MINUTES}. It needs at least {MIN_SESSIONS} "
    "such sessions. It describes what went with good days for you, not what caused them."
)


@dataclass(frozen=True, slots=True)
class BreakSuggestion:
    """The suggested minutes between breaks, or None (``sentence`` says why).

    ``sessions`` is how many sessions of days that went well were used;
    ``typical_stretch`` their median minutes between breaks, before rounding.
    """

    minutes: int | None
    sessions: int
    typical_stretch: float | None
    sentence: str


def stretch_minutes(session: SittingSummary) -> float:
    """Average minutes sat between breaks in one session (the breaks split it into breaks + 1 stretches)."""
    return session.minutes / (session.breaks + 1)


def rounded_interval(stretch: float) -> int:
    """``stretch`` to the nearest :data:`ROUND_TO_MINUTES` (halves up), kept within 15–60 minutes."""
    nearest = int((stretch + ROUND_TO_MINUTES / 2) // ROUND_TO_MINUTES) * ROUND_TO_MINUTES
    return max(SHORTEST_MINUTES, min(LONGEST_MINUTES, nearest))


def went_well(date: dt.date, logged: Collection[dt.date], flare_days: Collection[dt.date]) -> bool:
    """That day and the next were logged, and neither was a flare day."""
    after = date + dt.timedelta(days=1)
    return date in logged and after in logged and date not in flare_days and after not in flare_days


def suggest_interval(sessions: Sequence[SittingSummary], days: Sequence[DayEntry], today: dt.date) -> BreakSuggestion:
    """Apply :data:`RULE` to the ``sessions`` dated within :func:`suggestion_window` of ``today``.

    ``days`` are the logged days, sorted by date, from
    :data:`journal.core.flares.LOOKBACK_DAYS` days before that window to
    ``today`` (the earlier ones set the usual level flares are judged by).
    """
    start, end = suggestion_window(today)
    flare_days = set(insights.high_dates(days, start, end))  # a single bad day did not go well either
    sessions = [s for s in sessions if start <= s.date <= end]
    logged = {entry.date for entry in days}
    usable = [s for s in sessions if s.minutes >= MIN_SESSION_MINUTES and went_well(s.date, logged, flare_days)]
    if len(usable) < MIN_SESSIONS:
        so_far = "none so far" if not usable else f"{len(usable)} so far"
        return BreakSuggestion(
            None,
            len(usable),
            None,
            f"Not enough timed sitting yet to suggest an interval: it needs {MIN_SESSIONS} sessions of "
            f"{MIN_SESSION_MINUTES} minutes or more on days that went well ({so_far}). Use the sitting "
            "timer and log your days, and a suggestion will appear here.",
        )
    typical = stats.median([stretch_minutes(s) for s in usable])
    assert typical is not None
    minutes = rounded_interval(typical)
    kept = "" if SHORTEST_MINUTES < minutes < LONGEST_MINUTES else f" (kept between {SHORTEST_MINUTES} and {LONGEST_MINUTES})"
    return BreakSuggestion(
        minutes,
        len(usable),
        typical,
        f"On {len(usable)} sitting sessions on days that went well, you usually sat about "
        f"{round(typical)} minutes between breaks. Suggested: a break every {minutes} minutes{kept}.",
    )


def suggestion_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day whose sessions are looked at."""
    return today - dt.timedelta(days=LOOKBACK_DAYS - 1), today
