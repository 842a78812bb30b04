"""The trigger model's multiplicity control (Holm across a journal's comparisons) and its
correction for scores at the top of the scale."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from benchmarks import realistic_journals
from journal.core import stats, trigger_fit, trigger_model
from journal.core.day import DayEntry
from journal.core.trigger_model import MeasureAssociation, TriggerImpact


def _closed_testing_holm(p_values: list[float]) -> list[float]:
    """Holm by its definition as closed testing with Bonferroni: the adjusted p-value of a
    comparison is the largest Bonferroni p-value of any set of comparisons that contains it."""
    m = len(p_values)
    adjusted = []
    for i in range(m):
        worst = 0.0
        for size in range(1, m + 1):
            for subset in itertools.combinations(range(m), size):
                if i in subset:
                    worst = max(worst, min(1.0, size * min(p_values[j] for j in subset)))
        adjusted.append(worst)
    return adjusted


def test_holm_is_closed_testing_with_bonferroni() -> None:
    rng = random.Random(5)
    for _ in range(30):
        p_values = [rng.random() ** 3 for _ in range(rng.randint(1, 7))]
        assert stats.holm(p_values) == pytest.approx(_closed_testing_holm(p_values))
    # Hand-worked: sorted 0.005·4, 0.01·3, 0.03·2, 0.04·1 → 0.02, 0.03, 0.06, max(0.04, 0.06).
    assert stats.holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])
    assert stats.holm([0.5, 0.6]) == [1.0, 1.0]
    assert stats.holm([]) == []


def test_ceiling_factor() -> None:
    assert trigger_fit.ceiling_factor([3.0, 5.0, 9.0]) == 1.0
    assert trigger_fit.ceiling_factor([10.0] * 3 + [8.0] * 7) == pytest.approx(1 / 0.7)
    # Past half the days at 10 it stops growing: such a journal says little either way.
    assert trigger_fit.ceiling_factor([10.0] * 8 + [9.0] * 2) == pytest.approx(1 / trigger_model.MIN_BELOW_TOP_SHARE)
    assert trigger_fit.ceiling_factor([]) == 1.0


def _ceiling_journal(seed: int) -> list[DayEntry]:
    return realistic_journals.realistic_journal(random.Random(seed), 180, "ceiling").entries


def test_near_the_top_estimates_are_scaled_and_higher_or_lower_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _ceiling_journal(3)
    model = trigger_model.trigger_model(entries)
    monkeypatch.setattr(trigger_fit, "ceiling_factor", lambda _y: 1.0)
    plain = trigger_model.trigger_model(entries)
    compared = {e.date for e in entries} & {e.date + dt.timedelta(days=1) for e in entries}
    back = [float(e.back_pain) for e in entries if e.date in compared]
    factor = len(back) / sum(1 for v in back if v < 10)
    assert factor > 1.1  # this journal is often at 10
    pairs = [(a, b) for a, b in zip(model.triggers, plain.triggers) if a.pain == "back" and a.difference is not None]
    assert pairs
    for scaled, unscaled in pairs:
        assert (scaled.name, scaled.lag_days) == (unscaled.name, unscaled.lag_days)
        assert unscaled.difference is not None and unscaled.ci_low is not None and unscaled.ci_high is not None
        assert (scaled.difference, scaled.ci_low, scaled.ci_high) == pytest.approx(
            (unscaled.difference * factor, unscaled.ci_low * factor, unscaled.ci_high * factor)
        )
        assert scaled.q_value == unscaled.q_value
        clear = (trigger_model.VERDICT_HIGHER, trigger_model.VERDICT_LOWER)
        if unscaled.verdict in clear or scaled.verdict in clear:
            assert scaled.verdict == unscaled.verdict
        else:  # "no clear difference" needs the wider interval within ±1 point
            assert scaled.verdict != trigger_model.VERDICT_NO_DIFFERENCE or unscaled.verdict == scaled.verdict


def test_higher_or_lower_needs_the_holm_control_over_back_and_leg(monkeypatch: pytest.MonkeyPatch) -> None:
    families: list[list[float]] = []
    real_holm = stats.holm

    def recording(p_values: list[float]) -> list[float]:
        families.append(list(p_values))
        return real_holm(p_values)

    monkeypatch.setattr("journal.core.trigger_model.stats.holm", recording)
    entries = realistic_journals.realistic_journal(random.Random(11), 180, "plain").entries
    model = trigger_model.trigger_model(entries)
    (family,) = families  # one control for the whole journal, leg pain included
    items: list[TriggerImpact | MeasureAssociation] = [*model.triggers, *model.measures]
    estimated = [c for c in items if c.q_value is not None]
    assert len(family) == len(estimated) == model.comparisons
    assert {c.pain for c in estimated} == {"back", "leg"}
    assert sorted(c.q_value for c in estimated if c.q_value is not None) == sorted(real_holm(family))
    for item in estimated:
        assert item.q_value is not None
        called = item.verdict in (trigger_model.VERDICT_HIGHER, trigger_model.VERDICT_LOWER)
        assert called == (item.q_value <= trigger_model.FAMILY_ALPHA), item
    assert "adjusted p" in estimated[0].details


@pytest.mark.slow
def test_realistic_journals_rarely_show_a_false_comparison() -> None:
    """60 journals per setting of the independent generator (1,000 per setting are in
    docs/insights-realistic.md): with Benjamini–Hochberg about a third of plain journals
    showed a false comparison; the journal-wide Holm control keeps it near 5%, and near
    the top of the scale the corrected intervals hold the true 1.5 points in most journals
    (under half did before)."""
    plain = realistic_journals.run_chunk(("plain", 180, 2026, 0, 60))
    assert plain.share(plain.journals_with_false_comparison, plain.journals) <= 0.15
    assert plain.power(f"leg:{realistic_journals.LEG_ONLY}:0") >= 0.80
    ceiling = realistic_journals.run_chunk(("ceiling", 180, 2026, 0, 60))
    assert ceiling.coverage(f"back:{realistic_journals.SAME_DAY}:0") >= 0.80
    assert ceiling.share(ceiling.journals_with_false_comparison, ceiling.journals) <= 0.15
