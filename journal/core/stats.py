"""Small statistical helpers for the insights, in plain Python.

Every helper takes plain sequences of numbers and returns ``None`` when there
is too little data, never NaN. Only :mod:`math` is imported, to keep start-up
quick. The Student-t quantile comes from the
regularized incomplete beta function (continued fraction) and a safeguarded
Newton search, so nothing beyond the standard library is needed.

Rolling means work on values aligned to consecutive calendar days, with
``None`` for a day that was not logged: gaps are gaps, never zeros.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

CONFIDENCE: Final = 0.95
#: Days in a rolling window: the day itself and the six before it.
ROLLING_WINDOW_DAYS: Final = 7
#: A rolling mean needs at least this many logged days in its window.
MIN_ROLLING_COUNT: Final = 3

_BETA_EPS: Final = 1e-15
_BETA_TINY: Final = 1e-300
_BETA_MAX_ITER: Final = 500
_NEWTON_MAX_ITER: Final = 100


@dataclass(frozen=True, slots=True)
class MeanDifference:
    """Difference of two means (a − b) with its confidence interval.

    ``df`` is the Welch–Satterthwaite degrees of freedom, ``None`` when
    neither group has any spread (the interval then collapses to a point).
    """

    difference: float
    ci_low: float
    ci_high: float
    df: float | None
    n_a: int
    n_b: int


@dataclass(frozen=True, slots=True)
class Slope:
    """Least-squares line ``y = intercept + slope·x`` with a CI for the slope.

    ``effective_n`` is the sample size the interval was based on: ``n``
    itself, or less when adjusted for autocorrelation.
    """

    slope: float
    intercept: float
    ci_low: float
    ci_high: float
    n: int
    effective_n: float


def mean(values: Sequence[float]) -> float | None:
    """Arithmetic mean, or None for no values."""
    if not values:
        return None
    return math.fsum(values) / len(values)


def median(values: Sequence[float]) -> float | None:
    """Median (mean of the middle two for an even count), or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2.0


def _beta_continued_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _BETA_TINY else _BETA_TINY)
    h = d
    for m in range(1, _BETA_MAX_ITER + 1):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((qam + m2) * (a + m2)),
            -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _BETA_TINY else _BETA_TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _BETA_TINY else _BETA_TINY
            delta = d * c
            h *= delta
        if abs(delta - 1.0) < _BETA_EPS:
            break
    return h


def regularized_beta(x: float, a: float, b: float) -> float:
    """The regularized incomplete beta function I_x(a, b) for 0 ≤ x ≤ 1, a, b > 0."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_continued_fraction(a, b, x) / a
    return 1.0 - front * _beta_continued_fraction(b, a, 1.0 - x) / b


def _t_upper_tail(t: float, df: float) -> float:
    """P(T > t) for t ≥ 0."""
    return 0.5 * regularized_beta(df / (df + t * t), df / 2.0, 0.5)


def t_cdf(t: float, df: float) -> float:
    """Student-t cumulative distribution P(T ≤ t) with ``df`` > 0 degrees of freedom."""
    tail = _t_upper_tail(abs(t), df)
    return 1.0 - tail if t > 0 else tail


def t_pdf(t: float, df: float) -> float:
    """Student-t density at ``t``."""
    log_density = (
        math.lgamma((df + 1.0) / 2.0)
        - math.lgamma(df / 2.0)
        - 0.5 * math.log(df * math.pi)
        - (df + 1.0) / 2.0 * math.log1p(t * t / df)
    )
    return math.exp(log_density)


def _normal_upper_quantile(q: float) -> float:
    """z with P(Z > z) ≈ q for 0 < q ≤ 0.5 (Abramowitz & Stegun 26.2.23, error < 4.5e-4)."""
    w = math.sqrt(-2.0 * math.log(q))
    return w - (2.515517 + 0.802853 * w + 0.010328 * w * w) / (1.0 + 1.432788 * w + 0.189269 * w * w + 0.001308 * w**3)


def _t_quantile_guess(p: float, df: float) -> float:
    """Cornish–Fisher start for the upper quantile (p > 0.5); Newton refines it."""
    z = _normal_upper_quantile(1.0 - p)
    z3, z5 = z**3, z**5
    return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)


def t_quantile(p: float, df: float) -> float:
    """The value t with P(T ≤ t) = p for Student's t with ``df`` > 0 (may be fractional).

    Raises:
        ValueError: when p is not strictly between 0 and 1 or df ≤ 0.
    """
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must be strictly between 0 and 1, not {p!r}")
    if not df > 0:
        raise ValueError(f"degrees of freedom must be positive, not {df!r}")
    if p == 0.5:
        return 0.0
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if df == 1.0:
        return math.tan(math.pi * (p - 0.5))
    if df == 2.0:
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    return _solve_upper_tail(1.0 - p, df)


def _solve_upper_tail(q: float, df: float) -> float:
    """t > 0 with P(T > t) = q, by Newton's method kept inside a shrinking bracket."""
    low, high = 0.0, 1.0
    while _t_upper_tail(high, df) > q:
        low, high = high, high * 2.0
    t = min(max(_t_quantile_guess(1.0 - q, df), low), high)
    for _ in range(_NEWTON_MAX_ITER):
        excess = _t_upper_tail(t, df) - q  # > 0 means t is too small
        if excess > 0:
            low = t
        else:
            high = t
        density = t_pdf(t, df)
        step = excess / density if density > 0 else math.inf
        candidate = t + step
        if not low < candidate < high:
            candidate = (low + high) / 2.0
        if abs(candidate - t) <= 1e-13 * max(1.0, abs(t)):
            return candidate
        t = candidate
    return t


