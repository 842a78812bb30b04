"""Synthetic journals that look like real ones, with known answers, and the error rates of the insights on them.

A journal here has what makes real diaries hard:

* AR(1) back pain: today's deviation from the person's usual level is φ
  times yesterday's plus noise, φ drawn between 0.6 and 0.8;
* triggers that come in spells (a two-state Markov chain: once on, a
  trigger tends to stay on for several days);
* a confounded trigger ("long drive") with no effect of its own that mostly
  happens on days of a real one ("prolonged sitting");
* a next-day effect ("stress" raises pain the day after);
* gaps (single unlogged days and runs of a few), integer scores clipped to 0-10;
* sleep hours and sleep quality recorded, with no effect;
* walking most days and gardening now and then, sometimes much more than
  usual ("booms"), with no effect on pain, so any boom-and-bust pacing
  suggestion is a false one.

:func:`run_setting` runs the whole ``build_summary`` pipeline on many such
journals and counts how often the verdicts are right or wrong.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from journal.core.day import ActivityMinutes, DayEntry
from journal.core.sitting import SittingSummary
from journal.core.summary import build_summary
from journal.core.trigger_model import BREAKS_KEY, MeasureAssociation

START = dt.date(2024, 1, 1)
EFFECT = 2.0
REAL_SAME_DAY = "prolonged sitting"
REAL_NEXT_DAY = "stress"
CONFOUNDED = "long drive"
NULL_TRIGGERS = ("cold or damp weather", "bending", "poor posture", "twisting")
TRIGGERS = (REAL_SAME_DAY, REAL_NEXT_DAY, CONFOUNDED, *NULL_TRIGGERS)
REAL_PAIRS = {(REAL_SAME_DAY, 0), (REAL_NEXT_DAY, 1)}
#: Points of back pain for each break fewer per sitting hour than the person's usual.
BREAKS_EFFECT = 1.0
BREAKS_PAIR = (BREAKS_KEY, 0)
#: The timed sitting is drawn from its own stream, so the days themselves are the same with or without it.
SITTING_SEED_OFFSET = 1_000_003


def spell_series(rng: random.Random, days: int, share: float, mean_spell: float) -> list[bool]:
    """A two-state Markov chain on for about ``share`` of days, in spells of ``mean_spell`` days."""
    stay = 1.0 - 1.0 / mean_spell
    start = share * (1.0 - stay) / (1.0 - share)
    state = rng.random() < share
    out = []
    for _ in range(days):
        out.append(state)
        state = rng.random() < (stay if state else start)
    return out


def simulated_journal(rng: random.Random, days: int, *, effects: bool = True) -> list[DayEntry]:
    """One journal of ``days`` calendar days (some unlogged) starting on :data:`START`."""
    return _simulate(rng, days, effects=effects)[0]


def simulated_journal_with_sitting(
    rng: random.Random, sitting_rng: random.Random, days: int, *, effects: bool = True, breaks_effect: bool = True
) -> tuple[list[DayEntry], dict[dt.date, SittingSummary]]:
    """:func:`simulated_journal` (the same days from the same ``rng``) with timed sitting drawn from ``sitting_rng``.

    The timer is used on about 85% of weekdays (90-360 minutes). Each person
    has a usual rate of breaks (0.8-1.8 an hour); a day's rate varies about
    it, and is half a break an hour lower on days of "prolonged sitting",
    which itself adds pain, so an analysis that ignored the trigger would
    blame the breaks. With ``breaks_effect`` each break fewer per hour than
    the person's usual adds :data:`BREAKS_EFFECT` points that day.
    """
    return _simulate(rng, days, effects=effects, sitting_rng=sitting_rng, breaks_effect=breaks_effect)


def _sitting_day(rng: random.Random, usual_rate: float, prolonged: bool) -> SittingSummary | None:
    """One weekday's timed sitting (None when the timer was not used)."""
    if rng.random() >= 0.85:
        return None
    minutes = rng.randint(90, 360)
    rate = max(0.0, min(2.5, usual_rate + rng.gauss(0.0, 0.5) - (0.5 if prolonged else 0.0)))
    return SittingSummary(START, minutes, round(rate * minutes / 60))


