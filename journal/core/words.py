"""Words for numbers: counted nouns ("1 day", "2 days", never a bracketed plural ending),
one-decimal figures and whole minutes, the same in every view."""

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


def one_decimal(value: float | None) -> str:
    """How every view shows a summary figure: one decimal, an en dash when missing."""
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def whole_minutes(value: float) -> str:
    """Minutes for people: whole numbers with a thousands separator."""
    return f"{round(value):,}"


def days_words(value: float) -> str:
    """ "2 days", "1 day", "1.5 days"."""
    if value == int(value):
        return plural(int(value), "day")
    return f"{one_decimal(value)} days"
