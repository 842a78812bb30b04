"""Statistical helpers against hand-worked values and an independent library."""

from __future__ import annotations

import math

import pytest

from journal.core import stats

# Student-t quantiles from printed tables (two-sided 95% etc.).
TABLE = [
    (0.975, 1, 12.706204736174694),
    (0.975, 2, 4.302652729749462),
    (0.975, 10, 2.228138851986274),
    (0.975, 30, 2.0422724563012378),
    (0.95, 5, 2.0150483733330233),
    (0.995, 120, 2.6174211451068654),
]


def test_mean_and_median() -> None:
    assert stats.mean([]) is None
    assert stats.median([]) is None
    assert stats.mean([1, 2, 3, 4]) == 2.5
    assert stats.median([5, 1, 3]) == 3.0
    assert stats.median([1, 2, 3, 10]) == 2.5


@pytest.mark.parametrize(("p", "df", "expected"), TABLE)
def test_t_quantile_matches_tables(p: float, df: float, expected: float) -> None:
    assert stats.t_quantile(p, df) == pytest.approx(expected, rel=1e-10)
    assert stats.t_quantile(1 - p, df) == pytest.approx(-expected, rel=1e-10)


def test_t_quantile_edges() -> None:
    assert stats.t_quantile(0.5, 7.3) == 0.0
    for bad_p in (0.0, 1.0, -0.1, 1.5):
        with pytest.raises(ValueError):
            stats.t_quantile(bad_p, 5)
    with pytest.raises(ValueError):
        stats.t_quantile(0.9, 0)


def test_t_quantile_inverts_cdf_for_fractional_df() -> None:
    for df in (1.3, 2.5, 3.53, 17.9, 250.0):
        for p in (0.6, 0.9, 0.975, 0.999):
            assert stats.t_cdf(stats.t_quantile(p, df), df) == pytest.approx(p, abs=1e-12)


def test_t_cdf_closed_forms() -> None:
    # df = 1 is the Cauchy distribution; df = 2 has a closed form too.
    for t in (-5.0, -0.3, 0.0, 0.7, 12.0):
        assert stats.t_cdf(t, 1) == pytest.approx(0.5 + math.atan(t) / math.pi, abs=1e-14)
        assert stats.t_cdf(t, 2) == pytest.approx(0.5 + t / (2 * math.sqrt(2 + t * t)), abs=1e-14)


def test_regularized_beta_closed_forms() -> None:
    for x in (0.0, 0.1, 0.5, 0.93, 1.0):
        assert stats.regularized_beta(x, 1, 1) == pytest.approx(x, abs=1e-14)
        assert stats.regularized_beta(x, 3, 1) == pytest.approx(x**3, abs=1e-14)
        assert stats.regularized_beta(x, 1, 4) == pytest.approx(1 - (1 - x) ** 4, abs=1e-14)


@pytest.mark.slow
def test_t_quantile_against_scipy() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    for df in (1, 1.3, 2, 2.7, 4, 6.5, 12, 29.4, 100, 1000):
        for p in (0.001, 0.025, 0.1, 0.55, 0.8, 0.95, 0.975, 0.995, 0.9999):
            expected = float(scipy_stats.t.ppf(p, df))
            assert stats.t_quantile(p, df) == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_welch_by_hand() -> None:
    # a: mean 3, variance 2.5, n 5; b: mean 4, variance 4, n 3.
    # se² = 2.5/5 + 4/3 = 11/6; df = (11/6)² / ((0.5)²/4 + (4/3)²/2) = 3.532846...
    result = stats.welch_difference([1, 2, 3, 4, 5], [2, 4, 6])
    assert result is not None and result.df is not None
    assert result.difference == pytest.approx(-1.0)
    assert result.df == pytest.approx((11 / 6) ** 2 / (0.25 / 4 + (16 / 9) / 2))
    half = stats.t_quantile(0.975, result.df) * math.sqrt(11 / 6)
    assert result.ci_low == pytest.approx(-1.0 - half)
    assert result.ci_high == pytest.approx(-1.0 + half)
    # Same numbers from an independent implementation.
    assert result.ci_low == pytest.approx(-4.963725522186273, rel=1e-9)
    assert result.ci_high == pytest.approx(2.963725522186273, rel=1e-9)
    assert (result.n_a, result.n_b) == (5, 3)


def test_welch_against_scipy() -> None:
    scipy_stats = pytest.importorskip("scipy.stats")
    a = [6, 7, 5, 8, 6, 7, 9, 6, 5, 7, 8]
    b = [3, 4, 2, 5, 3, 3, 4, 6, 2, 3, 4, 4, 5, 3, 2, 1]
    result = stats.welch_difference(a, b)
    assert result is not None
    reference = scipy_stats.ttest_ind(a, b, equal_var=False)
    interval = reference.confidence_interval(0.95)
    assert result.df == pytest.approx(float(reference.df), rel=1e-12)
    assert result.ci_low == pytest.approx(float(interval.low), rel=1e-9)
    assert result.ci_high == pytest.approx(float(interval.high), rel=1e-9)


