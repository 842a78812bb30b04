"""Screening grows linearly with the length of the text (benchmarks/bench_screening.py has the figures)."""

from __future__ import annotations

import statistics
import time

import pytest

from journal.core import screening


def _text(words: int) -> str:
    # Sign words, negations and resolutions with no punctuation: one long sentence.
    cycle = ["no", "both", "legs", "numb", "bladder", "fine", "not", "down", "there", "wee", "incontinance", "saddle"]
    return " ".join(cycle[i % len(cycle)] for i in range(words))


def _seconds(text: str) -> float:
    samples = []
    for _ in range(3):
        screening._MATCHERS.clear()
        start = time.perf_counter()
        screening.suggested_signs(text)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


@pytest.mark.slow
def test_four_times_the_text_takes_about_four_times_as_long() -> None:
    small, large = _seconds(_text(4_000)), _seconds(_text(16_000))
    # Linear would be 4; quadratic, 16. Shared machines are noisy, hence the margin.
    assert large / small < 9, (small, large)


def test_a_sign_after_a_long_run_of_sign_words_is_still_found() -> None:
    assert "numbness in the saddle area" in screening.suggested_signs(_text(3_000) + ". Numb down there.")
