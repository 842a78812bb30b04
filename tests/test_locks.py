"""The lock files pin, with hashes, a set of versions that pyproject.toml allows."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def read_lock(name: str) -> dict[str, tuple[str, int]]:
    """{canonical name: (version, number of hashes)} from a lock file."""
    pins: dict[str, tuple[str, int]] = {}
    current = ""
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = canonicalize_name(match.group(1))
            assert current not in pins, f"{name} pins {current} twice"
            pins[current] = (match.group(2), 0)
        elif line.strip().startswith("--hash=sha256:") and current:
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
    return pins


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.mark.parametrize(("lock", "extras"), [("requirements.lock", ()), ("requirements-dev.lock", ("test",))])
def test_every_declared_dependency_is_pinned_to_an_allowed_version(lock: str, extras: tuple[str, ...]) -> None:
    pins = read_lock(lock)
    declared = list(project()["dependencies"])
    for extra in extras:
        declared += project()["optional-dependencies"][extra]
    for text in declared:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{lock} does not pin {requirement.name}; run packaging/update_locks.py"
        version = pins[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock} pins {name}=={version}, which pyproject.toml's {text!r} does not allow"
        )


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_pin_carries_hashes(lock: str) -> None:
    pins = read_lock(lock)
    assert pins
    unhashed = sorted(name for name, (_, hashes) in pins.items() if hashes == 0)
    assert not unhashed, f"{lock}: no hashes for {unhashed}"


def test_the_test_lock_installs_the_same_runtime_versions() -> None:
    runtime, development = read_lock("requirements.lock"), read_lock("requirements-dev.lock")
    differing = {
        name: (version, development.get(name, ("missing",))[0])
        for name, (version, _) in runtime.items()
        if development.get(name, ("missing",))[0] != version
    }
    assert not differing
