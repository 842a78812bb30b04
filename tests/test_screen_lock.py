"""The screen-lock watcher hears the desktop's ActiveChanged signal on a private session bus."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import os, subprocess, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from journal.ui.reminders.screen_lock import ScreenLockWatcher
watcher = ScreenLockWatcher()
got = []
watcher.lockedChanged.connect(got.append)
def send(path, interface, value):
    subprocess.run(["dbus-send", "--session", "--type=signal", path, interface + ".ActiveChanged",
                    "boolean:" + value], check=True)
QTimer.singleShot(200, lambda: send("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "true"))
QTimer.singleShot(400, lambda: send("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "false"))
def done():
    if len(got) >= 2:
        app.quit()
    else:
        QTimer.singleShot(50, done)
QTimer.singleShot(450, done)
QTimer.singleShot(8000, app.quit)
app.exec()
print(watcher.listening, got)
"""


@pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("dbus-send")), reason="needs dbus-run-session and dbus-send"
)
def test_lock_and_unlock_signals_reach_the_watcher() -> None:
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1] == "True [True, False]", result.stderr


def test_without_a_session_bus_the_watcher_stays_silent(monkeypatch: pytest.MonkeyPatch, qtbot: object) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    from journal.ui.reminders.screen_lock import ScreenLockWatcher

    assert ScreenLockWatcher().listening is False
