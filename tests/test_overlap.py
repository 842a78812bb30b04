"""Triggers and measures that cannot be told apart are compared together, never as two unclear lines."""

from __future__ import annotations

import datetime as dt
import random

from journal.core import insights, trigger_model
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.sample_data import sample_days
from journal.core.summary import build_summary
from journal.formats.summary_json import summary_to_json
from journal.formats.summary_text import render_text

START = dt.date(2024, 1, 1)


def sitting_journal(seed: int, days: int = 120) -> list[DayEntry]:
    """Long sitting days (5-8 hours) add 1.5 points; other days have 1-3 hours of sitting."""
    rng = random.Random(seed)
    level = 0.0
    entries = []
    for i in range(days):
        level = 0.6 * level + rng.gauss(0.0, 0.9)
        long_day = rng.random() < 0.4
        minutes = rng.randint(300, 480) if long_day else rng.randint(60, 180)
        pain = max(0, min(10, round(4 + level + 1.5 * long_day)))
        entries.append(
            DayEntry(
                date=START + dt.timedelta(days=i),
                back_pain=pain,
                triggers=("prolonged sitting",) if long_day else (),
                activities=(ActivityMinutes("sitting", minutes),),
            )
        )
    return entries


def test_a_trigger_and_the_measure_it_overlaps_are_reported_once_together() -> None:
    entries = sitting_journal(4)
    model = insights.trigger_analysis(entries, entries[0].date, entries[-1].date)
    (prolonged,) = [t for t in model.triggers if t.name == "prolonged sitting" and t.lag_days == 0]
    (hours,) = [m for m in model.measures if m.key == "sitting_hours"]
    assert hours.verdict == trigger_model.VERDICT_TOGETHER
    assert hours.difference is None and hours.together == ("prolonged sitting",)
    assert hours.sentence.startswith("More sitting cannot be told apart from prolonged sitting")
    assert prolonged.together == ("more sitting",)
    assert prolonged.verdict == "higher"
    assert prolonged.ci_low is not None and prolonged.ci_high is not None
    assert prolonged.ci_low < 1.5 < prolonged.ci_high
    assert "together with more sitting (they cannot be told apart)" in prolonged.sentence
    assert "VIF" in prolonged.details
    # one comparison for the two of them in the false-discovery control
    estimated = [t for t in model.triggers if t.difference is not None] + [m for m in model.measures if m.difference is not None]
    assert model.comparisons == len(estimated)


def test_the_sample_data_shows_its_sitting_effect() -> None:
    days = sample_days(end=dt.date(2026, 6, 30))
    for span in (90, 182):
        start = days[-1].date - dt.timedelta(days=span - 1)
        summary = build_summary(days, start, days[-1].date)
        (prolonged,) = [t for t in summary.triggers if t.name == "prolonged sitting" and t.lag_days == 0]
        assert prolonged.verdict == "higher", span
        assert prolonged.together == ("more sitting",)
        data = summary_to_json(summary)
        (same_day,) = [t for t in data["triggers"] if t["name"] == "prolonged sitting" and t["lag_days"] == 0]
        assert same_day["together_with"] == ["more sitting"]
        text = render_text(summary)
        assert "on days with prolonged sitting, together with more sitting" in text
        assert "More sitting cannot be told apart from prolonged sitting" in text


def test_columns_that_do_not_overlap_are_left_alone() -> None:
    rng = random.Random(2)
    entries = [
        DayEntry(
            date=START + dt.timedelta(days=i),
            back_pain=max(0, min(10, round(4 + rng.gauss(0, 1)))),
            triggers=tuple(name for name in ("bending", "twisting") if rng.random() < 0.3),
        )
        for i in range(90)
    ]
    model = insights.trigger_analysis(entries, entries[0].date, entries[-1].date)
    assert all(not t.together and t.verdict != trigger_model.VERDICT_TOGETHER for t in model.triggers)
