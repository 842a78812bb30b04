"""Screening typed text for warning signs: the words find the right sign, and only ask."""

from __future__ import annotations

import pytest

from journal.core.catalog import CatalogKind, Urgency, default_catalog
from journal.core.screening import build_screening, default_screening, suggested_signs, words_of

URINE = "trouble passing or controlling urine"
FULL = "not feeling when the bladder or bowel is full"
CONTROL = "loss of bladder or bowel control"
SADDLE = "numbness in the saddle area"
BOTH = "pain, numbness or weakness in both legs"
SEX = "new problems with sexual function"
NUMB_LEGS = "numbness or tingling in legs"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cannot pass urine", [URINE]),
        ("Can't pass urine properly", [URINE]),
        ("trouble weeing this morning", [URINE]),
        ("hard to start peeing", [URINE]),
        ("Urination difficult", [URINE]),
        ("bladder feels odd", [URINE]),
        ("I can't feel when my bladder is full", [FULL]),
        ("don't feel my bowels are full", [FULL]),
        ("wet myself on the way to the loo", [CONTROL]),
        ("couldn't make it to the toilet", [CONTROL]),
        ("lost control of my bowels", [CONTROL]),
        ("loss of bladder control", [CONTROL]),
        ("loss of bladder or bowel control", [CONTROL]),
        ("lost my bladder control", [CONTROL]),
        ("numb around my genitals", [SADDLE]),
        ("Pins and needles in the saddle area", [SADDLE]),
        ("numb down below", [SADDLE]),
        ("tingling around the back passage", [SADDLE]),
        ("pain in both legs today", [BOTH]),
        ("pins and needles in both my legs", [BOTH]),
        ("both feet feel numb", [BOTH]),
        ("erection problems since Monday", [SEX]),
        ("numbness in left foot", [NUMB_LEGS]),
        ("NUMB TOES", [NUMB_LEGS]),
        ("I fell on the ice", ["severe pain after a fall or injury"]),
        ("feverish and shivery", ["fever or chills with back pain"]),
        ("pain at night, nothing helps", ["pain at night that rest does not ease"]),
        ("my leg keeps giving way and getting weaker", ["progressive leg weakness"]),
    ],
)
def test_words_point_to_the_right_sign(text: str, expected: list[str]) -> None:
    assert suggested_signs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "sore back after gardening",
        "a wee bit stiff this morning",
        "fell asleep on the sofa",
        "Kribbeln im Fuß",  # unknown language: nothing is guessed
        "walked the dog, felt fine",
        "腰が痛い",
    ],
)
def test_everyday_words_ask_nothing(text: str) -> None:
    assert suggested_signs(text) == []


def test_two_signs_in_one_note_are_both_suggested_in_file_order() -> None:
    assert suggested_signs("Numb groin and can't pee") == [URINE, SADDLE]


def test_words_are_case_and_apostrophe_blind() -> None:
    assert words_of("Can’t FEEL it") == ["cant", "feel", "it"]
    assert suggested_signs("CAN'T FEEL WHEN MY BLADDER IS FULL") == suggested_signs("can’t feel when my bladder is full")


def test_every_sign_in_the_words_file_is_a_catalog_warning_sign() -> None:
    warning = {item.name for item in default_catalog() if item.kind is CatalogKind.SYMPTOM and item.urgency is not Urgency.NONE}
    named = [sign.name for sign in default_screening().signs]
    assert len(named) == len(set(named))
    assert set(named) <= warning
    urgent = {item.name for item in default_catalog() if item.urgency is Urgency.URGENT}
    assert urgent <= set(named), "every urgent sign can be found from typed words"


def test_bad_words_data_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="'all'"):
        build_screening({"sign": [{"name": URINE, "all": []}]})
    with pytest.raises(ValueError, match="'name'"):
        build_screening({"sign": [{"all": [["x"]]}]})


def test_a_pattern_with_optional_words() -> None:
    rules = build_screening({"sign": [{"name": BOTH, "all": [["both *? legs"]]}]})
    assert suggested_signs("both legs", rules) == [BOTH]
    assert suggested_signs("both my legs", rules) == [BOTH]
    assert suggested_signs("both of my legs", rules) == []


def test_imported_days_to_check_list_unmarked_signs_only() -> None:
    import datetime as dt

    from journal.core.day import DayEntry
    from journal.core.screening import days_to_check

    first, second, third = dt.date(2025, 12, 3), dt.date(2025, 12, 4), dt.date(2025, 12, 5)
    entries = [
        DayEntry(date=third, back_pain=4, notes="fine day"),
        DayEntry(date=first, back_pain=6, symptoms=("cannot pass urine",)),
        DayEntry(date=second, back_pain=6, symptoms=(URINE,), notes="still can't pee properly"),
    ]
    assert days_to_check(entries) == [(first, (URINE,))]


@pytest.mark.parametrize(
    "text",
    [
        "no problems peeing",
        "bladder and bowels fine",
        "sex was fine, no problems",
        "the tingling has gone",
        "I fell behind at work",
        "the doctor asked if I'd had a fall; I haven't",
        "no numbness, tingling or weakness",
        "numbness in my toes settled down now",
        "never had any bladder trouble",
        "the new bike saddle is comfy",
    ],
)
def test_negated_resolved_and_asked_about_words_ask_nothing(text: str) -> None:
    assert suggested_signs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("legs fine but numb down there", [SADDLE]),  # "but" ends the clause "fine" covers
        ("no back pain today, numb down below", [SADDLE]),  # a comma ends "no"'s reach
        ("bladder not normal", [URINE]),  # "not normal" is no resolution
        ("numb groin, no better", [SADDLE]),
        ("no feeling down there", [SADDLE]),  # the sign's own "no" is not a negation
    ],
)
def test_negation_stays_in_its_clause(text: str, expected: list[str]) -> None:
    assert suggested_signs(text) == expected


def test_one_edit_misspellings_of_long_words_match_but_short_words_do_not() -> None:
    assert suggested_signs("incontinance") == [CONTROL]  # a letter changed, prefix pattern
    assert suggested_signs("sadle numbness") == [SADDLE]  # a letter dropped
    assert suggested_signs("numb grion") == [SADDLE]  # two letters swapped
    assert suggested_signs("numb bun") == [NUMB_LEGS]  # "bun" is too short to be taken for "bum"
    assert suggested_signs("my fever is gone, never had chills") == []


def test_real_words_next_to_sign_words_are_not_misspellings() -> None:
    assert suggested_signs("climbed a ladder, fine") == []
    assert suggested_signs("right leg aches, nothing helps at night") == ["pain at night that rest does not ease"]
    assert suggested_signs("it rained, got a towel") == []


def test_lay_words_for_the_new_signs() -> None:
    foot = "foot drop or cannot lift the front of the foot"
    assert suggested_signs("foot drop on the right") == [foot]
    assert suggested_signs("my foot slaps the floor when I walk") == [foot]
    assert suggested_signs("can't lift my toes") == [foot]
    assert suggested_signs("pain between my shoulder blades") == ["pain in the upper back or between the shoulder blades"]


def test_a_pattern_must_start_with_a_word() -> None:
    with pytest.raises(ValueError, match="must start with a word"):
        build_screening({"sign": [{"name": BOTH, "all": [["* legs"]]}]})


def test_an_ampersand_reads_as_and() -> None:
    assert suggested_signs("pins & needles in my groin") == [SADDLE]
