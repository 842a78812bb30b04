"""The insights panel: plain sentences first, the numbers on request."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl

from journal.core.summary import Summary, build_summary
from journal.ui.trends.insights_panel import DETAILS_ANCHOR, InsightsPanel, insights_html
from tests.test_trigger_model import journal_with_effects


def summary() -> Summary:
    days = journal_with_effects(seed=3)
    return build_summary(days, days[0].date, days[-1].date)


def test_numbers_only_in_details() -> None:
    s = summary()
    plain = insights_html(s)
    assert "Worth discussing with your doctor: on days with sitting" in plain
    assert "95% CI" not in plain and "Holm" not in plain
    assert s.trigger_note not in plain and "bad days" in plain  # how the comparisons were made: under Details
    assert "Sleep, mood and where it hurts" not in plain  # nothing of it recorded here
    detailed = insights_html(s, details=True)
    higher = next(t for t in s.triggers if t.verdict == "higher")
    assert html.escape(higher.details, quote=False) in detailed and "Holm" in detailed
    assert s.trigger_note in detailed


def test_details_link_toggles(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = InsightsPanel()
    qtbot.addWidget(panel)
    panel.show_summary(summary())
    assert "95% CI" not in panel.toPlainText()
    panel.anchorClicked.emit(QUrl(DETAILS_ANCHOR))
    assert panel.details_shown() and "95% CI" in panel.toPlainText()
    panel.anchorClicked.emit(QUrl(DETAILS_ANCHOR))
    assert "95% CI" not in panel.toPlainText()


def test_sleep_and_where_it_hurts_in_words() -> None:
    import datetime as dt

    from journal.core.day import DayEntry

    start = dt.date(2024, 1, 1)
    days = [
        DayEntry(start + dt.timedelta(days=i), 4, sleep_quality=6, pain_locations=frozenset({"thigh_left"})) for i in range(10)
    ]
    text = insights_html(build_summary(days, start, start + dt.timedelta(days=9)))
    assert "Sleep, mood and where it hurts" in text
    assert "Sleep quality: average 6.0" in text
    assert "left on 100% of those days, right on 0%" in text
