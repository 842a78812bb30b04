"""Readers for other diaries' exports, one module per app (pure parsers: no journal file).

:data:`SOURCES` names each by the word the command line takes
(``pain-journal import --from bearable FILE``); :func:`parse_export` reads
bytes with the right one. See docs/importing.md for what maps to what.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # the command line reads SOURCES to build its parser: keep this module light
    from journal.formats.importers.common import ParsedImport


@dataclass(frozen=True)
class Source:
    """An app Pain Journal imports from: its name for people, its module and the files it writes."""

    key: str
    title: str
    module: str
    file_kind: str  # for a file dialog: "Bearable CSV export (*.csv)"


SOURCES: Final[dict[str, Source]] = {
    "bearable": Source("bearable", "Bearable", "journal.formats.importers.bearable", "Bearable CSV export (*.csv)"),
    "flaredown": Source("flaredown", "Flaredown", "journal.formats.importers.flaredown", "Flaredown CSV export (*.csv)"),
    "pfpd": Source(
        "pfpd",
        "Privacy Friendly Pain Diary",
        "journal.formats.importers.pfpd",
        "Privacy Friendly Pain Diary backup (*.json)",
    ),
    "paintracker": Source(
        "paintracker", "PainTracker", "journal.formats.importers.paintracker", "PainTracker JSON export (*.json)"
    ),
}


def parse_export(source: str, data: bytes) -> "ParsedImport":
    """``data`` read by the reader for ``source`` (a key of :data:`SOURCES`).

    Raises:
        journal.formats.importers.common.ForeignImportError: the file cannot be read; each problem named.
    """
    module = importlib.import_module(SOURCES[source].module)
    parsed: "ParsedImport" = module.parse(data)
    return parsed
