"""Settings that only a bundle (PyInstaller, packaging/) needs, applied before anything is imported.

PyInstaller's run-time hook for matplotlib points ``MPLCONFIGDIR`` at a new
temporary folder on every start, so matplotlib would list the computer's fonts
again each time a chart is first drawn (seconds on a desktop with many fonts).
A one-folder bundle has fixed paths, so the list can be kept between runs, in
the user's cache folder. matplotlib lists the fonts again by itself when one
has moved (for example, after the bundle's folder was moved).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def chart_cache_dir() -> Path:
    """Where a bundle keeps matplotlib's font list: under ``$PAIN_JOURNAL_HOME/cache`` if set,
    else the platform's cache folder (``~/.cache/pain-journal``, ``~/Library/Caches/pain-journal``,
    ``%LOCALAPPDATA%\\pain-journal\\cache``)."""
    override = os.environ.get("PAIN_JOURNAL_HOME")
    if override:
        return Path(override).expanduser() / "cache" / "matplotlib"
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "pain-journal" / "cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches" / "pain-journal"
    else:
        configured = os.environ.get("XDG_CACHE_HOME", "")
        root = Path(configured) if configured and Path(configured).is_absolute() else Path.home() / ".cache"
        base = root / "pain-journal"
    return base / "matplotlib"


def keep_chart_cache_between_runs() -> None:
    """In a bundle, give matplotlib a lasting cache folder; elsewhere, do nothing.

    If the folder cannot be made, the temporary one stays (charts still work).
    """
    if not getattr(sys, "frozen", False):
        return
    folder = chart_cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    os.environ["MPLCONFIGDIR"] = str(folder)
