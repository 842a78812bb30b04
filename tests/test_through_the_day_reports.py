"""The pattern through the day where the person and their doctor read it: the summary (text and
JSON), Trends' words, page 1 of the PDF, and FHIR (each reading at its own time); and the sample data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from journal.app.reports import export_file, load_summary
from journal.core.day import DayEntry
from journal.core.readings import PainReading
from journal.core.sample_data import sample_days, sample_readings
from journal.core.summary import build_summary
from journal.core.time_of_day import day_pattern
from journal.formats import report_data
from journal.formats.fhir import PAIN_CODE, fhir_bundle
from journal.formats.summary_json import summary_to_json
from journal.formats.summary_text import render_text
from journal.storage.journal import Journal

END = dt.date(2026, 3, 31)
START = END - dt.timedelta(days=27)


def _days() -> list[DayEntry]:
    return [DayEntry(date=START + dt.timedelta(days=i), back_pain=5, leg_pain=2) for i in range(28)]


def _readings() -> list[PainReading]:
    found = []
    for i in range(10):
        date = END - dt.timedelta(days=i)
        found += [PainReading(date, dt.time(7, 30), 6, 1), PainReading(date, dt.time(20, 15), 4)]
    return found


def test_summary_json_and_text_carry_the_pattern() -> None:
    summary = build_summary(_days(), START, END, readings=_readings())
    shown = summary_to_json(summary)["through_the_day"]
    assert shown["enough"] is True and shown["days_with_readings"] == 10 and shown["readings"] == 20
    parts = {p["part"]: p for p in shown["parts"]}
    assert parts["morning"]["back_pain_median"] == 6 and parts["evening"]["back_pain_median"] == 4
    empty = {"part": "afternoon", "days": 0, "readings": 0, "back_pain_median": None, "leg_pain_median": None}
    assert parts["afternoon"] == empty
    assert "Through the day (pain-now readings, last 4 weeks, medians): back pain mornings 6, evenings 4." in render_text(summary)
    without = build_summary(_days(), START, END)
    assert summary_to_json(without)["through_the_day"] is None and "Through the day" not in render_text(without)
    few = build_summary(_days(), START, END, readings=_readings()[:4])
    assert summary_to_json(few)["through_the_day"]["enough"] is False
    assert "Through the day: too few readings yet" in render_text(few)


def test_readings_outside_the_period_are_left_out() -> None:
    later = [PainReading(END + dt.timedelta(days=1), dt.time(8), 9)]
    summary = build_summary(_days(), START, END, readings=_readings() + later)
    assert summary_to_json(summary)["through_the_day"]["readings"] == 20


def test_trends_words_show_the_pattern() -> None:
    from journal.ui.trends.insights_panel import insights_html

    html = insights_html(build_summary(_days(), START, END, readings=_readings()))
    assert "Through the day (pain-now readings, last 4 weeks, medians): back pain mornings 6, evenings 4." in html
    assert "Through the day" not in insights_html(build_summary(_days(), START, END))


def test_pdf_page_one_and_the_summary_command_show_it(tmp_path: Path) -> None:
    from tests.test_pdf_report import page_texts

    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        journal.import_days(_days(), today=END)
        journal.add_readings(_readings(), today=END)
        assert summary_to_json(load_summary(journal, START, END))["through_the_day"]["enough"] is True
        pdf = tmp_path / "report.pdf"
        export_file(journal, pdf, START, END)
    finally:
        journal.close()
    first = page_texts(pdf)[0]
    assert "Through the day (pain-now readings, last 4 weeks, medians): back pain mornings 6, evenings 4." in first
    assert "A gap of less than 2 points is often chance." in first


def test_fhir_carries_each_reading_at_its_time() -> None:
    from fhir.resources.R4B.bundle import Bundle

    data = report_data(_days(), START, END, readings=_readings())
    bundle = fhir_bundle(data)
    Bundle.model_validate(bundle)
    now = [e["resource"] for e in bundle["entry"] if e["resource"].get("code", {}).get("text", "").endswith("pain now (0-10)")]
    assert len(now) == 30  # 20 back, 10 leg
    morning = [r for r in now if r["effectiveDateTime"].startswith("2026-03-31T07:30")]
    expected = [("Lower back pain now (0-10)", 6), ("Leg pain now (0-10)", 1)]
    assert [(r["code"]["text"], r["valueInteger"]) for r in morning] == expected
    assert all(r["code"]["coding"] == [PAIN_CODE] for r in now)
    stamp = dt.datetime.fromisoformat(morning[0]["effectiveDateTime"])
    assert stamp.utcoffset() is not None  # FHIR: a time needs its offset
    json.dumps(bundle)


def test_the_sample_data_shows_mornings_worse_than_evenings() -> None:
    end = dt.date(2026, 6, 30)
    readings = sample_readings(end=end)
    assert len({r.date for r in readings}) >= 15
    pattern = day_pattern(readings, end=end)
    assert pattern is not None and pattern.enough
    medians = {p.key: p.back_median for p in pattern.parts}
    assert medians["morning"] is not None and medians["evening"] is not None
    assert medians["morning"] > medians["evening"]
    logged = {d.date for d in sample_days(end=end)}
    assert {r.date for r in readings} <= logged
