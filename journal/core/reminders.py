"""When to remind the patient to log their day: settings and a small state machine, no Qt.

The reminder is *state*, not a list of alarms: at any moment it is either due
or not. A computer that slept through 20:00 therefore sees one reminder when
it wakes (the first check after waking finds it due), never a burst of the
ones it missed. A reminder missed on an earlier day is not shown at all:
that day has passed and today's reminder will come at its own time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final

#: The only words a reminder shows. It can appear on a lock screen, so it never
#: contains anything from the journal.
REMINDER_TEXT: Final = "Time to log your day"
BREAK_TEXT: Final = "Time to stand up and move for a couple of minutes."
DEFAULT_TIME: Final = dt.time(20, 0)
#: The default interval follows the documents: "Avoid sitting for more than 30 minutes without repositioning."
DEFAULT_SITTING_MINUTES: Final = 30
SITTING_SOURCE: Final = "000_32feb4238e8fab95.txt, Do\u2019s and Don\u2019ts"
SITTING_MINUTES_RANGE: Final = (10, 120)
SNOOZE_CHOICES_MINUTES: Final = (30, 60)
WEEKDAY_NAMES: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """What the patient chose in Settings. ``weekdays`` uses Monday = 0."""

    enabled: bool = False
    time: dt.time = DEFAULT_TIME
    weekdays: frozenset[int] = field(default_factory=lambda: frozenset(range(7)))
    start_at_login: bool = False
    sitting_minutes: int = DEFAULT_SITTING_MINUTES
    #: Show the tray icon (and its "Pain now…") whenever the desktop has a tray. On by default:
    #: it is the quickest way to note pain through the day; it never keeps the app running by itself.
    tray_icon: bool = True

    def __post_init__(self) -> None:
        if not self.weekdays <= frozenset(range(7)):
            raise ValueError(f"weekdays must be 0 (Monday) to 6 (Sunday), not {sorted(self.weekdays)}")
        low, high = SITTING_MINUTES_RANGE
        if not low <= self.sitting_minutes <= high:
            raise ValueError(f"minutes between breaks must be from {low} to {high}, not {self.sitting_minutes}")

    @property
    def keeps_running(self) -> bool:
        """Whether closing the window should leave Pain Journal running in the tray."""
        return self.enabled or self.start_at_login


class DailyReminder:
    """Decides whether "Time to log your day" is due.

    Call :meth:`due` whenever convenient (the window checks a few times a
    minute); after showing the reminder call :meth:`shown`. The reminder
    is shown at most once a day unless the patient snoozes it.
    """

    def __init__(self, settings: ReminderSettings) -> None:
        self.settings = settings
        self._shown_on: dt.date | None = None
        self._finished_on: dt.date | None = None
        self._snoozed_until: dt.datetime | None = None

    def scheduled_for(self, day: dt.date) -> dt.datetime | None:
        """When the reminder is set for ``day``, or None if it is off that day."""
        if not self.settings.enabled or day.weekday() not in self.settings.weekdays:
            return None
        return dt.datetime.combine(day, self.settings.time)

    def due(self, now: dt.datetime, *, logged_today: bool) -> bool:
        """Whether to show the reminder now (False once today is logged)."""
        today = now.date()
        at = self.scheduled_for(today)
        if at is None or logged_today or self._finished_on == today:
            return False
        if self._shown_on == today:
            snoozed = self._snoozed_until
            return snoozed is not None and snoozed.date() == today and now >= snoozed
        return now >= at

    def time_has_come(self, now: dt.datetime) -> bool:
        """:meth:`due` ignoring whether today is logged (to avoid reading the journal needlessly)."""
        return self.due(now, logged_today=False)

    def shown(self, now: dt.datetime) -> None:
        self._shown_on = now.date()
        self._snoozed_until = None

    def snooze(self, now: dt.datetime, minutes: int) -> dt.datetime:
        """Show it again after ``minutes`` (not after midnight: the day is over by then)."""
        self._shown_on = now.date()
        self._snoozed_until = now + dt.timedelta(minutes=minutes)
        return self._snoozed_until

    def done_for_today(self, now: dt.datetime) -> None:
        self._finished_on = now.date()
        self._snoozed_until = None


def duration_words(minutes: int) -> str:
    """ "2 h 40 min", "45 min", "1 h"."""
    hours, rest = divmod(max(0, minutes), 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    if hours:
        return f"{hours} h"
    return f"{rest} min"
