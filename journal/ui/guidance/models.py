"""Item models for the guidance library: adapters from core guidance data to Qt lists.

The core :class:`journal.core.guidance.Library` owns the content; these
models only hold the rows currently shown and present them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from journal.core.guidance import CATEGORY_LABELS, GuidanceItem

Index = QModelIndex | QPersistentModelIndex

#: Data role holding the key behind a row (category key or item id).
KeyRole = int(Qt.ItemDataRole.UserRole) + 1


class CategoryListModel(QAbstractListModel):
    """The library's categories, in display order, with how many items each holds."""

    def __init__(self, counts: dict[str, int], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # the stubs want a QObject; None is valid
        self._keys = list(CATEGORY_LABELS)
        self._counts = dict(counts)

    def key_at(self, row: int) -> str:
        return self._keys[row]

    def row_of(self, key: str) -> int | None:
        return self._keys.index(key) if key in self._keys else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature: the default index is the root
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        key = self._keys[index.row()]
        label = CATEGORY_LABELS[key]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            count = self._counts.get(key, 0)
            return f"{label}: {count} {'topic' if count == 1 else 'topics'}"
        if role == KeyRole:
            return key
        return None


class ItemListModel(QAbstractListModel):
    """The titles of some guidance items (a category or search results)."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]  # the stubs want a QObject; None is valid
        self._items: list[GuidanceItem] = []

    def set_items(self, items: Sequence[GuidanceItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> GuidanceItem:
        return self._items[row]

    def row_of(self, item_id: str) -> int | None:
        return next((i for i, item in enumerate(self._items) if item.id == item_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature: the default index is the root
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.summary
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.title} ({item.category_label})"
        if role == KeyRole:
            return item.id
        return None
