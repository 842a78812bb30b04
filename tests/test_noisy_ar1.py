"""AR(1) plus measurement noise: the persistence whole-number scores and daily noise hide."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from journal.core import ar1_regression, insights, noisy_ar1
from journal.core.day import DayEntry

START = dt.date(2024, 1, 1)


def persistent_series(seed: int, days: int, phi: float, noise_sd: float) -> tuple[list[int], list[float]]:
    """Logged calendar days (about 88%) and their values: AR(1) with ``phi`` plus white noise."""
    rng = random.Random(seed)
    level = rng.gauss(0.0, 1.4)
    numbers: list[int] = []
    values: list[float] = []
    for day in range(days):
        level = phi * level + rng.gauss(0.0, 1.4 * (1 - phi * phi) ** 0.5)
        if rng.random() < 0.88:
            numbers.append(day)
            values.append(round(4 + level + rng.gauss(0.0, noise_sd)))
    return numbers, values


@pytest.mark.parametrize("days", [300, 1500])  # the exact small-sample path and the large-sample one
def test_the_persistence_behind_the_noise_is_recovered(days: int) -> None:
    estimates: list[float] = []
    plain: list[float] = []
    for seed in range(8):
        numbers, values = persistent_series(seed, days, 0.93, 1.0)
        fitted = noisy_ar1.fit(values, [], numbers)
        assert fitted is not None
        estimates.append(fitted.phi)
        ar1 = ar1_regression.fit(values, [], numbers)
        assert ar1 is not None
        plain.append(ar1.rho)
    # whole numbers and daily noise make the scores' own correlation much lower …
    assert float(np.median(plain)) < 0.75
    # … but the persistent part's is recovered
    assert abs(float(np.median(estimates)) - 0.93) < 0.04


def test_the_covariance_is_the_sandwich_with_the_full_error_matrix() -> None:
    numbers, values = persistent_series(3, 120, 0.9, 0.8)
    xs = [float(n) for n in numbers]
    fitted = noisy_ar1.fit(values, [xs], numbers)
    assert fitted is not None
    x = np.column_stack([np.ones(len(xs)), xs])
    days = np.asarray(numbers, dtype=float)
    sigma = fitted.persistent_var * fitted.phi ** np.abs(days[:, None] - days[None, :]) + fitted.noise_var * np.eye(len(xs))
    mapping = np.linalg.solve(x.T @ x, x.T)
    expected = np.sqrt(np.diag(mapping @ sigma @ mapping.T))
    assert fitted.std_errors == pytest.approx(tuple(expected), rel=1e-9)
    ols = np.linalg.lstsq(x, np.asarray(values, dtype=float), rcond=None)[0]
    assert fitted.coefficients == pytest.approx(tuple(ols), rel=1e-9)
    assert 0.0 < fitted.persistent_share < 1.0


def test_too_few_rows_or_collinear_columns_give_no_fit() -> None:
    assert noisy_ar1.fit([1.0, 2.0, 3.0], [[1.0, 2.0, 3.0]], [0, 1, 2]) is None
    values = [float(v % 3) for v in range(30)]
    assert noisy_ar1.fit(values, [[1.0] * 30], list(range(30))) is None


def persistent_journal(seed: int, days: int) -> list[DayEntry]:
    """No trend; day-to-day correlation 0.90-0.97, seen through whole numbers and trigger-sized noise."""
    rng = random.Random(seed)
    phi = rng.uniform(0.90, 0.97)
    numbers, values = persistent_series(seed, days, phi, 0.9)
    return [DayEntry(date=START + dt.timedelta(days=n), back_pain=max(0, min(10, int(v)))) for n, v in zip(numbers, values)]


@pytest.mark.slow
def test_very_persistent_pain_with_no_trend_rarely_gets_a_direction() -> None:
    called = 0
    journals = 60
    for seed in range(journals):
        entries = persistent_journal(seed, 180)
        verdict = insights.trend(entries, START, START + dt.timedelta(days=179)).verdict
        called += verdict in (insights.TREND_IMPROVING, insights.TREND_WORSENING)
    # a plain AR(1) error model called a direction in about a third of such journals
    assert called <= 0.15 * journals
