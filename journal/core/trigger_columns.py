"""The trigger model's columns: which days are compared, the daily measures,
the weekend term and the triggers (same day and day before), and which of
them the model can estimate.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final

from journal.core import ar1_regression
from journal.core.catalog import name_key
from journal.core.day import DayEntry
from journal.core.trigger_types import BREAKS_KEY, MIN_DAYS_PER_SIDE, MIN_MEASURE_SHARE, SITTING_KEY, WEEKEND_KEY


@dataclass(frozen=True, slots=True)
class Measure:
    key: str
    label: str
    worse_words: str  # "less sleep"
    unit: str  # "hour less"
    sign: float  # +1 when a higher value is the worse direction
    value: Callable[[DayEntry], float | None]


@functools.lru_cache(maxsize=1024)
def cached_key(name: str) -> str:
    return name_key(name)


def sitting_hours(entry: DayEntry) -> float:
    """Hours of the "sitting" activity on a logged day (0 when none was noted)."""
    return sum(a.minutes for a in entry.activities if cached_key(a.name) == SITTING_KEY) / 60.0


MEASURES: Final[tuple[Measure, ...]] = (
    Measure("sleep_hours", "Sleep (hours)", "less sleep", "hour less sleep", -1.0, lambda e: e.sleep_hours),
    Measure(
        "sleep_quality",
        "Sleep quality",
        "poorer sleep quality",
        "point poorer sleep quality",
        -1.0,
        lambda e: None if e.sleep_quality is None else float(e.sleep_quality),
    ),
    Measure(
        "stress",
        "Mood / stress",
        "more stress",
        "point more stress",
        1.0,
        lambda e: None if e.stress is None else float(e.stress),
    ),
    Measure("sitting_hours", "Sitting (hours)", "more sitting", "hour more sitting", 1.0, sitting_hours),
)
#: Not read from the day's entry: its values come from the sitting sessions (see :func:`trigger_model`).
BREAKS_MEASURE: Final = Measure(
    BREAKS_KEY,
    "Breaks per sitting hour",
    "fewer breaks from sitting",
    "break fewer per hour of sitting",
    -1.0,
    lambda _entry: None,
)


def worse_words(key: str) -> str:
    """A measure's worse direction in words ("less sleep", "fewer breaks from sitting")."""
    return next(m.worse_words for m in (*MEASURES, BREAKS_MEASURE) if m.key == key)


@dataclass
class Column:
    """One candidate regressor and what is known about it."""

    kind: str  # "trigger", "measure" or "adjust" (in the model, never reported)
    key: str
    lag: int
    values: list[float]
    days_with: int = 0
    days_without: int = 0
    problem: str = ""  # why it is not estimated, in words
    estimate: tuple[float, float, float, float, float] | None = None  # diff, low, high, p, t
    vif: float = 1.0
    partner: Column | None = None  # reported inside this column's comparison
    members: list[Column] = field(default_factory=list)  # reported together with this one


def compared_rows(entries: Sequence[DayEntry]) -> list[int]:
    """Indices of entries whose previous calendar day is logged (and in the list)."""
    one_day = dt.timedelta(days=1)
    return [i for i in range(1, len(entries)) if entries[i - 1].date == entries[i].date - one_day]


def columns_for_measures(entries: Sequence[DayEntry], rows: list[int]) -> tuple[list[Column], list[int]]:
    """Measures recorded on enough rows, and the rows where all of them are recorded."""
    columns: list[Column] = []
    for measure in MEASURES:
        values = [measure.value(entries[i]) for i in rows]
        recorded = [v for v in values if v is not None]
        if not rows or len(recorded) < MIN_MEASURE_SHARE * len(rows):
            continue
        most_common = Counter(recorded).most_common(1)[0][1] if recorded else 0
        if len(recorded) - most_common < MIN_DAYS_PER_SIDE:
            continue  # (almost) always the same value: nothing to compare
        columns.append(Column("measure", measure.key, 0, [math.nan if v is None else v for v in values]))
    if not columns:
        return columns, list(range(len(rows)))
    import numpy as np

    table = np.array([c.values for c in columns], dtype=float)
    complete_mask = ~np.isnan(table).any(axis=0)
    kept = table[:, complete_mask]
    centred = kept - kept.mean(axis=1, keepdims=True) if kept.shape[1] else kept
    for column, values in zip(columns, centred):
        column.values = values.tolist()
        column.days_with = int(kept.shape[1])
    return columns, np.flatnonzero(complete_mask).tolist()


def weekend_columns(entries: Sequence[DayEntry], rows: list[int]) -> list[Column]:
    """The weekend term for ``rows`` (1 on Saturdays and Sundays), when both kinds of day are there."""
    values = [1.0 if entries[i].date.weekday() >= 5 else 0.0 for i in rows]
    weekend = int(sum(values))
    if min(weekend, len(values) - weekend) < MIN_DAYS_PER_SIDE:
        return []
    return [Column("adjust", WEEKEND_KEY, 0, values, weekend, len(values) - weekend)]


def columns_for_triggers(entries: Sequence[DayEntry], rows: list[int], spellings: dict[str, str]) -> list[Column]:
    import numpy as np

    order = {key: k for k, key in enumerate(sorted(spellings))}
    noted = np.zeros((len(entries), len(order)), dtype=float)  # entry × trigger, 1 when noted
    for index, entry in enumerate(entries):
        for trigger in entry.triggers:
            noted[index, order[cached_key(trigger)]] = 1.0
    at = np.asarray(rows, dtype=int)
    columns: list[Column] = []
    for key, k in order.items():
        for lag in (0, 1):
            values = noted[at - lag, k] if len(at) else np.zeros(0)
            with_count = int(values.sum())
            columns.append(Column("trigger", key, lag, values.tolist(), with_count, len(values) - with_count))
    return columns


def choose_columns(columns: list[Column], rows: int) -> list[Column]:
    """Columns the model can estimate, in order: the weekend term, measures, then
    triggers with the most balanced counts; the rest get a ``problem``."""
    room = rows - ar1_regression.MIN_RESIDUAL_DF - 2  # regressors that fit beside intercept and ρ
    ordered = (
        [c for c in columns if c.kind == "adjust"]
        + [c for c in columns if c.kind == "measure"]
        + sorted(
            (c for c in columns if c.kind == "trigger"),
            key=lambda c: (-min(c.days_with, c.days_without), c.key, c.lag),
        )
    )
    chosen: list[Column] = []
    basis = ar1_regression.ColumnBasis(rows)
    for column in ordered:
        if column.kind == "trigger" and min(column.days_with, column.days_without) < MIN_DAYS_PER_SIDE:
            column.problem = "few"
        elif len(chosen) >= room:
            column.problem = "room"
        elif not basis.add(column.values):
            column.problem = "together"
        else:
            chosen.append(column)
    return chosen
