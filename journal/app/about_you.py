"""Read and save "About you" in a journal (see :mod:`journal.core.about_you`).

The answers are the journal's settings, so they travel with the journal file
and its backups. Nothing is required; a bad year of birth is refused before
anything is written.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

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
