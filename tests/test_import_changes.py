"""Imports return ``Changed`` like every other operation, and the window applies it.

The import brings back the window's copies (the lists, the logged dates) read
in the same operation, so when "Import finished" is shown the date bar and the
form already know the imported days and names, and the views hear one change
naming the imported dates; the window does not read the journal again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from journal.app.changes import Changed, JournalChange
from journal.app.importing import import_csv
from journal.app.importing_apps import Clash, default_choice, import_planned, plan_import, read_export
from journal.core.catalog import CatalogKind
from journal.core.day import DayEntry
from journal.formats.csv_io import export_csv_file
from journal.storage.journal import Journal
from journal.ui.main_window import MainWindow
from tests.gui_helpers import close_window, open_window

DATA = Path(__file__).parent / "data" / "importers"
NEW_TRIGGER = "garden work"


def days_to_import(today: dt.date) -> list[DayEntry]:
    return [DayEntry(today - dt.timedelta(days=n), 4 + n % 3, triggers=(NEW_TRIGGER,)) for n in range(10, 13)]


def test_a_csv_import_returns_the_copies_it_changed(tmp_path: Path, today: dt.date) -> None:
    csv_path = tmp_path / "days.csv"
    export_csv_file(days_to_import(today), csv_path)
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        kept = DayEntry(today - dt.timedelta(days=1), 2)
        journal.save_day(kept)
        changed = import_csv(journal, csv_path)
    finally:
        journal.close()
    assert isinstance(changed, Changed)
    imported = {e.date for e in days_to_import(today)}
    assert changed.value.count == 3
    assert changed.change == JournalChange(frozenset(imported), everything=True)
    assert changed.caches.logged == frozenset(imported | {kept.date})
    assert changed.caches.catalog is not None
    assert NEW_TRIGGER in {i.name for i in changed.caches.catalog if i.kind is CatalogKind.TRIGGER}


def test_an_import_from_another_app_returns_the_copies_it_changed(tmp_path: Path) -> None:
    parsed = read_export("paintracker", DATA / "paintracker.json")
    plan = plan_import(parsed, default_choice(parsed), set())
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        changed = import_planned(journal, plan, Clash.STOP)
        logged = frozenset(journal.logged_dates())
    finally:
        journal.close()
    written = frozenset(e.date for e in plan.preview.entries)
    assert changed.value.count == len(written) > 0
    assert changed.change == JournalChange(written, everything=True)
    assert changed.caches.logged == logged == written


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, today: dt.date) -> Iterator[MainWindow]:
    seeded = Journal.open(db_path)
    seeded.save_day(DayEntry(today - dt.timedelta(days=1), 3))
    seeded.close()
    opened = open_window(qtbot, db_path)
    # The medication names are read just after the first screen; let that change land first.
    qtbot.waitUntil(lambda: not opened.session.tasks.busy, timeout=20_000)
    yield opened
    close_window(opened)


class Finished:
    """Records, when "Import finished" is shown, what the window's copies held then."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.logged: list[bool] = []
        self.triggers: list[set[str]] = []
        self.texts: list[str] = []

    def watch(self, dates: set[dt.date], monkeypatch: pytest.MonkeyPatch) -> None:
        session = self.window.session

        def information(_parent: Any, _title: str, text: str, *_args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
            self.logged.append(all(session.is_logged(d) for d in dates))
            self.triggers.append({i.name for i in session.catalog(CatalogKind.TRIGGER)})
            self.texts.append(text)
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, "information", information)


def changes_heard(window: MainWindow) -> list[JournalChange]:
    heard: list[JournalChange] = []
    window.session.changed.connect(heard.append)
    return heard


def test_the_window_knows_the_imported_days_and_names_when_it_says_finished(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.ui.import_csv import import_csv_interactively

    days = days_to_import(today)
    csv_path = tmp_path / "days.csv"
    export_csv_file(days, csv_path)
    dates = {e.date for e in days}
    assert not any(window.session.is_logged(d) for d in dates)
    assert NEW_TRIGGER not in {i.name for i in window.session.catalog(CatalogKind.TRIGGER)}
    finished = Finished(window)
    finished.watch(dates, monkeypatch)
    heard = changes_heard(window)

    import_csv_interactively(window, csv_path)
    qtbot.waitUntil(lambda: bool(finished.texts), timeout=20_000)

    assert "Imported 3 days" in finished.texts[0]
    assert finished.logged == [True]  # the date bar already has the days
    assert NEW_TRIGGER in finished.triggers[0]  # and the form's lists the new trigger
    assert heard == [JournalChange(frozenset(dates), everything=True)]  # one change, from the import itself


def test_an_import_from_another_app_updates_the_window_from_its_result(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.ui.import_other_app import open_preview_dialog

    parsed = read_export("paintracker", DATA / "paintracker.json")
    plan = plan_import(parsed, default_choice(parsed), set())
    dates = {e.date for e in plan.preview.entries}
    finished = Finished(window)
    finished.watch(dates, monkeypatch)
    heard = changes_heard(window)
    failures: list[BaseException] = []

    dialog = open_preview_dialog(window, plan, "paintracker.json", failures.append)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(finished.texts), timeout=20_000)

    assert failures == []
    assert finished.logged == [True]
    assert heard == [JournalChange(frozenset(dates), everything=True)]
    # Its two timed entries on one day came in as pain-now readings, and the message says so.
    assert len(plan.preview.readings) == 2
    assert "Imported 2 days and 2 pain-now readings from paintracker.json." in finished.texts[0]
