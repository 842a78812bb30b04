"""Shared fixtures. Qt runs offscreen; every test gets its own data folder."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app's data folder (and Qt's settings) at a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PAIN_JOURNAL_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture(autouse=True)
def _no_worker_left_running(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves work running on a worker thread after it ends (as napari's conftest does).

    Work still running when the next test starts writes into a journal, a
    folder or a window that belongs to a test that has finished. Set up before
    ``qtbot``, so this runs after qtbot has closed the test's widgets. A
    moment's grace covers a worker that is just returning.
    """
    threads_before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 1.0
    while True:
        tasks = sys.modules.get("journal.ui.tasks")
        busy_workers = tasks.workers_running() if tasks is not None else 0
        new_threads = [
            thread for thread in threading.enumerate() if thread not in threads_before and thread.is_alive() and not thread.daemon
        ]
        if not busy_workers and not new_threads:
            return
        if time.monotonic() > deadline:
            break
        time.sleep(0.02)
    names = ", ".join(thread.name for thread in new_threads)
    pytest.fail(
        f"{request.node.nodeid} left work running: {busy_workers} task worker(s) busy"
        + (f", threads {names}" if names else "")
        + " (wait for it, e.g. qtbot.waitUntil(lambda: not tasks.busy), before the test ends)",
        pytrace=False,
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def journal(db_path: Path) -> Iterator["object"]:
    from journal.storage.journal import Journal

    opened = Journal.open(db_path)
    yield opened
    opened.close()


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


@pytest.fixture(autouse=True)
def _windows_close_without_questions(request: pytest.FixtureRequest) -> Iterator[None]:
    """After a window test (even a failed one), close windows without the "Save?" question.

    Requesting ``qtbot`` from here makes this teardown run before qtbot closes
    its widgets, so a failing test cannot hang on a modal question.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("qtbot")
    yield
    from PySide6.QtWidgets import QApplication, QMessageBox

    from journal.ui.palettes import ThemeChoice
    from journal.ui.theme import theme_manager

    manager = theme_manager()
    if manager is not None and manager.choice is not ThemeChoice.SYSTEM:
        manager.set_choice(ThemeChoice.SYSTEM)  # a colour chosen in one test is not kept for the next
    for widget in QApplication.topLevelWidgets():
        today = getattr(widget, "today", None)
        if today is not None and hasattr(today, "form"):
            today.discard_changes()  # nothing to ask about
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()  # a notice left open must not take the next test's keys
    if manager is not None:
        # Every window installs the theme manager after its first frame: the next test starts
        # unstyled again, as it would without a window before it.
        from PySide6.QtGui import QPalette

        from journal.ui import theme

        theme._manager = None
        manager.stop_following()
        manager.deleteLater()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setStyleSheet("")
            app.setPalette(QPalette())
