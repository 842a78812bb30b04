"""Where the packaged data files live.

In a source checkout (and an editable install) they are the top-level
``resources/`` folder. A built wheel, or the bundle, carries the same folder
inside the package as ``journal/resources``, found through
:mod:`importlib.resources`. Installs from a zip file are not supported: the
migrations and content are read as ordinary files.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any


def _resources_dir() -> Path:
    packaged = resources.files("journal").joinpath("resources")
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


RESOURCES_DIR: Path = _resources_dir()


def load_toml(relative: str) -> dict[str, Any]:
    """Parse ``resources/<relative>`` as TOML."""
    with (RESOURCES_DIR / relative).open("rb") as handle:
        return tomllib.load(handle)
