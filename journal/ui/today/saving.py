"""The Today view's saving: the Save bar, checking and saving on the worker, and leaving a day with unsaved changes.

Saving is one transaction through the session, on the worker: the form is
checked first by the core rules (a problem shows a message naming the field
and focuses it, and nothing is written), then stays still until the journal
answers. A failed save says why and keeps the entry in the form, unsaved.
Leaving a day with unsaved changes asks first (the rules are
:mod:`journal.core.today_rules`). A mixin of :class:`~journal.ui.today.view.TodayView`
(see :mod:`journal.ui.today.base`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from journal.core import clock, today_rules
from journal.core.dates import long_words
from journal.core.day import FIELD_LABELS, DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.validation import validate_day
from journal.ui.today.base import TodayBase


class SavingMixin(TodayBase):
    """Save, its bar and the question before leaving unsaved changes."""

    def _save_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("saveBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 4, 0, 0)
        #: Filled by the guidance feature with "For today" cards after a save; it
        #: moves into the form, under the daily core, when the form is built.
        self.cards_area = QWidget(self)
        self.cards_area.setObjectName("cardsArea")
        QHBoxLayout(self.cards_area).setContentsMargins(0, 0, 0, 0)
        # Whether the day is saved, beside the button that saves it.
        self.state_label = QLabel(bar)
        self.state_label.setObjectName("entryState")
        # One line where there is room (any window 800 px wide), two at most: the bar stays low.
        self.state_label.setWordWrap(True)
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.state_label, 1, Qt.AlignmentFlag.AlignVCenter)
        self.save_button = QPushButton("Save day  (Ctrl+S)")
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self.save())
        self.save_button.setMinimumHeight(self.save_button.fontMetrics().height() * 2 + 8)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return bar

    def discard_changes(self) -> None:
        """Let the form's edits go: nothing is asked about them when the day or window closes."""
        self._baseline = None
        self._update_state()

    def confirm_leave(self, then: "Callable[[], None]") -> None:
        """Call ``then()`` once nothing unsaved would be lost.

        With unsaved changes this asks Save / Discard / Cancel: Save saves first
        (``then`` only if it worked), Discard lets the edits go, Cancel does
        nothing. While a save is under way, ``then`` waits for its outcome.
        """
        rule = today_rules.leave_rule(saving=self._saving, dirty=self.is_dirty())
        if rule is today_rules.Leave.AFTER_SAVE:
            self._after_save.append(lambda saved: then() if saved else None)
            return
        if rule is today_rules.Leave.NOW:
            then()
            return
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"You changed {long_words(self.date)} but did not save it.\nSave it now?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.save(lambda saved: then() if saved else None)
        elif answer == QMessageBox.StandardButton.Discard:
            self.discard_changes()
            then()

    @property
    def saving(self) -> bool:
        """True from pressing Save until the journal answers."""
        return self._saving

    def save(self, then: "Callable[[bool], None] | None" = None) -> None:
        """Check and save the form on the worker; ``then(saved)`` when the journal answers.

        Emits ``saved(entry)`` or ``saveFailed(error)``. While the save is under
        way the form and Save are disabled (pressing Save again does nothing).
        """
        if self._saving:
            if then is not None:
                self._after_save.append(then)
            return
        if not self.session.ready or self._loading is not None:
            if then is not None:
                then(False)
            return
        self._screen_notes()
        entry = self.form.entry()
        try:
            validate_day(entry, today=clock.today())
        except ValidationError as error:
            self._explain_invalid(error)
            if then is not None:
                then(False)
            return
        self._saving = True
        self._after_save = [then] if then is not None else []
        focused = self.focusWidget()
        self.save_button.setEnabled(False)
        self._scroll.setEnabled(False)
        self.state_label.setText("Saving…")

        def finish(saved: bool) -> None:
            self._saving = False
            self._scroll.setEnabled(True)
            self.save_button.setEnabled(True)
            if focused is not None and focused.isVisible():
                focused.setFocus()
            waiting, self._after_save = self._after_save, []
            for callback in waiting:
                callback(saved)

        def done(stored: DayEntry) -> None:
            self._existing = True
            self.form.set_entry(stored.date, stored)
            self.history.resync()
            self._baseline = self.form.entry()
            finish(True)
            self._just_saved = dt.datetime.now()
            self._update_state()
            self.status.emit(f"Saved {long_words(stored.date)}.")
            self._said_saved = True
            self._warn_red_flags(stored)
            self.saved.emit(stored)

        def failed(error: BaseException) -> None:
            finish(False)
            self._update_state()
            if isinstance(error, ValidationError):
                self._explain_invalid(error)
            elif isinstance(error, UserError):  # the disk, a lock or a read-only file
                self._explain_not_saved(error)
            else:
                from journal.ui.errors import show_error

                self.state_label.setText("Not saved: your entry is still here")
                show_error(self, error)
            self.saveFailed.emit(error)

        self.session.save_day(entry, done, failed)

    def _explain_invalid(self, error: ValidationError) -> None:
        field, message = error.problems[0]
        others = "" if len(error.problems) == 1 else f"\n\n({len(error.problems) - 1} more to fix after this.)"
        QMessageBox.warning(
            self,
            "Not saved yet",
            f"{FIELD_LABELS.get(field, field)} {message}.{others}\n\nNothing was saved.",
        )
        self.form.widget_for_field(field).setFocus()

    def _explain_not_saved(self, error: UserError) -> None:
        """Say plainly that nothing was saved and why; the entry stays in the form, unsaved."""
        from journal.ui.safety.wording import not_saved

        message = not_saved(getattr(error, "reason", "io"))
        self.state_label.setText("Not saved: your entry is still here")
        self.status.emit(message)
        QMessageBox.warning(self, "Not saved", message)
