"""Today's pain-now readings: the shown day's readings under the daily core, each with its Delete, and "Pain now…".

The feature that records and deletes them is :mod:`journal.ui.readings`; this
is the panel it puts into Today. Its buttons come after Save in the Tab order
(:meth:`ReadingsPanel.focus_widgets`, given to
:meth:`journal.ui.today.view.TodayView.add_after_save`), so a day logged from
Back pain to Save passes none of them; Delete asks first, as History does.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMessageBox, QPushButton, QToolButton, QVBoxLayout, QWidget

from journal.app.readings import reading_words
from journal.core.readings import StoredReading

SHORTCUT = "Ctrl+Shift+P"
PREFILLED = (
    "Back and leg pain above are filled in from this day's readings (the highest of each). "
    "Change them if the day as a whole was different, then save the day."
)


def reading_text(reading: StoredReading) -> str:
    return reading_words(reading.reading)


class ReadingsPanel(QWidget):
    """The shown day's readings under the day's core: each with its time and a delete button, and "Pain now…".

    Its buttons come after Save in the Tab order (:meth:`focus_widgets`), so logging a
    day from Back pain to Save passes none of them; Tab from Save reaches "Pain now…",
    then each Delete. ``rebuilt`` fires when the buttons were made anew.
    """

    #: A reading's Delete was pressed and the person said Yes (its id).
    deleteRequested = Signal(int)
    rebuilt = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painNowPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        top = QHBoxLayout()
        self.heading = QLabel("Pain now readings: none yet", self)
        top.addWidget(self.heading, 1)
        keys = QKeySequence(SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        self.record_button = QPushButton(f"Pain now…  ({keys})", self)
        self.record_button.setAccessibleName("Record pain now")
        self.record_button.setToolTip("Record back and leg pain as they are now, with the time. Any number a day.")
        # After Save in the Tab chain (see focus_widgets): the day's own fields keep their key presses.
        self.record_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        top.addWidget(self.record_button)
        layout.addLayout(top)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(0)
        layout.addLayout(self.rows)
        self.note = QLabel(PREFILLED, self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self.shown: list[StoredReading] = []
        self.delete_buttons: list[QToolButton] = []

    def focus_widgets(self) -> list[QWidget]:
        """ "Pain now…", then each reading's Delete, in Tab order."""
        return [self.record_button, *self.delete_buttons]

    def show_readings(self, readings: list[StoredReading], *, today: bool) -> None:
        focused = self.focusWidget()
        had_focus = self.delete_buttons.index(focused) if focused in self.delete_buttons else None
        self.delete_buttons = []
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.shown = list(readings)
        when = "today" if today else "this day"
        self.heading.setText(f"Pain now readings {when}: " + (str(len(readings)) if readings else "none yet"))
        for stored in readings:
            row = QWidget(self)
            line = QHBoxLayout(row)
            line.setContentsMargins(12, 0, 0, 0)
            label = QLabel(reading_text(stored), row)
            label.setObjectName("painNowReading")
            line.addWidget(label)
            delete = QToolButton(row)
            delete.setText("Delete")
            delete.setAccessibleName(f"Delete the reading at {reading_text(stored)}")
            delete.setToolTip("Delete this reading (it asks first)")
            delete.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            delete.clicked.connect(lambda _=False, shown=stored: self._confirm_delete(shown))
            line.addWidget(delete)
            line.addStretch(1)
            self.rows.addWidget(row)
            row.show()  # now, not on the next turn of the event loop: Tab and the focus below can reach it
            self.delete_buttons.append(delete)
        self.rebuilt.emit()
        if had_focus is not None:  # its reading was deleted: the focus stays in the list, not lost
            buttons = self.focus_widgets()
            buttons[min(had_focus + 1, len(buttons) - 1)].setFocus(Qt.FocusReason.OtherFocusReason)

    def _confirm_delete(self, stored: StoredReading) -> None:
        """Ask, as History does before deleting a day; Yes asks for the reading to be deleted."""
        before = QApplication.focusWidget()
        answer = QMessageBox.question(
            self,
            "Delete this reading?",
            f"Delete the pain-now reading at {reading_text(stored)}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if before is not None and shiboken6.isValid(before) and before.isVisible():
            before.setFocus(Qt.FocusReason.PopupFocusReason)  # back on its Delete, whatever the desktop does
        if answer == QMessageBox.StandardButton.Yes:
            self.deleteRequested.emit(stored.id)
