"""The rules in :func:`journal.core.validation.validate_day`, one by one."""

from __future__ import annotations

import datetime as dt

import pytest

from journal.core.day import PAIN_LOCATIONS, SCALE_FIELDS, ActivityMinutes, DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.validation import (
    MAX_ITEMS,
    MAX_MEDICATION_LENGTH,
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    MAX_QUESTIONS_LENGTH,
    validate_day,
)

TODAY = dt.date(2024, 6, 15)
DAY = dt.date(2024, 6, 1)


def entry(**changes: object) -> DayEntry:
    return DayEntry(date=DAY, back_pain=3).replace(**changes)


def ok(**changes: object) -> DayEntry:
    return validate_day(entry(**changes), today=TODAY)


def problems(**changes: object) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        validate_day(entry(**changes), today=TODAY)
    return caught.value.problems


def fields(**changes: object) -> list[str]:
    return [field for field, _ in problems(**changes)]


# --- required and scales ------------------------------------------------------------


def test_minimal_entry_is_valid_and_unchanged() -> None:
    assert ok() == entry()


def test_back_pain_is_required() -> None:
    found = problems(back_pain=None)
    assert found == [("back_pain", "is required (a whole number from 0 to 10)")]


@pytest.mark.parametrize("field", SCALE_FIELDS)
@pytest.mark.parametrize("value", [0, 10])
def test_scale_accepts_both_ends(field: str, value: int) -> None:
    assert getattr(ok(**{field: value}), field) == value


@pytest.mark.parametrize("field", SCALE_FIELDS)
@pytest.mark.parametrize("value", [-1, 11, 100])
def test_scale_rejects_out_of_range(field: str, value: int) -> None:
    found = problems(**{field: value})
    assert [f for f, _ in found] == [field]
    assert "from 0 to 10" in found[0][1]
    assert str(value) in found[0][1]


@pytest.mark.parametrize("field", SCALE_FIELDS)
@pytest.mark.parametrize("value", [True, False, 5.0, 5.5, "5"])
def test_scale_rejects_non_integers(field: str, value: object) -> None:
    found = problems(**{field: value})
    assert [f for f, _ in found] == [field]
    assert "whole number" in found[0][1]


@pytest.mark.parametrize("field", [f for f in SCALE_FIELDS if f != "back_pain"])
def test_optional_scales_may_be_missing(field: str) -> None:
    assert getattr(ok(**{field: None}), field) is None


# --- minutes ----------------------------------------------------------------------


@pytest.mark.parametrize("value", [0, 1440])
def test_stiffness_minutes_bounds_accepted(value: int) -> None:
    assert ok(morning_stiffness_min=value).morning_stiffness_min == value


@pytest.mark.parametrize("value", [-1, 1441])
def test_stiffness_minutes_out_of_range(value: int) -> None:
    found = problems(morning_stiffness_min=value)
    assert [f for f, _ in found] == ["morning_stiffness_min"]
    assert "1440" in found[0][1]


@pytest.mark.parametrize("value", [True, 2.5, "30"])
def test_stiffness_minutes_must_be_int(value: object) -> None:
    assert fields(morning_stiffness_min=value) == ["morning_stiffness_min"]


@pytest.mark.parametrize("value", [-1, 1441, True, 10.0, "10"])
def test_activity_minutes_rejected(value: object) -> None:
    assert "activities" in fields(activities=(ActivityMinutes("walking", value),))  # type: ignore[arg-type]


def test_activity_minutes_bounds_accepted() -> None:
    assert ok(activities=(ActivityMinutes("walking", 0),)).activities == (ActivityMinutes("walking", 0),)
    assert ok(activities=(ActivityMinutes("walking", 1440),)).activity_minutes == 1440


def test_activities_total_may_not_exceed_a_day() -> None:
    found = problems(activities=(ActivityMinutes("walking", 800), ActivityMinutes("sitting", 641)))
    assert [f for f, _ in found] == ["activities"]
    assert "1,441" in found[0][1]
    # Exactly a day is fine.
    assert ok(activities=(ActivityMinutes("walking", 800), ActivityMinutes("sitting", 640))).activity_minutes == 1440


def test_merged_activity_counts_towards_total() -> None:
    found = problems(activities=(ActivityMinutes("walking", 1000), ActivityMinutes("Walking", 500)))
    assert [f for f, _ in found] == ["activities"]
    assert "1,500" in found[0][1]


