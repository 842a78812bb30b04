"""The one way the window runs an operation on the journal (in the manner of Anki's ``CollectionOp``).

An operation is a function of :mod:`journal.app`, ``op(journal, ...)``. The
window wraps it in :class:`JournalOp`::

    JournalOp(session, lambda journal: save_day(journal, entry)).success(show).run_in_background()

and the runner keeps the rules that used to be written in docstrings:

* the journal is bound when the operation is queued, on the window's thread
  (work queued for one journal never runs against the next one opened); with
  no journal open the operation is dropped without a word;
* the operation runs on the worker (:mod:`journal.ui.tasks`), never on the
  window's thread, which never receives the journal handle from the runner;
* when the operation returns :class:`journal.app.changes.Changed`, the
  session's in-memory copies are brought up to date and its ``changed``
  signal tells every view, on the window's thread, before ``success`` runs;
* a failure goes to ``failure`` if one is given, else to
  :func:`journal.ui.errors.show_error` (plain words, never a traceback).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QThread

from journal.app.changes import Changed

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from journal.app.journal_file import Journal
    from journal.ui.tasks import TaskRunner

T = TypeVar("T")


class OpenJournal(Protocol):
    """What the runner needs of the window's session (:class:`journal.ui.session.JournalSession`)."""

    @property
    def tasks(self) -> "TaskRunner": ...

    def bound_journal(self) -> "Journal | None":
        """The open journal, to bind to an operation being queued (None: not open)."""
        ...

    def apply(self, changed: Changed[Any]) -> None:
        """Bring the in-memory copies up to date with ``changed`` and tell the views."""
        ...


class WrongThreadError(RuntimeError):
    """An operation was queued from a thread other than the window's (a programming error)."""


def on_window_thread() -> bool:
    """Whether the caller runs on the thread of the application's event loop."""
    app = QCoreApplication.instance()
    return app is None or QThread.currentThread() is app.thread()


class JournalOp(Generic[T]):
    """One operation on the open journal: queued here, run on the worker, reported here."""

    def __init__(self, session: OpenJournal, op: "Callable[[Journal], T]", *, parent: "QWidget | None" = None) -> None:
        self._session = session
        self._op = op
        self._parent = parent
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None

    def success(self, on_success: Callable[[T], None] | None) -> "JournalOp[T]":
        """Call ``on_success(result)`` on the window's thread when the operation finishes (after ``changed``)."""
        self._success = on_success
        return self

    def failure(self, on_failure: Callable[[BaseException], None] | None) -> "JournalOp[T]":
        """Call ``on_failure(error)`` on the window's thread instead of showing the error."""
        self._failure = on_failure
        return self

    def run_in_background(self) -> bool:
        """Queue the operation on the worker with the journal open now; False when none is open (dropped).

        Raises:
            WrongThreadError: called from a thread other than the window's.
        """
        if not on_window_thread():
            raise WrongThreadError("journal operations are queued from the window's thread")
        journal = self._session.bound_journal()
        if journal is None:
            return False
        op = self._op
        self._session.tasks.run(lambda: op(journal), self._done, self._failed)
        return True

    def _done(self, result: T) -> None:
        if isinstance(result, Changed):
            self._session.apply(result)
        if self._success is not None:
            self._success(result)

    def _failed(self, error: BaseException) -> None:
        if self._failure is not None:
            self._failure(error)
            return
        from journal.ui.errors import show_error

        show_error(self._parent, error)
