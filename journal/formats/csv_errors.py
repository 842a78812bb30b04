"""The wording of CSV import problems: the error listing each problem with its line and column,
and the plain sentences for a date that is not one, a number far out of range and broken quoting.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re

from journal.core.errors import UserError
from journal.core.validation import MAX_NOTES_LENGTH
from journal.core.words import plural
from journal.formats.csv_format import MAX_CELL_CHARS


class CsvImportError(UserError):
    """The file cannot be imported; nothing was written.

    Attributes:
        problems: ``(line, column, message)``; line 0 means the whole file.
    """

    def __init__(self, problems: list[tuple[int, str, str]], total: int | None = None) -> None:
        self.problems = problems
        total = total if total is not None else len(problems)
        lines = [
            (
                f"line {line}, column {column}: {message}"
                if line and column
                else f"line {line}: {message}"
                if line
                else f"{column}: {message}".lstrip(": ")
            )
            for line, column, message in problems
        ]
        more = f"\n…and {plural(total - len(problems), 'more problem')}." if total > len(problems) else ""
        super().__init__(f"Nothing was imported: {plural(total, 'problem')} found.\n" + "\n".join(lines) + more)


#: A date written YYYY-MM-DD (whether or not it is a real one).
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def date_problem(raw: str) -> str:
    """Why ``raw`` is not a date, in plain words."""
    if ISO_DATE.fullmatch(raw):
        year, month, day = (int(part) for part in raw.split("-"))
        if not 1 <= month <= 12:
            return f"{raw} is not a real date: there is no month {month}"
        if year >= 1:
            days = calendar.monthrange(year, month)[1]
            month_name = dt.date(year, month, 1).strftime("%B")
            return f"{raw} is not a real date: {month_name} {year} has {days} days"
    return f"{raw[:20]!r} is not a date in the form YYYY-MM-DD"


def too_large(text: str) -> str:
    """A cell far outside its column's range, shortened."""
    return f"{text[:20]}{'…' if len(text) > 20 else ''} is far outside the range this column allows"


def quoting_problem(error: csv.Error) -> str:
    """What a :class:`csv.Error` means for the person importing."""
    if "field larger than field limit" in str(error):
        return (
            f"a cell is longer than {MAX_CELL_CHARS:,} characters (a note may hold "
            f"{MAX_NOTES_LENGTH:,}); is this a CSV file from Pain Journal or a spreadsheet?"
        )
    return f"broken CSV quoting ({error})"
