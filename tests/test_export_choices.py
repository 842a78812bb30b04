"""The export dialog's choices without a window: file names, endings, the period in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal.app.reports import ExportFormat
from journal.ui.export_choices import (
    FILE_FILTERS,
    FORMAT_LABELS,
    FORMAT_OPTIONS,
    period_words,
    suggested_file_name,
    with_format_suffix,
)

END = dt.date(2026, 3, 31)


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_every_format_has_a_label_options_a_filter_and_a_name_with_its_ending(fmt: ExportFormat) -> None:
    assert fmt in FORMAT_LABELS and fmt in FORMAT_OPTIONS
    assert f"*{fmt.suffix})" in FILE_FILTERS[fmt]
    name = suggested_file_name(fmt, END)
    assert name.endswith(fmt.suffix) and "2026-03-31" in name


def test_a_csv_is_named_for_the_days_not_a_summary() -> None:
    assert suggested_file_name(ExportFormat.CSV, END) == "pain-journal-days-2026-03-31.csv"
    assert suggested_file_name(ExportFormat.PDF, END) == "pain-summary-2026-03-31.pdf"


def test_another_exports_ending_is_replaced_and_any_other_kept() -> None:
    assert with_format_suffix(Path("days.pdf"), ExportFormat.CSV) == Path("days.csv")
    assert with_format_suffix(Path("days.CSV"), ExportFormat.CSV) == Path("days.CSV")
    assert with_format_suffix(Path("visit.2026"), ExportFormat.PDF) == Path("visit.2026.pdf")
    assert with_format_suffix(Path("days"), ExportFormat.FHIR) == Path("days.json")


def test_the_period_in_words_counts_its_days_and_refuses_a_backwards_one() -> None:
    assert period_words(END, END).endswith("(1 day)")
    assert period_words(END - dt.timedelta(days=3652), END).endswith("(3,653 days)")
    assert "after the last day" in period_words(END, END - dt.timedelta(days=1))
