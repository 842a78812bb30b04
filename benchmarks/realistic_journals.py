"""A second, independent generator of journals: the departures real diaries have from the model.

benchmarks/simulated_journals.py draws journals from the model's own
assumptions (Gaussian AR(1) pain, no weekly rhythm, every trigger noted for
its own sake), so it can only confirm them. The journals here break them on
purpose, one departure per setting and then all at once:

* ``weekend``: pain 1.2 points higher (or lower) at weekends, and a trigger
  with no effect ("long drive") that mostly happens at weekends;
* ``relief``: rest, lying down and a heat pack logged *because* pain is high
  (what helped, never a trigger): kept out of the triggers, as the journal
  keeps them, so they must never reach the model;
* ``overlap``: hours of sitting recorded every day, overlapping the
  "prolonged sitting" trigger (correlation about 0.9), with no effect of
  their own beyond the trigger's;
* ``leg only``: a trigger ("long walk") that raises leg pain by 2 points and
  back pain not at all;
* ``ceiling``: usual pain 7.5-8.5, so scores pile up at 10;
* ``persistent``: day-to-day correlation 0.90-0.97;
* ``logging``: good days skipped more often, real flares (3-10 days, +3
  points) during which logging mostly stops;
* ``heavy tails``: day-to-day changes from a t distribution with 3 degrees
  of freedom;
* ``many triggers``: 16 triggers, four of them seen on only 5-8 days;
* ``all``: every departure together.

Every journal has two real back-pain effects: "prolonged sitting" adds
:data:`BACK_EFFECT` points the same day (it happens mostly on weekdays) and
"lifting" adds the same the next day. There is no trend, so any improving or
worsening verdict is false, and flares are only those drawn (``logging``
and ``all``), so flare days in other settings are false alarms.

Only the journal's public shape is used (:class:`DayEntry` in,
:func:`build_summary` out), so the same journals can be read by an older
version of the app for a before-and-after comparison.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from journal.core.day import ActivityMinutes, DayEntry
from journal.core.summary import build_summary

START = dt.date(2024, 1, 1)  # a Monday
BACK_EFFECT = 1.5
LEG_EFFECT = 2.0
WEEKEND_SHIFT = 1.2
SAME_DAY = "prolonged sitting"
NEXT_DAY = "lifting"
LEG_ONLY = "long walk"
WEEKEND_TRIGGER = "long drive"
BASE_NULLS = ("cold or damp weather", "bending", "twisting", "poor posture")
EXTRA_NULLS = ("housework", "standing", "stairs", "driving", "coughing", "carrying shopping")
RARE_NULLS = ("moving furniture", "long flight", "new mattress", "vacuuming")
RELIEF = ("rest", "lying down", "heat pack")
#: (trigger, lag) → true effect on back pain; every other (trigger, lag) has none.
BACK_TRUTH = {(SAME_DAY, 0): BACK_EFFECT, (NEXT_DAY, 1): BACK_EFFECT}
LEG_TRUTH = {(LEG_ONLY, 0): LEG_EFFECT}
DEPARTURES = ("weekend", "relief", "overlap", "leg only", "ceiling", "persistent", "logging", "heavy tails", "many triggers")
SETTINGS = ("plain", *DEPARTURES, "all")
CLEAR = ("higher", "lower")


def _has(setting: str, departure: str) -> bool:
    return setting == departure or setting == "all"


def _spells(rng: random.Random, days: int, share: float, mean_spell: float) -> list[bool]:
    """On for about ``share`` of days, in spells of about ``mean_spell`` days."""
    stay = 1.0 - 1.0 / mean_spell
    start = share * (1.0 - stay) / (1.0 - share)
    state = rng.random() < share
    out = []
    for _ in range(days):
        out.append(state)
        state = rng.random() < (stay if state else start)
    return out


def _innovation(rng: random.Random, heavy: bool) -> float:
    """Unit-variance noise: Gaussian, or t with 3 degrees of freedom (variance 3, so scaled)."""
    if not heavy:
        return rng.gauss(0.0, 1.0)
    chi2 = sum(rng.gauss(0.0, 1.0) ** 2 for _ in range(3))
    return rng.gauss(0.0, 1.0) / math.sqrt(chi2 / 3) / math.sqrt(3.0)


def _rare(rng: random.Random, days: int) -> list[bool]:
    on = [False] * days
    for i in rng.sample(range(days), rng.randint(5, 8)):
        on[i] = True
    return on


@dataclass(frozen=True, slots=True)
class Journal:
    entries: list[DayEntry]
    flare_days: frozenset[dt.date]  # the drawn flares' days (logged or not)
    null_back: frozenset[str]  # triggers with no effect on back pain
    null_leg: frozenset[str]


def realistic_journal(rng: random.Random, days: int, setting: str) -> Journal:
    """One journal of ``days`` calendar days from :data:`START` with the departures of ``setting``."""
    persistent = _has(setting, "persistent")
    phi = rng.uniform(0.90, 0.97) if persistent else rng.uniform(0.6, 0.8)
    usual = rng.uniform(7.5, 8.5) if _has(setting, "ceiling") else rng.uniform(3.0, 5.5)
    # the same day-to-day variance (about 1.4 points) whatever φ
    sd = 1.4 * math.sqrt(1 - phi * phi)
    weekend_shift = rng.choice((-1.0, 1.0)) * WEEKEND_SHIFT if _has(setting, "weekend") else 0.0
    heavy = _has(setting, "heavy tails")
    dates = [START + dt.timedelta(days=i) for i in range(days)]
    weekend = [d.weekday() >= 5 for d in dates]
    sitting_spells = _spells(rng, days, 0.4, 3.0)
    on: dict[str, list[bool]] = {
        SAME_DAY: [s and (not w or rng.random() < 0.25) for s, w in zip(sitting_spells, weekend)],
        NEXT_DAY: _spells(rng, days, 0.2, 2.0),
        LEG_ONLY: _spells(rng, days, 0.25, 2.0),
        WEEKEND_TRIGGER: [rng.random() < ((0.45 if w else 0.04) if _has(setting, "weekend") else 0.12) for w in weekend],
    }
    nulls = list(BASE_NULLS)
    if _has(setting, "many triggers"):
        nulls += EXTRA_NULLS
        for name in RARE_NULLS:
            on[name] = _rare(rng, days)
    for name in nulls:
        on[name] = _spells(rng, days, rng.uniform(0.1, 0.35), rng.uniform(1.5, 5.0))
    flare_on = [False] * days
    if _has(setting, "logging"):
        i = rng.randint(0, 40)
        while i < days:
            length = rng.randint(3, 10)
            for k in range(i, min(days, i + length)):
                flare_on[k] = True
            i += length + rng.randint(25, 60)
    back_dev = rng.gauss(0.0, 1.4)
    leg_dev = rng.gauss(0.0, 1.4)
    leg_usual = usual + rng.uniform(-1.5, 1.0)
    entries: list[DayEntry] = []
    for i, date in enumerate(dates):
        shock = _innovation(rng, heavy)
        back_dev = phi * back_dev + sd * shock
        leg_dev = phi * leg_dev + sd * (0.6 * shock + 0.8 * _innovation(rng, heavy))
        back = usual + back_dev + weekend_shift * weekend[i] + 3.0 * flare_on[i]
        back += BACK_EFFECT * on[SAME_DAY][i] + (BACK_EFFECT * on[NEXT_DAY][i - 1] if i else 0.0)
        leg = leg_usual + leg_dev + weekend_shift * weekend[i] + 3.0 * flare_on[i] + LEG_EFFECT * on[LEG_ONLY][i]
        back_score = max(0, min(10, round(back)))
        if not _logged(rng, setting, back - usual - weekend_shift * weekend[i], flare_on[i]):
            continue
        leg_score = max(0, min(10, round(leg))) if rng.random() < 0.9 else None
        relief: list[str] = []
        if _has(setting, "relief"):
            # done because pain is high: the worse the day, the likelier
            for name in RELIEF:
                if rng.random() < 1 / (1 + math.exp(-(back - usual - 1.0) * 1.5)):
                    relief.append(name)
        activities: list[ActivityMinutes] = []
        if _has(setting, "overlap"):
            minutes = rng.randint(330, 480) if on[SAME_DAY][i] else rng.randint(60, 270)
            activities.append(ActivityMinutes("sitting", minutes))
        entries.append(
            DayEntry(
                date=date,
                back_pain=back_score,
                leg_pain=leg_score,
                sleep_hours=round(rng.gauss(7.0, 1.0) * 2) / 2,
                sleep_quality=max(0, min(10, round(rng.gauss(6.0, 1.5)))),
                triggers=tuple(name for name in on if on[name][i]),
                activities=tuple(activities),
                # what was done for the pain is self-care, never a trigger
                medications=tuple(relief),
            )
        )
    null_back = frozenset(name for name in on if name not in (SAME_DAY, NEXT_DAY))
    null_leg = frozenset(name for name in on if name != LEG_ONLY)
    return Journal(entries, frozenset(d for d, f in zip(dates, flare_on) if f), null_back, null_leg)


def _logged(rng: random.Random, setting: str, deviation: float, in_flare: bool) -> bool:
    """About 88% of days logged; with ``logging``, good days skipped more and flares mostly unlogged."""
    if not _has(setting, "logging"):
        return rng.random() < 0.88
    if in_flare:
        return rng.random() < 0.35
    return rng.random() < (0.65 if deviation < -0.7 else 0.9)


@dataclass
class Counts:
    """Counts over the journals of one setting (add two with :meth:`add`)."""

    journals: int = 0
    null_pairs: int = 0
    false_verdicts: int = 0
    journals_with_false_pattern: int = 0
    journals_with_false_comparison: int = 0  # … leaving the trend direction aside
    false_trend: int = 0
    relief_in_model: int = 0
    false_flare_journals: int = 0  # journals with a flare episode where none was drawn
    drawn_flare_days: int = 0
    drawn_flare_days_seen: int = 0  # … logged and counted as flare days
    found: dict[str, int] = field(default_factory=dict)
    estimated: dict[str, int] = field(default_factory=dict)
    covered: dict[str, int] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        for name in (
            "journals",
            "null_pairs",
            "false_verdicts",
            "journals_with_false_pattern",
            "journals_with_false_comparison",
            "false_trend",
            "relief_in_model",
            "false_flare_journals",
            "drawn_flare_days",
            "drawn_flare_days_seen",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for mine, theirs in ((self.found, other.found), (self.estimated, other.estimated), (self.covered, other.covered)):
            for key, value in theirs.items():
                mine[key] = mine.get(key, 0) + value

    def share(self, count: int, total: int) -> float:
        return count / total if total else math.nan

    def power(self, key: str) -> float:
        return self.share(self.found.get(key, 0), self.journals)

    def coverage(self, key: str) -> float:
        return self.share(self.covered.get(key, 0), self.estimated.get(key, 0))


def _pain_of(item: Any) -> str:
    return str(getattr(item, "pain", "back"))


def _items(summary: Any) -> Iterable[Any]:
    """Every trigger comparison, plus any reported together with a measure (newer versions)."""
    yield from summary.triggers


def score(journal: Journal, days: int) -> Counts:
    """Build the summary of one journal and count what it got right and wrong."""
    counts = Counts(journals=1)
    summary = build_summary(journal.entries, START, START + dt.timedelta(days=days - 1))
    false_here = False
    for t in _items(summary):
        pain = _pain_of(t)
        truth_table = LEG_TRUTH if pain == "leg" else BACK_TRUTH
        nulls = journal.null_leg if pain == "leg" else journal.null_back
        flagged = t.verdict in CLEAR
        if t.name in RELIEF:
            counts.relief_in_model += 1
        key = f"{pain}:{t.name}:{t.lag_days}"
        if (t.name, t.lag_days) in truth_table:
            truth = truth_table[(t.name, t.lag_days)]
            counts.found[key] = counts.found.get(key, 0) + (flagged and (t.difference or 0) > 0)
            if t.ci_low is not None and t.ci_high is not None:
                counts.estimated[key] = counts.estimated.get(key, 0) + 1
                counts.covered[key] = counts.covered.get(key, 0) + (t.ci_low <= truth <= t.ci_high)
        elif t.name in nulls:
            counts.null_pairs += 1
            counts.false_verdicts += flagged
            false_here = false_here or flagged
    for m in summary.measure_associations:  # no measure has an effect of its own here
        counts.null_pairs += 1
        counts.false_verdicts += m.verdict in CLEAR
        false_here = false_here or m.verdict in CLEAR
    trend_called = summary.trend.verdict in ("improving", "worsening")
    counts.false_trend += trend_called
    counts.journals_with_false_comparison += false_here
    counts.journals_with_false_pattern += false_here or trend_called
    flare_days = set(summary.flares.days)
    if not journal.flare_days:
        counts.false_flare_journals += bool(summary.flares.episodes)
    else:
        counts.drawn_flare_days += len(journal.flare_days)
        counts.drawn_flare_days_seen += len(journal.flare_days & flare_days)
    return counts


def run_chunk(args: tuple[str, int, int, int, int]) -> Counts:
    """Journals ``first`` … ``first + count - 1`` of one setting; each has its own seed, so
    the result does not depend on how the work is split."""
    setting, days, seed, first, count = args
    total = Counts()
    index = SETTINGS.index(setting)
    for k in range(first, first + count):
        rng = random.Random(f"{seed}:{index}:{days}:{k}")
        total.add(score(realistic_journal(rng, days, setting), days))
    return total
