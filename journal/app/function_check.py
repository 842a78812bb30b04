"""How often to ask what the person can do: read and save the ``function.schedule`` setting.

The setting is the journal's, so it travels with the journal file and its
backups. Both the Settings dialog and the check's own dialog save through
:func:`save_function_schedule`; an unknown schedule is refused before anything
is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.core.function_check import DEFAULT_SCHEDULE, SCHEDULES, SETTING_SCHEDULE, check_schedule

if TYPE_CHECKING:
    import datetime as dt

    from journal.app.journal_file import Journal
    from journal.core.function_check import FunctionCheck


def load_function_schedule(journal: "Journal") -> str:
    """The stored schedule (weekly until the person chose; a value not known here reads as the default)."""
    stored = journal.setting(SETTING_SCHEDULE)
    return stored if stored in SCHEDULES else DEFAULT_SCHEDULE


def save_function_schedule(journal: "Journal", schedule: str) -> None:
    """Store ``schedule`` (checked first: nothing is written if it is refused; a read-only journal keeps nothing)."""
    check_schedule(schedule)
    if not journal.read_only:
        journal.set_setting(SETTING_SCHEDULE, schedule)


def save_function_answer(journal: "Journal", check: "FunctionCheck", schedule: str, today: "dt.date") -> None:
    """Keep the chosen schedule and, unless every answer was left empty, the check itself."""
    save_function_schedule(journal, schedule)
    empty = check.sit_min is None and check.stand_min is None and check.walk_min is None and not check.activity.strip()
    if empty and check.activity_score is None:
        return  # only the schedule changed
    journal.save_function_check(check, today=today)


def function_check_due(journal: "Journal", today: "dt.date") -> tuple[str, bool]:
    """The schedule, and whether the check is due today (by the last answer and the days kept)."""
    from journal.core.function_check import is_due

    checks = journal.function_checks()
    schedule = load_function_schedule(journal)
    return schedule, is_due(schedule, checks[-1].date if checks else None, today, journal.count())