# --- sleep --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [(0, 0.0), (24, 24.0), (7, 7.0), (7.1, 7.0), (7.2, 7.25), (7.4, 7.5), (7.6, 7.5), (7.9, 8.0), (6.75, 6.75)],
)
def test_sleep_rounded_to_quarter_hour(given: float, stored: float) -> None:
    result = ok(sleep_hours=given).sleep_hours
    assert result == stored
    assert isinstance(result, float)


@pytest.mark.parametrize("value", [-0.25, 24.25, 48, float("inf"), float("-inf")])
def test_sleep_out_of_range(value: float) -> None:
    found = problems(sleep_hours=value)
    assert [f for f, _ in found] == ["sleep_hours"]
    assert "0 to 24" in found[0][1]


@pytest.mark.parametrize("value", [float("nan"), True, "7", "seven"])
def test_sleep_must_be_a_number(value: object) -> None:
    found = problems(sleep_hours=value)
    assert [f for f, _ in found] == ["sleep_hours"]
    assert "number of hours" in found[0][1]


# --- dates --------------------------------------------------------------------------


def test_future_date_rejected() -> None:
    found = problems(date=TODAY + dt.timedelta(days=1))
    assert found == [("date", "2024-06-16 is in the future")]


def test_today_accepted() -> None:
    assert ok(date=TODAY).date == TODAY


def test_today_defaults_to_the_real_today() -> None:
    real_today = dt.date.today()
    assert validate_day(DayEntry(real_today, 2)).date == real_today
    with pytest.raises(ValidationError):
        validate_day(DayEntry(real_today + dt.timedelta(days=1), 2))


def test_date_before_1900_rejected() -> None:
    assert fields(date=dt.date(1899, 12, 31)) == ["date"]
    assert ok(date=dt.date(1900, 1, 1)).date == dt.date(1900, 1, 1)


@pytest.mark.parametrize("value", [None, "2024-06-01", dt.datetime(2024, 6, 1, 12, 0)])
def test_date_must_be_a_date(value: object) -> None:
    assert fields(date=value) == ["date"]


# --- pain locations ---------------------------------------------------------------


def test_known_pain_locations_accepted() -> None:
    every = frozenset(PAIN_LOCATIONS)
    assert ok(pain_locations=every).pain_locations == every


def test_unknown_pain_location_rejected() -> None:
    found = problems(pain_locations=frozenset({"lower_back_left", "elbow"}))
    assert [f for f, _ in found] == ["pain_locations"]
    assert "elbow" in found[0][1]
    assert "lower_back_left" in found[0][1].split("known:")[1]  # lists what is known


# --- names --------------------------------------------------------------------------

NAME_FIELDS = ("triggers", "symptoms")


def _names(field: str, *names: str) -> dict[str, object]:
    if field == "activities":
        return {field: tuple(ActivityMinutes(n, 10) for n in names)}
    return {field: names}


@pytest.mark.parametrize("field", NAME_FIELDS)
def test_empty_name_rejected(field: str) -> None:
    found = problems(**_names(field, "   "))
    assert found == [(field, "has an empty name")]


def test_activity_minutes_without_a_name_are_refused_with_a_way_out() -> None:
    found = problems(activities=(ActivityMinutes("   ", 10), ActivityMinutes("walking", 20)))
    # Read after the field's name: "Activities include 10 minutes without a name" (not "Activities has").
    assert found == [("activities", "include 10 minutes without a name: type what you did, or remove that row")]
    assert problems(activities=(ActivityMinutes("", 0),)) == [("activities", "has an empty name")]


@pytest.mark.parametrize("field", (*NAME_FIELDS, "activities"))
def test_name_length_limit(field: str) -> None:
    assert fields(**_names(field, "x" * (MAX_NAME_LENGTH + 1))) == [field]
    assert ok(**_names(field, "x" * MAX_NAME_LENGTH))


@pytest.mark.parametrize("field", (*NAME_FIELDS, "activities", "medications"))
def test_semicolon_in_name_rejected(field: str) -> None:
    found = problems(**_names(field, "tea; biscuits"))
    assert [f for f, _ in found] == [field]
    assert "';'" in found[0][1]


@pytest.mark.parametrize("field", (*NAME_FIELDS, "activities", "medications"))
@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\ud800"])
def test_control_characters_in_name_rejected(field: str, char: str) -> None:
    found = problems(**_names(field, f"bad{char}name"))
    assert [f for f, _ in found] == [field]
    assert "control characters" in found[0][1]


