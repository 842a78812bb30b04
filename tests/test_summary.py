"""The summary model: JSON shape and types, filtering, red flags, empty periods."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from journal.core import insights
from journal.core.catalog import Urgency
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.errors import UserError
from journal.core.summary import Summary, build_summary, rounded
from journal.formats.summary_json import summary_to_json
from journal.formats.summary_text import render_text

START = dt.date(2024, 3, 1)
END = dt.date(2024, 3, 31)

TOP_LEVEL_KEYS = {
    "period",
    "days_in_period",
    "days_logged",
    "changed_signs",
    "back_pain",
    "leg_pain",
    "peg",
    "triggers",
    "measure_associations",
    "trigger_note",
    "trigger_advice",
    "trigger_method",
    "daily_measures",
    "where_it_hurts",
    "red_flags",
    "flares",
    "activities",
    "trend",
    "medications",
    "questions",
    "notes",
    "best_week",
    "worst_week",
    "caveat",
}


def day(offset: int, pain: int, **fields: object) -> DayEntry:
    return DayEntry(date=START + dt.timedelta(days=offset), back_pain=pain, **fields)  # type: ignore[arg-type]


def journal() -> list[DayEntry]:
    days = []
    for i in range(31):
        if i in (5, 17):
            continue  # not logged
        sitting = i % 3 == 0
        days.append(
            day(
                i,
                (6 if sitting else 3) + i % 2,
                leg_pain=2 if i % 4 == 0 else None,
                interference_enjoyment=4,
                interference_activity=5,
                activities=(ActivityMinutes("walking", 30 + (i % 2) * 10),),
                triggers=("prolonged sitting",) if sitting else (),
                symptoms=("stiffness",) + (("Leg weakness",) if i == 10 else ()),
                medications=("Ibuprofen 200 mg",) if i % 2 else ("heat pack", "Ibuprofen 200 mg"),
                questions="Is swimming OK?" if i == 12 else "",
                notes="Long drive." if i == 20 else "  ",
            )
        )
    # Entries outside the period are ignored (beyond the flare baseline).
    days.append(DayEntry(date=END + dt.timedelta(days=1), back_pain=10, symptoms=("leg weakness",)))
    days.append(DayEntry(date=START - dt.timedelta(days=1), back_pain=0, notes="before"))
    return days


@pytest.fixture(scope="module")
def summary() -> Summary:
    return build_summary(journal(), START, END)


def test_json_top_level_keys_and_types(summary: Summary) -> None:
    data = summary_to_json(summary)
    assert data.keys() >= TOP_LEVEL_KEYS
    assert data["period"] == {"from": "2024-03-01", "to": "2024-03-31"}
    assert data["days_in_period"] == 31
    assert data["days_logged"] == 29
    assert isinstance(data["caveat"], str) and data["caveat"] == insights.CAVEAT
    assert json.loads(json.dumps(data)) == data  # plain JSON types only


def test_json_back_and_leg_pain(summary: Summary) -> None:
    data = summary_to_json(summary)
    back = data["back_pain"]
    assert set(back) >= {"mean", "min", "max", "start_avg", "end_avg", "best_day", "worst_day"}
    pains = [d.back_pain for d in journal() if START <= d.date <= END]
    assert back["mean"] == rounded(sum(pains) / len(pains))
    assert (back["min"], back["max"]) == (3, 7)
    assert back["best_day"] == {"date": "2024-03-03", "back_pain": 3}  # earliest of the lowest
    assert back["worst_day"] == {"date": "2024-03-04", "back_pain": 7}
    leg = data["leg_pain"]
    assert {k: leg[k] for k in ("mean", "min", "max", "days")} == {"mean": 2.0, "min": 2, "max": 2, "days": 8}
    assert leg["severe_days"] == [] and leg["flares"]["days"] == []
    assert leg["trend"]["verdict"] == "too few days"  # 8 days with leg pain


def test_json_triggers_one_item_per_trigger_and_lag(summary: Summary) -> None:
    triggers = summary_to_json(summary)["triggers"]
    assert [(t["name"], t["lag_days"]) for t in triggers] == [("prolonged sitting", 0), ("prolonged sitting", 1)]
    keys = {
        "name",
        "pain",
        "lag_days",
        "days_with",
        "days_without",
        "difference",
        "ci_low",
        "ci_high",
        "verdict",
        "sentence",
        "q_value",
        "method",
        "details",
        "together_with",
    }
    for item in triggers:
        assert set(item) == keys
        assert isinstance(item["sentence"], str)
    same_day = triggers[0]
    assert same_day["verdict"] == "higher"
    # Days compared are logged days whose previous calendar day is logged in the period:
    # 29 logged days less the first day and the days after the two gaps.
    assert same_day["days_with"] + same_day["days_without"] == 26
    assert same_day["method"].startswith("one linear regression")
    assert 0 <= same_day["q_value"] <= 0.1


def test_json_red_flags_use_catalog_urgency(summary: Summary) -> None:
    assert summary_to_json(summary)["red_flags"] == [
        {"date": "2024-03-11", "symptom": "Leg weakness", "urgency": "soon", "when": _when("leg weakness")}
    ]


def test_custom_urgencies_are_matched_ignoring_case() -> None:
    result = build_summary(journal(), START, END, urgencies={"STIFFNESS": Urgency.URGENT})
    flags = summary_to_json(result)["red_flags"]
    assert len(flags) == 29
    assert {f["urgency"] for f in flags} == {"urgent"}


def test_json_medications_questions_notes(summary: Summary) -> None:
    data = summary_to_json(summary)
    assert data["medications"] == {"Ibuprofen 200 mg": 29, "heat pack": 16}
    assert list(data["medications"]) == ["Ibuprofen 200 mg", "heat pack"]
    assert data["questions"] == [{"date": "2024-03-13", "text": "Is swimming OK?"}]
    assert data["notes"] == [{"date": "2024-03-21", "text": "Long drive."}]


def test_json_peg_flares_activities_trend_weeks(summary: Summary) -> None:
    data = summary_to_json(summary)
    assert set(data["peg"]) == {"start", "end", "weekly"}
    assert all(set(w) == {"week_start", "mean", "days"} for w in data["peg"]["weekly"])
    assert set(data["flares"]) == {
        "days",
        "episodes",
        "per_month",
        "typical_length_days",
        "severe_days",
        "bad_days",
        "definition",
    }
    assert data["flares"]["per_month"][0]["month"] == "2024-03"
    (walking,) = data["activities"]["items"]
    assert set(walking) == {
        "name",
        "days",
        "total_minutes",
        "minutes_per_week",
        "baseline_minutes",
        "boom_bust",
        "boom_comparison",
    }
    assert walking["days"] == 29
    assert isinstance(data["activities"]["pacing"], list)
    assert set(data["trend"]) >= {"slope_per_day", "ci_low", "ci_high", "verdict", "sentence"}
    for key in ("best_week", "worst_week"):
        assert set(data[key]) == {"week", "start", "end", "days_logged", "mean_back_pain"}


def test_numbers_are_rounded_once_to_two_decimals(summary: Summary) -> None:
    def floats(value: object) -> list[float]:
        if isinstance(value, float):
            return [value]
        if isinstance(value, dict):
            return [f for v in value.values() for f in floats(v)]
        if isinstance(value, list):
            return [f for v in value for f in floats(v)]
        return []

    numbers = floats(summary_to_json(summary))
    assert numbers
    assert all(round(n, 2) == n for n in numbers)
    assert summary.back_pain.mean == summary_to_json(summary)["back_pain"]["mean"]
    assert rounded(-0.001) == 0.0 and str(rounded(-0.001)) == "0.0"
    assert rounded(None) is None


def test_summary_carries_the_insights_unchanged(summary: Summary) -> None:
    days = sorted(journal(), key=lambda d: d.date)
    expected = insights.trend(days, START, END)
    assert summary.trend.sentence == expected.sentence
    assert summary.trend.verdict == expected.verdict
    expected_sentences = [t.sentence for t in insights.trigger_impacts(days, START, END)]
    assert [t.sentence for t in summary.triggers] == expected_sentences


def test_summary_is_frozen(summary: Summary) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.days_logged = 3  # type: ignore[misc]


def test_unsorted_input_gives_the_same_summary(summary: Summary) -> None:
    assert build_summary(list(reversed(journal())), START, END) == summary


def test_empty_period_is_valid() -> None:
    result = build_summary(journal(), dt.date(2023, 1, 1), dt.date(2023, 1, 31))
    data = summary_to_json(result)
    assert data.keys() >= TOP_LEVEL_KEYS
    assert data["days_logged"] == 0 and data["days_in_period"] == 31
    assert all(v is None for v in data["back_pain"].values())
    assert data["leg_pain"] == {
        "mean": None,
        "min": None,
        "max": None,
        "days": 0,
        "severe_days": [],
        "flares": None,
        "trend": None,
    }
    assert data["peg"] == {"start": None, "end": None, "weekly": []}
    assert data["triggers"] == [] and data["red_flags"] == [] and data["medications"] == {}
    assert data["flares"]["days"] == [] and data["flares"]["typical_length_days"] is None
    assert data["trend"]["verdict"] == "too few days" and data["trend"]["slope_per_day"] is None
    assert data["best_week"] is None and data["worst_week"] is None
    assert json.loads(json.dumps(data)) == data
    assert "No days were logged" in render_text(result)


def test_period_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(UserError):
        build_summary([], END, START)


def test_single_day_period() -> None:
    result = build_summary(journal(), START, START)
    assert result.days_in_period == 1 and result.days_logged == 1
    assert result.trend.verdict == "too few days"
    render_text(result)


def test_render_text_reads_for_a_person(summary: Summary) -> None:
    text = render_text(summary)
    assert text.startswith("Pain Journal summary: 2024-03-01 to 2024-03-31\n")
    assert "Days logged: 29 of 31" in text
    # A "soon" sign says how soon (its time frame from the catalog), not just "soon".
    assert f"Leg weakness (see your doctor {_when('leg weakness')}): 2024-03-11" in text
    assert summary.trend.sentence in text
    assert summary.triggers[0].sentence in text
    assert insights.CAVEAT in text
    assert "Is swimming OK?" in text and "Long drive." in text
    assert "Ibuprofen 200 mg: 29 days" in text
    assert text.endswith("\n")


def test_render_text_lists_pacing_with_sources() -> None:
    booms = {20, 35, 50, 65, 80}
    days = [
        DayEntry(
            START + dt.timedelta(days=i),
            8 if i - 1 in booms or i - 2 in booms else 3,  # a two-day flare after each boom
            activities=(ActivityMinutes("walking", 120 if i in booms else 30),),
        )
        for i in range(90)
    ]
    result = build_summary(days, START, START + dt.timedelta(days=89))
    (suggestion,) = result.activities.pacing
    text = render_text(result)
    assert suggestion.text in text
    assert "Source: Lumbar disc calcification (patient article), Activity Pacing" in text
    assert ".txt" not in text
    assert summary_to_json(result)["activities"]["pacing"][0]["source"] == insights.PACING_SOURCE


def test_render_text_groups_triggers_with_too_few_days() -> None:
    days = [DayEntry(START + dt.timedelta(days=i), 4, triggers=("lifting",) if i in (3, 9) else ()) for i in range(20)]
    result = build_summary(days, START, START + dt.timedelta(days=19))
    assert {t.verdict for t in result.triggers} == {"too few days"}
    text = render_text(result)
    assert "Too few days to compare yet (at least 5 with and 5 without are needed): lifting." in text
    assert result.triggers[0].sentence not in text


def test_red_flags_in_json_and_text_urgent_first_with_every_date() -> None:
    days = [
        DayEntry(START + dt.timedelta(days=1), 5, symptoms=("leg weakness",)),
        DayEntry(START + dt.timedelta(days=2), 5, symptoms=("Trouble passing or controlling urine", "leg weakness")),
        DayEntry(START + dt.timedelta(days=5), 5, symptoms=("trouble passing or controlling urine",)),
    ]
    result = build_summary(days, START, START + dt.timedelta(days=9))
    assert summary_to_json(result)["red_flags"] == [
        {
            "date": (START + dt.timedelta(days=1)).isoformat(),
            "symptom": "leg weakness",
            "urgency": "soon",
            "when": _when("leg weakness"),
        },
        {
            "date": (START + dt.timedelta(days=2)).isoformat(),
            "symptom": "Trouble passing or controlling urine",
            "urgency": "urgent",
            "when": "",
        },
        {
            "date": (START + dt.timedelta(days=2)).isoformat(),
            "symptom": "leg weakness",
            "urgency": "soon",
            "when": _when("leg weakness"),
        },
        {
            "date": (START + dt.timedelta(days=5)).isoformat(),
            "symptom": "trouble passing or controlling urine",
            "urgency": "urgent",
            "when": "",
        },
    ]
    lines = render_text(result).splitlines()
    at = lines.index("Symptoms to raise with a doctor")
    d = [(START + dt.timedelta(days=n)).isoformat() for n in (1, 2, 5)]
    assert lines[at + 1] == f"  Trouble passing or controlling urine (seek medical care now): {d[1]}, {d[2]}"
    assert lines[at + 2] == f"  leg weakness (see your doctor {_when('leg weakness')}): {d[0]}, {d[1]}"


def test_the_summary_uses_the_one_red_flag_definition() -> None:
    from journal.core import redflags, summary

    assert vars(summary)["RedFlag"] is redflags.RedFlag


def test_sleep_mood_stiffness_and_where_it_hurts() -> None:
    days = [
        DayEntry(
            START + dt.timedelta(days=i),
            4,
            sleep_hours=6.0 if i < 7 else 8.0,
            sleep_quality=i % 3 + 4,
            stress=None if i % 2 else 6,
            morning_stiffness_min=30,
            pain_locations=frozenset({"lower_back_centre", "thigh_left"} if i % 4 else {"lower_back_centre"}),
        )
        for i in range(28)
    ]
    days.append(DayEntry(START + dt.timedelta(days=28), 4))  # nothing marked: not in the shares
    data = summary_to_json(build_summary(days, START, START + dt.timedelta(days=28)))
    sleep = data["daily_measures"]["sleep_hours"]
    assert sleep["days"] == 28 and sleep["first_week"] == 6.0 and sleep["last_week"] == 8.0
    assert sleep["mean"] == round((7 * 6 + 21 * 8) / 28, 2)
    assert data["daily_measures"]["stress"]["days"] == 14
    where = data["where_it_hurts"]
    assert where["days_marked"] == 28
    assert where["regions"][0] == {"region": "lower_back_centre", "label": "Lower back, centre", "days": 28, "share": 1.0}
    assert where["leg_left_share"] == 0.75 and where["leg_right_share"] == 0.0
    text = render_text(build_summary(days, START, START + dt.timedelta(days=28)))
    assert "Leg symptoms (buttock, thigh, calf or foot): left on 75% of those days, right on 0%" in text
    assert "Sleep (hours): average 7.5 (28 days recorded); first week 6.0, last week 8.0" in text


@pytest.mark.parametrize("case", ["empty", "one trigger every day", "all pain the same", "three days"])
def test_bad_input_gives_plain_sentences(case: str) -> None:
    from journal.ui.trends.insights_panel import insights_html

    if case == "empty":
        days: list[DayEntry] = []
    elif case == "one trigger every day":
        days = [day(i, 3 + i % 3, triggers=("stress",)) for i in range(30)]
    elif case == "all pain the same":
        days = [day(i, 5, triggers=("stress",) if i % 3 else ()) for i in range(30)]
    else:
        days = [day(i, 4 + i, triggers=("stress",)) for i in range(3)]
    result = build_summary(days, START, END)
    text = render_text(result) + insights_html(result) + json.dumps(summary_to_json(result))
    assert "Traceback" not in text
    for t in result.triggers:
        assert t.verdict == "too few days" and t.ci_low is None
        assert t.sentence.endswith(".") and "CI" not in t.sentence
    if case == "one trigger every day":
        assert "noted on every day compared" in result.triggers[0].sentence
    if case == "all pain the same":
        assert "same on every day" in result.triggers[0].sentence
        assert result.trend.sentence == "Your back pain was the same on every logged day of this period."
    if case in ("empty", "three days"):
        assert result.trend.verdict == "too few days" and "at least 21" in result.trend.sentence


def test_a_short_journal_says_too_few_days_for_flares_rather_than_none() -> None:
    """Five days: no day has a usual level yet, so "0 flare days" would be a finding the data cannot make."""
    from journal.core.summary import build_summary
    from journal.formats.summary_text import render_text

    start = dt.date(2024, 3, 4)
    days = [DayEntry(start + dt.timedelta(days=i), pain) for i, pain in enumerate((3, 4, 8, 3, 4))]
    summary = build_summary(days, start, days[-1].date)
    assert summary.flares.judged_days == 0
    text = render_text(summary)
    assert "Flares: too few days yet" in text
    assert "0 flare days" not in text
    long_days = [DayEntry(start + dt.timedelta(days=i), 3 + i % 2) for i in range(30)]
    assert build_summary(long_days, start, long_days[-1].date).flares.judged_days > 0


def _when(sign: str) -> str:
    from journal.core.catalog import default_catalog

    return next(item.when for item in default_catalog() if item.name == sign)
