"""The locks pin, with hashes, versions that pyproject.toml allows: packaging/check_locks.py (run in CI)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
FILES = (
    "pyproject.toml",
    "requirements.lock",
    "requirements-dev.lock",
    "packaging/requirements.txt",
    "packaging/requirements.in",
)


def load_check_locks() -> ModuleType:
    # By path: the folder is named packaging, like the distribution the script imports.
    spec = importlib.util.spec_from_file_location("check_locks", ROOT / "packaging" / "check_locks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_locks"] = module
    spec.loader.exec_module(module)
    return module


check_locks = load_check_locks()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The project's pyproject.toml and locks, copied to be edited."""
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_locks_agree_with_pyproject() -> None:
    assert check_locks.problems(ROOT) == []


def test_the_locks_install_on_windows_and_macos_too() -> None:
    development = check_locks.read_lock(ROOT / "requirements-dev.lock")[0]
    assert development["colorama"].marker == "sys_platform == 'win32'"  # pytest's colours on Windows
    build = check_locks.read_lock(ROOT / "packaging" / "requirements.txt")[0]
    assert build["pefile"].marker == "sys_platform == 'win32'"
    assert build["macholib"].marker == "sys_platform == 'darwin'"
    assert build["pyinstaller"].hashes > 1  # a wheel per system, each with its hash


def test_a_version_pyproject_no_longer_allows_is_found(copy: Path) -> None:
    edit(copy / "pyproject.toml", '"sqlmodel>=0.0.16"', '"sqlmodel>=9"')
    found = check_locks.problems(copy)
    assert any("requirements.lock pins sqlmodel==" in problem for problem in found)
    assert any("requirements-dev.lock pins sqlmodel==" in problem for problem in found)


def test_a_new_dependency_that_is_not_locked_is_found(copy: Path) -> None:
    edit(copy / "pyproject.toml", '"numpy>=1.26",', '"numpy>=1.26",\n    "attrs>=23",')
    assert "requirements.lock does not pin attrs, which pyproject.toml declares" in check_locks.problems(copy)


def test_a_removed_dependency_left_in_the_lock_is_found(copy: Path) -> None:
    edit(copy / "pyproject.toml", '"uharfbuzz>=0.39",', "")
    assert "requirements.lock pins uharfbuzz for pyproject.toml, which no longer declares it" in check_locks.problems(copy)


def test_a_pin_without_hashes_and_a_differing_runtime_version_are_found(copy: Path) -> None:
    lock = copy / "packaging" / "requirements.txt"
    text = lock.read_text(encoding="utf-8")
    start = text.index("\ncycler==")
    end = text.index("# via", start)
    lock.write_text(text[:start] + "\ncycler==0.11.0\n    " + text[end:], encoding="utf-8")
    found = check_locks.problems(copy)
    assert "packaging/requirements.txt: no hashes for cycler" in found
    assert any(
        problem.startswith("packaging/requirements.txt pins cycler==0.11.0, requirements.lock cycler==") for problem in found
    )


def test_the_script_exits_1_and_says_what_to_run(
    copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(copy / "pyproject.toml", '"sqlmodel>=0.0.16"', '"sqlmodel>=9"')
    monkeypatch.setattr(check_locks, "ROOT", copy)
    monkeypatch.setattr(check_locks.problems, "__defaults__", (copy,))
    assert check_locks.main() == 1
    assert "run packaging/update_locks.py" in capsys.readouterr().err
