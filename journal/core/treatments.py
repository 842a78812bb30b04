"""Treatments over time, and pain before and after one started.

A treatment is a name with a start date and an optional end (physiotherapy,
a new medicine, an injection, a brace, a change at work). For each, the
journal compares daily pain before and after the start with the insights'
machinery: a regression with AR(1) errors over calendar days
(:mod:`journal.core.ar1_regression`), a weekend term, and a straight-line
trend allowed across the whole window, so pain that was already easing is
not credited to the treatment. It says "lower" or "higher" only when the 95%
interval of the change leaves out zero, and only with at least
:data:`MIN_DAYS_PER_SIDE` logged days on each side. Even then it is a before
and after, not a trial: other things change too, and the words say so.

docs/treatments-method.md reports how often this says "lower" or "higher"
when nothing changed, and how often it finds a real 1.5-point change, from
simulated journals (``python -m benchmarks.treatment_simulation``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from journal.core import ar1_regression, clock, stats
from journal.core.catalog import tidy_name
from journal.core.day import DayEntry
from journal.core.errors import ValidationError
from journal.core.validation import EARLIEST_DATE, check_name

#: Logged days needed on each side of the start before anything is said.
MIN_DAYS_PER_SIDE: Final = 21
#: Calendar days looked at on each side of the start.
WINDOW_DAYS: Final = 90
CONFIDENCE: Final = 0.95
#: Extra correction of ρ per regressor (see :func:`_refit_change`); chosen by simulation.
RHO_EXTRA: Final = 1.0
#: The interval is this much wider than the AR(1) model alone gives. Scores are
#: whole numbers, and rounding adds day-to-day noise on top of the AR(1) errors,
#: so the model's own 95% interval held only about 94% in simulated journals;
#: widened by this factor it holds 95% or more (docs/treatments-method.md).
WIDENING: Final = 1.15
#: Leg pain is compared too when it was logged on at least this share of the logged days on each side.
LEG_SHARE: Final = 0.8

LOWER: Final = "lower"
HIGHER: Final = "higher"
NO_CLEAR_CHANGE: Final = "no clear change"
TOO_FEW: Final = "too few days"
CAUTION: Final = "Other things changed too, so this cannot show that the treatment caused it."


@dataclass(frozen=True, slots=True)
class Treatment:
    """A treatment with its start and, once it stopped, its last day."""

    name: str
    start: dt.date
    end: dt.date | None = None

    def active_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def validate_treatment(treatment: Treatment, *, today: dt.date | None = None) -> Treatment:
    """The treatment tidied, or :class:`ValidationError` naming each broken rule."""
    today = today or clock.today()
    problems: list[tuple[str, str]] = []
    name = tidy_name(treatment.name)
    check_name("name", name, problems)
    if not isinstance(treatment.start, dt.date) or isinstance(treatment.start, dt.datetime):
        problems.append(("start", f"must be a calendar date, not {treatment.start!r}"))
    elif treatment.start > today:
        problems.append(("start", f"{treatment.start.isoformat()} is in the future"))
    elif treatment.start < EARLIEST_DATE:
        problems.append(("start", f"{treatment.start.isoformat()} is before {EARLIEST_DATE.year}"))
    end = treatment.end
    if end is not None:
        if not isinstance(end, dt.date) or isinstance(end, dt.datetime):
            problems.append(("end", f"must be a calendar date, not {end!r}"))
        elif isinstance(treatment.start, dt.date) and end < treatment.start:
            problems.append(("end", f"{end.isoformat()} is before the start, {treatment.start.isoformat()}"))
        elif end > today:
            problems.append(("end", f"{end.isoformat()} is in the future"))
    if problems:
        raise ValidationError(problems)
    return Treatment(name, treatment.start, end)


@dataclass(frozen=True, slots=True)
class BeforeAfter:
    """Back pain (or leg pain) before and after a treatment started (after − before, in points)."""

    treatment: Treatment
    days_before: int
    days_after: int
    difference: float | None
    ci_low: float | None
    ci_high: float | None
    verdict: str
    sentence: str
    #: What was compared: "back pain" (the treatment's own result) or "leg pain" (in :attr:`leg`).
    measure: str = "back pain"
    #: Leg pain compared the same way, when it was logged on enough days on each side.
    leg: BeforeAfter | None = None


def _day_label(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')}"


def compare(
    days_before: Sequence[tuple[int, float, bool]], days_after: Sequence[tuple[int, float, bool]]
) -> tuple[float, float, float] | None:
    """The change at the start (after − before) with its 95% interval, or None.

    Each row is ``(day number, pain, weekend)``, in date order. The model:
    pain = a + change·after + slope·day + weekend term, AR(1) errors over the
    calendar (the small-sample correction of ρ the trend uses).
    """
    rows = [*days_before, *days_after]
    if not rows:
        return None
    first = rows[0][0]
    numbers = [r[0] - first for r in rows]
    after = [0.0] * len(days_before) + [1.0] * len(days_after)
    weekend = [1.0 if r[2] else 0.0 for r in rows]
    columns: list[list[float]] = [after, [float(n) for n in numbers]]
    if 0 < sum(weekend) < len(rows):
        columns.append(weekend)
    y = [r[1] for r in rows]
    fit = ar1_regression.fit(y, columns, numbers, correct_rho_bias=True)
    if fit is None or fit.sigma == 0:
        return None
    change, error, df = _refit_change(y, columns, numbers, fit.rho)
    margin = stats.t_quantile(1 - (1 - CONFIDENCE) / 2, df) * error * WIDENING
    return change, change - margin, change + margin


def _refit_change(
    y: Sequence[float], columns: Sequence[Sequence[float]], numbers: Sequence[int], rho: float
) -> tuple[float, float, int]:
    """The change and its standard error at ρ raised once more for the regressors.

    The lag-1 correlation of regression residuals is biased low by about one
    (1 + ρ)/m per regressor besides the intercept's (1 + 3ρ)/m, which the fit
    already adds; a step and a trend are smooth in time, so their intervals
    are the most sensitive to it. Without this the "no change" journals of
    the simulation were called lower or higher in 7–8% (see
    docs/treatments-method.md).
    """
    import numpy as np

    x = np.column_stack([np.ones(len(y)), *[np.asarray(c, dtype=float) for c in columns]])
    yv = np.asarray(y, dtype=float)
    day = np.asarray(numbers, dtype=float)
    gaps = np.concatenate(([0.0], np.diff(day)))
    pairs = int(np.sum(gaps[1:] == 1.0))
    adjusted = min(ar1_regression.MAX_RHO, rho + RHO_EXTRA * len(columns) * (1.0 + rho) / max(pairs, 1))
    xs, ys = ar1_regression._transform(x, yv, gaps, adjusted)
    beta = np.linalg.solve(xs.T @ xs, xs.T @ ys)
    df = len(y) - x.shape[1] - 1
    residuals = ys - xs @ beta
    covariance = float(residuals @ residuals) / df * np.linalg.inv(xs.T @ xs)
    return float(beta[1]), float(np.sqrt(covariance[1, 1])), df


def before_after(entries: Sequence[DayEntry], treatment: Treatment, *, until: dt.date | None = None) -> BeforeAfter:
    """Back pain in the :data:`WINDOW_DAYS` before ``treatment`` started and after it.

    The after side ends at the treatment's end, :data:`WINDOW_DAYS` after the
    start, or ``until`` (the end of the period shown), whichever comes first.
    Leg pain is compared the same way (in :attr:`BeforeAfter.leg`) when it was
    logged on at least :data:`LEG_SHARE` of the logged days on each side.
    """
    start = treatment.start
    last = start + dt.timedelta(days=WINDOW_DAYS - 1)
    for bound in (treatment.end, until):
        if bound is not None:
            last = min(last, bound)
    first = start - dt.timedelta(days=WINDOW_DAYS)
    ordered = sorted((e for e in entries if first <= e.date <= last), key=lambda e: e.date)
    back = _compare_measure(ordered, treatment, "back pain", lambda e: float(e.back_pain))
    days_before = sum(1 for e in ordered if e.date < start)
    days_after = len(ordered) - days_before
    legs_before = sum(1 for e in ordered if e.date < start and e.leg_pain is not None)
    legs_after = sum(1 for e in ordered if e.date >= start and e.leg_pain is not None)
    if days_before and days_after and legs_before >= LEG_SHARE * days_before and legs_after >= LEG_SHARE * days_after:
        leg = _compare_measure(ordered, treatment, "leg pain", lambda e: None if e.leg_pain is None else float(e.leg_pain))
        if leg.verdict != TOO_FEW:
            return replace(back, leg=leg)
    return back


def _compare_measure(
    ordered: Sequence[DayEntry], treatment: Treatment, measure: str, value_of: Callable[[DayEntry], float | None]
) -> BeforeAfter:
    """One measure ("back pain" or "leg pain") before and after the start, worded; the
    caution about other changes is said once, with back pain."""
    start = treatment.start
    rows = [(e.date, value_of(e)) for e in ordered]
    before = [(d.toordinal(), v, d.weekday() >= 5) for d, v in rows if v is not None and d < start]
    after = [(d.toordinal(), v, d.weekday() >= 5) for d, v in rows if v is not None and d >= start]
    since = f"since you started {treatment.name} on {_day_label(start)}"
    caution = f" {CAUTION}" if measure == "back pain" else ""
    if len(before) < MIN_DAYS_PER_SIDE or len(after) < MIN_DAYS_PER_SIDE:
        sentence = (
            f"{since[0].upper()}{since[1:]}: too few days to compare yet. Comparing needs at least "
            f"{MIN_DAYS_PER_SIDE} logged days before the start and {MIN_DAYS_PER_SIDE} after it "
            f"(there are {len(before)} and {len(after)})."
        )
        return BeforeAfter(treatment, len(before), len(after), None, None, None, TOO_FEW, sentence, measure)
    found = compare(before, after)
    if found is None:
        sentence = f"{since[0].upper()}{since[1:]}: your {measure} varied too little to compare."
        return BeforeAfter(treatment, len(before), len(after), None, None, None, NO_CLEAR_CHANGE, sentence, measure)
    change, low, high = (round(v, 1) for v in found)
    if found[2] < 0:
        verdict = LOWER
        words = f"your {measure} averaged {abs(change):.1f} points lower (95% interval {abs(high):.1f} to {abs(low):.1f})"
    elif found[1] > 0:
        verdict = HIGHER
        words = f"your {measure} averaged {change:.1f} points higher (95% interval {low:.1f} to {high:.1f})"
    else:
        verdict = NO_CLEAR_CHANGE
        words = f"your {measure} did not clearly change (the change was between {low:+.1f} and {high:+.1f} points, 95% interval)"
    sentence = f"{since[0].upper()}{since[1:]}, {words}, allowing for weekends and for the way it was already changing.{caution}"
    return BeforeAfter(treatment, len(before), len(after), change, low, high, verdict, sentence, measure)


def treatment_words(treatment: Treatment) -> str:
    """ "physiotherapy, from 3 October 2026" or "… from 3 October to 14 November 2026"."""
    start = f"{_day_label(treatment.start)} {treatment.start.year}"
    if treatment.end is None:
        return f"{treatment.name}, from {start}"
    return f"{treatment.name}, from {start} to {_day_label(treatment.end)} {treatment.end.year}"
