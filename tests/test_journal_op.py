"""JournalOp: the journal is bound when an operation is queued, the operation runs on the worker,
what it changed reaches the session before the caller hears of it, and failures are shown."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, cast

import pytest
from pytestqt.qtbot import QtBot

from journal.app.changes import Changed, JournalChange
from journal.core.errors import UserError
from journal.ui.operations import JournalOp, WrongThreadError
from journal.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from journal.app.journal_file import Journal


class FakeSession:
    """The runner's view of a session, with a stand-in journal (any object will do: the op only passes it on)."""

    def __init__(self, tasks: TaskRunner) -> None:
        self._tasks = tasks
        self.current: object | None = None
        self.events: list[str] = []

    @property
    def tasks(self) -> TaskRunner:
        return self._tasks

    def bound_journal(self) -> "Journal | None":
        return cast("Journal | None", self.current)

    def apply(self, changed: Changed[Any]) -> None:
        self.events.append(f"applied {sorted(changed.change.dates)}")


def test_the_journal_is_bound_when_queued_and_the_op_runs_on_the_worker(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    session = FakeSession(tasks)
    first, second = object(), object()
    release = threading.Event()
    tasks.run(lambda: release.wait(5), lambda _: None)  # the worker is busy until released
    session.current = first
    seen: list[tuple[object, bool]] = []
    op = JournalOp(session, lambda journal: seen.append((journal, threading.current_thread() is threading.main_thread())))
    assert op.run_in_background()
    session.current = second  # another journal opened before the op ran
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5_000)
    assert seen == [(first, False)]


def test_a_change_reaches_the_session_before_the_caller(qtbot: QtBot) -> None:
    import datetime as dt

    tasks = TaskRunner()
    session = FakeSession(tasks)
    session.current = object()
    day = dt.date(2026, 3, 1)

    def op(_journal: "Journal") -> Changed[str]:
        return Changed("saved", JournalChange(frozenset({day})))

    JournalOp(session, op).success(lambda result: session.events.append(f"success {result.value}")).run_in_background()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5_000)
    assert session.events == [f"applied [{day!r}]", "success saved"]


def test_with_no_journal_open_nothing_is_queued(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    session = FakeSession(tasks)
    ran: list[object] = []
    assert not JournalOp(session, ran.append).run_in_background()
    assert not tasks.busy and ran == []


def test_a_failure_goes_to_the_callback_or_is_shown(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr("journal.ui.errors.show_error", lambda _parent, error: shown.append(error))
    tasks = TaskRunner()
    session = FakeSession(tasks)
    session.current = object()

    def refuse(_journal: "Journal") -> None:
        raise UserError("Not saved: the disk is full.")

    handled: list[BaseException] = []
    JournalOp(session, refuse).failure(handled.append).run_in_background()
    JournalOp(session, refuse).run_in_background()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5_000)
    assert [str(e) for e in handled] == ["Not saved: the disk is full."]
    assert [str(e) for e in shown] == ["Not saved: the disk is full."]


def test_an_op_cannot_be_queued_from_another_thread(qtbot: QtBot) -> None:
    tasks = TaskRunner()
    session = FakeSession(tasks)
    session.current = object()
    raised: list[BaseException] = []

    def queue_from_elsewhere() -> None:
        try:
            JournalOp(session, lambda journal: None).run_in_background()
        except WrongThreadError as error:
            raised.append(error)

    thread = threading.Thread(target=queue_from_elsewhere)
    thread.start()
    thread.join(5)
    assert len(raised) == 1 and not tasks.busy
