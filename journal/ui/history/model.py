"""History table model: an adapter from core :class:`HistoryRow` lists to Qt's item model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from journal.core.history import COLUMNS, HistoryRow, sort_rows
from journal.ui.theme import current_colours

Index = QModelIndex | QPersistentModelIndex
_RED_FLAGS_COLUMN = next(i for i, c in enumerate(COLUMNS) if c.key == "red_flags")


class HistoryTableModel(QAbstractTableModel):
    """Rows come from the core; the model only caches and presents them."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # the stubs want a QObject; None is valid
        self._rows: list[HistoryRow] = []
        self._sort = (0, True)

    def set_rows(self, rows: Sequence[HistoryRow]) -> None:
        self.beginResetModel()
        self._rows = sort_rows(rows, *self._sort)
        self.endResetModel()

    def row_at(self, row: int) -> HistoryRow:
        return self._rows[row]

    def row_for_date(self, date: dt.date) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.date == date), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature: the default index is the root
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature: the default index is the root
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == _RED_FLAGS_COLUMN and row.red_flags:
                return "Symptoms that need a doctor's attention: " + ", ".join(row.red_flags)
            return row.texts[column] if len(row.texts[column]) > 20 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[column].numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row.urgent:
            return QBrush(QColor(current_colours().urgent_fill))
        if role == Qt.ItemDataRole.ForegroundRole and row.urgent:
            return QBrush(QColor(current_colours().urgent_fill_text))  # readable on that fill in every theme
        if role == Qt.ItemDataRole.BackgroundRole and row.treatments:
            return QBrush(QColor(current_colours().treatment_fill))  # a band, like the chart's
        if role == Qt.ItemDataRole.ForegroundRole and row.treatments:
            return QBrush(QColor(current_colours().text))  # checked against that fill in every theme
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[column].title}: {row.texts[column]}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._sort = (column, order == Qt.SortOrder.DescendingOrder)
        self._rows = sort_rows(self._rows, *self._sort)
        self.endResetModel()
