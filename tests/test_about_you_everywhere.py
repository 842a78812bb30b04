"""About you changes what a sign means the same way in the window, the summary, the PDF and FHIR."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pytestqt.qtbot import QtBot

from journal.app.about_you import save_about_you
from journal.app.reports import load_report_data, load_summary
from journal.core import clock
from journal.core.about_you import AboutYou, apply_by_day
from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.core.redflags import red_flags_of
from journal.core.summary import build_summary
from journal.formats.fhir import fhir_bundle
from journal.formats.pdf_report import write_pdf
from journal.formats.summary_json import summary_to_json
from journal.formats.summary_text import render_text
from journal.storage.journal import Journal

FEVER = "fever or chills with back pain"
NIGHT = "pain at night that rest does not ease"
DAY = dt.date(2026, 11, 30)


def _pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_signs_of_one_day_count_together_only_on_that_day() -> None:
    days = [
        DayEntry(date=DAY, back_pain=5, symptoms=(NIGHT,)),
        DayEntry(date=DAY + dt.timedelta(days=1), back_pain=5, symptoms=("leg weakness",)),
        DayEntry(date=DAY + dt.timedelta(days=2), back_pain=5, symptoms=(NIGHT, "leg weakness")),
    ]
    flags = apply_by_day(red_flags_of(days), AboutYou(cancer_history=True))
    night = [f for f in flags if f.symptom == NIGHT]
    assert [(f.date, f.urgency) for f in night] == [(DAY, Urgency.SOON), (DAY + dt.timedelta(days=2), Urgency.URGENT)]
    assert night[0].when == "within a few days"
    assert flags[-2].symptom == NIGHT  # urgent first on its day


def test_summary_text_and_json_follow_the_answers() -> None:
    days = [DayEntry(date=DAY, back_pain=5, symptoms=(FEVER,))]
    usual = build_summary(days, DAY, DAY)
    told = build_summary(days, DAY, DAY, about=AboutYou(weak_immunity=True))
    assert [f["urgency"] for f in summary_to_json(usual)["red_flags"]] == ["soon"]
    assert [f["urgency"] for f in summary_to_json(told)["red_flags"]] == ["urgent"]
    assert f"{FEVER} (seek medical care now)" in render_text(told)
    assert f"{FEVER} (seek medical care now)" not in render_text(usual)


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[Journal]:
    journal = Journal.open(tmp_path / "j.sqlite3")
    journal.import_days([DayEntry(date=DAY, back_pain=6, symptoms=(FEVER,))])
    try:
        yield journal
    finally:
        journal.close()


def _fhir_note(bundle: dict[str, object]) -> str:
    for entry in bundle["entry"]:  # type: ignore[attr-defined]
        resource = entry["resource"]
        if resource["code"].get("text") == FEVER:
            return str(resource["note"][0]["text"])
    raise AssertionError("no observation for the sign")


def test_the_report_pdf_and_fhir_follow_the_stored_answers(stored: Journal, tmp_path: Path) -> None:
    before = load_report_data(stored, DAY, DAY)
    assert "seeing a doctor soon" in _fhir_note(fhir_bundle(before))
    save_about_you(stored, AboutYou(injects_drugs=True), clock.today())
    data = load_report_data(stored, DAY, DAY)
    assert [f.urgency for f in data.summary.red_flags] == [Urgency.URGENT]
    assert [f.urgency for f in load_summary(stored, DAY, DAY).red_flags] == [Urgency.URGENT]
    assert "seeking medical care now" in _fhir_note(json.loads(json.dumps(fhir_bundle(data))))
    write_pdf(data, tmp_path / "r.pdf")
    assert f"{FEVER} (urgent)" in " ".join(_pdf_text(tmp_path / "r.pdf").split())


def test_the_window_warns_now_about_fever_for_someone_who_injects_drugs(qtbot: QtBot, db_path: Path) -> None:
    from tests.gui_helpers import RedFlagWatcher, close_window
    from tests.test_red_flags_ui import _fill_pain, _open

    journal = Journal.open(db_path)
    save_about_you(journal, AboutYou(injects_drugs=True), clock.today())
    journal.close()
    modals = RedFlagWatcher()
    window = _open(qtbot, db_path)
    try:
        _fill_pain(qtbot, window)
        window.today.form.symptoms.open_warnings()
        window.today.form.symptoms.set_checked([FEVER])
        window.today._on_symptom_toggled(FEVER, True)
        window.today.form.edited.emit()
        qtbot.waitUntil(lambda: bool(modals.red_flags), timeout=5_000)
        assert "emergency" in modals.red_flags[0]
        assert "same day" in modals.red_flags[0]
        assert window.today.red_flag_banner.text().startswith("⚠  Seek medical care now")
    finally:
        modals.stop()
        close_window(window)
        window.deleteLater()


@pytest.mark.parametrize("include", [True, False])
def test_the_answers_reach_the_report_only_when_the_person_says_so(stored: Journal, tmp_path: Path, include: bool) -> None:
    about = AboutYou(cancer_history=True, weak_immunity=True, birth_year=1961, include_in_report=include)
    save_about_you(stored, about, clock.today())
    data = load_report_data(stored, DAY, DAY)
    text = render_text(data.summary)
    shown = summary_to_json(data.summary)["about_you"]
    write_pdf(data, tmp_path / "r.pdf")
    pdf = " ".join(_pdf_text(tmp_path / "r.pdf").split())
    fhir = json.dumps(fhir_bundle(data))
    # The rules apply either way: the fever is urgent for this person.
    assert [f.urgency for f in data.summary.red_flags] == [Urgency.URGENT]
    for said in ("History of cancer", "Weakened immune system", "1961"):
        assert (said in text) is include
        assert (said in pdf) is include
        assert (said in fhir) is include
    assert shown == (
        {
            "cancer_history": True,
            "weak_immunity": True,
            "injects_drugs": False,
            "osteoporosis_or_steroids": False,
            "recent_spinal_procedure": False,
            "birth_year": 1961,
        }
        if include
        else None
    )
