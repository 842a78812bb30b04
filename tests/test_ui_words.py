"""Words the app shows: counted nouns in the right number, never "day(s)"."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from journal.core.words import noun, plural

PACKAGE = Path(__file__).resolve().parents[1] / "journal"
#: "day(s)", "entry(ies)", "box(es)": a word followed by an optional plural ending.
OPTIONAL_PLURAL = re.compile(r"\w\((s|es|ies)\)")


def _texts(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants (f-string parts included) with their line numbers; docstrings too."""
    return [
        (node.lineno, node.value) for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_no_text_in_the_app_says_s_in_brackets() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, text in _texts(ast.parse(path.read_text(encoding="utf-8"))):
            if OPTIONAL_PLURAL.search(text):
                found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {text.strip()[:60]}")
    assert found == []


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0 days"), (1, "1 day"), (2, "2 days"), (1500, "1,500 days")],
)
def test_plural_counts_days(count: int, expected: str) -> None:
    assert plural(count, "day") == expected


def test_irregular_plurals_and_the_noun_alone() -> None:
    assert plural(1, "entry", "entries") == "1 entry"
    assert plural(3, "entry", "entries") == "3 entries"
    assert noun(1, "column") == "column"
    assert noun(2, "column") == "columns"
