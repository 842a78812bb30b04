"""File → Settings…: the reminder to log, the tray at log-in, and the sitting breaks.

The break interval can be suggested from the patient's own sitting
(:mod:`journal.core.break_interval`): :func:`load_suggestion` works it out on
the worker while the dialog is open, and "Use suggested" only fills in the
minutes. Nothing changes until the patient presses OK.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal.core.break_interval import RULE, BreakSuggestion
from journal.core.reminders import SITTING_MINUTES_RANGE, SITTING_SOURCE, WEEKDAY_NAMES, ReminderSettings
from journal.core.sources import readable
from journal.ui.widgets.screen_fit import fit_now, fit_to_screen

if TYPE_CHECKING:
    from collections.abc import Callable

    from journal.ui.session import JournalSession

WORKING_OUT = "Working out an interval from your own timed sitting…"
NO_JOURNAL = "Open your journal to see an interval suggested from your own timed sitting."
FUNCTION_NO_JOURNAL = "Open your journal to choose how often Today asks."
FUNCTION_NOTE = "A gentle prompt in Today on that day; the answers show in Trends and the summary."
NOT_WORKED_OUT = "An interval could not be suggested from your journal just now."


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class SettingsDialog(QDialog):
    """Shows ``current``; :meth:`chosen` gives what the patient set (only used after OK)."""

    def __init__(
        self, current: ReminderSettings, parent: QWidget | None = None, *, on_about_you: "Callable[[], object] | None" = None
    ) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        self.setWindowTitle("Settings")
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self._reminder_box(current))
        layout.addWidget(self._tray_box(current))
        layout.addWidget(self._sitting_box(current))
        layout.addWidget(self._function_box())
        if on_about_you is not None:
            row = QHBoxLayout()
            row.addWidget(_note("A few things about you change what some warning signs mean."))
            self.about_you = QPushButton("About &you…")
            self.about_you.clicked.connect(on_about_you)
            row.addWidget(self.about_you)
            layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._sync_enabled()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 70)
        self._fit_text()

    def _reminder_box(self, current: ReminderSettings) -> QGroupBox:
        box = QGroupBox("Reminder to log your day")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.remind = QCheckBox("&Remind me to log my day")
        self.remind.setChecked(current.enabled)
        self.remind.toggled.connect(self._sync_enabled)
        form.addRow(self.remind)
        self.time = QTimeEdit(QTime(current.time.hour, current.time.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName("Time of the reminder")
        form.addRow("At &time:", self.time)
        days = QGridLayout()  # two rows: seven day names in one would not fit an 800-pixel screen
        self.days: list[QCheckBox] = []
        for number, name in enumerate(WEEKDAY_NAMES):
            box_day = QCheckBox(name)
            box_day.setChecked(number in current.weekdays)
            days.addWidget(box_day, number // 4, number % 4)
            self.days.append(box_day)
        days.setColumnStretch(4, 1)
        days_widget = QWidget()
        days_widget.setLayout(days)
        days.setContentsMargins(0, 0, 0, 0)
        form.addRow("On these days:", days_widget)
        form.addRow(
            _note(
                "Only if the day is not logged yet. The reminder says just "
                "“Time to log your day”: nothing from your journal, so it is private "
                "even on a locked screen."
            )
        )
        return box

    def _tray_box(self, current: ReminderSettings) -> QGroupBox:
        box = QGroupBox("The tray")
        layout = QVBoxLayout(box)
        self.tray_icon = QCheckBox("Show the Pain Journal &icon in the tray, with “Pain now…” in its menu")
        self.tray_icon.setChecked(current.tray_icon)
        layout.addWidget(self.tray_icon)
        self.at_login = QCheckBox("&Start Pain Journal in the tray when I log in")
        self.at_login.setChecked(current.start_at_login)
        layout.addWidget(self.at_login)
        layout.addWidget(
            _note(
                "Closing the window closes Pain Journal, unless reminders or the sitting timer are on: "
                "then it keeps running in the tray. Choose Quit in the tray icon's menu, or File → Quit, "
                "to close it completely."
            )
        )
        return box

    def _sitting_box(self, current: ReminderSettings) -> QGroupBox:
        box = QGroupBox("Breaks from sitting")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.sitting_minutes = QSpinBox()
        self.sitting_minutes.setRange(*SITTING_MINUTES_RANGE)
        self.sitting_minutes.setSingleStep(5)
        self.sitting_minutes.setSuffix(" minutes")
        self.sitting_minutes.setValue(current.sitting_minutes)
        self.suggestion = _note(WORKING_OUT)
        self.suggestion.setObjectName("")  # the suggestion reads as text, the rule below as a hint
        self.use_suggested = QPushButton("&Use suggested")
        self.use_suggested.setEnabled(False)
        self.use_suggested.setToolTip("Fills in the suggested minutes; press OK to keep them.")
        self.use_suggested.clicked.connect(self._use_suggested)
        self.suggested_minutes: int | None = None
        interval_row = QHBoxLayout()
        interval_row.setContentsMargins(0, 0, 0, 0)
        interval_row.addWidget(self.sitting_minutes)
        interval_row.addWidget(self.use_suggested)
        interval_row.addStretch(1)
        interval_label = QLabel("Suggest a &break every:")
        interval_label.setBuddy(self.sitting_minutes)
        form.addRow(interval_label, interval_row)
        form.addRow(self.suggestion)
        form.addRow(_note(RULE))
        form.addRow(
            _note(
                "The guidance suggests not sitting for more than 30 minutes without changing "
                f"position ({readable(SITTING_SOURCE)}). Start the timer with “I'm sitting down to work” "
                "in Today or the tray; it pauses while your screen is locked."
            )
        )
        return box

    def _function_box(self) -> QGroupBox:
        """How often Today asks what you can do; filled in from the journal once it is read."""
        from journal.ui.function_check import SCHEDULES

        box = QGroupBox("What you can do")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.function_schedule = QComboBox()
        for value, words in SCHEDULES:
            self.function_schedule.addItem(words, value)
        self.function_schedule.setAccessibleName("How often to ask how long you can sit, stand and walk")
        self.function_schedule.setEnabled(False)  # until the journal's choice is read
        label = QLabel("As&k how long I can sit, stand and walk:")
        label.setBuddy(self.function_schedule)
        form.addRow(label, self.function_schedule)
        self.function_note = _note(FUNCTION_NO_JOURNAL)
        form.addRow(self.function_note)
        return box

    def show_function_schedule(self, schedule: str) -> None:
        """Show the journal's schedule and let it be changed (kept with the journal, after OK)."""
        self.function_schedule.setCurrentIndex(max(self.function_schedule.findData(schedule), 0))
        self.function_schedule.setEnabled(True)
        self.function_note.setText(FUNCTION_NOTE)
        QTimer.singleShot(0, self._fit_text)

    def chosen_function_schedule(self) -> str | None:
        """The schedule chosen, or None when no journal's schedule was shown (nothing to save)."""
        return str(self.function_schedule.currentData()) if self.function_schedule.isEnabled() else None

    def show_suggestion(self, found: BreakSuggestion) -> None:
        """Show what the data suggests (or why it suggests nothing yet); never changes the interval."""
        self.suggested_minutes = found.minutes
        self.suggestion.setText(found.sentence)
        self.use_suggested.setEnabled(found.minutes is not None)
        QTimer.singleShot(0, self._fit_text)  # once the new text has been laid out

    def show_no_suggestion(self, text: str) -> None:
        self.suggested_minutes = None
        self.suggestion.setText(text)
        self.use_suggested.setEnabled(False)
        QTimer.singleShot(0, self._fit_text)

    def _fit_text(self) -> None:
        """Grow to show the whole of the new wrapped text (a wrapped label's height depends on its width)."""
        self.layout().invalidate()
        self.layout().activate()
        width = max(self.width(), self.minimumWidth())
        needed = self.heightForWidth(width)
        self.resize(width, max(self.height() if self.isVisible() else 0, needed if needed > 0 else self.sizeHint().height()))
        if self.isVisible():
            fit_now(self)  # still within the screen

    def _use_suggested(self) -> None:
        if self.suggested_minutes is not None:
            self.sitting_minutes.setValue(self.suggested_minutes)
            self.sitting_minutes.setFocus()

    def _sync_enabled(self) -> None:
        on = self.remind.isChecked()
        self.time.setEnabled(on)
        for box in self.days:
            box.setEnabled(on)

    def chosen(self) -> ReminderSettings:
        qtime = self.time.time()
        return ReminderSettings(
            enabled=self.remind.isChecked(),
            time=dt.time(qtime.hour(), qtime.minute()),
            weekdays=frozenset(i for i, box in enumerate(self.days) if box.isChecked()),
            start_at_login=self.at_login.isChecked(),
            sitting_minutes=self.sitting_minutes.value(),
            tray_icon=self.tray_icon.isChecked(),
        )


