"""Fitting the trigger model: AR(1) regression of one outcome (back or leg
pain) on its columns, overlapping columns compared together, the
top-of-scale correction, and the breaks model over the days with timed sitting.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from journal.core import ar1_regression, stats
from journal.core.day import DayEntry
from journal.core.trigger_columns import (
    Column,
    choose_columns,
    columns_for_measures,
    columns_for_triggers,
    compared_rows,
    weekend_columns,
)
from journal.core.trigger_types import (
    BREAKS_KEY,
    MAX_VIF,
    MIN_BELOW_TOP_SHARE,
    MIN_BREAK_DAYS,
    MIN_DAYS_PER_SIDE,
    MIN_LEG_SHARE,
    MIN_OVERLAP_CORRELATION,
    SCALE_POINTS,
)


def _group_overlaps(chosen: list[Column], result: ar1_regression.Ar1Fit, quantile: float, factor: float) -> None:
    """Columns that cannot be told apart are compared as one.

    A reported column whose variance inflation factor is above
    :data:`MAX_VIF` is joined with the reported column it is most correlated
    with. Each group is reported once, by its *anchor* (a same-day trigger
    when there is one, since "days with prolonged sitting" is plainer than
    "per hour of sitting"): the estimate is the difference in pain that goes
    with the anchor *together with* the usual change of the other members
    (each member's coefficient weighted by its regression on the anchor,
    which for a 0/1 trigger is the difference in the member's mean between
    days with and without it), with its interval from the coefficients'
    covariance. The other members carry no estimate of their own; their
    p-values leave the Holm family and the group's one joins it.
    """
    import numpy as np

    reported = [k for k, c in enumerate(chosen) if c.kind != "adjust" and c.estimate is not None]
    if len(reported) < 2 or not result.covariance:
        return
    x = np.array([c.values for c in chosen], dtype=float).T
    centred = x - x.mean(axis=0)
    norms = np.linalg.norm(centred, axis=0)
    if not np.all(norms > 0):
        return
    corr = (centred.T @ centred) / np.outer(norms, norms)
    vif = np.diag(np.linalg.pinv(corr))
    parent = {k: k for k in reported}

    def root(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for k in reported:
        chosen[k].vif = float(vif[k])
        if vif[k] <= MAX_VIF:
            continue
        j = max((j for j in reported if j != k), key=lambda j: abs(float(corr[k, j])))
        if abs(float(corr[k, j])) >= MIN_OVERLAP_CORRELATION:
            parent[root(k)] = root(j)
    groups: dict[int, list[int]] = {}
    for k in reported:
        groups.setdefault(root(k), []).append(k)
    beta = np.asarray(result.coefficients)
    covariance = np.asarray(result.covariance)
    for members in groups.values():
        if len(members) < 2:
            continue
        anchor = min(
            members,
            key=lambda k: (chosen[k].kind != "trigger", chosen[k].lag, -min(chosen[k].days_with, chosen[k].days_without), k),
        )
        base = centred[:, anchor]
        weights = np.array([float(centred[:, k] @ base) / float(base @ base) for k in members])
        at = [k + 1 for k in members]  # the intercept comes first
        combined = float(weights @ beta[at])
        se = math.sqrt(max(float(weights @ covariance[np.ix_(at, at)] @ weights), 0.0))
        lead = chosen[anchor]
        lead.members = [chosen[k] for k in members if k != anchor]
        for member in lead.members:
            member.partner = lead
            member.estimate = None
        lead.estimate = _scaled_estimate(combined, se, quantile, factor, result.df)
        if lead.estimate is None:
            lead.problem = "wide"


def _scaled_estimate(
    beta: float, se: float, quantile: float, factor: float, df: int
) -> tuple[float, float, float, float, float] | None:
    """(difference, low, high, p, t) on the uncut scale (see :func:`ceiling_factor`); None when the
    interval would be wider than the whole scale or has no width."""
    if not se > 0 or 2 * quantile * se * factor > SCALE_POINTS:
        return None
    t = beta / se
    return (beta * factor, (beta - quantile * se) * factor, (beta + quantile * se) * factor, stats.two_sided_p(t, df), t)


def _estimate(chosen: list[Column], y: list[float], day_numbers: list[int], *, group: bool = False) -> float | None:
    """Fit the model, store each column's estimate; returns ρ, or None when it cannot be fitted.

    With ``group``, columns that cannot be told apart are compared together (:func:`_group_overlaps`)."""
    result = ar1_regression.fit(y, [c.values for c in chosen], day_numbers, correct_rho_bias=True)
    if result is None:
        for column in chosen:
            column.problem = "model"
        return None
    if result.sigma <= 1e-9:
        for column in chosen:
            column.problem = "flat"
        return result.rho
    quantile = stats.t_quantile(0.975, result.df)
    factor = ceiling_factor(y)
    for column, beta, se in zip(chosen, result.coefficients[1:], result.std_errors[1:]):
        column.estimate = _scaled_estimate(beta, se, quantile, factor, result.df)
        if column.estimate is None:
            column.problem = "wide"
    if group:
        _group_overlaps(chosen, result, quantile, factor)
    return result.rho


def ceiling_factor(y: Sequence[float]) -> float:
    """How much the scale's top squashes differences: 1 / (share of days below 10).

    A score of 10 means "10 or more": the pain could not be scored higher,
    so a difference in the scores understates the difference in pain. For a
    regression on a variable cut off at one end, least squares shrinks every
    slope by about the share of values not cut off (Greene 1981, exact for
    normal regressors; McDonald and Moffitt 1980); dividing by it puts the
    estimate and its interval back on the uncut scale. Tests and verdicts do
    not change (both ends of the interval scale alike). 1 when no day is at 10.
    """
    if not y:
        return 1.0
    below = sum(1 for v in y if v < SCALE_POINTS) / len(y)
    return 1.0 / below if below >= MIN_BELOW_TOP_SHARE else 1.0 / MIN_BELOW_TOP_SHARE


def _breaks_column(
    entries: Sequence[DayEntry], rows: list[int], spellings: dict[str, str], break_rates: Mapping[dt.date, float]
) -> Column | None:
    """Breaks per sitting hour, estimated in the model restricted to the rows that have a value.

    None when no compared day has a value (nothing to say). Otherwise the
    column carries its estimate, or a ``problem`` saying why there is none.
    """
    with_rate = [i for i in rows if entries[i].date in break_rates]
    if not with_rate:
        return None
    column = Column("measure", BREAKS_KEY, 0, [], days_with=len(with_rate))
    if len(with_rate) < MIN_BREAK_DAYS:
        column.problem = "few-breaks"
        return column
    measure_columns, complete = columns_for_measures(entries, with_rate)
    with_rate = [with_rate[k] for k in complete]
    values = [break_rates[entries[i].date] for i in with_rate]
    column.days_with = len(values)
    if len(values) < MIN_BREAK_DAYS:
        column.problem = "few-breaks"
        return column
    if len(values) - Counter(values).most_common(1)[0][1] < MIN_DAYS_PER_SIDE:
        column.problem = "same-breaks"
        return column
    mean = sum(values) / len(values)
    column.values = [v - mean for v in values]
    trigger_columns = columns_for_triggers(entries, with_rate, spellings)
    adjust = weekend_columns(entries, with_rate)
    chosen = choose_columns([*adjust, column, *measure_columns, *trigger_columns], len(with_rate))
    if column in chosen:
        day_numbers = [entries[i].date.toordinal() for i in with_rate]
        _estimate(chosen, [float(entries[i].back_pain) for i in with_rate], day_numbers)
    return column


@dataclass
class OutcomeFit:
    """One outcome's model: its columns, before the Holm control."""

    trigger_columns: list[Column]
    measure_columns: list[Column]
    estimated: list[Column]
    rows: list[int]
    rho: float | None


