"""The Today view: pick a date, fill the form, save.

Saving is one transaction through the session; a validation problem shows a
message naming the field and focuses it, and nothing is written. Leaving a
day with unsaved changes asks first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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

from journal.core.catalog import CatalogKind, Urgency, name_key
from journal.core.dates import long_words
from journal.core.day import FIELD_LABELS, DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.redflags import RedFlag, red_flags_in
from journal.ui.session import JournalChange, JournalSession

if TYPE_CHECKING:
    from journal.core.redflags import RedFlag
    from journal.ui.today.form import DayForm
    from journal.ui.today.screening import WordScreen


#: Why there is no "Next day" from today (the button's tooltip, and the status bar).
NO_NEXT_DAY = "This is today: a day can be logged once it has begun."


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


class TodayView(QWidget):
    """Log or edit one day. Emits ``saved(entry)`` after a successful save."""

    saved = Signal(object)
    status = Signal(str)
    dayShown = Signal(object)  # the date now shown (after loading it)

    def __init__(self, session: JournalSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._baseline: DayEntry | None = None
        self._existing = False
        self._warned: set[tuple[dt.date, str]] = set()
        self._words: WordScreen | None = None
        #: The real date (not the day shown); tests replace it.
        self.today: "Callable[[], dt.date]" = dt.date.today
        self._form: DayForm | None = None
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
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
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
            form.edited.connect(self._update_state)
            form.symptomToggled.connect(self._on_symptom_toggled)
            form.triggers.addRequested.connect(lambda: self._add_catalog(CatalogKind.TRIGGER))
            form.symptoms.addRequested.connect(lambda: self._add_catalog(CatalogKind.SYMPTOM))
        return self._form

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
        self.date_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.date_edit.setMaximumDate(_qdate(dt.date.today()))
        self.date_edit.setDate(_qdate(dt.date.today()))
        self.date_edit.setAccessibleName("Date of the entry")
        self.date_edit.setMinimumWidth(self.date_edit.fontMetrics().horizontalAdvance("Wednesday 30 September 2026") + 60)
        label = QLabel("&Day:")
        label.setBuddy(self.date_edit)
        previous = QPushButton("◀ &Previous day")
        previous.setAccessibleName("Previous day")
        previous.clicked.connect(lambda: self.step_day(-1))
        following = QPushButton("Ne&xt day ▶")
        following.setAccessibleName("Next day")
        following.clicked.connect(lambda: self.step_day(1))
        self.next_day_button = following
        self.today_button = QPushButton("Jump to toda&y")
        self.today_button.clicked.connect(lambda: self.open_date(dt.date.today()))
        self.state_label = QLabel()
        self.state_label.setObjectName("entryState")
        for widget in (label, self.date_edit, previous, following, self.today_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.state_label, 1)
        self.date_edit.dateChanged.connect(self._on_date_picked)
        #: Features may add a button at the end of this row (e.g. the sitting timer).
        self.date_bar = bar
        return bar

    def _save_bar(self) -> QWidget:
        bar = QWidget(self)
        bar.setObjectName("saveBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 6, 0, 0)
        #: Filled by the guidance feature with "For today" cards after a save.
        self.cards_area = QWidget(bar)
        self.cards_area.setObjectName("cardsArea")
        QHBoxLayout(self.cards_area).setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cards_area, 1)
        self.save_button = QPushButton("&Save day  (Ctrl+S)")
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.save_button.setMinimumHeight(self.save_button.fontMetrics().height() * 3)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignBottom)
        return bar

    # --- state ---------------------------------------------------------------------

    @property
    def date(self) -> dt.date:
        return self.form.date

    def is_dirty(self) -> bool:
        return self._baseline is not None and self.form.entry() != self._baseline

    def discard_changes(self) -> None:
        """Let the form's edits go: nothing is asked about them when the day or window closes."""
        self._baseline = None
        self._update_state()

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        if dirty:
            text = "Unsaved changes"
        elif self._existing:
            text = "Saved entry: changes you make here update it"
        else:
            text = "New entry: nothing saved for this day yet"
        self.state_label.setText(text)
        self.state_label.setProperty("dirty", dirty)
        self._show_banner()

    def _show_banner(self) -> None:
        flags = red_flags_in(self.form.entry(), self.session.urgencies()) if self.session.ready else []
        if not flags:
            self.red_flag_banner.hide()
            return
        urgent = [f.symptom for f in flags if f.urgency is Urgency.URGENT]
        soon = [f.symptom for f in flags if f.urgency is Urgency.SOON]
        parts = []
        if urgent:
            parts.append(
                f"⚠  Seek medical care now: you logged {', '.join(urgent)}. Go to an emergency "
                "department, or call your local emergency number."
            )
        if soon:
            # A "soon" sign never sits under "Seek medical care now".
            lead = "Also see your doctor soon about" if urgent else "⚠  See your doctor soon: you logged"
            parts.append(f"{lead} {', '.join(soon)}.")
        self.red_flag_banner.setProperty("urgent", bool(urgent))
        self.red_flag_banner.setText("\n".join(parts))
        self.red_flag_banner.style().unpolish(self.red_flag_banner)
        self.red_flag_banner.style().polish(self.red_flag_banner)
        self.red_flag_banner.show()

    # --- loading -------------------------------------------------------------------

    def _on_changed(self, change: JournalChange) -> None:
        if change.catalog or change.everything:
            self.form.set_catalogs(
                self.session.catalog(CatalogKind.ACTIVITY),
                self.session.catalog(CatalogKind.TRIGGER),
                self.session.catalog(CatalogKind.SYMPTOM),
                self.session.medication_names(),
            )
        if change.everything:
            self.setEnabled(True)
            self._load(self.date)
        elif self.date in change.dates and not self.is_dirty():
            self._load(self.date)

    def _load(self, date: dt.date) -> None:
        entry = self.session.day(date)
        self._existing = entry is not None
        self.form.set_entry(date, entry)
        self._baseline = self.form.entry()
        self.date_edit.blockSignals(True)
        self.date_edit.setMaximumDate(_qdate(dt.date.today()))
        self.date_edit.setDate(_qdate(date))
        self.date_edit.blockSignals(False)
        self._show_next_day_state(date)
        self._update_state()
        self.dayShown.emit(date)

    def _show_next_day_state(self, date: dt.date) -> None:
        """No next day after today: the button is off and says why."""
        on_today = date >= dt.date.today()
        self.next_day_button.setEnabled(not on_today)
        self.next_day_button.setToolTip(NO_NEXT_DAY if on_today else "Show the following day")

    def open_date(self, date: dt.date) -> bool:
        """Show ``date``, asking about unsaved changes first. False if the user cancelled."""
        if date == self.date and self._baseline is not None:
            return True
        if not self.confirm_leave():
            self.date_edit.blockSignals(True)
            self.date_edit.setDate(_qdate(self.date))
            self.date_edit.blockSignals(False)
            return False
        self._load(date)
        return True

    def step_day(self, days: int) -> None:
        """Show the day ``days`` away; past today, say why nothing moves."""
        target = self.date + dt.timedelta(days=days)
        if target <= dt.date.today():
            self.open_date(target)
        else:
            self.status.emit(NO_NEXT_DAY)

    def _on_date_picked(self, qdate: QDate) -> None:
        self.open_date(dt.date(qdate.year(), qdate.month(), qdate.day()))

    def confirm_leave(self) -> bool:
        """If there are unsaved changes ask Save / Discard / Cancel; True to go on."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"You changed {long_words(self.date)} but did not save it.\nSave it now?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- saving ----------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save the form. Returns True when saved."""
        if not self.session.ready:
            return False
        self._screen_notes()
        entry = self.form.entry()
        try:
            stored = self.session.save_day(entry)
        except ValidationError as error:
            field, message = error.problems[0]
            others = "" if len(error.problems) == 1 else f"\n\n({len(error.problems) - 1} more to fix after this.)"
            QMessageBox.warning(
                self,
                "Not saved yet",
                f"{FIELD_LABELS.get(field, field)} {message}.{others}\n\nNothing was saved.",
            )
            self.form.widget_for_field(field).setFocus()
            return False
        except UserError as error:  # the disk, a lock or a read-only file: the form stays as typed
            self._explain_not_saved(error)
            return False
        self._warn_red_flags(stored)
        self._existing = True
        self.form.set_entry(stored.date, stored)
        self._baseline = self.form.entry()
        self._update_state()
        self.status.emit(f"Saved {long_words(stored.date)}.")
        self.saved.emit(stored)
        return True

    def _explain_not_saved(self, error: UserError) -> None:
        """Say plainly that nothing was saved and why; the entry stays in the form, unsaved."""
        from journal.ui.safety.wording import not_saved

        message = not_saved(getattr(error, "reason", "io"))
        self.state_label.setText("Not saved: your entry is still here")
        self.status.emit(message)
        QMessageBox.warning(self, "Not saved", message)

    def _on_symptom_toggled(self, name: str, on: bool) -> None:
        if on:
            entry = DayEntry(date=self.date, back_pain=0, symptoms=(name,))
            flags = [f for f in red_flags_in(entry, self.session.urgencies()) if f.urgency is Urgency.URGENT]
            self._show_flags(flags)

    def _warn_red_flags(self, entry: DayEntry) -> None:
        flags = [f for f in red_flags_in(entry, self.session.urgencies()) if f.urgency is Urgency.URGENT]
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
        for sign in self.words.signs_to_mark(self, self.date, text, already):
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

        label = {CatalogKind.TRIGGER: "trigger", CatalogKind.SYMPTOM: "symptom"}[kind]
        name, ok = QInputDialog.getText(self, f"Add a {label}", f"Name of the {label}:")
        if not ok or not name.strip():
            return
        try:
            stored = self.session.add_catalog_item(kind, name)
        except ValidationError as error:
            QMessageBox.warning(self, "Not added", str(error.problems[0][1]).capitalize() + ".")
            return
        except UserError as error:  # the catalog is full
            QMessageBox.warning(self, "Not added", str(error))
            return
        group = self.form.triggers if kind is CatalogKind.TRIGGER else self.form.symptoms
        self.form.ensure_names(group, (stored,))  # a long catalog's chips show only its first names
        group.set_checked([*group.checked(), stored])
        self.form.edited.emit()
        if kind is CatalogKind.SYMPTOM:
            self._screen(name)
