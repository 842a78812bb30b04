"""What the app says about itself: its id, licence, and the documents its guidance comes from.

Pure data for Help → About, ``--version`` and the desktop entry; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from journal.core.resources import RESOURCES_DIR

#: Reverse-DNS id used for the desktop entry, its metainfo and icon names, and the
#: macOS bundle identifier (one id everywhere, as AppStream asks).
APP_ID: Final = "io.github.painjournal.PainJournal"
APP_NAME: Final = "Pain Journal"
LICENCE: Final = "MIT"

SOURCES_FILE: Final = RESOURCES_DIR / "content" / "sources.toml"


@dataclass(frozen=True)
class GuidanceSource:
    """One document the guidance is drawn from: the file cited, and a title people can read."""

    file: str
    title: str


#: Readable titles of the four source documents (see the seeds README), used
#: when resources/content/sources.toml is absent or does not name a file.
_BUILT_IN_TITLES: Final[dict[str, str]] = {
    "000_32feb4238e8fab95.txt": "Lumbar disc calcification: a patient-education article "
    "(types, causes, symptoms, treatment, prevention, when to see a doctor)",
    "001_fd13b853fb6b8d97.txt": "How to relieve stiffness in the lower back caused by lumbar "
    "disc herniation? (answers by orthopedic doctors)",
    "002_d8cb5da58937e2ee.txt": "Back pain can be caused by joint calcification",
    "003_df4f7bba30e8c6f8.txt": "Why does lumbar disc herniation get worse despite treatment?",
}


def guidance_sources(sources_file: Path = SOURCES_FILE) -> tuple[GuidanceSource, ...]:
    """The guidance's source documents, in file order, each with a readable title.

    Titles come from ``sources_file`` when it exists and names the file (either
    ``[[source]]`` tables with ``file`` and ``title``, or a ``[<file>]`` table
    with ``title``); otherwise from the built-in list. A missing or unreadable
    file is not an error: About must always open.
    """
    titles = dict(_BUILT_IN_TITLES)
    titles.update(_titles_from_file(sources_file))
    return tuple(GuidanceSource(file, title) for file, title in sorted(titles.items()))


def _titles_from_file(path: Path) -> dict[str, str]:
    import tomllib  # only when About opens: the window imports this module at start-up

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    found: dict[str, str] = {}
    listed = data.get("source", data.get("sources"))
    rows = listed if isinstance(listed, list) else []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("file"), str) and isinstance(row.get("title"), str):
            found[row["file"]] = row["title"].strip()
    for key, value in data.items():
        if key.endswith(".txt") and isinstance(value, dict) and isinstance(value.get("title"), str):
            found[key] = value["title"].strip()
    return {file: title for file, title in found.items() if title}
