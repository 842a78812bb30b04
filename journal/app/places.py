"""Where things live: the journal's default file, the app's data folder, and its temporary folders.

Cheap to import (standard library only underneath): the command line's help
and the window's start use it.
"""

from __future__ import annotations

from pathlib import Path

from journal.storage.paths import PERMISSIONS as READ_ONLY_REASON
from journal.storage.paths import check_path, data_dir, default_database_path
from journal.storage.scratch import PRINT_PREVIEWS, ScratchFolder, new_scratch_folder, sweep

__all__ = [
    "PRINT_PREVIEWS",
    "READ_ONLY_REASON",
    "ScratchFolder",
    "check_path",
    "data_dir",
    "default_journal_path",
    "new_scratch_folder",
    "sweep",
]


def default_journal_path() -> Path:
    """The journal opened when no other is named."""
    return default_database_path()
