"""The screening measured on patient-style phrasings (tests/data/screening_phrasings*.toml).

Set A (``screening_phrasings.toml``) was written by the team before the word
lists were tuned; set B (``screening_phrasings_b.toml``) was written
independently, without the word lists, and measured before any word was
added for it; set C (``screening_phrasings_c.toml``) was written and measured
before the lists were rebuilt from concepts (docs/screening.md gives the
figures). All run with the same targets; sets W, X and Y hold the phrasings
of round 23e (dialect, consequences, far misspellings, falls told with other
verbs, signs over two sentences, other people's signs, answered questions)
with traps for each.

Targets from issue 23: an urgent sign is suggested for at least 95% of the
cauda equina phrasings (misspellings included) and of the other urgent
phrasings; among ordinary, negated and resolved notes at most 10% raise an
urgent question and at most 20% raise any question.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

import pytest

from journal.core.catalog import Urgency, default_urgencies, name_key
from journal.core.screening import suggested_signs

DATA = Path(__file__).parent / "data"
PHRASINGS = DATA / "screening_phrasings.toml"
SETS = [
    "screening_phrasings.toml",
    "screening_phrasings_b.toml",
    "screening_phrasings_c.toml",
    "screening_phrasings_d.toml",
    "screening_phrasings_e.toml",
    "screening_phrasings_f.toml",  # ordinary notes only
    "screening_phrasings_g.toml",
    "screening_phrasings_h.toml",
    "screening_phrasings_i.toml",
    "screening_phrasings_j.toml",
    "screening_phrasings_k.toml",
    "screening_phrasings_l.toml",
    "screening_phrasings_m.toml",
    "screening_phrasings_n.toml",
    "screening_phrasings_o.toml",
    "screening_phrasings_p.toml",
    "screening_phrasings_q.toml",
    "screening_phrasings_r.toml",
    "screening_phrasings_s.toml",
    "screening_phrasings_t.toml",
    "screening_phrasings_u.toml",  # phrasing set D of round 23c, copied unchanged
    "screening_phrasings_v.toml",  # phrasing set E of round 23d, copied unchanged
    "screening_phrasings_w.toml",  # the rules of round 23e, with their traps
    "screening_phrasings_x.toml",  # written after those rules, measured before tuning
    "screening_phrasings_y.toml",  # written after set X's round, measured before tuning
    "screening_phrasings_z.toml",  # longer notes, written after set Y's round
    "screening_phrasings_aa.toml",  # written after set Z's round
    "screening_phrasings_ab.toml",  # the general ways of telling a sign behind a blind set's misses, with traps
    "screening_phrasings_ac.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_ad.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_ae.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_af.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_ag.toml",  # a blind set of short entries, copied unchanged after its one measure
    "screening_phrasings_ah.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_ai.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_aj.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_ak.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_al.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_am.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_an.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_ao.toml",  # a blind set of longer entries, copied unchanged after its one measure
    "screening_phrasings_ap.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_aq.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_ar.toml",  # a blind set of short sentences, copied unchanged after its one measure
    "screening_phrasings_as.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_at.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_au.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_av.toml",  # a blind set of phone typing, copied unchanged after its one measure
    "screening_phrasings_aw.toml",  # a blind set of euphemisms, copied unchanged after its one measure
    "screening_phrasings_ax.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_ay.toml",  # a blind set, copied unchanged after its one measure
    "screening_phrasings_az.toml",  # a blind set of older writers, copied unchanged after its one measure
    "screening_phrasings_ba.toml",  # a blind set of younger writers, copied unchanged after its one measure
    "screening_phrasings_bb.toml",  # the final measure's five blind sets, copied unchanged after it
    "screening_phrasings_bc.toml",
    "screening_phrasings_bd.toml",
    "screening_phrasings_be.toml",
    "screening_phrasings_bf.toml",
]


@cache
def _phrasings(name: str = PHRASINGS.name) -> dict[str, list[str]]:
    with (DATA / name).open("rb") as handle:
        data = tomllib.load(handle)
    return {key: [str(text) for text in value] for key, value in data.items()}


def _urgent(text: str) -> bool:
    urgencies = default_urgencies()
    return any(urgencies[name_key(sign)] is Urgency.URGENT for sign in suggested_signs(text))


def _share(texts: list[str], hit: bool, urgent_only: bool) -> tuple[float, list[str]]:
    odd = [t for t in texts if (_urgent(t) if urgent_only else bool(suggested_signs(t))) is not hit]
    share = sum(1 for t in texts if (_urgent(t) if urgent_only else bool(suggested_signs(t)))) / len(texts)
    return share, odd


def test_the_set_is_large_enough() -> None:
    data = _phrasings()
    assert sum(len(v) for v in data.values()) >= 150
    assert len(data["cauda_equina"]) >= 50 and len(data["ordinary"]) >= 75


def test_set_b_is_large_enough() -> None:
    data = _phrasings(SETS[1])
    assert len(data["cauda_equina"]) >= 50 and len(data["other_urgent"]) >= 20 and len(data["ordinary"]) >= 75


def test_set_c_is_large_enough() -> None:
    data = _phrasings(SETS[2])
    assert len(data["cauda_equina"]) >= 60 and len(data["other_urgent"]) >= 25 and len(data["ordinary"]) >= 90


@pytest.mark.parametrize(
    ("name", "group"),
    [(name, group) for name in SETS for group in ("cauda_equina", "other_urgent") if group in _phrasings(name)],
)
def test_urgent_phrasings_suggest_an_urgent_sign(name: str, group: str) -> None:
    texts = _phrasings(name)[group]
    share, missed = _share(texts, True, urgent_only=True)
    assert share >= 0.95, f"{share:.0%} suggested; missed: {missed}"


@pytest.mark.parametrize("name", [name for name in SETS if "soon" in _phrasings(name)])
def test_soon_phrasings_suggest_a_warning_sign(name: str) -> None:
    # Fever, weight loss, night pain and the upper back are "soon" signs: any warning sign asked about is right.
    texts = _phrasings(name)["soon"]
    share, missed = _share(texts, True, urgent_only=False)
    assert share >= 0.95, f"{share:.0%} suggested; missed: {missed}"


# The limits are 10% and 20%; the sets are held below 7% and 14% so that
# phrasings never seen (a blind set) keep a margin.
URGENT_LIMIT = 0.07
ANY_LIMIT = 0.14


@pytest.mark.parametrize("name", SETS)
def test_ordinary_notes_rarely_raise_an_urgent_question(name: str) -> None:
    share, raised = _share(_phrasings(name)["ordinary"], False, urgent_only=True)
    assert share <= URGENT_LIMIT, f"{share:.0%} urgent; {raised}"


@pytest.mark.parametrize("name", SETS)
def test_ordinary_notes_rarely_raise_any_question(name: str) -> None:
    share, raised = _share(_phrasings(name)["ordinary"], False, urgent_only=False)
    assert share <= ANY_LIMIT, f"{share:.0%} asked; {raised}"


STRAIN = "sudden severe back pain after a cough, lift or minor strain"


def test_sudden_pain_after_a_strain_is_suggested_as_the_soon_sign_it_is() -> None:
    # Screening does not see About you: it suggests the sign as it stands in the catalog ("soon").
    assert default_urgencies()[name_key(STRAIN)] is Urgency.SOON
    missed = [t for t in _phrasings()["strain"] if STRAIN not in suggested_signs(t)]
    assert missed == []


def test_ordinary_coughs_and_lifts_do_not_suggest_the_strain_sign() -> None:
    raised = [t for t in _phrasings()["ordinary"] if STRAIN in suggested_signs(t)]
    assert raised == []
