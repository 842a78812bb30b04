"""The one summary of a period that every view renders.

:func:`build_summary` computes everything once; the command line (text and
``--json``), the trends screen and the doctor's report all render the same
:class:`Summary` and never recompute any of it. The renderers live in
:mod:`journal.formats.summary_text` and :mod:`journal.formats.summary_json`;
lines the views share are in :mod:`journal.core.summary_lines`.

Numbers are rounded once, here, to :data:`DECIMALS` decimal places (so the
JSON, the screen and the report agree); sentences written for people use
one decimal. Dates in JSON are ``YYYY-MM-DD`` strings and missing values are
``null``.

The period is ``start`` … ``end`` inclusive. ``days`` may hold entries
outside it: only entries inside the period are summarised, except that up to
31 calendar days before ``start`` set the usual level used to spot flares
on the first days of the period (see :func:`journal.core.insights.flare_dates`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, TypeVar, overload

from journal.core import daily_measures, flares, insights, redflags
from journal.core.about_you import AboutYou, apply_by_day, shared
from journal.core.catalog import Urgency, default_urgencies, name_key
from journal.core.cautions import Caution, cautions
from journal.core.daily_measures import DailyMeasures
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.core.function_check import FunctionCheck
from journal.core.insights import (
    ActivityStats,
    FlareSummary,
    PacingSuggestion,
    Trend,
    WeeklyValue,
    WeekStat,
)
from journal.core.readings import PainReading
from journal.core.redflags import PersistentPain, RedFlag, persistent_severe_pain, red_flags_of
from journal.core.sitting import SittingSummary
from journal.core.time_of_day import DayPattern, day_pattern
from journal.core.treatments import BeforeAfter
from journal.core.trigger_model import MeasureAssociation, TriggerImpact, TriggerModel
from journal.core.visit_change import EndChange, change_since
from journal.core.what_helped import WhatHelped, what_helped

DECIMALS: Final = 2
RED_FLAG_URGENCIES: Final = (Urgency.URGENT, Urgency.SOON)

_T = TypeVar("_T")


@overload
def rounded(value: float) -> float: ...
@overload
def rounded(value: None) -> None: ...
@overload
def rounded(value: float | None) -> float | None: ...


def rounded(value: float | None) -> float | None:
    """The summary's one rounding: DECIMALS places, no negative zero, None kept."""
    if value is None:
        return None
    return round(float(value), DECIMALS) + 0.0


# ---------------------------------------------------------------- model


@dataclass(frozen=True, slots=True)
class Period:
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class DayValue:
    date: dt.date
    value: int


@dataclass(frozen=True, slots=True)
class BackPainSummary:
    """Back pain over logged days; start/end_avg are the first and last 7-day averages."""

    mean: float | None
    min: int | None
    max: int | None
    start_avg: float | None
    end_avg: float | None
    best_day: DayValue | None
    worst_day: DayValue | None


@dataclass(frozen=True, slots=True)
class LegPainSummary:
    """Leg pain over the logged days that recorded it (``days``): an outcome in its own right,
    with severe days, flares and a trend worked out exactly as for back pain."""

    mean: float | None
    min: int | None
    max: int | None
    days: int
    flares: FlareSummary | None = None
    trend: Trend | None = None


@dataclass(frozen=True, slots=True)
class PegSummary:
    """PEG over the first and last 7 calendar days, and per ISO week."""

    start: float | None
    end: float | None
    weekly: tuple[WeeklyValue, ...]


@dataclass(frozen=True, slots=True)
class ActivitiesSummary:
    items: tuple[ActivityStats, ...]
    pacing: tuple[PacingSuggestion, ...]


@dataclass(frozen=True, slots=True)
class MedicationUse:
    name: str  # as written
    days: int


