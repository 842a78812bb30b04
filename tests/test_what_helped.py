"""What helped, summed up: the person's own ratings counted per item, and days with a painkiller."""

from __future__ import annotations

import datetime as dt

from journal.core.day import DayEntry, ReliefUse
from journal.core.summary import build_summary
from journal.core.what_helped import is_painkiller, what_helped
from journal.formats.summary_json import summary_to_json
from journal.formats.summary_text import render_text

START = dt.date(2026, 1, 5)  # a Monday


def _day(offset: int, **fields: object) -> DayEntry:
    return DayEntry(date=START + dt.timedelta(days=offset), back_pain=5, **fields)  # type: ignore[arg-type]


def test_ratings_are_counted_per_item_as_given() -> None:
    days = [
        _day(
            0,
            relief=(ReliefUse("heat", 2), ReliefUse("rest", 0)),
            medications=("Ibuprofen 200",),
            medication_helped=(("Ibuprofen 200", 1),),
        ),
        _day(1, relief=(ReliefUse("Heat", 2),), medications=("ibuprofen 200",)),
        _day(2, relief=(ReliefUse("heat", 1),)),
        _day(3, relief=(ReliefUse("heat"),)),
        _day(40, relief=(ReliefUse("heat", 0),)),  # outside the period
    ]
    summed = what_helped(days, START, START + dt.timedelta(days=13))
    by_name = {(i.kind, i.name): i for i in summed.items}
    heat = by_name[("relief", "heat")]
    assert (heat.days, heat.helped_a_lot, heat.helped_a_little, heat.did_not_help, heat.unrated) == (4, 2, 1, 0, 1)
    rest = by_name[("relief", "rest")]
    assert (rest.days, rest.did_not_help) == (1, 1)
    pill = next(i for i in summed.items if i.kind == "medication")
    assert (pill.days, pill.helped_a_little, pill.unrated) == (2, 1, 1)
    assert summed.items[0].name == "heat"  # most used first


def test_painkillers_are_recognised_by_name_only() -> None:
    assert is_painkiller("Ibuprofen 400mg")
    assert is_painkiller("paracetamol")
    assert is_painkiller("painkillers")
    assert is_painkiller("pain relief tablet (as prescribed)")
    assert not is_painkiller("heat pack")
    assert not is_painkiller("vitamin D")


def test_painkiller_days_per_week_compare_the_ends_only_with_seven_logged_days_each() -> None:
    days = [_day(i, medications=("paracetamol",) if i < 14 and i % 2 == 0 else ()) for i in range(28)]
    pills = what_helped(days, START, START + dt.timedelta(days=27)).painkillers
    assert (pills.days, pills.days_logged) == (7, 28)
    assert (pills.first_per_week, pills.last_per_week) == (3.5, 0.0)
    assert [w.painkiller_days for w in pills.weeks] == [4, 3, 0, 0]
    assert "3.5 days a week in the first two weeks and 0.0 in the last two" in pills.sentence
    sparse = [d for d in days if d.date.day % 3 == 0]
    thin = what_helped(sparse, START, START + dt.timedelta(days=27)).painkillers
    assert thin.first_per_week is None and "needs" in thin.sentence


def test_summary_json_and_text_carry_what_helped() -> None:
    days = [_day(i, relief=(ReliefUse("a walk", i % 3),)) for i in range(10)]
    summary = build_summary(days, START, START + dt.timedelta(days=9))
    relief = summary_to_json(summary)["relief"]
    assert relief == [
        {
            "name": "a walk",
            "kind": "relief",
            "days": 10,
            "helped_a_lot": 3,
            "helped_a_little": 3,
            "did_not_help": 4,
            "unrated": 0,
        }
    ]
    text = render_text(summary)
    assert "a walk: 10 days (helped a lot 3, a little 3, not at all 4)" in text
    assert "your own ratings" in text
