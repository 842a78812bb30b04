"""What the app says about itself: its id, licence, and the documents its guidance comes from.

Pure data for Help → About, ``--version`` and the desktop entry; no Qt.
"""

from __future__ import annotations

from typing import Final

#: Reverse-DNS id used for the desktop entry, its metainfo and icon names, and the
#: macOS bundle identifier (one id everywhere, as AppStream asks).
APP_ID: Final = "io.github.painjournal.PainJournal"
APP_NAME: Final = "Pain Journal"
LICENCE: Final = "MIT"


def guidance_sources() -> tuple[str, ...]:
    """The documents the guidance is drawn from, as patients read them (never file names)."""
    from journal.core.sources import document_files, works

    return tuple(works()[file].describe() for file in document_files())
