"""Activities as rows of name + minutes, with a button to add a row."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.core.day import ActivityMinutes
from journal.core.validation import MINUTES_PER_DAY

#: A row's quiet note and its tooltip, from the activity as typed (None: nothing for that row).
HintFor = Callable[[ActivityMinutes | None], "tuple[str, str] | None"]


class ActivityRow(QWidget):
    removed = Signal(object)
    edited = Signal()

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.addItems(names)
        self.name.setCurrentIndex(-1)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.lineEdit().setPlaceholderText("activity, e.g. walking")
        self.name.setAccessibleName("Activity name")
        self.name.setMinimumContentsLength(16)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, MINUTES_PER_DAY)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(" min")
        self.minutes.setAccessibleName("Activity minutes")
        self.minutes.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # "1440 min" at most
        remove = QPushButton("Remove", self)
        remove.setAccessibleName("Remove this activity")
        remove.clicked.connect(lambda: self.removed.emit(self))
        self.remove_button = remove
        #: A quiet note beside the minutes (the pacing plan fills it); hidden until a feature uses it.
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.hide()
        layout.addWidget(self.name, 3)
        layout.addWidget(self.minutes)
        layout.addWidget(self.hint)
        layout.addWidget(remove)
        self.name.currentTextChanged.connect(lambda _=None: self.edited.emit())
        self.minutes.valueChanged.connect(lambda _=None: self.edited.emit())

    def value(self) -> ActivityMinutes | None:
        """The row as typed; None only for a blank row (no name, no minutes).

        Minutes without a name are kept (with an empty name) so that saving
        refuses them with a message, instead of dropping them unseen.
        """
        name = self.name.currentText().strip()
        minutes = self.minutes.value()
        return ActivityMinutes(name, minutes) if name or minutes else None


class ActivityList(QWidget):
    """Editable list of :class:`ActivityMinutes`; ``changed`` fires on any edit.

    ``rowsChanged`` fires when a row was added or removed (the tab order changes).
    """

    changed = Signal()
    rowsChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: list[str] = []
        self._rows: list[ActivityRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton("+ Add a&ctivity", self)
        self.add_button.setAccessibleName("Add an activity row")
        self.add_button.clicked.connect(lambda: self.add_row())
        self._layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._layout.addStretch(1)
        self._hint_for: HintFor | None = None
        self._widest_hint = ""
        self.changed.connect(self._show_hints)
        self.rowsChanged.connect(self._show_hints)

    def set_hints(self, hint_for: HintFor | None, widest: str = "") -> None:
        """Show ``hint_for(activity)`` beside each row's minutes, now and after every edit (None: no hints).

        The hook through which a feature (the pacing plan) annotates the rows
        without reaching into them. While hints are on, every row keeps a hint
        column as wide as ``widest``, empty where there is nothing to say, so
        the rows stay aligned.
        """
        self._hint_for, self._widest_hint = hint_for, widest
        self._show_hints()

    def _show_hints(self) -> None:
        for row in self._rows:
            if self._hint_for is None:
                row.hint.hide()
                continue
            row.hint.setFixedWidth(row.hint.fontMetrics().horizontalAdvance(self._widest_hint) + 8)
            row.hint.show()
            text, tip = self._hint_for(row.value()) or ("", "")
            row.hint.setText(text)
            row.hint.setToolTip(tip)

    def set_names(self, names: Iterable[str]) -> None:
        self._names = list(names)
        for row in self._rows:
            text = row.name.currentText()
            row.name.blockSignals(True)
            row.name.clear()
            row.name.addItems(self._names)
            row.name.setEditText(text)
            row.name.blockSignals(False)

    def add_row(self, activity: ActivityMinutes | None = None, *, focus: bool = True) -> ActivityRow:
        row = ActivityRow(self._names, self)
        if activity is not None:
            row.name.setEditText(activity.name)
            row.minutes.setValue(activity.minutes)
        row.removed.connect(self._remove)
        row.edited.connect(self.changed.emit)
        self._layout.insertWidget(len(self._rows), row)
        self._rows.append(row)
        self.rowsChanged.emit()
        if activity is None:
            self.changed.emit()
            if focus:
                row.name.setFocus()
        return row

    def _remove(self, row: ActivityRow) -> None:
        had_focus = row.isAncestorOf(self.focusWidget() or self)
        self._rows.remove(row)
        row.deleteLater()
        if had_focus:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.rowsChanged.emit()
        self.changed.emit()

    def focus_widgets(self) -> list[QWidget]:
        """The rows' fields and buttons in tab order, then "+ Add activity"."""
        chain: list[QWidget] = []
        for row in self._rows:
            chain += [row.name, row.minutes, row.remove_button]
        return [*chain, self.add_button]

    def rows(self) -> list[ActivityRow]:
        return list(self._rows)

    def first_unnamed(self) -> ActivityRow | None:
        """The first row with minutes but no name (what saving refuses), if any."""
        return next((row for row in self._rows if (a := row.value()) is not None and not a.name), None)

    def value(self) -> tuple[ActivityMinutes, ...]:
        return tuple(a for a in (row.value() for row in self._rows) if a is not None)

    def set_value(self, activities: Iterable[ActivityMinutes]) -> None:
        for row in self._rows:
            row.hide()  # out of the tab order at once; deleted later
            row.deleteLater()
        self._rows.clear()
        for activity in activities:
            self.add_row(activity, focus=False)
        self.rowsChanged.emit()

    def add_minutes(self, name: str, minutes: int) -> None:
        """Add minutes to the row for ``name`` (creating it), e.g. from "I did this today"."""
        for row in self._rows:
            if row.name.currentText().strip().casefold() == name.casefold():
                row.minutes.setValue(min(MINUTES_PER_DAY, row.minutes.value() + minutes))
                return
        self.add_row(ActivityMinutes(name, minutes), focus=False)
        self.changed.emit()
