"""Dates are written one way everywhere a person reads them."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.app.periods import PeriodChoice, period_bounds
from journal.core.dates import day_words, long_words, month_words, weekday_words


def test_dates_in_words_have_no_leading_zero_and_an_unambiguous_month() -> None:
    assert day_words(dt.date(2025, 12, 3)) == "3 Dec 2025"
    assert weekday_words(dt.date(2025, 12, 3)) == "Wed 3 Dec 2025"


def test_since_the_last_visit_runs_to_today() -> None:
    today = dt.date(2026, 3, 1)
    visit = dt.date(2025, 11, 20)
    assert period_bounds(PeriodChoice.SINCE_VISIT, today, None, last_visit=visit) == (visit, today)
    assert period_bounds(PeriodChoice.DAYS_90, today, None) == (dt.date(2025, 12, 2), today)


def test_dates_are_written_in_english_whatever_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    import locale

    for name in ("de_DE.UTF-8", "fr_FR.UTF-8", "C.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            assert long_words(dt.date(2025, 6, 3)) == "Tuesday 3 June 2025"
            assert weekday_words(dt.date(2025, 6, 3)) == "Tue 3 Jun 2025"
            assert month_words(dt.date(2025, 6, 3)) == "June 2025"
        finally:
            locale.setlocale(locale.LC_TIME, "C")
