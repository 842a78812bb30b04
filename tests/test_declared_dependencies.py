"""Every distribution the code imports is declared in pyproject.toml.

A package that arrives only as another's dependency (numpy through matplotlib,
SQLAlchemy through SQLModel) can be dropped or capped by that package's next
release; the app would then fail on import. So each imported top-level module is
mapped to the distribution that installs it, and that distribution must be
named in ``[project] dependencies`` (for the app) or in the ``test`` extra as
well (for tests and benchmarks).
"""

from __future__ import annotations

import ast
import sys
import tomllib
from collections.abc import Iterable, Iterator
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def imported_top_level_modules(source: str) -> Iterator[str]:
    """The top-level names of absolute imports in ``source``, including ones inside functions."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.partition(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.partition(".")[0]


def is_first_party(module: str) -> bool:
    """The project's own packages and the helper modules its tests import by name."""
    return (ROOT / module).is_dir() or (ROOT / f"{module}.py").is_file() or (ROOT / "tests" / f"{module}.py").is_file()


def imported_distributions(files: Iterable[Path]) -> dict[str, set[str]]:
    """{canonical distribution name: files importing it}; a module no distribution installs maps to ``?module``."""
    providers = packages_distributions()
    found: dict[str, set[str]] = {}
    for path in files:
        for module in imported_top_level_modules(path.read_text(encoding="utf-8")):
            if module in sys.stdlib_module_names or is_first_party(module):
                continue
            for distribution in providers.get(module, [f"?{module}"]):
                where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                found.setdefault(canonicalize_name(distribution), set()).add(str(where))
    return found


def declared(*, extras: tuple[str, ...] = ()) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    texts = list(project["dependencies"])
    for extra in extras:
        texts += project["optional-dependencies"][extra]
    return {canonicalize_name(Requirement(text).name) for text in texts}


def python_files(*folders: str) -> list[Path]:
    return [path for folder in folders for path in sorted((ROOT / folder).rglob("*.py"))]


def undeclared(files: list[Path], allowed: set[str]) -> dict[str, list[str]]:
    return {name: sorted(where)[:3] for name, where in imported_distributions(files).items() if name not in allowed}


def test_the_app_declares_every_distribution_it_imports() -> None:
    files = [*python_files("journal"), ROOT / "main.py"]
    assert undeclared(files, declared()) == {}, "add these to [project] dependencies in pyproject.toml"


def test_tests_and_benchmarks_declare_every_distribution_they_import() -> None:
    files = python_files("tests", "benchmarks")
    assert undeclared(files, declared(extras=("test",))) == {}, "add these to the test extra in pyproject.toml"


def test_the_check_sees_an_import_that_only_arrives_as_a_dependency(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("def f() -> None:\n    import kiwisolver\n    from pyparsing import Word\n    import numpy, sqlmodel\n")
    assert set(undeclared([probe], {"numpy", "sqlmodel"})) == {"kiwisolver", "pyparsing"}


@pytest.mark.parametrize(("source", "modules"), [("import a.b, c", ["a", "c"]), ("from d.e import f\nfrom . import g", ["d"])])
def test_imports_are_read_from_the_syntax_tree(source: str, modules: list[str]) -> None:
    assert list(imported_top_level_modules(source)) == modules