def test_welch_degenerate_cases() -> None:
    assert stats.welch_difference([1], [1, 2, 3]) is None
    assert stats.welch_difference([1, 2, 3], []) is None
    flat = stats.welch_difference([6, 6, 6], [3, 3, 3, 3])
    assert flat is not None
    assert (flat.difference, flat.ci_low, flat.ci_high, flat.df) == (3.0, 3.0, 3.0, None)


def test_slope_by_hand() -> None:
    xs = [float(i) for i in range(10)]
    ys = [1, 3, 2, 5, 4, 6, 8, 7, 9, 10]
    fit = stats.linear_slope(xs, ys)
    assert fit is not None
    # Sxx = 82.5, Sxy = 79.5.
    assert fit.slope == pytest.approx(79.5 / 82.5)
    assert fit.intercept == pytest.approx(5.5 - 4.5 * 79.5 / 82.5)
    sse = sum((y - fit.intercept - fit.slope * x) ** 2 for x, y in zip(xs, ys))
    half = stats.t_quantile(0.975, 8) * math.sqrt(sse / 8 / 82.5)
    assert fit.ci_low == pytest.approx(fit.slope - half)
    assert fit.ci_high == pytest.approx(fit.slope + half)
    assert fit.effective_n == 10


def test_slope_against_numpy_and_scipy() -> None:
    numpy = pytest.importorskip("numpy")
    scipy_stats = pytest.importorskip("scipy.stats")
    xs = [0, 1, 2, 4, 5, 8, 9, 11, 12, 15]
    ys = [5.0, 4.6, 4.9, 4.1, 4.3, 3.6, 3.9, 3.1, 3.4, 2.5]
    fit = stats.linear_slope(xs, ys)
    assert fit is not None
    slope, intercept = numpy.polyfit(xs, ys, 1)
    assert fit.slope == pytest.approx(slope)
    assert fit.intercept == pytest.approx(intercept)
    reference = scipy_stats.linregress(xs, ys)
    half = reference.stderr * scipy_stats.t.ppf(0.975, len(xs) - 2)
    assert fit.ci_low == pytest.approx(reference.slope - half)
    assert fit.ci_high == pytest.approx(reference.slope + half)


def test_slope_degenerate_cases() -> None:
    assert stats.linear_slope([1, 2], [3, 4]) is None
    assert stats.linear_slope([2, 2, 2], [1, 2, 3]) is None
    with pytest.raises(ValueError):
        stats.linear_slope([1, 2, 3], [1, 2])
    perfect = stats.linear_slope([0, 1, 2, 3], [1, 3, 5, 7])
    assert perfect is not None
    assert (perfect.slope, perfect.ci_low, perfect.ci_high) == (2.0, 2.0, 2.0)


def test_lag1_autocorrelation_by_hand() -> None:
    assert stats.lag1_autocorrelation([1, -1, 1, -1]) == pytest.approx(-3 / 4)
    assert stats.lag1_autocorrelation([1, 1, -1, -1]) == pytest.approx((1 - 1 + 1) / 4)
    assert stats.lag1_autocorrelation([0, 0, 0]) == 0.0
    assert stats.lag1_autocorrelation([1, 2]) == 0.0


def test_autocorrelation_adjustment_widens_only_for_runs() -> None:
    xs = [float(i) for i in range(12)]
    runs = [1, 1, 1, 3, 3, 3, 1, 1, 1, 3, 3, 3]  # residuals come in runs: r > 0
    plain = stats.linear_slope(xs, runs)
    adjusted = stats.linear_slope(xs, runs, adjust_for_autocorrelation=True)
    assert plain is not None and adjusted is not None
    assert adjusted.slope == plain.slope
    assert adjusted.effective_n < plain.effective_n
    assert adjusted.ci_high - adjusted.ci_low > plain.ci_high - plain.ci_low
    alternating = [1, 3] * 6  # r < 0: nothing to adjust
    plain = stats.linear_slope(xs, alternating)
    adjusted = stats.linear_slope(xs, alternating, adjust_for_autocorrelation=True)
    assert plain == adjusted


def test_rolling_mean_treats_gaps_as_gaps() -> None:
    values: list[float | None] = [4, None, 4, 4, None, None, None, None, None, 10, 10, 10]
    result = stats.rolling_mean(values)
    # Fewer than 3 logged days in the window → None.
    assert result[:3] == [None, None, None]
    # Days 0, 2, 3 logged → mean 4 (not 12/7 as zeros would give).
    assert result[3:7] == [4.0, 4.0, 4.0, 4.0]
    # Day 7's window is days 1..7: only days 2 and 3 are logged.
    assert result[7] is None
    assert result[9] is None  # window 3..9: days 3 and 9
    assert result[10] is None  # window 4..10: days 9 and 10
    assert result[11] == 10.0


def test_rolling_mean_window_and_minimum() -> None:
    values: list[float | None] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert stats.rolling_mean(values, window=3, min_count=1) == [1, 1.5, 2, 3, 4, 5, 6, 7, 8]
    assert stats.rolling_mean(values)[6:] == [4.0, 5.0, 6.0]
    assert stats.rolling_mean([]) == []
    with pytest.raises(ValueError):
        stats.rolling_mean(values, window=0)
