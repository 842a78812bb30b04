"""How honest is the before/after comparison of a treatment? Simulated journals.

    python -m benchmarks.treatment_simulation [--journals 1000] [--seed 24]

Each journal has daily back pain around a usual level with AR(1) day-to-day
correlation, a slow drift (a straight line of random slope, up to 2 points
over the whole window, either way), a weekend effect (pain 0.8 points higher
or lower on Saturdays and Sundays, the sign drawn per journal), noise, 0–10
rounding and clipping, and about 12% of days not logged. A treatment starts
in the middle. With no real change, "lower" or "higher" is a false verdict;
with a real change of −1.5 points from the start on, finding "lower" is the
power. Prints a Markdown table (docs/treatments-method.md holds a run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from dataclasses import dataclass

from journal.core.day import DayEntry
from journal.core.treatments import HIGHER, LOWER, Treatment, before_after

START = dt.date(2025, 1, 6)


@dataclass(frozen=True)
class Setting:
    name: str
    days_each_side: int
    rho: float
    change: float


def journal(rng: random.Random, setting: Setting) -> tuple[list[DayEntry], Treatment]:
    total = 2 * setting.days_each_side
    start = START + dt.timedelta(days=setting.days_each_side)
    usual = rng.uniform(3.5, 6.5)
    slope = rng.uniform(-2.0, 2.0) / total
    weekend = rng.choice((-0.8, 0.8))
    sd = 1.0
    error = rng.gauss(0, sd)
    entries = []
    for index in range(total):
        day = START + dt.timedelta(days=index)
        innovation = rng.gauss(0, sd * (1 - setting.rho**2) ** 0.5)
        error = setting.rho * error + innovation
        pain = usual + slope * index + (weekend if day.weekday() >= 5 else 0.0) + error
        if day >= start:
            pain += setting.change
        if rng.random() < 0.12:
            continue
        entries.append(DayEntry(date=day, back_pain=max(0, min(10, round(pain)))))
    return entries, Treatment("physiotherapy", start)


def run(setting: Setting, journals: int, seed: int) -> dict[str, float]:
    rng = random.Random(f"{seed}-{setting.name}")
    lower = higher = compared = 0
    for _ in range(journals):
        entries, treatment = journal(rng, setting)
        result = before_after(entries, treatment)
        if result.difference is None:
            continue
        compared += 1
        lower += result.verdict == LOWER
        higher += result.verdict == HIGHER
    return {"compared": compared, "lower": lower / journals, "higher": higher / journals}


SETTINGS = (
    Setting("no change, 30 days each side, rho 0.5", 30, 0.5, 0.0),
    Setting("no change, 30 days each side, rho 0.7", 30, 0.7, 0.0),
    Setting("no change, 60 days each side, rho 0.5", 60, 0.5, 0.0),
    Setting("no change, 60 days each side, rho 0.7", 60, 0.7, 0.0),
    Setting("no change, 30 days each side, rho 0.85", 30, 0.85, 0.0),
    Setting("no change, 60 days each side, rho 0.85", 60, 0.85, 0.0),
    Setting("1.5 points lower, 30 days each side, rho 0.5", 30, 0.5, -1.5),
    Setting("1.5 points lower, 30 days each side, rho 0.7", 30, 0.7, -1.5),
    Setting("1.5 points lower, 60 days each side, rho 0.5", 60, 0.5, -1.5),
    Setting("1.5 points lower, 60 days each side, rho 0.7", 60, 0.7, -1.5),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journals", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=24)
    args = parser.parse_args()
    began = time.perf_counter()
    print(f"{args.journals} journals per setting, seed {args.seed}\n")
    print("| setting | compared | said lower | said higher |")
    print("| --- | ---: | ---: | ---: |")
    for setting in SETTINGS:
        found = run(setting, args.journals, args.seed)
        print(f"| {setting.name} | {found['compared']:.0f} | {100 * found['lower']:.1f}% | {100 * found['higher']:.1f}% |")
    print(f"\n({time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
