"""Treatments over time: kept and checked like days, and an honest before/after."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from journal.app.reports import load_summary
from journal.core.day import DayEntry
from journal.core.errors import ValidationError
from journal.core.treatments import (
    CAUTION,
    HIGHER,
    LOWER,
    MIN_DAYS_PER_SIDE,
    NO_CLEAR_CHANGE,
    TOO_FEW,
    Treatment,
    before_after,
    compare,
)
from journal.storage.journal import Journal

START = dt.date(2026, 10, 3)
TODAY = dt.date(2026, 12, 31)


def _journal_days(change: float, seed: int, days_each_side: int = 60, rho: float = 0.5) -> list[DayEntry]:
    rng = random.Random(seed)
    error = 0.0
    entries = []
    for index in range(-days_each_side, days_each_side):
        day = START + dt.timedelta(days=index)
        error = rho * error + rng.gauss(0, 0.9)
        pain = 5.5 + error + (change if index >= 0 else 0.0) + (0.7 if day.weekday() >= 5 else 0.0)
        entries.append(DayEntry(date=day, back_pain=max(0, min(10, round(pain)))))
    return entries


def test_a_clear_fall_is_called_lower_in_the_issues_words() -> None:
    result = before_after(_journal_days(-2.0, seed=1), Treatment("physiotherapy", START))
    assert result.verdict == LOWER
    assert result.difference is not None and result.ci_low is not None and result.ci_high is not None
    assert result.ci_low < result.difference < result.ci_high < 0
    assert result.sentence.startswith("Since you started physiotherapy on 3 October, your back pain averaged ")
    assert "points lower (95% interval" in result.sentence and result.sentence.endswith(CAUTION)


def test_a_rise_is_higher_and_no_change_is_usually_no_clear_change() -> None:
    assert before_after(_journal_days(2.0, seed=2), Treatment("a new chair", START)).verdict == HIGHER
    verdicts = [before_after(_journal_days(0.0, seed=s), Treatment("a brace", START)).verdict for s in range(40)]
    assert verdicts.count(NO_CLEAR_CHANGE) >= 36


def test_fewer_than_21_logged_days_a_side_says_so_and_estimates_nothing() -> None:
    days = [d for d in _journal_days(-3.0, seed=3) if d.date >= START - dt.timedelta(days=MIN_DAYS_PER_SIDE - 1)]
    result = before_after(days, Treatment("an injection", START))
    assert result.verdict == TOO_FEW and result.difference is None
    assert (result.days_before, result.days_after) == (MIN_DAYS_PER_SIDE - 1, 60)
    assert "at least 21 logged days before the start and 21 after" in result.sentence


def test_a_steady_slide_is_not_credited_to_the_treatment() -> None:
    # Pain falling by 3 points over four months, with no step at all: the trend takes it.
    rng = random.Random(9)
    days = [
        DayEntry(date=START + dt.timedelta(days=i), back_pain=round(7 - 3 * (i + 60) / 120 + rng.gauss(0, 0.7)))
        for i in range(-60, 60)
    ]
    assert before_after(days, Treatment("physiotherapy", START)).verdict == NO_CLEAR_CHANGE


def test_the_comparison_matches_the_step_of_a_plain_regression_without_noise() -> None:
    before = [
        (i, 6.0 + 0.01 * i + (0.5 if i % 7 in (5, 6) else 0.0) + (0.3 if i % 2 else -0.3), i % 7 in (5, 6)) for i in range(40)
    ]
    after = [
        (i, 4.0 + 0.01 * i + (0.5 if i % 7 in (5, 6) else 0.0) + (0.3 if i % 2 else -0.3), i % 7 in (5, 6)) for i in range(40, 80)
    ]
    found = compare(before, after)
    assert found is not None and found[0] == pytest.approx(-2.0, abs=0.05)


def test_treatments_are_kept_checked_and_summed_up(tmp_path: Path) -> None:
    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        journal.import_days(_journal_days(-2.0, seed=4), today=TODAY)
        with pytest.raises(ValidationError) as caught:
            journal.add_treatment(Treatment("physio", START, START - dt.timedelta(days=1)), today=TODAY)
        assert [field for field, _ in caught.value.problems] == ["end"]
        with pytest.raises(ValidationError):
            journal.add_treatment(Treatment("a;b", START), today=TODAY)
        assert journal.treatments() == []
        made = journal.add_treatment(Treatment("  physiotherapy ", START), today=TODAY)
        assert journal.treatments() == [(made, Treatment("physiotherapy", START))]
        summary = load_summary(journal, START - dt.timedelta(days=30), START + dt.timedelta(days=59))
        assert [t.verdict for t in summary.treatments] == [LOWER]
        from journal.formats.summary_json import summary_to_json
        from journal.formats.summary_text import render_text

        shown = summary_to_json(summary)["treatments"][0]
        assert (shown["name"], shown["start"], shown["end"], shown["days_before"]) == ("physiotherapy", "2026-10-03", None, 60)
        assert "Since you started physiotherapy on 3 October" in render_text(summary)
        journal.end_treatment(made, START + dt.timedelta(days=30), today=TODAY)
        assert journal.treatments()[0][1].end == START + dt.timedelta(days=30)
        with pytest.raises(ValidationError):
            journal.end_treatment(made, START - dt.timedelta(days=2), today=TODAY)
        assert journal.delete_treatment(made) and journal.treatments() == []
    finally:
        journal.close()


def test_page_one_names_each_treatment_with_its_before_and_after(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    from journal.formats import report_data
    from journal.formats.pdf_report import A4, write_pdf

    days = _journal_days(-2.0, seed=5)
    start, end = START - dt.timedelta(days=30), START + dt.timedelta(days=59)
    result = before_after(days, Treatment("physiotherapy", START), until=end)
    path = tmp_path / "report.pdf"
    write_pdf(report_data(days, start, end, treatments=(result,)), path, paper=A4)
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        textpage = page.get_textpage()
        first = " ".join(textpage.get_text_range().split())
        textpage.close()
        page.close()
    finally:
        document.close()
    assert "Treatments" in first
    assert "physiotherapy, from 3 October 2026" in first
    assert "Since you started physiotherapy on 3 October, your back pain averaged" in first


def test_history_rows_name_the_treatment_going_that_day_and_what_helped() -> None:
    from journal.core.catalog import default_urgencies
    from journal.core.day import ReliefUse
    from journal.core.history import COLUMNS, history_row

    physio = Treatment("physiotherapy", START, START + dt.timedelta(days=10))
    column = {c.key: i for i, c in enumerate(COLUMNS)}
    during = history_row(
        DayEntry(date=START, back_pain=4, relief=(ReliefUse("heat", 2), ReliefUse("rest"))), default_urgencies(), [physio]
    )
    after = history_row(DayEntry(date=START + dt.timedelta(days=11), back_pain=4), default_urgencies(), [physio])
    assert during.texts[column["treatments"]] == "physiotherapy" and after.texts[column["treatments"]] == ""
    assert during.texts[column["relief"]] == "heat (a lot), rest"


def _with_leg_pain(entries: list[DayEntry], change: float, share_after: float, seed: int) -> list[DayEntry]:
    """The same days with leg pain (falling by ``change`` at the start), logged on ``share_after`` of the days after."""
    from dataclasses import replace

    rng = random.Random(seed)
    out = []
    error = 0.0
    for entry in entries:
        error = 0.5 * error + rng.gauss(0, 0.9)
        after = entry.date >= START
        logged = not after or rng.random() < share_after
        leg = max(0, min(10, round(4.5 + error + (change if after else 0.0)))) if logged else None
        out.append(replace(entry, leg_pain=leg))
    return out


def test_leg_pain_is_compared_too_when_logged_on_most_days_on_each_side(tmp_path: Path) -> None:
    from journal.formats.summary_json import summary_to_json
    from journal.formats.summary_text import render_text

    days = _with_leg_pain(_journal_days(-2.0, seed=5), -2.0, share_after=1.0, seed=6)
    result = before_after(days, Treatment("physiotherapy", START))
    assert result.leg is not None and result.leg.verdict == LOWER and result.leg.measure == "leg pain"
    assert result.leg.ci_high is not None and result.leg.ci_high < 0
    assert result.leg.sentence.startswith("Since you started physiotherapy on 3 October, your leg pain averaged ")
    assert CAUTION not in result.leg.sentence and result.sentence.endswith(CAUTION)  # said once, with back pain

    sparse = _with_leg_pain(_journal_days(-2.0, seed=5), -2.0, share_after=0.6, seed=6)
    assert before_after(sparse, Treatment("physiotherapy", START)).leg is None  # logged on under 80% of days after
    assert before_after(_journal_days(-2.0, seed=5), Treatment("physiotherapy", START)).leg is None  # no leg pain at all

    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        journal.import_days(days, today=TODAY)
        journal.add_treatment(Treatment("physiotherapy", START), today=TODAY)
        summary = load_summary(journal, START - dt.timedelta(days=30), START + dt.timedelta(days=59))
        leg = summary_to_json(summary)["treatments"][0]["leg"]
        assert leg["verdict"] == LOWER and leg["days_before"] == 60 and leg["sentence"] == result.leg.sentence
        assert result.leg.sentence in render_text(summary)
        from journal.ui.trends.insights_panel import insights_html

        assert result.leg.sentence in insights_html(summary)  # Trends shows it under the back pain's
    finally:
        journal.close()
