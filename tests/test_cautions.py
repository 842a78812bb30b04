"""Cautions: when the figures should be read with care, with a code for JSON and a sentence for people."""

from __future__ import annotations

import datetime as dt
import random

from journal.core import cautions
from journal.core.day import DayEntry
from journal.core.summary import build_summary
from journal.formats.summary_json import summary_to_json
from journal.formats.summary_text import render_text

START = dt.date(2024, 1, 1)  # a Monday


def clip(value: float) -> int:
    return max(0, min(10, round(value)))


def journal(seed: int, usual: float, days: int = 120, phi: float = 0.6) -> list[DayEntry]:
    rng = random.Random(seed)
    level = 0.0
    return [
        DayEntry(date=START + dt.timedelta(days=i), back_pain=clip(usual + (level := phi * level + rng.gauss(0, 1))))
        for i in range(days)
    ]


def codes(entries: list[DayEntry]) -> list[str]:
    data = summary_to_json(build_summary(entries, entries[0].date, entries[-1].date))
    assert all(set(c) == {"code", "sentence"} for c in data["cautions"])
    return [c["code"] for c in data["cautions"]]


def test_an_ordinary_journal_has_no_cautions() -> None:
    assert codes(journal(1, 4.0)) == []


def test_pain_near_the_top_of_the_scale() -> None:
    entries = journal(1, 8.0)
    assert cautions.NEAR_CEILING in codes(entries)
    text = render_text(build_summary(entries, entries[0].date, entries[-1].date))
    assert "Read with care" in text and "scores near 10 cannot go higher" in text


def test_very_persistent_pain() -> None:
    assert cautions.HIGH_CORRELATION in codes(journal(3, 5.0, phi=0.99))


def test_bad_weeks_logged_less() -> None:
    """Every fourth week is a bad one (pain 8) and only two of its days are logged."""
    entries = []
    for i in range(16 * 7):
        date = START + dt.timedelta(days=i)
        bad = (i // 7) % 4 == 0
        if bad and date.weekday() > 1:
            continue
        entries.append(DayEntry(date=date, back_pain=8 if bad else 3 + i % 2))
    summary = build_summary(entries, START, START + dt.timedelta(days=16 * 7 - 1))
    (found,) = [c for c in summary.cautions if c.code == cautions.FEWER_DAYS_WHEN_HIGH]
    assert found.sentence.startswith("You logged 29% of days in weeks with high pain and 100% otherwise")
