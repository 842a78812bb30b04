"""The Guidance tab: browse the advice by topic, search it, read one item.

Left, the topics (categories); middle, the titles in the chosen topic or the
search results; right, the chosen item in a reading pane. Items that match a
loggable activity offer "I did this today", which emits ``didToday`` for the
window to put in Today's form (see :mod:`journal.ui.guidance.install`).
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from journal.core.guidance import GuidanceItem, Library
from journal.core.validation import MINUTES_PER_DAY
from journal.ui.guidance.models import CategoryListModel, ItemListModel
from journal.ui.guidance.reader import disclaimer_html, item_html

DEFAULT_MINUTES = 15
#: Reading text is this much larger than the window's own font.
READING_SCALE = 1.15


class LibraryView(QWidget):
    """Browse, search and read the guidance library.

    ``didToday(activity, minutes)`` fires when the patient says they did the
    shown item's activity today.
    """

    didToday = Signal(str, int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.current: GuidanceItem | None = None
        self._category = next(iter(self.library.items)).category if self.library.items else ""
        self.categories = CategoryListModel(Counter(i.category for i in library.items), self)
        self.items = ItemListModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self._disclaimer_note())
        layout.addLayout(self._search_bar())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._category_column())
        splitter.addWidget(self._item_column())
        splitter.addWidget(self._reader_column())
        splitter.setStretchFactor(2, 1)
        char = self.fontMetrics().averageCharWidth()
        splitter.setSizes([char * 30, char * 40, char * 80])
        layout.addWidget(splitter, 1)
        self.show_category(self._category)
        from journal.ui.theme import follow_theme

        follow_theme(self._recolour)

    def _recolour(self, _theme: object = None) -> None:
        """The item on show again: its colours are written into the text."""
        if self.current is not None:
            position = self.reader.verticalScrollBar().value()
            self.reader.setHtml(item_html(self.current))
            self.reader.verticalScrollBar().setValue(position)

    # --- building ------------------------------------------------------------------

    def _disclaimer_note(self) -> QLabel:
        note = QLabel(f"{self.library.disclaimer.short} <a href='#disclaimer'>{self.library.disclaimer.title}</a>")
        note.setObjectName("disclaimer")
        note.setWordWrap(True)
        note.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByKeyboard | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        note.linkActivated.connect(lambda _: self.show_disclaimer())
        note.setAccessibleName("About this guidance")
        note.setAccessibleDescription(self.library.disclaimer.short)
        self.disclaimer_note = note
        return note

    def _search_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("for example: sitting, sleep, walking")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the guidance")
        self.search.textChanged.connect(self._on_search)
        label = QLabel("&Search the guidance:")
        label.setBuddy(self.search)
        bar.addWidget(label)
        bar.addWidget(self.search, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        return bar

    def _category_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        self.category_list = QListView(column)
        self.category_list.setModel(self.categories)
        self.category_list.setAccessibleName("Topics")
        self.category_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.category_list.setSpacing(4)
        self.category_list.selectionModel().currentChanged.connect(self._on_category_picked)
        label = QLabel("T&opics")
        label.setObjectName("fieldLabel")
        label.setBuddy(self.category_list)
        layout.addWidget(label)
        layout.addWidget(self.category_list, 1)
        return column

    def _item_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        self.item_list = QListView(column)
        self.item_list.setModel(self.items)
        self.item_list.setAccessibleName("Guidance in this topic")
        self.item_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.item_list.setWordWrap(True)
        self.item_list.setSpacing(4)
        self.item_list.selectionModel().currentChanged.connect(self._on_item_picked)
        self.list_heading = QLabel()
        self.list_heading.setObjectName("fieldLabel")
        self.list_heading.setBuddy(self.item_list)
        self.list_heading.setWordWrap(True)
        layout.addWidget(self.list_heading)
        layout.addWidget(self.item_list, 1)
        return column

    def _reader_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reader = QTextBrowser(column)
        self.reader.setOpenLinks(False)
        self.reader.setAccessibleName("Guidance text")
        font = self.reader.font()
        font.setPointSizeF(font.pointSizeF() * READING_SCALE)
        self.reader.setFont(font)
        self.reader.document().setDocumentMargin(14)
        layout.addWidget(self.reader, 1)

        self.did_row = QWidget(column)
        row = QHBoxLayout(self.did_row)
        row.setContentsMargins(0, 6, 0, 0)
        self.did_label = QLabel()
        self.minutes = QSpinBox(self.did_row)
        self.minutes.setRange(1, MINUTES_PER_DAY)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(DEFAULT_MINUTES)
        self.minutes.setSuffix(" min")
        self.minutes.setMinimumWidth(self.minutes.fontMetrics().horizontalAdvance("1440 min") + 40)
        self.did_label.setBuddy(self.minutes)
        self.did_button = QPushButton("I &did this today", self.did_row)
        self.did_button.setObjectName("primaryButton")
        self.did_button.clicked.connect(self._on_did_today)
        row.addStretch(1)
        row.addWidget(self.did_label)
        row.addWidget(self.minutes)
        row.addWidget(self.did_button)
        self.did_row.hide()
        layout.addWidget(self.did_row)
        return column

    # --- behaviour -------------------------------------------------------------------

    def show_category(self, category: str) -> None:
        """List one category's items and show the first (clears the search)."""
        self._category = category
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
        row = self.categories.row_of(category)
        if row is not None:
            index = self.categories.index(row)
            self.category_list.selectionModel().blockSignals(True)
            self.category_list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.category_list.selectionModel().blockSignals(False)
        items = self.library.in_category(category)
        self.list_heading.setText(f"I&n “{self.categories.data(self.categories.index(row or 0))}”")
        self.item_list.setAccessibleName("Guidance in this topic")
        self._show_items(items)

    def show_item(self, item_id: str) -> None:
        """Open one item by id: its topic on the left, the item selected and shown."""
        item = self.library.by_id(item_id)
        self.show_category(item.category)
        row = self.items.row_of(item_id)
        if row is not None:
            self.item_list.setCurrentIndex(self.items.index(row))

    def show_disclaimer(self) -> None:
        """The full "About this guidance" text."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.library.disclaimer.title,
            disclaimer_html(self.library.disclaimer),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.RichText)
        box.exec()

    def _show_items(self, items: list[GuidanceItem]) -> None:
        self.items.set_items(items)
        if items:
            self.item_list.setCurrentIndex(self.items.index(0))
        else:
            self._show(None)

    def _on_search(self, text: str) -> None:
        if not text.strip():
            self.show_category(self._category)
            return
        words = text.casefold().split()
        # Titles that hold every word first: they are what the patient is most likely after.
        found = sorted(self.library.search(text), key=lambda item: not all(word in item.title.casefold() for word in words))
        self.category_list.selectionModel().clearSelection()
        if found:
            count = f"{len(found)} {'topic' if len(found) == 1 else 'topics'}"
            self.list_heading.setText(f"Search res&ults: {count} for “{text.strip()}”")
        else:
            self.list_heading.setText(f"Nothing found for “{text.strip()}”. Try a shorter or different word.")
        self.item_list.setAccessibleName("Search results")
        self._show_items(found)

    def _on_category_picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_category(self.categories.key_at(current.row()))

    def _on_item_picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.items.item_at(current.row()) if current.isValid() else None)

    def _show(self, item: GuidanceItem | None) -> None:
        self.current = item
        if item is None:
            self.reader.clear()
            self.did_row.hide()
            return
        self.reader.setHtml(item_html(item))
        self.reader.setAccessibleDescription(item.summary)
        if item.activity:
            self.did_label.setText(f"Did some {item.activity} today? For how long:")
            self.minutes.setAccessibleName(f"Minutes of {item.activity}")
            self.did_button.setAccessibleName(f"Add {item.activity} to today's activities")
            self.did_row.show()
        else:
            self.did_row.hide()

    def _on_did_today(self) -> None:
        if self.current is not None and self.current.activity:
            self.didToday.emit(self.current.activity, self.minutes.value())
