"""The Today view: pick a date, fill the form, save.

The view is made of parts, one module each, all derived from
:class:`journal.ui.today.base.TodayBase` (none imports this module): the date
bar (:mod:`~journal.ui.today.date_bar`), saving and leaving
(:mod:`~journal.ui.today.saving`), Same as yesterday
(:mod:`~journal.ui.today.same_as_flow`) and warning signs
(:mod:`~journal.ui.today.warning_signs`). Here are the building of the form,
undo, and loading a day. Every step that waits for the journal (loading a
day, saving, leaving) takes a ``then`` callback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from journal.core import clock, today_rules
from journal.core.catalog import CatalogKind
from journal.core.day import DayEntry
from journal.ui.session import JournalChange, JournalSession
from journal.ui.today.date_bar import NO_NEXT_DAY, DateBarMixin
from journal.ui.today.same_as_flow import SameAsMixin
from journal.ui.today.saving import SavingMixin
from journal.ui.today.warning_signs import WarningSignsMixin

if TYPE_CHECKING:
    from journal.ui.today.form import DayForm
    from journal.ui.today.undo import FormHistory
    from journal.ui.widgets.activities import HintFor

__all__ = ["NO_NEXT_DAY", "TodayView"]


class TodayView(DateBarMixin, SavingMixin, SameAsMixin, WarningSignsMixin):
    """Log or edit one day. Emits ``saved(entry)`` after a successful save."""

    def __init__(self, session: JournalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._baseline = None
        self._existing = False
        self._just_saved = None
        self._said_saved = False
        self._warned = set()
        self._words = None
        self._saving = False
        self._after_save = []
        self._loading = None
        self.today = clock.today
        self._form: DayForm | None = None
        self._history: FormHistory | None = None
        self._after_save_stops: list[Callable[[], list[QWidget]]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 8, 12, 8)
        outer.addLayout(self._date_bar())
        self.red_flag_banner = QLabel()
        self.red_flag_banner.setObjectName("redFlagBanner")
        self.red_flag_banner.setTextFormat(Qt.TextFormat.PlainText)  # it quotes symptom names as typed
        self.red_flag_banner.setWordWrap(True)
        self.red_flag_banner.hide()
        outer.addWidget(self.red_flag_banner)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        waiting = QLabel("Opening your journal…")
        waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._scroll.setWidget(waiting)
        outer.addWidget(self._scroll, 1)
        outer.addWidget(self._save_bar())
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save()).setWhatsThis("Save the day shown")
        self._make_undo_actions()
        session.changed.connect(self._on_changed)
        self.setEnabled(False)

    @property
    def form(self) -> "DayForm":
        """The day's fields, built on first use.

        The form is most of the window's widgets; the main window builds it right
        after its first paint, so the window appears before the form is made.
        """
        if self._form is None:
            from journal.ui.today.form import DayForm

            form = DayForm(self)
            self._form = form
            self._scroll.setWidget(form)
            form.extras.addWidget(self.cards_area)
            form.edited.connect(self._update_state)
            form.symptomToggled.connect(self._on_symptom_toggled)
            form.triggers.addRequested.connect(lambda: self._add_catalog(CatalogKind.TRIGGER))
            form.symptoms.addRequested.connect(lambda: self._add_catalog(CatalogKind.SYMPTOM))
            form.reliefAddRequested.connect(lambda: self._add_catalog(CatalogKind.RELIEF))
            form.focusOrderChanged.connect(self.set_tab_order)
            form.more.openedByUser.connect(lambda: form.stiffness.setFocus(Qt.FocusReason.ShortcutFocusReason))
            from journal.ui.today.undo import FormHistory

            self._history = FormHistory(form, self)
            self._history.stack.canUndoChanged.connect(self.undo_action.setEnabled)
            self._history.stack.canRedoChanged.connect(self.redo_action.setEnabled)
            self.set_tab_order()
        return self._form

    @property
    def history(self) -> "FormHistory":
        """The form's undo stack (every change since the day was opened)."""
        self.form  # noqa: B018 - builds the form and its history
        assert self._history is not None
        return self._history

    def _make_undo_actions(self) -> None:
        """Undo/Redo (Ctrl+Z, Ctrl+Shift+Z) over the whole form; the window puts them in its Edit menu."""
        self.undo_action = QAction("&Undo", self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.redo_action = QAction("&Redo", self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        # Only while Today is shown: the menu's shortcut would otherwise reach a hidden form.
        self.undo_action.triggered.connect(lambda: self.history.stack.undo() if self.isVisible() else None)
        self.redo_action.triggered.connect(lambda: self.history.stack.redo() if self.isVisible() else None)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(False)
            self.addAction(action)

    def set_tab_order(self) -> None:
        """Tab follows the screen: the date bar, the form (see ``DayForm.focus_chain``), Save,
        then what features put after Save (see :meth:`add_after_save`)."""
        bar = [self.date_bar.itemAt(i).widget() for i in range(self.date_bar.count())]
        chain = [w for w in bar if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        chain += self.form.focus_chain()
        chain.append(self.save_button)
        for widgets in self._after_save_stops:
            chain += widgets()
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def add_after_save(self, widgets: "Callable[[], list[QWidget]]") -> None:
        """Put a feature's controls in the Tab order after Save (``widgets()`` lists them now).

        A day is logged from Back pain to Save without passing them, so they add no key
        press to it; Tab from Save reaches them. Call :meth:`set_tab_order` when they change.
        """
        self._after_save_stops.append(widgets)
        self.set_tab_order()

    def set_activity_hints(self, hint_for: "HintFor | None", widest: str = "") -> None:
        """A feature's quiet note beside each activity's minutes (see ActivityList.set_hints)."""
        self.form.activities.set_hints(hint_for, widest)

    def bring_into_view(self, *widgets: QWidget) -> None:
        """Scroll the day so ``widgets`` (those shown) are in view, the first one most of all.

        After Save the "For today" cards and any notice appear under the daily
        core; the patient should see them without scrolling.
        """

        def scroll() -> None:
            if not shiboken6.isValid(self):
                return
            for widget in reversed(widgets):
                if shiboken6.isValid(widget) and widget.isVisible():
                    self._scroll.ensureWidgetVisible(widget, 0, 12)

        QTimer.singleShot(0, self, scroll)  # once the new content is laid out

    def add_notice(self, notice: QWidget) -> None:
        """Show a feature's notice under the daily core (above the cards), where it
        takes room from "More" and never pushes the warning signs out of view."""
        self.form.extras.insertWidget(self.form.extras.indexOf(self.cards_area), notice)

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        if dirty and self._said_saved:
            self._said_saved = False
            self.status.emit("")  # "Saved" in the status bar would contradict the words beside Save
        self.state_label.setText(today_rules.entry_state(dirty=dirty, just_saved=self._just_saved, existing=self._existing))
        self.state_label.setProperty("dirty", dirty)
        self._show_banner()

    def _on_changed(self, change: JournalChange) -> None:
        if change.everything:
            self.form.set_about(self.session.about_you())
        if change.catalog or change.everything:
            self.form.set_catalogs(
                self.session.catalog(CatalogKind.ACTIVITY),
                self.session.catalog(CatalogKind.TRIGGER),
                self.session.catalog(CatalogKind.SYMPTOM),
                self.session.medication_names(),
            )
            self.form.set_relief_catalog(self.session.catalog(CatalogKind.RELIEF))
        if change.everything:
            self.setEnabled(True)
            self._load(self.date)
            self.set_tab_order()
            if self.isVisible():
                self.focus_first_field()
        elif self.date in change.dates and not self.is_dirty():
            self._load(self.date)

    def _load(self, date: dt.date, then: "Callable[[], None] | None" = None) -> None:
        """Read ``date`` on the worker and show it; ``then()`` once it is shown."""
        self._loading = date
        self.save_button.setEnabled(False)

        def show(entry: DayEntry | None) -> None:
            if self._loading != date:
                return  # another day was asked for since: that one is shown instead
            self._loading = None
            self._show_day(date, entry)
            if then is not None:
                then()

        def failed(error: BaseException) -> None:
            self._loading = None
            self.save_button.setEnabled(not self._saving)
            from journal.ui.errors import show_error

            show_error(self, error)

        self.session.load_day(date, show, failed)

    def _show_day(self, date: dt.date, entry: DayEntry | None) -> None:
        self._existing = entry is not None
        self._just_saved = None
        self.form.set_entry(date, entry)
        self.history.reset()
        self._baseline = self.form.entry()
        self._show_date(date)
        self.save_button.setEnabled(not self._saving)
        self._show_next_day_state(date)
        self._update_state()
        # Another day starts at the top, ready to type its pain (not where the last day was left).
        self._scroll.verticalScrollBar().setValue(0)
        if self.isVisible():
            self.focus_first_field()
        self.dayShown.emit(date)

    def open_date(self, date: dt.date, then: "Callable[[], None] | None" = None) -> None:
        """Show ``date`` (asking about unsaved changes first), then call ``then()``.

        ``then`` is not called when the patient cancels or the unsaved day could
        not be saved; the date picker goes back to the day shown.
        """
        if date == self.date and self._baseline is not None and self._loading is None:
            if then is not None:
                then()
            return
        self._show_date(self.date)  # until the new day is shown (or the patient cancels)
        self.confirm_leave(lambda: self._load(date, then))
