"""The one-model trigger insights: constructed journals with known answers, and
the estimates and intervals cross-checked against scipy's linear algebra."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from journal.core import ar1_regression, insights, stats, trigger_model
from journal.core.day import ActivityMinutes, DayEntry

START = dt.date(2024, 1, 1)


def day(offset: int, pain: int, **fields: object) -> DayEntry:
    return DayEntry(date=START + dt.timedelta(days=offset), back_pain=pain, **fields)  # type: ignore[arg-type]


def ar1_noise(n: int, rng: random.Random, phi: float = 0.7, sd: float = 1.0) -> list[float]:
    values, level = [], 0.0
    for _ in range(n):
        level = phi * level + rng.gauss(0.0, sd)
        values.append(level)
    return values


def clip(value: float) -> int:
    return max(0, min(10, round(value)))


def results(days: list[DayEntry]) -> dict[tuple[str, int], trigger_model.TriggerImpact]:
    found = insights.trigger_impacts(days, days[0].date, days[-1].date) if days else []
    return {(t.name, t.lag_days): t for t in found}


def spells(n: int, rng: random.Random, on: float = 0.2, stay: float = 0.7) -> list[bool]:
    state, out = False, []
    for _ in range(n):
        state = rng.random() < (stay if state else on * (1 - stay) / (1 - on))
        out.append(state)
    return out


def journal_with_effects(seed: int, n: int = 150) -> list[DayEntry]:
    """Sitting raises pain by 2 the same day; stress by 2 the next day; damp has no effect."""
    rng = random.Random(seed)
    noise = ar1_noise(n, rng)
    sitting, stress, damp = spells(n, rng), spells(n, rng), spells(n, rng)
    days = []
    for i in range(n):
        pain = 3 + noise[i] + 2 * sitting[i] + (2 * stress[i - 1] if i else 0)
        names = [name for name, on in (("sitting", sitting[i]), ("stress", stress[i]), ("damp", damp[i])) if on]
        days.append(day(i, clip(pain), triggers=tuple(names)))
    return days


def test_real_effects_found_and_null_left_unclear() -> None:
    found = results(journal_with_effects(seed=3))
    assert found[("sitting", 0)].verdict == "higher"
    assert found[("stress", 1)].verdict == "higher"
    for key in (("damp", 0), ("damp", 1)):
        assert found[key].verdict in trigger_model.UNCLEAR_VERDICTS
    sitting = found[("sitting", 0)]
    assert sitting.ci_low is not None and sitting.ci_high is not None
    assert 0 < sitting.ci_low < sitting.ci_high < 3.5
    assert sitting.difference == pytest.approx(2.0, abs=0.8)  # coverage: the simulation tests
    assert sitting.sentence == (
        "Worth discussing with your doctor: on days with sitting your back pain was about "
        f"{sitting.difference:.1f} points higher."
    )
    assert "95% CI" in sitting.details and "adjusted p " in sitting.details
    assert sitting.q_value is not None and sitting.q_value <= trigger_model.FAMILY_ALPHA
    assert sitting.method == trigger_model.METHOD


def test_confounded_trigger_is_not_blamed() -> None:
    """ "Long drive" happens on most sitting days and has no effect of its own."""
    rng = random.Random(11)
    n = 180
    noise = ar1_noise(n, rng)
    sitting = spells(n, rng, on=0.3)
    drive = [s and rng.random() < 0.7 for s in sitting]
    days = [
        day(
            i,
            clip(3 + noise[i] + 2 * sitting[i]),
            triggers=tuple(t for t, on in (("sitting", sitting[i]), ("long drive", drive[i])) if on),
        )
        for i in range(n)
    ]
    found = results(days)
    assert found[("sitting", 0)].verdict == "higher"
    drive_impact = found[("long drive", 0)]
    assert drive_impact.verdict in (*trigger_model.UNCLEAR_VERDICTS, trigger_model.VERDICT_TOGETHER)
    if drive_impact.verdict == trigger_model.VERDICT_TOGETHER:  # noted on most sitting days: reported inside sitting's line
        assert drive_impact.together == ("sitting",) and "cannot be told apart from sitting" in drive_impact.sentence
        assert "long drive" in found[("sitting", 0)].together
    # One at a time (what the journal used to do), long drive looked clearly worse.
    with_drive = [d.back_pain for d in days if "long drive" in d.triggers]
    without = [d.back_pain for d in days if "long drive" not in d.triggers]
    naive = stats.welch_difference(with_drive, without)
    assert naive is not None and naive.ci_low > 0


def test_day_after_is_not_a_restatement_of_the_same_day() -> None:
    found = results(journal_with_effects(seed=5))
    assert found[("sitting", 1)].verdict in trigger_model.UNCLEAR_VERDICTS  # sitting comes in spells, acts the same day
    assert found[("stress", 0)].verdict in trigger_model.UNCLEAR_VERDICTS  # stress acts the next day
    assert found[("stress", 1)].sentence.startswith(
        "Worth discussing with your doctor: on the day after stress your back pain was about"
    )


def test_lower_is_worded_as_lower() -> None:
    rng = random.Random(2)
    n = 120
    noise = ar1_noise(n, rng, sd=0.6)
    walk = spells(n, rng, on=0.4, stay=0.5)
    days = [day(i, clip(5 + noise[i] - 2 * walk[i]), triggers=("walk",) if walk[i] else ()) for i in range(n)]
    walk0 = results(days)[("walk", 0)]
    assert walk0.verdict == "lower"
    assert walk0.sentence.endswith("points lower.")


def test_rare_trigger_is_too_few_days() -> None:
    days = journal_with_effects(seed=3, n=60)
    days = [d.replace(triggers=d.triggers + ("bending",)) if i in (10, 30, 50) else d for i, d in enumerate(days)]
    bending = results(days)[("bending", 0)]
    assert bending.verdict == "too few days"
    assert (bending.difference, bending.ci_low, bending.ci_high, bending.q_value) == (None,) * 4
    assert "at least 5" in bending.sentence


def test_bad_input_gives_plain_sentences() -> None:
    assert results([]) == {}
    three = [day(i, 4, triggers=("stress",)) for i in range(3)]
    assert all(t.verdict == "too few days" for t in results(three).values())
    every_day = [day(i, 3 + i % 3, triggers=("stress",)) for i in range(40)]
    stress = results(every_day)[("stress", 0)]
    assert stress.verdict == "too few days"
    assert "every day" in stress.sentence
    flat = [day(i, 4, triggers=("stress",) if i % 3 == 0 else ()) for i in range(40)]
    stress = results(flat)[("stress", 0)]
    assert stress.verdict == "too few days"
    assert stress.ci_low is None and "same on every day" in stress.sentence


def test_triggers_logged_together_cannot_be_told_apart() -> None:
    rng = random.Random(8)
    on = spells(80, rng, on=0.4)
    days = [day(i, 3 + 2 * on[i] + i % 2, triggers=("bending", "lifting") if on[i] else ()) for i in range(80)]
    found = results(days)
    assert found[("bending", 0)].verdict == "higher"
    assert found[("lifting", 0)].verdict == "too few days"
    assert "cannot be told apart" in found[("lifting", 0)].sentence


def test_no_interval_is_wider_than_the_scale() -> None:
    for seed in range(15):
        rng = random.Random(seed)
        days = [day(i, rng.randint(0, 10), triggers=("x",) if rng.random() < 0.2 else ()) for i in range(rng.randint(12, 40))]
        for t in results(days).values():
            if t.ci_low is not None and t.ci_high is not None:
                assert 0 < t.ci_high - t.ci_low <= 10.0


def test_daily_measures_enter_the_model() -> None:
    rng = random.Random(4)
    n = 150
    noise = ar1_noise(n, rng, sd=0.8)
    days = []
    for i in range(n):
        quality = rng.randint(2, 9)
        stress_level = rng.randint(0, 10)
        pain = 6 + noise[i] - 0.5 * (quality - 5)  # poorer sleep quality, more pain
        days.append(
            day(
                i,
                clip(pain),
                sleep_quality=quality,
                stress=stress_level,
                activities=(ActivityMinutes("Sitting", 60 * rng.randint(1, 6)),),
            )
        )
    model = insights.trigger_analysis(days, START, days[-1].date)
    by_key = {m.key: m for m in model.measures}
    poorer = by_key["sleep_quality"]
    assert poorer.verdict == "higher"  # per point *poorer* quality
    assert poorer.difference == pytest.approx(0.5, abs=0.2)
    assert "poorer sleep quality" in poorer.sentence
    assert by_key["stress"].verdict in trigger_model.UNCLEAR_VERDICTS
    assert by_key["sitting_hours"].verdict in trigger_model.UNCLEAR_VERDICTS
    assert "sleep_hours" not in by_key  # never recorded
    assert model.comparisons == 3
    assert "3 comparisons were made in one model" in model.note


def test_sentences_never_claim_a_cause() -> None:
    for t in results(journal_with_effects(seed=3)).values():
        text = (t.sentence + t.details).lower()
        assert "cause" not in text and "because" not in text
    assert "not proof" in insights.CAVEAT and "bad days" in insights.CAVEAT


# ---------------------------------------------------------------- cross-checks


def _gls_reference(y: list[float], columns: list[list[float]], dates: list[int], rho: float) -> tuple[Any, Any, Any, int]:
    """Exact GLS with the AR(1) covariance ρ^|days apart| / (1 − ρ²) between all days (scipy)."""
    np = pytest.importorskip("numpy")
    linalg = pytest.importorskip("scipy.linalg")
    n = len(y)
    x = np.column_stack([np.ones(n), *[np.asarray(c, float) for c in columns]])
    d = np.asarray(dates, float)
    sigma = rho ** np.abs(d[:, None] - d[None, :]) / (1 - rho * rho)
    inverse = linalg.inv(sigma)
    xtx = x.T @ inverse @ x
    beta = linalg.solve(xtx, x.T @ inverse @ np.asarray(y))
    residual = np.asarray(y) - x @ beta
    df = n - x.shape[1] - 1
    scale = float(residual @ inverse @ residual) / df
    errors = np.sqrt(np.diag(linalg.inv(xtx)) * scale)
    return beta, errors, residual, df


def test_fit_matches_exact_gls_with_scipy() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    rng = random.Random(21)
    dates = [d for d in range(130) if d % 17 not in (5, 6)]  # gaps: several runs
    noise = ar1_noise(130, rng, phi=0.6)
    a = [float(rng.random() < 0.3) for _ in dates]
    b = [rng.gauss(0, 1) for _ in dates]
    y = [4 + 1.5 * ai - 0.5 * bi + noise[d] for ai, bi, d in zip(a, b, dates)]
    follows = [i > 0 and dates[i] == dates[i - 1] + 1 for i in range(len(dates))]
    fit = ar1_regression.fit(y, [a, b], dates)
    assert fit is not None
    assert 0.3 < fit.rho < 0.85
    beta, errors, residual, df = _gls_reference(y, [a, b], dates, fit.rho)
    assert fit.coefficients == pytest.approx(list(beta), rel=1e-8, abs=1e-10)
    assert fit.std_errors == pytest.approx(list(errors), rel=1e-8)
    assert fit.df == df
    # ρ is the fixed point: the lag-1 correlation of the final residuals over adjacent pairs.
    pairs = [(residual[i - 1], residual[i]) for i in range(1, len(dates)) if follows[i]]
    rho = sum(p * c for p, c in pairs) / sum(p * p for p, _ in pairs)
    assert fit.rho == pytest.approx(rho, abs=1e-5)
    # And the intervals use Student's t with those degrees of freedom.
    assert stats.t_quantile(0.975, df) == pytest.approx(float(scipy_stats.t.ppf(0.975, df)), rel=1e-9)


def test_fit_refuses_collinear_or_short_data() -> None:
    days = list(range(30))
    x = [float(i % 2) for i in range(30)]
    assert ar1_regression.fit([float(i) for i in range(30)], [x, x], days) is None
    assert ar1_regression.fit([1.0] * 5, [x[:5]], days[:5]) is None
    with pytest.raises(ValueError):
        ar1_regression.fit([float(i) for i in range(30)], [x], [0] * 30)
    assert ar1_regression.independent_columns([x, [2 * v for v in x], [1.0] * 30], 30) == [True, False, False]


def test_benjamini_hochberg_matches_scipy() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    p_values = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205, 0.212, 0.216]
    expected = scipy_stats.false_discovery_control(p_values, method="bh")
    assert stats.benjamini_hochberg(p_values) == pytest.approx(list(expected))
    assert stats.benjamini_hochberg([]) == []


def test_two_sided_p_matches_scipy() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    for t, df in ((0.0, 5), (1.3, 12), (-2.7, 40), (5.0, 150)):
        assert stats.two_sided_p(t, df) == pytest.approx(float(2 * scipy_stats.t.sf(abs(t), df)), rel=1e-8)


def test_wilson_interval_matches_scipy() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    for events, trials in ((0, 10), (3, 10), (10, 10), (17, 40)):
        share = stats.wilson_interval(events, trials)
        assert share is not None
        expected = scipy_stats.binomtest(events, trials).proportion_ci(method="wilson")
        assert (share.ci_low, share.ci_high) == pytest.approx((expected.low, expected.high), abs=1e-9)
    assert stats.wilson_interval(0, 0) is None


def test_risk_difference_newcombe_hand_worked() -> None:
    # Newcombe (1998), example: 56/70 vs 48/80 gives 0.2000 (0.0524 to 0.3339).
    result = stats.risk_difference(56, 70, 48, 80)
    assert result is not None
    difference, low, high = result
    assert difference == pytest.approx(0.2)
    assert low == pytest.approx(0.0524, abs=5e-4)
    assert high == pytest.approx(0.3339, abs=5e-4)


def test_short_journals_say_how_long_to_log() -> None:
    short = insights.trigger_analysis(journal_with_effects(seed=3, n=60), START, START + dt.timedelta(days=59))
    assert "after 6 months" in short.advice and "about half of journals after 3 months" in short.advice
    long = insights.trigger_analysis(journal_with_effects(seed=3, n=190), START, START + dt.timedelta(days=189))
    assert long.advice == ""
