"""File → Back up now… and Restore from backup…, and the automatic backups.

Automatic backups follow Anki's habit: skip when nothing changed, copy off
the GUI thread, keep a thinned set. A routine copy is made a moment after
the journal opens (on the worker, so it never delays the first paint or the
first entry) and another as the window closes, once the worker is idle (one
quick read when nothing changed). The sample journal is never backed up,
and neither menu item works on it: it is not saved anywhere.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from journal.core.errors import UserError
from journal.ui.safety import wording

if TYPE_CHECKING:
    from journal.app.journal_file import BackupInfo
    from journal.ui.host import WindowHost
    from journal.ui.safety.restore_dialog import RestoreDialog

log = logging.getLogger(__name__)

#: How long after the journal opens the start-up backup waits (the first views load first).
START_BACKUP_DELAY_MS = 1500
NOT_FOR_SAMPLE = "Not available with the sample data: it is not saved, so there is nothing to back up."
BACKUP_FILTER = "Journal backups (*.sqlite3);;All files (*)"


def plain_reason(error: BaseException) -> str:
    """A message a person can read: a UserError's own words, else no more than the kind of problem."""
    if isinstance(error, UserError):
        return str(error)
    return f"An unexpected problem got in the way ({type(error).__name__})."


class DataSafetyFeature(QObject):
    """Backs up and restores the window's journal; releases the journal's lock on close."""

    autoBackupDone = Signal(object)  # Path of the start-up backup, or None when nothing changed
    backedUp = Signal(object)  # Path written by Back up now…
    restored = Signal(object)  # Path where the state before the restore was kept (or None)
    restoreDialogShown = Signal(object)  # RestoreDialog

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window)
        self.setObjectName("dataSafety")
        self.window = window
        self.session = window.session
        self.restore_dialog: RestoreDialog | None = None
        self.closing_backup: Path | None = None
        self.auto_backup_checks = 0  # start-up backups tried (made or found unneeded)
        self.last_auto_backup: Path | None = None
        self._close_requested = False
        self._restoring = False

        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.timeout.connect(self.backup_at_start)

        self.back_up_action = QAction("&Back up now…", window)
        self.back_up_action.triggered.connect(lambda: self.back_up_now())
        self.restore_action = QAction("&Restore from backup…", window)
        self.restore_action.triggered.connect(self.restore_from_backup)
        window.insert_file_action(self.back_up_action)
        window.insert_file_action(self.restore_action)
        window.file_menu.insertSeparator(window.quit_action)

        self.session.opened.connect(self._on_opened)
        window.installEventFilter(self)
        if self.session.ready:  # features are installed after the first paint; it may be open
            self._on_opened(None)
        else:
            self._update_actions()

    # --- state ----------------------------------------------------------------------

    def available(self) -> bool:
        """True when the user's own journal is open (not the sample data)."""
        return self.session.ready and not self.session.is_demo

    def _update_actions(self) -> None:
        for action in (self.back_up_action, self.restore_action):
            action.setEnabled(self.available())
            action.setStatusTip(NOT_FOR_SAMPLE if self.session.is_demo else "")

    def _explain_unavailable(self) -> None:
        self.window.show_status(
            NOT_FOR_SAMPLE if self.session.is_demo else "Your journal is still opening; try again in a moment."
        )

    def _on_opened(self, _opened: object) -> None:
        self._update_actions()
        if self.available() and not self._restoring:
            self._start_timer.start(START_BACKUP_DELAY_MS)

    # --- automatic backups ------------------------------------------------------------

    def backup_at_start(self) -> None:
        """Back up on the worker if the data changed since the last backup."""
        if not self.available():
            return
        from journal.app.backups import backup_if_changed

        self.session.op(backup_if_changed).success(self._auto_done).failure(self._auto_failed).run_in_background()

    def _auto_done(self, made: Path | None) -> None:
        self.auto_backup_checks += 1
        self.last_auto_backup = made
        if made is not None:
            self.window.show_status("Your journal was backed up.")
        self.autoBackupDone.emit(made)

    def _auto_failed(self, error: BaseException) -> None:
        self.auto_backup_checks += 1
        log.warning("automatic backup failed: %s", type(error).__name__)
        self.window.show_status("The automatic backup could not be made this time. Your journal itself is fine and unchanged.")
        self.autoBackupDone.emit(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A Close event may still be refused ("Save your changes?"); the Hide that
        # follows it synchronously means the window really closed.
        if watched is self.window:
            if event.type() == QEvent.Type.Close:
                self._close_requested = True
                QTimer.singleShot(0, self._forget_close_request)
            elif event.type() == QEvent.Type.Hide and self._close_requested:
                self._close_requested = False
                self.on_window_closed()
        return False

    def _forget_close_request(self) -> None:
        self._close_requested = False

    def on_window_closed(self) -> None:
        """Back up if anything changed, close the journal and let another window open it."""
        self._start_timer.stop()
        try:
            self.closing_backup = self.session.shut_down()
        except Exception as error:  # noqa: BLE001 - closing: there is no window left to explain in
            log.warning("automatic backup on closing failed: %s", type(error).__name__)

    # --- Back up now… -------------------------------------------------------------------

    def suggested_backup_path(self) -> Path:
        """A timestamped name in the backups folder, tagged so routine thinning keeps it."""
        folder = self.session.backup_folder(create=True)
        own = self.session.own_journal_path()
        assert folder is not None and own is not None
        stamp = dt.datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
        return folder / f"{own.stem}-{stamp}-{wording.MANUAL_REASON}.sqlite3"

    def back_up_now(self, dest: Path | None = None) -> None:
        """Ask where (unless ``dest``), copy the journal there on the worker, confirm in the status bar."""
        if not self.available():
            self._explain_unavailable()
            return
        if dest is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self.window, "Back up your journal", str(self.suggested_backup_path()), BACKUP_FILTER
            )
            if not chosen:
                return
            dest = Path(chosen) if Path(chosen).suffix else Path(chosen).with_suffix(".sqlite3")
        target = dest
        self.window.show_status("Backing up your journal…")
        from journal.app.backups import backup_to

        self.session.op(lambda journal: backup_to(journal.path, target)).success(self._backed_up).failure(
            self._backup_failed
        ).run_in_background()

    def _backed_up(self, path: Path) -> None:
        self.window.show_status(f"Backup saved: {path}")
        self.backedUp.emit(path)

    def _backup_failed(self, error: BaseException) -> None:
        self._message(
            QMessageBox.Icon.Warning,
            "Backup not made",
            f"{plain_reason(error)}\n\nYour journal itself was not changed.",
        )

    # --- Restore from backup… ---------------------------------------------------------------

    def restore_from_backup(self) -> None:
        """List the backups on the worker, then show the restore dialog."""
        if not self.available():
            self._explain_unavailable()
            return

        def look() -> None:
            self.window.show_status("Looking for backups…")
            from journal.app.backups import list_backups

            self.session.op(lambda journal: list_backups(journal.path)).success(self._show_restore_dialog).failure(
                self._listing_failed
            ).run_in_background()

        self.window.today.confirm_leave(look)

    def _show_restore_dialog(self, backups: "list[BackupInfo]") -> None:
        from journal.ui.safety.restore_dialog import RestoreDialog

        dialog = RestoreDialog(backups, self.session.backup_folder(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restoreRequested.connect(self.confirm_and_restore)
        dialog.chooseFileRequested.connect(self._choose_file)
        dialog.destroyed.connect(self._forget_dialog)
        self.restore_dialog = dialog
        self.window.show_status("")
        dialog.open()
        self.restoreDialogShown.emit(dialog)

    def _forget_dialog(self) -> None:
        self.restore_dialog = None

    def _listing_failed(self, error: BaseException) -> None:
        self._message(QMessageBox.Icon.Warning, "Backups not found", plain_reason(error))

    def _choose_file(self) -> None:
        folder = self.session.backup_folder()
        chosen, _ = QFileDialog.getOpenFileName(
            self.restore_dialog or self.window,
            "Choose a backup file",
            str(folder) if folder is not None and folder.is_dir() else "",
            BACKUP_FILTER,
        )
        if chosen:
            self.choose_backup_file(Path(chosen))

    def choose_backup_file(self, path: Path) -> None:
        """Read what the backup file ``path`` holds (on the worker), then confirm and restore."""
        from journal.app.backups import describe_backup

        self.session.op(lambda _journal: describe_backup(path)).success(self.confirm_and_restore).failure(
            self._listing_failed
        ).run_in_background()

    def confirm_and_restore(self, info: "BackupInfo") -> None:
        """Say what will happen and restore ``info`` if the user agrees."""
        parent: QWidget = self.restore_dialog or self.window
        if info.problem:
            self._message(
                QMessageBox.Icon.Warning,
                "This file cannot be restored",
                f"{info.path.name} is not a Pain Journal backup, or it is damaged, so it cannot be "
                "restored.\n\nYour journal was not changed.",
            )
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Restore this backup?",
            f"Go back to the backup from {wording.taken_when(info.taken_at, in_sentence=True)}?",
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        box.setInformativeText(
            f"Your journal will then hold {wording.contents(info)}.\n\n"
            "Your journal as it is now is saved as a backup first, so nothing is lost: "
            "you can come back to it the same way."
        )
        restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        if box.clickedButton() is restore:
            self.restore(info)

    def restore(self, info: "BackupInfo") -> None:
        """Restore ``info`` on the worker (no questions); every view then shows its days."""
        if not self.available():
            self._explain_unavailable()
            return
        dialog = self.restore_dialog
        if dialog is not None:
            dialog.set_busy(True, "Restoring… please wait.")
        self.window.show_status("Restoring your journal from the backup…")
        self._restoring = True
        self.window.welcomed = True  # the welcome is for a first start only

        def done(saved: Path | None) -> None:
            self._restoring = False
            if self.restore_dialog is not None:
                self.restore_dialog.set_busy(False)
                self.restore_dialog.accept()
            self.window.show_status(f"Restored the backup from {wording.taken_when(info.taken_at, in_sentence=True)}.")
            self.restored.emit(saved)
            kept = (
                f"\n\nYour journal as it was just before is kept as a backup:\n{saved}\n"
                "To go back to it, use File → Restore from backup… again."
                if saved is not None
                else ""
            )
            self._message(
                QMessageBox.Icon.Information,
                "Backup restored",
                f"Your journal now holds {wording.contents(info)}.{kept}",
                self.window,
            )

        def failed(error: BaseException) -> None:
            self._restoring = False
            if self.restore_dialog is not None:
                self.restore_dialog.set_busy(False)
            self._message(
                QMessageBox.Icon.Warning, "Backup not restored", f"{plain_reason(error)}\n\nYour journal is as it was before."
            )

        self.session.restore(info.path, done, failed)

    # --- messages ------------------------------------------------------------------------

    def _message(self, icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None) -> QMessageBox:
        """A window-modal message that does not block the caller (tests find it as the active modal).

        It sits over the restore dialog while that is open, else over the window.
        """
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent or self.restore_dialog or self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box


def install(window: "WindowHost") -> None:
    """Add File → Back up now… / Restore from backup… and the automatic backups."""
    window.data_safety = DataSafetyFeature(window)
