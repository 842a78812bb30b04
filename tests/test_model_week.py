"""The models see the week: a weekend term adjusted for but never reported, the small-sample
correction of the day-to-day correlation, and no trend direction for very persistent pain."""

from __future__ import annotations

import datetime as dt
import random

from journal.core import insights, trend_model, trigger_model
from journal.core.day import DayEntry

START = dt.date(2024, 1, 1)  # a Monday


def clip(value: float) -> int:
    return max(0, min(10, round(value)))


def weekend_journal(seed: int, days: int = 180) -> list[DayEntry]:
    """Pain 2 points higher at weekends; "long drive" mostly at weekends and has no effect."""
    rng = random.Random(seed)
    entries: list[DayEntry] = []
    level = 0.0
    for i in range(days):
        date = START + dt.timedelta(days=i)
        weekend = date.weekday() >= 5
        level = 0.6 * level + rng.gauss(0.0, 0.8)
        drive = rng.random() < (0.7 if weekend else 0.05)
        bending = rng.random() < 0.3
        names = tuple(name for name, on in (("long drive", drive), ("bending", bending)) if on)
        entries.append(DayEntry(date=date, back_pain=clip(4 + level + 2.0 * weekend), triggers=names))
    return entries


def test_a_weekend_trigger_with_no_effect_is_not_called_higher() -> None:
    flagged = 0
    for seed in range(10):
        entries = weekend_journal(seed)
        model = insights.trigger_analysis(entries, entries[0].date, entries[-1].date)
        drive = next(t for t in model.triggers if t.name == "long drive" and t.lag_days == 0)
        flagged += drive.verdict == "higher"
        assert drive.ci_low is not None and drive.ci_high is not None
    assert flagged <= 1


def test_the_weekend_term_is_never_reported() -> None:
    entries = weekend_journal(1)
    model = insights.trigger_analysis(entries, entries[0].date, entries[-1].date)
    names = {t.name for t in model.triggers} | {m.key for m in model.measures}
    assert trigger_model.WEEKEND_KEY not in names
    assert model.comparisons == 4  # two triggers, two lags: the weekend term is not counted
    assert "weekend" in model.method


def test_no_weekend_term_without_weekends() -> None:
    """A journal of weekdays only still gets its comparisons (the term is left out, not failed)."""
    rng = random.Random(3)
    entries = [
        DayEntry(date=START + dt.timedelta(days=i), back_pain=clip(4 + rng.gauss(0, 1)), triggers=("bending",) if i % 3 else ())
        for i in range(60)
        if (START + dt.timedelta(days=i)).weekday() < 5
    ]
    model = insights.trigger_analysis(entries, entries[0].date, entries[-1].date)
    assert any(t.difference is not None for t in model.triggers)


def persistent_series(seed: int, days: int, phi: float = 0.97) -> list[DayEntry]:
    rng = random.Random(seed)
    level = rng.gauss(0.0, 1.0 / (1 - phi * phi) ** 0.5)
    entries = []
    for i in range(days):
        level = phi * level + rng.gauss(0.0, 0.5)
        entries.append(DayEntry(date=START + dt.timedelta(days=i), back_pain=clip(5 + level)))
    return entries


def test_very_persistent_pain_gets_no_direction_before_six_months() -> None:
    persistent = 0
    for seed in range(20):
        entries = persistent_series(seed, 120)
        found = insights.trend(entries, entries[0].date, entries[-1].date)
        fit = trend_model.fit_line([e.date for e in entries], [e.back_pain for e in entries])
        if fit is not None and trend_model.too_persistent(fit, len(entries)):
            persistent += 1
            assert found.verdict == insights.TREND_UNCLEAR
            assert found.step is None
            assert "runs on from one day to the next" in found.sentence
    assert persistent >= 15  # the correlation about the line alone caught only 8 of these 20
    # the same pain logged for six months may show a direction again
    entries = persistent_series(2, 200)
    fit = trend_model.fit_line([e.date for e in entries], [e.back_pain for e in entries])
    assert fit is not None and not trend_model.too_persistent(fit, 200)


def test_persistent_rule_needs_both_conditions() -> None:
    fit = trend_model.LineFit(0.1, 0.05, 0.15, rho=0.93)
    assert trend_model.too_persistent(fit, 179)
    assert not trend_model.too_persistent(fit, 180)
    assert not trend_model.too_persistent(trend_model.LineFit(0.1, 0.05, 0.15, rho=0.85), 100)
    # about one level it is persistent, and the line does not explain it away
    assert trend_model.too_persistent(trend_model.LineFit(0.1, 0.05, 0.15, rho=0.8, level_rho=0.95), 100)
    # a clean change: persistent about one level, but not about the line
    assert not trend_model.too_persistent(trend_model.LineFit(0.1, 0.05, 0.15, rho=0.2, level_rho=0.95), 100)


def test_no_clear_difference_only_when_the_interval_rules_out_more_than_a_point() -> None:
    seen: set[str] = set()
    for seed, days in ((1, 60), (2, 365), (3, 365)):
        entries = weekend_journal(seed, days)
        model = insights.trigger_analysis(entries, entries[0].date, entries[-1].date)
        for t in model.triggers:
            if t.verdict not in trigger_model.UNCLEAR_VERDICTS:
                continue
            assert t.ci_low is not None and t.ci_high is not None
            within = t.ci_low >= -trigger_model.NO_DIFFERENCE_POINTS and t.ci_high <= trigger_model.NO_DIFFERENCE_POINTS
            assert (t.verdict == trigger_model.VERDICT_NO_DIFFERENCE) == within
            assert ("about the same" in t.sentence) == within
            assert ("can't tell yet" in t.sentence) == (not within)
            seen.add(t.verdict)
    assert seen == set(trigger_model.UNCLEAR_VERDICTS)
