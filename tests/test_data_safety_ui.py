"""Keeping the journal safe from the window: automatic backups, restoring one, a damaged
or foreign file at start, and a second start on a journal that is already open."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.core.day import DayEntry
from journal.storage.backup import backup_now, list_backups
from journal.storage.backup_names import backups_dir
from journal.storage.journal import Journal
from journal.storage.single_instance import acquire_journal_lock
from journal.ui.main_window import MainWindow
from journal.ui.safety import feature as safety_feature
from journal.ui.safety.feature import DataSafetyFeature
from journal.ui.safety.restore_dialog import RestoreDialog
from tests.gui_helpers import ModalWatcher, close_window, open_date_and_wait, open_window, stored_day

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date.today()


@pytest.fixture
def answer() -> Iterator[Callable[..., ModalWatcher]]:
    """Answers message boxes as they appear, by button text, and keeps what each one said."""
    made: list[ModalWatcher] = []

    def start(*buttons: str) -> ModalWatcher:
        made.append(ModalWatcher(*buttons))
        return made[-1]

    yield start
    for answerer in made:
        answerer.stop()


@pytest.fixture(autouse=True)
def no_startup_backup_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The start-up backup waits "forever" unless a test wants it (then it sets 0)."""
    monkeypatch.setattr(safety_feature, "START_BACKUP_DELAY_MS", 600_000)


def _fill(path: Path, days: int, end: dt.date | None = None) -> list[DayEntry]:
    """Add ``days`` consecutive days ending on ``end`` (default yesterday)."""
    last = end or TODAY - dt.timedelta(days=1)
    entries = [
        DayEntry(
            date=last - dt.timedelta(days=n),
            back_pain=(n * 3) % 11,
            sleep_hours=6.5,
            triggers=("prolonged sitting",),
            notes=f"Day {n}: stiff in the morning, better after a walk.",
        )
        for n in range(days)
    ]
    journal = Journal.open(path)
    journal.import_days(entries)
    journal.close()
    return entries


def _feature(window: MainWindow) -> DataSafetyFeature:
    found = window.findChild(DataSafetyFeature, "dataSafety")
    assert found is not None
    return found


def _window(qtbot: QtBot, path: Path | None, **kwargs: object) -> MainWindow:
    window = open_window(qtbot, path, **kwargs)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: window.findChild(DataSafetyFeature) is not None, timeout=5_000)
    return window


def _save_today(qtbot: QtBot, window: MainWindow, note: str) -> None:
    form = window.today.form
    assert open_date_and_wait(qtbot, window, TODAY)
    form.back_pain.setFocus()
    qtbot.keyClick(form.back_pain, Qt.Key.Key_3)
    qtbot.keyClicks(form.notes, note)
    with qtbot.waitSignal(window.today.saved, timeout=10_000):
        qtbot.mouseClick(window.today.save_button, Qt.MouseButton.LeftButton)
    assert stored_day(qtbot, window, TODAY) is not None


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --- automatic backups ---------------------------------------------------------------


