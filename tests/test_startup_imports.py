"""Start-up imports only what the first screen needs: what else it used to import waits until first used.

Each heavy module here was once on the way to *ready* (Today shows the day and
can save) or could easily come back: the chart and PDF libraries, the
statistics, the summary and its insights (which the command line's parser
pulled in through ``journal.cli.days``), and the command modules themselves.
The check runs the real start-up (``main --quit-after-startup``) in a fresh
interpreter and reads ``sys.modules`` at the ``ready`` mark of
:mod:`journal.ui.startup_trace`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Modules that must not be loaded when Today is ready (a package name covers its submodules).
NOT_AT_START_UP: tuple[str, ...] = (
    "matplotlib",
    "numpy",
    "scipy",
    "statsmodels",
    "reportlab",
    "fhir",
    "fontTools",
    "PIL",
    "journal.formats",
    "journal.core.summary",
    "journal.core.insights",
    "journal.core.trigger_model",
    "journal.app.periods",
    "journal.app.reports",
    "journal.cli.days",
    "journal.cli.trends",
    "journal.cli.backup",
    "journal.ui.trends",
    "journal.ui.export_dialog",
    "journal.ui.history",
    "journal.ui.import_csv",
    "journal.app.importing",
    # Table classes opening never reads (the Today form is filled without them).
    "journal.storage.more_tables",
    # The first screen is read in plain SQL (journal.storage.first_screen): no table class at all.
    "journal.storage.tables",
    "journal.storage.repository",
    "journal.storage.lists",
    # Added once Today is ready: Help's keyboard items and the app's icon.
    "journal.ui.keyboard_help",
    "journal.ui.icon",
)

_START = """
import json, sys
from journal.ui import startup_trace

seen = {}

def mark(event: str) -> None:
    seen[event] = sorted(sys.modules)

startup_trace.ENABLED = True
startup_trace.mark = mark
from journal.cli import main

status = main(["--db", sys.argv[1], "--quit-after-startup"])
print(json.dumps({"status": status, "seen": seen}))
"""


def _loaded(modules: list[str], name: str) -> bool:
    return any(module == name or module.startswith(name + ".") for module in modules)


def _journal_with_days(path: Path) -> None:
    """A journal whose Today has a day to show (the start-up reads the day, the catalog and About you)."""
    from journal.core.sample_data import sample_days
    from journal.storage.journal import Journal

    journal = Journal.open(path)
    try:
        journal.import_days(sample_days(days=60))
    finally:
        journal.close()


@pytest.mark.slow
def test_start_up_does_not_import_what_the_first_screen_does_not_need(tmp_path: Path) -> None:
    database = tmp_path / "journal.sqlite3"
    _journal_with_days(database)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PAIN_JOURNAL_HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-c", _START, str(database)], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["status"] == 0
    assert set(report["seen"]) == {"first_paint", "ready"}
    at_ready: list[str] = report["seen"]["ready"]
    assert _loaded(at_ready, "sqlmodel") and _loaded(at_ready, "journal.ui.today.form")  # the check sees the real start-up
    assert [name for name in NOT_AT_START_UP if _loaded(at_ready, name)] == []


def test_the_window_options_are_read_without_the_command_modules() -> None:
    code = (
        "import sys\n"
        "from journal.cli import parse_arguments\n"
        "args = parse_arguments(['--db', 'x.sqlite3', '--quit-after-startup'])\n"
        "assert args.command is None and args.quit_after_startup and str(args.db) == 'x.sqlite3'\n"
        "print(sorted(m for m in sys.modules if m.startswith(('journal.cli.', 'journal.formats', 'journal.app.'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "x.sqlite3"],
        ["--demo", "--quit-after-startup"],
        ["--tray"],
        ["--start-at-login", "on"],
        ["export", "out.csv"],
        ["--db", "x.sqlite3", "export", "out.pdf", "--from", "2026-01-01"],
    ],
)
def test_the_window_options_parse_as_the_full_parser_reads_them(argv: list[str]) -> None:
    from journal.cli import build_parser, parse_arguments

    assert vars(parse_arguments(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", [["--bogus"], ["--d"], ["--start-at-login", "maybe"], ["-h"]])
def test_anything_else_gets_the_full_parser_s_help_and_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from journal.cli import build_parser, parse_arguments

    with pytest.raises(SystemExit) as full:
        build_parser().parse_args(argv)
    expected = capsys.readouterr()
    with pytest.raises(SystemExit) as quick:
        parse_arguments(argv)
    assert quick.value.code == full.value.code
    assert capsys.readouterr() == expected
