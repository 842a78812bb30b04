"""Undo and redo for the day form: every change since the day was opened (QUndoStack).

Each command holds the whole form before and after, as ``DayEntry`` values, so
undoing never has to know which widget changed. Keystrokes in one field
(typing a note, stepping a scale) merge into one step; ticking two chips stays
two steps.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from journal.core.day import DayEntry
from journal.ui.today.form import DayForm

#: Fields where each change is a separate choice (never merged with the next one).
_CHOICES = frozenset({"pain_locations", "triggers", "symptoms", "medications"})
_MERGE_ID = 1


def changed_fields(before: DayEntry, after: DayEntry) -> frozenset[str]:
    """Names of the fields that differ between two entries."""
    return frozenset(f.name for f in dataclasses.fields(DayEntry) if getattr(before, f.name) != getattr(after, f.name))


class _Change(QUndoCommand):
    def __init__(self, history: "FormHistory", before: DayEntry, after: DayEntry, text: str, merge_key: str | None) -> None:
        super().__init__(text)
        self._history = history
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self._first = True  # the form already shows ``after`` when pushed

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _Change) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._history.show(self.after)

    def undo(self) -> None:
        self._history.show(self.before)


class FormHistory(QObject):
    """Records the form's changes on a QUndoStack; :meth:`reset` when another day is shown."""

    def __init__(self, form: DayForm, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.stack = QUndoStack(self)
        self._shown = form.entry()
        self._applying = False
        form.edited.connect(self._on_edited)

    def reset(self) -> None:
        """Forget every step: the form now shows a freshly opened (or saved) day."""
        self.stack.clear()
        self._shown = self.form.entry()

    def resync(self) -> None:
        """The form was refilled without a change of content (after a save): keep the steps."""
        self._shown = self.form.entry()

    def fill(self, entry: DayEntry, text: str) -> None:
        """Show ``entry`` in the form as one undoable step named ``text``."""
        before = self.form.entry()
        self.show(entry)
        after = self.form.entry()
        if after != before:
            self.stack.push(_Change(self, before, after, text, None))

    def show(self, entry: DayEntry) -> None:
        """Put ``entry`` in the form (the date stays), then tell listeners it was edited."""
        self._applying = True
        try:
            self.form.set_entry(self.form.date, dataclasses.replace(entry, date=self.form.date))
            self._shown = self.form.entry()
            self.form.edited.emit()
        finally:
            self._applying = False

    def _on_edited(self) -> None:
        if self._applying:
            return
        now = self.form.entry()
        if now == self._shown:
            return
        fields = changed_fields(self._shown, now) - {"date"}
        key = next(iter(fields)) if len(fields) == 1 and not fields & _CHOICES else None
        name = "change" if len(fields) != 1 else next(iter(fields)).replace("_", " ")
        before, self._shown = self._shown, now
        self.stack.push(_Change(self, before, now, f"Change {name}" if name != "change" else "Change", key))
