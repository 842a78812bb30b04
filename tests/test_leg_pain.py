"""Leg pain is an outcome in its own right: its own comparisons, severe days, flares and trend."""

from __future__ import annotations

import datetime as dt
import random

from journal.core import insights, trigger_model
from journal.core.day import DayEntry
from journal.core.summary import build_summary
from journal.formats.summary_json import summary_to_json
from journal.formats.summary_text import render_text

START = dt.date(2024, 1, 1)


def clip(value: float) -> int:
    return max(0, min(10, round(value)))


def leg_journal(seed: int, days: int = 150, leg_share: float = 1.0) -> list[DayEntry]:
    """A long walk raises leg pain by 2.5 points and back pain not at all."""
    rng = random.Random(seed)
    back_level = leg_level = 0.0
    entries = []
    for i in range(days):
        back_level = 0.6 * back_level + rng.gauss(0.0, 0.8)
        leg_level = 0.6 * leg_level + rng.gauss(0.0, 0.8)
        walk = rng.random() < 0.3
        leg = clip(5 + leg_level + 2.5 * walk) if rng.random() < leg_share else None
        entries.append(
            DayEntry(
                date=START + dt.timedelta(days=i),
                back_pain=clip(4 + back_level),
                leg_pain=leg,
                triggers=("long walk",) if walk else (),
            )
        )
    return entries


def test_a_leg_only_effect_is_found_on_leg_pain() -> None:
    entries = leg_journal(1)
    model = insights.trigger_analysis(entries, entries[0].date, entries[-1].date)
    by_key = {(t.pain, t.name, t.lag_days): t for t in model.triggers}
    leg = by_key[("leg", "long walk", 0)]
    assert leg.verdict == "higher"
    assert leg.ci_low is not None and leg.ci_high is not None and leg.ci_low < 2.5 < leg.ci_high
    assert "your leg pain was about" in leg.sentence
    assert by_key[("back", "long walk", 0)].verdict not in ("higher", "lower")
    # one false-discovery control over both outcomes
    assert model.comparisons == sum(t.difference is not None for t in model.triggers)


def test_leg_pain_is_compared_only_when_logged_on_most_days() -> None:
    entries = leg_journal(1, leg_share=0.6)
    model = insights.trigger_analysis(entries, entries[0].date, entries[-1].date)
    assert {t.pain for t in model.triggers} == {trigger_model.PAIN_BACK}


def test_every_json_comparison_names_its_pain() -> None:
    entries = leg_journal(2)
    data = summary_to_json(build_summary(entries, entries[0].date, entries[-1].date))
    assert {t["pain"] for t in data["triggers"]} == {"back", "leg"}
    assert all(m["pain"] in ("back", "leg") for m in data["measure_associations"])


def test_severe_leg_pain_is_counted_like_back_pain() -> None:
    """60 days of leg pain at 8 with back pain at 3: 60 severe leg days, and said so."""
    entries = [DayEntry(date=START + dt.timedelta(days=i), back_pain=3, leg_pain=8) for i in range(60)]
    summary = build_summary(entries, entries[0].date, entries[-1].date)
    assert summary.flares.severe_days == ()
    assert summary.leg_pain.flares is not None and len(summary.leg_pain.flares.severe_days) == 60
    data = summary_to_json(summary)
    assert len(data["leg_pain"]["severe_days"]) == 60
    assert data["leg_pain"]["trend"]["verdict"] == insights.TREND_STEADY
    assert "Severe days (leg pain 7 or more): 60" in render_text(summary)
    assert "leg pain" in data["leg_pain"]["trend"]["sentence"]


def test_six_weeks_of_severe_leg_pain_is_in_the_summary() -> None:
    """60 days of leg pain at 8 (back pain 3), logged every third day: the six-weeks rule holds."""
    entries = [DayEntry(date=START + dt.timedelta(days=i), back_pain=3, leg_pain=8) for i in range(0, 60, 3)]
    end = START + dt.timedelta(days=59)
    summary = build_summary(entries, START, end)
    assert summary.six_weeks is not None and summary.six_weeks.pain == "leg pain"
    data = summary_to_json(summary)
    assert data["six_weeks"]["pain"] == "leg pain" and "book an appointment" in data["six_weeks"]["message"]
    assert "Six weeks of severe pain" in render_text(summary)
    calm = build_summary([DayEntry(date=e.date, back_pain=3, leg_pain=3) for e in entries], START, end)
    assert calm.six_weeks is None and summary_to_json(calm)["six_weeks"] is None
