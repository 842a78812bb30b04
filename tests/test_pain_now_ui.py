"""Pain now in a real window: the shortcut and real key presses record a reading, Today lists and
deletes it, an unrated day is pre-filled from the readings, and the tray menu opens the same dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.core.clock import SystemClock
from journal.core.day import DayEntry
from journal.core.readings import PainReading
from journal.core.reminders import ReminderSettings
from journal.storage.journal import Journal
from journal.ui.main_window import MainWindow
from journal.ui.readings import PainNow, PainNowDialog
from tests.gui_helpers import close_window, open_window, save_and_wait

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _feature(qtbot: QtBot, window: MainWindow) -> PainNow:
    qtbot.waitUntil(lambda: isinstance(getattr(window, "pain_now", None), PainNow), timeout=10_000)
    feature = window.pain_now  # type: ignore[attr-defined]  # set by journal.ui.readings.install
    assert isinstance(feature, PainNow)
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    return feature


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def _readings(qtbot: QtBot, window: MainWindow) -> list[PainReading]:
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    journal = window.session.journal
    assert journal is not None
    return [s.reading for s in journal.readings()]


def test_the_shortcut_records_a_reading_in_four_key_presses(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    feature = _feature(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    before = dt.datetime.now()
    QTest.keyClick(_focused(), Qt.Key.Key_P, CTRL_SHIFT)
    dialog = feature.dialog
    assert isinstance(dialog, PainNowDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.back_pain, timeout=5_000)
    QTest.keyClicks(_focused(), "6")
    QTest.keyClick(_focused(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.leg_pain
    QTest.keyClicks(_focused(), "3")
    QTest.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    kept = _readings(qtbot, window)
    assert len(kept) == 1
    reading = kept[0]
    assert (reading.back_pain, reading.leg_pain, reading.date) == (6, 3, before.date())
    moment = dt.datetime.combine(reading.date, reading.time)
    assert before.replace(second=0, microsecond=0) <= moment <= dt.datetime.now()
    # Today lists it, and (the day not rated yet) fills in the day's pain from it, unsaved.
    panel = feature.panel
    assert panel is not None
    qtbot.waitUntil(lambda: len(panel.shown) == 1, timeout=5_000)
    assert "back 6 · leg 3" in panel.findChild(QWidget, "painNowReading").text()
    form = window.today.form
    assert (form.back_pain.value(), form.leg_pain.value()) == (6, 3)
    assert window.today.is_dirty() and panel.note.isVisible()
    assert window.session.journal is not None and window.session.journal.day(reading.date) is None
    close_window(window)


def _shown(feature: PainNow) -> int:
    return len(feature.panel.shown) if feature.panel is not None else 0


def _record_back_pain_only(qtbot: QtBot, feature: PainNow, back: int) -> None:
    """The back pain digit and Enter: two key presses."""
    dialog = feature.ask()
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.back_pain, timeout=5_000)
    QTest.keyClicks(_focused(), str(back))
    QTest.keyClick(_focused(), Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)


@pytest.mark.slow
def test_back_pain_alone_is_two_key_presses_and_a_day_takes_the_highest(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    feature = _feature(qtbot, window)
    for count, back in enumerate((4, 7), start=1):
        _record_back_pain_only(qtbot, feature, back)
        qtbot.waitUntil(lambda n=count: _shown(feature) == n, timeout=5_000)  # type: ignore[misc]
    assert sorted(r.back_pain for r in _readings(qtbot, window)) == [4, 7]
    form = window.today.form
    qtbot.waitUntil(lambda: form.back_pain.value() == 7, timeout=5_000)
    assert form.leg_pain.value() is None
    panel = feature.panel
    assert panel is not None
    assert panel.note.isVisible()  # says the numbers came from the readings
    assert save_and_wait(qtbot, window)
    journal = window.session.journal
    assert journal is not None
    stored = journal.day(dt.date.today())
    assert stored is not None and stored.back_pain == 7
    assert not panel.note.isVisible()  # saved: the day's own rating now
    # Deleting a reading never changes the saved day's own rating.
    feature.delete(panel.shown[-1].id)
    qtbot.waitUntil(lambda: len(panel.shown) == 1, timeout=5_000)
    assert [r.back_pain for r in _readings(qtbot, window)] == [4]
    assert journal.day(dt.date.today()) == stored
    close_window(window)


def test_a_rated_day_is_never_changed_by_readings(qtbot: QtBot, db_path: Path) -> None:
    today = dt.date.today()
    earlier = Journal.open(db_path)
    earlier.save_day(DayEntry(date=today, back_pain=2, leg_pain=1))
    earlier.close()
    window = open_window(qtbot, db_path)
    feature = _feature(qtbot, window)
    feature.record(9, 9)
    qtbot.waitUntil(lambda: _shown(feature) == 1, timeout=5_000)
    form = window.today.form
    assert (form.back_pain.value(), form.leg_pain.value()) == (2, 1)
    assert not window.today.is_dirty()
    close_window(window)


def test_the_tray_menu_opens_pain_now(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    from journal.ui.reminders.companion import DayCompanion

    window = open_window(qtbot, db_path)
    feature = _feature(qtbot, window)
    qtbot.waitUntil(lambda: window.companion is not None, timeout=5_000)
    qsettings = QSettings(str(tmp_path / "reminders.ini"), QSettings.Format.IniFormat)
    companion = DayCompanion(window, clock=SystemClock(), settings=qsettings, tray_available=True)
    companion.quit_application = lambda: None
    companion.apply(ReminderSettings(enabled=True))
    try:
        assert companion.tray is not None
        texts = [a.text() for a in companion.tray.menu.actions()]
        assert "Pain now…" in texts
        companion.tray.pain_now_action.trigger()
        dialog = feature.dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible, timeout=5_000)
        dialog.reject()
    finally:
        companion.apply(ReminderSettings())
    close_window(window)


def test_the_export_dialog_saves_the_readings_beside_the_days(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    from journal.app.reports import ExportFormat
    from journal.ui.export_dialog import ExportDialog
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner

    today = dt.date.today()
    journal = Journal.open(db_path)
    journal.save_day(DayEntry(date=today, back_pain=5))
    journal.add_readings([PainReading(today, dt.time(7, 5), 6, 2), PainReading(today, dt.time(19, 30), 4)])
    journal.close()
    session = JournalSession(TaskRunner())
    with qtbot.waitSignal(session.opened, timeout=20_000):
        session.open(db_path)
    try:
        with qtbot.waitSignal(session.tasks.busy_changed, timeout=10_000, check_params_cb=lambda busy: not busy):
            dialog = ExportDialog(session, today=today)
            qtbot.addWidget(dialog)
        dialog.set_format(ExportFormat.CSV)
        assert dialog.readings_check.isVisibleTo(dialog) and dialog.readings_check.isChecked()
        out = tmp_path / "days.csv"
        with qtbot.waitSignal(dialog.finished_export, timeout=20_000) as said:
            dialog.export_to(out)
        assert said.args is not None and "and 2 pain-now readings to days-readings.csv" in said.args[0]
        assert (tmp_path / "days-readings.csv").read_bytes() == (
            f"date,time,back_pain,leg_pain\r\n{today.isoformat()},07:05,6,2\r\n{today.isoformat()},19:30,4,\r\n".encode()
        )
        dialog.set_format(ExportFormat.PDF)
        assert not dialog.readings_check.isVisibleTo(dialog)
        dialog.set_format(ExportFormat.CSV)
        dialog.readings_check.setChecked(False)
        (tmp_path / "days-readings.csv").unlink()
        with qtbot.waitSignal(dialog.finished_export, timeout=20_000):
            dialog.export_to(tmp_path / "again.csv")
        assert not (tmp_path / "again-readings.csv").exists()
    finally:
        session.close()


def test_file_menu_imports_readings_all_or_nothing(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.gui_helpers import answer_next_message_box

    window = open_window(qtbot, db_path)
    feature = _feature(qtbot, window)
    assert feature.import_action in window.file_menu.actions()
    today = dt.date.today().isoformat()
    bad = tmp_path / "bad.csv"
    bad.write_text(f"date,time,back_pain,leg_pain\n{today},08:00,5,\n{today},09:00,12,\n", encoding="utf-8")
    seen = answer_next_message_box(QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(feature.imported, timeout=10_000):
        feature.import_file(bad)
    assert seen and "line 3, column back_pain" in seen[0]
    assert _readings(qtbot, window) == []
    good = tmp_path / "good.csv"
    good.write_text(f"date,time,back_pain,leg_pain\n{today},08:00,5,\n{today},21:00,3,2\n", encoding="utf-8")
    with qtbot.waitSignal(feature.imported, timeout=10_000) as said:
        feature.import_file(good)
    assert said.args == ["Imported 2 pain-now readings from good.csv."]
    assert [(r.back_pain, r.leg_pain) for r in _readings(qtbot, window)] == [(5, None), (3, 2)]
    qtbot.waitUntil(lambda: _shown(feature) == 2, timeout=5_000)
    close_window(window)
