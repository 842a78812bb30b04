"""About you in the window: optional answers, reached from Edit and Settings, saved on the worker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from journal.app.about_you import load_about_you
from journal.core.about_you import AboutYou
from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.core.reminders import ReminderSettings
from journal.storage.journal import Journal
from journal.ui.about_you_dialog import NOT_SAID, AboutYouDialog
from journal.ui.reminders.settings_dialog import SettingsDialog
from tests.gui_helpers import close_window

TODAY = dt.date(2026, 12, 7)
FEVER = "fever or chills with back pain"


def test_nothing_is_required_and_the_answers_come_back_as_given(qtbot: QtBot) -> None:
    empty = AboutYouDialog(AboutYou(), today=TODAY)
    qtbot.addWidget(empty)
    assert empty.birth_year.text() == NOT_SAID
    assert empty.chosen() == AboutYou()
    given = AboutYou(weak_immunity=True, recent_spinal_procedure=True, birth_year=1960, include_in_report=True)
    dialog = AboutYouDialog(given, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == given
    dialog.boxes["cancer_history"].setChecked(True)
    dialog.birth_year.setValue(dialog.birth_year.minimum())
    assert dialog.chosen() == AboutYou(
        cancer_history=True, weak_immunity=True, recent_spinal_procedure=True, include_in_report=True
    )
    words = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "HIV" in words and "NICE" in words and ".toml" not in words and ".txt" not in words


def test_settings_offers_about_you_only_when_it_can_open_it(qtbot: QtBot) -> None:
    opened: list[bool] = []
    dialog = SettingsDialog(ReminderSettings(), on_about_you=lambda: opened.append(True))
    qtbot.addWidget(dialog)
    dialog.about_you.click()
    assert opened == [True]
    plain = SettingsDialog(ReminderSettings())
    qtbot.addWidget(plain)
    assert not hasattr(plain, "about_you")


def test_saving_from_the_window_keeps_the_answers_and_changes_the_signs(qtbot: QtBot, db_path: Path) -> None:
    from tests.test_red_flags_ui import _open

    window = _open(qtbot, db_path)
    try:
        assert any(a.text() == "About &you…" for a in window.edit_menu.actions())
        entry = DayEntry(date=TODAY, back_pain=5, symptoms=(FEVER,))
        assert [f.urgency for f in window.session.red_flags_in(entry)] == [Urgency.SOON]
        with qtbot.waitSignal(window.session.changed, timeout=5_000):
            window.session.save_about_you(AboutYou(weak_immunity=True, birth_year=1950))
        assert [f.urgency for f in window.session.red_flags_in(entry)] == [Urgency.URGENT]
        errors: list[BaseException] = []
        window.session.save_about_you(AboutYou(cancer_history=True, birth_year=3000), on_error=errors.append)
        qtbot.waitUntil(lambda: bool(errors), timeout=5_000)
        assert window.session.about_you() == AboutYou(weak_immunity=True, birth_year=1950)
    finally:
        close_window(window)
        window.deleteLater()
    journal = Journal.open(db_path)
    try:
        assert load_about_you(journal, TODAY) == AboutYou(weak_immunity=True, birth_year=1950)
    finally:
        journal.close()


def test_asked_once_after_a_few_saved_days_and_no_thanks_is_remembered(qtbot: QtBot, db_path: Path) -> None:
    from journal.app.about_you import ASK_AFTER_DAYS
    from journal.ui.about_you_dialog import AboutYouPrompt
    from tests.test_red_flags_ui import _open

    journal = Journal.open(db_path)
    journal.import_days([DayEntry(date=TODAY - dt.timedelta(days=n), back_pain=4) for n in range(1, ASK_AFTER_DAYS)])
    journal.close()
    window = _open(qtbot, db_path)
    try:
        prompt = window.findChild(AboutYouPrompt)
        assert prompt is not None and prompt.isHidden()  # too few days yet
        window.session.save_day(DayEntry(date=TODAY, back_pain=4), lambda _stored: None)
        qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)
        window.today.saved.emit(DayEntry(date=TODAY, back_pain=4))
        qtbot.waitUntil(prompt.isVisible, timeout=5_000)
        prompt.no_button.click()
        assert prompt.isHidden()
        qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)
        prompt.refresh()
        qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)
        assert prompt.isHidden()
    finally:
        close_window(window)
        window.deleteLater()
