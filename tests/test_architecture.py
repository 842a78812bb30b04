"""The layering promises, checked: the core never imports Qt/SQL, storage never imports the UI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is part of the test dependencies"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_help_does_not_import_qt_or_sql() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from journal.cli import build_parser\n"
        "build_parser().format_help()\n"
        "heavy = [m for m in ('PySide6', 'sqlmodel', 'sqlalchemy', 'matplotlib') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
