"""No import circles between the modules of journal/.

Two modules that import each other (directly or round a longer loop) cannot be
understood, tested or moved one without the other, and a circle is one lazy
import away from an ImportError at start-up. The graph comes from grimp (the
library import-linter runs on) and counts every import: at the top, inside
functions, and under ``if TYPE_CHECKING:`` (a type named is a dependency too).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Circles not yet broken, each as its sorted modules: none. The test fails on any circle, and on a
#: listed one once it is gone (so the list only shrinks).
KNOWN: frozenset[frozenset[str]] = frozenset()


def import_graph(package: str) -> dict[str, set[str]]:
    """{module: the modules of ``package`` it imports}."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph(package, exclude_type_checking_imports=False, cache_dir=None)
    return {
        module: {imported for imported in graph.find_modules_directly_imported_by(module) if imported in graph.modules}
        for module in graph.modules
    }


def circles(edges: Mapping[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(frozenset(group))
    return found


def describe(group: frozenset[str], edges: Mapping[str, set[str]]) -> str:
    return "\n".join(f"  {a} -> {b}" for a in sorted(group) for b in sorted(edges[a] & group))


def test_no_import_circles_in_journal() -> None:
    edges = import_graph("journal")
    assert "journal.ui.main_window" in edges and "journal.core.day" in edges
    found = circles(edges)
    new = [group for group in found if group not in KNOWN]
    assert not new, "import circles:\n" + "\n\n".join(describe(group, edges) for group in new)
    gone = KNOWN - set(found)
    assert not gone, f"a known circle is gone: remove it from KNOWN ({sorted(map(sorted, gone))})"


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, [{"a", "b"}]),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [{"a", "b", "c"}]),
        ({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c", "a"}}, [{"a", "b"}, {"c", "d"}]),
    ],
)
def test_circles_are_found_round_any_loop(edges: dict[str, set[str]], expected: list[set[str]]) -> None:
    assert sorted(map(sorted, circles(edges))) == sorted(map(sorted, expected))


def test_style_and_theme_and_the_pacing_panel_stand_apart() -> None:
    edges = import_graph("journal")
    assert "journal.ui.theme" not in edges["journal.ui.style"]
    assert "journal.ui.pacing.feature" not in edges["journal.ui.pacing.trends_panel"]


def test_features_plug_in_through_the_window_host_only() -> None:
    """No module but the start-up (journal.ui.app) and the developer tools imports the main window."""
    edges = import_graph("journal")
    importers = sorted(module for module, imported in edges.items() if "journal.ui.main_window" in imported)
    assert importers == ["journal.ui.app", "journal.ui.tools.screenshots"]
    assert "journal.ui.host" not in {m for m in edges if "journal.ui.main_window" in edges[m]}
    host_imports = edges["journal.ui.host"]
    assert not {m for m in host_imports if m.startswith(("journal.ui.export", "journal.ui.reminders", "journal.ui.safety"))}
