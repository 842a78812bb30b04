"""What you can do: a gentle weekly (or fortnightly) prompt in Today and its short dialog.

The prompt shows when the check is due (:func:`journal.core.function_check.is_due`);
"Answer…" opens the dialog, "Not now" hides it until the next day the window
opens. The dialog also sets how often to ask: weekly, every two weeks or never
(the ``function.schedule`` setting). Reading and writing run on the worker.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.core import clock
from journal.core.errors import UserError, ValidationError
from journal.core.function_check import (
    ACTIVITY_SCALE,
    DEFAULT_SCHEDULE,
    FORTNIGHTLY,
    OFF,
    QUESTION_ACTIVITY,
    QUESTION_MINUTES,
    WEEKLY,
    FunctionCheck,
)

if TYPE_CHECKING:
    from journal.ui.host import WindowHost
    from journal.ui.session import JournalSession

SCHEDULES = ((WEEKLY, "Once a week"), (FORTNIGHTLY, "Every two weeks"), (OFF, "Never"))


def prompt_text(schedule: str) -> str:
    """Today's gentle prompt, saying how often it asks (changed in Settings or the check's dialog)."""
    how_often = "Every two weeks" if schedule == FORTNIGHTLY else "Once a week"
    return f"{how_often}: how long can you sit, stand and walk now? It takes a minute."


def _minutes_box(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(-1, 1440)
    box.setSingleStep(5)
    box.setSpecialValueText("not answered")
    box.setSuffix(" min")
    box.setValue(-1)
    box.setAccessibleName(name)
    return box


class FunctionCheckDialog(QDialog):
    """The check: three minutes, one activity with 0–10, and how often to ask."""

    saved = Signal()

    def __init__(self, session: "JournalSession", parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or clock.today()
        self.setWindowTitle("What you can do")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        intro = QLabel(QUESTION_MINUTES)
        intro.setWordWrap(True)
        form.addRow(intro)
        self.sit = _minutes_box("Minutes you can sit")
        self.stand = _minutes_box("Minutes you can stand")
        self.walk = _minutes_box("Minutes you can walk")
        form.addRow("&Sit:", self.sit)
        form.addRow("S&tand:", self.stand)
        form.addRow("&Walk:", self.walk)
        second = QLabel(QUESTION_ACTIVITY)
        second.setWordWrap(True)
        form.addRow(second)
        self.activity = QLineEdit(self)
        self.activity.setPlaceholderText("e.g. gardening, playing with my children")
        self.activity.setAccessibleName("One activity pain stops you doing")
        self.score = QSpinBox(self)
        self.score.setRange(-1, 10)
        self.score.setSpecialValueText("not answered")
        self.score.setValue(-1)
        self.score.setAccessibleName(f"How hard it is now ({ACTIVITY_SCALE})")
        form.addRow("&Activity:", self.activity)
        form.addRow("&How hard now:", self.score)
        hint = QLabel(ACTIVITY_SCALE)
        hint.setObjectName("hint")
        form.addRow("", hint)
        self.schedule = QComboBox(self)
        for value, label in SCHEDULES:
            self.schedule.addItem(label, value)
        self.schedule.setAccessibleName("How often to ask")
        form.addRow("Ask &me:", self.schedule)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load_schedule()

    def _load_schedule(self) -> None:

        def shown(value: str | None) -> None:
            index = self.schedule.findData(value or DEFAULT_SCHEDULE)
            self.schedule.setCurrentIndex(max(index, 0))

        from journal.app.function_check import load_function_schedule

        self.session.op(load_function_schedule).success(shown).run_in_background()

    def check(self) -> FunctionCheck:
        def value(box: QSpinBox) -> int | None:
            return None if box.value() < 0 else box.value()

        return FunctionCheck(
            self.today, value(self.sit), value(self.stand), value(self.walk), self.activity.text(), value(self.score)
        )

    def save(self) -> None:
        session, check, schedule, today = self.session, self.check(), str(self.schedule.currentData()), self.today
        from journal.app.function_check import save_function_answer

        def done(_: object) -> None:
            self.saved.emit()
            self.accept()

        session.op(lambda journal: save_function_answer(journal, check, schedule, today)).success(done).failure(
            self._failed
        ).run_in_background()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            field, message = error.problems[0]
            names = {"sit_min": "Sit", "stand_min": "Stand", "walk_min": "Walk", "activity_score": "How hard now"}
            text = f"{names.get(field, field.capitalize())} {message}."
        elif isinstance(error, UserError):
            text = str(error)
        else:
            raise error
        QMessageBox.warning(self, "Not saved", text + "\n\nNothing was saved.")


class FunctionPrompt(QFrame):
    """The gentle prompt in Today: "Answer…" or "Not now"."""

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window.today)
        self.window_ = window
        self.setObjectName("suggestionNotice")
        row = QHBoxLayout(self)
        self.text = QLabel(prompt_text(WEEKLY))
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.answer_button = QPushButton("Answer…", self)
        self.later_button = QPushButton("Not now", self)
        row.addWidget(self.answer_button)
        row.addWidget(self.later_button)
        self.answer_button.clicked.connect(self.answer)
        self.later_button.clicked.connect(self.hide)
        self.hide()

    def refresh(self) -> None:
        session = self.window_.session
        if not session.ready or session.read_only:
            self.hide()
            return
        today = clock.today()

        from journal.app.function_check import function_check_due

        def show(found: tuple[str, bool]) -> None:
            self.text.setText(prompt_text(found[0]))
            self.setVisible(found[1])

        session.op(lambda journal: function_check_due(journal, today)).success(show).run_in_background()

    def answer(self) -> FunctionCheckDialog:
        dialog = FunctionCheckDialog(self.window_.session, self.window_)
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self) -> None:
        from journal.app.changes import JournalChange

        self.hide()
        self.window_.session.changed.emit(JournalChange())  # Trends shows the new answer


def install(window: "WindowHost") -> None:
    """The prompt in Today, checked when a journal opens."""
    prompt = FunctionPrompt(window)
    window.today.add_notice(prompt)
    window.function_prompt = prompt  # type: ignore[attr-defined]  # reached by tests and the screenshots
    window.session.opened.connect(lambda _opened: prompt.refresh())
    if window.session.ready:
        prompt.refresh()
