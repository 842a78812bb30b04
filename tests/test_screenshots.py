"""The screenshots script writes every picture, offscreen, from the sample data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from journal.ui.tools.screenshots import SHOTS

ROOT = Path(__file__).resolve().parents[1]


def distinct_colours(image: QImage, step: int = 7) -> int:
    """Colours seen on a grid of sample points: a blank or one-colour picture has one or two."""
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


@pytest.mark.slow
def test_the_script_writes_every_screenshot(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    env = {key: value for key, value in os.environ.items() if key != "PAIN_JOURNAL_HOME"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [sys.executable, "-m", "journal.ui.tools.screenshots", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    expected = [name for name in SHOTS if name != "pdf-page-1" or shutil.which("pdftoppm")]
    assert sorted(path.stem for path in out.glob("*.png")) == sorted(expected)
    for name in expected:
        image = QImage(str(out / f"{name}.png"))
        assert not image.isNull(), name
        assert image.width() >= 300 and image.height() >= 120, (name, image.size())
        assert distinct_colours(image) >= 20, f"{name} looks blank"
    window = QImage(str(out / "today-light.png"))
    assert (window.width(), window.height()) == (1280, 800)
