"""Linear regression with AR(1) errors over calendar days: feasible GLS (iterated Prais–Winsten).

Daily pain runs on from one day to the next, so the errors of a regression
on daily values are correlated; ordinary least squares then gives intervals
that are far too narrow. Here the lag-1 correlation ρ of the errors is
estimated from the residuals of *calendar-adjacent* rows only. Each row is
then quasi-differenced against the previous logged day g calendar days
earlier (``y_t − ρ^g·y_{t−g}``, scaled by √((1 − ρ²)/(1 − ρ^{2g})) so every
row has the same variance) and the first row is scaled by √(1 − ρ²): the
Prais–Winsten transform generalised to days with gaps, which is exact GLS
for AR(1) errors on the calendar. Treating each run of consecutive days as
independent of the run before it instead would make intervals too narrow
for anything that changes slowly (a trend, triggers in spells) when single
days go unlogged. Estimation alternates between ρ and the coefficients
until ρ settles.

numpy is imported when a model is fitted, never when this module is
imported, so importing the core stays quick.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: |ρ| is kept below this, so the transform never divides the data away.
MAX_RHO: Final = 0.95
#: The residual degrees of freedom a fit needs to be worth reporting.
MIN_RESIDUAL_DF: Final = 8
_MAX_ITERATIONS: Final = 50
_RHO_TOLERANCE: Final = 1e-6
#: A column whose part not explained by the columns before it is smaller
#: than this share of its own size adds nothing new (it is collinear).
COLLINEAR_TOLERANCE: Final = 1e-6


@dataclass(frozen=True, slots=True)
class Ar1Fit:
    """Coefficients (intercept first) with their standard errors.

    ``df`` is the residual degrees of freedom (rows − coefficients − 1 for
    ρ); ``rho`` the estimated lag-1 error correlation; ``sigma`` the
    innovation standard deviation (0 when the model fits exactly).
    """

    coefficients: tuple[float, ...]
    std_errors: tuple[float, ...]
    df: int
    rho: float
    sigma: float
    rows: int
    #: The coefficients' covariance matrix (intercept first), row by row.
    covariance: tuple[tuple[float, ...], ...] = ()


def _transform(
    x: "NDArray[np.float64]", y: "NDArray[np.float64]", gaps: "NDArray[np.float64]", rho: float
) -> tuple["NDArray[np.float64]", "NDArray[np.float64]"]:
    """Whiten rows for AR(1) errors: ``gaps[i]`` is the days from row i − 1 to row i."""
    import numpy as np

    xs = x.copy()
    ys = y.copy()
    base = 1.0 - rho * rho
    carry = np.power(rho, gaps[1:])  # ρ^g
    scale = np.sqrt(base / np.maximum(1.0 - carry * carry, 1e-12))
    xs[1:] = (x[1:] - carry[:, None] * x[:-1]) * scale[:, None]
    ys[1:] = (y[1:] - carry * y[:-1]) * scale
    xs[0] *= math.sqrt(base)
    ys[0] *= math.sqrt(base)
    return np.ascontiguousarray(xs), np.ascontiguousarray(ys)


def _rho(residuals: "NDArray[np.float64]", follows: "NDArray[np.bool_]") -> float:
    """Lag-1 correlation of residuals over calendar-adjacent pairs (0 with fewer than 3 pairs)."""
    current = residuals[1:][follows[1:]]
    previous = residuals[:-1][follows[1:]]
    if current.size < 3:
        return 0.0
    denominator = float(previous @ previous)
    if denominator <= 0.0:
        return 0.0
    return max(-MAX_RHO, min(MAX_RHO, float(current @ previous) / denominator))


def _least_squares(x: "NDArray[np.float64]", y: "NDArray[np.float64]") -> "NDArray[np.float64]":
    """Least squares by the normal equations: the p × p system is tiny, and the
    columns are 0/1 indicators and centred measures, so it is well conditioned
    (checked once by :func:`_well_conditioned`); far quicker than an SVD of the
    n × p matrix for ten years of days."""
    import numpy as np

    return np.asarray(np.linalg.solve(x.T @ x, x.T @ y), dtype=np.float64)


def _well_conditioned(xtx: "NDArray[np.float64]") -> bool:
    """Whether X'X is safely invertible (no column is a combination of the others)."""
    import numpy as np

    eigenvalues = np.linalg.eigvalsh(xtx)
    return bool(eigenvalues[0] > COLLINEAR_TOLERANCE**2 * max(eigenvalues[-1], 1.0))


