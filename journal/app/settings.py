"""Preferences kept in the journal file (they travel with it and its backups)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.app.journal_file import Journal


def setting(journal: "Journal", key: str) -> str | None:
    """A remembered preference, or None."""
    return journal.setting(key)


def set_setting(journal: "Journal", key: str, value: str) -> None:
    """Remember a preference. A read-only journal remembers nothing (and says nothing: it is only a preference)."""
    if not journal.read_only:
        journal.set_setting(key, value)


def settings(journal: "Journal", *keys: str) -> dict[str, str | None]:
    """Several preferences read together."""
    return {key: journal.setting(key) for key in keys}