def test_names_may_use_any_language_and_emoji() -> None:
    names = ("散步", "περπάτημα", "🚶 walk", "café au lait")
    assert ok(triggers=names).triggers == names


def test_medication_length_limit() -> None:
    assert ok(medications=("m" * MAX_MEDICATION_LENGTH,)).medications == ("m" * MAX_MEDICATION_LENGTH,)
    assert fields(medications=("m" * (MAX_MEDICATION_LENGTH + 1),)) == ["medications"]


def test_blank_medications_are_dropped() -> None:
    assert ok(medications=("  ", "ibuprofen 200 mg", "")).medications == ("ibuprofen 200 mg",)


# --- notes and questions ------------------------------------------------------------


@pytest.mark.parametrize(("field", "limit"), [("notes", MAX_NOTES_LENGTH), ("questions", MAX_QUESTIONS_LENGTH)])
def test_text_length_limit(field: str, limit: int) -> None:
    assert len(getattr(ok(**{field: "n" * limit}), field)) == limit
    found = problems(**{field: "n" * (limit + 1)})
    assert [f for f, _ in found] == [field]
    assert f"{limit:,}" in found[0][1]


@pytest.mark.parametrize("field", ["notes", "questions"])
def test_text_limit_counts_normalised_line_endings(field: str) -> None:
    limit = MAX_NOTES_LENGTH if field == "notes" else MAX_QUESTIONS_LENGTH
    text = "n" * (limit - 2) + "\r\nx"  # limit + 1 raw characters, limit after normalising
    assert getattr(ok(**{field: text}), field) == "n" * (limit - 2) + "\nx"


@pytest.mark.parametrize("field", ["notes", "questions"])
@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\ud800"])
def test_control_characters_in_text_rejected(field: str, char: str) -> None:
    found = problems(**{field: f"before{char}after"})
    assert found == [(field, "contains control characters")]


@pytest.mark.parametrize("field", ["notes", "questions"])
def test_newlines_and_tabs_allowed_in_text(field: str) -> None:
    text = "line one\n\tindented\nline three"
    assert getattr(ok(**{field: text}), field) == text


@pytest.mark.parametrize("field", ["notes", "questions"])
def test_line_endings_normalised(field: str) -> None:
    assert getattr(ok(**{field: "a\r\nb\rc\n\r\nd"}), field) == "a\nb\nc\n\nd"


def test_text_is_trimmed() -> None:
    assert ok(notes="  \n hello \n\n").notes == "hello"


def test_text_in_any_script_kept_exactly() -> None:
    text = "今天背很痛 — Πόνος στη μέση 😣👩‍⚕️ \u200d \U0001fae8 (newer emoji) \uf8ff"
    assert ok(notes=text).notes == text


# --- list limits ------------------------------------------------------------------


@pytest.mark.parametrize("field", ["triggers", "symptoms", "medications"])
def test_list_limit(field: str) -> None:
    at_limit = tuple(f"item {i}" for i in range(MAX_ITEMS))
    assert len(getattr(ok(**{field: at_limit}), field)) == MAX_ITEMS
    found = problems(**{field: (*at_limit, "one more")})
    assert [f for f, _ in found] == [field]
    assert str(MAX_ITEMS) in found[0][1]


def test_list_limit_counts_after_merging_repeats() -> None:
    names = tuple(f"item {i}" for i in range(MAX_ITEMS)) + ("ITEM 0", "Item 1")
    assert len(ok(triggers=names).triggers) == MAX_ITEMS


def test_activity_list_limit() -> None:
    at_limit = tuple(ActivityMinutes(f"activity {i}", 1) for i in range(MAX_ITEMS))
    assert len(ok(activities=at_limit).activities) == MAX_ITEMS
    found = problems(activities=(*at_limit, ActivityMinutes("one more", 1)))
    assert [f for f, _ in found] == ["activities"]


# --- tidying ------------------------------------------------------------------------


def test_names_merged_ignoring_case_first_spelling_kept() -> None:
    result = ok(triggers=("Stress", "stress", " STRESS ", "poor  sleep", "Poor Sleep"))
    assert result.triggers == ("Stress", "poor sleep")


def test_whitespace_in_names_collapsed() -> None:
    result = ok(
        symptoms=("  muscle \t spasm  ",),
        activities=(ActivityMinutes("  long   walk ", 10),),
        medications=("  ibuprofen   200 mg ",),
    )
    assert result.symptoms == ("muscle spasm",)
    assert result.activities == (ActivityMinutes("long walk", 10),)
    assert result.medications == ("ibuprofen 200 mg",)