@dataclass(frozen=True, slots=True)
class DatedText:
    date: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything shown about one period. Build with :func:`build_summary`."""

    period: Period
    days_in_period: int
    days_logged: int
    back_pain: BackPainSummary
    leg_pain: LegPainSummary
    peg: PegSummary
    daily: DailyMeasures
    triggers: tuple[TriggerImpact, ...]
    measure_associations: tuple[MeasureAssociation, ...]
    trigger_note: str
    trigger_advice: str
    trigger_method: str
    red_flags: tuple[RedFlag, ...]
    flares: FlareSummary
    activities: ActivitiesSummary
    trend: Trend
    medications: tuple[MedicationUse, ...]
    questions: tuple[DatedText, ...]
    notes: tuple[DatedText, ...]
    best_week: WeekStat | None
    worst_week: WeekStat | None
    caveat: str
    #: Relief and medications as the person rated them, and days with a painkiller (schema 8).
    what_helped: WhatHelped
    #: Treatments going in the period, each with pain before and after it started (schema 8).
    treatments: tuple[BeforeAfter, ...] = ()
    #: Back pain, leg pain and PEG: the first two weeks of the period against the last two.
    change: tuple[EndChange, ...] = ()
    #: What the person could do, as answered in the period's checks (schema 8).
    function: tuple[FunctionCheck, ...] = ()
    cautions: tuple[Caution, ...] = ()
    #: The six-weeks rule at the end of the period (:func:`journal.core.redflags.persistent_severe_pain`).
    six_weeks: PersistentPain | None = None
    #: What the person told about themselves, only if they ticked "include in my report".
    about_you: AboutYou | None = None
    #: Pain-now readings by part of the day, over the period's last 4 weeks with readings (schema 11).
    through_the_day: DayPattern | None = None


# ---------------------------------------------------------------- building


def _back_pain(entries: Sequence[DayEntry], trend: Trend) -> BackPainSummary:
    if not entries:
        return BackPainSummary(None, None, None, None, None, None, None)
    pains = [e.back_pain for e in entries]
    best = min(entries, key=lambda e: e.back_pain)
    worst = max(entries, key=lambda e: e.back_pain)
    return BackPainSummary(
        mean=rounded(sum(pains) / len(pains)),
        min=min(pains),
        max=max(pains),
        start_avg=rounded(trend.start_avg),
        end_avg=rounded(trend.end_avg),
        best_day=DayValue(best.date, best.back_pain),
        worst_day=DayValue(worst.date, worst.back_pain),
    )


def leg_days(days: Sequence[DayEntry]) -> list[DayEntry]:
    """The days with leg pain, with leg pain in the place of back pain, so every back-pain rule
    (severe days, flares, trend) reads leg pain unchanged."""
    return [dataclasses.replace(e, back_pain=e.leg_pain) for e in days if e.leg_pain is not None]


def _leg_pain(ordered: Sequence[DayEntry], entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> LegPainSummary:
    values = [e.leg_pain for e in entries if e.leg_pain is not None]
    if not values:
        return LegPainSummary(None, None, None, 0)
    # only the period and the days before it that can set the usual level for flares
    as_back = leg_days(insights.period_days(ordered, start - dt.timedelta(days=flares.LOOKBACK_DAYS), end))
    found = insights.trend(as_back, start, end)
    trend = dataclasses.replace(
        _round_fields(found, "slope_per_day", "ci_low", "ci_high", "start_avg", "end_avg"),
        step=None if found.step is None else _round_fields(found.step, "before", "after", "change"),
        sentence=found.sentence.replace("back pain", "leg pain"),
    )
    flare_list = insights.flare_dates(as_back, start, end)
    return LegPainSummary(
        rounded(sum(values) / len(values)),
        min(values),
        max(values),
        len(values),
        flares=_flares(as_back, start, end, flare_list),
        trend=trend,
    )


def _peg(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> PegSummary:
    first, last = insights.peg_start_end(days, start, end)
    weekly = tuple(dataclasses.replace(w, mean=rounded(w.mean)) for w in insights.weekly_peg(days, start, end))
    return PegSummary(rounded(first), rounded(last), weekly)


def _red_flags(entries: Sequence[DayEntry], urgencies: Mapping[str, Urgency]) -> tuple[RedFlag, ...]:
    """Every red flag in the period (see :func:`journal.core.redflags.red_flags_of`)."""
    return tuple(red_flags_of(entries, urgencies))


def _medications(entries: Sequence[DayEntry]) -> tuple[MedicationUse, ...]:
    counts = Counter(name for entry in entries for name in set(entry.medications))
    ordered = sorted(counts.items(), key=lambda item: (-item[1], name_key(item[0]), item[0]))
    return tuple(MedicationUse(name, days) for name, days in ordered)


def _texts(entries: Sequence[DayEntry], field: str) -> tuple[DatedText, ...]:
    return tuple(DatedText(e.date, text) for e in entries if (text := str(getattr(e, field) or "").strip()))


def _round_fields(item: _T, *names: str) -> _T:
    """A copy of a dataclass with the named float fields rounded."""
    return dataclasses.replace(item, **{n: rounded(getattr(item, n)) for n in names})  # type: ignore[type-var]  # item is a dataclass instance


def _activities(
    days: Sequence[DayEntry], start: dt.date, end: dt.date, flare_list: Sequence[dt.date], model: TriggerModel
) -> ActivitiesSummary:
    raw = insights.activity_stats(days, start, end, flare_list)
    pacing = insights.pacing_suggestions(days, start, end, raw, model)
    items = tuple(
        dataclasses.replace(
            _round_fields(a, "minutes_per_week", "baseline_minutes"),
            boom_bust=tuple(_round_fields(b, "baseline_minutes") for b in a.boom_bust),
            comparison=None if a.comparison is None else _round_fields(a.comparison, "difference", "ci_low", "ci_high"),
        )
        for a in raw
    )
    return ActivitiesSummary(items, tuple(pacing))


def _flares(days: Sequence[DayEntry], start: dt.date, end: dt.date, flare_list: Sequence[dt.date]) -> FlareSummary:
    found = insights.flare_summary(days, start, end, flare_list)
    return _round_fields(found, "typical_length_days")


def _daily(entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> DailyMeasures:
    found = daily_measures.daily_measures(entries, start, end)
    where = found.where_it_hurts
    return DailyMeasures(
        tuple(_round_fields(m, "mean", "first", "last") for m in found.measures),
        dataclasses.replace(
            _round_fields(where, "leg_left_share", "leg_right_share"),
            regions=tuple(_round_fields(r, "share") for r in where.regions),
        ),
    )


def _round_q(item: _T) -> _T:
    """The q-value rounded like every other figure."""
    return dataclasses.replace(item, q_value=rounded(item.q_value))  # type: ignore[type-var,attr-defined]  # a TriggerImpact or MeasureAssociation


def _normalised(urgencies: Mapping[str, Urgency | str] | None) -> dict[str, Urgency]:
    if urgencies is None:
        return default_urgencies()
    return {name_key(name): Urgency(value) for name, value in urgencies.items()}


def build_summary(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    urgencies: Mapping[str, Urgency] | None = None,
    sitting: Mapping[dt.date, SittingSummary] | None = None,
    *,
    treatments: Sequence[BeforeAfter] = (),
    function: Sequence[FunctionCheck] = (),
    about: AboutYou | None = None,
    logged: Collection[dt.date] | None = None,
    readings: Sequence[PainReading] = (),
) -> Summary:
    """Summarise the period [start, end] (inclusive).

    ``days`` need not be sorted and may extend beyond the period (see the
    module notes on the flare baseline). ``urgencies`` maps symptom names
    (matched ignoring case) to urgency; default: the built-in catalog.
    ``sitting`` is the timed sitting per date (sessions of a day added up),
    from which the insights compare breaks per sitting hour; without it they
    leave breaks out. ``about`` (what the person said about themselves)
    changes what some warning signs mean (:func:`journal.core.about_you.apply`);
    its age rule takes the age when each sign's episode began, among the
    journal's ``logged`` dates (default: the dates of ``days``).
    A period with no logged days gives a valid summary of
    empty lists and Nones.

    Raises:
        UserError: when ``end`` is before ``start``.
    """
    if end < start:
        raise UserError(f"The period ends ({end.isoformat()}) before it starts ({start.isoformat()}).")
    ordered = sorted(days, key=lambda e: e.date)
    entries = insights.period_days(ordered, start, end)
    flare_list = insights.flare_dates(ordered, start, end)
    trend = insights.trend(ordered, start, end)
    model = insights.trigger_analysis(ordered, start, end, sitting)
    best_week, worst_week = insights.best_and_worst_weeks(ordered, start, end)
    return Summary(
        period=Period(start, end),
        days_in_period=(end - start).days + 1,
        days_logged=len(entries),
        back_pain=_back_pain(entries, trend),
        leg_pain=_leg_pain(ordered, entries, start, end),
        peg=_peg(ordered, start, end),
        daily=_daily(entries, start, end),
        triggers=tuple(_round_q(_round_fields(t, "difference", "ci_low", "ci_high")) for t in model.triggers),
        measure_associations=tuple(_round_q(_round_fields(m, "difference", "ci_low", "ci_high")) for m in model.measures),
        trigger_note=model.note,
        trigger_advice=model.advice,
        trigger_method=model.method,
        red_flags=tuple(apply_by_day(_red_flags(entries, _normalised(urgencies)), about, logged or [e.date for e in ordered])),
        flares=_flares(ordered, start, end, flare_list),
        activities=_activities(ordered, start, end, flare_list, model),
        trend=dataclasses.replace(
            _round_fields(trend, "slope_per_day", "ci_low", "ci_high", "start_avg", "end_avg"),
            step=None if trend.step is None else _round_fields(trend.step, "before", "after", "change"),
        ),
        medications=_medications(entries),
        questions=_texts(entries, "questions"),
        notes=_texts(entries, "notes"),
        best_week=None if best_week is None else _round_fields(best_week, "mean_back_pain"),
        worst_week=None if worst_week is None else _round_fields(worst_week, "mean_back_pain"),
        caveat=insights.CAVEAT,
        what_helped=what_helped(entries, start, end),
        treatments=tuple(treatments),
        change=change_since(entries, start, end),
        function=tuple(sorted((c for c in function if start <= c.date <= end), key=lambda c: c.date)),
        cautions=cautions(entries, start, end, model.rho, trend.rho),
        about_you=shared(about),
        through_the_day=day_pattern((r for r in readings if start <= r.date <= end), end=end),
        six_weeks=persistent_severe_pain(
            insights.period_days(ordered, start - dt.timedelta(days=2 * redflags.MIN_SPAN_DAYS), end), end
        ),
    )
