"""Patterns in the journal over a period, worded as associations, never causes.

Every function takes ``days`` sorted by date (ascending, one entry per date)
together with the period bounds ``start`` and ``end`` (inclusive), and only
looks at entries inside the period. The one exception is the flare baseline:
:func:`flare_dates` lets the logged days of the 31 calendar days before
``start`` set the person's usual level, exactly as :mod:`journal.core.flares`
defines it.

Rules shared by all insights:

* Unlogged days are unknown, never zero.
* A rolling 7-day average needs at least 3 logged days in its window and is
  computed from days inside the period only.
* Anything that looks at "the next day" (trigger lag 1, boom-bust, activity
  baselines) only uses days inside the period.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from journal.core import break_rate, flares, pacing, stats, trend_model, trigger_model
from journal.core.catalog import name_key, tidy_name
from journal.core.day import DayEntry
from journal.core.sitting import SittingSummary
from journal.core.trigger_model import MeasureAssociation, TriggerImpact, TriggerModel

ONE_DAY: Final = dt.timedelta(days=1)

# Trigger impact (one model, see journal.core.trigger_model)
MIN_DAYS_PER_SIDE: Final = trigger_model.MIN_DAYS_PER_SIDE
VERDICT_HIGHER: Final = trigger_model.VERDICT_HIGHER
VERDICT_LOWER: Final = trigger_model.VERDICT_LOWER
VERDICT_UNCLEAR: Final = trigger_model.VERDICT_UNCLEAR
VERDICT_NO_DIFFERENCE: Final = trigger_model.VERDICT_NO_DIFFERENCE
VERDICT_CANT_TELL: Final = trigger_model.VERDICT_CANT_TELL
UNCLEAR_VERDICTS: Final = trigger_model.UNCLEAR_VERDICTS
VERDICT_TOO_FEW: Final = trigger_model.VERDICT_TOO_FEW
VERDICT_TOGETHER: Final = trigger_model.VERDICT_TOGETHER
CAVEAT: Final = (
    "These are associations, not proof that one thing causes another. Several comparisons "
    "are made at once, so some patterns can appear by chance, and people tend to look for "
    "triggers on bad days, which can make a trigger seem to go with worse pain. A pattern is "
    "a lead to discuss with your clinician."
)

# Activity and pacing
BOOM_FACTOR: Final = pacing.BOOM_FACTOR
BOOM_EXTRA_MINUTES: Final = pacing.BOOM_EXTRA_MINUTES
BOOM_FLARE_WITHIN_DAYS: Final = pacing.FLARE_WITHIN_DAYS
MIN_BASELINE_DAYS: Final = 5
SITTING_KEY: Final = "sitting"
PACING_SOURCE: Final = "000_32feb4238e8fab95.txt, Activity Pacing"
SITTING_SOURCE: Final = "000_32feb4238e8fab95.txt, Do\u2019s and Don\u2019ts"

# Flares
#: Up to this many unlogged days between two flare days keep one episode going.
MAX_UNLOGGED_GAP_IN_EPISODE: Final = 2

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


# ---------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class BoomBust:
    """A day of much more activity than usual followed by a flare within two days."""

    date: dt.date
    minutes: int
    baseline_minutes: float
    flare_date: dt.date


@dataclass(frozen=True, slots=True)
class ActivityStats:
    """One activity over the period.

    ``minutes_per_week`` is total minutes per 7 *logged* days (unlogged days
    are unknown). ``baseline_minutes`` is the median on the days it was
    done, None with fewer than :data:`MIN_BASELINE_DAYS` days.
    ``comparison`` is the boom-and-bust comparison (effortful activities with
    enough boom and other days only).
    """

    name: str
    days: int
    total_minutes: int
    minutes_per_week: float
    baseline_minutes: float | None
    boom_bust: tuple[BoomBust, ...]
    comparison: pacing.BoomComparison | None = None


@dataclass(frozen=True, slots=True)
class PacingSuggestion:
    """Advice from the documents, given because the data showed ``reason``."""

    kind: str  # "boom_bust" or "long_sitting"
    text: str
    reason: str
    source: str


@dataclass(frozen=True, slots=True)
class FlareEpisode:
    """Flare days run together; ``length_days`` counts calendar days start to end."""

    start: dt.date
    end: dt.date
    flare_days: int

    @property
    def length_days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def unlogged_days(self) -> int:
        """Days inside the episode that were not logged (every logged day inside is a flare day)."""
        return self.length_days - self.flare_days


@dataclass(frozen=True, slots=True)
class MonthCount:
    """Flare days and episodes (counted in the month they start) in one month."""

    month: str  # YYYY-MM
    flare_days: int
    episodes: int


@dataclass(frozen=True, slots=True)
class FlareSummary:
    """Flare days (relative to the person's usual level) and, separately, severe days (7+)."""

    days: tuple[dt.date, ...]
    episodes: tuple[FlareEpisode, ...]
    per_month: tuple[MonthCount, ...]
    typical_length_days: float | None
    severe_days: tuple[dt.date, ...] = ()
    bad_days: tuple[dt.date, ...] = ()  # single high days, not flares
    #: Logged days of the period whose usual level was known, so that they could be judged
    #: flare or not (-1: not counted). None at all means "too few days yet", not "no flares".
    judged_days: int = -1


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


# ---------------------------------------------------------------- helpers


def period_days(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[DayEntry]:
    """The entries dated within [start, end]; ``days`` must be sorted by date."""
    dates = [entry.date for entry in days]
    return list(days[bisect.bisect_left(dates, start) : bisect.bisect_right(dates, end)])


def calendar(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every date from start to end inclusive (empty when end < start)."""
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def daily_values(
    entries: Iterable[DayEntry],
    start: dt.date,
    end: dt.date,
    value: Callable[[DayEntry], float | None],
) -> list[float | None]:
    """``value(entry)`` aligned to every date of [start, end], None where not logged."""
    result: list[float | None] = [None] * ((end - start).days + 1)
    for entry in entries:
        index = (entry.date - start).days
        if 0 <= index < len(result):
            result[index] = value(entry)
    return result


@functools.lru_cache(maxsize=4096)
def cached_name_key(name: str) -> str:
    """:func:`journal.core.catalog.name_key`, remembered (names repeat day after day)."""
    return name_key(name)


def _first_spellings(names: Iterable[str]) -> dict[str, str]:
    """name key → the first spelling seen."""
    spellings: dict[str, str] = {}
    for name in names:
        key = cached_name_key(name)
        if key not in spellings:
            spellings[key] = tidy_name(name)
    return spellings


def _fmt(value: float) -> str:
    """One decimal, without a negative zero."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _iso_week_label(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _week_number(day: dt.date) -> int:
    """Weeks since 0001-01-01, which was a Monday: equal for days of one ISO week."""
    return (day.toordinal() - 1) // 7


def _week_monday(week_number: int) -> dt.date:
    return dt.date.fromordinal(week_number * 7 + 1)


# ---------------------------------------------------------------- flares


def flare_dates(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[dt.date]:
    """Flare days inside the period, per :func:`journal.core.flares.flare_days`.

    Logged days up to :data:`journal.core.flares.LOOKBACK_DAYS` calendar days
    before ``start`` (when present in ``days``) set the usual level, so the
    first days of a period are judged like any other day.
    """
    lead_in_start = start - dt.timedelta(days=flares.LOOKBACK_DAYS)
    pairs = [(e.date, e.back_pain) for e in period_days(days, lead_in_start, end)]
    return [day for day in flares.flare_days(pairs) if day >= start]


def high_dates(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[dt.date]:
    """Like :func:`flare_dates`, but every day well above the usual level, a single bad day included."""
    lead_in_start = start - dt.timedelta(days=flares.LOOKBACK_DAYS)
    pairs = [(e.date, e.back_pain) for e in period_days(days, lead_in_start, end)]
    return [day for day in flares.high_days(pairs) if day >= start]


def flare_episodes(entries: Sequence[DayEntry], flare_set: Collection[dt.date]) -> list[FlareEpisode]:
    """Merge flare days into episodes.

    A logged non-flare day ends an episode; up to
    :data:`MAX_UNLOGGED_GAP_IN_EPISODE` unlogged days between flare days do not.
    """
    episodes: list[FlareEpisode] = []
    current: FlareEpisode | None = None
    for entry in entries:
        if entry.date not in flare_set:
            if current is not None:
                episodes.append(current)
                current = None
            continue
        if current is not None and (entry.date - current.end).days - 1 <= MAX_UNLOGGED_GAP_IN_EPISODE:
            current = FlareEpisode(current.start, entry.date, current.flare_days + 1)
        else:
            if current is not None:
                episodes.append(current)
            current = FlareEpisode(entry.date, entry.date, 1)
    if current is not None:
        episodes.append(current)
    return episodes


def _months(start: dt.date, end: dt.date) -> list[str]:
    months: list[str] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def flare_summary(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    flare_list: Sequence[dt.date] | None = None,
) -> FlareSummary:
    """Flare days, episodes, counts for every calendar month of the period and
    the median episode length (calendar days). ``flare_list`` may be passed
    when already computed by :func:`flare_dates`."""
    found = flare_dates(days, start, end) if flare_list is None else list(flare_list)
    episodes = flare_episodes(period_days(days, start, end), set(found))
    day_counts = {month: 0 for month in _months(start, end)}
    episode_counts = dict.fromkeys(day_counts, 0)
    for day in found:
        day_counts[day.strftime("%Y-%m")] += 1
    for episode in episodes:
        episode_counts[episode.start.strftime("%Y-%m")] += 1
    per_month = tuple(MonthCount(m, day_counts[m], episode_counts[m]) for m in day_counts)
    typical = stats.median([e.length_days for e in episodes])
    severe = flares.severe_days((e.date, e.back_pain) for e in period_days(days, start, end))
    lead_in_start = start - dt.timedelta(days=flares.LOOKBACK_DAYS)
    pairs = [(e.date, e.back_pain) for e in period_days(days, lead_in_start, end)]
    bad = [day for day in flares.bad_days(pairs) if day >= start]
    return FlareSummary(
        tuple(found), tuple(episodes), per_month, typical, tuple(severe), tuple(bad), judged_days(days, start, end)
    )


def judged_days(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> int:
    """How many logged days of the period have a known usual level (see :func:`flare_dates`)."""
    lead_in_start = start - dt.timedelta(days=flares.LOOKBACK_DAYS)
    pairs = [(e.date, e.back_pain) for e in period_days(days, lead_in_start, end)]
    return sum(1 for (date, _), usual in zip(pairs, flares.usual_levels(pairs)) if date >= start and usual is not None)


# ---------------------------------------------------------------- triggers


def trigger_analysis(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    sitting: Mapping[dt.date, SittingSummary] | None = None,
) -> TriggerModel:
    """Every trigger and daily measure of the period in one model (see :mod:`journal.core.trigger_model`).

    Only entries inside the period are used; a day's lag-1 comparison needs
    its previous calendar day logged inside the period. ``sitting`` (timed
    sitting per date) adds breaks per sitting hour (:mod:`journal.core.break_rate`).
    """
    rates = break_rate.daily_break_rates(sitting, start, end) if sitting else None
    return trigger_model.trigger_model(period_days(days, start, end), rates)


def trigger_impacts(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[TriggerImpact]:
    """One lag-0 and one lag-1 result per trigger noted in the period, ordered by name, then lag.

    Triggers are matched ignoring case (:func:`name_key`).
    """
    return list(trigger_analysis(days, start, end).triggers)


# ---------------------------------------------------------------- activities


_DatedMinutes = list[tuple[dt.date, int]]


def _activity_minutes(entries: Sequence[DayEntry]) -> tuple[dict[str, str], dict[str, _DatedMinutes]]:
    """Spellings and (date, minutes) per activity key, for days with minutes > 0."""
    spellings: dict[str, str] = {}
    per_key: dict[str, _DatedMinutes] = {}
    for entry in entries:
        for activity in entry.activities:
            if activity.minutes <= 0:
                continue
            key = cached_name_key(activity.name)
            if key not in spellings:
                spellings[key] = tidy_name(activity.name)
            per_key.setdefault(key, []).append((entry.date, activity.minutes))
    return spellings, per_key


def is_boom(minutes: float, baseline: float) -> bool:
    """Well above the usual: at least 1.5 × baseline and at least 30 minutes more."""
    return pacing.is_boom(minutes, baseline)


def _boom_busts(done: Sequence[tuple[dt.date, int]], baseline: float, flare_set: Collection[dt.date]) -> tuple[BoomBust, ...]:
    events: list[BoomBust] = []
    for day, minutes in done:
        if not is_boom(minutes, baseline):
            continue
        for ahead in range(1, BOOM_FLARE_WITHIN_DAYS + 1):
            if day + dt.timedelta(days=ahead) in flare_set:
                events.append(BoomBust(day, minutes, baseline, day + dt.timedelta(days=ahead)))
                break
    return tuple(events)


def is_effortful(name: str) -> bool:
    """Whether an activity can be a "boom" (not sitting, driving, standing or relaxation)."""
    return cached_name_key(name) not in pacing.NOT_EFFORTFUL


def activity_stats(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    flare_list: Sequence[dt.date] | None = None,
) -> list[ActivityStats]:
    """Per activity (matched ignoring case): days done, minutes, usual minutes and boom-bust days.

    The usual (``baseline_minutes``) is the median over all days it was done
    (at least :data:`MIN_BASELINE_DAYS`). For effortful activities, a
    boom-bust day is one with :func:`is_boom` minutes followed by a flare on
    one of the next two calendar days, and ``comparison`` says whether that
    happens more often than after the activity's other days
    (:mod:`journal.core.pacing`). Ordered by total minutes, most first.
    """
    entries = period_days(days, start, end)
    flare_set = set(flare_dates(days, start, end) if flare_list is None else flare_list)
    logged = {e.date for e in entries}
    spellings, per_key = _activity_minutes(entries)
    effortful = [key for key in per_key if is_effortful(key)]
    results: list[ActivityStats] = []
    for key, done in per_key.items():
        baseline = stats.median([m for _, m in done]) if len(done) >= MIN_BASELINE_DAYS else None
        total = sum(m for _, m in done)
        comparison = None
        events: tuple[BoomBust, ...] = ()
        if baseline is not None and key in effortful:
            events = _boom_busts(done, baseline, flare_set)
            comparison = pacing.compare(spellings[key], done, baseline, logged, flare_set, len(effortful))
        results.append(
            ActivityStats(
                name=spellings[key],
                days=len(done),
                total_minutes=total,
                minutes_per_week=total * 7 / len(entries),
                baseline_minutes=baseline,
                boom_bust=events,
                comparison=comparison,
            )
        )
    results.sort(key=lambda a: (-a.total_minutes, name_key(a.name)))
    return results


def _percent(share: float) -> str:
    return f"{round(100 * share)}%"


def _boom_bust_suggestion(activities: Sequence[ActivityStats]) -> PacingSuggestion | None:
    supported = [a.comparison for a in activities if a.comparison is not None and a.comparison.supported]
    if not supported:
        return None
    reasons = [
        f"after days of much more {c.activity} than usual, a flare followed within two days "
        f"{c.booms_then_flare} of {c.booms} times ({_percent(c.booms_then_flare / c.booms)}), "
        f"against {c.others_then_flare} of {c.other_days} other {c.activity} days "
        f"({_percent(c.others_then_flare / c.other_days)}; difference "
        f"{_percent(c.difference)}, 95% CI {_percent(c.ci_low)} to {_percent(c.ci_high)}, "
        "allowing for the number of activities compared)"
        for c in supported
    ]
    return PacingSuggestion(
        kind="boom_bust",
        text=(
            "Worth trying, and discussing with your doctor: pacing. Balance activity and rest, "
            "and break bigger tasks into manageable intervals instead of doing a lot in one go."
        ),
        reason="In your journal, " + "; ".join(reasons) + ". This is an association, not proof of cause.",
        source=PACING_SOURCE,
    )


def _long_sitting_suggestion(evidence: Sequence[TriggerImpact | MeasureAssociation]) -> PacingSuggestion | None:
    """From the model: more sitting (hours, or the "prolonged sitting" trigger) or fewer breaks
    from sitting went with higher pain."""
    found = [
        item
        for item in evidence
        if item.verdict == VERDICT_HIGHER
        and (
            (isinstance(item, MeasureAssociation) and item.key in ("sitting_hours", trigger_model.BREAKS_KEY))
            or (isinstance(item, TriggerImpact) and item.lag_days == 0 and cached_name_key(item.name) == "prolonged sitting")
        )
    ]
    if not found:
        return None
    # each finding starts its own sentence once "Worth discussing…" is taken off
    # the sentence and its interval (the full numbers are in the comparison's own details)
    reasons = (
        item.sentence.replace(trigger_model.WORTH_DISCUSSING, "").rstrip(".")
        + f" (95% CI {_fmt(item.ci_low or 0.0)} to {_fmt(item.ci_high or 0.0)})."
        for item in found
    )
    reason = " ".join(text[:1].upper() + text[1:] for text in reasons)
    return PacingSuggestion(
        kind="long_sitting",
        text=(
            "Break up prolonged sitting with short walking breaks, and avoid "
            "sitting for more than 30 minutes without repositioning."
        ),
        reason=reason,
        source=SITTING_SOURCE,
    )


def pacing_suggestions(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    activities: Sequence[ActivityStats] | None = None,
    model: TriggerModel | None = None,
) -> list[PacingSuggestion]:
    """Suggestions from the documents, each only when the data supports it.

    * flares followed boom days of an effortful activity clearly more often
      than its other days → pacing;
    * the trigger model found more sitting (hours, or the "prolonged sitting"
      trigger) or fewer breaks per sitting hour with higher back pain → break
      up sitting.
    """
    if activities is None:
        activities = activity_stats(days, start, end)
    if model is None:
        model = trigger_analysis(days, start, end)
    found = [
        _boom_bust_suggestion(activities),
        _long_sitting_suggestion([*model.measures, *model.triggers]),
    ]
    return [s for s in found if s is not None]


# ---------------------------------------------------------------- weeks and trend


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
            f"better than a straight line ({points} logged days, AR(1) errors)."
        )
    if fit is None or fit.flat:
        return ""
    per_month = fit.slope * DAYS_PER_MONTH
    low, high = fit.ci_low * DAYS_PER_MONTH, fit.ci_high * DAYS_PER_MONTH
    return f"Change per month {_fmt(per_month)} points (95% CI {_fmt(low)} to {_fmt(high)}; {points} logged days, AR(1) errors)."


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
        rho=None if fit is None or fit.flat else fit.rho,
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
