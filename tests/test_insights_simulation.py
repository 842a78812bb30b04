"""The trigger insights on simulated journals (fixed seeds): the error-rate targets.

A small, fast version of benchmarks/insights_simulation.py, which runs 200+
journals per setting and whose figures are in the README.
"""

from __future__ import annotations

import pytest

from benchmarks import realistic_journals
from benchmarks.simulated_journals import BREAKS_PAIR, CONFOUNDED, REAL_NEXT_DAY, REAL_SAME_DAY, run_setting

JOURNALS = 200
#: Two targets sat close to what the method achieved with Benjamini–Hochberg
#: (1,000 journals at 180 days: 23.5% of journals with any false pattern, the
#: confounded trigger flagged in 3.5%). With the Holm control they are about
#: 6% and 1% (500 journals, docs/insights-method.md). With 200 journals a share
#: near 25% has a sampling error of about 3 points, so those two are checked
#: against the target plus that margin.
SAMPLING_MARGIN = 0.03


@pytest.mark.slow
def test_error_rates_at_180_days() -> None:
    result = run_setting(180, JOURNALS, seed=2026)
    assert result.journals == JOURNALS
    assert result.false_verdict_rate <= 0.05
    assert result.false_pattern_rate <= 0.25 + SAMPLING_MARGIN
    for pair in ((REAL_SAME_DAY, 0), (REAL_NEXT_DAY, 1)):
        assert result.power(pair) >= 0.90, pair
        assert result.coverage(pair) >= 0.90, pair
    assert result.confounded_rate <= 0.05 + SAMPLING_MARGIN, CONFOUNDED
    assert result.pacing_rate <= 0.05  # activity unrelated to pain


@pytest.mark.slow
def test_no_effects_means_few_patterns() -> None:
    result = run_setting(180, JOURNALS, seed=7, effects=False)
    assert result.false_verdict_rate <= 0.05
    assert result.false_pattern_rate <= 0.25


@pytest.mark.slow
def test_breaks_per_sitting_hour_error_rates_at_180_days() -> None:
    """Timed sitting on most weekdays (benchmarks/simulated_journals.py): a 1-point-per-break
    effect is found in about three journals in four at 180 days (it was 87% before "higher" needed
    the journal-wide Holm control; see docs/insights-method.md) and almost always after a year,
    and breaks with no effect are rarely called higher or lower."""
    real = run_setting(180, JOURNALS, seed=2027, sitting=True, breaks_effect=True)
    assert real.breaks_compared == JOURNALS
    assert real.power(BREAKS_PAIR) >= 0.65
    assert real.coverage(BREAKS_PAIR) >= 0.90
    assert real.false_verdict_rate <= 0.05
    null = run_setting(180, JOURNALS, seed=2028, sitting=True, breaks_effect=False)
    assert null.breaks_false_rate <= 0.05  # fewer breaks come with a real trigger here
    # The same journals without timed sitting (the sitting has its own random stream, and
    # with no breaks effect the days are identical): one more comparison adds no more false
    # patterns than its own false verdicts.
    same_days = run_setting(180, JOURNALS, seed=2028)
    assert null.false_pattern_rate <= same_days.false_pattern_rate + null.breaks_false_rate
    assert null.false_verdict_rate <= same_days.false_verdict_rate + 0.005


@pytest.mark.slow
def test_realistic_journals_weekends_relief_and_leg_pain() -> None:
    """The independent generator (benchmarks/realistic_journals.py; 1,000 journals per setting are
    in docs/insights-realistic.md): with weekends and relief logged because of pain, false verdicts
    stay under 5% of null comparisons, relief never reaches the model, the weekday-linked effect's
    interval still covers the truth, and a leg-only effect is found on leg pain."""
    weekend = realistic_journals.run_chunk(("weekend", 180, 2026, 0, 60))
    assert weekend.share(weekend.false_verdicts, weekend.null_pairs) <= 0.05
    assert weekend.coverage(f"back:{realistic_journals.SAME_DAY}:0") >= 0.85
    relief = realistic_journals.run_chunk(("relief", 180, 2026, 0, 60))
    assert relief.relief_in_model == 0
    assert relief.power(f"leg:{realistic_journals.LEG_ONLY}:0") >= 0.80
