"""An export finds each pain series' flares once: the summary's flare days feed the chart too."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from journal.app.reports import ExportFormat, export_file
from journal.core import flares
from journal.core.day import DayEntry
from journal.core.sample_data import sample_days
from journal.core.trend_series import trend_series
from journal.formats import report_data
from journal.storage.journal import Journal

END = dt.date(2026, 11, 30)
START = END - dt.timedelta(days=89)


def count_flare_searches(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[tuple[dt.date, int], ...]]:
    """Every search for flare days, counted by the (date, pain) series it was asked about."""
    searches: Counter[tuple[tuple[dt.date, int], ...]] = Counter()
    find = flares.flare_days

    def counted(days: Iterable[tuple[dt.date, int]]) -> list[dt.date]:
        pairs = tuple(days)
        searches[pairs] += 1
        return find(pairs)

    monkeypatch.setattr(flares, "flare_days", counted)
    return searches


@pytest.mark.parametrize("fmt", [pytest.param(ExportFormat.PDF, marks=pytest.mark.slow), ExportFormat.FHIR])
def test_an_export_looks_for_each_series_flares_once(fmt: ExportFormat, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        journal.import_days(sample_days(end=END, days=150))
        searches = count_flare_searches(monkeypatch)
        export_file(journal, tmp_path / f"report{fmt.suffix}", START, END, export_format=fmt)
    finally:
        journal.close()
    assert searches, "the export looked for no flares at all"
    assert max(searches.values()) == 1, [count for count in searches.values()]
    assert len(searches) == 2  # back pain, and leg pain read as an outcome of its own


def with_a_flare(days: list[DayEntry]) -> list[DayEntry]:
    """The sample days with three days at 10 in the middle of the period: a flare by any rule."""
    flare = {START + dt.timedelta(days=40 + i) for i in range(3)}
    return [dataclasses.replace(day, back_pain=10) if day.date in flare else day for day in days]


def test_the_chart_marks_the_same_flare_days_as_when_it_looks_for_them_itself() -> None:
    days = with_a_flare(sample_days(end=END, days=150))
    data = report_data(days, START, END)
    assert data.summary.flares.days, "the sample has flares in this period"
    assert data.series == trend_series(days, START, END)
