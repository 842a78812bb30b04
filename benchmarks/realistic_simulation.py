"""Error rates of the insights on journals from the independent generator (not part of the test suite):

    .venv/bin/python benchmarks/realistic_simulation.py [--journals 1000] [--days 180] [--seed 22] [--processes 2]

Journals come from benchmarks/realistic_journals.py (weekends, relief logged
because of pain, overlapping measures, leg-only effects, a ceiling, very
persistent pain, logging that skips good days and stops in flares, heavy
tails, many and rare triggers, and all together). Each journal goes through
the whole ``build_summary`` pipeline. Prints one Markdown table row per
setting; the figures are in docs/insights-realistic.md.

``--journal-from DIR`` reads the app from another checkout (for example
``git archive <commit> | tar -x -C DIR``) to measure a version before a change
on exactly the same journals.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setup_path(journal_from: str | None) -> None:
    sys.path.insert(0, str(ROOT))
    if journal_from:
        sys.path.insert(0, str(Path(journal_from).resolve()))


def percent(value: float) -> str:
    return "–" if math.isnan(value) else f"{100 * value:.1f}%"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--journals", type=int, default=1000)
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--settings", default="", help="comma-separated settings (default: all)")
    parser.add_argument("--journal-from", default=None, help="a checkout whose journal package to measure")
    args = parser.parse_args()
    _setup_path(args.journal_from)
    import multiprocessing

    from benchmarks import realistic_journals as rj

    settings = [s for s in args.settings.split(",") if s] or list(rj.SETTINGS)
    began = time.perf_counter()
    chunk = 50
    jobs = [
        (setting, args.days, args.seed, first, min(chunk, args.journals - first))
        for setting in settings
        for first in range(0, args.journals, chunk)
    ]
    context = multiprocessing.get_context("fork")
    with context.Pool(args.processes, initializer=_setup_path, initargs=(args.journal_from,)) as pool:
        parts = pool.map(rj.run_chunk, jobs, chunksize=1)
    per_setting: dict[str, rj.Counts] = {s: rj.Counts() for s in settings}
    for job, part in zip(jobs, parts):
        per_setting[job[0]].add(part)
    print(
        f"| setting ({args.days} days) | journals | false verdicts (null pairs) | journals with any false pattern | "
        "… with a false comparison (trend aside) | trend direction called (none real) | "
        "back +1.5 same day: found / CI covers | back +1.5 next day: found / CI covers | "
        "leg-only +2: found / CI covers | flare episodes where none were drawn | drawn flare days counted |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for setting, c in per_setting.items():
        same, nxt, leg = f"back:{rj.SAME_DAY}:0", f"back:{rj.NEXT_DAY}:1", f"leg:{rj.LEG_ONLY}:0"
        flares = percent(c.share(c.drawn_flare_days_seen, c.drawn_flare_days)) if c.drawn_flare_days else "–"
        leg_text = f"{percent(c.power(leg))} / {percent(c.coverage(leg))}" if c.estimated.get(leg) else "not analysed"
        print(
            f"| {setting} | {c.journals} | {percent(c.share(c.false_verdicts, c.null_pairs))} | "
            f"{percent(c.share(c.journals_with_false_pattern, c.journals))} | "
            f"{percent(c.share(c.journals_with_false_comparison, c.journals))} | {percent(c.share(c.false_trend, c.journals))} | "
            f"{percent(c.power(same))} / {percent(c.coverage(same))} | {percent(c.power(nxt))} / {percent(c.coverage(nxt))} | "
            f"{leg_text} | {percent(c.share(c.false_flare_journals, c.journals)) if c.drawn_flare_days == 0 else '–'} | "
            f"{flares} |",
            flush=True,
        )
        if c.relief_in_model:
            print(f"<!-- relief reached the model {c.relief_in_model} times -->")
    print(f"\n{time.perf_counter() - began:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
