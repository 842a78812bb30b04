"""The age rule takes the age at the start of the sign's episode (issue 23), found from the logged days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journal.app.screening import screen_text
from journal.core.about_you import EPISODE_GAP_DAYS, AboutYou, apply_by_day, episode_start, episode_starts
from journal.core.day import DayEntry
from journal.core.redflags import red_flags_of
from journal.core.summary import build_summary

NIGHT = "pain at night that rest does not ease"
SIGN_DAY = dt.date(2026, 1, 10)
BORN = 1975  # 50 in 2025, 51 in 2026


def _run(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _logged_with_gap(unlogged: int) -> list[dt.date]:
    """Logged daily through 2025, then ``unlogged`` days with nothing, then daily up to the sign's day."""
    first_again = SIGN_DAY - dt.timedelta(days=5)
    return [*_run(dt.date(2025, 11, 1), first_again - dt.timedelta(days=unlogged + 1)), *_run(first_again, SIGN_DAY)]


def test_a_month_with_nothing_logged_starts_a_new_episode_29_days_do_not() -> None:
    assert EPISODE_GAP_DAYS == 30
    assert episode_start(SIGN_DAY, _logged_with_gap(30)) == SIGN_DAY - dt.timedelta(days=5)
    assert episode_start(SIGN_DAY, _logged_with_gap(29)) == dt.date(2025, 11, 1)  # the journal's first day


def test_the_first_day_of_the_journal_starts_the_first_episode() -> None:
    assert episode_start(SIGN_DAY, []) == SIGN_DAY
    assert episode_start(SIGN_DAY, [SIGN_DAY - dt.timedelta(days=3)]) == SIGN_DAY - dt.timedelta(days=3)
    assert episode_start(SIGN_DAY, [SIGN_DAY + dt.timedelta(days=3)]) == SIGN_DAY  # later days do not count


@pytest.mark.parametrize("unlogged", [0, 1, 29, 30, 31, 90])
def test_all_starts_at_once_agree_with_one_at_a_time(unlogged: int) -> None:
    logged = _logged_with_gap(unlogged)
    starts = episode_starts(logged)
    assert all(starts[day] == episode_start(day, logged) for day in logged)


def _when(logged: list[dt.date], born: int) -> str:
    days = [DayEntry(date=d, back_pain=4, symptoms=(NIGHT,) if d == SIGN_DAY else ()) for d in logged]
    flags = apply_by_day(red_flags_of(days), AboutYou(birth_year=born), logged)
    return next(f.when for f in flags if f.symptom == NIGHT)


def test_over_50_counts_at_the_start_of_the_episode_not_on_the_signs_date() -> None:
    # 51 on the sign's date, but 50 when the episode began in 2025: the rule does not apply.
    assert _when(_logged_with_gap(29), BORN) == "within a week"
    # A month with nothing logged: the episode began in 2026, at 51.
    assert _when(_logged_with_gap(30), BORN) == "within a few days"


def test_under_20_counts_at_the_start_of_the_episode() -> None:
    # 20 on the sign's date, 19 when the episode began.
    assert _when(_logged_with_gap(29), 2006) == "within a few days"
    assert _when(_logged_with_gap(30), 2006) == "within a week"


def test_the_summary_takes_the_journals_logged_days_beyond_the_period() -> None:
    logged = _logged_with_gap(0)
    days = [DayEntry(date=SIGN_DAY, back_pain=4, symptoms=(NIGHT,))]
    about = AboutYou(birth_year=BORN)
    alone = build_summary(days, SIGN_DAY, SIGN_DAY, about=about)  # only the sign's day: the episode starts then
    whole = build_summary(days, SIGN_DAY, SIGN_DAY, about=about, logged=logged)
    assert [f.when for f in alone.red_flags] == ["within a few days"]
    assert [f.when for f in whole.red_flags] == ["within a week"]


def test_screening_a_text_takes_the_episode_from_the_journal() -> None:
    about = AboutYou(birth_year=BORN)
    text = "pain at night, nothing helps"
    assert [s.when for s in screen_text(text, about, SIGN_DAY)] == ["within a few days"]
    assert [s.when for s in screen_text(text, about, SIGN_DAY, _logged_with_gap(29))] == ["within a week"]


@pytest.mark.slow  # opens the window
def test_the_window_takes_the_episode_from_the_journals_logged_days(qtbot: QtBot, db_path: Path) -> None:
    from journal.app.about_you import save_about_you
    from journal.storage.journal import Journal
    from tests.gui_helpers import close_window
    from tests.test_red_flags_ui import _open

    journal = Journal.open(db_path)
    journal.import_days([DayEntry(date=d, back_pain=4) for d in _logged_with_gap(29) if d != SIGN_DAY])
    save_about_you(journal, AboutYou(birth_year=BORN), SIGN_DAY)
    journal.close()
    window = _open(qtbot, db_path)
    try:
        entry = DayEntry(date=SIGN_DAY, back_pain=5, symptoms=(NIGHT,))
        # 51 on the sign's date, 50 when the episode began in 2025: no sooner.
        assert [f.when for f in window.session.red_flags_in(entry)] == ["within a week"]
        later = DayEntry(date=SIGN_DAY + dt.timedelta(days=31), back_pain=5, symptoms=(NIGHT,))
        # After a month with nothing logged, a new episode at 51.
        assert [f.when for f in window.session.red_flags_in(later)] == ["within a few days"]
    finally:
        close_window(window)
        window.deleteLater()
