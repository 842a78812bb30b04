"""A wheel built from the project works when installed like any package.

Builds the wheel, installs it with the runtime lock into a new virtual
environment, and from another folder imports a CSV, exports a PDF and starts
the window offscreen. Slow (a minute or so): marked ``slow``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow

CSV = (
    "date,back_pain,leg_pain,triggers,symptoms\r\n"
    "2026-01-05,4,2,prolonged sitting,\r\n"
    "2026-01-06,6,3,,numbness or tingling in legs\r\n"
    "2026-01-07,3,,,\r\n"
)


def run(command: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{command[:3]} failed:\n{result.stdout}\n{result.stderr}"
    return result


def test_the_built_wheel_installs_and_runs_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)], cwd=tmp_path)
    (wheel,) = wheels.glob("pain_journal-*.whl")

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "-q", "-r", str(ROOT / "requirements.lock")], cwd=tmp_path)
    run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], cwd=tmp_path)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    home = tmp_path / "home"
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}} | {
        "PAIN_JOURNAL_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
    }
    app = str(venv / "bin" / "pain-journal")
    (elsewhere / "days.csv").write_text(CSV, encoding="utf-8")

    imported = run([app, "import", "days.csv"], cwd=elsewhere, env=env)
    assert "Imported 3 days" in imported.stdout
    exported = run([app, "export", "x.pdf", "--from", "2026-01-01", "--to", "2026-01-31"], cwd=elsewhere, env=env)
    assert "3 of 27 days logged" in exported.stdout  # the period starts at the first logged day
    assert (elsewhere / "x.pdf").read_bytes().startswith(b"%PDF")
    run([app, "--quit-after-startup"], cwd=elsewhere, env=env)

    where = run(
        [str(python), "-c", "import journal.core.resources as r; print(r.RESOURCES_DIR)"], cwd=elsewhere, env=env
    ).stdout.strip()
    assert Path(where).is_relative_to(venv), "the installed package must read its own resources"
    assert (Path(where) / "migrations" / "0001_initial.sql").is_file()
    assert (Path(where) / "help" / "user-guide.md").is_file(), "Help → User guide reads it"


def test_an_editable_install_reads_the_checkouts_resources(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "-q", "--no-deps", "-e", str(ROOT)], cwd=tmp_path)
    env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    where = run(
        [str(python), "-c", "import journal.core.resources as r; print(r.RESOURCES_DIR)"], cwd=tmp_path, env=env
    ).stdout.strip()
    assert Path(where) == ROOT / "resources"  # no copy: edits to the content show at once
    assert not (ROOT / "journal" / "resources").exists()
