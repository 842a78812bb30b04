"""A sitting session across midnight is offered for each day it touched, each named right."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from journal.core.clock import FakeClock
from journal.ui.main_window import MainWindow
from journal.ui.reminders.companion import DayCompanion
from tests.test_reminders_ui import qsettings, window  # noqa: F401 - fixtures

MINUTE = dt.timedelta(minutes=1)


def test_a_session_across_midnight_is_offered_for_yesterday_then_today(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    qsettings: QSettings,  # noqa: F811
) -> None:
    today = dt.date.today()
    clock = FakeClock(dt.datetime.combine(today - dt.timedelta(days=1), dt.time(23, 0)))
    companion = DayCompanion(window, clock=clock, settings=qsettings, tray_available=False)
    companion.quit_application = lambda: None
    companion.start_sitting()
    for _ in range(120):
        clock.advance(MINUTE)
        companion.check()  # a break suggested stays on screen unanswered
    summary = companion.stop_sitting()
    assert summary is not None and summary.minutes == 120
    first = companion.offer_box
    assert first is not None and first.text().endswith("to yesterday?") and "1 h" in first.text()
    first.reject()
    qtbot.waitUntil(lambda: companion.offer_box is not first)
    second = companion.offer_box
    assert second is not None and second.text().endswith("to today?")
    second.reject()