def _simulate(
    rng: random.Random,
    days: int,
    *,
    effects: bool,
    sitting_rng: random.Random | None = None,
    breaks_effect: bool = False,
) -> tuple[list[DayEntry], dict[dt.date, SittingSummary]]:
    phi = rng.uniform(0.6, 0.8)
    usual = rng.uniform(3.0, 5.0)
    on = {
        REAL_SAME_DAY: spell_series(rng, days, 0.3, 3.0),
        REAL_NEXT_DAY: spell_series(rng, days, 0.25, 4.0),
    }
    on[CONFOUNDED] = [rng.random() < (0.6 if s else 0.03) for s in on[REAL_SAME_DAY]]
    for name in NULL_TRIGGERS:
        on[name] = spell_series(rng, days, rng.uniform(0.15, 0.35), rng.uniform(2.0, 6.0))
    size = EFFECT if effects else 0.0
    deviation = rng.gauss(0.0, 1.0 / (1 - phi * phi) ** 0.5)
    logged = _logged_days(rng, days)
    sitting: dict[dt.date, SittingSummary] = {}
    usual_rate = sitting_rng.uniform(0.8, 1.8) if sitting_rng is not None else 0.0
    entries = []
    for i in range(days):
        date = START + dt.timedelta(days=i)
        deviation = phi * deviation + rng.gauss(0.0, 1.0) if i else deviation
        timed = None
        if sitting_rng is not None and date.weekday() < 5:
            timed = _sitting_day(sitting_rng, usual_rate, on[REAL_SAME_DAY][i])
        if not logged[i]:
            continue
        pain = usual + deviation + size * on[REAL_SAME_DAY][i]
        pain += size * on[REAL_NEXT_DAY][i - 1] if i else 0.0
        if timed is not None:
            sitting[date] = SittingSummary(date, timed.minutes, timed.breaks)
            if breaks_effect:
                pain += BREAKS_EFFECT * (usual_rate - timed.breaks * 60 / timed.minutes)
        entries.append(
            DayEntry(
                date=date,
                back_pain=max(0, min(10, round(pain))),
                sleep_hours=round(rng.gauss(7.0, 1.0) * 2) / 2,
                sleep_quality=max(0, min(10, round(rng.gauss(6.0, 1.5)))),
                triggers=tuple(name for name in TRIGGERS if on[name][i]),
                activities=_activities(rng),
            )
        )
    return entries, sitting


def _activities(rng: random.Random) -> tuple[ActivityMinutes, ...]:
    """Walking on 80% of days (30 minutes, a long walk 1 day in 8) and gardening 1 day in 4."""
    done = []
    if rng.random() < 0.8:
        done.append(ActivityMinutes("walking", rng.choice((90, 120)) if rng.random() < 1 / 8 else rng.randint(20, 40)))
    if rng.random() < 0.25:
        done.append(ActivityMinutes("gardening", rng.choice((150, 180)) if rng.random() < 0.2 else rng.randint(30, 60)))
    return tuple(done)


def _logged_days(rng: random.Random, days: int) -> list[bool]:
    """About 10% of single days unlogged, plus a 2-5 day gap about once a month."""
    logged = [rng.random() > 0.1 for _ in range(days)]
    i = 0
    while i < days:
        if rng.random() < 1 / 30:
            length = rng.randint(2, 5)
            for k in range(i, min(days, i + length)):
                logged[k] = False
            i += length
        i += 1
    return logged


