"""Every dialog fits an 800×600 screen, opens no larger than it needs, and shows its words whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCREEN = {
    "synchronousWindowSystemEvents": False,
    "windowFrameMargins": True,
    "screens": [{"name": "small", "x": 0, "y": 0, "width": 800, "height": 600, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
}
DIALOGS = (
    "settings",
    "pacing plan",
    "user guide",
    "export",
    "warning",
    "restore",
    "shortcuts",
    "manage lists",
    "welcome",
    "about",
    "about you",
    "pain now",
)


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("small-screen")
    config = folder / "screen.json"
    config.write_text(json.dumps(SCREEN))
    env = os.environ | {
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "PAIN_JOURNAL_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.dialogs_on_a_small_screen", str(folder / "journal.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["screen"] == [0, 0, 800, 600]
    return result


@pytest.mark.slow
@pytest.mark.parametrize("name", DIALOGS)
def test_each_dialog_fits_an_800_by_600_screen(measured: dict[str, Any], name: str) -> None:
    x, y, width, height = measured["dialogs"][name]["frame"]
    assert x >= 0 and y >= 0, f"{name} starts off the screen at {x},{y}"
    assert x + width <= 800 and y + height <= 600, f"{name} is {width}×{height} at {x},{y}"


@pytest.mark.slow
@pytest.mark.parametrize("name", DIALOGS)
def test_no_word_is_cut_off_in_a_dialog(measured: dict[str, Any], name: str) -> None:
    assert measured["dialogs"][name]["cut"] == []


@pytest.mark.slow
@pytest.mark.parametrize("name", ["settings", "warning", "about", "welcome"])
def test_a_dialog_opens_no_taller_than_its_content(measured: dict[str, Any], name: str) -> None:
    """A dialog of fixed content takes its content's height; it scrolls only when that is taller than the screen."""
    found = measured["dialogs"][name]
    _, height = found["size"]
    _, content = found["content"]
    if found["scrolls"]:
        assert height >= 600 - 100  # the whole screen's height, less the title bar
    else:
        assert height <= content + 2
