"""The conftest check that no test leaves work running on a worker thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journal.ui import tasks
from journal.ui.tasks import TaskRunner

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]


def test_a_runner_reports_work_while_it_runs(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    started = threading.Event()

    def work() -> None:
        started.set()
        release.wait(5)

    done: list[object] = []
    runner.run(work, done.append)
    assert started.wait(5)
    assert runner.running() and tasks.workers_running() >= 1
    release.set()
    qtbot.waitUntil(lambda: done == [None], timeout=5_000)
    qtbot.waitUntil(lambda: not runner.running(), timeout=5_000)
    assert tasks.workers_running() == 0


@pytest.mark.slow
def test_a_test_that_leaves_a_worker_running_fails(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makeconftest((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    pytester.makepyfile(
        """
        import threading
        from journal.ui.tasks import TaskRunner

        KEEP = []

        def test_leaves_work(qtbot):
            runner = TaskRunner()
            KEEP.append(runner)
            stop = threading.Event()
            KEEP.append(stop)
            runner.run(lambda: stop.wait(3), lambda _: None)

        def test_leaves_a_thread():
            stop = threading.Event()
            KEEP.append(stop)
            threading.Thread(target=lambda: stop.wait(3), name="forgotten").start()

        def test_waits_for_its_work(qtbot):
            runner = TaskRunner()
            KEEP.append(runner)
            runner.run(lambda: None, lambda _: None)
            qtbot.waitUntil(lambda: not runner.busy)
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, errors=2)
    result.stdout.fnmatch_lines(["*test_leaves_work left work running: 1 task worker(s) busy*"])
    result.stdout.fnmatch_lines(["*test_leaves_a_thread left work running: * busy, threads forgotten*"])
