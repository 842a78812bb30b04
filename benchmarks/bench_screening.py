"""How fast typed-text screening is, and that it grows linearly with the text. Run by hand:

    .venv/bin/python benchmarks/bench_screening.py [--runs 7]

Ten years of notes (3650 days, each note about 1,300 characters, built from
patient-style sentences, about one note in five with a warning-sign phrase;
5% of sentences ("typical") or 35% ("heavy") mention a sign's words negated or
harmlessly, each of which needs the full clause rules,
and names, places and words of one's own drawn from 20,000 made-up words, so
the vocabulary is as large as ten years of one person's writing and few sentences repeat) are
screened one note at a time with :func:`journal.core.screening.suggested_signs`,
a fresh matcher each run (so each run looks every distinct word up anew).
The floor, measured in the same run, is only splitting the same notes into
words (:func:`journal.core.screening.words_of`): any screening costs at least
that. Linearity: one text of 10k, 20k, 40k, 80k and 160k characters, built
the same way and also as adversarial text (every word a sign word or a
negation, no punctuation, one very long "word"); the time per 1,000
characters should stay flat. Medians of ``--runs`` runs; results also go to
benchmarks/results/screening.json (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from journal.core import screening  # noqa: E402

NOTE_CHARS = 1300
DAYS = 3650
BUDGET_S = 2.0
SIGN_SHARE = 0.01  # of sentences: about one note in five holds a sign phrase
# Share of sentences that mention a sign's words negated, resolved or harmlessly
# ("bladder fine", "a wee bit"): a typical diary, and one that talks of little else.
SETTINGS = {"typical": 0.05, "heavy": 0.35}
RESULTS = ROOT / "benchmarks" / "results" / "screening.json"

NEUTRAL = [
    "Back stiff this morning, loosened up after a shower.",
    "Walked the dog round the park, about forty minutes, felt fine.",
    "Sat at my desk too long again and paid for it in the evening.",
    "Physio said to keep up the bridges and the cat-camel stretch.",
    "Slept badly, woke at three and could not get back off.",
    "Long drive to my sister's, stopped twice to stretch.",
    "Pain about a five most of the day, worse after hoovering.",
    "Hot water bottle helped a bit in the evening.",
    "Weather cold and damp, back aching more than usual.",
    "Did my exercises, ten minutes of stretching and some walking.",
    "Work was busy, meetings all afternoon.",
    "Cooked dinner standing up and had to sit down halfway.",
    "Took the bus instead of driving.",
    "Tried the new pillow between my knees.",
    "Grandchildren came round, lovely but tiring.",
]
# Sentences with a sign's words that are negated, resolved or harmless.
MENTIONS = [
    "No numbness or tingling today, legs feel normal.",
    "Bladder and bowels fine.",
    "Had a wee bit of a lie-in which helped.",
    "Fell asleep on the sofa watching the news.",
    "The tingling in my foot has gone now.",
]
SIGNS = [
    "Numb down there when I wipe.",
    "Could not pee properly all morning.",
    "Foot slapping the floor when I walk.",
    "Pain in both legs today.",
    "Slipped on the ice and landed on my back.",
]


VOCABULARY = 20_000  # distinct made-up words: about what ten years of one person's notes use


def _made_up(rng: random.Random) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(4, 10)))


_POOL = [_made_up(random.Random(n)) for n in range(VOCABULARY)]


def made_up_word(rng: random.Random) -> str:
    return rng.choice(_POOL)


def note(rng: random.Random, mentions: float) -> str:
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < NOTE_CHARS:
        roll = rng.random()
        pool = SIGNS if roll < SIGN_SHARE else MENTIONS if roll < SIGN_SHARE + mentions else NEUTRAL
        sentence = rng.choice(pool)
        if rng.random() < 0.6:  # few sentences come back word for word
            sentence = f"{sentence[:-1]} ({made_up_word(rng)})."
        parts.append(sentence)
        if rng.random() < 0.3:  # names, places and words of one's own: a large vocabulary
            parts.append(f"Saw {made_up_word(rng).title()} at the {made_up_word(rng)}.")
    return " ".join(parts)[:NOTE_CHARS]


def notes(days: int, mentions: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [note(rng, mentions) for _ in range(days)]


def adversarial(chars: int) -> str:
    words = ["no", "both", "legs", "numb", "bladder", "fine", "not", "down", "there", "wee", "incontinance", "saddle"]
    out: list[str] = []
    size = 0
    i = 0
    while size < chars:
        word = words[i % len(words)]
        out.append(word)
        size += len(word) + 1
        i += 1
    return " ".join(out)[: chars - 2000] + " " + "x" * 1999


def fresh() -> None:
    screening._MATCHERS.clear()


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    rules = screening.default_screening()
    result: dict[str, object] = {}
    for setting, mentions in SETTINGS.items():
        texts = notes(DAYS, mentions)

        def screen_all(texts: list[str] = texts) -> None:
            fresh()
            for text in texts:
                screening.suggested_signs(text, rules)

        def split_all(texts: list[str] = texts) -> None:
            for text in texts:
                screening.words_of(text)

        floor = [timed(split_all) for _ in range(runs)]
        years = [timed(screen_all) for _ in range(runs)]
        result[f"ten_years_notes_{setting}"] = {
            "days": DAYS,
            "characters": sum(map(len, texts)),
            "share_of_sentences_with_sign_words": mentions + SIGN_SHARE,
            "median_s": median(years),
            "floor_split_words_median_s": median(floor),
            "ratio_to_floor": median(years) / median(floor),
            "budget_s": BUDGET_S,
        }
        print(
            f"10 years of notes ({DAYS} × {NOTE_CHARS} chars), {setting}: median {median(years):.3f} s (budget {BUDGET_S} s); "
            f"floor (splitting into words) {median(floor):.3f} s; ratio {median(years) / median(floor):.1f}×"
        )
    rng = random.Random(11)
    for kind, make in (
        ("notes", lambda n: " ".join(note(rng, SETTINGS["typical"]) for _ in range(n // NOTE_CHARS + 1))[:n]),
        ("adversarial", adversarial),
    ):
        rows = []
        for chars in (10_000, 20_000, 40_000, 80_000, 160_000):
            text = make(chars)

            def once(text: str = text) -> None:
                fresh()
                screening.suggested_signs(text, rules)

            seconds = median([timed(once) for _ in range(runs)])
            rows.append({"characters": chars, "median_s": seconds, "ms_per_1000_chars": seconds * 1e6 / chars})
            print(
                f"  {kind:12} {chars:>7} chars: median {seconds * 1000:8.1f} ms, {seconds * 1e6 / chars:.3f} ms per 1,000 chars"
            )
        result[f"one_text_{kind}"] = rows
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
