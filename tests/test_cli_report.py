"""``export FILE.pdf`` and ``export FILE.json``: default period, figures, clear errors."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from journal.app.periods import REPORT_DAYS, resolve_period
from journal.cli import EXIT_USER_ERROR, main
from journal.core.errors import UserError
from journal.core.sample_data import sample_days
from journal.core.summary import build_summary
from journal.core.words import one_decimal
from journal.formats.summary_json import summary_to_json

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def filled_db(tmp_path: Path, today: dt.date) -> Path:
    from journal.storage.journal import Journal

    path = tmp_path / "journal.sqlite3"
    journal = Journal.open(path)
    journal.import_days(sample_days(end=today, days=150))
    journal.close()
    return path


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in document)
    finally:
        document.close()


def report_period(start: dt.date | None = None, end: dt.date | None = None, *, today: dt.date) -> tuple[dt.date, dt.date]:
    return resolve_period(start, end, days=REPORT_DAYS, today=today)


def test_report_period_defaults_to_the_last_90_days() -> None:
    today = dt.date(2025, 5, 29)
    assert report_period(today=today) == (dt.date(2025, 3, 1), today)
    assert report_period(end=dt.date(2025, 1, 31), today=today) == (dt.date(2024, 11, 3), dt.date(2025, 1, 31))
    assert report_period(dt.date(2025, 5, 1), today=today) == (dt.date(2025, 5, 1), today)
    assert report_period(dt.date(2024, 1, 1), today=today) == (dt.date(2024, 1, 1), today)
    with pytest.raises(UserError):
        report_period(dt.date(2025, 2, 1), dt.date(2025, 1, 1), today=today)


def test_pdf_export_shows_the_summary_of_the_default_period(
    filled_db: Path, tmp_path: Path, today: dt.date, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal.storage.journal import Journal

    out = tmp_path / "summary.pdf"
    assert main(["export", str(out), "--db", str(filled_db), "--name", "Alex Example"]) == 0
    start = today - dt.timedelta(days=89)
    journal = Journal.open(filled_db)
    try:
        expected = summary_to_json(build_summary(journal.days(), start, today, journal.urgencies()))
    finally:
        journal.close()
    message = capsys.readouterr().out
    assert f"({expected['days_logged']} of 90 days logged)" in message and str(out) in message
    text = pdf_text(out)
    assert "Alex Example" in text
    assert f"Days logged: {expected['days_logged']} of 90" in text
    assert f"Back pain (0–10) {one_decimal(expected['back_pain']['mean'])}" in text
    assert f"Leg pain (0–10) {one_decimal(expected['leg_pain']['mean'])}" in text
    for trigger in expected["triggers"]:
        if trigger["verdict"] == "higher":
            assert " ".join(trigger["details"].split()) in text


def test_json_export_is_a_fhir_bundle(filled_db: Path, tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle

    out = tmp_path / "journal.json"
    assert main(["export", str(out), "--db", str(filled_db), "--from", "2000-01-01", "--to", dt.date.today().isoformat()]) == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    Bundle.model_validate(bundle)
    back = [
        e
        for e in bundle["entry"]
        if e["resource"].get("bodySite", {}).get("text") == "Lower back" and "effectiveDateTime" in e["resource"]
    ]  # the day's readings; the period's findings (effectivePeriod) carry the body site too
    assert len(back) == len(sample_days(days=150))  # every logged day, none twice


@pytest.mark.parametrize("suffix", [".pdf", ".json"])
def test_bad_periods_and_paths_exit_2_with_one_line(
    filled_db: Path, tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"summary{suffix}"
    cases = [
        (["--from", "2001-01-01", "--to", "2001-03-01"], "No days were logged between 2001-01-01 and 2001-03-01"),
        (["--from", "2025-02-01", "--to", "2025-01-01"], "is after"),
    ]
    for extra, words in cases:
        assert main(["export", str(out), "--db", str(filled_db), *extra]) == EXIT_USER_ERROR
        error = capsys.readouterr().err
        assert words in error and error.count("\n") == 1
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert main(["export", str(blocker / f"x{suffix}"), "--db", str(filled_db)]) == EXIT_USER_ERROR
    assert "Could not write" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "missing" / f"x{suffix}"), "--db", str(filled_db)]) == EXIT_USER_ERROR
    left_behind = [p.name for p in tmp_path.iterdir() if p.name.startswith((".", "summary", "x"))]
    assert left_behind == []  # no report, no half-written temporary file


@pytest.mark.slow
def test_real_command_line_prints_no_traceback(filled_db: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "export",
            str(tmp_path / "s.pdf"),
            "--db",
            str(filled_db),
            "--from",
            "2001-01-01",
            "--to",
            "2001-01-31",
        ],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == EXIT_USER_ERROR
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("pain-journal: No days were logged")
    assert not (tmp_path / "s.pdf").exists()
