"""Importing another diary's export: read, preview, then write all or nothing.

The window and the command line do the same three steps:

1. :func:`read_export` reads the file with the app's reader (nothing is written);
2. :func:`plan_import` turns it into checked days under the person's choice of
   back and leg pain, and finds the days already in the journal;
3. :func:`import_planned` writes them in one transaction (the same one CSV
   imports use), skipping or replacing days already logged, or stopping.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from journal.core.day import HELPED_WORDS, DayEntry
from journal.core.errors import UserError
from journal.core.words import plural
from journal.formats.importers import SOURCES
from journal.formats.importers.common import ForeignImportError, PainChoice, ParsedImport, Preview, build_preview

if TYPE_CHECKING:
    from journal.app.changes import Changed
    from journal.app.importing import ImportResult
    from journal.storage.journal import Journal

#: How many dates a preview lists before "and N more".
LISTED_DATES = 8


class Clash(enum.Enum):
    """What to do with a day the journal already has."""

    SKIP = "skip"  # keep the journal's day; import the others
    REPLACE = "replace"  # the imported day replaces it
    STOP = "stop"  # import nothing


@dataclass(frozen=True)
class ImportPlan:
    """What an import would write, and what the person should see before it does."""

    parsed: ParsedImport
    choice: PainChoice
    preview: Preview
    clashes: tuple[dt.date, ...]
    days_to_check: tuple[tuple[dt.date, tuple[str, ...]], ...]
    #: Days left out (no back pain) whose words may describe a warning sign: the person is told anyway.
    left_out_to_check: tuple[tuple[dt.date, tuple[str, ...]], ...] = ()

    def to_write(self, clash: Clash) -> int:
        """How many days :func:`import_planned` writes with ``clash``."""
        if clash is Clash.STOP and self.clashes:
            return 0
        if clash is Clash.SKIP:
            return len(self.preview.entries) - len(self.clashes)
        return len(self.preview.entries)


def read_export(source: str, path: Path) -> ParsedImport:
    """Read ``path`` with the reader for ``source``; nothing is written.

    Raises:
        ForeignImportError: the file cannot be read; each problem named by line or entry.
        UserError: the file is missing, a folder, or not an ordinary file.
    """
    from journal.formats.csv_io import CsvImportError, read_limited
    from journal.formats.importers import parse_export

    if source not in SOURCES:
        raise UserError(f"Pain Journal cannot import from {source!r}; it knows {', '.join(SOURCES)}.")
    title = SOURCES[source].title
    try:
        data = read_limited(Path(path))
    except FileNotFoundError:
        raise UserError(f"No such file: {path}") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not an exported file") from None
    except CsvImportError as error:
        raise ForeignImportError(
            title, [("", m.replace("a CSV file", "the exported file")) for _, _, m in error.problems]
        ) from None
    except OSError as error:
        raise UserError(f"Could not read {path}: {error.strerror or error}") from None
    return parse_export(source, data)


def default_choice(parsed: ParsedImport) -> PainChoice:
    """Back pain from the file's own 0–10 pain score if it has one; nothing else without asking."""
    return PainChoice(back=parsed.default_back)


def plan_import(parsed: ParsedImport, choice: PainChoice, logged: set[dt.date], *, today: dt.date | None = None) -> ImportPlan:
    """The days ``parsed`` becomes under ``choice``, checked, with those already ``logged``.

    Raises:
        ForeignImportError: a day breaks a journal rule (named by its line or entry).
        UserError: ``choice`` names an item the file does not have.
    """
    from journal.core.day import DayEntry
    from journal.core.screening import days_to_check

    for item in (choice.back, choice.leg):
        if item is not None and item not in parsed.scales:
            known = ", ".join(f"“{name}”" for name in sorted(parsed.scales)) or "none"
            raise UserError(f"The {parsed.source} file has no scored item “{item}”. Its scored items: {known}.")
    if choice.back is not None and choice.back == choice.leg:
        raise UserError(f"“{choice.back}” cannot be both back pain and leg pain; choose one of them for each.")
    preview = build_preview(parsed, choice, today=today)
    clashes = tuple(sorted(logged.intersection(e.date for e in preview.entries)))
    # The person's own words and symptom names are screened; not the lines the import adds to a note.
    typed = [entry.replace(notes=words) for entry, words in zip(preview.entries, preview.own_words)]
    # Days left out are screened too (as unsaved days, only for their words).
    left_out = [DayEntry(date=date, back_pain=0, symptoms=names, notes=notes) for date, names, notes in preview.left_out_words]
    return ImportPlan(parsed, choice, preview, clashes, tuple(days_to_check(typed)), tuple(days_to_check(left_out)))


