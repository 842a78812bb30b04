"""The one runner for slow work: results and errors come back on the window's thread; work for a closed journal is dropped."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from journal.ui.session import JournalNotOpenError, JournalSession
from journal.ui.tasks import TaskRunner


def test_work_runs_on_the_worker_and_reports_back_on_the_windows_thread(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    seen: list[tuple[object, bool]] = []
    tasks.run(lambda: threading.current_thread() is threading.main_thread(), lambda r: seen.append((r, True)))
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen == [(False, True)]  # ran off the main thread; delivered on it
    assert not tasks.busy


def test_an_error_goes_to_on_error_and_one_without_a_handler_is_shown(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("journal.ui.errors.show_error", lambda _parent, error: shown.append(error))
    tasks = TaskRunner()
    handled: list[BaseException] = []

    def fail() -> None:
        raise OSError("disk")

    tasks.run(fail, lambda _: None, handled.append)
    tasks.run(fail, lambda _: None)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5_000)
    assert [type(e) for e in handled] == [OSError]
    assert [type(e) for e in shown] == [OSError]


def test_work_for_a_journal_that_has_closed_is_dropped_without_a_word(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("journal.ui.errors.show_error", lambda _parent, error: shown.append(error))
    tasks = TaskRunner()
    session = JournalSession(tasks)
    done: list[object] = []
    assert session.op(lambda journal: journal.count()).success(done.append).run_in_background() is False  # not open

    def gone() -> None:
        raise JournalNotOpenError("closed meanwhile")

    tasks.run(gone, done.append)  # work that finds the journal gone is dropped too
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5_000)
    assert done == [] and shown == []


def test_call_blocking_returns_the_result_or_raises(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    assert tasks.call_blocking(lambda: threading.current_thread() is threading.main_thread()) is False

    def fail() -> None:
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        tasks.call_blocking(fail)
