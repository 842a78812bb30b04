"""Hostile input: periods at the ends of the calendar.

``--from 0001-01-01`` once crashed with OverflowError, ``chart --to 9999-12-31``
used gigabytes and ``summary --to 9999-12-31`` reported "1 of 2,912,111 days".
One rule (journal.core.periods) now serves the command line and the window.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journal.cli import EXIT_USER_ERROR, main
from journal.core.day import DayEntry
from journal.core.errors import UserError
from journal.core.periods import checked_period
from journal.core.validation import EARLIEST_DATE

TODAY = dt.date.today()
FIRST = TODAY - dt.timedelta(days=40)


@pytest.fixture
def small_db(db_path: Path) -> Path:
    from journal.storage.journal import Journal

    journal = Journal.open(db_path)
    journal.import_days([DayEntry(FIRST + dt.timedelta(days=i), 3 + i % 4) for i in range(0, 41, 2)])
    journal.close()
    return db_path


def test_a_future_end_is_refused_plainly() -> None:
    with pytest.raises(UserError, match="in the future"):
        checked_period(TODAY, TODAY + dt.timedelta(days=1), today=TODAY, first_logged=None)
    with pytest.raises(UserError, match="in the future"):
        checked_period(TODAY, dt.date.max, today=TODAY, first_logged=None)


def test_an_end_before_1900_is_refused_and_an_early_start_is_clamped() -> None:
    with pytest.raises(UserError, match="1900"):
        checked_period(dt.date.min, dt.date(1899, 12, 31), today=TODAY, first_logged=None)
    assert checked_period(dt.date.min, TODAY, today=TODAY, first_logged=FIRST) == (FIRST, TODAY)
    assert checked_period(dt.date.min, TODAY, today=TODAY, first_logged=None) == (EARLIEST_DATE, TODAY)


@pytest.mark.parametrize("command", ["summary", "chart"])
@pytest.mark.parametrize("options", [["--to", "9999-12-31"], ["--from", "9999-12-31"], ["--to", "0001-01-01"]])
def test_cli_refuses_periods_outside_the_calendar(
    small_db: Path, tmp_path: Path, command: str, options: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    target = [str(tmp_path / "c.png")] if command == "chart" else []
    assert main([command, *target, "--db", str(small_db), *options]) == EXIT_USER_ERROR
    error = capsys.readouterr().err
    assert error.startswith("pain-journal: ") and error.count("\n") == 1
    assert "future" in error or "1900" in error
    assert not (tmp_path / "c.png").exists()


def test_summary_from_year_one_starts_at_the_first_logged_day(small_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--db", str(small_db), "--from", "0001-01-01", "--json"]) == 0
    period = json.loads(capsys.readouterr().out)["period"]
    assert period == {"from": FIRST.isoformat(), "to": TODAY.isoformat()}


@pytest.mark.slow
def test_chart_from_year_one_is_small_and_quick(small_db: Path, tmp_path: Path) -> None:
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))\n"
        "from journal.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    target = tmp_path / "c.png"
    done = subprocess.run(
        [sys.executable, "-c", code, "chart", str(target), "--db", str(small_db), "--from", "0001-01-01"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 5_000


@pytest.mark.parametrize("suffix", [".pdf", ".json", ".csv"])
def test_exports_refuse_a_future_end_and_accept_year_one(
    small_db: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"out{suffix}"
    assert main(["export", str(target), "--db", str(small_db), "--to", "9999-12-31"]) == EXIT_USER_ERROR
    assert "future" in capsys.readouterr().err and not target.exists()
    assert main(["export", str(target), "--db", str(small_db), "--from", "0001-01-01"]) == 0
    assert target.exists()


def test_trends_custom_dates_stop_at_today(qtbot: QtBot, small_db: Path) -> None:
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner
    from journal.ui.trends.view import TrendsView

    session = JournalSession(TaskRunner())
    with qtbot.waitSignal(session.opened, timeout=20_000):
        session.open(small_db)
    try:
        trends = TrendsView(session)
        qtbot.addWidget(trends)
        trends.to_edit.setDate(trends.to_edit.date().addYears(3000))
        assert trends.to_edit.date().toPython() == TODAY
        trends.from_edit.setDate(trends.from_edit.date().addYears(-3000))
        assert trends.from_edit.date().toPython() == EARLIEST_DATE
    finally:
        session.close()


def test_window_export_since_a_visit_before_the_journal_began(qtbot: QtBot, small_db: Path, tmp_path: Path) -> None:
    """The export dialog's period follows the same rule: it starts at the first logged day."""
    from journal.app.reports import ExportFormat
    from journal.ui.export_choices import ExportRequest, write_export
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner

    session = JournalSession(TaskRunner())
    with qtbot.waitSignal(session.opened, timeout=20_000):
        session.open(small_db)
    try:
        target = tmp_path / "since.pdf"
        request = ExportRequest(
            path=target,
            format=ExportFormat.PDF,
            start=dt.date(1950, 1, 1),
            end=TODAY,
            patient_name="",
            questions=(),
            last_visit=dt.date(1950, 1, 1),
        )
        assert session.journal is not None
        write_export(session.journal, request)
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
            assert f"Period: {FIRST.day} {FIRST:%b %Y} to" in text
            assert "1950" not in text
        too_late = ExportRequest(
            path=tmp_path / "x.json",
            format=ExportFormat.FHIR,
            start=TODAY,
            end=TODAY + dt.timedelta(days=1),
            patient_name="",
            questions=(),
            last_visit=None,
        )
        with pytest.raises(UserError, match="future"):
            write_export(session.journal, too_late)
    finally:
        session.close()


def test_a_future_end_is_named_rather_than_a_start_worked_out_from_it() -> None:
    """Both in the future (e.g. a start counted back from ``--to``): the message names the end the patient gave."""
    end = TODAY + dt.timedelta(days=200)
    with pytest.raises(UserError) as raised:
        checked_period(end - dt.timedelta(days=89), end, today=TODAY, first_logged=None)
    assert f"cannot end on {end.isoformat()}" in str(raised.value)
    assert "cannot start" not in str(raised.value)
