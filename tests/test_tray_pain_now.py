"""The tray icon whenever the desktop has a tray: "Pain now…" without reminders, hidden on request,
and never keeping Pain Journal running by itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.core.clock import SystemClock
from journal.core.reminders import ReminderSettings
from journal.ui.main_window import MainWindow
from journal.ui.readings import PainNow, PainNowDialog
from journal.ui.reminders import store
from journal.ui.reminders.companion import DayCompanion
from journal.ui.reminders.settings_dialog import SettingsDialog
from journal.ui.today.readings_panel import SHORTCUT
from tests.gui_helpers import close_window, open_window


def _feature(qtbot: QtBot, window: MainWindow) -> PainNow:
    qtbot.waitUntil(lambda: isinstance(getattr(window, "pain_now", None), PainNow), timeout=10_000)
    feature = window.pain_now  # type: ignore[attr-defined]  # set by journal.ui.readings.install
    assert isinstance(feature, PainNow)
    qtbot.waitUntil(lambda: window.companion is not None and not window.session.tasks.busy, timeout=10_000)
    return feature


def _companion(window: MainWindow, tmp_path: Path, *, tray: bool = True) -> tuple[DayCompanion, list[bool]]:
    qsettings = QSettings(str(tmp_path / "reminders.ini"), QSettings.Format.IniFormat)
    companion = DayCompanion(window, clock=SystemClock(), settings=qsettings, tray_available=tray)
    quits: list[bool] = []
    companion.quit_application = lambda: quits.append(True)
    return companion, quits


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def test_with_a_tray_pain_now_is_in_its_menu_without_reminders_and_records_a_reading(
    qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    window = open_window(qtbot, db_path)
    feature = _feature(qtbot, window)
    companion, _ = _companion(window, tmp_path)
    assert not companion.stays_running  # reminders and the sitting timer are off
    assert companion.tray is None  # made after whatever start-up still has queued, not in the constructor
    qtbot.waitUntil(lambda: companion.tray is not None, timeout=5_000)
    tray = companion.tray
    assert tray is not None and tray.icon.isVisible()
    assert "Pain now…" in [a.text() for a in tray.menu.actions()]
    # The tray's entry is the window's own action, the one Ctrl+Shift+P triggers.
    action = window.pain_now_action
    assert action is not None and action.shortcut().toString() == SHORTCUT
    with qtbot.waitSignal(action.triggered, timeout=5_000):
        tray.pain_now_action.trigger()
    dialog = feature.dialog
    assert isinstance(dialog, PainNowDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and QApplication.focusWidget() is dialog.back_pain, timeout=5_000)
    before = dt.datetime.now()
    QTest.keyClicks(_focused(), "7")
    QTest.keyClick(_focused(), Qt.Key.Key_Tab)
    QTest.keyClicks(_focused(), "2")
    QTest.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible() and not window.session.tasks.busy, timeout=5_000)
    journal = window.session.journal
    assert journal is not None
    kept = [s.reading for s in journal.readings()]
    assert [(r.back_pain, r.leg_pain, r.date) for r in kept] == [(7, 2, before.date())]
    moment = dt.datetime.combine(kept[0].date, kept[0].time)
    assert before.replace(second=0, microsecond=0) <= moment <= dt.datetime.now()
    companion.apply(ReminderSettings(tray_icon=False))
    close_window(window)


def test_a_tray_icon_alone_does_not_keep_pain_journal_running(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _feature(qtbot, window)
    companion, quits = _companion(window, tmp_path)
    qtbot.waitUntil(lambda: companion.tray is not None, timeout=5_000)
    assert QApplication.quitOnLastWindowClosed()  # the last window closing ends the app, as before
    window.close()
    assert not window.isVisible() and not window.isMinimized()
    assert companion.told_box is None and quits == []  # not "still running in the tray"
    companion.apply(ReminderSettings(tray_icon=False))


def test_reminders_on_still_keep_it_in_the_tray(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _feature(qtbot, window)
    companion, _ = _companion(window, tmp_path)
    companion.apply(ReminderSettings(enabled=True))
    assert companion.tray is not None and not QApplication.quitOnLastWindowClosed()
    companion.apply(ReminderSettings())  # reminders off: the icon stays, closing quits again
    assert companion.tray is not None and QApplication.quitOnLastWindowClosed()
    companion.apply(ReminderSettings(tray_icon=False))
    close_window(window)


def test_the_icon_can_be_hidden_and_then_reminders_use_the_small_window(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _feature(qtbot, window)
    companion, _ = _companion(window, tmp_path)
    qtbot.waitUntil(lambda: companion.tray is not None, timeout=5_000)
    tray = companion.tray
    assert tray is not None
    icon = tray.icon
    companion.apply(ReminderSettings(enabled=True, tray_icon=False))
    assert companion.tray is None and not icon.isVisible()
    assert QApplication.quitOnLastWindowClosed()  # no tray to come back from: closing minimises instead
    window.close()
    assert window.isMinimized()
    if companion.told_box is not None:
        companion.told_box.close()
    companion.apply(ReminderSettings(tray_icon=False))
    window.showNormal()
    close_window(window)


def test_no_tray_on_the_desktop_means_no_icon(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _feature(qtbot, window)
    companion, _ = _companion(window, tmp_path, tray=False)
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)
    QApplication.processEvents()
    assert companion.tray is None
    close_window(window)


def test_the_choice_is_in_settings_and_survives_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    path = str(tmp_path / "reminders.ini")
    assert store.load(QSettings(path, QSettings.Format.IniFormat)).tray_icon  # shown by default
    dialog = SettingsDialog(ReminderSettings())
    qtbot.addWidget(dialog)
    assert dialog.tray_icon.isChecked()
    dialog.tray_icon.setChecked(False)
    chosen = dialog.chosen()
    assert not chosen.tray_icon
    store.save(QSettings(path, QSettings.Format.IniFormat), chosen)
    assert store.load(QSettings(path, QSettings.Format.IniFormat)) == chosen


def test_started_for_the_tray_with_the_icon_hidden_the_window_is_minimised_not_lost(
    qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    from journal.ui.app import create_window

    path = str(tmp_path / "reminders.ini")
    store.save(QSettings(path, QSettings.Format.IniFormat), ReminderSettings(enabled=True, tray_icon=False))
    hidden = create_window(db_path, welcome=False, in_tray=True)
    try:
        qtbot.waitUntil(lambda: hidden.companion is not None and hidden.session.ready, timeout=20_000)
        assert not hidden.isVisible()
        companion = DayCompanion(
            hidden, clock=SystemClock(), settings=QSettings(path, QSettings.Format.IniFormat), tray_available=True
        )
        assert companion.tray is None
        assert hidden.isVisible() and hidden.isMinimized()  # on the taskbar: no invisible Pain Journal
        companion.apply(ReminderSettings(tray_icon=False))  # closing below then closes
    finally:
        hidden.today.discard_changes()
        hidden.close()
        hidden.session.close()
        hidden.deleteLater()
