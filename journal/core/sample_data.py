"""Six months of realistic sample days, with real patterns in them, for ``--demo``.

The patterns are deliberate so the trends and insights have something true
to find: long sitting raises pain that day and the next, walking eases it,
cold damp spells and poor sleep add to it, and a few heavy gardening or
lifting days are followed by flares (the boom-bust pattern). Overall pain
drifts slowly down. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random

from journal.core import clock
from journal.core.day import ActivityMinutes, DayEntry, ReliefUse
from journal.core.function_check import FunctionCheck
from journal.core.readings import PainReading
from journal.core.treatments import Treatment

_NOTES = (
    "Stiff getting out of bed, eased after a warm shower.",
    "Long meeting today; back ached by the afternoon.",
    "Walked to the shops and back, felt looser afterwards.",
    "Slept badly, woke twice with back pain.",
    "Good day. Did my stretches before breakfast.",
    "Cold and wet outside; kept a heat pack on in the evening.",
)
_QUESTIONS = (
    "Would physiotherapy help with the morning stiffness?",
    "Is swimming a good idea for me?",
    "What should I do when the leg tingling comes back?",
)


def _clamp(value: float, low: int = 0, high: int = 10) -> int:
    return max(low, min(high, round(value)))


def sample_days(end: dt.date | None = None, days: int = 182, seed: int = 7) -> list[DayEntry]:
    """About ``days`` days ending at ``end`` (default today); roughly 1 in 12 days is skipped."""
    rng = random.Random(seed)
    # What helped has its own stream, so the days' other values are those of journals made before it.
    helped_rng = random.Random(seed + 1)
    end = end or clock.today()
    start = end - dt.timedelta(days=days - 1)
    entries: list[DayEntry] = []
    carry = 0.0  # pain carried into the next day
    cold_spell = 0
    flare_left = 0
    for index in range(days):
        date = start + dt.timedelta(days=index)
        progress = index / max(days - 1, 1)
        weekday = date.weekday() < 5
        if cold_spell == 0 and rng.random() < 0.05:
            cold_spell = rng.randint(3, 7)
        cold = cold_spell > 0
        cold_spell = max(0, cold_spell - 1)

        sitting = rng.randint(300, 480) if weekday and rng.random() < 0.55 else rng.randint(60, 180)
        walking = rng.choice((0, 15, 20, 30, 40, 45)) if rng.random() < 0.8 else 0
        sleep_hours = rng.choice((5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0))
        poor_sleep = sleep_hours <= 5.5
        stressed = rng.random() < 0.15
        heavy = (not weekday and rng.random() < 0.12) or rng.random() < 0.03

        pain = 5.0 - 1.6 * progress + carry + rng.gauss(0, 0.6)
        carry = 0.0
        triggers: list[str] = []
        activities = [ActivityMinutes("sitting", sitting)]
        if sitting >= 300:
            pain += 1.5
            carry += 0.8
            triggers.append("prolonged sitting")
        if walking:
            activities.append(ActivityMinutes("walking", walking))
            if walking >= 30:
                pain -= 0.7
        if cold:
            pain += 1.0
            triggers.append("cold or damp weather")
        if poor_sleep:
            triggers.append("poor sleep")
            pain += 0.6
        if stressed:
            triggers.append("stress")
            pain += 0.5
        if heavy:
            if date.weekday() >= 5:
                activities.append(ActivityMinutes("gardening", rng.randint(150, 240)))
            else:
                activities.append(ActivityMinutes("lifting or carrying", rng.randint(30, 60)))
                triggers.append("lifting")
            flare_left = rng.randint(2, 4)
        elif flare_left:
            pain += 2.8
            flare_left -= 1
        if rng.random() < 0.3:
            activities.append(ActivityMinutes("stretching", rng.choice((10, 15, 20))))
        if rng.random() < 0.4:
            activities.append(ActivityMinutes("housework", rng.randint(20, 60)))

        if rng.random() < 1 / 12 and index not in (0, days - 1):
            continue  # a day not logged
        back = _clamp(pain)
        leg = _clamp(back - 2 + rng.gauss(0, 1)) if rng.random() < 0.7 else None
        symptoms = ["stiffness"] if back >= 4 or rng.random() < 0.3 else []
        if back >= 6:
            symptoms.append("muscle spasm")
        if leg is not None and leg >= 4:
            symptoms.append("pain radiating down the leg")
        if leg is not None and leg >= 6 and rng.random() < 0.3:
            symptoms.append("numbness or tingling in legs")
        medications = []
        if back >= 5:
            medications.append("pain relief tablet (as prescribed)")
        # Heat is self-care, logged as what helped (never as a medication).
        relief, medication_helped = _what_helped(helped_rng, back, medications, cold=cold)
        entries.append(
            DayEntry(
                date=date,
                back_pain=back,
                leg_pain=leg,
                pain_locations=frozenset(
                    ["lower_back_centre"] + (["buttock_left", "thigh_left"] if leg is not None and leg >= 3 else [])
                ),
                morning_stiffness_min=_clamp(10 + back * 4 + rng.gauss(0, 5), 0, 1440),
                sleep_hours=sleep_hours,
                sleep_quality=_clamp(sleep_hours + 1 - back / 3 + rng.gauss(0, 1)),
                stress=_clamp((6 if stressed else 3) + rng.gauss(0, 1)),
                interference_enjoyment=_clamp(back * 0.8 + rng.gauss(0, 1)),
                interference_activity=_clamp(back * 0.9 + rng.gauss(0, 1)),
                activities=tuple(activities),
                triggers=tuple(triggers),
                symptoms=tuple(symptoms),
                medications=tuple(medications),
                notes=rng.choice(_NOTES) if rng.random() < 0.15 else "",
                questions=rng.choice(_QUESTIONS) if rng.random() < 0.03 else "",
                relief=relief,
                medication_helped=medication_helped,
            )
        )
    return entries


def sample_treatments(end: dt.date | None = None, days: int = 182) -> tuple[Treatment, ...]:
    """The sample journal's treatments: physiotherapy from two months before its end."""
    end = end or clock.today()
    return (Treatment("physiotherapy", end - dt.timedelta(days=min(60, days // 3))),)


def sample_function_checks(end: dt.date | None = None, weeks: int = 12) -> tuple[FunctionCheck, ...]:
    """Weekly answers of the sample journal: a little more possible each month."""
    end = end or clock.today()
    checks = []
    for week in range(weeks):
        date = end - dt.timedelta(days=7 * (weeks - 1 - week))
        better = week / max(weeks - 1, 1)
        checks.append(
            FunctionCheck(
                date,
                30 + round(30 * better / 5) * 5,
                15 + round(10 * better / 5) * 5,
                20 + round(25 * better / 5) * 5,
                "gardening",
                8 - round(3 * better),
            )
        )
    return tuple(checks)


def sample_readings(end: dt.date | None = None, weeks: int = 4, seed: int = 11) -> tuple[PainReading, ...]:
    """Pain-now readings on most days of the last ``weeks`` weeks, around each sample day's pain.

    Mornings are stiffer (about a point and a half above the day's rating) and
    evenings easier (about a point below), so Trends and the report have a
    pattern through the day to show. Deterministic for a given seed.
    """
    end = end or clock.today()
    rng = random.Random(seed)
    by_date = {day.date: day for day in sample_days(end=end)}
    found: list[PainReading] = []
    for back in range(7 * weeks - 1, -1, -1):
        date = end - dt.timedelta(days=back)
        day = by_date.get(date)
        if day is None or rng.random() < 0.2:
            continue  # not every day has readings
        for hour, shift, chance in ((7, 1.5, 0.9), (13, 0.0, 0.4), (20, -1.0, 0.8)):
            if rng.random() > chance:
                continue
            time = dt.time(hour + rng.randint(0, 2), rng.choice((0, 5, 10, 15, 20, 30, 40, 45, 50)))
            if date == clock.today() and time > clock.now().time():
                continue  # not yet
            leg = None if day.leg_pain is None else _clamp(day.leg_pain + shift / 2 + rng.uniform(-1, 1))
            found.append(PainReading(date, time, _clamp(day.back_pain + shift + rng.uniform(-1, 1)), leg))
    return tuple(found)


def _what_helped(
    rng: random.Random, back: int, medications: list[str], *, cold: bool
) -> tuple[tuple[ReliefUse, ...], tuple[tuple[str, int], ...]]:
    """Relief used on harder days (as people do: because of the pain) and heat on cold ones, rated on most days."""

    def rating(weights: tuple[float, float, float]) -> int | None:
        return None if rng.random() < 0.2 else rng.choices((0, 1, 2), weights)[0]

    relief: list[ReliefUse] = []
    if cold or back >= 6 or (back >= 5 and rng.random() < 0.7):
        relief.append(ReliefUse("heat", rating((0.1, 0.4, 0.5))))
    if back >= 6 and rng.random() < 0.6:
        relief.append(ReliefUse("lying down", rating((0.3, 0.5, 0.2))))
    if rng.random() < 0.25:
        relief.append(ReliefUse("stretching", rating((0.2, 0.5, 0.3))))
    if back >= 4 and rng.random() < 0.15:
        relief.append(ReliefUse("a walk", rating((0.3, 0.4, 0.3))))
    helped: list[tuple[str, int]] = []
    for name in medications:
        value = rating((0.2, 0.6, 0.2))
        if value is not None:
            helped.append((name, value))
    return tuple(relief), tuple(helped)