def load_suggestion(dialog: SettingsDialog, session: "JournalSession", today: dt.date) -> None:
    """Work out the suggested interval on the worker and show it in ``dialog`` when ready."""
    if not session.ready:
        dialog.show_no_suggestion(NO_JOURNAL)
        return
    from journal.app.break_interval import load_break_suggestion

    def done(found: BreakSuggestion) -> None:
        if shiboken6.isValid(dialog):
            dialog.show_suggestion(found)

    def failed(_error: BaseException) -> None:
        if shiboken6.isValid(dialog):
            dialog.show_no_suggestion(NOT_WORKED_OUT)

    session.op(lambda journal: load_break_suggestion(journal, today)).success(done).failure(failed).run_in_background()


def load_function_schedule(dialog: SettingsDialog, session: "JournalSession") -> None:
    """Read the journal's function-check schedule on the worker and show it in ``dialog``."""
    if not session.ready or session.read_only:
        return  # the choice stays off: there is no journal to keep it in
    from journal.app.function_check import load_function_schedule as load

    def done(schedule: str) -> None:
        if shiboken6.isValid(dialog):
            dialog.show_function_schedule(schedule)

    session.op(load).success(done).failure(lambda _error: None).run_in_background()


def save_function_schedule(dialog: SettingsDialog, session: "JournalSession", done: "Callable[[], None]") -> None:
    """After OK: keep the chosen schedule in the journal on the worker, then call ``done``."""
    schedule = dialog.chosen_function_schedule()
    if schedule is None or not session.ready:
        return
    from journal.app.function_check import save_function_schedule as save

    session.op(lambda journal: save(journal, schedule)).success(lambda _none: done()).run_in_background()
