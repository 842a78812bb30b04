"""Regenerate requirements.lock and requirements-dev.lock from pyproject.toml.

Run ``.venv/bin/python packaging/update_locks.py`` after changing the
dependencies in pyproject.toml (``pip install uv`` first). Versions already
pinned are kept unless pyproject.toml no longer allows them; pass
``--upgrade`` to move everything to the newest allowed release. Every pin
carries the hashes of its published files, so ``pip install -r`` checks what
it downloads. ``tests/test_locks.py`` checks that the locks still satisfy
pyproject.toml.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCKS = {
    "requirements.lock": ("Runtime dependencies", []),
    "requirements-dev.lock": ("Runtime and test dependencies", ["--extra", "test"]),
}


def main(argv: list[str]) -> int:
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    for name, (what, extra) in LOCKS.items():
        target = ROOT / name
        command = [
            uv,
            "pip",
            "compile",
            "pyproject.toml",
            *extra,
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