def _variance(values: Sequence[float], centre: float) -> float:
    """Sample variance (n − 1 in the denominator) about a known mean."""
    return math.fsum((v - centre) ** 2 for v in values) / (len(values) - 1)


def welch_difference(a: Sequence[float], b: Sequence[float], confidence: float = CONFIDENCE) -> MeanDifference | None:
    """Difference of means a − b with a Welch confidence interval.

    The interval uses the Welch–Satterthwaite degrees of freedom and does not
    assume equal variances. Returns None when either group has fewer than
    two values.
    """
    n_a, n_b = len(a), len(b)
    if n_a < 2 or n_b < 2:
        return None
    mean_a, mean_b = math.fsum(a) / n_a, math.fsum(b) / n_b
    part_a = _variance(a, mean_a) / n_a
    part_b = _variance(b, mean_b) / n_b
    difference = mean_a - mean_b
    se_squared = part_a + part_b
    if se_squared <= 0.0:
        return MeanDifference(difference, difference, difference, None, n_a, n_b)
    df = se_squared**2 / (part_a**2 / (n_a - 1) + part_b**2 / (n_b - 1))
    half_width = t_quantile(0.5 + confidence / 2.0, df) * math.sqrt(se_squared)
    return MeanDifference(difference, difference - half_width, difference + half_width, df, n_a, n_b)


def lag1_autocorrelation(values: Sequence[float]) -> float:
    """Lag-1 autocorrelation of values that already have mean zero (e.g. residuals).

    0.0 when there are fewer than 3 values or no spread.
    """
    if len(values) < 3:
        return 0.0
    denominator = math.fsum(v * v for v in values)
    if denominator <= 0.0:
        return 0.0
    return math.fsum(a * b for a, b in zip(values, values[1:])) / denominator


def linear_slope(
    xs: Sequence[float],
    ys: Sequence[float],
    confidence: float = CONFIDENCE,
    *,
    adjust_for_autocorrelation: bool = False,
) -> Slope | None:
    """Ordinary least-squares slope of ys on xs with a t-based confidence interval.

    Uses n − 2 degrees of freedom. With ``adjust_for_autocorrelation`` the
    points are taken in the given order and, when their residuals have a
    positive lag-1 autocorrelation r, n is replaced by the effective sample
    size n·(1 − r)/(1 + r) (at least 3) in the residual variance and the
    degrees of freedom, which widens the interval for runs of similar values.
    Returns None with fewer than 3 points or when all xs are equal. A perfect
    fit gives a zero-width interval.
    """
    n = len(xs)
    if n != len(ys):
        raise ValueError("xs and ys must have the same length")
    if n < 3:
        return None
    mean_x, mean_y = math.fsum(xs) / n, math.fsum(ys) / n
    sxx = math.fsum((x - mean_x) ** 2 for x in xs)
    if sxx <= 0.0:
        return None
    sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    slope = sxy / sxx
    intercept = mean_y - slope * mean_x
    residuals = [y - intercept - slope * x for x, y in zip(xs, ys)]
    effective_n = float(n)
    if adjust_for_autocorrelation:
        r = lag1_autocorrelation(residuals)
        if r > 0:
            effective_n = max(n * (1 - r) / (1 + r), 3.0)
    sse = math.fsum(e * e for e in residuals)
    se = math.sqrt(sse / (effective_n - 2) / sxx)
    half_width = t_quantile(0.5 + confidence / 2.0, effective_n - 2) * se if se > 0 else 0.0
    return Slope(slope, intercept, slope - half_width, slope + half_width, n, effective_n)