def fit_outcome(
    entries: Sequence[DayEntry],
    spellings: dict[str, str],
    outcome: Callable[[DayEntry], float],
    break_rates: Mapping[dt.date, float] | None,
) -> OutcomeFit:
    all_rows = compared_rows(entries)
    measure_columns, complete = columns_for_measures(entries, all_rows)
    rows = [all_rows[k] for k in complete]
    trigger_columns = columns_for_triggers(entries, rows, spellings)
    chosen = choose_columns(weekend_columns(entries, rows) + measure_columns + trigger_columns, len(rows))
    for column in trigger_columns:
        if column.problem == "few" and column.days_without == 0 and column.days_with > 0:
            column.problem = "never-without"
    day_numbers = [entries[i].date.toordinal() for i in rows]
    rho = (
        _estimate(chosen, [outcome(entries[i]) for i in rows], day_numbers, group=True)
        if any(c.kind != "adjust" for c in chosen)
        else None
    )
    breaks = _breaks_column(entries, all_rows, spellings, break_rates) if break_rates else None
    if breaks is not None:
        measure_columns.append(breaks)
    reported = [c for c in chosen if c.kind != "adjust"]
    estimated = [c for c in [*reported, *([breaks] if breaks is not None else [])] if c.estimate is not None]
    return OutcomeFit(trigger_columns, measure_columns, estimated, rows, rho)


def leg_entries(entries: Sequence[DayEntry], back: OutcomeFit) -> list[DayEntry] | None:
    """The days with leg pain, when leg pain is logged on at least :data:`MIN_LEG_SHARE` of the back model's days."""
    if not back.rows:
        return None
    with_leg = sum(entries[i].leg_pain is not None for i in back.rows)
    if with_leg < MIN_LEG_SHARE * len(back.rows):
        return None
    return [e for e in entries if e.leg_pain is not None]


def leg_value(entry: DayEntry) -> float:
    return float(entry.leg_pain if entry.leg_pain is not None else 0)
