"""Saving the Today form: checked by the core rules first, then one transaction on the worker.

While a save is under way the form and Save are disabled; a failed save says why and keeps
the entry in the form, unsaved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from journal.core import clock
from journal.core.dates import long_words
from journal.core.day import FIELD_LABELS, DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.validation import validate_day

if TYPE_CHECKING:
    from journal.ui.today.view import TodayView


def save_day(view: TodayView, then: Callable[[bool], None] | None = None) -> None:
    """Check and save the form on the worker; ``then(saved)`` when the journal answers.

    Emits ``saved(entry)`` or ``saveFailed(error)``. While the save is under
    way the form and Save are disabled (pressing Save again does nothing).
    """
    if view._saving:
        if then is not None:
            view._after_save.append(then)
        return
    if not view.session.ready or view._loading is not None:
        if then is not None:
            then(False)
        return
    view._screen_notes()
    entry = view.form.entry()
    try:
        validate_day(entry, today=clock.today())
    except ValidationError as error:
        _explain_invalid(view, error)
        if then is not None:
            then(False)
        return
    view._saving = True
    view._after_save = [then] if then is not None else []
    focused = view.focusWidget()
    view.save_button.setEnabled(False)
    view._scroll.setEnabled(False)
    view.state_label.setText("Saving…")

    def finish(saved: bool) -> None:
        view._saving = False
        view._scroll.setEnabled(True)
        view.save_button.setEnabled(True)
        if focused is not None and focused.isVisible():
            focused.setFocus()
        waiting, view._after_save = view._after_save, []
        for callback in waiting:
            callback(saved)

    def done(stored: DayEntry) -> None:
        view._existing = True
        view.form.set_entry(stored.date, stored)
        view.history.resync()
        view._baseline = view.form.entry()
        finish(True)
        view._just_saved = dt.datetime.now()
        view._update_state()
        view.status.emit(f"Saved {long_words(stored.date)}.")
        view._said_saved = True
        view._warn_red_flags(stored)
        view.saved.emit(stored)

    def failed(error: BaseException) -> None:
        finish(False)
        view._update_state()
        if isinstance(error, ValidationError):
            _explain_invalid(view, error)
        elif isinstance(error, UserError):  # the disk, a lock or a read-only file
            _explain_not_saved(view, error)
        else:
            from journal.ui.errors import show_error

            view.state_label.setText("Not saved: your entry is still here")
            show_error(view, error)
        view.saveFailed.emit(error)

    view.session.save_day(entry, done, failed)


def _explain_invalid(view: TodayView, error: ValidationError) -> None:
    field, message = error.problems[0]
    others = "" if len(error.problems) == 1 else f"\n\n({len(error.problems) - 1} more to fix after this.)"
    QMessageBox.warning(
        view,
        "Not saved yet",
        f"{FIELD_LABELS.get(field, field)} {message}.{others}\n\nNothing was saved.",
    )
    view.form.widget_for_field(field).setFocus()


def _explain_not_saved(view: TodayView, error: UserError) -> None:
    """Say plainly that nothing was saved and why; the entry stays in the form, unsaved."""
    from journal.ui.safety.wording import not_saved

    message = not_saved(getattr(error, "reason", "io"))
    view.state_label.setText("Not saved: your entry is still here")
    view.status.emit(message)
    QMessageBox.warning(view, "Not saved", message)
