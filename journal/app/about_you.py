"""Read and save "About you" in a journal (see :mod:`journal.core.about_you`).

The answers are the journal's settings, so they travel with the journal file
and its backups. Nothing is required; a bad year of birth is refused before
anything is written.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.app.changes import Caches, Changed, JournalChange
from journal.core.about_you import KEYS, AboutYou, check_birth_year, from_settings

if TYPE_CHECKING:
    from journal.storage.journal import Journal


def load_about_you(journal: Journal, today: dt.date) -> AboutYou:
    """The stored answers, or an empty :class:`AboutYou` if none were given."""
    return from_settings({key: journal.setting(key) for key in KEYS.values()}, today)


def save_about_you(journal: Journal, about: AboutYou, today: dt.date) -> None:
    """Store ``about`` (after checking it; nothing is written if it is refused)."""
    check_birth_year(about.birth_year, today)
    for key, value in about.to_settings().items():
        journal.set_setting(key, value)


def save_about_you_changed(journal: Journal, about: AboutYou, today: dt.date) -> Changed[None]:
    """:func:`save_about_you` for the window: every view is told, since the warning signs may now mean otherwise."""
    save_about_you(journal, about, today)
    return Changed(None, JournalChange(everything=True), Caches(about=about))


#: The setting that says the once-only "About you" notice was answered or dismissed.
ASKED = "about_you.asked"
#: The notice shows once the journal holds this many days.
ASK_AFTER_DAYS = 3


def about_you_due(journal: Journal) -> bool:
    """Whether Today should ask about the person (enough days kept, not asked before)."""
    return journal.count() >= ASK_AFTER_DAYS and journal.setting(ASKED) != "1"


def mark_about_you_asked(journal: Journal) -> None:
    """Never ask again (a read-only journal remembers nothing)."""
    if not journal.read_only:
        journal.set_setting(ASKED, "1")
