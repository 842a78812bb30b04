"""What you can do: checked like a day, kept one per date, asked gently when due, shown everywhere."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journal.core.day import DayEntry
from journal.core.errors import ValidationError
from journal.core.function_check import FORTNIGHTLY, OFF, WEEKLY, FunctionCheck, check_line, is_due
from journal.core.summary import build_summary
from journal.formats.summary_json import summary_to_json
from journal.formats.summary_text import render_text
from journal.storage.journal import Journal

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("check", "field"),
    [
        (FunctionCheck(TODAY, sit_min=1441), "sit_min"),
        (FunctionCheck(TODAY, walk_min=-5), "walk_min"),
        (FunctionCheck(TODAY, activity="gardening", activity_score=11), "activity_score"),
        (FunctionCheck(TODAY, activity_score=5), "activity"),
        (FunctionCheck(TODAY, activity="a;b", activity_score=5), "activity"),
        (FunctionCheck(TODAY), "date"),
        (FunctionCheck(TODAY + dt.timedelta(days=1), sit_min=10), "date"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_written(tmp_path: Path, check: FunctionCheck, field: str) -> None:
    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        with pytest.raises(ValidationError) as caught:
            journal.save_function_check(check, today=TODAY)
        assert field in [name for name, _ in caught.value.problems]
        assert journal.function_checks() == []
    finally:
        journal.close()


def test_one_check_per_date_is_kept_and_read_back(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        journal.save_function_check(FunctionCheck(TODAY, sit_min=20), today=TODAY)
        kept = journal.save_function_check(FunctionCheck(TODAY, 30, 15, 60, "  gardening ", 7), today=TODAY)
        assert journal.function_checks() == [kept] == [FunctionCheck(TODAY, 30, 15, 60, "gardening", 7)]
        assert check_line(kept) == "7 Dec: sit 30 min, stand 15 min, walk 1 h; gardening 7/10"
    finally:
        journal.close()


def test_the_prompt_is_due_weekly_or_fortnightly_and_never_when_off() -> None:
    last = TODAY - dt.timedelta(days=8)
    assert is_due(WEEKLY, last, TODAY, logged_days=30)
    assert not is_due(FORTNIGHTLY, last, TODAY, logged_days=30)
    assert is_due(FORTNIGHTLY, TODAY - dt.timedelta(days=14), TODAY, logged_days=30)
    assert not is_due(OFF, None, TODAY, logged_days=30)
    assert is_due(WEEKLY, None, TODAY, logged_days=30)
    assert not is_due(WEEKLY, None, TODAY, logged_days=3)  # not on a brand-new journal


def test_summary_text_and_json_show_the_checks_of_the_period() -> None:
    start = TODAY - dt.timedelta(days=27)
    days = [DayEntry(date=start + dt.timedelta(days=i), back_pain=4) for i in range(28)]
    checks = [FunctionCheck(start - dt.timedelta(days=7), sit_min=5), FunctionCheck(start, 30, 15, 20, "gardening", 8)]
    summary = build_summary(days, start, TODAY, function=checks)
    assert summary_to_json(summary)["function"] == [
        {
            "date": start.isoformat(),
            "sit_minutes": 30,
            "stand_minutes": 15,
            "walk_minutes": 20,
            "activity": "gardening",
            "activity_score": 8,
        }
    ]
    assert "sit 30 min, stand 15 min, walk 20 min; gardening 8/10" in render_text(summary)


@pytest.mark.slow
def test_the_dialog_saves_an_answer_and_the_schedule(qtbot: QtBot, db_path: Path) -> None:
    from journal.ui.function_check import FunctionCheckDialog
    from tests.gui_helpers import close_window, open_window

    window = open_window(qtbot, db_path)
    dialog = FunctionCheckDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    dialog.sit.setValue(25)
    dialog.walk.setValue(40)
    qtbot.keyClicks(dialog.activity, "gardening")
    dialog.score.setValue(6)
    dialog.schedule.setCurrentIndex(dialog.schedule.findData(FORTNIGHTLY))
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save()
    journal = window.session.journal
    assert journal is not None
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    assert journal.function_checks() == [FunctionCheck(dt.date.today(), 25, None, 40, "gardening", 6)]
    assert journal.setting("function.schedule") == FORTNIGHTLY
    close_window(window)


def test_an_unknown_schedule_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    from journal.app.function_check import load_function_schedule, save_function_schedule

    journal = Journal.open(tmp_path / "j.db")
    assert load_function_schedule(journal) == WEEKLY
    with pytest.raises(ValidationError) as refused:
        save_function_schedule(journal, "daily")
    assert refused.value.problems[0][0] == "schedule"
    assert journal.setting("function.schedule") is None
    save_function_schedule(journal, OFF)
    assert load_function_schedule(journal) == OFF
    journal.close()


@pytest.mark.slow
def test_the_schedule_is_chosen_in_settings_and_todays_prompt_follows_it(qtbot: QtBot, db_path: Path) -> None:
    from journal.core.reminders import ReminderSettings
    from journal.ui.function_check import FunctionPrompt, prompt_text
    from journal.ui.reminders.settings_dialog import SettingsDialog, load_function_schedule, save_function_schedule
    from tests.gui_helpers import close_window, open_window

    journal = Journal.open(db_path)
    journal.import_days([DayEntry(dt.date.today() - dt.timedelta(days=i), back_pain=4) for i in range(10)])
    journal.close()
    window = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: hasattr(window, "function_prompt"), timeout=10_000)  # the features install after the first paint
    prompt: FunctionPrompt = window.function_prompt  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not prompt.isHidden(), timeout=10_000)
    assert prompt.text.text() == prompt_text(WEEKLY)

    dialog = SettingsDialog(ReminderSettings(), window)
    qtbot.addWidget(dialog)
    assert dialog.chosen_function_schedule() is None  # nothing to save until the journal's choice is read
    load_function_schedule(dialog, window.session)
    qtbot.waitUntil(dialog.function_schedule.isEnabled, timeout=10_000)
    assert dialog.chosen_function_schedule() == WEEKLY
    dialog.function_schedule.setCurrentIndex(dialog.function_schedule.findData(FORTNIGHTLY))
    saved: list[bool] = []
    save_function_schedule(dialog, window.session, lambda: saved.append(True))
    qtbot.waitUntil(lambda: saved == [True], timeout=10_000)
    stored = window.session.journal
    assert stored is not None and stored.setting("function.schedule") == FORTNIGHTLY
    prompt.refresh()
    qtbot.waitUntil(lambda: prompt.text.text() == prompt_text(FORTNIGHTLY), timeout=10_000)

    dialog.function_schedule.setCurrentIndex(dialog.function_schedule.findData(OFF))
    save_function_schedule(dialog, window.session, prompt.refresh)
    qtbot.waitUntil(prompt.isHidden, timeout=10_000)
    assert stored.setting("function.schedule") == OFF
    close_window(window)
