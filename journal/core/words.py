"""Counted words for people: "1 day", "2 days", never a bracketed plural ending."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and the noun in the right number: ``plural(1, "day")`` is ``"1 day"``.

    ``many`` is the plural where adding "s" is wrong (``plural(2, "entry", "entries")``).
    Large counts get a thousands separator.
    """
    return f"{count:,} {noun(count, word, many)}"


def noun(count: int, word: str, many: str | None = None) -> str:
    """The noun alone in the number ``count`` asks for: ``noun(3, "column")`` is ``"columns"``."""
    return word if count == 1 else (many or word + "s")
