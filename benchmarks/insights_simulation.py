"""Error rates of the trigger insights on simulated journals (not part of the test suite):

    .venv/bin/python benchmarks/insights_simulation.py [--journals 200] [--seed 1]

Runs the whole ``build_summary`` pipeline on ``--journals`` synthetic
journals per setting (see benchmarks/simulated_journals.py: AR(1) pain with
φ 0.6-0.8, triggers in spells, a confounded trigger, a next-day effect,
gaps, 0-10 integer scores) and prints a Markdown table for the README.
Targets at 180 days: false verdicts ≤ 5% of null (trigger, lag) pairs,
journals with any false pattern ≤ 25%, each real effect found in ≥ 90% with
95% interval coverage ≥ 90%, the confounded trigger flagged in ≤ 5%.

A second table does the same with timed sitting on most weekdays, for
breaks per sitting hour (``--breaks-only`` prints just that one): with a
real effect of 1 point per break fewer an hour, and with none while
"prolonged sitting" (which goes with fewer breaks) still adds pain.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.simulated_journals import (
    BREAKS_PAIR,
    REAL_NEXT_DAY,
    REAL_SAME_DAY,
    SettingResult,
    run_setting,
)

SETTINGS = ((180, True), (90, True), (60, True), (180, False))
#: (days, a real breaks effect, the trigger effects)
BREAKS_SETTINGS = ((180, True, True), (90, True, True), (365, True, True), (180, False, True), (180, False, False))


def percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def row(result: SettingResult, effects: bool) -> str:
    same, next_day = (REAL_SAME_DAY, 0), (REAL_NEXT_DAY, 1)
    real = (
        f"{percent(result.power(same))} / {percent(result.coverage(same))} | "
        f"{percent(result.power(next_day))} / {percent(result.coverage(next_day))}"
        if effects
        else "– | –"
    )
    label = f"{result.days} days" + ("" if effects else ", no real effects")
    return (
        f"| {label} | {result.journals} | {percent(result.false_verdict_rate)} | "
        f"{percent(result.false_pattern_rate)} | {percent(result.confounded_rate)} | {real} | "
        f"{percent(result.pacing_rate)} |"
    )


def breaks_row(result: SettingResult, days: int, real: bool, effects: bool) -> str:
    label = f"{days} days" + ("" if real else ", no breaks effect") + ("" if effects else " nor any other")
    found = f"{percent(result.power(BREAKS_PAIR))} / {percent(result.coverage(BREAKS_PAIR))}" if real else "–"
    falsely = "–" if real else percent(result.breaks_false_rate)
    return (
        f"| {label} | {result.journals} | {percent(result.breaks_compared / result.journals)} | {found} | "
        f"{falsely} | {percent(result.false_verdict_rate)} | {percent(result.false_pattern_rate)} |"
    )


def breaks_table(journals: int, seed: int) -> None:
    print(
        "| setting | journals | breaks compared | breaks effect found / 95% CI covers | breaks called "
        "higher or lower with no effect | false verdicts (null trigger pairs) | journals with any false pattern |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for days, real, effects in BREAKS_SETTINGS:
        result = run_setting(days, journals, seed + days + 2 * real + effects, effects=effects, sitting=True, breaks_effect=real)
        print(breaks_row(result, days, real, effects), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journals", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--breaks-only", action="store_true", help="only the table for breaks per sitting hour")
    args = parser.parse_args()
    began = time.perf_counter()
    if args.breaks_only:
        breaks_table(args.journals, args.seed)
        print(f"\n{time.perf_counter() - began:.0f} s", file=sys.stderr)
        return
    print(
        "| setting | journals | false verdicts (null pairs) | journals with any false pattern "
        "| confounded trigger flagged | same-day effect found / 95% CI covers | "
        "next-day effect found / 95% CI covers | false pacing suggestion |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for days, effects in SETTINGS:
        result = run_setting(days, args.journals, args.seed + days + effects, effects=effects)
        print(row(result, effects), flush=True)
    print()
    breaks_table(args.journals, args.seed)
    print(f"\n{time.perf_counter() - began:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