class ColumnBasis:
    """An orthonormal basis of the intercept and the columns kept so far (Gram–Schmidt)."""

    def __init__(self, rows: int) -> None:
        import numpy as np

        self._basis = np.full((rows, 1), 1.0 / math.sqrt(rows)) if rows else np.zeros((0, 0))

    def add(self, column: Sequence[float]) -> bool:
        """Keep ``column`` when it adds something the basis does not already explain."""
        import numpy as np

        vector = np.asarray(column, dtype=float)
        size = float(np.linalg.norm(vector))
        if size == 0.0 or not self._basis.size:
            return False
        for _ in range(2):  # twice is enough for orthogonality in floating point
            vector = vector - self._basis @ (self._basis.T @ vector)
        remainder = float(np.linalg.norm(vector))
        if remainder <= COLLINEAR_TOLERANCE * max(size, 1.0):
            return False
        self._basis = np.column_stack([self._basis, vector / remainder])
        return True


def independent_columns(columns: Sequence[Sequence[float]], rows: int) -> list[bool]:
    """For each column in order: whether it adds something the intercept and
    the earlier *kept* columns do not already explain."""
    basis = ColumnBasis(rows)
    return [basis.add(column) for column in columns]


def fit(
    y: Sequence[float],
    columns: Sequence[Sequence[float]],
    day_numbers: Sequence[int],
    *,
    correct_rho_bias: bool = False,
) -> Ar1Fit | None:
    """Regress ``y`` on an intercept and ``columns`` with AR(1) errors.

    Args:
        y: one value per row, rows in date order.
        columns: regressors, each with one value per row (no intercept).
        day_numbers: each row's calendar day (e.g. days since the first),
            strictly increasing.

    Returns:
        The fit, or None when there are too few rows for the number of
        coefficients (fewer than :data:`MIN_RESIDUAL_DF` left) or the
        columns are collinear. Callers treat a fit with ``sigma == 0`` as
        degenerate (nothing varies).

    With ``correct_rho_bias`` the estimated ρ is raised by (1 + 3ρ)/m for m
    adjacent pairs (the known small-sample bias of a lag-1 correlation about
    a fitted mean) before the final fit: it matters for short series whose
    regressor is smooth in time, such as a trend line.
    """
    import numpy as np

    n = len(y)
    p = len(columns) + 1
    df = n - p - 1
    if df < MIN_RESIDUAL_DF:
        return None
    x = np.column_stack([np.ones(n), *[np.asarray(c, dtype=float) for c in columns]])
    yv = np.asarray(y, dtype=float)
    numbers = np.asarray(day_numbers, dtype=float)
    gaps = np.concatenate(([0.0], np.diff(numbers)))
    if np.any(gaps[1:] < 1):
        raise ValueError("day numbers must be strictly increasing")
    follows = gaps == 1.0
    follows[0] = False
    if not _well_conditioned(x.T @ x):
        return None
    beta = _least_squares(x, yv)
    rho = 0.0
    for _ in range(_MAX_ITERATIONS):
        new_rho = _rho(yv - x @ beta, follows)
        xs, ys = _transform(x, yv, gaps, new_rho)
        beta = _least_squares(xs, ys)
        settled = abs(new_rho - rho) < _RHO_TOLERANCE
        rho = new_rho
        if settled:
            break
    pairs = int(follows.sum())
    if correct_rho_bias and pairs >= 3:
        rho = max(-MAX_RHO, min(MAX_RHO, rho + (1.0 + 3.0 * rho) / pairs))
        xs, ys = _transform(x, yv, gaps, rho)
        beta = _least_squares(xs, ys)
    xs, ys = _transform(x, yv, gaps, rho)
    residuals = ys - xs @ beta
    sigma2 = float(residuals @ residuals) / df
    covariance = sigma2 * np.linalg.inv(xs.T @ xs)
    errors = np.sqrt(np.clip(np.diag(covariance), 0.0, None))
    return Ar1Fit(
        coefficients=tuple(float(b) for b in beta),
        std_errors=tuple(float(e) for e in errors),
        df=df,
        rho=rho,
        sigma=math.sqrt(sigma2),
        rows=n,
        covariance=tuple(tuple(float(v) for v in row) for row in covariance),
    )
