"""Red flags: logged symptoms that need a clinician, and pain that has stayed severe.

Follows "When to See a Doctor" in 000_32feb4238e8fab95.txt. Nothing here
diagnoses or reassures: it says what to do and why, in plain words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from journal.core.catalog import (
    CatalogKind,
    Urgency,
    default_catalog,
    default_urgencies,
    name_key,
)
from journal.core.day import DayEntry

WHEN_TO_SEE_A_DOCTOR: Final = "000_32feb4238e8fab95.txt, When to See a Doctor"

#: Six-weeks rule parameters (see :func:`persistent_severe_pain`).
PERIOD_DAYS: Final = 42
ROLLING_DAYS: Final = 7
MIN_LOGGED_PER_WINDOW: Final = 4
MIN_LOGGED_DAYS: Final = 30
SEVERE_AVERAGE: Final = 7
MIN_SLOPE: Final = -0.05  # points per day

_FALLBACK_WHY: Final = {
    Urgency.URGENT: "You marked this symptom as one that needs medical care straight away.",
    Urgency.SOON: "You marked this symptom as one to check with your doctor.",
}


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A logged symptom that needs a clinician, soon or now."""

    date: dt.date
    symptom: str
    urgency: Urgency
    why: str  # plain words, from catalog.toml
    source: str  # seed file and section


@dataclass(frozen=True, slots=True)
class PersistentPain:
    """Severe back pain that has lasted six weeks (see :func:`persistent_severe_pain`)."""

    start: dt.date
    end: dt.date
    average: float  # mean back pain over the logged days of the period
    logged_days: int
    slope: float  # least-squares trend, points per day
    message: str
    source: str = WHEN_TO_SEE_A_DOCTOR


def _catalog_symptoms() -> dict[str, tuple[str, str]]:
    return {
        name_key(item.name): (item.why, item.source)
        for item in default_catalog()
        if item.kind is CatalogKind.SYMPTOM
    }


def red_flags_in(
    entry: DayEntry, urgencies: Mapping[str, Urgency] | None = None
) -> list[RedFlag]:
    """The day's symptoms whose urgency is ``urgent`` or ``soon``: urgent first.

    ``urgencies`` maps symptom name → urgency, matched ignoring case; default
    :func:`journal.core.catalog.default_urgencies`. ``why`` and ``source`` come
    from the built-in catalog, with a plain fallback for the user's own symptoms.
    """
    table = default_urgencies() if urgencies is None else urgencies
    by_key = {name_key(name): Urgency(urgency) for name, urgency in table.items()}
    details = _catalog_symptoms()
    flags: list[RedFlag] = []
    seen: set[str] = set()
    for symptom in entry.symptoms:
        key = name_key(symptom)
        urgency = by_key.get(key, Urgency.NONE)
        if urgency is Urgency.NONE or key in seen:
            continue
        seen.add(key)
        why, source = details.get(key, ("", ""))
        flags.append(
            RedFlag(
                date=entry.date,
                symptom=" ".join(symptom.split()),
                urgency=urgency,
                why=why or _FALLBACK_WHY[urgency],
                source=source or WHEN_TO_SEE_A_DOCTOR,
            )
        )
    flags.sort(key=lambda flag: flag.urgency is not Urgency.URGENT)
    return flags


def _list(flags: Sequence[RedFlag]) -> str:
    return "\n".join(f"• {flag.symptom[:1].upper()}{flag.symptom[1:]}. {flag.why}" for flag in flags)


def urgent_message(flags: Sequence[RedFlag]) -> str:
    """A calm, plain message to seek medical care now; "" if no flag is urgent."""
    urgent = [flag for flag in flags if flag.urgency is Urgency.URGENT]
    if not urgent:
        return ""
    return (
        "Please get medical care now.\n\n"
        f"You logged:\n{_list(urgent)}\n\n"
        "Contact your doctor straight away. If you cannot reach them, go to an "
        "emergency department or call your local emergency number.\n\n"
        "This journal cannot tell what is causing it, so please do not wait to see "
        "if it passes. Getting checked early can prevent lasting nerve damage."
    )


def soon_message(flags: Sequence[RedFlag]) -> str:
    """A plain message to see the doctor soon about "soon" flags; "" if none."""
    soon = [flag for flag in flags if flag.urgency is Urgency.SOON]
    if not soon:
        return ""
    return (
        "Please contact your doctor soon about:\n"
        f"{_list(soon)}\n\n"
        "If it gets worse quickly, or you notice a warning sign that needs care "
        "now, get medical care straight away."
    )


def _slope(points: Sequence[tuple[int, int]]) -> float:
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return 0.0
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def persistent_severe_pain(
    days: Sequence[DayEntry], today: dt.date
) -> PersistentPain | None:
    """The six-weeks rule: has back pain stayed severe for six weeks?

    Exact definition. Days after ``today`` are ignored; if a date appears more
    than once the last entry counts. The period is the 42 calendar days ending
    on the last logged day (``end``), i.e. ``end - 41`` to ``end``. The rule
    holds when all of these are true:

    1. at least 30 of the 42 days are logged;
    2. for each of the 36 seven-day windows that fit inside the period (ending
       on ``end - 35`` … ``end``), at least 4 of its 7 days are logged and the
       mean back pain over its logged days is >= 7 (exactly 7 counts);
    3. no downward trend: the least-squares slope of back pain against day
       number, over the logged days of the period, is not below -0.05 points
       per day.

    Returns the period, its average and a calm suggestion to book an
    appointment (citing "When to See a Doctor", 000_32feb4238e8fab95.txt),
    or None.
    """
    pain = {day.date: day.back_pain for day in days if day.date <= today}
    if not pain:
        return None
    end = max(pain)
    start = end - dt.timedelta(days=PERIOD_DAYS - 1)
    period = {date: value for date, value in pain.items() if date >= start}
    if len(period) < MIN_LOGGED_DAYS:
        return None
    for last in range(ROLLING_DAYS - 1, PERIOD_DAYS):
        window_end = start + dt.timedelta(days=last)
        values = [
            period[date]
            for back in range(ROLLING_DAYS)
            if (date := window_end - dt.timedelta(days=back)) in period
        ]
        if len(values) < MIN_LOGGED_PER_WINDOW or sum(values) < SEVERE_AVERAGE * len(values):
            return None
    slope = _slope([((date - start).days, value) for date, value in period.items()])
    if slope < MIN_SLOPE:
        return None
    average = sum(period.values()) / len(period)
    message = (
        f"From {_day(start)} to {_day(end)}, your back pain stayed severe: every "
        f"week averaged 7 or more out of 10 (overall {average:.1f}), and it has not "
        "been easing. Severe low back pain that has not got better with usual care "
        "for more than six weeks is a reason to see a doctor. Please book an "
        "appointment with your doctor, and bring your journal so you can look at it "
        "together."
    )
    return PersistentPain(start, end, average, len(period), slope, message)


__all__ = [
    "PersistentPain",
    "RedFlag",
    "persistent_severe_pain",
    "red_flags_in",
    "soon_message",
    "urgent_message",
]
