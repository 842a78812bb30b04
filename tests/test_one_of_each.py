"""One helper for each job: counted words, export formats (a second copy drifts apart)."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from journal.app.reports import ExportFormat
from journal.core import words
from journal.formats import summary_text

ROOT = Path(__file__).resolve().parents[1]


@cache
def all_definitions() -> dict[str, list[str]]:
    """{name: where in journal/ a function or class of that name is defined}."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "journal").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                found.setdefault(node.name, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def definitions(name: str) -> list[str]:
    return all_definitions().get(name, [])


def test_one_plural_and_one_export_format() -> None:
    assert len(definitions("plural")) == 1, definitions("plural")
    assert len(definitions("ExportFormat")) == 1, definitions("ExportFormat")


def test_the_summary_counts_words_as_everywhere_else() -> None:
    assert vars(summary_text)["plural"] is words.plural
    assert words.plural(1_234, "logged day") == "1,234 logged days"  # the report and the window agree
    assert words.plural(1, "day") == "1 day"


def test_the_export_dialog_offers_the_use_cases_formats_in_order() -> None:
    from journal.ui.export_choices import FORMAT_LABELS

    assert list(FORMAT_LABELS) == list(ExportFormat)
    assert [fmt.suffix for fmt in ExportFormat] == [".pdf", ".csv", ".json"]


#: Direct ``date.today()`` calls left, per file: the screenshots tool fixes the date
#: process-wide on purpose (the one clock reads that fixed date too).
DIRECT_TODAY_LEFT = {
    "journal/ui/tools/screenshots.py": 1,
}


def test_one_clock_asked_for_the_date() -> None:
    found: dict[str, int] = {}
    for path in sorted((ROOT / "journal").rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in ("journal/core/clock.py", "journal/ui/tools/fixed_date.py"):
            continue
        count = path.read_text(encoding="utf-8").count("date.today")
        if count:
            found[name] = count
    assert found == DIRECT_TODAY_LEFT


def test_the_installed_clock_is_the_apps_today() -> None:
    import datetime as dt

    import pytest

    from journal.app.periods import resolve_period
    from journal.core import clock
    from journal.core.day import DayEntry
    from journal.core.errors import ValidationError
    from journal.core.validation import validate_day

    fake = clock.FakeClock(dt.datetime(2030, 6, 15, 9, 0))
    previous = clock.install(fake)
    try:
        assert clock.today() == dt.date(2030, 6, 15)
        assert resolve_period(None, None, days=30) == (dt.date(2030, 5, 17), dt.date(2030, 6, 15))
        with pytest.raises(ValidationError):
            validate_day(DayEntry(date=dt.date(2030, 6, 16), back_pain=3))  # tomorrow by the installed clock
        fake.advance(dt.timedelta(days=1))
        validate_day(DayEntry(date=dt.date(2030, 6, 16), back_pain=3))
    finally:
        clock.install(previous)
    assert clock.today() == dt.date.today()
