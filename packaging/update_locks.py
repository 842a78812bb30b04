"""Regenerate the three locks from pyproject.toml (and packaging/requirements.in).

* ``requirements.lock``: the runtime dependencies;
* ``requirements-dev.lock``: the runtime and the ``test`` extra (tests, ruff, mypy);
* ``packaging/requirements.txt``: the runtime and PyInstaller, the bundle's
  build environment (packaging/build.py installs exactly this).

Run ``.venv/bin/python packaging/update_locks.py`` after changing the
dependencies in pyproject.toml (``pip install uv`` first). Each lock is
universal: one file for Linux, macOS and Windows, with environment markers on
the pins only some of them need (pytest's ``colorama`` on Windows,
PyInstaller's ``pefile`` and ``macholib``). Versions already pinned are kept
unless pyproject.toml no longer allows them; pass ``--upgrade`` to move
everything to the newest allowed release. Every pin carries the hashes of all
its published files, so ``pip install -r`` checks what it downloads on any
system. ``packaging/check_locks.py`` (run in CI) checks that the locks still
agree with pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCKS = {
    "requirements.lock": ("Runtime dependencies", ["pyproject.toml"]),
    # The other two take the runtime versions from requirements.lock (written first),
    # so the tests and the bundle run what a wheel install runs.
    "requirements-dev.lock": ("Runtime and test dependencies", ["pyproject.toml", "--extra", "test", "-c", "requirements.lock"]),
    "packaging/requirements.txt": (
        "The bundle's build environment: runtime dependencies and PyInstaller",
        ["pyproject.toml", "packaging/requirements.in", "-c", "requirements.lock"],
    ),
}


def main(argv: list[str]) -> int:
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    for name, (what, extra) in LOCKS.items():
        target = ROOT / name
        command = [
            uv,
            "pip",
            "compile",
            *extra,
            "--universal",
            "--python-version",
            "3.11",
            "--generate-hashes",
            "--no-header",
            "--annotation-style",
            "line",
            "-o",
            name,
            *argv,
        ]
        subprocess.run(command, cwd=ROOT, check=True)
        body = target.read_text(encoding="utf-8")
        header = f"# {what}, pinned with hashes by packaging/update_locks.py. Do not edit by hand.\n"
        target.write_text(header + body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
