"""Bugs a new user hit on the Today tab and around it, each kept fixed by a test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from journal.core.day import ActivityMinutes, DayEntry
from journal.storage.journal import Journal
from journal.ui.today.view import NO_NEXT_DAY
from tests.gui_helpers import answer_next_message_box, close_window, open_date_and_wait, open_window, save_and_wait, stored_day


def test_start_my_own_journal_leaves_demo_started_sample_data(qtbot: QtBot, db_path: Path) -> None:
    """`main.py --demo`: the banner's button opens the patient's own (empty) journal."""
    window = open_window(qtbot, db_path, demo=True)
    assert window.session.is_demo and window.session.journal is not None
    assert window.session.journal.path != db_path

    qtbot.mouseClick(window.leave_demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.is_demo and window.session.ready, timeout=20_000)
    assert window.session.journal is not None and window.session.journal.path == db_path
    assert window.session.journal.count() == 0  # nothing of the sample data came along
    assert window.session.holds_lock
    assert window.demo_banner is not None and not window.demo_banner.isVisibleTo(window)
    close_window(window)


def test_the_command_line_demo_knows_the_patients_own_journal(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from journal import cli
    from journal.ui import app

    seen: dict[str, object] = {}

    def fake_run_window(path: Path | None, **options: object) -> int:
        seen.update(options, path=path)
        return 0

    monkeypatch.setattr(app, "run_window", fake_run_window)
    own = tmp_path / "mine.sqlite3"
    assert cli.main(["--db", str(own), "--demo"]) == 0
    assert seen["path"] == own and seen["demo"] is True


def test_activity_minutes_without_a_name_are_not_saved_and_the_patient_is_told(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    view, form = window.today, window.today.form
    qtbot.keyClick(form.back_pain, Qt.Key.Key_4)
    qtbot.mouseClick(form.activities.add_button, Qt.MouseButton.LeftButton)
    row = form.activities.rows()[0]
    row.minutes.selectAll()
    qtbot.keyClicks(row.minutes.lineEdit(), "30")

    told = answer_next_message_box(QMessageBox.StandardButton.Ok)
    assert save_and_wait(qtbot, window) is False
    qtbot.waitUntil(lambda: bool(told), timeout=2_000)
    assert "30 minutes without a name" in told[0] and "Nothing was saved" in told[0]
    assert "Saved" not in window.statusBar().currentMessage()
    assert stored_day(qtbot, window, view.date) is None
    assert view.is_dirty()  # the form keeps what was typed
    assert form.widget_for_field("activities") is row.name

    qtbot.keyClicks(row.name.lineEdit(), "walking")
    assert save_and_wait(qtbot, window) is True
    saved = stored_day(qtbot, window, view.date)
    assert saved is not None and saved.activities == (ActivityMinutes("walking", 30),)
    close_window(window)


def test_next_day_on_today_is_off_and_says_why(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    view = window.today
    assert view.date == dt.date.today()
    assert not view.next_day_button.isEnabled()
    assert view.next_day_button.toolTip() == NO_NEXT_DAY

    view.step_day(-1)
    assert view.date == dt.date.today() - dt.timedelta(days=1)
    assert view.next_day_button.isEnabled()
    with qtbot.waitSignal(view.status) as said:
        view.step_day(1)
        view.step_day(1)  # past today: nothing moves, and the status bar says why
    assert view.date == dt.date.today()
    assert said.args == [NO_NEXT_DAY]
    close_window(window)


def _words_on_screen(form: object) -> list[str]:
    widgets = form.findChildren(QGroupBox), form.findChildren(QLabel), form.findChildren(QPlainTextEdit)  # type: ignore[attr-defined]
    boxes, labels, edits = widgets
    cards = form.window().today.cards_area  # type: ignore[attr-defined]  # the reading cards name their own day
    labels = [label for label in labels if not cards.isAncestorOf(label)]
    return [b.title() for b in boxes] + [label.text() for label in labels] + [e.placeholderText() for e in edits]


def test_a_past_day_is_never_called_today(qtbot: QtBot, db_path: Path) -> None:
    past = dt.date.today() - dt.timedelta(days=9)
    journal = Journal.open(db_path)
    journal.save_day(DayEntry(date=past, back_pain=5, interference_enjoyment=4, interference_activity=6))
    journal.close()
    window = open_window(qtbot, db_path)
    form = window.today.form
    assert "Pain today" in _words_on_screen(form)

    assert open_date_and_wait(qtbot, window, past)
    words = _words_on_screen(form)
    assert [w for w in words if "today" in w.casefold()] == []
    assert form.pain_box.title().endswith(str(past.year)) and str(past.day) in form.pain_box.title()
    assert "PEG score on" in form.peg.text()

    assert open_date_and_wait(qtbot, window, dt.date.today() - dt.timedelta(days=1))
    assert form.pain_box.title() == "Pain yesterday"
    close_window(window)


def test_import_is_off_in_the_sample_data_and_explains_why(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    from journal.ui.import_csv import NOT_IN_SAMPLE_DATA, import_csv_interactively

    window = open_window(qtbot, db_path, demo=True)
    assert not window.import_action.isEnabled()
    assert window.import_action.toolTip() == NOT_IN_SAMPLE_DATA
    before = window.session.journal.count()
    csv = tmp_path / "days.csv"
    csv.write_text("date,back_pain\n2020-01-01,3\n", encoding="utf-8")
    told = answer_next_message_box(QMessageBox.StandardButton.Ok)
    import_csv_interactively(window, csv)  # even if asked directly, nothing goes into the sample data
    qtbot.waitUntil(lambda: bool(told), timeout=2_000)
    window.session.tasks.wait()
    assert told == [NOT_IN_SAMPLE_DATA]
    assert window.session.journal.count() == before

    qtbot.mouseClick(window.leave_demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.is_demo and window.session.ready, timeout=20_000)
    assert window.import_action.isEnabled()
    close_window(window)


def test_one_way_to_say_no_leg_pain(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    labels = [label.text() for label in window.today.form.findChildren(QLabel)]
    leg = next(text for text in labels if text.startswith("&Leg pain"))
    assert "0 = none" in leg
    assert not any("leave empty" in text for text in labels)
    close_window(window)


def test_the_reading_cards_after_saving_a_past_day_name_that_day(qtbot: QtBot) -> None:
    from journal.ui.guidance.cards import FOR_TODAY_HEADING, ForTodayCards, for_day_heading

    today = dt.date(2026, 3, 12)
    assert for_day_heading(today, today) == FOR_TODAY_HEADING
    assert for_day_heading(today - dt.timedelta(days=1), today).startswith("<b>For yesterday</b>")
    assert for_day_heading(dt.date(2026, 3, 2), today).startswith("<b>For Mon 2 Mar 2026</b>")
    cards = ForTodayCards()
    qtbot.addWidget(cards)
    cards.set_cards(dt.date.today() - dt.timedelta(days=5), [])
    assert "today" not in cards.heading.text().casefold() and "today" not in cards.accessibleName().casefold()
