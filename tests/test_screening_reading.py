"""How the screening reads beyond one sentence's words (issue 23, round 23e).

Dialect respelled, an answer after a question mark, a sentence that carries on
the one before, a clause that belongs to another person, misspellings two edits
away or sounding the same, and consequences told without a symptom word.
"""

from __future__ import annotations

import pytest

from journal.core.resources import load_toml
from journal.core.screening import build_screening, default_screening, suggested_signs
from journal.core.screening.text import _answered, respelled, sound_key, within_two_edits

SADDLE = "numbness in the saddle area"
URINE = "trouble passing or controlling urine"
CONTROL = "loss of bladder or bowel control"
FALL = "severe pain after a fall or injury"
BOTH_LEGS = "pain, numbness or weakness in both legs"
FOOT = "foot drop or cannot lift the front of the foot"
STRAIN = "sudden severe back pain after a cough, lift or minor strain"
SEX = "new problems with sexual function"


def test_dialect_and_text_speak_are_read_in_the_lists_spelling() -> None:
    spellings = dict(default_screening().spellings)
    assert respelled("couldnae get it oot", spellings) == "couldnt get it out"
    assert URINE in suggested_signs("couldnae get a wee oot since teatime")
    assert CONTROL in suggested_signs("wet mesel at the bus stop, never felt a thing")
    assert URINE in suggested_signs("nurse cathed me last nite, couldnt go")


def test_a_list_word_the_spelling_table_reads_otherwise_is_refused() -> None:
    data = dict(load_toml("warning_words.toml"))
    data["ignore"] = [*data.get("ignore", []), "pished masel"]
    with pytest.raises(ValueError, match="masel"):
        build_screening(data)


@pytest.mark.parametrize(
    "text",
    [
        "Catheter? No.",
        "catheter? no thanks, never needed one",
        "Any numbness down there? None.",
        "leaking? nope",
        "problems with the waterworks? not at all",
    ],
)
def test_an_answer_after_a_question_mark_answers_it(text: str) -> None:
    assert suggested_signs(text) == []


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Any numbness down there? Yes, since Friday.", SADDLE),
        ("could I feel it when I wiped? no, nothing", SADDLE),
        ("able to pee? no, not since last night", URINE),
        ("Am I wetting myself without knowing? No idea, the pad is wet", CONTROL),
    ],
)
def test_an_answer_that_tells_of_the_sign_still_asks(text: str, sign: str) -> None:
    assert sign in suggested_signs(text)


def test_a_question_that_asks_whether_all_is_well_is_no_resolution_when_answered_no() -> None:
    assert _answered("bladder ok? no.") == "bladder not right.."


def test_a_sign_may_be_completed_in_a_sentence_that_carries_on_the_one_before() -> None:
    assert FALL in suggested_signs("Went down on the garage floor. Now I can barely breathe with the pain.")
    assert FALL in suggested_signs("ended up on the patio. agony since")
    assert URINE in suggested_signs("Sat on the loo for an hour. And still nothing.")


@pytest.mark.parametrize(
    "text",
    [
        # the second sentence has a subject of its own
        "Went down on the garage floor to find the screws. My neighbour says the pain of moving house is unbearable.",
        # the first sentence's sign is negated or in the past
        "Had a fall years ago. Now the pain is unbearable some days.",
        "No falls. Now in agony from bending to the dishwasher.",
        "Fell asleep in the chair. Now my neck hurts.",
    ],
)
def test_a_sentence_with_its_own_subject_or_a_negated_first_one_does_not_join(text: str) -> None:
    assert FALL not in suggested_signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "my mate Dave has numbness in both legs, waiting on a scan",
        "my sister's friend Jo had a fall and is in agony",
        "visited my neighbour who has foot drop after his stroke",
        "auntie Jean is on a catheter now",
        "our Dave came a cropper on his bike, he's in agony",
    ],
)
def test_a_clause_about_another_named_person_is_theirs(text: str) -> None:
    assert suggested_signs(text) == []


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my mate says I can't feel the seat when I sit, numb down there", SADDLE),
        ("hubby had to clean me up, I didn't know I'd gone", CONTROL),
        ("picked up my grandson and the pain was excruciating", STRAIN),
        ("my wife noticed the bed was wet again at 3am", CONTROL),
        ("my fella can't feel anything down there either since his back went", SADDLE),
    ],
)
def test_a_clause_the_patient_is_in_stays_theirs_own(text: str, sign: str) -> None:
    assert sign in suggested_signs(text)


