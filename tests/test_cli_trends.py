"""The command line's ``chart`` and ``summary``: real files, the same numbers as the core, plain errors."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from journal.cli import EXIT_USER_ERROR, main
from journal.core.sample_data import sample_days
from journal.core.summary import Summary, build_summary
from journal.formats.summary_json import summary_to_json
from journal.formats.summary_text import render_text

ROOT = Path(__file__).resolve().parents[1]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TODAY = dt.date.today()


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    """Four months of sample days ending today."""
    from journal.storage.journal import Journal

    journal = Journal.open(db_path)
    journal.import_days(sample_days(end=TODAY, days=120))
    journal.close()
    return db_path


def direct_summary(db: Path, start: dt.date, end: dt.date) -> Summary:
    """The summary computed straight from the core over every day of the journal."""
    from journal.storage.journal import Journal

    journal = Journal.open(db)
    try:
        return build_summary(journal.days(), start, end, journal.urgencies())
    finally:
        journal.close()


# --- chart ----------------------------------------------------------------------------------


def test_chart_writes_a_png_matplotlib_can_read(filled_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "trends.png"
    start = TODAY - dt.timedelta(days=59)
    assert main(["chart", str(out), "--db", str(filled_db), "--from", start.isoformat()]) == 0
    data = out.read_bytes()
    assert data.startswith(PNG_SIGNATURE) and len(data) > 0
    import matplotlib.image

    pixels = matplotlib.image.imread(out)
    assert pixels.ndim == 3 and pixels.shape[0] > 500 and pixels.shape[1] > 500
    assert str(out) in capsys.readouterr().out


def test_chart_writes_an_svg(filled_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "trends.SVG"  # the ending is matched ignoring case
    assert main(["chart", str(out), "--db", str(filled_db)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "Back, 7-day average" in text


@pytest.mark.slow
def test_chart_needs_no_qt(filled_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "trends.png"
    code = (
        "import sys\n"
        "from journal.cli import main\n"
        f"status = main(['chart', {str(out)!r}, '--db', {str(filled_db)!r}])\n"
        "print(status, 'PySide6' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["0", "False"]
    assert out.read_bytes().startswith(PNG_SIGNATURE)


# --- summary --------------------------------------------------------------------------------


def test_summary_json_equals_the_core_summary(filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start, end = TODAY - dt.timedelta(days=44), TODAY - dt.timedelta(days=5)
    assert main(["summary", "--db", str(filled_db), "--from", start.isoformat(), "--to", end.isoformat(), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = summary_to_json(direct_summary(filled_db, start, end))
    assert printed == json.loads(json.dumps(expected))
    assert printed["period"] == {"from": start.isoformat(), "to": end.isoformat()}


def test_summary_defaults_to_the_last_30_days(filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--db", str(filled_db), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    start = TODAY - dt.timedelta(days=29)
    assert printed["period"] == {"from": start.isoformat(), "to": TODAY.isoformat()}
    assert printed == json.loads(json.dumps(summary_to_json(direct_summary(filled_db, start, TODAY))))


def test_summary_uses_the_days_before_the_period_for_flares(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A jump from a steady 1 to 5 is a flare only if the days before the period are read."""
    from journal.core.day import DayEntry
    from journal.storage.journal import Journal

    start = TODAY - dt.timedelta(days=9)
    journal = Journal.open(db_path)
    # Steady days in the 28-day window before the period (the 3 just before unlogged),
    # then two bad days (a flare); days long before do not count.
    journal.import_days(
        [DayEntry(start - dt.timedelta(days=4 + i), 1) for i in range(20)]
        + [DayEntry(start - dt.timedelta(days=100 + i), 9) for i in range(20)]
        + [DayEntry(start, 5), DayEntry(start + dt.timedelta(days=1), 5)]
    )
    journal.close()
    assert main(["summary", "--db", str(db_path), "--from", start.isoformat(), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["flares"]["days"] == [start.isoformat(), (start + dt.timedelta(days=1)).isoformat()]
    assert printed == json.loads(json.dumps(summary_to_json(direct_summary(db_path, start, TODAY))))


def test_summary_text_has_the_key_figures(filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = TODAY - dt.timedelta(days=89)
    assert main(["summary", "--db", str(filled_db), "--from", start.isoformat()]) == 0
    out = capsys.readouterr().out
    summary = direct_summary(filled_db, start, TODAY)
    assert out == render_text(summary)
    assert f"Days logged: {summary.days_logged} of 90" in out
    assert f"average {summary.back_pain.mean:.1f}" in out
    assert summary.trend.sentence in out
    assert f"{len(summary.flares.days)} flare day" in out


def test_summary_of_an_empty_period(filled_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--db", str(filled_db), "--from", "2001-01-01", "--to", "2001-01-31"]) == 0
    assert "No days were logged in this period." in capsys.readouterr().out


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["summary", "--from", "2024-13-01"], "not a date"),
        (["chart", "{tmp}/c.png", "--to", "yesterday"], "not a date"),
        (["summary", "--from", "2024-05-02", "--to", "2024-05-01"], "after --to"),
        (["chart", "{tmp}/c.png", "--from", "2024-05-02", "--to", "2024-05-01"], "after --to"),
        (["chart", "{tmp}/c.pdf"], ".png or .svg"),
        (["chart", "{tmp}/no-such-folder/c.png"], "does not exist"),
        (["chart", "{tmp}"], "folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    filled_db: Path, tmp_path: Path, args: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args] + ["--db", str(filled_db)]
    try:
        status = main(argv)
    except SystemExit as stop:  # argparse's own checks (dates) stop here, as in a real run
        status = int(stop.code or 0)
    captured = capsys.readouterr()
    assert status == EXIT_USER_ERROR
    assert words in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err and captured.out == ""


@pytest.mark.slow
def test_missing_journal_is_a_plain_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "main.py", "summary", "--db", str(tmp_path / "nowhere.sqlite3")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == EXIT_USER_ERROR
    assert "No journal at" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "nowhere.sqlite3").exists()
