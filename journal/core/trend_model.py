"""Direction of back pain over a period: a line with AR(1)-aware errors, or a step.

The straight line is fitted to each logged day's back pain against its
date with AR(1) errors over calendar days (see
:mod:`journal.core.ar1_regression`), because runs of similar days make
ordinary intervals far too narrow. Its interval is never narrower than
one that allows for AR(1) pain seen through day-to-day noise
(:mod:`journal.core.noisy_ar1`, see :func:`_noisy_error`): whole-number
scores and each day's own ups and downs hide how slowly pain wanders, and a
plain AR(1) fit then called a direction in a third of very persistent
diaries with no trend. A verdict needs at least
:data:`MIN_TREND_DAYS` logged days. When the pain moved from one level to
another rather than drifting, that is described as a step ("your 7-day
average went from 3.0 to 7.0 around 14 Nov"), using the same 7-day average
the chart draws.

Both fits carry a weekend term (Saturday or Sunday) when the days include
at least :data:`MIN_WEEKEND_DAYS` of each kind, so a weekly rhythm is
adjusted for and never mistaken for part of a trend; it is not reported.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from journal.core import ar1_regression, noisy_ar1, stats

MIN_TREND_DAYS: Final = 21
#: A step needs this many logged days on each side.
MIN_STEP_SIDE_DAYS: Final = 7
#: …a change of at least this many points between the two levels…
MIN_STEP_POINTS: Final = 2.0
#: …and a t statistic at least this large: stricter than 1.96 because the
#: step's date is chosen as the best of many.
MIN_STEP_T: Final = 5.0
#: No interval wider than the 0–10 scale is shown (per month).
SCALE_POINTS: Final = 10.0
DAYS_PER_MONTH: Final = 30
MIN_WEEKEND_DAYS: Final = 5
#: Above this day-to-day correlation, pain drifts so much on its own that
#: fewer than :data:`MIN_DAYS_WHEN_PERSISTENT` logged days cannot show a
#: direction: simulated series with no trend were otherwise called improving
#: or worsening in a fifth to a third of journals.
PERSISTENT_RHO: Final = 0.9
#: The correlation about the line that still counts as "the line does not explain the persistence away".
LINE_RHO_FLOOR: Final = 0.7
MIN_DAYS_WHEN_PERSISTENT: Final = 180
#: The weight of the errors estimated about one level (as if nothing changed) in the
#: weighted geometric mean of the two standard errors (see :func:`_noisy_error`).
NULL_WEIGHT: Final = 0.5


@dataclass(frozen=True, slots=True)
class LineFit:
    """Slope in points per day with its 95% interval; ``flat`` when every day had the same pain."""

    slope: float
    ci_low: float
    ci_high: float
    flat: bool = False
    rho: float = 0.0  # day-to-day correlation of the errors about the line (small-sample corrected)
    level_rho: float = 0.0  # … about one usual level (see :func:`too_persistent`)


@dataclass(frozen=True, slots=True)
class Step:
    """Back pain moved from one level to another, from ``date`` on (levels are 7-day averages)."""

    date: dt.date
    before: float
    after: float
    change: float  # the model's estimate of the jump, in points


def _day_numbers(dates: Sequence[dt.date]) -> list[int]:
    return [d.toordinal() for d in dates]


def too_persistent(fit: LineFit | None, days: int) -> bool:
    """Whether the pain runs on from day to day too strongly for ``days`` logged days to show a direction.

    Persistent means a day-to-day correlation above :data:`PERSISTENT_RHO`,
    either about the line, or about one usual level while the correlation
    about the line stays above :data:`LINE_RHO_FLOOR`. A line through a short
    stretch of slowly wandering pain soaks up the wandering, so the
    correlation about the line alone understates it (in simulated series with
    no trend and a correlation of 0.90-0.97 it was often 0.8); a real, clean
    change of level makes the correlation about one level high but leaves
    little about the line.
    """
    if fit is None or fit.flat or days >= MIN_DAYS_WHEN_PERSISTENT:
        return False
    return fit.rho > PERSISTENT_RHO or (fit.level_rho > PERSISTENT_RHO and fit.rho > LINE_RHO_FLOOR)


def weekend_columns(dates: Sequence[dt.date]) -> list[list[float]]:
    """The weekend term (1 on Saturdays and Sundays) as a list of one column, or no column
    when fewer than :data:`MIN_WEEKEND_DAYS` days are weekend days or weekdays."""
    values = [1.0 if d.weekday() >= 5 else 0.0 for d in dates]
    weekend = int(sum(values))
    return [values] if min(weekend, len(values) - weekend) >= MIN_WEEKEND_DAYS else []


def fit_line(dates: Sequence[dt.date], pains: Sequence[int]) -> LineFit | None:
    """The AR(1) line through the logged days, or None with fewer than :data:`MIN_TREND_DAYS`."""
    if len(pains) < MIN_TREND_DAYS:
        return None
    if len(set(pains)) == 1:
        return LineFit(0.0, 0.0, 0.0, flat=True)
    xs = [float((d - dates[0]).days) for d in dates]
    result = ar1_regression.fit(
        [float(p) for p in pains], [xs, *weekend_columns(dates)], _day_numbers(dates), correct_rho_bias=True
    )
    if result is None or not result.std_errors[1] > 0:
        return None
    half = max(stats.t_quantile(0.975, result.df) * result.std_errors[1], _noisy_error(dates, pains, xs, 0.975))
    slope = result.coefficients[1]
    if 2 * half * DAYS_PER_MONTH > SCALE_POINTS:
        return None
    level = ar1_regression.fit([float(p) for p in pains], weekend_columns(dates), _day_numbers(dates), correct_rho_bias=True)
    return LineFit(
        slope,
        slope - half,
        slope + half,
        rho=result.rho,
        level_rho=0.0 if level is None else level.rho,
    )


def day_to_day_rho(dates: Sequence[dt.date], pains: Sequence[int]) -> float | None:
    """The day-to-day correlation about the AR(1) line, also when the line's interval is too
    wide to give (:func:`fit_line` returns None then); None with too few or all-equal days."""
    if len(pains) < MIN_TREND_DAYS or len(set(pains)) == 1:
        return None
    xs = [float((d - dates[0]).days) for d in dates]
    result = ar1_regression.fit(
        [float(p) for p in pains], [xs, *weekend_columns(dates)], _day_numbers(dates), correct_rho_bias=True
    )
    return None if result is None else result.rho


def _noisy_error(dates: Sequence[dt.date], pains: Sequence[int], tested: Sequence[float], quantile: float) -> float:
    """``quantile``-scaled standard error of the ``tested`` column's coefficient with
    AR(1)-plus-noise errors (:mod:`journal.core.noisy_ar1`); 0 when it cannot be fitted.

    ``quantile`` is a probability for the t quantile with the design-effect
    degrees of freedom (0.975 for half a 95% interval), or 0 for the bare
    standard error. The errors are estimated twice: about the fitted model,
    and about one level as if ``tested`` had no effect. About the model,
    slowly wandering pain that happens to drift one way is soaked up by the
    line (or step), so the errors look less persistent than they are exactly
    where the line looks clearest: alone, a direction was called in 15% of
    very persistent diaries with no trend. About one level, a real change
    itself looks like persistence, so alone it hides real changes (a 2-point
    fall over 90 days was found in 4% of diaries, and a clean staircase from
    1 to 8 not at all). The result is their weighted geometric mean, with
    :data:`NULL_WEIGHT` on the one about one level.
    """
    columns = [list(tested), *weekend_columns(dates)]
    values = [float(p) for p in pains]
    errors = []
    for null in ((), (0,)):
        fit = noisy_ar1.fit(values, columns, _day_numbers(dates), tested=null)
        if fit is None:
            return 0.0
        scale = stats.t_quantile(quantile, fit.df[1]) if quantile else 1.0
        errors.append(scale * fit.std_errors[1])
    return float(errors[0] ** (1.0 - NULL_WEIGHT) * errors[1] ** NULL_WEIGHT)


def _best_split(pains: Sequence[int]) -> int | None:
    """The index where two flat levels fit best (least squares), at least
    :data:`MIN_STEP_SIDE_DAYS` logged days from either end."""
    n = len(pains)
    if n < 2 * MIN_STEP_SIDE_DAYS:
        return None
    prefix = [0.0]
    prefix_sq = [0.0]
    for p in pains:
        prefix.append(prefix[-1] + p)
        prefix_sq.append(prefix_sq[-1] + p * p)

    def sse(a: int, b: int) -> float:
        total = prefix[b] - prefix[a]
        return prefix_sq[b] - prefix_sq[a] - total * total / (b - a)

    return min(range(MIN_STEP_SIDE_DAYS, n - MIN_STEP_SIDE_DAYS + 1), key=lambda k: sse(0, k) + sse(k, n))


def _step_beats_line(dates: Sequence[dt.date], pains: Sequence[int], split: int) -> bool:
    """Whether two flat levels fit the days better than one straight line (least squares)."""
    xs = [float((d - dates[0]).days) for d in dates]
    line = stats.linear_slope(xs, [float(p) for p in pains])
    if line is None:
        return False
    line_sse = math.fsum((p - line.intercept - line.slope * x) ** 2 for x, p in zip(xs, pains))
    step_sse = 0.0
    for part in (pains[:split], pains[split:]):
        centre = math.fsum(part) / len(part)
        step_sse += math.fsum((p - centre) ** 2 for p in part)
    return step_sse < line_sse


def find_step(
    dates: Sequence[dt.date],
    pains: Sequence[int],
    rolling: dict[dt.date, float],
) -> Step | None:
    """A clear step between two levels, or None.

    ``rolling`` maps dates to the drawn 7-day average; the step is reported
    as its value the day before the step and six days after it (the first
    window wholly after it), falling back to the nearest available value.
    """
    split = _best_split(pains)
    if split is None or not _step_beats_line(dates, pains, split):
        return None
    indicator = [0.0] * split + [1.0] * (len(pains) - split)
    result = ar1_regression.fit(
        [float(p) for p in pains], [indicator, *weekend_columns(dates)], _day_numbers(dates), correct_rho_bias=True
    )
    if result is None or not result.std_errors[1] > 0:
        return None
    change = result.coefficients[1]
    if abs(change) < MIN_STEP_POINTS or abs(change / result.std_errors[1]) < MIN_STEP_T:
        return None
    if abs(change) < MIN_STEP_T * _noisy_error(dates, pains, indicator, 0.0):
        return None
    step_date = dates[split]
    before = _nearest(rolling, step_date - dt.timedelta(days=1), backwards=True)
    after = _nearest(rolling, step_date + dt.timedelta(days=6), backwards=False)
    if before is None or after is None or math.isclose(before, after):
        return None
    return Step(step_date, before, after, change)


def _nearest(rolling: dict[dt.date, float], day: dt.date, *, backwards: bool) -> float | None:
    """The rolling value on ``day``, else the nearest one within a week in the given direction."""
    for offset in range(7):
        candidate = day - dt.timedelta(days=offset) if backwards else day + dt.timedelta(days=offset)
        if candidate in rolling:
            return rolling[candidate]
    return None