def test_a_changed_journal_is_backed_up_after_opening_and_on_close(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(safety_feature, "START_BACKUP_DELAY_MS", 0)
    days = len(_fill(db_path, 30))
    window = _window(qtbot, db_path)
    feature = _feature(window)
    qtbot.waitUntil(lambda: feature.auto_backup_checks == 1, timeout=10_000)
    assert feature.last_auto_backup is not None
    assert feature.last_auto_backup.parent == backups_dir(db_path)
    assert [b.entry_count for b in list_backups(db_path)] == [days]

    _save_today(qtbot, window, "Short walk.")
    close_window(window)
    assert feature.closing_backup is not None
    newest = list_backups(db_path)[0]
    assert newest.path == feature.closing_backup and newest.entry_count == days + 1
    assert newest.last_date == TODAY
    acquire_journal_lock(db_path).release()  # the window let go of the journal


def test_nothing_is_backed_up_when_nothing_changed(qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safety_feature, "START_BACKUP_DELAY_MS", 0)
    _fill(db_path, 10)
    backup_now(db_path)
    before = _files(backups_dir(db_path))
    window = _window(qtbot, db_path)
    feature = _feature(window)
    qtbot.waitUntil(lambda: feature.auto_backup_checks == 1, timeout=10_000)
    assert feature.last_auto_backup is None
    close_window(window)
    assert feature.closing_backup is None
    assert _files(backups_dir(db_path)) == before


def test_the_sample_data_is_never_backed_up_and_offers_neither_item(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, private_home: Path
) -> None:
    monkeypatch.setattr(safety_feature, "START_BACKUP_DELAY_MS", 0)
    window = _window(qtbot, None, demo=True)
    feature = _feature(window)
    assert not feature.back_up_action.isEnabled() and not feature.restore_action.isEnabled()
    assert "sample data" in feature.back_up_action.statusTip()
    feature.back_up_now()
    assert "sample data" in window.statusBar().currentMessage()
    assert window.session.journal is not None
    demo_path = window.session.journal.path
    close_window(window)
    assert not backups_dir(demo_path).exists()
    assert not (private_home / "data").exists()


# --- Back up now… and Restore from backup… ---------------------------------------------


def test_back_up_now_writes_the_chosen_file_and_says_where(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    _fill(db_path, 12)
    window = _window(qtbot, db_path)
    feature = _feature(window)
    suggested = feature.suggested_backup_path()
    assert suggested.parent == backups_dir(db_path) and suggested.name.endswith("-manual.sqlite3")
    target = tmp_path / "usb-stick" / "my journal.sqlite3"
    target.parent.mkdir()
    with qtbot.waitSignal(feature.backedUp, timeout=10_000):
        feature.back_up_now(target)
    assert str(target) in window.statusBar().currentMessage()
    close_window(window)
    copy = Journal.open(target)
    assert copy.count() == 12
    copy.close()


def test_the_restore_list_model_is_sound(qtbot: QtBot, db_path: Path, qtmodeltester: object) -> None:
    _fill(db_path, 4)
    backup_now(db_path)
    broken = backup_now(db_path, reason="manual")
    broken.write_bytes(b"not a database")
    dialog = RestoreDialog(list_backups(db_path), backups_dir(db_path))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.list.model())  # type: ignore[attr-defined]
    assert [dialog.list.topLevelItem(0).text(c) for c in (1, 3)] == ["Cannot be read", "Made by you"]
    assert dialog.selected() is not None and dialog.selected().entry_count == 4  # the readable one
    assert dialog.restore_button.isEnabled()


def test_restore_lists_backups_and_brings_the_old_days_back(
    qtbot: QtBot, db_path: Path, answer: Callable[..., ModalWatcher]
) -> None:
    _fill(db_path, 10, end=TODAY - dt.timedelta(days=20))
    backup_now(db_path)  # older: 10 days
    _fill(db_path, 5, end=TODAY - dt.timedelta(days=5))
    newer = backup_now(db_path, reason="manual")  # newer: 15 days
    window = _window(qtbot, db_path)
    feature = _feature(window)
    _save_today(qtbot, window, "A day that the restore takes away.")

    with qtbot.waitSignal(feature.restoreDialogShown, timeout=10_000) as shown:
        feature.restore_action.trigger()
    dialog = shown.args[0]
    assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
    shown_backups = dialog.backups_shown()
    assert [b.entry_count for b in shown_backups] == [15, 10]  # newest first
    assert shown_backups[0].path == newer
    first_row = [dialog.list.topLevelItem(0).text(c) for c in range(4)]
    assert first_row[0].startswith("Today at ") and first_row[1] == "15 days"
    assert first_row[3] == "Made by you"
    older = dialog.list.topLevelItem(1)
    assert older.text(1) == "10 days" and " – " in older.text(2)

    assert older is not None
    rect = dialog.list.visualItemRect(older)
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "10 days" in dialog.selection_label.text()
    answerer = answer("Restore", "OK")
    with qtbot.waitSignal(feature.restored, timeout=20_000) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(answerer.seen) == 2, timeout=5_000)
    assert "Restore this backup?" in answerer.seen[0] and "saved as a backup first" in answerer.seen[0]
    assert "now holds 10 days" in answerer.seen[1]

    # Every view shows the restored days: Today has no entry for today any more...
    assert stored_day(qtbot, window, TODAY) is None
    assert window.today.form.back_pain.value() is None
    assert "nothing saved" in window.today.state_label.text()
    # ... and History lists the 10 days of the backup.
    window.show_history()
    window.history.show_last(None)
    qtbot.waitUntil(lambda: window.history.count_label.text() == "10 days shown", timeout=10_000)

    # The state before the restore was kept, today's day included.
    saved = restored.args[0]
    assert saved is not None and saved.exists() and "before-restore" in saved.name
    kept = next(b for b in list_backups(db_path) if b.path == saved)
    assert kept.entry_count == 16 and kept.last_date == TODAY
    close_window(window)