def test_repeated_activities_add_up_in_first_position() -> None:
    result = ok(
        activities=(
            ActivityMinutes("walking", 20),
            ActivityMinutes("sitting", 60),
            ActivityMinutes("Walking ", 15),
            ActivityMinutes("WALKING", 5),
        )
    )
    assert result.activities == (ActivityMinutes("walking", 40), ActivityMinutes("sitting", 60))


def test_repeated_medications_merged() -> None:
    assert ok(medications=("heat pack", "heat  pack", "ibuprofen")).medications == ("heat pack", "ibuprofen")


def test_validation_is_idempotent() -> None:
    once = ok(
        triggers=("Stress", "stress"),
        activities=(ActivityMinutes("walking", 10), ActivityMinutes("walking", 5)),
        notes=" x\r\n",
        sleep_hours=7.3,
    )
    assert validate_day(once, today=TODAY) == once


def test_lists_given_as_lists_come_back_as_tuples() -> None:
    result = ok(triggers=["stress"], symptoms=["stiffness"], medications=["tea"], pain_locations={"calf_left"})
    assert result.triggers == ("stress",)
    assert result.symptoms == ("stiffness",)
    assert result.medications == ("tea",)
    assert result.pain_locations == frozenset({"calf_left"})
    assert isinstance(result.pain_locations, frozenset)


# --- the error itself --------------------------------------------------------------


def test_all_problems_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_day(
            DayEntry(
                date=TODAY + dt.timedelta(days=3),
                back_pain=None,  # type: ignore[arg-type]
                leg_pain=12,
                pain_locations=frozenset({"nowhere"}),
                morning_stiffness_min=-5,
                sleep_hours=30.0,
                stress=True,
                activities=(ActivityMinutes("", 10),),
                triggers=("a;b",),
                symptoms=("x" * 61,),
                medications=("m" * 121,),
                notes="\x07",
                questions="q" * (MAX_QUESTIONS_LENGTH + 1),
            ),
            today=TODAY,
        )
    error = caught.value
    assert error.fields == [
        "date",
        "back_pain",
        "leg_pain",
        "stress",
        "morning_stiffness_min",
        "sleep_hours",
        "pain_locations",
        "activities",
        "triggers",
        "symptoms",
        "medications",
        "notes",
        "questions",
    ]
    text = str(error)
    for field in error.fields:
        assert f"{field}:" in text
    assert isinstance(error, UserError)


def test_error_message_names_field_and_problem() -> None:
    with pytest.raises(ValidationError, match=r"^leg_pain: must be from 0 to 10, not 11$"):
        validate_day(entry(leg_pain=11), today=TODAY)


# --- PEG score ----------------------------------------------------------------------


def test_peg_needs_both_interference_items() -> None:
    assert entry().peg is None
    assert entry(interference_enjoyment=4).peg is None
    assert entry(interference_activity=4).peg is None
    assert entry(interference_enjoyment=4, interference_activity=5).peg == pytest.approx((3 + 4 + 5) / 3)


def test_peg_pain_item_is_worse_of_back_and_leg() -> None:
    base = entry(back_pain=3, interference_enjoyment=6, interference_activity=3)
    assert base.pain == 3
    assert base.replace(leg_pain=9).pain == 9
    assert base.replace(leg_pain=9).peg == pytest.approx(6.0)
    assert base.replace(leg_pain=1).peg == pytest.approx(4.0)
    assert base.replace(leg_pain=0).pain == 3


def test_peg_with_zeroes_is_zero_not_none() -> None:
    assert entry(back_pain=0, interference_enjoyment=0, interference_activity=0).peg == 0


def test_medications_repeated_in_another_case_are_merged() -> None:
    entry = DayEntry(date=dt.date(2026, 1, 1), back_pain=2, medications=("Heat pack", "heat  pack"))
    assert validate_day(entry, today=dt.date(2026, 1, 2)).medications == ("Heat pack",)


def test_absurdly_large_numbers_give_a_plain_message_not_a_crash() -> None:
    entry = DayEntry(date=dt.date(2026, 1, 1), back_pain=10**5000, sleep_hours=10**400)
    with pytest.raises(ValidationError) as caught:
        validate_day(entry, today=dt.date(2026, 1, 2))
    assert dict(caught.value.problems) == {
        "back_pain": "must be from 0 to 10, not a very large number",
        "sleep_hours": "must be from 0 to 24 hours, not a very large number",
    }
