"""Trends' insights compare breaks per sitting hour from the kept sitting sessions (read on the worker)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from journal.core.day import DayEntry
from journal.core.trigger_model import BREAKS_KEY
from tests.test_break_rate import sessions_journal

if TYPE_CHECKING:
    from journal.ui.session import JournalSession

TODAY = dt.date.today()


@pytest.fixture
def session(qtbot: QtBot, db_path: Path) -> Iterator["JournalSession"]:
    """A journal of the 90 days ending today where fewer breaks went with more pain."""
    from journal.storage.journal import Journal
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner

    days, sitting = sessions_journal(seed=4, n=90, effect=2.0)
    shift = TODAY - days[-1].date
    journal = Journal.open(db_path)
    journal.import_days([DayEntry(date=d.date + shift, back_pain=d.back_pain, triggers=d.triggers) for d in days])
    for summary in sitting.values():
        journal.add_sitting_session(type(summary)(summary.date + shift, summary.minutes, summary.breaks))
    journal.close()
    opened = JournalSession(TaskRunner())
    with qtbot.waitSignal(opened.opened, timeout=20_000):
        opened.open(db_path)
    yield opened
    opened.close()


def test_trends_insights_include_breaks_from_sitting(qtbot: QtBot, session: "JournalSession") -> None:
    from journal.app.periods import PeriodChoice
    from journal.ui.trends.view import TrendsView

    view = TrendsView(session)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    with qtbot.waitSignal(view.summaryShown, timeout=20_000):
        view.show()
    with qtbot.waitSignal(view.summaryShown, timeout=20_000) as shown:
        view.set_choice(PeriodChoice.DAYS_90)
    (breaks,) = [m for m in shown.args[0].measure_associations if m.key == BREAKS_KEY]
    assert breaks.verdict == "higher"
    text = view.insights.toPlainText()
    assert "on days with fewer breaks from sitting your back pain tended to be higher" in text


def test_the_panel_says_when_breaks_have_too_few_days_and_lists_clear_findings_first() -> None:
    from journal.core.summary import build_summary
    from journal.ui.trends.insights_panel import insights_html

    days, sitting = sessions_journal(seed=4, n=120, effect=1.5)
    end = days[-1].date
    few = dict(list(sitting.items())[:12])
    text = insights_html(build_summary(days, days[0].date, end, sitting=few))
    assert "Too few days to compare breaks from sitting yet: 11 days have" in text
    found = insights_html(build_summary(days, days[0].date, end, sitting=sitting))
    breaks = found.index("on days with fewer breaks from sitting your back pain tended to be higher")
    assert breaks < found.index("No clear pattern yet for")  # clear findings first, then one line for the rest
