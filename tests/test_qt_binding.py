"""The Qt binding must not lose references to None: the window makes millions of void calls.

PySide6 6.12.0 under Python 3.11 dropped one reference to ``None`` on every call
of a method that returns nothing, so a long session ended in
"Fatal Python error: deallocating None". The pinned version must not.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    app = QApplication.instance()
    assert app is not None
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setEnabled(True)
        label.update()
        app.processEvents()
    # Other code may hold a few more or fewer references; thousands lost is the bug.
    assert abs(sys.getrefcount(None) - before) < 100


def test_the_window_imports_without_pysides_import_hook() -> None:
    """PySide6's ``__feature__`` hook reads every later module's source; the app removes it."""
    import builtins

    from journal.ui import binding

    assert binding.python_importer_restored()
    assert getattr(builtins.__import__, "__name__", "") != "__feature_import__"
    import json  # imports still work (json is cached; a fresh one follows)

    import journal.core.flares  # noqa: F401

    assert json.loads("[1]") == [1]


def test_a_fresh_app_process_keeps_pythons_own_importer(tmp_path: "object") -> None:
    """In the app's own process the original built-in importer is restored, not a stand-in."""
    import subprocess

    code = (
        "import builtins; original = builtins.__import__\n"
        "import journal.ui.app\n"
        "import PySide6.QtPrintSupport, PySide6.QtSvg\n"  # loading more Qt modules later
        "print(builtins.__import__ is original)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
