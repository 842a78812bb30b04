"""Where the packaged data files live, from a source checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def _resources_dir() -> Path:
    """``resources/`` beside the ``journal`` package, or inside a PyInstaller bundle.

    A bundle unpacks its data under ``sys._MEIPASS`` (packaging/pain-journal.spec
    puts ``resources/`` there); a checkout or editable install has it in the
    repository root.
    """
    bundle_root = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle_root:
        return Path(bundle_root) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


RESOURCES_DIR = _resources_dir()
ICON_FILE = RESOURCES_DIR / "icons" / "pain-journal.svg"


def load_toml(relative: str) -> dict[str, Any]:
    """Parse ``resources/<relative>`` as TOML."""
    import tomllib  # not at import: the window imports this module before its first frame

    with (RESOURCES_DIR / relative).open("rb") as handle:
        return tomllib.load(handle)
