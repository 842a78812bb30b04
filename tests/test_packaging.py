"""The bundle's build inputs: PyInstaller is pinned for the build only, never a runtime dependency."""

from __future__ import annotations

import os
import re
import sys
import tomllib
from pathlib import Path

import pytest

from journal.cli.bundle import chart_cache_dir, keep_chart_cache_between_runs

ROOT = Path(__file__).resolve().parents[1]
BUILD_REQUIREMENTS = ROOT / "packaging" / "requirements.txt"


def requirement_lines(path: Path) -> list[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    return [line for line in lines if line]


def test_build_requirements_are_pinned_with_hashes() -> None:
    lines = requirement_lines(BUILD_REQUIREMENTS)
    pins = [line for line in lines if not line.startswith("--hash=")]
    assert any(line.lower().startswith("pyinstaller==") for line in pins)
    for line in pins:
        assert re.fullmatch(r"[A-Za-z0-9_.\-]+==[0-9][0-9A-Za-z.]*( ; [^\\]+)? \\", line), line
    assert len(lines) > 2 * len(pins)  # every pin is followed by its hashes


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


def test_a_bundle_keeps_matplotlibs_font_list_between_runs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MPLCONFIGDIR", "/tmp/_MEI-made-fresh-each-start")
    monkeypatch.setenv("PAIN_JOURNAL_HOME", str(tmp_path / "data"))

    keep_chart_cache_between_runs()
    assert os.environ["MPLCONFIGDIR"] == "/tmp/_MEI-made-fresh-each-start"  # from source: left alone

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    keep_chart_cache_between_runs()
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "data" / "cache" / "matplotlib")
    assert (tmp_path / "data" / "cache" / "matplotlib").is_dir()


def test_the_chart_cache_follows_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PAIN_JOURNAL_HOME")
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert chart_cache_dir() == tmp_path / "cache" / "pain-journal" / "matplotlib"


def test_an_unwritable_cache_keeps_the_temporary_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    monkeypatch.setenv("PAIN_JOURNAL_HOME", str(blocker))
    monkeypatch.setenv("MPLCONFIGDIR", "/tmp/_MEI-made-fresh-each-start")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    keep_chart_cache_between_runs()
    assert os.environ["MPLCONFIGDIR"] == "/tmp/_MEI-made-fresh-each-start"


def test_the_bundle_and_the_checkout_find_their_resources(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from journal.core import resources

    assert resources.RESOURCES_DIR == ROOT / "resources"  # a checkout: the top-level folder
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources._resources_dir() == tmp_path / "resources"  # the spec's datas put it there
