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
    from journal.storage.journal import Journal


def load_function_schedule(journal: "Journal") -> str:
    """The stored schedule (weekly until the person chose; a value not known here reads as the default)."""
    stored = journal.setting(SETTING_SCHEDULE)
    return stored if stored in SCHEDULES else DEFAULT_SCHEDULE


def save_function_schedule(journal: "Journal", schedule: str) -> None:
    """Store ``schedule`` (checked first: nothing is written if it is refused; a read-only journal keeps nothing)."""
    check_schedule(schedule)
    if not journal.read_only:
        journal.set_setting(SETTING_SCHEDULE, schedule)
