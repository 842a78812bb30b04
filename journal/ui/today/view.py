"""The Today view: pick a date, fill the form, save.

Saving is one transaction through the session, on the worker: the form is
checked first by the core rules (a problem shows a message naming the field
and focuses it, and nothing is written), then stays still until the journal
answers. A failed save says why and keeps the entry in the form, unsaved.
Leaving a day with unsaved changes asks first; every step that waits for the
journal (loading a day, saving, leaving) takes a ``then`` callback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.core import clock, today_rules
from journal.core.catalog import CatalogKind, Urgency, name_key
from journal.core.dates import long_words
from journal.core.day import FIELD_LABELS, DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.redflags import RedFlag
from journal.core.screening import suggested_signs
from journal.core.validation import validate_day
from journal.ui.session import JournalChange, JournalSession

if TYPE_CHECKING:
    from journal.core.redflags import RedFlag
    from journal.ui.today.form import DayForm
    from journal.ui.today.screening import WordScreen
    from journal.ui.today.undo import FormHistory
    from journal.ui.widgets.activities import HintFor


_LONG_DATE = "dddd d MMMM yyyy"
_SHORT_DATE = "ddd d MMM yyyy"
#: Below this width the date is written short, so the date bar fits a 800-pixel window.
_SHORT_DATE_BELOW = 1100


#: Why there is no "Next day" from today (the button's tooltip, and the status bar).
NO_NEXT_DAY = "This is today: a day can be logged once it has begun."


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


class TodayView(QWidget):
    """Log or edit one day. Emits ``saved(entry)`` after a successful save."""

    saved = Signal(object)
    saveFailed = Signal(object)  # the exception; the entry is still in the form
    status = Signal(str)
    dayShown = Signal(object)  # the date now shown (after loading it)

    def __init__(self, session: JournalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._baseline: DayEntry | None = None
        self._existing = False
        self._just_saved: dt.datetime | None = None  # when this day was saved, while it is still shown
        self._said_saved = False  # the status bar says "Saved" (until the next edit)
        self._warned: set[tuple[dt.date, str]] = set()
        self._words: WordScreen | None = None
        self._saving = False
        self._after_save: list[Callable[[bool], None]] = []
        self._loading: dt.date | None = None  # the date being read, while it is
        #: The real date (not the day shown); tests replace it.
        self.today: "Callable[[], dt.date]" = clock.today
        self._form: DayForm | None = None
        self._history: FormHistory | None = None
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

    # --- building ------------------------------------------------------------------

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
        """Tab follows the screen: the date bar, the form (see ``DayForm.focus_chain``), Save."""
        bar = [self.date_bar.itemAt(i).widget() for i in range(self.date_bar.count())]
        chain = [w for w in bar if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        chain += self.form.focus_chain()
        chain.append(self.save_button)
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def set_activity_hints(self, hint_for: "HintFor | None", widest: str = "") -> None:
        """A feature's quiet note beside each activity's minutes (see ActivityList.set_hints)."""
        self.form.activities.set_hints(hint_for, widest)

    def focus_first_field(self) -> None:
        """Put the focus on Back pain (where a day's logging starts)."""
        self.form.back_pain.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def words(self) -> "WordScreen":
        """Asks "Did you mean: …?" about typed words (built on first use); tests replace ``words.ask``."""
        if self._words is None:
            from journal.ui.today.screening import WordScreen

            self._words = WordScreen()
        return self._words

    def _date_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(_LONG_DATE)
        self.date_edit.setMaximumDate(_qdate(clock.today()))
        self.date_edit.setDate(_qdate(clock.today()))
        self.date_edit.setAccessibleName("Date of the entry")
        self._fit_date(_LONG_DATE)
        label = QLabel("&Day:")
        label.setBuddy(self.date_edit)
        previous = QPushButton("◀ &Previous")
        previous.setAccessibleName("Previous day")
        previous.setToolTip("The day before (Alt+P)")
        previous.clicked.connect(lambda: self.step_day(-1))
        following = QPushButton("Ne&xt ▶")
        following.setAccessibleName("Next day")
        following.setToolTip("The day after (Alt+X)")
        following.clicked.connect(lambda: self.step_day(1))
        self.next_day_button = following
        self.today_button = QPushButton("Today")
        self.today_button.setAccessibleName("Jump to today")
        self.today_button.setToolTip("Jump to today (Alt+Home)")
        self.today_button.setShortcut(QKeySequence("Alt+Home"))
        self.today_button.clicked.connect(lambda: self.open_date(clock.today()))
        self.same_button = QPushButton("Same as &yesterday")
        self.same_button.setToolTip(
            "Fill the form from the last day you logged before this one. Pain is left for you to choose, "
            "and warning signs are never copied. Ctrl+Z undoes it."
        )
        self.same_button.setAccessibleName("Same as yesterday: fill the form from the last day logged")
        self.same_button.clicked.connect(self.same_as_last_day)
        for widget in (label, self.date_edit, previous, following, self.today_button, self.same_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.date_edit.dateChanged.connect(self._on_date_picked)
        self.date_edit.installEventFilter(self)  # Tab leaves it (Qt would step through its parts)
        #: Features may add a button at the end of this row (e.g. the sitting timer).
        self.date_bar = bar
        return bar

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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.date_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Tab and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return self.focusNextChild()
            if event.key() == Qt.Key.Key_Backtab:
                return self.focusPreviousChild()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_date(_SHORT_DATE if event.size().width() < _SHORT_DATE_BELOW else _LONG_DATE)
        super().resizeEvent(event)

    def _fit_date(self, display: str) -> None:
        """Write the date in ``display`` format, with room for the longest date so written
        (from the first frame on: the date is never cut)."""
        self.date_edit.setDisplayFormat(display)
        longest = QDate(2026, 9, 30).toString(display)  # a Wednesday in September: the longest names
        self.date_edit.setMinimumWidth(self.date_edit.fontMetrics().horizontalAdvance(longest) + 48)

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

    # --- state ---------------------------------------------------------------------

    @property
    def date(self) -> dt.date:
        return self.form.date

    def is_dirty(self) -> bool:
        return today_rules.is_dirty(self._baseline, self.form.entry())

    def discard_changes(self) -> None:
        """Let the form's edits go: nothing is asked about them when the day or window closes."""
        self._baseline = None
        self._update_state()

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        if dirty and self._said_saved:
            self._said_saved = False
            self.status.emit("")  # "Saved" in the status bar would contradict the words beside Save
        self.state_label.setText(today_rules.entry_state(dirty=dirty, just_saved=self._just_saved, existing=self._existing))
        self.state_label.setProperty("dirty", dirty)
        self._show_banner()

    def _show_banner(self) -> None:
        flags = self.session.red_flags_in(self.form.entry()) if self.session.ready else []
        if not flags:
            self.red_flag_banner.hide()
            return
        urgent = any(f.urgency is Urgency.URGENT for f in flags)
        self.red_flag_banner.setProperty("urgent", bool(urgent))
        self.red_flag_banner.setText(today_rules.banner_text(flags))
        self.red_flag_banner.style().unpolish(self.red_flag_banner)
        self.red_flag_banner.style().polish(self.red_flag_banner)
        self.red_flag_banner.show()

    # --- loading -------------------------------------------------------------------

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

    def _show_date(self, date: dt.date) -> None:
        """Put ``date`` in the date picker without asking to open it."""
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(_qdate(clock.today()))
        self.date_edit.setDate(_qdate(date))
        self.date_edit.blockSignals(False)

    def _show_next_day_state(self, date: dt.date) -> None:
        """No next day after today: the button is off and says why."""
        on_today = date >= clock.today()
        self.next_day_button.setEnabled(not on_today)
        self.next_day_button.setToolTip(NO_NEXT_DAY if on_today else "The day after (Alt+X)")

    def step_day(self, days: int) -> None:
        """Show the day ``days`` away; past today, say why nothing moves."""
        target = self.date + dt.timedelta(days=days)
        if target <= clock.today():
            self.open_date(target)
        else:
            self.status.emit(NO_NEXT_DAY)

    def _on_date_picked(self, qdate: QDate) -> None:
        self.open_date(dt.date(qdate.year(), qdate.month(), qdate.day()))

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

    # --- saving ----------------------------------------------------------------------

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

    # --- less to type ---------------------------------------------------------------------

    def same_as_last_day(self) -> None:
        """Fill the form from the last day logged before the shown one (read on the worker).

        One undoable step; pain, notes and warning signs are left out (see ``same_as.copy_for``).
        """
        if not self.session.ready:
            return
        date = self.date
        if self._existing and not self._confirm_replace(date):
            return
        from journal.app.days import last_day_before

        self.same_button.setEnabled(False)
        self.session.op(lambda journal: last_day_before(journal, date)).success(
            lambda found: self._fill_from(date, found)
        ).failure(self._same_failed).run_in_background()

    def _confirm_replace(self, date: dt.date) -> bool:
        """A day already logged is filled in from another only if the patient says so."""
        answer = QMessageBox.question(
            self,
            "Replace this day's entry?",
            f"{long_words(date)} is already logged. Fill it in from the last day logged before it?\n\n"
            "Nothing is saved until you press Save, and Ctrl+Z undoes it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _same_failed(self, error: BaseException) -> None:
        self.same_button.setEnabled(True)
        from journal.ui.errors import show_error

        show_error(self, error)

    def _fill_from(self, date: dt.date, source: DayEntry | None) -> None:
        self.same_button.setEnabled(True)
        if date != self.date:
            return  # another day is shown now
        if source is None:
            self.status.emit(f"No day before {long_words(date)} to copy from.")
            return
        from journal.ui.today.same_as import copy_for

        copy = copy_for(source, date, self.session.urgencies())
        self.history.fill(copy, f"Same as {long_words(source.date)}")
        left_out = len(source.symptoms) - len(copy.symptoms)
        signs = " Its warning signs were not copied: tick any you still have." if left_out else ""
        self.status.emit(
            f"Filled in from {long_words(source.date)}. Choose {'today' if date == clock.today() else 'this day'}'s pain "
            f"and change what differs; Ctrl+Z undoes this.{signs}"
        )
        self.focus_first_field()

    def _explain_not_saved(self, error: UserError) -> None:
        """Say plainly that nothing was saved and why; the entry stays in the form, unsaved."""
        from journal.ui.safety.wording import not_saved

        message = not_saved(getattr(error, "reason", "io"))
        self.state_label.setText("Not saved: your entry is still here")
        self.status.emit(message)
        QMessageBox.warning(self, "Not saved", message)

    def _on_symptom_toggled(self, name: str, on: bool) -> None:
        if on:
            # With the other marked signs: what someone said about themselves can make a pair urgent.
            entry = DayEntry(date=self.date, back_pain=0, symptoms=(name, *self.form.symptoms.checked()))
            flags = [f for f in self.session.red_flags_in(entry) if f.urgency is Urgency.URGENT]
            self._show_flags(flags)

    def _warn_red_flags(self, entry: DayEntry) -> None:
        flags = [f for f in self.session.red_flags_in(entry) if f.urgency is Urgency.URGENT]
        self._show_flags(flags)

    # --- typed words that may mean a warning sign ---------------------------------------

    def _screen_notes(self) -> None:
        """Before saving: ask about new words in the notes and questions (see WordScreen)."""
        saved = self._baseline
        for field in ("notes", "questions"):
            text = getattr(self.form.entry(), field)
            if text.strip() and (saved is None or text != getattr(saved, field)):
                self._screen(text)

    def _screen(self, text: str) -> None:
        """Ask about ``text``; mark each sign the patient says yes to, with all that follows."""
        already = {name_key(name) for name in self.form.symptoms.checked()}
        # A sign offered only with an About-you answer (osteoporosis or steroids) is asked about only then.
        skipped = already | self.form.not_offered
        if any(name_key(sign) not in skipped for sign in suggested_signs(text)):
            self.form.symptoms.open_warnings()  # a suggested sign is shown with its group
        for sign in self.words.signs_to_mark(self, self.date, text, skipped):
            if self.form.symptoms.chip(sign) is None:
                continue  # not in this journal's catalog (cannot happen after migration 3)
            self.form.symptoms.set_checked([*self.form.symptoms.checked(), sign])
            self.form.edited.emit()
            self._on_symptom_toggled(sign, True)

    def mark_warned(self, date: dt.date, symptoms: Iterable[str]) -> None:
        """Record that the urgent warning for these symptoms on ``date`` was acknowledged."""
        self._warned.update((date, name_key(s)) for s in symptoms)

    def forget_warnings(self) -> None:
        """Forget acknowledged warnings (another journal was opened): better twice than missed."""
        self._warned.clear()
        self.words.forget()

    def _show_flags(self, flags: list[RedFlag]) -> None:
        fresh = [f for f in flags if (self.date, name_key(f.symptom)) not in self._warned]
        if not fresh:
            return
        from journal.ui.red_flags import RedFlagDialog

        self.mark_warned(self.date, [f.symptom for f in fresh])
        RedFlagDialog(fresh, self, today=self.today()).exec()

    def _add_catalog(self, kind: CatalogKind) -> None:
        from PySide6.QtWidgets import QInputDialog

        label = {CatalogKind.TRIGGER: "trigger", CatalogKind.SYMPTOM: "symptom", CatalogKind.RELIEF: "thing that helped"}[kind]
        name, ok = QInputDialog.getText(self, f"Add a {label}", f"Name of the {label}:")
        if not ok or not name.strip():
            return

        def added(stored: str) -> None:
            groups = {CatalogKind.TRIGGER: self.form.triggers, CatalogKind.RELIEF: self.form.relief.chips}
            group = groups.get(kind, self.form.symptoms)
            self.form.ensure_names(group, (stored,))  # a long catalog's chips show only its first names
            group.set_checked([*group.checked(), stored])
            self.form.edited.emit()
            if kind is CatalogKind.SYMPTOM:
                self._screen(name)

        def refused(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                QMessageBox.warning(self, "Not added", str(error.problems[0][1]).capitalize() + ".")
            elif isinstance(error, UserError):  # the catalog is full, or the disk
                QMessageBox.warning(self, "Not added", str(error))
            else:
                from journal.ui.errors import show_error

                show_error(self, error)

        self.session.add_catalog_item(kind, name, added, refused)
