"""The CSV format's columns and limits, and the apostrophe that keeps a cell from running as a
spreadsheet formula (added on writing, removed on reading).
"""

from __future__ import annotations

from typing import Final

COLUMNS: Final[tuple[str, ...]] = (
    "date",
    "back_pain",
    "leg_pain",
    "pain_locations",
    "morning_stiffness_min",
    "sleep_hours",
    "sleep_quality",
    "stress",
    "interference_enjoyment",
    "interference_activity",
    "activities",
    "triggers",
    "symptoms",
    "medications",
    "relief",
    "notes",
    "questions",
)
REQUIRED: Final = ("date", "back_pain")
INTEGER_COLUMNS: Final = (
    "back_pain",
    "leg_pain",
    "morning_stiffness_min",
    "sleep_quality",
    "stress",
    "interference_enjoyment",
    "interference_activity",
)
LIST_SEPARATOR: Final = ";"
MAX_FILE_BYTES: Final = 64 * 1024 * 1024
#: The longest cell read; a note may hold 20,000 characters, so this is generous.
MAX_CELL_CHARS: Final = 1_000_000
#: Column separators recognised besides the comma (spreadsheets in many countries save ';').
OTHER_DELIMITERS: Final = (";", "\t")
MAX_REPORTED_PROBLEMS: Final = 20
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def protect_cell(text: str) -> str:
    """Prefix an apostrophe where a spreadsheet would run the cell as a formula.

    A cell that already starts with an apostrophe before such a character is
    protected too, so :func:`unprotect_cell` is an exact inverse.
    """
    if text.startswith(_FORMULA_STARTS) or (text.startswith("'") and text[1:2] in (*_FORMULA_STARTS, "'")):
        return "'" + text
    return text


def unprotect_cell(text: str) -> str:
    if text.startswith("'") and text[1:2] in (*_FORMULA_STARTS, "'"):
        return text[1:]
    return text