def rolling_mean(
    values: Sequence[float | None],
    window: int = ROLLING_WINDOW_DAYS,
    min_count: int = MIN_ROLLING_COUNT,
) -> list[float | None]:
    """Trailing rolling mean over consecutive calendar days.

    ``values[i]`` is day i's value or None when the day was not logged. The
    result at i is the mean of the logged values among days i−window+1 … i,
    or None when fewer than ``min_count`` of those days were logged.
    Days before the first one are treated as not logged.
    """
    if window < 1 or min_count < 1:
        raise ValueError("window and min_count must be at least 1")
    result: list[float | None] = []
    total = 0.0
    count = 0
    for i, value in enumerate(values):
        if value is not None:
            total += value
            count += 1
        if i >= window:
            leaving = values[i - window]
            if leaving is not None:
                total -= leaving
                count -= 1
        result.append(total / count if count >= min_count else None)
    return result


def two_sided_p(t: float, df: float) -> float:
    """P(|T| ≥ |t|) for Student's t with ``df`` > 0 degrees of freedom."""
    return min(1.0, 2.0 * _t_upper_tail(abs(t), df))


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (q-values), in the order given.

    A comparison "survives" false-discovery control at level q when its
    adjusted value is at most q. Each adjusted value is
    min over k ≥ rank of p_(k)·m/k, capped at 1.
    """
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        index = order[rank - 1]
        running = min(running, p_values[index] * m / rank)
        adjusted[index] = min(1.0, running)
    return adjusted


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm's step-down adjusted p-values, in the order given.

    Rejecting every comparison whose adjusted value is at most α keeps the
    chance of *any* false rejection among them at most α, whatever their
    dependence (family-wise error). The k-th smallest p-value is multiplied
    by m − k + 1, made non-decreasing in rank, and capped at 1.
    """
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, p_values[index] * (m - rank))
        adjusted[index] = min(1.0, running)
    return adjusted


@dataclass(frozen=True, slots=True)
class Proportion:
    """``events`` out of ``trials`` with a Wilson score interval."""

    events: int
    trials: int
    estimate: float
    ci_low: float
    ci_high: float


def wilson_interval(events: int, trials: int, z: float = 1.959963984540054) -> Proportion | None:
    """The share events/trials with its Wilson score interval (95% by default); None for no trials."""
    if trials <= 0:
        return None
    if not 0 <= events <= trials:
        raise ValueError("events must be between 0 and trials")
    share = events / trials
    denominator = 1.0 + z * z / trials
    centre = (share + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / denominator
    return Proportion(events, trials, share, max(0.0, centre - half), min(1.0, centre + half))


def risk_difference(
    events_a: int,
    trials_a: int,
    events_b: int,
    trials_b: int,
    z: float = 1.959963984540054,
) -> tuple[float, float, float] | None:
    """Risk difference a − b with Newcombe's hybrid score interval (from two Wilson intervals).

    Returns (difference, low, high), or None when either group has no trials.
    """
    a = wilson_interval(events_a, trials_a, z)
    b = wilson_interval(events_b, trials_b, z)
    if a is None or b is None:
        return None
    difference = a.estimate - b.estimate
    low = difference - math.sqrt((a.estimate - a.ci_low) ** 2 + (b.ci_high - b.estimate) ** 2)
    high = difference + math.sqrt((a.ci_high - a.estimate) ** 2 + (b.estimate - b.ci_low) ** 2)
    return difference, max(-1.0, low), min(1.0, high)