def import_planned(journal: "Journal", plan: ImportPlan, clash: Clash) -> "Changed[ImportResult]":
    """Write the planned days in one transaction; nothing is written if anything fails.

    Days already logged are looked up again here, so a day saved since the
    preview is not overwritten unless ``clash`` is :attr:`Clash.REPLACE`.
    Returns the result with what it changed, as every import does
    (:func:`journal.app.importing.imported`).

    Raises:
        journal.storage.journal.DuplicateDatesError: ``clash`` is STOP and days are already logged.
    """
    from journal.app.importing import import_entries
    from journal.storage.journal import DuplicateDatesError

    entries = plan.preview.entries
    logged = journal.logged_dates()
    clashes = sorted(logged.intersection(e.date for e in entries))
    if clash is Clash.STOP and clashes:
        raise DuplicateDatesError(clashes)
    if clash is Clash.SKIP:
        entries = tuple(e for e in entries if e.date not in logged)
    written = {e.date for e in entries}
    screened = [(date, signs) for date, signs in plan.days_to_check if date in written]
    readings = [r for r in plan.preview.readings if r.date in written]  # a skipped day keeps the journal's own
    return import_entries(journal, entries, replace=clash is Clash.REPLACE, screened=screened, readings=readings)


def _dates(dates: Sequence[dt.date]) -> str:
    shown = ", ".join(d.isoformat() for d in dates[:LISTED_DATES])
    return shown + (f" and {len(dates) - LISTED_DATES} more" if len(dates) > LISTED_DATES else "")


def _what_helped(entries: Sequence[DayEntry]) -> list[str]:
    """One line per relief or rated medication: on how many days, and each rating with its days."""
    uses: dict[tuple[str, str], Counter[int | None]] = {}
    for entry in entries:
        for use in entry.relief:
            uses.setdefault(("relief", use.name), Counter())[use.helped] += 1
        for name, rating in entry.medication_helped:
            uses.setdefault(("medication", name), Counter())[rating] += 1
    lines = []
    for (kind, name), counts in sorted(uses.items(), key=lambda item: (item[0][0] != "relief", item[0][1].lower())):
        rated = "; ".join(
            f"{HELPED_WORDS[value] if value is not None else 'not rated'} {plural(n, 'day')}"
            for value, n in sorted(counts.items(), key=lambda item: -1 if item[0] is None else item[0])
        )
        lines.append(f"{name} ({kind}): {plural(sum(counts.values()), 'day')} ({rated})")
    return lines


