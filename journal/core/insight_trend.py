"""Weeks, the trend of back pain (:mod:`journal.core.trend_model`) and the weekly PEG over a period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from journal.core import stats, trend_model
from journal.core.day import DayEntry
from journal.core.insight_period import daily_values, period_days
from journal.core.insight_period import iso_week_label as _iso_week_label
from journal.core.insight_period import one_decimal as _fmt
from journal.core.insight_period import week_monday as _week_monday
from journal.core.insight_period import week_number as _week_number

# Weeks and trend
MIN_DAYS_PER_WEEK: Final = 4
MIN_TREND_POINTS: Final = trend_model.MIN_TREND_DAYS
STEADY_BAND_PER_DAY: Final = 0.02  # no longer decides "steady" (see STEADY_POINTS); kept for callers
#: "Steady": the whole period's change is within this many points either way (95% interval).
STEADY_POINTS: Final = 1.0
DAYS_PER_MONTH: Final = 30
TREND_IMPROVING: Final = "improving"
TREND_WORSENING: Final = "worsening"
TREND_STEADY: Final = "steady"
TREND_UNCLEAR: Final = "unclear"
TREND_TOO_FEW: Final = "too few days"

# PEG
PEG_EDGE_DAYS: Final = 7


@dataclass(frozen=True, slots=True)
class WeekStat:
    """Mean back pain over the logged days of one ISO week inside the period."""

    week: str  # e.g. 2024-W05
    start: dt.date  # Monday
    end: dt.date  # Sunday
    days_logged: int
    mean_back_pain: float


@dataclass(frozen=True, slots=True)
class WeeklyValue:
    """A mean over the days of one ISO week (Monday ``week_start``) that had a value."""

    week_start: dt.date
    mean: float
    days: int


@dataclass(frozen=True, slots=True)
class Trend:
    """Trend of back pain in points per day (see :func:`trend`).

    ``points`` is the number of logged days used; ``start_avg``/``end_avg``
    are the first and last available 7-day rolling averages.
    """

    slope_per_day: float | None
    ci_low: float | None
    ci_high: float | None
    verdict: str
    sentence: str
    points: int
    start_avg: float | None
    end_avg: float | None
    step: trend_model.Step | None = None
    details: str = ""  # the numbers behind the sentence
    rho: float | None = None  # day-to-day correlation about the line (None without a fit)


def week_stats(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[WeekStat]:
    """ISO weeks with at least 4 logged days inside the period, in date order."""
    groups: dict[int, list[int]] = {}
    for entry in period_days(days, start, end):
        groups.setdefault(_week_number(entry.date), []).append(entry.back_pain)
    weeks: list[WeekStat] = []
    for number, pains in groups.items():
        if len(pains) >= MIN_DAYS_PER_WEEK:
            monday = _week_monday(number)
            weeks.append(
                WeekStat(_iso_week_label(monday), monday, monday + dt.timedelta(days=6), len(pains), sum(pains) / len(pains))
            )
    return weeks


def best_and_worst_weeks(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> tuple[WeekStat | None, WeekStat | None]:
    """Lowest and highest mean back pain week (earliest wins a tie)."""
    weeks = week_stats(days, start, end)
    if not weeks:
        return None, None
    best = min(weeks, key=lambda w: w.mean_back_pain)
    worst = max(weeks, key=lambda w: w.mean_back_pain)
    return best, worst


def rolling_back_pain(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[float | None]:
    """7-day rolling mean of back pain for every date of the period.

    The window of the first days reaches back before ``start`` when those
    days are in ``days``, so this is exactly the line the charts draw.
    """
    lead = start - dt.timedelta(days=stats.ROLLING_WINDOW_DAYS - 1)
    entries = period_days(days, lead, end)
    values = stats.rolling_mean(daily_values(entries, lead, end, lambda e: e.back_pain))
    return values[(start - lead).days :]


def trend_verdict(ci_low: float, ci_high: float, span_days: float = DAYS_PER_MONTH) -> str:
    """improving (CI below 0), worsening (above 0), steady, else unclear.

    Steady means the interval of the *whole period's* change (the slope's
    interval times ``span_days``, the days from the first logged day to the
    last) lies within :data:`STEADY_POINTS` either way: a band per month
    would call a real change of 2 points over six months "steady".
    """
    if ci_high < 0:
        return TREND_IMPROVING
    if ci_low > 0:
        return TREND_WORSENING
    if ci_low * span_days >= -STEADY_POINTS and ci_high * span_days <= STEADY_POINTS:
        return TREND_STEADY
    return TREND_UNCLEAR


def _step_sentence(step: trend_model.Step) -> str:
    direction = "up" if step.after > step.before else "down"
    return (
        f"Your back pain changed step-wise rather than gradually: your 7-day average went "
        f"{direction} from {_fmt(step.before)} to {_fmt(step.after)} around "
        f"{step.date.day} {step.date:%b}."
    )


def _persistent_sentence(points: int) -> str:
    return (
        "There is no clear trend in your back pain yet: it runs on from one day to the next so "
        f"strongly that {points} logged days cannot show a direction; it takes about "
        f"{trend_model.MIN_DAYS_WHEN_PERSISTENT // DAYS_PER_MONTH} months of logging."
    )


def _trend_sentence(verdict: str, fit: trend_model.LineFit | None, points: int, span_days: float = DAYS_PER_MONTH) -> str:
    if verdict == TREND_TOO_FEW:
        if points >= MIN_TREND_POINTS:
            return "Too few days to tell the direction of your back pain yet: the days vary too much for so short a period."
        return f"Not enough logged days to judge a trend: it needs at least {MIN_TREND_POINTS} logged days."
    assert fit is not None
    per_month = fit.slope * DAYS_PER_MONTH
    if verdict == TREND_IMPROVING:
        return f"Your 7-day average back pain went down over this period, by about {_fmt(-per_month)} points a month."
    if verdict == TREND_WORSENING:
        return f"Your 7-day average back pain went up over this period, by about {_fmt(per_month)} points a month."
    if verdict == TREND_STEADY:
        if fit.flat:
            return "Your back pain was the same on every logged day of this period."
        return (
            f"Your back pain stayed steady over this period: it changed by about {_fmt(fit.slope * span_days)} "
            f"points from start to end, and any change was within {_fmt(STEADY_POINTS)} point either way."
        )
    return "There is no clear trend in your back pain over this period."


def _trend_details(fit: trend_model.LineFit | None, step: trend_model.Step | None, points: int) -> str:
    """The numbers behind the trend sentence, for "Details" and for clinicians."""
    if step is not None:
        return (
            f"Step of {_fmt(step.change)} points from {step.date.isoformat()}; it fits "
            f"better than a straight line ({points} logged days, AR(1) errors plus day-to-day noise)."
        )
    if fit is None or fit.flat:
        return ""
    per_month = fit.slope * DAYS_PER_MONTH
    low, high = fit.ci_low * DAYS_PER_MONTH, fit.ci_high * DAYS_PER_MONTH
    return (
        f"Change per month {_fmt(per_month)} points (95% CI {_fmt(low)} to {_fmt(high)}; "
        f"{points} logged days, AR(1) errors plus day-to-day noise)."
    )


def trend(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> Trend:
    """Direction of back pain over the period (see :mod:`journal.core.trend_model`).

    No direction is given when the day-to-day correlation is above
    :data:`journal.core.trend_model.PERSISTENT_RHO` and fewer than
    :data:`journal.core.trend_model.MIN_DAYS_WHEN_PERSISTENT` days are logged.

    The line is fitted to each logged day's back pain against its date with
    AR(1) errors; fitting the rolling averages themselves would treat
    overlapping windows as independent. Needs at least
    :data:`MIN_TREND_POINTS` logged days, otherwise the verdict is
    "too few days", as it is when the interval would be wider than the
    0-10 scale. A clear step between two levels is described as a step
    (verdict worsening or improving, ``step`` set). ``start_avg`` and
    ``end_avg`` are the drawn 7-day average on the first and last days of
    the period (or the nearest days that have one).
    """
    entries = period_days(days, start, end)
    dates = [e.date for e in entries]
    pains = [e.back_pain for e in entries]
    rolling = rolling_back_pain(days, start, end)
    drawn = {start + dt.timedelta(days=i): v for i, v in enumerate(rolling) if v is not None}
    present = [v for v in rolling if v is not None]
    fit = trend_model.fit_line(dates, pains)
    persistent = trend_model.too_persistent(fit, len(pains))
    step = trend_model.find_step(dates, pains, drawn) if len(pains) >= MIN_TREND_POINTS and not persistent else None
    if persistent:
        verdict = TREND_UNCLEAR
        sentence = _persistent_sentence(len(pains))
    elif step is not None:
        verdict = TREND_WORSENING if step.after > step.before else TREND_IMPROVING
        sentence = _step_sentence(step)
    else:
        span = float(max((dates[-1] - dates[0]).days, 1)) if dates else float(DAYS_PER_MONTH)
        verdict = TREND_TOO_FEW if fit is None else trend_verdict(fit.ci_low, fit.ci_high, span)
        sentence = _trend_sentence(verdict, fit, len(pains), span)
    return Trend(
        slope_per_day=None if fit is None else fit.slope,
        ci_low=None if fit is None else fit.ci_low,
        ci_high=None if fit is None else fit.ci_high,
        verdict=verdict,
        sentence=sentence,
        points=len(pains),
        start_avg=present[0] if present else None,
        end_avg=present[-1] if present else None,
        step=step,
        details=_trend_details(fit, step, len(pains)),
        rho=(None if fit.flat else fit.rho) if fit is not None else trend_model.day_to_day_rho(dates, pains),
    )


# ---------------------------------------------------------------- PEG


def weekly_peg(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[WeeklyValue]:
    """Mean PEG per ISO week over the period's days that have a PEG score."""
    groups: dict[int, list[float]] = {}
    for entry in period_days(days, start, end):
        peg = entry.peg
        if peg is not None:
            groups.setdefault(_week_number(entry.date), []).append(peg)
    return [WeeklyValue(_week_monday(n), sum(v) / len(v), len(v)) for n, v in groups.items()]


def peg_start_end(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> tuple[float | None, float | None]:
    """Mean PEG of the first and of the last calendar week with a PEG score in the period.

    These are the weeks the chart draws (see :func:`weekly_peg`), so the words and
    the chart agree. With a single such week there is nothing to compare it with
    yet: the last is None ("too few days yet"); with none, both are None.
    """
    weeks = sorted(weekly_peg(days, start, end), key=lambda w: w.week_start)
    if not weeks:
        return None, None
    if len(weeks) == 1:
        return weeks[0].mean, None
    return weeks[0].mean, weeks[-1].mean
