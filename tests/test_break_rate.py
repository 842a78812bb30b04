"""Breaks per sitting hour as a measure the insights compare: the definition, and
constructed journals with known answers (no Qt)."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

import pytest

from journal.core import ar1_regression, break_rate, insights, stats, trigger_model
from journal.core.day import DayEntry
from journal.core.sitting import SittingSummary
from journal.core.summary import build_summary

if TYPE_CHECKING:
    from journal.core.summary import Summary
    from journal.storage.journal import Journal

START = dt.date(2024, 1, 1)  # a Monday


def date_of(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def ar1_noise(n: int, rng: random.Random, phi: float = 0.7) -> list[float]:
    values, level = [], 0.0
    for _ in range(n):
        level = phi * level + rng.gauss(0.0, 1.0)
        values.append(level)
    return values


def clip(value: float) -> int:
    return max(0, min(10, round(value)))


def sessions_journal(
    seed: int,
    n: int = 180,
    *,
    effect: float = 0.0,
    weekdays_only: bool = False,
    weekend_extra: float = 0.0,
    trigger_cuts_breaks: float = 0.0,
    trigger_effect: float = 0.0,
) -> tuple[list[DayEntry], dict[dt.date, SittingSummary]]:
    """Every day logged; timed sitting (2-6 h) on every day or on weekdays only.

    Each break fewer per sitting hour than 1.5 adds ``effect`` points; weekend
    days add ``weekend_extra``; a "prolonged sitting" trigger on 30% of days
    adds ``trigger_effect`` and lowers the day's breaks by ``trigger_cuts_breaks``.
    """
    rng = random.Random(seed)
    noise = ar1_noise(n, rng)
    days: list[DayEntry] = []
    sitting: dict[dt.date, SittingSummary] = {}
    for i in range(n):
        date = date_of(i)
        prolonged = rng.random() < 0.3
        pain = 4 + noise[i] + trigger_effect * prolonged
        if date.weekday() >= 5:
            pain += weekend_extra
        if not (weekdays_only and date.weekday() >= 5):
            minutes = rng.randint(120, 360)
            rate = max(0.0, 1.5 + rng.gauss(0.0, 0.6) - trigger_cuts_breaks * prolonged)
            breaks = round(rate * minutes / 60)
            sitting[date] = SittingSummary(date, minutes, breaks)
            pain += effect * (1.5 - breaks * 60 / minutes)
        days.append(DayEntry(date=date, back_pain=clip(pain), triggers=("prolonged sitting",) if prolonged else ()))
    return days, sitting


def breaks_of(model: trigger_model.TriggerModel) -> trigger_model.MeasureAssociation:
    (found,) = [m for m in model.measures if m.key == trigger_model.BREAKS_KEY]
    return found


# ---------------------------------------------------------------- the definition


def test_breaks_per_sitting_hour_needs_an_hour_timed() -> None:
    day = START
    assert break_rate.breaks_per_sitting_hour(SittingSummary(day, 120, 3)) == pytest.approx(1.5)
    assert break_rate.breaks_per_sitting_hour(SittingSummary(day, 60, 0)) == 0.0
    assert break_rate.breaks_per_sitting_hour(SittingSummary(day, 59, 2)) is None


def test_daily_rates_keep_only_known_days_inside_the_period() -> None:
    per_day = {
        date_of(0): SittingSummary(date_of(0), 90, 3),
        date_of(1): SittingSummary(date_of(1), 30, 1),  # too short: unknown
        date_of(5): SittingSummary(date_of(5), 240, 4),
    }
    assert break_rate.daily_break_rates(per_day) == {date_of(0): 2.0, date_of(5): 1.0}
    assert break_rate.daily_break_rates(per_day, date_of(1), date_of(4)) == {}
    assert break_rate.daily_break_rates(per_day, end=date_of(3)) == {date_of(0): 2.0}


# ---------------------------------------------------------------- in the model


def test_fewer_breaks_with_more_pain_is_found_with_an_interval() -> None:
    days, sitting = sessions_journal(seed=4, effect=1.5)
    model = insights.trigger_analysis(days, START, days[-1].date, sitting)
    breaks = breaks_of(model)
    assert breaks.verdict == "higher"
    assert breaks.difference is not None and breaks.ci_low is not None and breaks.ci_high is not None
    assert breaks.ci_low < 1.5 < breaks.ci_high  # per break *fewer* an hour, the worse direction
    assert breaks.ci_low > 0
    assert breaks.days == len(days) - 1  # every day but the first has its day before logged
    assert breaks.sentence == (
        "Worth discussing with your doctor: on days with fewer breaks from sitting your back pain "
        f"tended to be higher: about {breaks.difference:.1f} points for each break fewer per hour of sitting."
    )
    assert "95% CI" in breaks.details and "adjusted p " in breaks.details
    assert breaks.q_value is not None and breaks.q_value <= trigger_model.FAMILY_ALPHA


def test_the_estimate_is_the_ar1_regression_on_the_days_with_breaks() -> None:
    """With no triggers, the estimate is the AR(1) slope on the rate beside the weekend term, turned to "per break fewer"."""
    days, sitting = sessions_journal(seed=9, effect=1.0)
    days = [DayEntry(date=d.date, back_pain=d.back_pain) for d in days]  # no triggers
    breaks = breaks_of(insights.trigger_analysis(days, START, days[-1].date, sitting))
    rows = days[1:]
    rates = [sitting[d.date].breaks * 60 / sitting[d.date].minutes for d in rows]
    mean = sum(rates) / len(rates)
    weekend = [1.0 if d.date.weekday() >= 5 else 0.0 for d in rows]
    fit = ar1_regression.fit(
        [float(d.back_pain) for d in rows],
        [weekend, [r - mean for r in rates]],
        [d.date.toordinal() for d in rows],
        correct_rho_bias=True,
    )
    assert fit is not None
    quantile = stats.t_quantile(0.975, fit.df)
    assert breaks.difference == pytest.approx(-fit.coefficients[2])
    assert breaks.ci_low == pytest.approx(-fit.coefficients[2] - quantile * fit.std_errors[2])
    assert breaks.ci_high == pytest.approx(-fit.coefficients[2] + quantile * fit.std_errors[2])


def test_days_without_a_session_are_missing_not_zero() -> None:
    """Weekends have no session and more pain: as "no breaks" they would look like a strong pattern."""
    days, sitting = sessions_journal(seed=5, weekdays_only=True, weekend_extra=3.0)
    breaks = breaks_of(insights.trigger_analysis(days, START, days[-1].date, sitting))
    assert breaks.verdict in trigger_model.UNCLEAR_VERDICTS
    assert breaks.days == len(sitting) - 1  # weekdays only (the first Monday has no day before)
    # the same journal with the weekends counted as sessions without breaks compares every day
    zeros = dict(sitting) | {d.date: SittingSummary(d.date, 240, 0) for d in days if d.date not in sitting}
    assert breaks_of(insights.trigger_analysis(days, START, days[-1].date, zeros)).days == len(days) - 1


def test_adjusted_for_a_trigger_that_comes_with_fewer_breaks() -> None:
    """Prolonged sitting adds pain and comes with fewer breaks; the breaks themselves do nothing."""
    days, sitting = sessions_journal(seed=6, trigger_effect=2.0, trigger_cuts_breaks=1.0)
    model = insights.trigger_analysis(days, START, days[-1].date, sitting)
    assert breaks_of(model).verdict in trigger_model.UNCLEAR_VERDICTS
    (prolonged,) = [t for t in model.triggers if t.name == "prolonged sitting" and t.lag_days == 0]
    assert prolonged.verdict == "higher"
    # Left out of the model, the trigger's pain would be put down to the breaks:
    plain = [DayEntry(date=d.date, back_pain=d.back_pain) for d in days]
    assert breaks_of(insights.trigger_analysis(plain, START, days[-1].date, sitting)).verdict == "higher"


def test_too_few_days_with_sessions_says_so() -> None:
    days, sitting = sessions_journal(seed=7, n=60, effect=2.0)
    few = {date: summary for date, summary in sitting.items() if date <= date_of(trigger_model.MIN_BREAK_DAYS - 1)}
    breaks = breaks_of(insights.trigger_analysis(days, START, days[-1].date, few))
    assert breaks.verdict == "too few days"
    assert breaks.difference is None and breaks.q_value is None
    assert breaks.days == trigger_model.MIN_BREAK_DAYS - 1
    assert f"at least {trigger_model.MIN_BREAK_DAYS} are needed" in breaks.sentence


def test_breaks_join_the_family_wise_control(monkeypatch: pytest.MonkeyPatch) -> None:
    days, sitting = sessions_journal(seed=8, effect=1.5, trigger_effect=2.0)
    without = insights.trigger_analysis(days, START, days[-1].date)
    families: list[list[float]] = []
    real_holm = stats.holm

    def recording(p_values: list[float]) -> list[float]:
        families.append(list(p_values))
        return real_holm(p_values)

    monkeypatch.setattr("journal.core.trigger_model.stats.holm", recording)
    with_breaks = insights.trigger_analysis(days, START, days[-1].date, sitting)
    assert all(m.key != trigger_model.BREAKS_KEY for m in without.measures)
    assert with_breaks.comparisons == without.comparisons + 1
    (family,) = families  # one control over every comparison, the breaks included
    assert len(family) == with_breaks.comparisons
    breaks = breaks_of(with_breaks)
    assert breaks.q_value is not None and breaks.q_value in real_holm(family)
    # The other comparisons' estimates are those of the model without breaks.
    assert [(t.difference, t.ci_low, t.ci_high) for t in with_breaks.triggers] == [
        (t.difference, t.ci_low, t.ci_high) for t in without.triggers
    ]


def test_no_sessions_leave_the_insights_as_they_were() -> None:
    days, _ = sessions_journal(seed=3)
    end = days[-1].date
    assert build_summary(days, START, end, sitting={}) == build_summary(days, START, end)
    assert all(m.key != trigger_model.BREAKS_KEY for m in build_summary(days, START, end).measure_associations)


def test_fewer_breaks_found_suggests_breaking_up_sitting() -> None:
    days, sitting = sessions_journal(seed=4, effect=1.5)
    summary = build_summary(days, START, days[-1].date, sitting=sitting)
    (suggestion,) = [p for p in summary.activities.pacing if p.kind == "long_sitting"]
    assert suggestion.source == insights.SITTING_SOURCE
    assert "fewer breaks from sitting" in suggestion.reason


def test_the_summary_read_from_the_journal_includes_the_kept_sessions(journal: "Journal") -> None:
    """``summary`` and the report read the timed sitting with the days (journal.app.reports)."""
    from journal.app.reports import load_report_data, load_summary

    days, sitting = sessions_journal(seed=4, n=120, effect=1.5)
    journal.import_days(days)
    for summary in sitting.values():
        journal.add_sitting_session(summary)
    end = days[-1].date
    read = load_summary(journal, START, end)
    assert read == build_summary(days, START, end, sitting=sitting)
    assert breaks_of_summary(read).verdict == "higher"
    report = load_report_data(journal, START, end)
    assert report.summary == read


def breaks_of_summary(summary: "Summary") -> trigger_model.MeasureAssociation:
    (found,) = [m for m in summary.measure_associations if m.key == trigger_model.BREAKS_KEY]
    return found
