"""Guidance wording from issue 23: no claim the sources do not make, and the safety notes they do."""

from __future__ import annotations

from journal.core.guidance import GuidanceItem, load_library
from journal.core.sources import works


def _item(item_id: str) -> GuidanceItem:
    return load_library().by_id(item_id)


def _external(item: GuidanceItem) -> set[str]:
    return {s.file for s in item.sources if works()[s.file].external}


def test_treatment_is_not_said_to_slow_calcification() -> None:
    item = _item("what-treatment-can-do")
    assert "slow" not in item.summary.lower()
    assert not any("slow it" in point.lower() for point in item.points)


def test_heat_warns_of_burns_and_points_to_the_fall_sign_from_a_named_source() -> None:
    item = _item("heat-therapy")
    cautions = " ".join(item.cautions).lower()
    assert "burn" in cautions and "numb" in cautions
    assert "after a fall or injury" in cautions
    assert "nhs-back-pain" in _external(item)


def test_cold_points_to_the_fall_sign() -> None:
    item = _item("cold-therapy")
    assert any("after a fall or injury" in caution for caution in item.cautions)
    assert "nhs-back-pain" in _external(item)


def test_tens_says_who_should_not_use_it_from_a_named_source() -> None:
    item = _item("tens-under-guidance")
    cautions = " ".join(item.cautions).lower()
    for word in ("pacemaker", "pregnant", "epilepsy", "heart"):
        assert word in cautions, word
    assert "nhs-tens" in _external(item)


def test_leg_pain_sends_worsening_weakness_to_the_emergency_department() -> None:
    item = _item("leg-pain-and-nerves")
    weakness = next(p for p in item.points if "keeps getting worse" in p)
    assert "emergency department" in weakness
