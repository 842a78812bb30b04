"""What a backup holds, in plain words for the restore dialog and the messages.

Plain Python (no Qt), so the sentences can be tested and reused as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from journal.core import clock as clocks
from journal.core.dates import day_words, long_words

if TYPE_CHECKING:
    from journal.app.journal_file import BackupInfo

#: The tag a backup made with File → Back up now… carries in its name.
MANUAL_REASON = "manual"
_UPGRADE = re.compile(r"^before-v\d+$")


def taken_when(taken_at: dt.datetime, *, today: dt.date | None = None, in_sentence: bool = False) -> str:
    """When a backup was taken: ``Today at 14:05``, ``Yesterday at 09:30`` or the full date.

    ``in_sentence`` writes ``today``/``yesterday`` in lower case (weekdays keep their capital).
    """
    today = today or clocks.today()
    clock = f"{taken_at:%H:%M}"
    if taken_at.date() in (today, today - dt.timedelta(days=1)):
        word = "Today" if taken_at.date() == today else "Yesterday"
        return f"{word.lower() if in_sentence else word} at {clock}"
    return f"{long_words(taken_at.date())} at {clock}"


def day_count(info: "BackupInfo") -> str:
    """``182 days``, ``1 day``, ``No days`` or ``Cannot be read``."""
    if info.problem or info.entry_count is None:
        return "Cannot be read"
    if info.entry_count == 0:
        return "No days"
    return f"{info.entry_count} day{'s' if info.entry_count != 1 else ''}"


def date_range(info: "BackupInfo") -> str:
    """``1 Jan 2025 – 2 Jun 2025``, or "" when the backup holds no days."""
    if info.first_date is None or info.last_date is None:
        return ""
    if info.first_date == info.last_date:
        return day_words(info.first_date)
    return f"{day_words(info.first_date)} – {day_words(info.last_date)}"


def kind(reason: str) -> str:
    """Why a backup exists, from the tag in its name."""
    if not reason:
        return "Automatic"
    if reason == MANUAL_REASON:
        return "Made by you"
    if reason == "before-restore":
        return "Kept before a restore"
    if _UPGRADE.match(reason):
        return "Kept before an update"
    return reason.replace("-", " ").capitalize()


def contents(info: "BackupInfo") -> str:
    """One phrase for messages: ``182 days, from 1 Jan 2025 to 2 Jun 2025``."""
    count = day_count(info)
    if info.problem or info.entry_count is None:
        return "a copy that cannot be read"
    if info.first_date is None or info.last_date is None:
        return "no days yet"
    if info.first_date == info.last_date:
        return f"{count.lower()}, {day_words(info.first_date)}"
    return f"{count.lower()}, from {day_words(info.first_date)} to {day_words(info.last_date)}"


#: What a failed save says, by the kind of failure (see journal.files.failures).
_NOT_SAVED: dict[str, str] = {
    "full": "Not saved: the disk is full. Your entry is still here; free some space and press Save again.",
    "locked": "Not saved: another program is using your journal. Your entry is still here; "
    "close that program, or wait a moment, and press Save again.",
    "read-only": "Not saved: this journal is read-only, so nothing can be saved in it. "
    "Your entry is still here; copy anything you want to keep before you leave this day.",
    "io": "Not saved: the disk could not be written to; it may be full. Your entry is still here; "
    "free some space and press Save again.",
}


def not_saved(reason: str) -> str:
    """The message for a day that could not be saved (never quoting the entry)."""
    return _NOT_SAVED.get(reason, _NOT_SAVED["io"])


READ_ONLY_NOTE = "This journal is read-only: you can read it, see its trends and export a report, but nothing can be saved in it."
