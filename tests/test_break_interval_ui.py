"""Settings shows the break interval suggested from the data; "Use suggested" fills it in, OK keeps it."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from journal.core.break_interval import MIN_SESSIONS, RULE, BreakSuggestion
from journal.core.clock import FakeClock
from journal.core.day import DayEntry
from journal.core.reminders import ReminderSettings
from journal.core.sitting import SittingSummary
from journal.storage.journal import Journal
from journal.ui.main_window import MainWindow
from journal.ui.reminders import store
from journal.ui.reminders.companion import DayCompanion
from journal.ui.reminders.settings_dialog import NO_JOURNAL, WORKING_OUT, SettingsDialog
from tests.gui_helpers import close_window

TODAY = dt.date.today()


def test_the_dialog_shows_a_suggestion_and_uses_it_only_when_asked(qtbot: QtBot) -> None:
    dialog = SettingsDialog(ReminderSettings(sitting_minutes=30))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.suggestion.text() == WORKING_OUT
    assert not dialog.use_suggested.isEnabled()
    assert RULE in [label.text() for label in dialog.findChildren(type(dialog.suggestion))]
    found = BreakSuggestion(45, 12, 44.0, "On 12 sitting sessions … Suggested: a break every 45 minutes.")
    dialog.show_suggestion(found)
    assert dialog.suggestion.text() == found.sentence
    # the dialog grows to show the whole of the longer text, nothing clipped
    qtbot.waitUntil(lambda: dialog.height() >= dialog.heightForWidth(dialog.width()), timeout=2_000)
    assert dialog.sitting_minutes.value() == 30  # shown, not applied
    qtbot.mouseClick(dialog.use_suggested, Qt.MouseButton.LeftButton)
    assert dialog.sitting_minutes.value() == 45
    assert dialog.chosen().sitting_minutes == 45


def test_not_enough_data_leaves_the_button_off(qtbot: QtBot) -> None:
    dialog = SettingsDialog(ReminderSettings(sitting_minutes=25))
    qtbot.addWidget(dialog)
    dialog.show_suggestion(BreakSuggestion(None, 3, None, "Not enough timed sitting yet …"))
    assert not dialog.use_suggested.isEnabled()
    assert dialog.suggestion.text() == "Not enough timed sitting yet …"
    dialog.use_suggested.click()  # disabled: nothing happens
    assert dialog.sitting_minutes.value() == 25
    dialog.show_no_suggestion(NO_JOURNAL)
    assert dialog.suggestion.text() == NO_JOURNAL


# --- in the window, read on the worker ------------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    """A journal of 60 calm days ending today with 12 sessions of 40 minutes between breaks."""
    from journal.ui.app import create_window

    journal = Journal.open(db_path)
    journal.import_days([DayEntry(date=TODAY - dt.timedelta(days=ago), back_pain=3) for ago in range(60)])
    for ago in range(30, 30 - (MIN_SESSIONS + 2), -1):
        journal.add_sitting_session(SittingSummary(TODAY - dt.timedelta(days=ago), 120, 2))
    journal.close()
    opened = create_window(db_path, welcome=False)
    with qtbot.waitSignal(opened.session.opened, timeout=20_000):
        opened.show()
    qtbot.waitUntil(opened.today.isEnabled, timeout=5_000)
    yield opened
    for companion in opened.findChildren(DayCompanion):
        companion.apply(ReminderSettings())  # leaves no tray, no autostart file
    if opened.isVisible():
        close_window(opened)
    else:
        opened.session.close()
    opened.deleteLater()


@pytest.fixture
def companion(window: MainWindow, tmp_path: Path) -> DayCompanion:
    settings = QSettings(str(tmp_path / "reminders.ini"), QSettings.Format.IniFormat)
    found = DayCompanion(
        window, clock=FakeClock(dt.datetime.combine(TODAY, dt.time(10, 0))), settings=settings, tray_available=False
    )
    found.quit_application = lambda: None
    return found


def test_settings_suggest_from_the_journal_off_the_window_thread(
    qtbot: QtBot, companion: DayCompanion, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[bool] = []
    real_sessions = Journal.sitting_sessions

    def recorded(self: Journal, *args: object) -> list[SittingSummary]:
        threads.append(threading.current_thread() is threading.main_thread())
        return real_sessions(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Journal, "sitting_sessions", recorded)
    seen: dict[str, object] = {}

    def use_it(dialog: SettingsDialog) -> int:
        qtbot.waitUntil(dialog.use_suggested.isEnabled, timeout=10_000)
        seen["before"] = dialog.sitting_minutes.value()
        seen["text"] = dialog.suggestion.text()
        dialog.use_suggested.click()
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", use_it)
    companion.open_settings()
    assert threads == [False]  # read on the worker, never on the window's thread
    assert seen["before"] == 30  # nothing changed by itself
    assert "you usually sat about 40 minutes between breaks" in str(seen["text"])
    assert companion.settings.sitting_minutes == 40
    assert store.load(companion.qsettings).sitting_minutes == 40


def test_cancel_keeps_the_interval(qtbot: QtBot, companion: DayCompanion, monkeypatch: pytest.MonkeyPatch) -> None:
    def use_then_cancel(dialog: SettingsDialog) -> int:
        qtbot.waitUntil(dialog.use_suggested.isEnabled, timeout=10_000)
        dialog.use_suggested.click()
        return SettingsDialog.DialogCode.Rejected

    monkeypatch.setattr(SettingsDialog, "exec", use_then_cancel)
    companion.open_settings()
    assert companion.settings.sitting_minutes == 30
