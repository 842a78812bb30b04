"""Sitting sessions (schema 4): kept per date, added up per day, and an old journal upgrades to hold them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from journal.core.errors import ValidationError
from journal.core.sitting import SittingSummary
from journal.storage.database import skip_backup
from journal.storage.journal import Journal
from tests.make_old_databases import V1_DAYS, V1_PATH


def test_sessions_add_up_per_day(journal: Journal) -> None:
    day = dt.date(2026, 11, 23)
    journal.add_sitting_session(SittingSummary(day, 160, 5))
    journal.add_sitting_session(SittingSummary(day, 45, 1))
    journal.add_sitting_session(SittingSummary(day + dt.timedelta(days=1), 30, 0))
    assert journal.sitting_per_day() == {
        day: SittingSummary(day, 205, 6),
        day + dt.timedelta(days=1): SittingSummary(day + dt.timedelta(days=1), 30, 0),
    }
    assert list(journal.sitting_per_day(day + dt.timedelta(days=1))) == [day + dt.timedelta(days=1)]


def test_impossible_session_is_refused_and_nothing_written(journal: Journal) -> None:
    with pytest.raises(ValidationError):
        journal.add_sitting_session(SittingSummary(dt.date(2026, 11, 23), 2000, 1))
    assert journal.sitting_per_day() == {}


def test_old_journal_upgrades_and_keeps_sessions(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    shutil.copyfile(V1_PATH, path)
    opened = Journal.open(path, before_upgrade=skip_backup)
    try:
        assert opened.days() == list(V1_DAYS)
        assert opened.sitting_per_day() == {}
        opened.add_sitting_session(SittingSummary(V1_DAYS[0].date, 90, 3))
    finally:
        opened.close()
    reopened = Journal.open(path)
    try:
        assert reopened.sitting_per_day() == {V1_DAYS[0].date: SittingSummary(V1_DAYS[0].date, 90, 3)}
        assert reopened.days() == list(V1_DAYS)
    finally:
        reopened.close()
