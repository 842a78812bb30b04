"""How far to trust "mornings 6, evenings 4"? Simulated pain-now readings.

    python -m benchmarks.time_of_day_simulation [--journals 2000] [--seed 25]

Each simulated person has a usual back pain level (3.5–6.5), day-to-day AR(1)
variation (rho 0.6, day SD 1.2), and readings that scatter around the day's
level (SD 1.0 within a day), rounded and clipped to 0–10. They record on a
share of the 28 days, in the morning and the evening (and sometimes the
afternoon), each with its own probability, so some journals sit just at the
minimum the rule asks for (5 days, 3 days in each of two parts). A true
morning-minus-evening difference of 0, 1 or 2 points is added.

For each setting the table gives how often the pattern is shown at all, and,
among journals where it is shown, how often the morning and evening medians
differ by 1 point or more and by 2 or more, in either direction. With no true
difference, those are the shown "differences" that are only noise: the
journal words the pattern as medians with no claim that the parts differ,
and docs/during-the-day.md reports a run. Uses the app's own rule
(:func:`journal.core.time_of_day.day_pattern`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
from dataclasses import dataclass

from journal.core.readings import PainReading
from journal.core.time_of_day import day_pattern

END = dt.date(2026, 3, 31)


@dataclass(frozen=True)
class Setting:
    name: str
    share_of_days: float  # days with any reading
    morning: float  # chance of a morning reading on such a day
    evening: float
    difference: float  # true morning minus evening


def readings(rng: random.Random, setting: Setting) -> list[PainReading]:
    usual = rng.uniform(3.5, 6.5)
    level = 0.0
    found = []
    for back in range(27, -1, -1):
        level = 0.6 * level + rng.gauss(0, 1.2 * math.sqrt(1 - 0.6**2))
        if rng.random() > setting.share_of_days:
            continue
        date = END - dt.timedelta(days=back)
        day = usual + level
        for hour, chance, shift in (
            (8, setting.morning, setting.difference / 2),
            (14, 0.3, 0.0),
            (20, setting.evening, -setting.difference / 2),
        ):
            if rng.random() < chance:
                value = max(0, min(10, round(day + shift + rng.gauss(0, 1.0))))
                found.append(PainReading(date, dt.time(hour), value))
    return found


def run(setting: Setting, journals: int, rng: random.Random) -> tuple[float, float, float]:
    shown = one = two = 0
    for _ in range(journals):
        pattern = day_pattern(readings(rng, setting), end=END)
        if pattern is None or not pattern.enough:
            continue
        parts = {p.key: p.back_median for p in pattern.parts}
        morning, evening = parts["morning"], parts["evening"]
        if morning is None or evening is None:
            continue
        shown += 1
        gap = abs(round(morning, 1) - round(evening, 1))
        one += gap >= 1
        two += gap >= 2
    return shown / journals, one / max(shown, 1), two / max(shown, 1)


SETTINGS = (
    Setting("sparse: 1 day in 4, mornings and evenings often", 0.25, 0.8, 0.8, 0.0),
    Setting("sparse, true difference 1 point", 0.25, 0.8, 0.8, 1.0),
    Setting("sparse, true difference 2 points", 0.25, 0.8, 0.8, 2.0),
    Setting("most days, morning and evening", 0.8, 0.9, 0.8, 0.0),
    Setting("most days, true difference 1 point", 0.8, 0.9, 0.8, 1.0),
    Setting("most days, true difference 2 points", 0.8, 0.9, 0.8, 2.0),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journals", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=25)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    print(f"{args.journals} journals per setting, seed {args.seed}\n")
    print("| setting | pattern shown | morning and evening medians 1+ apart | 2+ apart |")
    print("|---|---|---|---|")
    for setting in SETTINGS:
        shown, one, two = run(setting, args.journals, rng)
        print(f"| {setting.name} | {shown:.0%} | {one:.0%} | {two:.0%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