@dataclass
class SettingResult:
    """Counts over the journals of one setting."""

    days: int
    journals: int = 0
    null_pairs: int = 0
    false_verdicts: int = 0
    journals_with_false_pattern: int = 0
    confounded_flagged: int = 0
    pacing_flagged: int = 0
    breaks_compared: int = 0  # journals whose breaks association got an estimate
    breaks_flagged: int = 0  # … called higher or lower with no real effect
    found: dict[tuple[str, int], int] = field(default_factory=dict)
    estimated: dict[tuple[str, int], int] = field(default_factory=dict)
    covered: dict[tuple[str, int], int] = field(default_factory=dict)

    def share(self, count: int, total: int) -> float:
        return count / total if total else 0.0

    @property
    def false_verdict_rate(self) -> float:
        return self.share(self.false_verdicts, self.null_pairs)

    @property
    def false_pattern_rate(self) -> float:
        return self.share(self.journals_with_false_pattern, self.journals)

    @property
    def pacing_rate(self) -> float:
        """Share of journals given a boom-and-bust pacing suggestion (always false here)."""
        return self.share(self.pacing_flagged, self.journals)

    @property
    def breaks_false_rate(self) -> float:
        """Share of journals whose breaks were called higher or lower with no real effect."""
        return self.share(self.breaks_flagged, self.journals)

    @property
    def confounded_rate(self) -> float:
        return self.share(self.confounded_flagged, self.journals)

    def power(self, pair: tuple[str, int]) -> float:
        return self.share(self.found.get(pair, 0), self.journals)

    def coverage(self, pair: tuple[str, int]) -> float:
        """Share of the journals that gave an interval whose 95% interval holds the true effect."""
        return self.share(self.covered.get(pair, 0), self.estimated.get(pair, 0))


def run_setting(
    days: int, journals: int, seed: int, *, effects: bool = True, sitting: bool = False, breaks_effect: bool = False
) -> SettingResult:
    """Build the summary of ``journals`` simulated journals and count the verdicts.

    With ``sitting`` the journals have timed sitting (see
    :func:`simulated_journal_with_sitting`) and the breaks association is
    counted under :data:`BREAKS_PAIR`: found and covered when
    ``breaks_effect``, otherwise a false verdict when called higher or lower.
    """
    rng = random.Random(seed)
    sitting_rng = random.Random(seed + SITTING_SEED_OFFSET)
    result = SettingResult(days)
    truth = EFFECT if effects else 0.0
    real = REAL_PAIRS if effects else set()
    for _ in range(journals):
        per_day: dict[dt.date, SittingSummary] | None = None
        if sitting:
            entries, per_day = simulated_journal_with_sitting(
                rng, sitting_rng, days, effects=effects, breaks_effect=breaks_effect
            )
        else:
            entries = simulated_journal(rng, days, effects=effects)
        summary = build_summary(entries, START, START + dt.timedelta(days=days - 1), sitting=per_day)
        result.journals += 1
        breaks = next((m for m in summary.measure_associations if m.key == BREAKS_KEY), None)
        if breaks is not None:
            _count_breaks(result, breaks, breaks_effect)
        false_here = False
        for t in summary.triggers:
            pair = (t.name, t.lag_days)
            flagged = t.verdict in ("higher", "lower")
            if pair in real:
                result.found[pair] = result.found.get(pair, 0) + flagged
                if t.ci_low is not None and t.ci_high is not None:
                    result.estimated[pair] = result.estimated.get(pair, 0) + 1
                    result.covered[pair] = result.covered.get(pair, 0) + (t.ci_low <= truth <= t.ci_high)
                continue
            result.null_pairs += 1
            result.false_verdicts += flagged
            false_here = false_here or flagged
        if any(t.name == CONFOUNDED and t.verdict in ("higher", "lower") for t in summary.triggers):
            result.confounded_flagged += 1
        false_here = false_here or any(
            m.verdict in ("higher", "lower") and not (m.key == BREAKS_KEY and breaks_effect) for m in summary.measure_associations
        )
        result.journals_with_false_pattern += false_here
        result.pacing_flagged += any(p.kind == "boom_bust" for p in summary.activities.pacing)
    return result


def _count_breaks(result: SettingResult, breaks: MeasureAssociation, real: bool) -> None:
    """Count the breaks association as a real effect (found, covered) or a null comparison."""
    flagged = breaks.verdict in ("higher", "lower")
    result.breaks_compared += breaks.difference is not None
    if real:
        result.found[BREAKS_PAIR] = result.found.get(BREAKS_PAIR, 0) + (breaks.verdict == "higher")
        if breaks.ci_low is not None and breaks.ci_high is not None:
            result.estimated[BREAKS_PAIR] = result.estimated.get(BREAKS_PAIR, 0) + 1
            result.covered[BREAKS_PAIR] = result.covered.get(BREAKS_PAIR, 0) + (breaks.ci_low <= BREAKS_EFFECT <= breaks.ci_high)
    else:
        result.breaks_flagged += flagged
