"""File → Restore from backup…: the backups, newest first, and what each one holds.

The dialog only chooses; the feature confirms and restores. Rows that cannot
be read are shown (so nothing seems to vanish) but cannot be chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.ui.safety import wording
from journal.ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from journal.app.journal_file import BackupInfo

_INFO_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Backup taken", "Days", "Dates covered", "Kind")


class RestoreDialog(QDialog):
    """Pick a backup to go back to. Emits ``restoreRequested(BackupInfo)`` or ``chooseFileRequested``."""

    restoreRequested = Signal(object)
    chooseFileRequested = Signal()

    def __init__(self, backups: "list[BackupInfo]", folder: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        self._busy = False
        self.setWindowTitle("Restore from a backup")
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)

        intro = QLabel(
            "Choose the copy of your journal you want to go back to.<br>"
            "<b>Nothing is lost:</b> before anything is replaced, your journal as it is now "
            "is saved as another backup, so you can always come back to it."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.list = QTreeWidget(self)
        self.list.setColumnCount(len(COLUMNS))
        self.list.setHeaderLabels(list(COLUMNS))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName("Backups, newest first")
        header = self.list.header()
        metrics = self.list.fontMetrics()
        header.setStretchLastSection(False)
        header.resizeSection(0, metrics.horizontalAdvance("Wednesday 30 September 2026 at 23:59") + 24)
        header.resizeSection(1, metrics.horizontalAdvance("Cannot be read") + 24)
        header.resizeSection(2, metrics.horizontalAdvance("30 Sep 2026 – 30 Sep 2026") + 24)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for info in backups:
            self._add_row(info)
        self.list.currentItemChanged.connect(lambda *_: self._show_selection())
        self.list.itemActivated.connect(lambda *_: self._request())
        layout.addWidget(self.list, 1)

        self.empty_label = QLabel(
            "There are no backups of this journal yet. Pain Journal makes one by itself when "
            "you open or close it after a change. You can also choose a backup file you keep "
            "somewhere else."
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setVisible(not backups)
        layout.addWidget(self.empty_label)

        self.selection_label = QLabel()
        self.selection_label.setObjectName("disclaimer")
        self.selection_label.setWordWrap(True)
        self.selection_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.selection_label)

        if folder is not None:
            where = QLabel(f"Backups are kept in {folder}")
            where.setObjectName("hint")
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)

        status_row = QHBoxLayout()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setAccessibleName("Working")
        self.busy.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        status_row.addWidget(self.busy)
        status_row.addWidget(self.status_label, 1)
        layout.addLayout(status_row)

        buttons = QHBoxLayout()
        self.choose_file_button = QPushButton("Choose a &file…")
        self.choose_file_button.setToolTip("Restore from a backup kept somewhere else, such as a USB stick")
        self.choose_file_button.clicked.connect(self.chooseFileRequested)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.restore_button = QPushButton("&Restore this backup…")
        self.restore_button.setObjectName("primaryButton")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._request)
        buttons.addWidget(self.choose_file_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.restore_button)
        layout.addLayout(buttons)

        first = next(
            (
                self.list.topLevelItem(i)
                for i in range(self.list.topLevelItemCount())
                if self.list.topLevelItem(i).flags() & Qt.ItemFlag.ItemIsSelectable
            ),
            None,
        )
        if first is not None:
            self.list.setCurrentItem(first)
        self._show_selection()
        self.resize(max(760, self.sizeHint().width()), 480)

    def _add_row(self, info: "BackupInfo") -> None:
        item = QTreeWidgetItem(
            [
                wording.taken_when(info.taken_at),
                wording.day_count(info),
                wording.date_range(info),
                wording.kind(info.reason),
            ]
        )
        item.setData(0, _INFO_ROLE, info)
        item.setToolTip(0, str(info.path))
        if info.problem:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled)
            item.setToolTip(0, f"{info.path}\nThis copy cannot be read, so it cannot be restored.")
        self.list.addTopLevelItem(item)

    def backups_shown(self) -> "list[BackupInfo]":
        return [self.list.topLevelItem(i).data(0, _INFO_ROLE) for i in range(self.list.topLevelItemCount())]

    def selected(self) -> "BackupInfo | None":
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsSelectable:
            return None
        info: BackupInfo = item.data(0, _INFO_ROLE)
        return info

    def select(self, info: "BackupInfo") -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, _INFO_ROLE).path == info.path:
                self.list.setCurrentItem(item)
                return

    def _show_selection(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and not self._busy)
        if info is None:
            self.selection_label.setVisible(False)
            return
        self.selection_label.setVisible(True)
        self.selection_label.setText(
            f"Going back to the backup from <b>{wording.taken_when(info.taken_at, in_sentence=True)}</b> "
            f"brings back {wording.contents(info)}. Anything you logged after it is not in that "
            "copy, but it is not lost: it stays in the backup made just before restoring."
        )

    def _request(self) -> None:
        info = self.selected()
        if info is not None and not self._busy:
            self.restoreRequested.emit(info)

    def reject(self) -> None:
        if not self._busy:  # Escape must not hide a restore in progress
            super().reject()

    def set_busy(self, busy: bool, text: str = "") -> None:
        """Show progress and lock the buttons while the worker restores."""
        self._busy = busy
        self.busy.setVisible(busy)
        self.status_label.setText(text)
        for button in (self.choose_file_button, self.cancel_button):
            button.setEnabled(not busy)
        self.list.setEnabled(not busy)
        self._show_selection()
