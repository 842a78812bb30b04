"""The summary text and the PDF give a changed sign's reason and guideline, as the window does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium

from journal.core.about_you import AboutYou, apply_by_day
from journal.core.changed_signs import NOT_SHARED, changed_sign_lines, changed_signs
from journal.core.day import DayEntry
from journal.core.redflags import RedFlag, red_flags_of
from journal.core.summary import build_summary
from journal.formats import report_data
from journal.formats.pdf_report import write_pdf
from journal.formats.summary_text import render_text

FEVER = "fever or chills with back pain"
NIGHT = "pain at night that rest does not ease"
DAY = dt.date(2026, 11, 30)
INFECTION_TITLE = "Back pain - low (without radiculopathy): red flags and when to refer"


def _pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return " ".join("".join(page.get_textpage().get_text_range() for page in document).split())
    finally:
        document.close()


def _days() -> list[DayEntry]:
    return [
        DayEntry(date=DAY, back_pain=5, symptoms=(FEVER, "leg weakness")),
        DayEntry(date=DAY + dt.timedelta(days=1), back_pain=5, symptoms=(FEVER,)),
    ]


def test_only_signs_an_answer_changed_are_listed_once_with_their_dates() -> None:
    assert changed_signs(red_flags_of(_days())) == []
    items = changed_signs(_applied(AboutYou(weak_immunity=True)))
    assert [(i.symptom, i.dates) for i in items] == [(FEVER, (DAY, DAY + dt.timedelta(days=1)))]
    assert "same day" in items[0].reason and not items[0].reason.startswith("Back pain together")
    assert items[0].guideline.startswith(INFECTION_TITLE) and "suspected spinal infection" in items[0].guideline


def _applied(about: AboutYou) -> list[RedFlag]:
    return apply_by_day(red_flags_of(_days()), about)


def test_a_soon_sign_made_sooner_gives_only_the_added_reason() -> None:
    days = [DayEntry(date=DAY, back_pain=5, symptoms=(NIGHT,))]
    items = changed_signs(apply_by_day(red_flags_of(days), AboutYou(cancer_history=True)))
    assert [i.reason for i in items] == ["You told the journal about a history of cancer, so this is checked sooner."]
    assert "NG234" in items[0].guideline and "Recognising spinal metastases" in items[0].guideline


def test_summary_text_gives_reason_and_guideline_when_shared() -> None:
    text = render_text(
        build_summary(_days(), DAY, DAY + dt.timedelta(days=1), about=AboutYou(weak_immunity=True, include_in_report=True))
    )
    lines = text.splitlines()
    at = lines.index("  Changed by what the patient told the journal (About you):")
    assert lines[at + 1].startswith(f"    {FEVER}: ") and "same day" in lines[at + 1]
    assert lines[at + 2].startswith(f"      Guideline: {INFECTION_TITLE}")
    assert "nice-cks" not in text
    plain = render_text(build_summary(_days(), DAY, DAY + dt.timedelta(days=1)))
    assert "Changed by" not in plain and NOT_SHARED not in plain


def test_not_shared_answers_are_not_told_by_the_reasons() -> None:
    about = AboutYou(cancer_history=True)
    days = [DayEntry(date=DAY, back_pain=5, symptoms=(NIGHT,))]
    text = render_text(build_summary(days, DAY, DAY, about=about))
    assert NOT_SHARED in text and "cancer" not in text and "NG234" not in text
    assert changed_sign_lines(red_flags_of(days), shared=False) == []


def test_the_pdf_gives_reason_and_guideline(tmp_path: Path) -> None:
    data = report_data(_days(), DAY, DAY + dt.timedelta(days=1), about=AboutYou(injects_drugs=True, include_in_report=True))
    write_pdf(data, tmp_path / "r.pdf")
    text = _pdf_text(tmp_path / "r.pdf")
    assert f"{FEVER} (urgent)" in text
    assert f"{FEVER} (About you): Back pain with a fever or chills can come from an infection" in text
    assert f"(Guideline: {INFECTION_TITLE}" in text and "suspected spinal infection)" in text
    hidden = report_data(_days(), DAY, DAY + dt.timedelta(days=1), about=AboutYou(injects_drugs=True))
    write_pdf(hidden, tmp_path / "h.pdf")
    text = _pdf_text(tmp_path / "h.pdf")
    assert NOT_SHARED in text and "Guideline:" not in text
