"""The first screen's plain-SQL reads give what the repository's reads give, on the same file.

:mod:`journal.storage.first_screen` repeats five reads of :mod:`journal.storage.repository`
and :mod:`journal.storage.lists` in SQL, so start-up need not build the table classes.
These tests compare the two on a sample journal with hidden names, a catalog name
marked urgent, settings and days with every part filled in, so the copies cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.app.lists import set_hidden
from journal.core.about_you import KEYS
from journal.core.catalog import CatalogKind
from journal.core.day import ActivityMinutes, DayEntry, ReliefUse
from journal.core.lists import ListKind
from journal.core.sample_data import sample_days
from journal.storage import first_screen
from journal.storage.journal import Journal

ROOT = Path(__file__).resolve().parents[1]
END = dt.date(2026, 3, 31)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    opened = Journal.open(tmp_path / "journal.sqlite3")
    days = sample_days(end=END, days=120)
    full = DayEntry(
        date=END + dt.timedelta(days=1),
        back_pain=6,
        leg_pain=3,
        pain_locations=frozenset({"lower_back_left", "thigh_left"}),
        morning_stiffness_min=30,
        sleep_hours=6.5,
        sleep_quality=4,
        stress=7,
        interference_enjoyment=5,
        interference_activity=6,
        activities=(ActivityMinutes("Walking", 25), ActivityMinutes("Gardening", 40)),
        triggers=("Lifting", "Long drive"),
        symptoms=("Numbness", "Tingling"),
        medications=("Ibuprofen 400 mg", "Heat wrap"),
        notes="Stiff after the drive.",
        questions="Ask about the physio referral.",
        relief=(ReliefUse("Heat", 2), ReliefUse("Stretching", None)),
        medication_helped=(("Ibuprofen 400 mg", 1),),
    )
    try:
        opened.import_days([*days, full], today=END + dt.timedelta(days=1))
        opened.add_catalog_item(CatalogKind.TRIGGER, "Cold weather")
        medicine = next(name for day in days for name in day.medications)
        set_hidden(opened, ListKind.MEDICATION, medicine, True)
        trigger = next(name for day in days for name in day.triggers)
        set_hidden(opened, ListKind.TRIGGER, trigger, True)
        opened.set_setting(KEYS["birth_year"], "1961")
        opened.set_setting(KEYS["cancer_history"], "1")
        opened.set_setting("report.name", "Sam")
        yield opened
    finally:
        opened.close()


def test_every_day_reads_the_same_both_ways(journal: Journal) -> None:
    logged = sorted(journal.logged_dates())
    assert len(logged) > 100
    for date in [*logged, logged[0] - dt.timedelta(days=1), END + dt.timedelta(days=2)]:
        assert first_screen.day(journal.engine, date) == journal.day(date), date
    full = first_screen.day(journal.engine, END + dt.timedelta(days=1))
    assert full is not None and [(use.name.lower(), use.helped) for use in full.relief] == [("heat", 2), ("stretching", None)]
    assert full.medication_helped == (("Ibuprofen 400 mg", 1),) and full.sleep_hours == 6.5


def test_the_logged_dates_read_the_same_both_ways(journal: Journal) -> None:
    assert first_screen.logged_dates(journal.engine) == journal.logged_dates()


@pytest.mark.parametrize("limit", [1, 3, 500])
def test_the_form_catalog_reads_the_same_both_ways(journal: Journal, limit: int) -> None:
    expected = journal.catalog(limit_per_kind=limit)
    assert first_screen.catalog(journal.engine, limit) == expected
    # A small limit still brings every symptom that sends the patient to a doctor.
    assert any(item.kind is CatalogKind.SYMPTOM and item.urgency.value != "none" for item in expected)


def test_the_medication_names_read_the_same_both_ways(journal: Journal) -> None:
    names = first_screen.medication_names(journal.engine)
    assert names == journal.medication_names()
    assert "Ibuprofen 400 mg" in names
    assert first_screen.medication_names(journal.engine, limit=2) == names[:2]


def test_the_settings_read_the_same_both_ways(journal: Journal) -> None:
    keys = [*KEYS.values(), "report.name", "never.stored"]
    assert first_screen.settings(journal.engine, keys) == {key: journal.setting(key) for key in keys}
    assert first_screen.settings(journal.engine, [KEYS["birth_year"]]) == {KEYS["birth_year"]: "1961"}


def test_opening_a_journal_builds_no_table_class(tmp_path: Path) -> None:
    """Opening and the first screen's reads run without the repository and its table classes."""
    path = tmp_path / "journal.sqlite3"
    made = Journal.open(path)
    try:
        made.import_days(sample_days(days=20))
    finally:
        made.close()
    code = (
        "import sys\n"
        "from journal.app.opening import open_journal\n"
        f"opened = open_journal(__import__('pathlib').Path({str(path)!r}))\n"
        "opened.journal.close()\n"
        "print(sorted(m for m in sys.modules if m.startswith('journal.storage.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.strip()
    assert "journal.storage.first_screen" in loaded
    for late in ("journal.storage.repository", "journal.storage.tables", "journal.storage.lists"):
        assert late not in loaded
