"""Insights on hand-made journals whose answers are known in advance."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from journal.core import insights
from journal.core.day import ActivityMinutes, DayEntry

START = dt.date(2024, 1, 1)  # a Monday
SEED_FILE = Path("/work/shared/seeds/000_32feb4238e8fab95.txt")


def day(offset: int, pain: int, **fields: object) -> DayEntry:
    return DayEntry(date=START + dt.timedelta(days=offset), back_pain=pain, **fields)  # type: ignore[arg-type]


def end_of(days: list[DayEntry]) -> dt.date:
    return days[-1].date


# Triggers: see tests/test_trigger_model.py.


# ---------------------------------------------------------------- activities


def walking_journal(boom_offset: int | None = None, flare_after: int = 1) -> list[DayEntry]:
    """30 days of 30 minutes walking at pain 3; optionally one 120-minute day and a two-day flare."""
    days = []
    for i in range(30):
        minutes = 120 if i == boom_offset else 30
        pain = 8 if boom_offset is not None and i - boom_offset - flare_after in (0, 1) else 3
        days.append(day(i, pain, activities=(ActivityMinutes("walking", minutes),)))
    return days


def test_activity_baseline_and_weekly_minutes() -> None:
    days = walking_journal()
    (walking,) = insights.activity_stats(days, START, end_of(days))
    assert walking.name == "walking"
    assert walking.days == 30
    assert walking.total_minutes == 900
    assert walking.minutes_per_week == pytest.approx(900 * 7 / 30)
    assert walking.baseline_minutes == 30
    assert walking.boom_bust == ()


def test_boom_bust_found_on_constructed_case() -> None:
    days = walking_journal(boom_offset=10)
    (walking,) = insights.activity_stats(days, START, end_of(days))
    assert walking.baseline_minutes == 30  # the boom day was followed by a flare: left out
    (event,) = walking.boom_bust
    assert event.date == START + dt.timedelta(days=10)
    assert event.minutes == 120
    assert event.flare_date == START + dt.timedelta(days=11)


def test_boom_bust_window_is_one_or_two_days() -> None:
    days = walking_journal(boom_offset=10, flare_after=2)
    (walking,) = insights.activity_stats(days, START, end_of(days))
    assert [e.flare_date for e in walking.boom_bust] == [START + dt.timedelta(days=12)]
    days = walking_journal(boom_offset=10, flare_after=3)
    (walking,) = insights.activity_stats(days, START, end_of(days))
    assert walking.boom_bust == ()


def test_boom_needs_both_ratio_and_extra_minutes() -> None:
    assert insights.is_boom(90, 60)
    assert not insights.is_boom(89, 60)
    assert not insights.is_boom(45, 30)  # 1.5 × but only 15 minutes more
    assert insights.is_boom(60, 30)
    assert not insights.is_boom(200, 180)  # 20 minutes more is not 1.5 ×


def test_no_baseline_with_too_few_days() -> None:
    days = [day(i, 3, activities=(ActivityMinutes("gardening", 200),) if i < 4 else ()) for i in range(20)]
    (gardening,) = insights.activity_stats(days, START, end_of(days))
    assert gardening.baseline_minutes is None
    assert gardening.boom_bust == ()


def boom_journal(activity: str, booms: set[int], flare_after_boom: bool, other_flares: set[int] = frozenset()) -> list[DayEntry]:  # type: ignore[assignment]
    """90 days of 30 minutes of ``activity`` at pain 3; 120 minutes on ``booms``; two-day flares."""
    starts = ({b + 1 for b in booms} if flare_after_boom else set()) | set(other_flares)
    flare_days = starts | {d + 1 for d in starts}
    return [
        day(i, 8 if i in flare_days else 3, activities=(ActivityMinutes(activity, 120 if i in booms else 30),)) for i in range(90)
    ]


BOOMS = {20, 35, 50, 65, 80}


def test_pacing_suggestion_only_when_flares_follow_booms_more_often() -> None:
    steady = walking_journal()
    assert insights.pacing_suggestions(steady, START, end_of(steady)) == []
    days = boom_journal("walking", BOOMS, flare_after_boom=True)
    (suggestion,) = insights.pacing_suggestions(days, START, end_of(days))
    assert suggestion.kind == "boom_bust"
    assert suggestion.source == insights.PACING_SOURCE
    assert "Balance activity and rest" in suggestion.text
    assert "a flare followed within two days 5 of 5 times" in suggestion.reason
    assert "not proof of cause" in suggestion.reason
    (walking,) = insights.activity_stats(days, START, end_of(days))
    assert walking.comparison is not None and walking.comparison.supported
    assert walking.comparison.booms == 5
    # Each day counts once: 90 days less the 5 booms and the last 2 (next days unknown).
    assert walking.comparison.other_days == 83


def test_boom_days_with_flares_as_often_as_other_days_are_not_a_pattern() -> None:
    # Flares every 9 days whatever was done; two happen to follow booms.
    days = boom_journal("walking", BOOMS, flare_after_boom=False, other_flares=set(range(3, 90, 9)))
    (walking,) = insights.activity_stats(days, START, end_of(days))
    assert walking.boom_bust  # some booms were followed by a flare…
    assert walking.comparison is not None and not walking.comparison.supported
    assert insights.pacing_suggestions(days, START, end_of(days)) == []  # …but no more than usual


def test_sitting_and_relaxation_are_never_booms() -> None:
    for activity in ("Sitting", "relaxation or breathing", "driving", "standing"):
        days = boom_journal(activity, BOOMS, flare_after_boom=True)
        (stats_,) = insights.activity_stats(days, START, end_of(days))
        assert stats_.comparison is None and stats_.boom_bust == ()
        assert all(s.kind != "boom_bust" for s in insights.pacing_suggestions(days, START, end_of(days)))


def test_fewer_than_five_booms_is_no_comparison() -> None:
    days = boom_journal("walking", {20, 35, 50, 65}, flare_after_boom=True)
    (walking,) = insights.activity_stats(days, START, end_of(days))
    assert walking.comparison is None
    assert insights.pacing_suggestions(days, START, end_of(days)) == []


def sitting_days(extra: int) -> list[DayEntry]:
    spread = [0, 1, -1, 0, 1]
    return [
        day(i, 3 + spread[i % 5] + (extra if i % 2 else 0), activities=(ActivityMinutes("Sitting", 300 if i % 2 else 60),))
        for i in range(40)
    ]


def test_long_sitting_suggestion_when_the_model_finds_it() -> None:
    days = sitting_days(extra=3)
    (suggestion,) = [s for s in insights.pacing_suggestions(days, START, end_of(days)) if s.kind == "long_sitting"]
    assert suggestion.source == insights.SITTING_SOURCE
    assert "30 minutes" in suggestion.text
    assert suggestion.reason.startswith("On days with more sitting your back pain tended to be higher")
    assert "95% CI" in suggestion.reason


def test_no_long_sitting_suggestion_when_pain_is_the_same() -> None:
    days = sitting_days(extra=0)
    assert insights.pacing_suggestions(days, START, end_of(days)) == []


def test_pacing_sources_name_real_headings() -> None:
    if not SEED_FILE.exists():
        pytest.skip("seed documents not available")
    lines = {line.strip() for line in SEED_FILE.read_text(encoding="utf-8").splitlines()}
    for source in (insights.PACING_SOURCE, insights.SITTING_SOURCE):
        file_name, heading = source.split(", ", 1)
        assert file_name == SEED_FILE.name
        assert heading in lines


# ---------------------------------------------------------------- flares


def test_flare_episodes_and_monthly_counts() -> None:
    pains = {i: 2 for i in range(60)}
    pains.update({20: 8, 21: 7, 22: 2, 23: 7})  # a flare, then a logged calm day, then one bad day
    pains.update({40: 8, 42: 8})  # one flare across one unlogged day
    del pains[41]
    pains.update({50: 7})
    for gap in (51, 52, 53):  # three unlogged days end a spell: two bad days, not a flare
        del pains[gap]
    pains.update({54: 9})
    days = [day(i, p) for i, p in sorted(pains.items())]
    summary = insights.flare_summary(days, START, end_of(days))
    assert [d.day for d in summary.days] == [21, 22, 10, 12]
    episodes = [(e.start.isoformat(), e.end.isoformat(), e.flare_days, e.length_days) for e in summary.episodes]
    assert episodes == [("2024-01-21", "2024-01-22", 2, 2), ("2024-02-10", "2024-02-12", 2, 3)]
    assert [e.unlogged_days for e in summary.episodes] == [0, 1]
    assert [d.isoformat() for d in summary.bad_days] == ["2024-01-24", "2024-02-20", "2024-02-24"]
    assert [(m.month, m.flare_days, m.episodes) for m in summary.per_month] == [
        ("2024-01", 2, 1),
        ("2024-02", 2, 1),
    ]
    assert summary.typical_length_days == 2.5


def test_flare_relative_to_own_average_uses_days_before_the_period() -> None:
    before = [day(i, 1) for i in range(14)]
    inside = [day(14, 4), day(15, 4), day(16, 1)]
    period_start = START + dt.timedelta(days=14)
    assert insights.flare_dates(before + inside, period_start, inside[-1].date) == [period_start, inside[1].date]
    # Without the earlier days there is no personal average yet.
    assert insights.flare_dates(inside, period_start, inside[-1].date) == []


def test_months_without_flares_are_listed() -> None:
    days = [day(i, 2) for i in range(0, 70, 3)]
    summary = insights.flare_summary(days, START, START + dt.timedelta(days=69))
    assert [(m.month, m.flare_days) for m in summary.per_month] == [("2024-01", 0), ("2024-02", 0), ("2024-03", 0)]
    assert summary.episodes == () and summary.typical_length_days is None


# ---------------------------------------------------------------- weeks and trend


def test_best_and_worst_weeks_need_four_logged_days() -> None:
    days = [day(i, 5) for i in range(7)]  # week 1: mean 5
    days += [day(i, 3) for i in range(7, 11)]  # week 2: 4 days, mean 3
    days += [day(i, 0) for i in range(14, 17)]  # week 3: only 3 days
    days += [day(i, 7) for i in range(21, 28)]  # week 4: mean 7
    best, worst = insights.best_and_worst_weeks(days, START, end_of(days))
    assert best is not None and worst is not None
    assert (best.week, best.start, best.days_logged, best.mean_back_pain) == ("2024-W02", dt.date(2024, 1, 8), 4, 3.0)
    assert (worst.week, worst.end, worst.mean_back_pain) == ("2024-W04", dt.date(2024, 1, 28), 7.0)
    assert insights.best_and_worst_weeks([], START, START) == (None, None)


def test_rolling_back_pain_gaps_are_not_zeros() -> None:
    days = [day(0, 4), day(1, 4), day(2, 4), day(10, 4)]
    rolling = insights.rolling_back_pain(days, START, START + dt.timedelta(days=10))
    assert rolling[:2] == [None, None]
    assert rolling[2:7] == [4.0] * 5
    assert rolling[7:] == [None] * 4


def series(values: list[int]) -> list[DayEntry]:
    return [day(i, v) for i, v in enumerate(values)]


def test_trend_rising_is_worsening() -> None:
    days = series([1 + i // 12 for i in range(90)])
    result = insights.trend(days, START, end_of(days))
    assert result.verdict == "worsening"
    assert result.slope_per_day == pytest.approx(1 / 12, rel=0.1)
    assert "went up" in result.sentence


def test_trend_falling_is_improving() -> None:
    days = series([8 - i // 12 for i in range(90)])
    result = insights.trend(days, START, end_of(days))
    assert result.verdict == "improving"
    assert result.ci_high is not None and result.ci_high < 0
    assert "went down" in result.sentence
    assert result.details.startswith("Change per month -")
    assert result.start_avg == 8.0
    assert result.end_avg == pytest.approx((6 * 1 + 2) / 7)  # last window: six 1s and a 2


def test_trend_flat_is_steady() -> None:
    for values in ([4] * 90, [4, 5] * 45):
        result = insights.trend(series(values), START, START + dt.timedelta(days=89))
        assert result.verdict == "steady"
        assert result.ci_low is not None and result.ci_high is not None
        band = insights.STEADY_BAND_PER_DAY
        assert -band <= result.ci_low <= result.ci_high <= band


def test_trend_short_noisy_series_gives_no_interval_wider_than_the_scale() -> None:
    rng = random.Random(5)
    days = series([rng.randint(0, 10) for _ in range(21)])
    result = insights.trend(days, START, end_of(days))
    assert result.verdict == "too few days"
    assert result.ci_low is None and "CI" not in result.sentence
    assert "vary too much" in result.sentence


def test_trend_noisy_but_long_enough_is_unclear() -> None:
    rng = random.Random(5)
    days = series([rng.randint(3, 6) for _ in range(30)])
    result = insights.trend(days, START, end_of(days))
    assert result.verdict == "unclear"
    assert "no clear trend" in result.sentence
    assert "95% CI" in result.details and "CI" not in result.sentence
    assert result.ci_low is not None and result.ci_high is not None
    assert (result.ci_high - result.ci_low) * 30 <= 10


def test_trend_intervals_never_wider_than_the_scale() -> None:
    for seed in range(20):
        rng = random.Random(seed)
        days = series([rng.randint(0, 10) for _ in range(rng.randint(21, 60))])
        result = insights.trend(days, START, end_of(days))
        if result.ci_low is not None and result.ci_high is not None:
            assert (result.ci_high - result.ci_low) * insights.DAYS_PER_MONTH <= 10


def test_a_step_is_described_as_a_step() -> None:
    rng = random.Random(3)
    values = [3 + rng.choice((-1, 0, 0, 1)) for _ in range(45)] + [7 + rng.choice((-1, 0, 0, 1)) for _ in range(45)]
    days = series(values)
    result = insights.trend(days, START, end_of(days))
    assert result.verdict == "worsening"
    assert result.step is not None
    assert result.step.date == START + dt.timedelta(days=45)
    rolling = insights.rolling_back_pain(days, START, end_of(days))
    before, after = rolling[44], rolling[51]
    assert before is not None and after is not None
    assert (result.step.before, result.step.after) == (before, after)
    assert result.sentence == (
        f"Your back pain changed step-wise rather than gradually: your 7-day average went up "
        f"from {before:.1f} to {after:.1f} around 15 Feb."
    )


def test_trend_needs_21_logged_days() -> None:
    days = series([1 + i // 4 for i in range(20)])
    assert insights.trend(days, START, end_of(days)).verdict == "too few days"
    days = series([1 + i // 4 for i in range(21)])
    assert insights.trend(days, START, end_of(days)).verdict == "worsening"


def test_words_and_the_drawn_line_use_the_same_series() -> None:
    from journal.core.trend_series import trend_series

    before = [day(i, 8) for i in range(10)]
    inside = [day(i, 3) for i in range(10, 40)]
    start = START + dt.timedelta(days=10)
    result = insights.trend(before + inside, start, end_of(inside))
    drawn = trend_series(before + inside, start, end_of(inside)).back_pain_avg7
    assert result.start_avg == drawn[0] == pytest.approx((6 * 8 + 3) / 7)
    assert result.end_avg == drawn[-1] == 3.0


def test_trend_rarely_claims_a_direction_in_pure_noise() -> None:
    directional = 0
    for seed in range(40):
        rng = random.Random(seed)
        days = series([rng.randint(2, 7) for _ in range(90)])
        if insights.trend(days, START, end_of(days)).verdict in ("improving", "worsening"):
            directional += 1
    assert directional <= 5  # about 5% expected; treating the 7-day averages as independent gives ~50%


def test_trend_too_few_days() -> None:
    days = series([3, 4, 5, 6, 7])
    result = insights.trend(days, START, end_of(days))
    assert result.verdict == "too few days"
    assert result.slope_per_day is None
    assert result.start_avg == 4.0  # first window with 3 logged days: 3, 4, 5
    assert result.end_avg == 5.0  # last window holds all five days


def test_trend_verdict_rules() -> None:
    assert insights.trend_verdict(-0.05, -0.01) == "improving"
    assert insights.trend_verdict(0.001, 0.01) == "worsening"
    assert insights.trend_verdict(-0.005, 0.005, span_days=180) == "steady"  # within ±0.9 points over the period
    assert insights.trend_verdict(-0.02, 0.02, span_days=180) == "unclear"  # ±3.6 points: not steady
    assert insights.trend_verdict(-0.03, 0.01, span_days=90) == "unclear"


def test_a_two_point_change_over_six_months_is_never_steady() -> None:
    """A slow real change (2 points over 180 days) under day-to-day noise: never "steady"."""
    for seed in range(10):
        rng = random.Random(seed)
        level = 0.0
        values = []
        for i in range(180):
            level = 0.7 * level + rng.gauss(0.0, 1.0)
            values.append(max(0, min(10, round(4 + 2.0 * i / 179 + level))))
        result = insights.trend(series(values), START, START + dt.timedelta(days=179))
        assert result.verdict != "steady", seed


# ---------------------------------------------------------------- PEG


def peg_day(offset: int, pain: int, enjoyment: int | None, activity: int | None) -> DayEntry:
    return day(offset, pain, interference_enjoyment=enjoyment, interference_activity=activity)


def test_weekly_peg_and_start_end() -> None:
    days = [peg_day(i, 6, 6, 6) for i in range(7)]  # PEG 6
    days += [peg_day(i, 3, 3, None) for i in range(7, 14)]  # no PEG
    days += [peg_day(i, 3, 3, 3) for i in range(14, 21)]  # PEG 3
    days += [
        peg_day(
            21,
            4,
            2,
            3,
        )
    ]  # PEG 3 in week 4
    weekly = insights.weekly_peg(days, START, end_of(days))
    assert [(w.week_start, w.mean, w.days) for w in weekly] == [
        (dt.date(2024, 1, 1), 6.0, 7),
        (dt.date(2024, 1, 15), 3.0, 7),
        (dt.date(2024, 1, 22), 3.0, 1),
    ]
    first, last = insights.peg_start_end(days, START, end_of(days))
    assert (first, last) == (6.0, 3.0)


def test_peg_uses_worse_of_back_and_leg_pain() -> None:
    days = [day(0, 2, leg_pain=8, interference_enjoyment=4, interference_activity=6)]
    first, last = insights.peg_start_end(days, START, START)
    # One week has nothing to compare with yet: "too few days yet", not the same week twice.
    assert first == pytest.approx(6.0) and last is None


def test_peg_start_end_without_values() -> None:
    days = series([3] * 20)
    assert insights.peg_start_end(days, START, end_of(days)) == (None, None)
    assert insights.weekly_peg(days, START, end_of(days)) == []


def test_peg_words_use_the_weeks_the_chart_draws() -> None:
    """Five days over two calendar weeks: the words give each week's mean, as the chart's steps do."""
    from journal.core.trend_series import trend_series

    start = dt.date(2024, 1, 5)  # a Friday: Fri-Sun in one week, Mon-Tue in the next
    days = [
        DayEntry(start + dt.timedelta(days=i), pain, interference_enjoyment=pain, interference_activity=pain)
        for i, pain in enumerate((3, 3, 4, 6, 5))
    ]
    end = days[-1].date
    first, last = insights.peg_start_end(days, start, end)
    chart = trend_series(days, start, end).weekly_peg
    weeks = [chart[monday] for monday in sorted(chart)]
    assert first == pytest.approx(weeks[0]) and last == pytest.approx(weeks[-1])
    assert first == pytest.approx(10 / 3) and last == pytest.approx(5.5)
