"""Reminders and the sitting timer in a real window, driven by a fake clock.

A whole day of checks (one a minute) runs in well under a second: the companion
asks the clock for the time and never waits for real.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from journal.core.clock import FakeClock
from journal.core.day import ActivityMinutes
from journal.core.reminders import BREAK_TEXT, REMINDER_TEXT, ReminderSettings
from journal.core.sitting import SittingSummary
from journal.ui.main_window import MainWindow
from journal.ui.reminders import prompts, store
from journal.ui.reminders.companion import DayCompanion
from journal.ui.reminders.settings_dialog import SettingsDialog
from tests.gui_helpers import close_window, save_and_wait

MINUTE = dt.timedelta(minutes=1)


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    from journal.ui.app import create_window

    opened = create_window(db_path, welcome=False)
    with qtbot.waitSignal(opened.session.opened, timeout=20_000):
        opened.show()
    qtbot.waitUntil(opened.today.isEnabled, timeout=5_000)
    qtbot.waitUntil(lambda: opened.companion is not None, timeout=5_000)
    yield opened
    for companion in opened.findChildren(DayCompanion):
        companion.apply(ReminderSettings(tray_icon=False))  # leaves no tray, no autostart file
        if companion.prompt_window is not None:
            companion.prompt_window.deleteLater()
    opened.today.discard_changes()
    if opened.isVisible():
        close_window(opened)
    else:
        opened.session.close()
    opened.deleteLater()


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "reminders.ini"), QSettings.Format.IniFormat)


def _companion(
    window: MainWindow, qsettings: QSettings, start: dt.datetime, *, tray: bool, settings: ReminderSettings | None = None
) -> tuple[DayCompanion, FakeClock]:
    clock = FakeClock(start)
    companion = DayCompanion(window, clock=clock, settings=qsettings, tray_available=tray)
    companion.quit_application = lambda: None
    if settings is not None:
        companion.apply(settings)
    return companion, clock


def _button(companion: DayCompanion, text: str) -> QPushButton:
    assert companion.prompt_window is not None and companion.prompt_window.isVisible()
    return next(b for b in companion.prompt_window.buttons() if b.text() == text)


def test_a_whole_day_of_reminders_and_breaks_in_fake_time(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    today = dt.date.today()
    companion, clock = _companion(
        window, qsettings, dt.datetime.combine(today, dt.time(8, 0)), tray=False, settings=ReminderSettings(enabled=True)
    )
    seen: list[tuple[str, str]] = []
    clock.set(dt.datetime.combine(today, dt.time(9, 0)))
    companion.start_sitting()
    while clock.now() < dt.datetime.combine(today, dt.time(23, 59)):
        companion.check()
        prompt = companion.prompt_window
        if prompt is not None and prompt.isVisible():
            now = clock.now().strftime("%H:%M")
            seen.append((now, prompt.text.text()))
            if prompt.text.text() == BREAK_TEXT:
                _button(companion, "Done").click()
            elif now == "20:00":
                _button(companion, "Snooze 30 minutes").click()
            else:
                _button(companion, "Done for today").click()
        if clock.now().time() == dt.time(11, 40):
            companion.stop_sitting()
            assert companion.offer_box is not None
            assert companion.offer_box.text() == "Add 2 h 40 min of sitting with 5 breaks to today?"
            next(b for b in companion.offer_box.buttons() if b.text() == "Add to today").click()
        clock.advance(MINUTE)
    assert seen == [
        ("09:30", BREAK_TEXT),
        ("10:00", BREAK_TEXT),
        ("10:30", BREAK_TEXT),
        ("11:00", BREAK_TEXT),
        ("11:30", BREAK_TEXT),
        ("20:00", REMINDER_TEXT),
        ("20:30", REMINDER_TEXT),
    ]
    # Offered, accepted: in the form (unsaved) and the breaks kept with the day.
    assert ActivityMinutes("sitting", 160) in window.today.form.entry().activities
    assert window.today.is_dirty()
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)  # the breaks are written on the worker
    journal = window.session.journal
    assert journal is not None
    assert journal.sitting_per_day() == {today: SittingSummary(today, 160, 5)}


def test_nothing_is_written_when_the_offer_is_declined(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    start = dt.datetime.combine(dt.date.today(), dt.time(9, 0))
    companion, clock = _companion(window, qsettings, start, tray=False)
    companion.start_sitting()
    for _ in range(40):
        companion.check()
        clock.advance(MINUTE)
    companion.stop_sitting()
    assert companion.offer_box is not None and companion.offer_box.text().startswith("Add 40 min of sitting")
    next(b for b in companion.offer_box.buttons() if b.text() == "Don't add").click()
    assert not window.today.is_dirty()
    assert window.session.journal.sitting_per_day() == {}


def test_a_logged_day_gets_no_reminder(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    today = dt.date.today()
    window.today.form.back_pain.setValue(3)
    assert save_and_wait(qtbot, window)
    companion, clock = _companion(
        window, qsettings, dt.datetime.combine(today, dt.time(19, 0)), tray=False, settings=ReminderSettings(enabled=True)
    )
    for _ in range(3 * 60):
        companion.check()
        clock.advance(MINUTE)
    assert companion.prompt_window is None


def test_missed_reminder_after_sleep_shows_once(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    today = dt.date.today()
    companion, clock = _companion(
        window, qsettings, dt.datetime.combine(today, dt.time(19, 50)), tray=True, settings=ReminderSettings(enabled=True)
    )
    companion.check()
    clock.set(dt.datetime.combine(today, dt.time(22, 15)))  # the computer slept through 20:00
    shown = 0
    for _ in range(60):
        companion.check()
        assert companion.tray is not None
        if companion.tray.prompt is not None:
            shown += 1
            companion.tray.prompt_actions()[-1].trigger()  # "Done for today"
        clock.advance(MINUTE)
    assert shown == 1


def test_tray_notification_says_nothing_private_and_clicking_opens_today(
    qtbot: QtBot, window: MainWindow, qsettings: QSettings
) -> None:
    today = dt.date.today()
    window.tabs.setCurrentIndex(1)
    companion, clock = _companion(
        window, qsettings, dt.datetime.combine(today, dt.time(20, 0)), tray=True, settings=ReminderSettings(enabled=True)
    )
    companion.check()
    tray = companion.tray
    assert tray is not None and tray.icon.isVisible()
    assert tray.last_message == ("Pain Journal", REMINDER_TEXT)
    assert [a.text() for a in tray.prompt_actions()] == ["Open Today", "Snooze 30 minutes", "Snooze 1 hour", "Done for today"]
    tray.icon.messageClicked.emit()
    assert window.tabs.currentWidget() is window.today and window.today.date == today
    assert tray.prompt_actions() == []


def test_snooze_one_hour_from_the_tray_menu(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    companion, clock = _companion(
        window,
        qsettings,
        dt.datetime.combine(dt.date.today(), dt.time(20, 0)),
        tray=True,
        settings=ReminderSettings(enabled=True),
    )
    companion.check()
    assert companion.tray is not None
    next(a for a in companion.tray.prompt_actions() if a.text() == "Snooze 1 hour").trigger()
    clock.advance(59 * MINUTE)
    companion.check()
    assert companion.tray.prompt is None
    clock.advance(MINUTE)
    companion.check()
    assert companion.tray.prompt is not None


def test_locked_screen_pauses_the_sitting_timer(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    companion, clock = _companion(window, qsettings, dt.datetime.combine(dt.date.today(), dt.time(9, 0)), tray=False)
    companion.start_sitting()
    for _ in range(20):
        companion.check()
        clock.advance(MINUTE)
    companion.set_screen_locked(True)
    for _ in range(60):
        companion.check()
        clock.advance(MINUTE)
    assert companion.prompt_window is None  # no break suggested to an empty chair
    companion.set_screen_locked(False)
    summary = companion.stop_sitting()
    assert summary is not None and summary.minutes == 20


def test_closing_keeps_the_tray_running_said_once_and_quit_really_quits(
    qtbot: QtBot, window: MainWindow, qsettings: QSettings
) -> None:
    companion, _ = _companion(
        window, qsettings, dt.datetime.combine(dt.date.today(), dt.time(9, 0)), tray=True, settings=ReminderSettings(enabled=True)
    )
    quits: list[bool] = []
    companion.quit_application = lambda: quits.append(True)
    assert not QApplication.quitOnLastWindowClosed()
    window.close()
    assert not window.isVisible() and window.session.ready  # hidden, the journal still open
    assert companion.told_box is not None and "Quit Pain Journal" in companion.told_box.text()
    assert not companion.told_box.isModal()  # the window opened again from the tray takes keys at once
    companion.told_box.close()
    companion.told_box = None
    companion.answer(prompts.ANSWER_OPEN_WINDOW)
    assert window.isVisible()
    window.close()
    assert not window.isVisible() and companion.told_box is None  # said once only
    assert companion.tray is not None
    companion.tray.quit_action.trigger()
    assert quits == [True]
    assert not companion.tray.icon.isVisible()
    assert not window.session.holds_lock  # closed as on a normal close (backed up, lock released)


def test_file_quit_really_quits_while_reminders_are_on(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    companion, _ = _companion(
        window, qsettings, dt.datetime.combine(dt.date.today(), dt.time(9, 0)), tray=True, settings=ReminderSettings(enabled=True)
    )
    quits: list[bool] = []
    companion.quit_application = lambda: quits.append(True)
    window.quit_action.trigger()
    assert quits == [True] and not window.isVisible() and companion.told_box is None


def test_file_quit_closes_as_before_when_reminders_are_off(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    companion, _ = _companion(window, qsettings, dt.datetime.combine(dt.date.today(), dt.time(9, 0)), tray=True)
    quits: list[bool] = []
    companion.quit_application = lambda: quits.append(True)
    window.quit_action.trigger()
    assert not window.isVisible() and quits == []  # the last window closing ends the app, as before


def test_turning_reminders_off_takes_away_one_on_screen(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    companion, _ = _companion(
        window,
        qsettings,
        dt.datetime.combine(dt.date.today(), dt.time(20, 5)),
        tray=False,
        settings=ReminderSettings(enabled=True),
    )
    companion.check()
    assert companion.prompt_window is not None and companion.prompt_window.isVisible()
    companion.apply(ReminderSettings())
    assert not companion.prompt_window.isVisible() and companion.showing is None


def test_turning_everything_off_removes_every_trace(
    qtbot: QtBot, window: MainWindow, qsettings: QSettings, private_home: Path
) -> None:
    companion, _ = _companion(window, qsettings, dt.datetime.combine(dt.date.today(), dt.time(9, 0)), tray=True)
    entry = private_home / "config" / "autostart" / "pain-journal.desktop"
    assert companion.tray is None and not entry.exists()
    companion.apply(ReminderSettings(start_at_login=True))
    assert entry.exists() and "--tray" in entry.read_text(encoding="utf-8")
    assert companion.tray is not None and companion.tray.icon.isVisible()
    icon = companion.tray.icon
    companion.apply(ReminderSettings(tray_icon=False))  # the icon is shown whenever a tray exists, unless hidden
    assert not entry.exists()
    assert companion.tray is None and not icon.isVisible()
    assert QApplication.quitOnLastWindowClosed()
    assert not companion.timer.isActive()
    window.close()
    assert not window.isVisible()  # nothing keeps running now


def test_settings_survive_a_restart(tmp_path: Path) -> None:
    path = str(tmp_path / "reminders.ini")
    chosen = ReminderSettings(
        enabled=True, time=dt.time(21, 15), weekdays=frozenset({0, 1, 2, 3, 4}), start_at_login=False, sitting_minutes=45
    )
    store.save(QSettings(path, QSettings.Format.IniFormat), chosen)
    assert store.load(QSettings(path, QSettings.Format.IniFormat)) == chosen
    assert store.load(QSettings(str(tmp_path / "none.ini"), QSettings.Format.IniFormat)) == ReminderSettings()


def test_unreadable_settings_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "reminders.ini"
    path.write_text("[reminder]\ntime=late\nweekdays=9,x\n[sitting]\nminutes=many\n", encoding="utf-8")
    loaded = store.load(QSettings(str(path), QSettings.Format.IniFormat))
    assert loaded.time == dt.time(20, 0) and loaded.weekdays == frozenset() and loaded.sitting_minutes == 30


def test_settings_dialog_shows_and_returns_the_choices(qtbot: QtBot) -> None:
    current = ReminderSettings(enabled=True, time=dt.time(19, 30), weekdays=frozenset({5, 6}), sitting_minutes=40)
    dialog = SettingsDialog(current)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == current
    dialog.days[0].setChecked(True)
    dialog.at_login.setChecked(True)
    dialog.remind.setChecked(False)
    assert not dialog.time.isEnabled()
    chosen = dialog.chosen()
    assert chosen.weekdays == frozenset({0, 5, 6}) and chosen.start_at_login and not chosen.enabled


def test_file_menu_has_settings_and_today_has_the_sitting_button(qtbot: QtBot, window: MainWindow) -> None:
    assert any(a.text() == "Se&ttings…" for a in window.file_menu.actions())
    button = next(b for b in window.today.findChildren(QPushButton) if b.text() == "I'm sitting down to work")
    assert window.companion is not None and window.companion.lock_watcher is None  # made when first needed
    button.click()
    assert window.companion.lock_watcher is not None
    assert window.companion is not None and window.companion.sitting is not None
    assert button.text() == "Stop the sitting timer"
    window.companion.sitting = None  # nothing to offer from a session a moment long
    window.companion.sittingChanged.emit(False)
    assert button.text() == "I'm sitting down to work"


def test_offer_is_not_made_for_a_session_of_a_few_minutes(qtbot: QtBot, window: MainWindow, qsettings: QSettings) -> None:
    companion, clock = _companion(window, qsettings, dt.datetime.combine(dt.date.today(), dt.time(9, 0)), tray=False)
    companion.start_sitting()
    clock.advance(3 * MINUTE)
    assert companion.stop_sitting() == SittingSummary(dt.date.today(), 3, 0)
    assert companion.offer_box is None
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_prompt_window_fits_every_answer_after_switching_prompts(qtbot: QtBot) -> None:
    window = prompts.PromptWindow()
    qtbot.addWidget(window)
    for prompt in (prompts.Prompt.BREAK, prompts.Prompt.REMINDER):
        window.show_prompt(prompt)
        qtbot.waitUntil(lambda: all(b.isVisible() for b in window.buttons()))
        assert [b.text() for b in window.buttons()] == [text for text, _ in prompts.CHOICES[prompt]]
        for button in window.buttons():
            assert button.width() >= button.sizeHint().width(), button.text()


def test_without_a_tray_closing_minimises_and_the_small_window_asks(
    qtbot: QtBot, window: MainWindow, qsettings: QSettings
) -> None:
    companion, clock = _companion(
        window,
        qsettings,
        dt.datetime.combine(dt.date.today(), dt.time(20, 0)),
        tray=False,
        settings=ReminderSettings(enabled=True),
    )
    assert companion.tray is None
    assert QApplication.quitOnLastWindowClosed()  # no tray to come back from: closing may end the app
    window.close()
    assert window.isMinimized() and window.session.ready
    assert companion.told_box is not None and "File → Quit" in companion.told_box.text()
    companion.told_box.close()
    companion.check()
    assert companion.prompt_window is not None and companion.prompt_window.isVisible()
    assert companion.prompt_window.text.text() == REMINDER_TEXT
    _button(companion, "Open Today").click()
    assert not window.isMinimized() and window.tabs.currentWidget() is window.today


def test_started_in_the_tray_the_hidden_window_gets_its_features(qtbot: QtBot, db_path: Path) -> None:
    from journal.ui.app import create_window

    hidden = create_window(db_path, welcome=False, in_tray=True)
    try:
        qtbot.waitUntil(lambda: hidden.companion is not None, timeout=20_000)
        assert not hidden.isVisible() and hidden.session.ready
        assert hidden.export_dialog is not None or hidden.data_safety is not None
        hidden.companion.answer(prompts.ANSWER_OPEN_WINDOW)
        assert hidden.isVisible()
    finally:
        hidden.today.discard_changes()
        hidden.close()
        hidden.session.close()
        hidden.deleteLater()


def test_a_running_sitting_timer_keeps_the_tray_and_quitting_offers_the_session_first(
    qtbot: QtBot, window: MainWindow, qsettings: QSettings
) -> None:
    from PySide6.QtCore import QTimer

    from tests.gui_helpers import answer_next_message_box

    companion, clock = _companion(window, qsettings, dt.datetime.combine(dt.date.today(), dt.time(9, 0)), tray=True)
    quits: list[bool] = []
    companion.quit_application = lambda: quits.append(True)
    companion.start_sitting()
    assert companion.tray is not None and not QApplication.quitOnLastWindowClosed()
    window.close()
    assert not window.isVisible()  # the timer keeps running in the tray
    for _ in range(50):
        companion.check()
        clock.advance(MINUTE)
    companion.answer(prompts.ANSWER_BREAK_DONE)
    seen: list[list[str]] = []
    path = window.session.own_journal_path()

    def add_when_asked() -> None:
        box = companion.offer_box
        if box is not None and box.isVisible():
            next(b for b in box.buttons() if b.text() == "Add to today").click()
            seen.append(answer_next_message_box(QMessageBox.StandardButton.Discard))  # "Save the day?"
        else:
            QTimer.singleShot(20, add_when_asked)

    QTimer.singleShot(20, add_when_asked)
    companion.tray.quit_action.trigger()
    assert companion.offer_box is not None
    assert companion.offer_box.text() == "Add 50 min of sitting with 1 break to today?"
    qtbot.waitUntil(lambda: bool(quits), timeout=5_000)
    assert quits == [True] and not window.isVisible()
    assert seen and seen[0] and "did not save it" in seen[0][0]  # the minutes were in the form, unsaved
    from journal.storage.journal import Journal

    assert path is not None
    reopened = Journal.open(path)
    try:
        assert reopened.sitting_per_day() == {dt.date.today(): SittingSummary(dt.date.today(), 50, 1)}
    finally:
        reopened.close()
