"""File → Import days from CSV: choose a file, import off the GUI thread, report plainly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from journal.app.changes import Changed
from journal.app.importing import ImportResult, import_csv
from journal.core.catalog import Urgency
from journal.core.errors import UserError
from journal.core.words import noun, plural

if TYPE_CHECKING:
    from journal.ui.host import WindowHost


def words_to_check(found: Sequence[tuple[dt.date, tuple[str, ...]]]) -> str:
    """A note naming imported days whose words may mean an unmarked warning sign; "" if none."""
    from journal.core.dates import day_words

    if not found:
        return ""
    listed = "; ".join(f"{day_words(date)} ({', '.join(signs)})" for date, signs in found[:10])
    more = f"; and {len(found) - 10} more days" if len(found) > 10 else ""
    return (
        "Some imported days use words that may describe a warning sign. Nothing was marked. "
        f"Please open them in Today to check: {listed}{more}."
    )


#: Why File → Import is off while the sample data is open (its tooltip and status tip).
NOT_IN_SAMPLE_DATA = (
    "Importing is off in the sample data: it would go into made-up days that are thrown away. "
    "Choose “Start my own journal” first."
)


def show_import_result(window: "WindowHost", result: ImportResult, file_name: str) -> None:
    """After any import: say what came in, and show the urgent signs and the days to check.

    The window's copies and views are already up to date: the import returned
    :class:`journal.app.changes.Changed`, applied before this runs.
    """
    session = window.session
    count, ignored = result.count, result.ignored_columns
    check = words_to_check(result.days_to_check)
    extra = f"\nIgnored unknown {noun(len(ignored), 'column')}: {', '.join(ignored)}." if ignored else ""
    extra += f"\n\n{check}" if check else ""
    what = plural(count, "day") + (f" and {plural(result.readings, 'pain-now reading')}" if result.readings else "")
    window.show_status(f"Imported {what} from {file_name}.")
    QMessageBox.information(window, "Import finished", f"Imported {what} from {file_name}.{extra}")
    # Every imported urgent sign, listed once per symptom with its dates (past tense).
    flags = [flag for flag in result.red_flags if flag.urgency is Urgency.URGENT]
    if flags:
        from journal.ui.red_flags import RedFlagDialog

        RedFlagDialog(flags, window, today=window.today.today()).exec()
        by_date: dict[dt.date, list[str]] = {}
        for flag in flags:
            by_date.setdefault(flag.date, []).append(flag.symptom)
        for date, symptoms in by_date.items():
            window.today.mark_warned(date, symptoms)
        from journal.app.warning_signs import acknowledge_red_flags

        session.op(lambda journal: [acknowledge_red_flags(journal, d, s) for d, s in by_date.items()]).run_in_background()


def import_csv_interactively(window: "WindowHost", path: Path | None = None, *, replace: bool = False) -> None:
    """Ask for a CSV file and import it into the open journal (never into the sample data)."""
    session = window.session
    if not session.ready:
        return
    if session.is_demo:
        QMessageBox.information(window, "Not in the sample data", NOT_IN_SAMPLE_DATA)
        return
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(window, "Import days from CSV", "", "CSV files (*.csv);;All files (*)")
        if not chosen:
            return
        path = Path(chosen)

    def done(changed: Changed[ImportResult]) -> None:
        show_import_result(window, changed.value, path.name)

    def failed(error: BaseException) -> None:
        from journal.app.journal_file import DuplicateDatesError

        if isinstance(error, DuplicateDatesError) and not replace:
            answer = QMessageBox.question(
                window,
                "Some days are already logged",
                f"{error}\n\nReplace those days with the ones in the file?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Yes:
                import_csv_interactively(window, path, replace=True)
            return
        if isinstance(error, UserError):
            QMessageBox.warning(window, "Nothing was imported", str(error))
            return
        from journal.ui.errors import show_error

        show_error(window, error)  # "Something went wrong — nothing was lost", with a report to copy

    window.show_status(f"Importing {path.name}…")
    session.op(lambda journal: import_csv(journal, path, replace=replace)).success(done).failure(failed).run_in_background()
