"""Signs built from concepts: any word for one idea with any word for another, in one sentence."""

from __future__ import annotations

import pytest

from journal.core.screening import build_screening, default_screening, suggested_signs

CONTROL = "loss of bladder or bowel control"
URINE = "trouble passing or controlling urine"
SADDLE = "numbness in the saddle area"
FOOT = "foot drop or cannot lift the front of the foot"
PROGRESSIVE = "progressive leg weakness"
FALL = "severe pain after a fall or injury"


def test_a_concept_stands_for_its_words_in_groups_and_unless() -> None:
    rules = build_screening(
        {
            "concept": {"part": ["bladder", "my water"], "wrong": ["leaked", "let go"], "not": ["bottle"]},
            "sign": [{"name": CONTROL, "all": [["@part"], ["@wrong", "wet"]], "unless": ["@not"]}],
        }
    )
    assert rules.signs[0].all == (("bladder", "my water"), ("leaked", "let go", "wet"))
    assert suggested_signs("my water let go in the queue", rules) == [CONTROL]
    assert suggested_signs("the bladder leaked", rules) == [CONTROL]
    assert suggested_signs("my water bottle leaked", rules) == []


def test_an_unknown_concept_is_refused_clearly() -> None:
    with pytest.raises(ValueError, match="'@parts' is not a concept"):
        build_screening({"concept": {"part": ["bladder"]}, "sign": [{"name": CONTROL, "all": [["@parts"]]}]})
    with pytest.raises(ValueError, match=r"\[concept\]"):
        build_screening({"concept": ["bladder"], "sign": []})


def test_the_shipped_lists_use_concepts() -> None:
    # Each sign the issue names gets a set of groups built from concepts, beside its phrases.
    names = {sign.name for sign in default_screening().signs if len(sign.also) >= 1}
    assert {CONTROL, URINE, SADDLE, FOOT, PROGRESSIVE, FALL} <= names


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        # words of two concepts that no listed phrase holds together
        ("the lav defeated me, nothing would come", URINE),
        ("my pyjamas were damp when I woke", CONTROL),
        ("bowels let go at the bus stop", CONTROL),
        ("the loo paper feels like it's on somebody else's bottom", SADDLE),
        ("toes scuffing the lino all day", FOOT),
        ("calf weaker day by day", PROGRESSIVE),
        ("took a tumble down the garden steps, pain 9 out of 10", FALL),
        ("went arse over tit on the kerb, back agony", FALL),
    ],
)
def test_two_concepts_in_one_sentence_find_the_sign(text: str, sign: str) -> None:
    assert sign in suggested_signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "numb with boredom at the meeting",
        "both legs of the trip were delayed",
        "my leg strength is getting better every day",
        "grandson wet the bed at ours",
        "wet the garden and pulled the weeds",
        "the consultant mentioned numbness down below as a risk",
        "fell about laughing",
        "my laptop crashed, terrible day",
        "the table was wobbly",
    ],
)
def test_figurative_and_other_peoples_words_ask_nothing(text: str) -> None:
    assert suggested_signs(text) == []


def test_a_resolution_reaches_eight_words_back() -> None:
    assert suggested_signs("the tingling in my left big toe from Sunday has gone") == []
    assert suggested_signs("the tingling in my left big toe from Sunday is still there") == ["numbness or tingling in legs"]


def test_a_negation_list_stops_where_a_new_subject_starts() -> None:
    # "bed" is a sign's word, so the comma once read as a list of signs going on.
    assert suggested_signs("not reacting in bed, I can't feel much down there") == [SADDLE]
    assert suggested_signs("no numbness, tingling or weakness") == []


@pytest.mark.parametrize(
    "text",
    [
        "had to buy a pack of adult nappies at the chemist",
        "started wearing pull ups because of the bladder",
        "I keep changing my pants, cannot say why",
        "went out for a slash and nothing doing",
        "my leg strength is less and less",
        "pranged the car at the roundabout and my back is in agony",
    ],
)
def test_consequences_and_slang_meet_their_concepts(text: str) -> None:
    assert suggested_signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "bought felt pads for the chair legs",
        "new heat pad for my back, lovely",
        "the signal is weak in the kitchen",
        "my sister is falling in love again",
        "a picture fell off the wall in the hall",
        "I sit on a cushion in the car",
        "she keeps changing her own knickers, teenagers",
    ],
)
def test_figurative_and_everyday_senses_ask_nothing(text: str) -> None:
    assert suggested_signs(text) == []


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("cannae feel my bum on the seat", SADDLE),
        ("wet masel in the night and didnae feel the bladder go", CONTROL),
        ("my bladder feels like it belongs to somebody else", "not feeling when the bladder or bowel is full"),
        ("left leg getting feebler, worse every day", PROGRESSIVE),
        ("my right leg cant push me up on tiptoe, worse each day", PROGRESSIVE),
        ("fell down the steps at the market, pain is agony", FALL),
        ("my bottom feels like nothing on the chair", SADDLE),
        ("havent felt the urge to wee since yesterday morning", "not feeling when the bladder or bowel is full"),
    ],
)
def test_dialect_and_plain_words_meet_their_concepts(text: str, sign: str) -> None:
    assert sign in suggested_signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "the dogs back legs are weak these days",
        "in a weak moment I had cake",
        "legs numb with tiredness after a long shift",
        "pins and needles in my foot, same as always",
        "numb bit on my calf, same size as before and not spreading",
        "slipped on the ice in January, all healed",
        "dropped down the league standings after a terrible week",
        "the share price took a fall in the market",
    ],
)
def test_animals_figures_of_speech_and_old_unchanged_things_ask_nothing(text: str) -> None:
    assert suggested_signs(text) == []


@pytest.mark.parametrize("filler", ["now", "today"])
def test_a_filler_word_added_to_a_concept_still_matches(filler: str) -> None:
    data = {
        "concept": {"part": ["leg"], "weak": ["weak"], "worse": ["worse", filler]},
        "negation": {"after": ["fine"], "fillers": ["now", "today"]},
        "sign": [{"name": PROGRESSIVE, "all": [["@part"], ["@weak"], ["@worse"]]}],
    }
    rules = build_screening(data)
    assert suggested_signs(f"my leg is weak {filler}", rules) == [PROGRESSIVE]
    assert suggested_signs(f"my leg was weak but fine {filler}", rules) == []


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("nurse asked if I can feel when my bladder is full - honestly no", True),
        ("nurse asked if I can feel when my bladder is full. I said no", True),
        ("physio asked whether I could feel the toilet paper when I wipe: no", True),
        ("GP asked if I had wet myself without knowing - yes", True),
        ("GP asked if I had numbness between my legs, I said no", False),
        ("nurse asked if I can feel when my bladder is full", False),
    ],
)
def test_an_answer_to_a_question_is_the_patients_report(text: str, asked: bool) -> None:
    assert bool(suggested_signs(text)) is asked
