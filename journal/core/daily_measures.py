"""Sleep, mood/stress, morning stiffness and where it hurts, over a period.

Pure descriptions (averages, first and last weeks, how often each region
was marked); whether they go with back pain is the trigger model's job
(:mod:`journal.core.trigger_model`). A measure not recorded on a day is
unknown, never zero. Shares of where it hurts are out of the days on which
any region was marked, since an empty body map may mean "not filled in".
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from journal.core import stats
from journal.core.day import FIELD_LABELS, PAIN_LOCATIONS, DayEntry

EDGE_DAYS: Final = 7
#: Regions that count as leg symptoms, by side.
LEG_REGIONS: Final = {
    "left": ("buttock_left", "thigh_left", "calf_left", "foot_left"),
    "right": ("buttock_right", "thigh_right", "calf_right", "foot_right"),
}


@dataclass(frozen=True, slots=True)
class Measure:
    """One daily measure over a period; ``first``/``last`` are the means of the
    first and last 7 calendar days (None when not recorded there)."""

    key: str
    label: str
    unit: str
    days: int
    mean: float | None
    first: float | None
    last: float | None
    #: "lower is better" measures read the other way round in words.
    higher_is_better: bool


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    label: str
    days: int
    share: float  # of the days any region was marked


@dataclass(frozen=True, slots=True)
class WhereItHurts:
    days_marked: int
    regions: tuple[Region, ...]  # most often marked first
    leg_left_share: float | None
    leg_right_share: float | None


@dataclass(frozen=True, slots=True)
class DailyMeasures:
    measures: tuple[Measure, ...]
    where_it_hurts: WhereItHurts


_MEASURES: Final[tuple[tuple[str, str, bool, Callable[[DayEntry], float | None]], ...]] = (
    ("sleep_hours", "hours", True, lambda e: e.sleep_hours),
    ("sleep_quality", "0-10", True, lambda e: None if e.sleep_quality is None else float(e.sleep_quality)),
    ("stress", "0-10", False, lambda e: None if e.stress is None else float(e.stress)),
    (
        "morning_stiffness_min",
        "minutes",
        False,
        lambda e: None if e.morning_stiffness_min is None else float(e.morning_stiffness_min),
    ),
)
MEASURE_KEYS: Final = tuple(key for key, *_ in _MEASURES)


def measure_value(entry: DayEntry, key: str) -> float | None:
    """The day's value of one of :data:`MEASURE_KEYS`."""
    for name, _, _, value in _MEASURES:
        if name == key:
            return value(entry)
    raise KeyError(key)


def _mean_between(entries: Sequence[DayEntry], key: str, first: dt.date, last: dt.date) -> float | None:
    values = [v for e in entries if first <= e.date <= last and (v := measure_value(e, key)) is not None]
    return stats.mean(values)


def daily_measures(entries: Sequence[DayEntry], start: dt.date, end: dt.date) -> DailyMeasures:
    """Describe the measures over the period's ``entries`` (those dated in [start, end])."""
    inside = [e for e in entries if start <= e.date <= end]
    first_end = min(end, start + dt.timedelta(days=EDGE_DAYS - 1))
    last_start = max(start, end - dt.timedelta(days=EDGE_DAYS - 1))
    measures = []
    for key, unit, higher_is_better, value in _MEASURES:
        values = [v for e in inside if (v := value(e)) is not None]
        measures.append(
            Measure(
                key=key,
                label=FIELD_LABELS[key],
                unit=unit,
                days=len(values),
                mean=stats.mean(values),
                first=_mean_between(inside, key, start, first_end),
                last=_mean_between(inside, key, last_start, end),
                higher_is_better=higher_is_better,
            )
        )
    return DailyMeasures(tuple(measures), where_it_hurts(inside))


def where_it_hurts(entries: Sequence[DayEntry]) -> WhereItHurts:
    """How often each region was marked, out of the days any region was marked."""
    marked = [e for e in entries if e.pain_locations]
    total = len(marked)
    counts = {code: sum(1 for e in marked if code in e.pain_locations) for code in PAIN_LOCATIONS}
    regions = tuple(
        sorted(
            (Region(code, PAIN_LOCATIONS[code], days, days / total) for code, days in counts.items() if days),
            key=lambda r: (-r.days, list(PAIN_LOCATIONS).index(r.code)),
        )
    )

    def side(codes: tuple[str, ...]) -> float | None:
        if not total:
            return None
        return sum(1 for e in marked if e.pain_locations & set(codes)) / total

    return WhereItHurts(total, regions, side(LEG_REGIONS["left"]), side(LEG_REGIONS["right"]))


def region_shares(entries: Sequence[DayEntry]) -> dict[str, float]:
    """Share of marked days for every region (0.0 when never marked), in body order."""
    found = {r.code: r.share for r in where_it_hurts(entries).regions}
    return {code: found.get(code, 0.0) for code in PAIN_LOCATIONS}


def fmt_value(measure: Measure, value: float | None) -> str:
    """One decimal (whole minutes for stiffness), an en dash when missing."""
    if value is None or math.isnan(value):
        return "–"
    if measure.unit == "minutes":
        return f"{round(value)}"
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text
