"""The bundle's build inputs: PyInstaller is pinned for the build only, never a runtime dependency."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD_REQUIREMENTS = ROOT / "packaging" / "requirements.txt"


def requirement_lines(path: Path) -> list[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line]


def test_build_requirements_are_pinned() -> None:
    lines = requirement_lines(BUILD_REQUIREMENTS)
    assert any(line.lower().startswith("pyinstaller==") for line in lines)
    for line in lines:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.]*", line), line


def test_pyinstaller_is_not_a_runtime_or_test_dependency() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = [*declared["dependencies"], *declared["optional-dependencies"]["test"]]
    for lock in ("requirements.lock", "requirements-dev.lock"):
        names += requirement_lines(ROOT / lock)
    assert not [name for name in names if name.lower().startswith("pyinstaller")]


def test_the_spec_carries_the_resources_and_builds_the_named_executable() -> None:
    spec = (ROOT / "packaging" / "pain-journal.spec").read_text()
    assert 'datas=[(str(ROOT / "resources"), "resources")]' in spec
    assert 'name="pain-journal"' in spec
    assert 'collect_submodules("journal")' in spec  # the command modules are imported by name