def test_choosing_a_file_that_is_not_a_backup_changes_nothing(
    qtbot: QtBot, db_path: Path, tmp_path: Path, answer: Callable[..., ModalWatcher]
) -> None:
    _fill(db_path, 8)
    window = _window(qtbot, db_path)
    feature = _feature(window)
    stranger = tmp_path / "notes.sqlite3"
    stranger.write_text("not a journal at all", encoding="utf-8")
    answerer = answer("OK")
    feature.choose_backup_file(stranger)
    qtbot.waitUntil(lambda: bool(answerer.seen), timeout=10_000)
    assert "cannot be restored" in answerer.seen[0] and "was not changed" in answerer.seen[0]
    assert window.session.journal is not None and window.session.journal.count() == 8
    close_window(window)


# --- problems at start ---------------------------------------------------------------------


def _corrupt(path: Path) -> None:
    with open(path, "r+b") as stream:
        stream.seek(3 * 4096 + 1500)
        stream.write(bytes((n * 131 + 7) % 256 for n in range(6000)))


def test_a_damaged_journal_offers_the_newest_backup_and_opens_it(
    qtbot: QtBot, db_path: Path, answer: Callable[..., ModalWatcher]
) -> None:
    from journal.ui.app import create_window

    _fill(db_path, 120)
    backup_now(db_path)
    _corrupt(db_path)
    damaged = db_path.read_bytes()
    answerer = answer("Restore the backup", "OK")
    window = create_window(db_path, welcome=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session.opened, timeout=20_000):
        window.show()
    qtbot.waitUntil(lambda: len(answerer.seen) == 2, timeout=10_000)

    offer, done = answerer.seen
    assert "damaged" in offer and "backup from today at" in offer and "120 days" in offer
    assert "not deleted" in offer and str(db_path.parent) in offer
    assert "Traceback" not in offer
    set_aside = [p for p in db_path.parent.iterdir() if p.name.startswith(f"{db_path.name}.damaged-")]
    assert len(set_aside) == 1 and set_aside[0].read_bytes() == damaged
    assert "restored from the backup from today" in done and str(set_aside[0]) in done

    assert window.isVisible()
    assert window.session.journal is not None and window.session.journal.count() == 120
    qtbot.waitUntil(window.today.isEnabled, timeout=5_000)
    close_window(window)


@pytest.mark.parametrize("kind", ["other program", "newer version", "damaged, no backup"])
def test_a_file_that_cannot_be_opened_is_explained_and_left_alone(
    qtbot: QtBot, db_path: Path, answer: Callable[..., ModalWatcher], kind: str
) -> None:
    import sqlite3

    from journal.storage import schema
    from journal.ui.app import create_window

    if kind == "other program":
        connection = sqlite3.connect(db_path)
        connection.executescript("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');")
        connection.close()
        expected = "is not a journal"
    elif kind == "newer version":
        _fill(db_path, 3)
        connection = sqlite3.connect(db_path)
        connection.execute(f"PRAGMA user_version = {schema.latest_version() + 1}")
        connection.close()
        expected = "newer version"
    else:
        _fill(db_path, 120)
        _corrupt(db_path)
        expected = "no backup to go back to"
    before = db_path.read_bytes()
    answerer = answer("Close Pain Journal")
    window = create_window(db_path, welcome=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(answerer.seen) and not window.isVisible(), timeout=20_000)
    assert expected in answerer.seen[0] and "Traceback" not in answerer.seen[0]
    assert window.session.journal is None
    assert db_path.read_bytes() == before
    assert not backups_dir(db_path).exists()
    acquire_journal_lock(db_path).release()  # the window let go of the journal


# --- one writer ------------------------------------------------------------------------------

HOLD_LOCK = """
import sys
from journal.storage.single_instance import acquire_journal_lock
lock = acquire_journal_lock(sys.argv[1])
print("locked", flush=True)
sys.stdin.read()
"""


def test_a_second_start_on_an_open_journal_explains_and_changes_nothing(
    qtbot: QtBot, db_path: Path, answer: Callable[..., ModalWatcher]
) -> None:
    from journal.ui.app import create_window

    _fill(db_path, 5)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db_path)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        before = _files(db_path.parent)
        answerer = answer("Close Pain Journal")
        window = create_window(db_path, welcome=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: bool(answerer.seen) and not window.isVisible(), timeout=20_000)
        assert "already open on this journal in another window" in answerer.seen[0]
        assert window.session.journal is None and not window.session.holds_lock
        assert _files(db_path.parent) == before
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
    acquire_journal_lock(db_path).release()  # free again once the other one has gone