def preview_lines(plan: ImportPlan) -> list[str]:
    """The preview in plain lines, for the command line and the window's dialog."""
    preview, parsed = plan.preview, plan.parsed
    lines = [
        (
            f"{plural(len(preview.entries), 'day')} to import from {parsed.source}, "
            f"{preview.first.isoformat()} to {preview.last.isoformat()}"
            if preview.first and preview.last
            else f"No day of the {parsed.source} file can come across yet"
        )
        + f" ({plural(parsed.entries_read, 'entry', 'entries')} read)."
    ]
    for label, item in (("Back pain", plan.choice.back), ("Leg pain", plan.choice.leg)):
        conversion = next((c for c in preview.conversions if item and c.startswith(f"“{item}”")), None)
        if item and conversion:
            lines.append(f"{label}: {conversion}.")
        else:
            lines.append(f"{label}: none chosen.")
    others = sorted(set(parsed.scales) - {plan.choice.back, plan.choice.leg})
    if others:
        lines.append(
            "Scored items you can choose as back or leg pain: "
            + "; ".join(f"“{name}” ({parsed.scales[name].describe()})" for name in others)
            + "."
        )
    if plan.clashes:
        lines.append(f"Already in your journal ({plural(len(plan.clashes), 'day')}): {_dates(plan.clashes)}.")
    if plan.days_to_check:
        lines.append("Days to check after importing (their words may describe a warning sign; nothing is marked):")
        lines.extend(f"  • {date.isoformat()}: {', '.join(signs)}" for date, signs in plan.days_to_check[:LISTED_DATES])
        if len(plan.days_to_check) > LISTED_DATES:
            lines.append(f"  • and {plural(len(plan.days_to_check) - LISTED_DATES, 'more day')}")
    if plan.left_out_to_check:
        lines.append("Days left out (no back pain score) whose words may describe a warning sign (nothing is marked):")
        lines.extend(f"  • {date.isoformat()}: {', '.join(signs)}" for date, signs in plan.left_out_to_check[:LISTED_DATES])
        if len(plan.left_out_to_check) > LISTED_DATES:
            lines.append(f"  • and {plural(len(plan.left_out_to_check) - LISTED_DATES, 'more day')}")
    helped = _what_helped(preview.entries)
    if helped:
        lines.append("Becomes “What helped” (only the journal's relief names, and ratings in its own words):")
        lines.extend(f"  • {line}" for line in helped)
    if preview.mapped:
        lines.append("What goes where:")
        lines.extend(f"  • {line}" for line in preview.mapped)
    if preview.not_came_across:
        lines.append("What does not come across:")
        lines.extend(f"  • {line}" for line in preview.not_came_across)
    if preview.days_without_pain:
        lines.append(f"  Days left out: {_dates(preview.days_without_pain)}.")
    return lines


def import_export_into_file(
    db_path: Path,
    source: str,
    path: Path,
    choice: PainChoice | None,
    clash: Clash,
    confirm: Callable[[ImportPlan], bool],
    *,
    today: dt.date | None = None,
) -> "Changed[ImportResult] | None":
    """Read, preview and (if ``confirm(plan)`` says so) import into the journal file at ``db_path``.

    The file is read before the journal is touched; the journal's lock is held
    from the preview to the write, so the clashes shown are the clashes met.
    ``choice`` None means :func:`default_choice`. Returns None when not confirmed.

    Raises:
        as :func:`read_export`, :func:`plan_import` and :func:`import_planned`,
        and JournalInUseError / IntegrityError from opening.
    """
    from journal.storage.integrity import check_file
    from journal.storage.journal import Journal
    from journal.storage.single_instance import acquire_journal_lock

    parsed = read_export(source, path)
    if db_path.exists():
        check_file(db_path)
    lock = acquire_journal_lock(db_path)
    try:
        journal = Journal.open(db_path)
        try:
            plan = plan_import(parsed, choice or default_choice(parsed), journal.logged_dates(), today=today)
            if not confirm(plan):
                return None
            return import_planned(journal, plan, clash)
        finally:
            journal.close()
    finally:
        lock.release()


def plan_for_journal(journal: "Journal", parsed: ParsedImport, choice: PainChoice) -> ImportPlan:
    """:func:`plan_import` against the days ``journal`` already holds."""
    return plan_import(parsed, choice, journal.logged_dates())


def read_and_plan(journal: "Journal", source: str, path: Path) -> ImportPlan:
    """Read another app's export and plan it against ``journal`` with the default choice of pain."""
    parsed = read_export(source, path)
    return plan_for_journal(journal, parsed, default_choice(parsed))
