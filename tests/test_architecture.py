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


def test_qt_is_imported_only_inside_the_ui_package() -> None:
    """Every module outside ``journal/ui`` stays Qt-free, including packages no contract lists by name."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "journal"
    offenders = []
    for path in sorted(package.rglob("*.py")):
        if (package / "ui") in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "PySide6" or name.startswith("PySide6.") for name in names):
                offenders.append(str(path.relative_to(package.parent)))
    assert offenders == []
