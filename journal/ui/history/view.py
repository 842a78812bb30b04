"""History: past entries newest first, filtered by date range, opened or deleted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.core.dates import long_words
from journal.core.day import DayEntry
from journal.core.history import COLUMNS, HistoryRow, history_row
from journal.ui.history.model import HistoryTableModel
from journal.ui.session import JournalChange, JournalSession


def _py(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def _q(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


class HistoryView(QWidget):
    """Emits ``openRequested(date)`` when the user wants a day in Today."""

    openRequested = Signal(object)
    status = Signal(str)

    def __init__(self, session: JournalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = HistoryTableModel(self)
        self._deleted: DayEntry | None = None
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(self._filter_bar())
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        char = self.table.fontMetrics().averageCharWidth()
        # Widths from the font, not ResizeToContents: measuring every row of ten
        # years of entries would cost more than loading them.
        header_metrics = header.fontMetrics()
        for column, spec in enumerate(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if spec.key == "date":
                width = self.table.fontMetrics().horizontalAdvance("Wed 30 Sep 2026") + 24
            elif spec.numeric:
                width = max(header_metrics.horizontalAdvance(spec.title) + 28, char * 6)
            else:
                width = char * (14 if spec.key == "red_flags" else 26)
            header.resizeSection(column, width)
        self.table.setAccessibleName("Past entries")
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._action_bar())
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        session.changed.connect(self._on_changed)

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        today = dt.date.today()
        self.from_edit = QDateEdit(_q(today - dt.timedelta(days=365)), self)
        self.to_edit = QDateEdit(_q(today), self)
        for edit, name in ((self.from_edit, "Show entries from"), (self.to_edit, "Show entries until")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self.reload)
        from_label = QLabel("Fro&m")
        from_label.setBuddy(self.from_edit)
        to_label = QLabel("t&o")
        to_label.setBuddy(self.to_edit)
        bar.addWidget(from_label)
        bar.addWidget(self.from_edit)
        bar.addWidget(to_label)
        bar.addWidget(self.to_edit)
        for text, days in (("30 days", 30), ("90 days", 90), ("1 year", 365), ("All", None)):
            button = QPushButton(text)
            button.setAccessibleName(f"Show {text.lower()}" if days else "Show all entries")
            button.clicked.connect(lambda _=False, d=days: self.show_last(d))
            bar.addWidget(button)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        return bar

    def _action_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        open_button = QPushButton("O&pen in Today")
        open_button.clicked.connect(lambda: self._open_index(self.table.currentIndex()))
        delete_button = QPushButton("&Delete day…")
        delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton("&Undo delete")
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.setEnabled(False)
        bar.addWidget(open_button)
        bar.addWidget(delete_button)
        bar.addWidget(self.undo_button)
        bar.addStretch(1)
        hint = QLabel("Double-click a day (or press Enter) to open it.")
        hint.setObjectName("hint")
        bar.addWidget(hint)
        return bar

    # --- loading ----------------------------------------------------------------------

    def show_last(self, days: int | None) -> None:
        today = dt.date.today()
        if days is None and self.session.ready:
            bounds = self.session.journal.date_bounds() if self.session.journal else None
            start = bounds[0] if bounds else today
        else:
            start = today - dt.timedelta(days=(days or 365) - 1)
        for edit, value in ((self.from_edit, start), (self.to_edit, today)):
            edit.blockSignals(True)
            edit.setDate(_q(value))
            edit.blockSignals(False)
        self.reload()

    def _on_changed(self, change: JournalChange) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]  # event is a QShowEvent; the override widens it
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Load the chosen range off the GUI thread, then show it."""
        if not self.session.ready:
            return
        self._stale = False
        start, end = _py(self.from_edit.date()), _py(self.to_edit.date())
        if start > end:
            start, end = end, start
        urgencies = self.session.urgencies()
        session = self.session

        def load() -> "list[HistoryRow]":
            return [history_row(e, urgencies) for e in session.days(start, end)]

        self.session.tasks.run(load, self._show_rows)

    def _show_rows(self, rows: "list[HistoryRow]") -> None:
        self.model.set_rows(rows)
        self.count_label.setText(f"{len(rows)} day{'s' if len(rows) != 1 else ''} shown")

    # --- actions ------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(self.model.row_at(index.row()).date)

    def delete_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.status.emit("Choose a day to delete first.")
            return
        date = self.model.row_at(index.row()).date
        answer = QMessageBox.question(
            self,
            "Delete this day?",
            f"Delete everything logged for {long_words(date)}?\n\nYou can undo this straight after.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._deleted = self.session.delete_day(date)
        self.undo_button.setEnabled(self._deleted is not None)
        self.status.emit(f"Deleted {long_words(date)}. Press Undo delete to bring it back.")

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        restored = self.session.save_day(self._deleted)
        self._deleted = None
        self.undo_button.setEnabled(False)
        self.status.emit(f"Brought back {long_words(restored.date)}.")
