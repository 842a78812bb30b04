"""Where the packaged data files live."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

RESOURCES_DIR = Path(__file__).resolve().parents[2] / "resources"


def load_toml(relative: str) -> dict[str, Any]:
    """Parse ``resources/<relative>`` as TOML."""
    with (RESOURCES_DIR / relative).open("rb") as handle:
        return tomllib.load(handle)
