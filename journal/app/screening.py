"""What the typed-text screening would suggest for a text, for the window and the command line.

The screening rules are :mod:`journal.core.screening`; this adds each sign's
urgency and its one-line reason from the built-in catalog, so a clinician can
check the word lists against their own (``pain-journal screen``) and the
"Did you mean …?" question can say why the sign matters.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.core.catalog import CatalogKind, Urgency, default_catalog, name_key
from journal.core.errors import UserError
from journal.core.screening import suggested_signs
from journal.core.validation import MAX_NOTES_LENGTH


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A warning sign the words may describe."""

    symptom: str  # the catalog's exact name
    urgency: Urgency
    why: str  # one calm line from the catalog


class TextRefused(UserError):
    """The text cannot be screened (nothing was looked at)."""


def why_of(sign: str) -> str:
    """The catalog's one-line reason for ``sign`` ("" for a name the catalog does not hold)."""
    key = name_key(sign)
    return next((item.why for item in default_catalog() if item.kind is CatalogKind.SYMPTOM and name_key(item.name) == key), "")


def screen_text(text: str) -> list[Suggestion]:
    """The warning signs ``text`` may describe, urgent first, then in the word list's order.

    Raises :class:`TextRefused` for a text that is empty or longer than a note may be.
    """
    if not text.strip():
        raise TextRefused("There is no text to screen.")
    if len(text) > MAX_NOTES_LENGTH:
        raise TextRefused(f"The text is longer than a note may be ({MAX_NOTES_LENGTH:,} characters).")
    items = {name_key(item.name): item for item in default_catalog() if item.kind is CatalogKind.SYMPTOM}
    found = [Suggestion(sign, items[name_key(sign)].urgency, items[name_key(sign)].why) for sign in suggested_signs(text)]
    return sorted(found, key=lambda s: s.urgency is not Urgency.URGENT)
