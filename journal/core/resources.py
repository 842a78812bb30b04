"""Where the packaged data files live: a source checkout, a wheel, or the bundle.

In a source checkout (and an editable install) they are the top-level
``resources/`` folder. A built wheel carries the same folder inside the
package as ``journal/resources`` (what ``importlib.resources.files("journal")``
names for an install on disk; computed from ``__file__`` here because importing
:mod:`importlib.resources` costs about 8 ms of start-up).
A PyInstaller bundle unpacks it under ``sys._MEIPASS`` (see
packaging/pain-journal.spec). Installs from a zip file are not supported: the
migrations and content are read as ordinary files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def _resources_dir() -> Path:
    bundle_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle_root:
        return Path(bundle_root) / "resources"
    packaged = Path(__file__).resolve().parents[1] / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


RESOURCES_DIR: Path = _resources_dir()
ICON_FILE = RESOURCES_DIR / "icons" / "pain-journal.svg"


def load_toml(relative: str) -> dict[str, Any]:
    """Parse ``resources/<relative>`` as TOML."""
    import tomllib  # not at import: the window imports this module before its first frame

    with (RESOURCES_DIR / relative).open("rb") as handle:
        return tomllib.load(handle)
