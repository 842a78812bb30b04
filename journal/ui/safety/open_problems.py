"""When the journal cannot be opened: say why in plain words, and offer a backup if it is damaged.

Every message says what happened to the file (nothing, or where it was
moved). A damaged journal with a usable backup can be set aside (renamed,
never deleted) and replaced by that backup, then opened. A file of another
program, one from a newer version, or a journal already open in another
window is left exactly as it was, and this window closes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from journal.core.errors import UserError
from journal.ui.safety import wording

if TYPE_CHECKING:
    from journal.app.journal_file import BackupInfo
    from journal.ui.host import WindowHost

IN_USE_TITLE = "Pain Journal is already open"
IN_USE_TEXT = "Pain Journal is already open on this journal in another window."
DAMAGED_TITLE = "Your journal could not be read"


def explain_open_failure(window: "WindowHost", error: BaseException) -> None:
    """Explain ``error`` from opening the journal; close the window unless a backup is restored."""
    from journal.app.journal_file import DamagedDatabaseError, JournalInUseError, NotAJournalError, TooNewError

    path = window.session.user_path
    where = f"\n\nThe file is:\n{path}" if path is not None else ""
    if isinstance(error, JournalInUseError):
        _explain_and_close(
            window,
            QMessageBox.Icon.Information,
            IN_USE_TITLE,
            IN_USE_TEXT,
            "Please carry on in that window. This one closes now so that the two cannot "
            "overwrite each other's changes. Nothing was changed.\n\n"
            "If you cannot find the other window, it may still be closing: wait a moment "
            "and start Pain Journal again.",
        )
    elif isinstance(error, TooNewError):
        _explain_and_close(
            window,
            QMessageBox.Icon.Information,
            "This journal needs a newer Pain Journal",
            "Your journal was last saved by a newer version of Pain Journal.",
            "This version cannot read it safely, so it has not opened or changed it. "
            f"Please install the latest Pain Journal and open your journal with that.{where}",
        )
    elif isinstance(error, NotAJournalError):
        _explain_and_close(
            window,
            QMessageBox.Icon.Information,
            "This is not a Pain Journal file",
            "The file Pain Journal was asked to open is not a journal.",
            f"It seems to belong to another program, so Pain Journal has left it exactly as it was.{where}",
        )
    elif isinstance(error, DamagedDatabaseError):
        from journal.app.backups import list_backups

        window.session.on_own_file(
            list_backups,
            lambda backups: _offer_backup(window, error, backups),
            lambda _error: _offer_backup(window, error, []),
        )
    elif isinstance(error, UserError):
        _explain_and_close(window, QMessageBox.Icon.Warning, "Could not open your journal", str(error), "")
    else:
        _explain_and_close(
            window,
            QMessageBox.Icon.Warning,
            "Could not open your journal",
            f"The journal could not be opened because of an unexpected problem ({type(error).__name__}).",
            "Your data was not changed.",
        )


def _box(window: "WindowHost", icon: QMessageBox.Icon, title: str, text: str, informative: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, window)
    if informative:
        box.setInformativeText(informative)
    return box


def _explain_and_close(
    window: "WindowHost", icon: QMessageBox.Icon, title: str, text: str, informative: str, details: str = ""
) -> None:
    box = _box(window, icon, title, text, informative)
    if details:
        box.setDetailedText(details)
    box.addButton("Close Pain Journal", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    _close(window)


def _close(window: "WindowHost") -> None:
    window.close()
    window.session.release_lock()  # also when closing before the features were installed


def _offer_backup(window: "WindowHost", error: BaseException, backups: "list[BackupInfo]") -> None:
    path = window.session.user_path
    good = [info for info in backups if not info.problem]
    if path is None or not good:
        _explain_and_close(
            window,
            QMessageBox.Icon.Warning,
            DAMAGED_TITLE,
            "Part of your journal file is damaged, and there is no backup to go back to.",
            "This can happen after a power cut, a full disk or a disk fault. Pain Journal has not "
            "changed or deleted anything.\n\n"
            "Please keep the file safe: someone good with computers may be able to rescue the "
            "days in it. To start a new journal meanwhile, move the file to another folder and "
            f"start Pain Journal again.\n\nThe file is:\n{path}",
            details=str(error),
        )
        return
    newest = good[0]
    box = _box(
        window,
        QMessageBox.Icon.Information,
        DAMAGED_TITLE,
        "<b>Part of your journal file is damaged, so Pain Journal cannot open it safely.</b><br>"
        "Nothing has been changed or deleted.",
        "This can happen after a power cut, a full disk or a disk fault.\n\n"
        f"You have a backup from {wording.taken_when(newest.taken_at, in_sentence=True)} with "
        f"{wording.contents(newest)}. Pain Journal can carry on from that backup; anything "
        "you logged after it would need to be entered again.\n\n"
        "The damaged file is not deleted. It is kept, renamed, in the same folder, in case it "
        f"can be rescued later:\n{path.parent}",
    )
    box.setDetailedText(str(error))
    restore = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Close Pain Journal", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    if box.clickedButton() is not restore:
        _close(window)
        return
    window.show_status("Restoring your journal from the backup…")
    window.session.recover_damaged(
        lambda result: _recovered(window, path, good, result),
        lambda failure: _explain_and_close(
            window,
            QMessageBox.Icon.Warning,
            "The backup could not be restored",
            "Pain Journal could not restore the backup.",
            f"{failure if isinstance(failure, UserError) else type(failure).__name__}\n\n"
            f"Your files were kept as they were.\n\nThe file is:\n{path}",
        ),
    )


def _recovered(window: "WindowHost", path: Path, good: "list[BackupInfo]", result: "tuple[Path | None, Path | None]") -> None:
    used, kept = result
    if used is None:
        _explain_and_close(
            window,
            QMessageBox.Icon.Warning,
            DAMAGED_TITLE,
            "None of the backups could be read either, so nothing was restored.",
            f"Pain Journal has not changed or deleted anything.\n\nThe file is:\n{path}",
        )
        return
    window.session.open(path)
    info = next((b for b in good if b.path == used), None)
    what = f"the backup from {wording.taken_when(info.taken_at, in_sentence=True)}" if info else "a backup"
    holds = f" It holds {wording.contents(info)}." if info else ""
    aside = f"\n\nThe damaged file was not deleted. It is kept as:\n{kept}" if kept is not None else ""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Your journal was restored",
        f"Your journal was restored from {what}.{holds}{aside}",
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    window.show_status(f"Restored from {what}.")
