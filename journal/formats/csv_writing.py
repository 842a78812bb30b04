"""Writing days as CSV: one row per day in the format's column order, through the atomic writer."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from journal.core.day import DayEntry
from journal.formats.csv_format import COLUMNS, LIST_SEPARATOR, protect_cell


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _rated(name: str, helped: int | None) -> str:
    """``name`` or ``name:N``, N being how much it helped (0 not at all, 1 a little, 2 a lot)."""
    return name if helped is None else f"{name}:{helped}"


def entry_to_row(entry: DayEntry) -> list[str]:
    """One entry as CSV cells in :data:`COLUMNS` order."""
    join = LIST_SEPARATOR.join
    return [
        entry.date.isoformat(),
        _number(entry.back_pain),
        _number(entry.leg_pain),
        join(sorted(entry.pain_locations)),
        _number(entry.morning_stiffness_min),
        _number(entry.sleep_hours),
        _number(entry.sleep_quality),
        _number(entry.stress),
        _number(entry.interference_enjoyment),
        _number(entry.interference_activity),
        protect_cell(join(f"{a.name}:{a.minutes}" for a in entry.activities)),
        protect_cell(join(entry.triggers)),
        protect_cell(join(entry.symptoms)),
        protect_cell(join(_rated(m, entry.medication_rating(m)) for m in entry.medications)),
        protect_cell(join(_rated(r.name, r.helped) for r in entry.relief)),
        protect_cell(entry.notes),
        protect_cell(entry.questions),
    ]


def write_csv(entries: Iterable[DayEntry], stream: TextIO) -> int:
    """Write a header and one row per entry; return the number of rows.

    ``stream`` must be opened with ``newline=""``; rows end with CRLF (RFC 4180).
    """
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for entry in entries:
        writer.writerow(entry_to_row(entry))
        count += 1
    return count


def export_csv_file(entries: Sequence[DayEntry], path: Path) -> int:
    """Write entries to ``path`` through the atomic writer (owner-only; a failure leaves no half file).

    Raises:
        UserError: the file cannot be written; ``path`` is as it was.
    """
    from journal.files.atomic import write_stream_atomically

    counted: list[int] = []

    def write(stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
        counted.append(write_csv(entries, text))
        text.flush()
        text.detach()

    write_stream_atomically(Path(path), write)
    return counted[0]
