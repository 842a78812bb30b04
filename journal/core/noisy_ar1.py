"""Errors that are a slowly wandering level plus day-to-day noise: AR(1) plus measurement noise.

Daily pain scores are whole numbers, and on any day pain is also pushed up or
down by what happened that day (a trigger, a good night). So the part of the
pain that runs on from day to day (an AR(1) process ``x`` with correlation
``phi`` between calendar-adjacent days and variance ``persistent_var``) is
seen through noise of its own (variance ``noise_var``, independent from day
to day). The correlation of the *scores* between neighbouring days is then
much lower than ``phi`` (in simulated diaries whose pain had a day-to-day
correlation of 0.90-0.97 it measured 0.55-0.85), and a plain AR(1) error
model fitted to them understates how slowly the pain wanders: a line through
90 or 180 days of it was called "improving" or "worsening" in a third of
diaries with no trend at all.

Here the three numbers are estimated by the method of moments from the
residuals' autocovariances at lags 0 to :data:`MAX_LAG` (calendar days,
gaps allowed). The noise only adds to lag 0, so the decay from lag 1 on
(``phi = c2 / c1`` in the simplest case) is not hidden by it. Residuals about
a fitted line are shrunk towards zero, which lowers every autocovariance by
an amount that grows with ``phi``; the expected autocovariances are
therefore computed for the actual design (``M Σ M`` with ``M`` the residual
projection), and ``phi`` is the grid value whose expected autocovariances
best match the observed ones. The fitted coefficients' covariance is the
sandwich ``P Σ Pᵀ`` (``P`` the least-squares map), exact for ordinary least
squares under the fitted errors.

numpy is imported when a model is fitted, never when this module is imported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: Autocovariances at lags 0 … MAX_LAG (calendar days) are matched.
MAX_LAG: Final = 4
#: ``phi`` is searched on this grid (0 to 0.99).
PHI_GRID: Final = tuple(round(0.01 * k, 2) for k in range(100))
#: The grid is searched every COARSE_STEP values first, then around the best one.
COARSE_STEP: Final = 5
#: Above this many rows the residual shrinkage is negligible and the O(n²)
#: expected autocovariances are replaced by their large-sample values.
EXACT_ROWS: Final = 400


@dataclass(frozen=True, slots=True)
class NoisyAr1Fit:
    """Ordinary least-squares coefficients with standard errors under AR(1)-plus-noise errors."""

    coefficients: tuple[float, ...]
    std_errors: tuple[float, ...]
    #: Degrees of freedom for each coefficient's t interval: the rows divided by the
    #: design effect (how much the correlated errors inflate its variance over
    #: independent errors of the same size), less the coefficients, at least 1.
    df: tuple[float, ...]
    phi: float  # day-to-day correlation of the persistent part
    persistent_var: float
    noise_var: float

    @property
    def persistent_share(self) -> float:
        """The share of the error variance that runs on from day to day."""
        total = self.persistent_var + self.noise_var
        return self.persistent_var / total if total > 0 else 0.0


@dataclass(frozen=True, slots=True)
class _Pairs:
    """Every row pair (first, second) whose days are 0 … MAX_LAG apart, with that lag."""

    first: "NDArray[np.intp]"
    second: "NDArray[np.intp]"
    lag: "NDArray[np.intp]"
    counts: "NDArray[np.float64]"  # pairs per lag (at least 1, so a mean never divides by 0)


def _lag_pairs(days: "NDArray[np.float64]") -> _Pairs:
    import numpy as np

    position = {int(d): i for i, d in enumerate(days)}
    first: list[int] = []
    second: list[int] = []
    lags: list[int] = []
    for lag in range(MAX_LAG + 1):
        for i, d in enumerate(days):
            j = position.get(int(d) + lag)
            if j is not None:
                first.append(i)
                second.append(j)
                lags.append(lag)
    lag_array = np.asarray(lags, dtype=np.intp)
    counts = np.maximum(np.bincount(lag_array, minlength=MAX_LAG + 1), 1).astype(float)
    return _Pairs(np.asarray(first, dtype=np.intp), np.asarray(second, dtype=np.intp), lag_array, counts)


def _pair_means(left: "NDArray[np.float64]", right: "NDArray[np.float64]", pairs: _Pairs) -> "NDArray[np.float64]":
    """For each lag, the mean over its pairs of ``(left @ right.T)[i, j]``, without forming the product."""
    import numpy as np

    products = np.einsum("ij,ij->i", left[pairs.first], right[pairs.second])
    return np.asarray(np.bincount(pairs.lag, weights=products, minlength=MAX_LAG + 1) / pairs.counts, dtype=np.float64)


def _observed(residuals: "NDArray[np.float64]", days: "NDArray[np.float64]") -> tuple[list[float], list[int]]:
    """Mean products of residuals at each lag, and how many pairs each rests on."""
    index = {int(d): i for i, d in enumerate(days)}
    sums = [0.0] * (MAX_LAG + 1)
    counts = [0] * (MAX_LAG + 1)
    for i, day in enumerate(days):
        for lag in range(MAX_LAG + 1):
            j = index.get(int(day) + lag)
            if j is not None:
                sums[lag] += float(residuals[i] * residuals[j])
                counts[lag] += 1
    return [s / c if c else 0.0 for s, c in zip(sums, counts)], counts


def _kernel_times(days: "NDArray[np.float64]", phi: float, x: "NDArray[np.float64]") -> "NDArray[np.float64]":
    """``K @ x`` for ``K[i, j] = phi ** |day_i - day_j|``, by one pass each way (O(n) per column)."""
    import numpy as np

    n = x.shape[0]
    carry = np.power(phi, np.diff(days)) if n > 1 else np.zeros(0)
    forward = x.copy()
    backward = x.copy()
    for i in range(1, n):
        forward[i] += carry[i - 1] * forward[i - 1]
    for i in range(n - 2, -1, -1):
        backward[i] += carry[i] * backward[i + 1]
    return np.asarray(forward + backward - x, dtype=np.float64)


def fit(
    y: Sequence[float],
    columns: Sequence[Sequence[float]],
    day_numbers: Sequence[int],
    *,
    tested: Sequence[int] = (),
) -> NoisyAr1Fit | None:
    """Regress ``y`` on an intercept and ``columns`` by least squares; errors AR(1) plus noise.

    Args:
        y: one value per row, rows in date order.
        columns: regressors, each with one value per row (no intercept).
        day_numbers: each row's calendar day, strictly increasing.
        tested: indices into ``columns`` of the coefficients being tested
            (a trend, a step). The errors are then estimated from the
            residuals of the model *without* them, as if there were no trend:
            a line drawn through slowly wandering pain soaks up the wandering
            and makes the errors look less persistent than they are, exactly
            in the series where the line looks clearest. With a real trend
            the errors look more persistent, so the interval is honest if
            somewhat wide.

    Returns:
        None with fewer rows than 2 × (coefficients + 2) or collinear columns.
    """
    import numpy as np

    n = len(y)
    p = len(columns) + 1
    if n < 2 * (p + 2):
        return None
    x = np.column_stack([np.ones(n), *[np.asarray(c, dtype=float) for c in columns]])
    yv = np.asarray(y, dtype=float)
    days = np.asarray(day_numbers, dtype=float)
    xtx = x.T @ x
    if np.linalg.matrix_rank(xtx) < p:
        return None
    solve = np.linalg.solve(xtx, x.T)  # P = (XᵀX)⁻¹Xᵀ
    beta = solve @ yv
    null = x[:, [k for k in range(p) if k - 1 not in set(tested)]]
    q, _ = np.linalg.qr(null)
    residuals = yv - q @ (q.T @ yv)
    observed, counts = _observed(residuals, days)
    weights = np.sqrt(np.asarray(counts, dtype=float))
    target = np.asarray(observed) * weights
    exact = n <= EXACT_ROWS
    pairs = _lag_pairs(days)
    lags = np.arange(MAX_LAG + 1)
    if exact:
        # M = I − QQᵀ: the noise's expected residual products at each lag
        noise_design = np.where(lags == 0, 1.0, 0.0) - _pair_means(q, q, pairs)
        apart = np.abs(days[None, :] - days[:, None]).astype(np.intp)
        steps = np.arange(int(days[-1] - days[0]) + 1, dtype=float)
    else:
        noise_design = np.where(lags == 0, 1.0, 0.0)

    def persistent_design(phi: float) -> "NDArray[np.float64]":
        kernel_lags = np.asarray(np.power(phi, lags.astype(float)), dtype=np.float64)
        if not exact:
            return kernel_lags
        kq = np.power(phi, steps)[apart] @ q  # K Q
        inner = q.T @ kq  # Qᵀ K Q
        # M K M = K − Q(KQ)ᵀ − (KQ)Qᵀ + Q(QᵀKQ)Qᵀ, averaged over each lag's pairs
        return np.asarray(kernel_lags - _pair_means(q, kq, pairs) - _pair_means(kq, q, pairs) + _pair_means(q @ inner, q, pairs))

    def match(phi: float) -> tuple[float, float, float, float]:
        design = np.column_stack([persistent_design(phi), noise_design]) * weights[:, None]
        gram = design.T @ design
        if abs(float(np.linalg.det(gram))) > 1e-12 * max(float(np.trace(gram)) ** 2, 1e-300):
            variances = np.linalg.solve(gram, design.T @ target)
        else:
            variances = np.linalg.lstsq(design, target, rcond=None)[0]
        variances = np.clip(variances, 0.0, None)
        return float(np.sum((design @ variances - target) ** 2)), phi, float(variances[0]), float(variances[1])

    coarse = min(match(phi) for phi in PHI_GRID[::COARSE_STEP])
    near = [phi for phi in PHI_GRID if abs(phi - coarse[1]) < COARSE_STEP * 0.01]
    best = min([coarse, *(match(phi) for phi in near if phi != coarse[1])])
    assert best is not None
    _, phi, persistent_var, noise_var = best
    if persistent_var + noise_var <= 0.0:
        return None
    # Cov(β) = P Σ Pᵀ with Σ = s²ₓ K(φ) + s²ᵥ I.
    sigma_pt = persistent_var * _kernel_times(days, phi, solve.T.copy()) + noise_var * solve.T
    covariance = solve @ sigma_pt
    variances_iid = (persistent_var + noise_var) * np.diag(np.linalg.inv(xtx))
    errors = np.sqrt(np.clip(np.diag(covariance), 0.0, None))
    design_effect = np.maximum(errors**2 / np.maximum(variances_iid, 1e-300), 1.0)
    return NoisyAr1Fit(
        coefficients=tuple(float(b) for b in beta),
        std_errors=tuple(float(e) for e in errors),
        df=tuple(max(float(n / d) - p, 1.0) for d in design_effect),
        phi=phi,
        persistent_var=persistent_var,
        noise_var=noise_var,
    )
