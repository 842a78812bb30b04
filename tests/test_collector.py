"""Garbage collection is paused for start-up and always resumes once the journal is open."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journal.ui import collector
from tests.gui_helpers import close_window, open_window

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collection_restored() -> Iterator[None]:
    yield
    collector.resume()
    gc.enable()
    gc.unfreeze()


def test_pause_and_resume(collection_restored: None) -> None:
    collector.pause()
    assert not gc.isenabled() and collector.paused()
    collector.resume()
    assert gc.isenabled() and not collector.paused()
    assert gc.get_freeze_count() > 0  # what start-up made is left out of later collections


def test_collection_resumes_by_itself_when_opening_hangs(collection_restored: None) -> None:
    collector.pause(guard_seconds=0.05)
    assert not gc.isenabled()
    deadline = time.monotonic() + 5
    while collector.paused() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert gc.isenabled() and not collector.paused()


def test_resume_without_pause_leaves_the_collector_alone(collection_restored: None) -> None:
    gc.disable()  # somebody else's choice, not start-up's
    collector.resume()
    assert not gc.isenabled()


def test_the_window_resumes_collection_when_the_journal_opens(qtbot: QtBot, db_path: Path, collection_restored: None) -> None:
    collector.pause()
    window = open_window(qtbot, db_path)
    assert gc.isenabled() and not collector.paused()
    close_window(window)


def test_the_window_resumes_collection_when_the_journal_cannot_open(
    qtbot: QtBot, tmp_path: Path, collection_restored: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.ui import app

    explained: list[BaseException] = []
    monkeypatch.setattr(app, "_open_failed", lambda _window, error: explained.append(error))
    not_a_journal = tmp_path / "notes.sqlite3"
    not_a_journal.write_bytes(b"this is not a database" * 100)
    collector.pause()
    window = app.create_window(not_a_journal, welcome=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session.open_failed, timeout=20_000):
        window.show()
    assert explained and gc.isenabled()
    window.session.shut_down()


@pytest.mark.slow
def test_the_started_app_collects_again(tmp_path: Path) -> None:
    code = (
        "import gc\n"
        "from journal.cli import main\n"
        f"status = main(['--db', {str(tmp_path / 'j.sqlite3')!r}, '--quit-after-startup'])\n"
        "print(status, gc.isenabled(), gc.get_freeze_count() > 0)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PAIN_JOURNAL_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-3:] == ["0", "True", "True"]
