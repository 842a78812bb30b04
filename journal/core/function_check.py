"""What the person can do: a short check once a week or once a fortnight.

"How long can you sit / stand / walk before pain makes you stop?" in minutes,
and "What is one activity that pain stops you doing, and how hard is it now?"
on 0 (can do it as before) to 10 (cannot do it at all). The second is the
idea of a patient-specific scale (the person names the activity that matters
to them), asked in the journal's own plain words: no licensed questionnaire
text is used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from journal.core import clock
from journal.core.catalog import tidy_name
from journal.core.errors import ValidationError
from journal.core.validation import EARLIEST_DATE, MINUTES_PER_DAY, check_minutes, check_name, check_scale

SETTING_SCHEDULE: Final = "function.schedule"
OFF: Final = "off"
WEEKLY: Final = "weekly"
FORTNIGHTLY: Final = "fortnightly"
SCHEDULE_DAYS: Final = {WEEKLY: 7, FORTNIGHTLY: 14}
#: Every schedule there is, in the order the choices are offered.
SCHEDULES: Final = (WEEKLY, FORTNIGHTLY, OFF)
DEFAULT_SCHEDULE: Final = WEEKLY
#: The prompt waits until a journal has this many logged days (not on the first day).
MIN_LOGGED_DAYS_BEFORE_ASKING: Final = 7

QUESTION_MINUTES: Final = "How long can you sit, stand and walk before pain makes you stop?"
QUESTION_ACTIVITY: Final = "What is one activity that pain stops you doing, and how hard is it now?"
ACTIVITY_SCALE: Final = "0 = I can do it as before, 10 = I cannot do it at all"


@dataclass(frozen=True, slots=True)
class FunctionCheck:
    """One answer to the check; any part may be left out (None or "")."""

    date: dt.date
    sit_min: int | None = None
    stand_min: int | None = None
    walk_min: int | None = None
    activity: str = ""
    activity_score: int | None = None


def validate_check(check: FunctionCheck, *, today: dt.date | None = None) -> FunctionCheck:
    """The check tidied, or :class:`ValidationError` naming each broken rule (the same rules as a day)."""
    today = today or clock.today()
    problems: list[tuple[str, str]] = []
    if not isinstance(check.date, dt.date) or isinstance(check.date, dt.datetime):
        problems.append(("date", f"must be a calendar date, not {check.date!r}"))
    elif check.date > today:
        problems.append(("date", f"{check.date.isoformat()} is in the future"))
    elif check.date < EARLIEST_DATE:
        problems.append(("date", f"{check.date.isoformat()} is before {EARLIEST_DATE.year}"))
    for field in ("sit_min", "stand_min", "walk_min"):
        check_minutes(field, getattr(check, field), problems)
    activity = tidy_name(check.activity or "")
    if activity:
        check_name("activity", activity, problems)
    check_scale("activity_score", check.activity_score, problems)
    if check.activity_score is not None and not activity:
        problems.append(("activity", "needs a name: which activity is the score about?"))
    if all(getattr(check, f) is None for f in ("sit_min", "stand_min", "walk_min", "activity_score")) and not activity:
        problems.append(("date", "has no answers: give at least one"))
    if problems:
        raise ValidationError(problems)
    return FunctionCheck(check.date, check.sit_min, check.stand_min, check.walk_min, activity, check.activity_score)


def check_schedule(schedule: str) -> str:
    """``schedule`` if it is one of :data:`SCHEDULES`, else :class:`ValidationError`."""
    if schedule not in SCHEDULES:
        raise ValidationError([("schedule", f"must be one of {', '.join(SCHEDULES)}, not {schedule!r}")])
    return schedule


def is_due(schedule: str, last: dt.date | None, today: dt.date, logged_days: int) -> bool:
    """Whether Today should gently ask: the schedule is on, the journal is under way, and the
    last check is at least a week (or a fortnight) old."""
    days = SCHEDULE_DAYS.get(schedule)
    if days is None or logged_days < MIN_LOGGED_DAYS_BEFORE_ASKING:
        return False
    return last is None or (today - last).days >= days


def _minutes(value: int | None) -> str:
    if value is None:
        return "–"
    if value >= 60 and value % 60 == 0:
        return f"{value // 60} h"
    return f"{value} min" if value < 60 else f"{value // 60} h {value % 60} min"


def check_line(check: FunctionCheck) -> str:
    """ "12 Oct: sit 30 min, stand 15 min, walk 1 h; gardening 7/10"."""
    parts = [f"sit {_minutes(check.sit_min)}", f"stand {_minutes(check.stand_min)}", f"walk {_minutes(check.walk_min)}"]
    line = f"{check.date.day} {check.date.strftime('%b')}: " + ", ".join(parts)
    if check.activity:
        score = "–" if check.activity_score is None else f"{check.activity_score}/10"
        line += f"; {check.activity} {score}"
    return line


def summary_lines(checks: Sequence[FunctionCheck]) -> list[str]:
    """The first and the last check of a period (or the only one), for page 1 and the summary."""
    if not checks:
        return []
    ordered = sorted(checks, key=lambda c: c.date)
    shown = [ordered[0]] if len(ordered) == 1 else [ordered[0], ordered[-1]]
    return [check_line(c) for c in shown]


def to_json(checks: Sequence[FunctionCheck]) -> list[dict[str, Any]]:
    return [
        {
            "date": c.date.isoformat(),
            "sit_minutes": c.sit_min,
            "stand_minutes": c.stand_min,
            "walk_minutes": c.walk_min,
            "activity": c.activity,
            "activity_score": c.activity_score,
        }
        for c in sorted(checks, key=lambda c: c.date)
    ]


__all__ = [
    "ACTIVITY_SCALE",
    "MINUTES_PER_DAY",
    "QUESTION_ACTIVITY",
    "QUESTION_MINUTES",
    "FunctionCheck",
    "check_line",
    "is_due",
    "summary_lines",
    "to_json",
    "validate_check",
]
