"""File → Treatments…: mark when a treatment started (and stopped).

A treatment is a name with a start and an optional end (physiotherapy, a new
medicine, an injection, a brace, a change at work). The summary compares pain
before and after each start (:mod:`journal.core.treatments`). Reading and
writing run on the worker through the session's task helper.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.core import clock
from journal.core.errors import UserError, ValidationError
from journal.core.treatments import Treatment, treatment_words

if TYPE_CHECKING:
    from journal.app.journal_file import Journal
    from journal.ui.host import WindowHost
    from journal.ui.session import JournalSession


def _q(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


def _py(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class TreatmentsDialog(QDialog):
    """The treatments, with Add, "Stopped on" and Remove. ``changed`` fires after each change is saved."""

    changed = Signal()

    def __init__(self, session: "JournalSession", parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or clock.today()
        self.setWindowTitle("Treatments")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Mark when a treatment started, and when it stopped: physiotherapy, a new medicine, an injection, "
            "a brace, a change at work. The summary then compares your pain before and after it started."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Your treatments")
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.stop_button = QPushButton("&Stopped on the day below", self)
        self.remove_button = QPushButton("&Remove", self)
        row.addWidget(self.stop_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("e.g. physiotherapy")
        self.name_edit.setAccessibleName("Treatment name")
        self.start_edit = self._date_edit(self.today, "First day")
        self.ended = QCheckBox("It has stopped; last day:", self)
        self.end_edit = self._date_edit(self.today, "Last day")
        self.end_edit.setEnabled(False)
        self.ended.toggled.connect(self.end_edit.setEnabled)
        ends = QHBoxLayout()
        ends.addWidget(self.ended)
        ends.addWidget(self.end_edit)
        ends.addStretch(1)
        form.addRow("&Name:", self.name_edit)
        form.addRow("S&tarted:", self.start_edit)
        form.addRow("", ends)
        layout.addLayout(form)
        self.add_button = QPushButton("&Add treatment", self)
        layout.addWidget(self.add_button)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.stop_button.clicked.connect(self.stop_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()
        self.reload()

    def _date_edit(self, date: dt.date, name: str) -> QDateEdit:
        edit = QDateEdit(_q(date), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMMM yyyy")
        edit.setMaximumDate(_q(self.today))
        edit.setAccessibleName(name)
        return edit

    def _journal(self) -> "Journal":
        journal = self.session.journal
        if journal is None:
            raise UserError("The journal is not open.")
        return journal

    def reload(self) -> None:
        if not self.session.ready:
            return
        from journal.app.treatments import numbered_treatments

        self.session.op(numbered_treatments).success(self._show).failure(self._failed).run_in_background()

    def _show(self, treatments: list[tuple[int, Treatment]]) -> None:
        self.list.clear()
        for number, treatment in treatments:
            item = QListWidgetItem(treatment_words(treatment))
            item.setData(256, number)  # Qt.UserRole
            self.list.addItem(item)
        self._update_buttons()

    def _selected(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(256))

    def _update_buttons(self) -> None:
        chosen = self._selected() is not None
        self.stop_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def add(self) -> None:
        from journal.app.treatments import add_treatment

        self._journal()  # says so when the journal is not open
        treatment = Treatment(
            self.name_edit.text(), _py(self.start_edit.date()), _py(self.end_edit.date()) if self.ended.isChecked() else None
        )
        today = self.today

        def done(_number: int) -> None:
            self.name_edit.clear()
            self.result_label.setText(
                f"Added {treatment_words(Treatment(' '.join(treatment.name.split()), treatment.start, treatment.end))}."
            )
            self.changed.emit()
            self.reload()

        self.session.op(lambda journal: add_treatment(journal, treatment, today)).success(done).failure(
            self._failed
        ).run_in_background()

    def stop_selected(self) -> None:
        number = self._selected()
        if number is None:
            return
        from journal.app.treatments import end_treatment

        self._journal()
        end, today = _py(self.end_edit.date()), self.today

        def done(_: object) -> None:
            self.result_label.setText(f"Marked as stopped on {end.day} {end.strftime('%B %Y')}.")
            self.changed.emit()
            self.reload()

        self.session.op(lambda journal: end_treatment(journal, number, end, today)).success(done).failure(
            self._failed
        ).run_in_background()

    def remove_selected(self) -> None:
        number = self._selected()
        if number is None:
            return
        from journal.app.treatments import delete_treatment

        self._journal()

        def done(_: object) -> None:
            self.result_label.setText("Removed. Your days are as they were.")
            self.changed.emit()
            self.reload()

        self.session.op(lambda journal: delete_treatment(journal, number)).success(done).failure(self._failed).run_in_background()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            field, message = error.problems[0]
            text = {"name": "The name", "start": "The first day", "end": "The last day"}.get(field, field) + f" {message}."
        elif isinstance(error, UserError):
            text = str(error)
        else:
            raise error
        QMessageBox.warning(self, "Not saved", text + "\n\nNothing was changed.")


def install(window: "WindowHost") -> None:
    """Add File → Treatments…."""
    action = QAction("Treatme&nts…", window)
    action.triggered.connect(lambda: open_treatments(window))
    window.insert_file_action(action)


def open_treatments(window: "WindowHost") -> TreatmentsDialog:
    dialog = TreatmentsDialog(window.session, window)
    from journal.ui.session import JournalChange

    # Trends reads the treatments again with the days (the days themselves did not change).
    dialog.changed.connect(lambda: window.session.changed.emit(JournalChange()))
    dialog.exec()
    return dialog
