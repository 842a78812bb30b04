"""The one helper for slow work: run a function on a worker thread, get the result by signal.

Work runs on a single background thread, one task at a time and in order, so
database work never overlaps. The callbacks run on the GUI thread. Never touch
a widget from inside ``work``: return data, and let ``on_done`` show it.

Results travel back through a thread-safe queue; the cross-thread signal that
wakes the GUI thread carries no Python objects, because marshalling Python
objects (``None`` in particular) through queued signals has crashed PySide6
with reference-count errors on Python 3.11.
"""

from __future__ import annotations

import queue
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_Delivery = tuple[Callable[[Any], None], object, bool]  # (callback, payload, job finished)

#: Every runner alive, so a check can ask whether any worker is still running (tests/conftest.py).
_runners: "weakref.WeakSet[TaskRunner]" = weakref.WeakSet()


def workers_running() -> int:
    """How many runners have work running on their worker right now (0 when all are idle)."""
    return sum(1 for runner in list(_runners) if runner.running())


class Cancelled(Exception):
    """Raised by work that no longer applies (its journal was closed meanwhile): dropped without a word."""


class _Relay(QObject):
    """Lives on the GUI thread; a queued, argument-free signal wakes it to deliver results."""

    wake = Signal()


class _Job(QRunnable):
    def __init__(
        self,
        runner: "TaskRunner",
        work: Callable[[], object],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._runner, self._work, self._on_done, self._on_error = runner, work, on_done, on_error

    def run(self) -> None:
        try:
            result = self._work()
        except Cancelled:
            self._runner._deliveries.put((lambda _: None, None, True))
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread
            self._runner._deliveries.put((self._on_error, error, True))
        else:
            self._runner._deliveries.put((self._on_done, result, True))
        self._runner._relay.wake.emit()


class TaskRunner(QObject):
    """Runs callables off the GUI thread, one at a time, reporting back on the GUI thread.

    ``busy_changed(bool)`` lets a window show progress while work is pending.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._deliveries: queue.SimpleQueue[_Delivery] = queue.SimpleQueue()
        self._relay = _Relay(self)
        self._relay.wake.connect(self._deliver)
        self._pending = 0
        _runners.add(self)

    def run(
        self,
        work: Callable[[], object],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work()`` on the worker; then ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(self, work, on_done, on_error or self._report_error))

    def call_blocking(self, work: Callable[[], object]) -> object:
        """Run ``work()`` on the worker after what is queued, wait, and return its result (or raise).

        Only for closing, when there is no window left to keep responsive: the
        file is still touched only by the worker. Callbacks of earlier work are
        not run.
        """
        outcome: list[tuple[bool, object]] = []

        def job() -> None:
            try:
                outcome.append((True, work()))
            except BaseException as error:  # noqa: BLE001 - raised again on the calling thread
                outcome.append((False, error))

        self.run(job, lambda _: None)
        self._pool.waitForDone()
        ok, value = outcome[0]
        if not ok:
            assert isinstance(value, BaseException)
            raise value
        return value

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def running(self) -> bool:
        """Whether work is executing on the worker thread now (queued callbacks aside)."""
        try:
            return self._pool.activeThreadCount() > 0
        except RuntimeError:  # the Qt side is already deleted: nothing can run
            return False

    def wait(self, msecs: int = -1) -> bool:
        """Block until queued work finishes (for closing and for tests); callbacks are not run."""
        return self._pool.waitForDone(msecs)

    @Slot()
    def _deliver(self) -> None:
        while True:
            try:
                callback, payload, finished = self._deliveries.get_nowait()
            except queue.Empty:
                return
            try:
                callback(payload)
            finally:
                if finished:
                    self._pending -= 1
                    if self._pending == 0:
                        self.busy_changed.emit(False)

    @staticmethod
    def _report_error(error: BaseException) -> None:
        """Errors of work queued without ``on_error``: told to the patient, never lost."""
        from journal.ui.errors import show_error

        show_error(None, error)
