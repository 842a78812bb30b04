"""The table under Manage lists: an adapter from :class:`ListEntry` rows to Qt's item model.

The rows come from :func:`journal.app.lists.list_entries` (read on the
worker); the model only caches and presents them, and never runs SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from journal.core.lists import ListEntry
from journal.core.words import plural

Index = QModelIndex | QPersistentModelIndex

#: Column headings, in order.
HEADINGS: Final = ("Name", "Recorded on", "In the Today form", "Kind")


def offered_words(entry: ListEntry) -> str:
    return "hidden" if entry.hidden else "offered"


def kind_words(entry: ListEntry) -> str:
    """How the entry came to be: a warning sign, one that comes with the app, or the patient's own."""
    if entry.warning_sign:
        return "warning sign (comes with the app)"
    return "comes with the app" if entry.builtin else "your own"


class ListEntriesModel(QAbstractTableModel):
    """One list's entries: name, days recorded, offered or hidden, and where it comes from."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # the stubs want a QObject; None is valid
        self._entries: list[ListEntry] = []

    def set_entries(self, entries: Sequence[ListEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> ListEntry:
        return self._entries[row]

    def entries(self) -> list[ListEntry]:
        return list(self._entries)

    def row_named(self, name: str) -> int | None:
        return next((row for row, e in enumerate(self._entries) if e.name == name), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature: the default index is the root
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature: the default index is the root
        return 0 if parent.isValid() else len(HEADINGS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (entry.name, plural(entry.days, "day"), offered_words(entry), kind_words(entry))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2 and entry.hidden:
            return "Not offered when you log a day; the days that recorded it keep it."
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADINGS):
            return HEADINGS[section]
        return None
