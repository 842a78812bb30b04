"""The journal's file as the window keeps it: one writer, closing, backups and restores.

The window holds the journal's lock from just before the file is opened
until it closes, so a second window on the same file cannot write to it.
:class:`OwnFile` is a part of :class:`journal.ui.session.JournalSession` (a
base class), split off by what it does; it works through the session's
worker, its operations and its opening.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.app.journal_file import Journal, JournalLock
    from journal.app.opening import OpenedJournal
    from journal.ui.operations import JournalOp
    from journal.ui.tasks import TaskRunner

T = TypeVar("T")


class OwnFile:
    """The lock, the closing backup, restoring a backup and recovering a damaged file."""

    if TYPE_CHECKING:
        journal: Journal | None
        user_path: Path | None
        is_demo: bool
        _lock: JournalLock | None

        @property
        def tasks(self) -> TaskRunner: ...

        def op(self, op: Callable[[Journal], Any]) -> JournalOp[Any]: ...

        def _on_opened(self, opened: OpenedJournal) -> None: ...

    def _hold_lock(self, path: Path) -> None:
        """Take the journal's lock (on the resolved file), unless this session already holds it.

        Raises:
            JournalInUseError: another window or process holds it.
        """
        from journal.app.opening import lock_journal

        held, self._lock = self._lock, None
        self._lock = lock_journal(path, held)

    @property
    def holds_lock(self) -> bool:
        return self._lock is not None

    def release_lock(self) -> None:
        """Let another window open the journal (does nothing when no lock is held)."""
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    def shut_down(self) -> "Path | None":
        """Finish queued work, close the journal, back it up if it changed, release the lock.

        For the window's closing: the work runs on the worker and this waits for
        it (when nothing changed the backup check is one quick read). Returns the
        new backup, if one was made. The lock is released even if the backup
        fails (that error is raised).
        """
        from journal.app.backups import close_and_back_up

        self.tasks.wait()  # queued work still uses the journal
        journal, self.journal = self.journal, None
        keep = journal is not None and not self.is_demo and self.holds_lock
        try:
            result = self.tasks.call_blocking(lambda: None if journal is None else close_and_back_up(journal, back_up=keep))
            assert result is None or isinstance(result, Path)
            return result
        finally:
            self.release_lock()

    def own_journal_path(self) -> Path | None:
        """The user's journal file (open or not), or None while showing the sample data."""
        if self.is_demo:
            return None
        if self.journal is not None:
            return self.journal.path
        return self.user_path

    def backup_folder(self, *, create: bool = False) -> Path | None:
        """Where automatic backups of the user's journal go (0700 when ``create``)."""
        from journal.app.backups import backup_folder

        path = self.own_journal_path()
        return None if path is None else backup_folder(path, create=create)

    def restore(
        self,
        backup: Path,
        on_done: "Callable[[Path | None], None]",
        on_error: "Callable[[BaseException], None]",
    ) -> None:
        """Replace the open journal's contents with ``backup`` on the worker, then reopen it.

        The current state is first kept as a backup (see ``restore_backup``);
        ``on_done`` gets where it went. Views hear of it through ``opened`` and
        ``changed`` like any other journal opening.
        """
        from journal.app.backups import restore

        def work(journal: "Journal") -> "tuple[Path | None, OpenedJournal]":
            self._hold_lock(journal.path)
            # The reopened journal replaces every copy and tells every view
            # (_on_opened), so the change is not applied on its own as well.
            return restore(journal, backup).value

        def done(result: "tuple[Path | None, OpenedJournal]") -> None:
            saved, opened = result
            self._on_opened(opened)
            on_done(saved)

        self.op(work).success(done).failure(on_error).run_in_background()

    def recover_damaged(
        self,
        on_done: "Callable[[tuple[Path | None, Path | None]], None]",
        on_error: "Callable[[BaseException], None]",
    ) -> None:
        """Set the damaged journal aside and restore its newest good backup, on the worker.

        ``on_done`` gets ``(backup used, where the damaged file now is)``;
        ``(None, None)`` and nothing changed when no backup was usable. Then
        open it again with :meth:`open`.
        """
        from journal.app.backups import recover_damaged

        path = self.user_path
        if path is None or self.journal is not None:
            raise RuntimeError("only a journal that failed to open can be recovered")

        def work() -> "tuple[Path | None, Path | None]":
            self._hold_lock(path)
            return recover_damaged(path)

        # No journal is open to bind: this works on the file by its path.
        self.tasks.run(work, on_done, on_error)

    def on_own_file(
        self,
        op: "Callable[[Path], T]",
        on_done: "Callable[[T], None]",
        on_error: "Callable[[BaseException], None] | None" = None,
    ) -> None:
        """Run ``op(path)`` on the worker for the user's journal file, bound now, whether it opened or not.

        For a journal that failed to open (list its backups); nothing runs while
        the sample data is shown.
        """
        path = self.own_journal_path()
        if path is None:
            return
        self.tasks.run(lambda: op(path), on_done, on_error)