def test_two_edits_and_sound_alike_spellings_of_long_words() -> None:
    assert within_two_edits("genitles", "genitals")
    assert not within_two_edits("incontinence", "continent")
    assert sound_key("sensashun") == sound_key("sensation")
    assert sound_key("looking") != sound_key("leaking")
    assert SADDLE in suggested_signs("genitles numb since saturday")
    assert SADDLE in suggested_signs("lost all sensashun round my bottom")
    assert CONTROL in suggested_signs("incontenance of urine since yesterday")


@pytest.mark.parametrize(
    "text",
    [
        "important to keep walking, the physio said",
        "sleeping badly, looking after the grandkids",
        "drinking more water like the GP said, weeing a lot",
        "got the potty training underway, little accidents on the carpet",
        "buttons on my cardigan are hard with stiff fingers",
    ],
)
def test_real_words_are_not_taken_for_far_misspellings(text: str) -> None:
    assert suggested_signs(text) == []


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("stripped the bed again at 2am, slept right through it", CONTROL),
        ("carer had to clean me up and I never felt a thing", CONTROL),
        ("didn't know I'd gone till I smelt it", CONTROL),
        ("so embarrassed, had an accident in the queue at the post office", CONTROL),
        ("wiped out on the frosty step, back is agony", FALL),
        ("missed my footing on the stairs, can barely move", FALL),
        ("toppled over in the garden and the pain is excruciating", FALL),
        ("missed the bottom step, agony", FALL),
        ("washing machine on again, third lot of wet trousers", CONTROL),
        ("my hoo-ha has gone numb", SADDLE),
    ],
)
def test_consequences_and_falls_told_in_other_words(text: str, sign: str) -> None:
    assert sign in suggested_signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "changed the sheets today, took ages with my back",
        "hay fever awful, eyes streaming",
        "sat on wet paint at the park, trousers ruined",
        "wet the plants then sat down, legs achy",
        "wiped out after the party, slept all day",
        "hit the deck of the ferry early, lovely sail",
        "slipped a disc in 2019, mostly settled now",
        "so embarrassed, forgot her name at church",
        "sat on the bottom step, bum numb from the cold",
        "did the washing, back aching",
    ],
)
def test_everyday_senses_of_the_new_words_do_not_ask(text: str) -> None:
    assert suggested_signs(text) == []


def test_a_fragment_of_a_few_words_carries_on_the_sentence_before() -> None:
    assert CONTROL in suggested_signs("Wife had to wash the bedding again. Third night. I'm at my wits' end")
    assert CONTROL not in suggested_signs("Washed the bedding. Sunny day. Hung it all out.")


def test_a_person_named_in_several_words_owns_the_clause() -> None:
    assert suggested_signs("my sister in law has a catheter after her op") == []
    assert suggested_signs("the fella next door slipped on his drive, ambulance came") == []
    assert URINE in suggested_signs("my sister in law says I can't empty my bladder properly")


@pytest.mark.parametrize(
    "text",
    [
        "Went down to the beach. Back agony after.",
        "Slipped on the stairs last year. Back is killing me today.",
        "Slipped but didn't fall. Back agony from the jolt.",
        "Stocks fell again. Back is agony.",
    ],
)
def test_a_joined_sentence_keeps_the_first_ones_guards(text: str) -> None:
    assert FALL not in suggested_signs(text)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("had to change my underwear 3 times today", CONTROL),
        ("ive had no wee for 14 hours", URINE),
        ("nurse had to cathiterise me", URINE),
        ("the floor came up to meet me, agony", FALL),
    ],
)
def test_more_plain_words_for_the_signs(text: str, sign: str) -> None:
    assert sign in suggested_signs(text)


@pytest.mark.parametrize(
    "text",
    [
        "popping to the loo a lot, wet weather",
        "coach trip, bum numb from the seats, went off when I stood",
        "had to change my shirt after spilling tea",
        "started the new tablets today",
        "bringing the washing in, back sore",
    ],
)
def test_real_words_one_edit_from_the_new_words_are_not_misspellings(text: str) -> None:
    assert suggested_signs(text) == []
