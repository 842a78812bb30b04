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
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.app.changes import JournalChange
from journal.core import clock
from journal.core.dates import long_words, weekday_words
from journal.core.day import PAIN_LOCATIONS, DayEntry
from journal.core.history import COLUMNS, HistoryRow
from journal.ui.history.empty_state import EmptyHistory
from journal.ui.history.model import HistoryTableModel
from journal.ui.session import JournalSession
from journal.ui.theme import current_colours, follow_theme
from journal.ui.widgets.body_map import BodyMapWidget

#: What the shaded History rows mean (beside a swatch of their colour).
TREATMENT_KEY = "Shaded rows: days within a treatment you marked (named in the Treatment column)."


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
        self.empty = EmptyHistory(self)
        self.empty.logRequested.connect(lambda: self.openRequested.emit(clock.today()))
        self.table_or_empty = QStackedWidget(self)
        self.table_or_empty.addWidget(self.table)
        self.table_or_empty.addWidget(self.empty)
        body = QHBoxLayout()
        body.addWidget(self.table_or_empty, 1)
        body.addWidget(self._day_map())
        layout.addLayout(body, 1)
        layout.addWidget(self._treatment_key())
        layout.addLayout(self._action_bar())
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        session.changed.connect(self._on_changed)

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        today = clock.today()
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

    def _day_map(self) -> QWidget:
        """The chosen day's body map, read-only, beside the table."""
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(8, 0, 0, 0)
        self.map_title = QLabel("Where it hurts", panel)
        self.map_title.setObjectName("fieldLabel")
        self.map_title.setWordWrap(True)
        self.day_map = BodyMapWidget(panel, read_only=True)
        self.day_map.setAccessibleName("Where it hurts on the chosen day")
        column.addWidget(self.map_title)
        self.day_map.setFixedHeight(self.day_map.sizeHint().height())
        column.addWidget(self.day_map)
        column.addStretch(1)
        panel.setFixedWidth(self.day_map.sizeHint().width())
        self.table.selectionModel().currentRowChanged.connect(self._show_day_map)
        self.model.modelReset.connect(lambda: self._show_day_map(self.table.currentIndex()))
        self._show_day_map(QModelIndex())
        return panel

    def _show_day_map(self, index: QModelIndex) -> None:
        if index.isValid() and 0 <= index.row() < self.model.rowCount():
            row = self.model.row_at(index.row())
            self.map_title.setText(f"Where it hurts on {weekday_words(row.date)}")
            self.day_map.set_checked(row.pain_locations & PAIN_LOCATIONS.keys())
        else:
            self.map_title.setText("Where it hurts: choose a day")
            self.day_map.set_checked(())

    def _treatment_key(self) -> QWidget:
        """A key line for the shaded rows; shown only while some shown day is within a treatment."""
        self.treatment_key = QWidget(self)
        row = QHBoxLayout(self.treatment_key)
        row.setContentsMargins(0, 0, 0, 0)
        self.treatment_swatch = QLabel(self.treatment_key)
        size = self.fontMetrics().height()
        self.treatment_swatch.setFixedSize(size * 2, size)
        self.treatment_swatch.setAccessibleName("Colour of a day within a treatment")
        self.treatment_key_text = QLabel(TREATMENT_KEY, self.treatment_key)
        self.treatment_key_text.setObjectName("hint")
        self.treatment_key_text.setWordWrap(True)
        row.addWidget(self.treatment_swatch)
        row.addWidget(self.treatment_key_text, 1)
        self._paint_swatch()
        follow_theme(self._paint_swatch)
        self.treatment_key.hide()
        return self.treatment_key

    def _paint_swatch(self, _theme: object = None) -> None:
        colours = current_colours()
        self.treatment_swatch.setStyleSheet(f"background: {colours.treatment_fill}; border: 1px solid {colours.border};")
        self.table.viewport().update()  # the shaded rows take the new theme's fill too

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
        today = clock.today()
        if days is None and self.session.ready:
            bounds = self.session.date_bounds()
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
        from journal.app.history import history_rows

        self.session.op(lambda journal: history_rows(journal, start, end, urgencies)).success(
            lambda loaded: self._show_rows(loaded[0], loaded[1], start, end)
        ).run_in_background()

    def _show_rows(self, rows: "list[HistoryRow]", days_in_journal: int, start: dt.date, end: dt.date) -> None:
        self.model.set_rows(rows)
        self.treatment_key.setVisible(any(r.treatments for r in rows))
        self.count_label.setText(f"{len(rows)} day{'s' if len(rows) != 1 else ''} shown")
        if rows:
            self.table_or_empty.setCurrentWidget(self.table)
        else:
            self.empty.show_for(days_in_journal, start, end)
            self.table_or_empty.setCurrentWidget(self.empty)

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

        def deleted(removed: "DayEntry | None") -> None:
            self._deleted = removed
            self.undo_button.setEnabled(removed is not None)
            self.status.emit(f"Deleted {long_words(date)}. Press Undo delete to bring it back.")

        self.session.delete_day(date, deleted)

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        entry, self._deleted = self._deleted, None
        self.undo_button.setEnabled(False)

        def restored(saved: "DayEntry") -> None:
            self.status.emit(f"Brought back {long_words(saved.date)}.")

        def failed(error: BaseException) -> None:
            self._deleted = entry  # still there to bring back
            self.undo_button.setEnabled(True)
            from journal.ui.errors import show_error

            show_error(self, error)

        from journal.app.days import bring_back_day

        # Names renamed or merged since come back as they are now.
        self.session.op(lambda journal: bring_back_day(journal, entry)).success(lambda changed: restored(changed.value)).failure(
            failed
        ).run_in_background()
