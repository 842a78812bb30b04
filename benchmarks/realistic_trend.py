"""The trend's verdict alone on realistic journals, with no trend and with a real fall (not part of the test suite):

    .venv/bin/python benchmarks/realistic_trend.py [--journals 100] [--seed 22] [--settings plain,persistent]

Journals come from benchmarks/realistic_journals.py. For power, each logged
score gets the fall times the day's share of the period plus a uniform ±0.5
before rounding (then clipped to 0-10), so the change is real but the scores
stay whole numbers. Prints, per setting and length, the share of no-trend
journals given a direction and the share of falling ones called improving.
The figures are in docs/insights-realistic.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import realistic_journals as rj
from journal.core import insights


def share_called(setting: str, days: int, journals: int, seed: int, fall: float = 0.0) -> float:
    """No fall: the share given any direction; with a fall: the share called improving."""
    called = 0
    index = rj.SETTINGS.index(setting)
    for k in range(journals):
        rng = random.Random(f"{seed}:{index}:{days}:{k}")
        entries = rj.realistic_journal(rng, days, setting).entries
        if fall:
            entries = [
                dataclasses.replace(
                    e,
                    back_pain=max(
                        0, min(10, round(e.back_pain - fall * (e.date - rj.START).days / (days - 1) + rng.uniform(-0.5, 0.5)))
                    ),
                )
                for e in entries
            ]
        verdict = insights.trend(entries, rj.START, rj.START + dt.timedelta(days=days - 1)).verdict
        called += verdict == insights.TREND_IMPROVING if fall else verdict in (insights.TREND_IMPROVING, insights.TREND_WORSENING)
    return called / journals


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--journals", type=int, default=100)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--settings", default="plain,persistent")
    args = parser.parse_args()
    print("| setting | no trend: direction called | fall of 2 points found | fall of 3 points found |")
    print("| --- | --- | --- | --- |")
    for setting in args.settings.split(","):
        for days in (90, 180):
            cells = [share_called(setting, days, args.journals, args.seed, fall) for fall in (0.0, 2.0, 3.0)]
            print(f"| {setting}, {days} days | " + " | ".join(f"{100 * c:.0f}%" for c in cells) + " |", flush=True)


if __name__ == "__main__":
    main()
