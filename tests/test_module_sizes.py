"""No module in ``journal/`` over 400 lines without a reason written at its top.

A module kept whole says why in its first docstring, in a paragraph that
begins "Whole because" (for example the companion: one state, one clock, one
quit path). Anything else that long is split by what it holds, with its old
import paths kept (see docs/development.md).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400
REASON = "Whole because"
#: A reason is a sentence, not the two words alone.
MIN_REASON_WORDS = 8

#: Being split on other branches right now; the merge of each split removes its line here.
#: (An entry that is no longer over the limit fails below, so the list cannot go stale.)
BEING_SPLIT = frozenset(
    {
        "journal/ui/today/view.py",
        "journal/ui/today/form.py",
        "journal/formats/importers/common.py",
    }
)


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def stated_reason(path: Path) -> str | None:
    """The paragraph of the module's first docstring that begins "Whole because", or None."""
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    if docstring is None:
        return None
    for paragraph in docstring.split("\n\n"):
        if paragraph.strip().startswith(REASON):
            return " ".join(paragraph.split())
    return None


def long_modules(root: Path) -> dict[str, int]:
    """Every module under ``root/journal`` over :data:`MAX_LINES`, by path from ``root``."""
    return {
        path.relative_to(root).as_posix(): count
        for path in sorted((root / "journal").rglob("*.py"))
        if (count := line_count(path)) > MAX_LINES
    }


def without_reason(root: Path, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The long modules (outside ``allowed``) whose docstring gives no reason to stay whole."""
    found = []
    for name, count in long_modules(root).items():
        if name in allowed:
            continue
        reason = stated_reason(root / name)
        if reason is None or len(reason.split()) < MIN_REASON_WORDS:
            found.append(f"{name} ({count} lines)")
    return found


def test_every_module_over_400_lines_says_why_it_is_whole() -> None:
    missing = without_reason(ROOT, BEING_SPLIT)
    assert missing == [], (
        f"over {MAX_LINES} lines with no paragraph beginning {REASON!r} in the module docstring: "
        f"{', '.join(missing)}. Split the module by what it holds, or say why it is whole."
    )


def test_the_list_of_modules_being_split_is_not_stale() -> None:
    stale = sorted(name for name in BEING_SPLIT if not (ROOT / name).exists() or line_count(ROOT / name) <= MAX_LINES)
    assert stale == [], f"no longer over {MAX_LINES} lines (remove them from BEING_SPLIT): {', '.join(stale)}"


def test_the_check_finds_a_long_module_and_accepts_a_stated_reason(tmp_path: Path) -> None:
    package = tmp_path / "journal" / "widgets"
    package.mkdir(parents=True)
    body = "\n".join(f"VALUE_{n} = {n}" for n in range(MAX_LINES)) + "\n"
    (package / "short.py").write_text('"""A short module."""\n', encoding="utf-8")
    (package / "long.py").write_text('"""A long module."""\n' + body, encoding="utf-8")
    (package / "terse.py").write_text(f'"""A long module.\n\n{REASON} it is.\n"""\n' + body, encoding="utf-8")
    (package / "kept.py").write_text(
        f'"""A long module.\n\n{REASON} its values are one table that reads best in one place.\n"""\n' + body,
        encoding="utf-8",
    )
    assert sorted(long_modules(tmp_path)) == ["journal/widgets/kept.py", "journal/widgets/long.py", "journal/widgets/terse.py"]
    assert without_reason(tmp_path) == [
        f"journal/widgets/long.py ({MAX_LINES + 1} lines)",
        f"journal/widgets/terse.py ({MAX_LINES + 4} lines)",
    ]
    assert without_reason(tmp_path, frozenset({"journal/widgets/long.py", "journal/widgets/terse.py"})) == []
