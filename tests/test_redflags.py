"""Red flags and the six-weeks rule."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from journal.core.catalog import CatalogKind, Urgency, default_catalog, default_urgencies, name_key
from journal.core.day import DayEntry
from journal.core.redflags import (
    ALREADY_CHECKED,
    EARLIER_CHECKED,
    EMERGENCY,
    date_list,
    grouped,
    persistent_severe_pain,
    red_flags_in,
    red_flags_of,
    soon_message,
    urgent_message,
)

DAY = dt.date(2025, 3, 10)
URGENT_NAMES = (
    "loss of bladder or bowel control",
    "trouble passing or controlling urine",
    "not feeling when the bladder or bowel is full",
    "numbness in the saddle area",
    "pain, numbness or weakness in both legs",
    "new problems with sexual function",
    "progressive leg weakness",
    "severe pain after a fall or injury",
    "foot drop or cannot lift the front of the foot",
)
SOON_NAMES = (
    "numbness or tingling in legs",
    "leg weakness",
    "unsteady walking",
    "fever or chills with back pain",
    "unexplained weight loss",
    "pain at night that rest does not ease",
    "pain in the upper back or between the shoulder blades",
    "sudden severe back pain after a cough, lift or minor strain",
)


# --- red flags ---------------------------------------------------------------


def test_catalog_has_exactly_the_warning_signs_named_in_the_issue() -> None:
    symptoms = [item for item in default_catalog() if item.kind is CatalogKind.SYMPTOM]
    assert {i.name for i in symptoms if i.urgency is Urgency.URGENT} == set(URGENT_NAMES)
    assert {i.name for i in symptoms if i.urgency is Urgency.SOON} == set(SOON_NAMES)
    assert default_urgencies()[name_key("stiffness")] is Urgency.NONE


def test_each_warning_sign_has_one_calm_line_and_a_source() -> None:
    for item in default_catalog():
        if item.urgency is Urgency.NONE:
            continue
        assert item.why and "\n" not in item.why and len(item.why) < 200, item.name
        assert item.sources, item.name
        for alarm in ("!", "die", "paralys", "cancer", "tumour", "tumor"):
            assert alarm not in item.why.lower(), (item.name, alarm)


def test_saddle_why_names_the_genitals_and_back_passage() -> None:
    item = next(i for i in default_catalog() if i.name == "numbness in the saddle area")
    assert "genitals" in item.why and "back passage" in item.why


def test_new_signs_the_documents_do_not_cover_cite_nice() -> None:
    new = {
        "not feeling when the bladder or bowel is full",
        "new problems with sexual function",
        "fever or chills with back pain",
        "unexplained weight loss",
        "pain at night that rest does not ease",
        "trouble passing or controlling urine",
        "pain, numbness or weakness in both legs",
    }
    for item in default_catalog():
        if item.name in new:
            assert any(s.file.startswith("nice-") for s in item.sources), item.name


def test_red_flags_of_a_day_urgent_first_with_why_and_source() -> None:
    entry = DayEntry(
        date=DAY,
        back_pain=6,
        symptoms=("stiffness", "Numbness or tingling in legs", "Numbness in the saddle area"),
    )
    flags = red_flags_in(entry)
    assert [(flag.symptom, flag.urgency) for flag in flags] == [
        ("Numbness in the saddle area", Urgency.URGENT),
        ("Numbness or tingling in legs", Urgency.SOON),
    ]
    for flag in flags:
        assert flag.date == DAY
        assert flag.why
        assert "Lumbar disc calcification (patient article)" in flag.source
        assert ".txt" not in flag.source


def test_no_flags_on_a_quiet_day() -> None:
    assert red_flags_in(DayEntry(date=DAY, back_pain=3, symptoms=("stiffness",))) == []


def test_passed_urgencies_are_used_for_own_symptoms() -> None:
    entry = DayEntry(date=DAY, back_pain=3, symptoms=("Burning feet",))
    flags = red_flags_in(entry, {"burning feet": Urgency.SOON})
    assert [flag.symptom for flag in flags] == ["Burning feet"]
    assert flags[0].why and flags[0].source


def test_urgent_message_puts_the_emergency_first_then_each_sign_and_why_once() -> None:
    entry = DayEntry(date=DAY, back_pain=5, symptoms=URGENT_NAMES)
    flags = red_flags_in(entry)
    message = urgent_message(flags, today=DAY)
    assert message.startswith(
        "Go to an emergency department now, or call your local emergency number. Do not wait for a call-back."
    )
    assert "doctor straight away" not in message  # no detour through the GP
    for flag in flags:
        assert message.lower().count(flag.symptom.lower() + ".") == 1
        assert message.count(flag.why) == 1
    assert ALREADY_CHECKED not in message  # all of it is today's
    sentences = _sentences(message)
    assert len(sentences) == len(set(sentences)), "a sentence is repeated"
    assert "today and on" not in message and ", on " not in message
    for reassurance in ("harmless", "nothing to worry", "probably fine", "don't worry"):
        assert reassurance not in message.lower()


def _sentences(message: str) -> list[str]:
    import re

    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", message) if len(s.strip()) > 3]


def test_a_sign_logged_on_many_days_is_said_once_with_its_dates_in_the_past_tense() -> None:
    days = [
        DayEntry(date=dt.date(2025, 12, 3), back_pain=5, symptoms=("numbness in the saddle area",)),
        DayEntry(date=dt.date(2026, 1, 14), back_pain=5, symptoms=("Numbness in the saddle area",)),
    ]
    message = urgent_message(red_flags_of(days), today=dt.date(2026, 2, 1))
    assert message.startswith(EMERGENCY)
    assert "Numbness in the saddle area, on 3 Dec 2025 and 14 Jan 2026." in message
    assert message.count("saddle area") == 2  # the bullet and its why-text, once each
    sentences = _sentences(message)
    assert len(sentences) == len(set(sentences)), "a sentence is repeated"
    assert message.rstrip().endswith(ALREADY_CHECKED)


def test_today_comes_first_and_earlier_dates_are_added() -> None:
    days = [
        DayEntry(date=DAY - dt.timedelta(days=30), back_pain=5, symptoms=("progressive leg weakness",)),
        DayEntry(date=DAY - dt.timedelta(days=9), back_pain=5, symptoms=("numbness in the saddle area",)),
        DayEntry(date=DAY, back_pain=5, symptoms=("numbness in the saddle area",)),
    ]
    message = urgent_message(red_flags_of(days), today=DAY)
    lines = [line for line in message.splitlines() if line.startswith("•")]
    assert lines[0].startswith("• Numbness in the saddle area, today and on 1 Mar 2025.")
    assert lines[1].startswith("• Progressive leg weakness, on 8 Feb 2025.")
    # Today's sign still needs care: the message must not say it can simply be closed.
    assert ALREADY_CHECKED not in message
    assert EARLIER_CHECKED in message


def test_long_date_lists_are_counted_not_dropped() -> None:
    dates = [DAY + dt.timedelta(days=n) for n in range(12)]
    text = date_list(dates)
    assert text.startswith("10 Mar 2025, 11 Mar 2025")
    assert text.endswith("and 4 more days up to 21 Mar 2025")
    assert date_list([DAY]) == "10 Mar 2025"


def test_grouping_keeps_urgent_first_and_every_date() -> None:
    days = [
        DayEntry(date=DAY, back_pain=5, symptoms=("leg weakness",)),
        DayEntry(date=DAY + dt.timedelta(days=2), back_pain=5, symptoms=("Leg Weakness", "unexplained weight loss")),
        DayEntry(date=DAY + dt.timedelta(days=4), back_pain=5, symptoms=("numbness in the saddle area",)),
    ]
    groups = grouped(red_flags_of(days))
    assert [(g.symptom, g.urgency, len(g.dates)) for g in groups] == [
        ("numbness in the saddle area", Urgency.URGENT, 1),
        ("leg weakness", Urgency.SOON, 2),
        ("unexplained weight loss", Urgency.SOON, 1),
    ]


def test_messages_are_empty_without_matching_flags() -> None:
    soon_only = red_flags_in(DayEntry(date=DAY, back_pain=3, symptoms=("leg weakness",)))
    assert urgent_message(soon_only) == ""
    assert "leg weakness" in soon_message(soon_only).lower()
    assert "emergency department" not in soon_message(soon_only)
    assert urgent_message([]) == soon_message([]) == ""


# --- six-weeks rule ----------------------------------------------------------

SUNDAY = dt.date(2025, 3, 9)


def series(
    pain: Callable[[int], int | None],
    length: int,
    end: dt.date = DAY,
    leg: Callable[[int], int | None] = lambda n: None,
) -> list[DayEntry]:
    """Days ending on ``end``; ``pain(n)`` for day n (0 = first), None = not logged."""
    start = end - dt.timedelta(days=length - 1)
    return [
        DayEntry(date=start + dt.timedelta(days=n), back_pain=value, leg_pain=leg(n))
        for n in range(length)
        if (value := pain(n)) is not None
    ]


# The five hand-made cases from the issue, on every weekday (the rule uses calendar weeks).
WEEKDAYS = [DAY + dt.timedelta(days=n) for n in range(7)]


@pytest.mark.parametrize("today", WEEKDAYS)
def test_41_days_at_8_is_not_yet_six_weeks(today: dt.date) -> None:
    assert persistent_severe_pain(series(lambda n: 8, 41, today), today) is None


@pytest.mark.parametrize("today", WEEKDAYS)
def test_42_days_at_8_is(today: dt.date) -> None:
    result = persistent_severe_pain(series(lambda n: 8, 42, today), today)
    assert result is not None
    assert result.start == today - dt.timedelta(days=41) and result.end == today
    assert result.pain == "back pain"
    assert result.days == 42
    assert "back pain has been severe for 6 weeks, since" in result.message
    assert "book an appointment" in result.message
    assert result.source == "Lumbar disc calcification (patient article), When to See a Doctor"


@pytest.mark.parametrize("today", WEEKDAYS)
def test_42_days_at_8_with_a_4_day_gap_still_is(today: dt.date) -> None:
    days = series(lambda n: None if 20 <= n < 24 else 8, 42, today)
    assert len(days) == 38
    assert persistent_severe_pain(days, today) is not None


@pytest.mark.parametrize("today", WEEKDAYS)
def test_six_weeks_of_leg_pain_9_with_back_pain_5_is(today: dt.date) -> None:
    result = persistent_severe_pain(series(lambda n: 5, 42, today, leg=lambda n: 9), today)
    assert result is not None
    assert result.pain == "leg pain"
    assert "Your leg pain has been severe" in result.message


@pytest.mark.parametrize("today", WEEKDAYS)
def test_alternating_7_and_6_is_not(today: dt.date) -> None:
    assert persistent_severe_pain(series(lambda n: 7 if n % 2 else 6, 60, today), today) is None


def test_exactly_seven_as_the_weekly_mean_counts() -> None:
    assert persistent_severe_pain(series(lambda n: 7, 42, SUNDAY), SUNDAY) is not None


def test_no_calendar_week_may_be_mild() -> None:
    # SUNDAY closes week 6; weeks run Monday to Sunday. Pooled, the mean stays above 7 with
    # one week at 4, but a week whose logged mean is under 5 is not six weeks of severe pain.
    one_mild = series(lambda n: 4 if 7 <= n < 14 else 9, 42, SUNDAY)
    assert persistent_severe_pain(one_mild, SUNDAY) is None
    one_moderate = series(lambda n: 5 if 7 <= n < 14 else 9, 42, SUNDAY)
    assert persistent_severe_pain(one_moderate, SUNDAY) is not None


def test_sparse_logging_is_pooled_over_the_six_weeks() -> None:
    # People in severe pain log less: pain 9 logged every third day is six weeks of severe pain.
    every_third = series(lambda n: 9 if n % 3 == 0 else None, 42, SUNDAY)
    assert len(every_third) == 14
    result = persistent_severe_pain(every_third, SUNDAY)
    assert result is not None and result.pain == "back pain"
    # but seven logged days are too few to say
    seven = series(lambda n: 9 if n % 6 == 0 else None, 42, SUNDAY)
    assert len(seven) == 7 and persistent_severe_pain(seven, SUNDAY) is None


def test_leg_pain_needs_three_recorded_days_in_a_week() -> None:
    leg_twice = series(lambda n: 4, 42, SUNDAY, leg=lambda n: 9 if n % 7 in (0, 1) else None)
    assert persistent_severe_pain(leg_twice, SUNDAY) is None


def test_mixed_weeks_name_both_pains() -> None:
    # Back severe in the first three weeks, leg severe in the last three.
    days = series(lambda n: 8 if n < 21 else 4, 42, SUNDAY, leg=lambda n: 4 if n < 21 else 8)
    result = persistent_severe_pain(days, SUNDAY)
    assert result is not None and result.pain == "back or leg pain"


def test_future_days_are_ignored_and_old_mild_days_do_not_matter() -> None:
    days = series(lambda n: 8, 42, SUNDAY)
    later = [DayEntry(date=SUNDAY + dt.timedelta(days=3), back_pain=1)]
    result = persistent_severe_pain(days + later, SUNDAY)
    assert result is not None and result.end == SUNDAY
    older = [DayEntry(date=SUNDAY - dt.timedelta(days=60 + n), back_pain=1) for n in range(10)]
    assert persistent_severe_pain(older + days, SUNDAY) is not None
    assert persistent_severe_pain([], SUNDAY) is None


def test_the_spell_start_stops_at_a_mild_day_before_the_first_severe_week() -> None:
    # 44 days ending SUNDAY; day n is SUNDAY - (43 - n); the six weeks start on day 2 (a Monday).
    mild_the_sunday_before = series(lambda n: 2 if n == 1 else 8, 44, SUNDAY)
    result = persistent_severe_pain(mild_the_sunday_before, SUNDAY)
    assert result is not None and result.start == SUNDAY - dt.timedelta(days=41) and result.days == 42
    mild_two_days_before = series(lambda n: 2 if n == 0 else 8, 44, SUNDAY)
    result = persistent_severe_pain(mild_two_days_before, SUNDAY)
    assert result is not None and result.start == SUNDAY - dt.timedelta(days=42) and result.days == 43
    # A mild day as the very first day of the six weeks: the spell starts there, 42 days back.
    mild_first_monday = series(lambda n: None if n < 2 else 2 if n == 2 else 8, 44, SUNDAY)
    result = persistent_severe_pain(mild_first_monday, SUNDAY)
    assert result is not None and result.days == 42


def test_six_weeks_counts_to_today_even_if_today_is_not_logged_yet() -> None:
    days = series(lambda n: 8, 41, SUNDAY - dt.timedelta(days=1))
    assert persistent_severe_pain(days, SUNDAY - dt.timedelta(days=1)) is None
    result = persistent_severe_pain(days, SUNDAY)
    assert result is not None and result.end == SUNDAY - dt.timedelta(days=1) and result.days == 42


def test_every_soon_sign_says_how_soon_from_a_named_guideline() -> None:
    from journal.core.sources import works

    external = {key for key, work in works().items() if work.external}
    for item in default_catalog():
        if item.urgency is Urgency.SOON:
            assert item.when.startswith("within "), item.name
            assert item.sources[0].file in external, item.name


def test_the_soon_message_gives_each_signs_time_frame() -> None:
    import datetime as dt

    from journal.core.day import DayEntry
    from journal.core.redflags import red_flags_in, soon_message

    day = dt.date(2026, 1, 5)
    entry = DayEntry(date=day, back_pain=4, symptoms=("fever or chills with back pain", "unexplained weight loss"))
    message = soon_message(red_flags_in(entry), day)
    assert "See a doctor within a day or two; the same day if you feel very unwell." in message
    assert "See a doctor within a week." in message
