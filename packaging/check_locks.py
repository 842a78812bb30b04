"""Check that the three locks agree with pyproject.toml: ``python packaging/check_locks.py``.

CI runs this before the tests. It reads only the files (no package index), and
exits 1 with one line per disagreement when:

* a declared dependency is missing from a lock, or pinned to a version its
  specifier in pyproject.toml does not allow (the runtime dependencies in all
  three locks, the ``test`` extra in requirements-dev.lock, PyInstaller from
  packaging/requirements.in in packaging/requirements.txt);
* a lock pins something only for pyproject.toml that pyproject.toml no longer
  declares (a dependency removed without relocking);
* a pin carries no hashes, or a name is pinned twice;
* the test or build lock pins a runtime package at another version than
  requirements.lock (the tests and the bundle must run what users install).

The fix is always the same: ``packaging/update_locks.py``.
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
RUNTIME_LOCK = "requirements.lock"
TEST_LOCK = "requirements-dev.lock"
BUILD_LOCK = "packaging/requirements.txt"
BUILD_INPUT = "packaging/requirements.in"
FROM_PYPROJECT = "pain-journal (pyproject.toml)"

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


@dataclass
class Pin:
    """One ``name==version`` entry of a lock."""

    version: str
    marker: str | None
    hashes: int = 0
    via: set[str] = field(default_factory=set)


def read_lock(path: Path) -> tuple[dict[str, Pin], list[str]]:
    """{canonical name: pin} from a lock written by update_locks.py, and the problems met reading it."""
    pins: dict[str, Pin] = {}
    problems: list[str] = []
    current: Pin | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        match = PIN.match(line)
        if match:
            name = canonicalize_name(match.group(1))
            if name in pins:
                problems.append(f"{path.name}: pins {name} twice")
            current = pins[name] = Pin(match.group(2), match.group(3))
        elif stripped.startswith("--hash=sha256:") and current is not None:
            current.hashes += 1
        elif stripped.startswith("# via") and current is not None:
            current.via |= {part.strip() for part in stripped.removeprefix("# via").split(",") if part.strip()}
    return pins, problems


def requirements_of(texts: list[str]) -> list[Requirement]:
    return [Requirement(text) for text in texts]


def declared(root: Path) -> tuple[list[Requirement], list[Requirement], list[Requirement]]:
    """The runtime dependencies, the test extra and the build input."""
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    build_lines = (line.split("#")[0].strip() for line in (root / BUILD_INPUT).read_text(encoding="utf-8").splitlines())
    return (
        requirements_of(list(project["dependencies"])),
        requirements_of(list(project.get("optional-dependencies", {}).get("test", []))),
        requirements_of([line for line in build_lines if line]),
    )


def check_pinned(lock: str, pins: dict[str, Pin], wanted: list[Requirement]) -> list[str]:
    problems = []
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        pin = pins.get(name)
        if pin is None:
            problems.append(f"{lock} does not pin {requirement.name}, which pyproject.toml declares")
        elif not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{lock} pins {name}=={pin.version}, which {str(requirement)!r} does not allow")
        elif pin.marker and requirement.marker is None:
            problems.append(f"{lock} pins {name} only where {pin.marker}, but it is needed everywhere")
    return problems


def check_no_leftovers(lock: str, pins: dict[str, Pin], wanted: list[Requirement]) -> list[str]:
    names = {canonicalize_name(requirement.name) for requirement in wanted}
    return [
        f"{lock} pins {name} for pyproject.toml, which no longer declares it"
        for name, pin in pins.items()
        if pin.via and pin.via <= {FROM_PYPROJECT, f"-c {RUNTIME_LOCK}"} and name not in names
    ]


def check_hashes(lock: str, pins: dict[str, Pin]) -> list[str]:
    return [f"{lock}: no hashes for {name}" for name, pin in sorted(pins.items()) if pin.hashes == 0]


def check_same_runtime(lock: str, pins: dict[str, Pin], runtime: dict[str, Pin]) -> list[str]:
    return [
        f"{lock} pins {name}=={pins[name].version if name in pins else '(nothing)'}, requirements.lock {name}=={pin.version}"
        for name, pin in sorted(runtime.items())
        if name not in pins or pins[name].version != pin.version
    ]


def problems(root: Path = ROOT) -> list[str]:
    """Every disagreement between the locks and pyproject.toml under ``root``; empty when they agree."""
    runtime_deps, test_deps, build_deps = declared(root)
    found: list[str] = []
    locks = {}
    for lock in (RUNTIME_LOCK, TEST_LOCK, BUILD_LOCK):
        pins, reading = read_lock(root / lock)
        locks[lock] = pins
        found += reading + check_hashes(lock, pins)
    found += check_pinned(RUNTIME_LOCK, locks[RUNTIME_LOCK], runtime_deps)
    found += check_pinned(TEST_LOCK, locks[TEST_LOCK], runtime_deps + test_deps)
    found += check_pinned(BUILD_LOCK, locks[BUILD_LOCK], runtime_deps + build_deps)
    found += check_no_leftovers(RUNTIME_LOCK, locks[RUNTIME_LOCK], runtime_deps)
    found += check_no_leftovers(TEST_LOCK, locks[TEST_LOCK], runtime_deps + test_deps)
    found += check_no_leftovers(BUILD_LOCK, locks[BUILD_LOCK], runtime_deps)
    found += check_same_runtime(TEST_LOCK, locks[TEST_LOCK], locks[RUNTIME_LOCK])
    found += check_same_runtime(BUILD_LOCK, locks[BUILD_LOCK], locks[RUNTIME_LOCK])
    for pins in locks.values():
        for pin in pins.values():
            if pin.marker:
                Marker(pin.marker)  # raises on a marker pip could not read
    return found


def main() -> int:
    found = problems()
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        print("The locks disagree with pyproject.toml: run packaging/update_locks.py (pip install uv first).", file=sys.stderr)
        return 1
    print("The locks agree with pyproject.toml.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
