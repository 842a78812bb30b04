"""Print the screening's figures on every phrasing set in ``tests/data``.

Run from the repository root::

    .venv/bin/python tests/screening_figures.py [--missed] [screening_phrasings_w.toml ...]

One row per set: cauda equina phrasings with an urgent sign suggested, other
urgent phrasings with an urgent sign suggested, ordinary notes with an urgent
question, ordinary notes with any question (the targets of issue 23: at least
95%, 95%, at most 10%, 20%). ``--missed`` lists the phrasings on the wrong side.
A set file may also be given by a path outside ``tests/data`` (an unseen set).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from journal.core.catalog import Urgency, default_urgencies, name_key  # noqa: E402
from journal.core.screening import suggested_signs  # noqa: E402

DATA = ROOT / "tests" / "data"


def urgent(text: str) -> bool:
    """Whether the screening suggests an urgent sign for ``text``."""
    urgencies = default_urgencies()
    return any(urgencies[name_key(sign)] is Urgency.URGENT for sign in suggested_signs(text))


def figures(path: Path) -> tuple[str, list[str]]:
    """One row of figures for the set at ``path``, and the phrasings on the wrong side."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    cells, wrong = [], []
    for group in ("cauda_equina", "other_urgent"):
        texts = [str(t) for t in data.get(group, [])]
        hits = [t for t in texts if urgent(t)]
        cells.append(f"{len(hits) / len(texts):.1%} ({len(hits)}/{len(texts)})" if texts else "–")
        wrong += [f"  missed {group}: {t}" for t in texts if t not in hits]
    ordinary = [str(t) for t in data.get("ordinary", [])]
    urgent_asks = [t for t in ordinary if urgent(t)]
    any_asks = [t for t in ordinary if suggested_signs(t)]
    for asks in (urgent_asks, any_asks):
        cells.append(f"{len(asks) / len(ordinary):.1%} ({len(asks)}/{len(ordinary)})" if ordinary else "–")
    wrong += [f"  asked ordinary: {t} -> {suggested_signs(t)}" for t in any_asks]
    return " · ".join(cells), wrong


def main(arguments: list[str]) -> int:
    missed = "--missed" in arguments
    names = [a for a in arguments if not a.startswith("--")]
    paths = [Path(n) if Path(n).exists() else DATA / n for n in names] or sorted(DATA.glob("screening_phrasings*.toml"))
    for path in paths:
        row, wrong = figures(path)
        print(f"{path.name}: {row}")
        if missed:
            print("\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
