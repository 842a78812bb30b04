"""Edit → About you… (also a button in Settings): the few facts that change what a warning sign means.

Every answer is optional; nothing is required and leaving the dialog changes
nothing. The answers are saved on the worker through
:meth:`journal.ui.session.JournalSession.save_about_you` (the use case in
:mod:`journal.app.about_you`); the rules they change are
:mod:`journal.core.about_you`, each cited.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.core import clock
from journal.core.about_you import RULE_SOURCES, AboutYou
from journal.core.errors import ValidationError
from journal.core.sources import citations_by_work
from journal.ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from journal.ui.host import WindowHost
    from journal.ui.session import JournalSession

TITLE = "About you"
INTRO = (
    "A few things about you change what some warning signs mean, so the journal can tell you "
    "how soon to get them checked. Every answer is optional, stays in your journal, and can be "
    "changed here at any time."
)
QUESTIONS = {
    "cancer_history": "I have had &cancer",
    "weak_immunity": "My &immune system is weakened",
    "injects_drugs": "I inject &drugs",
    "osteoporosis_or_steroids": "I have &osteoporosis or take steroid tablets long-term",
    "recent_spinal_procedure": "I had a &spinal operation or injection in the last few months",
}
IMMUNE_EXAMPLES = "For example chemotherapy, long-term steroids or other immune-suppressing medicine, HIV, an organ transplant."
NOT_SAID = "Not said"
INCLUDE = "I&nclude these answers in my report for the doctor"
SOURCES = "Why these questions: " + citations_by_work(RULE_SOURCES)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class AboutYouDialog(QDialog):
    """Shows ``current``; :meth:`chosen` gives the answers (only used after OK)."""

    def __init__(self, current: AboutYou, parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)
        self.setWindowTitle(TITLE)
        year = (today or clock.today()).year
        layout = QVBoxLayout(self)
        layout.addWidget(_wrapped(INTRO))
        self.boxes: dict[str, QCheckBox] = {}
        for name, text in QUESTIONS.items():
            box = QCheckBox(text)
            box.setChecked(bool(getattr(current, name)))
            box.setAccessibleName(text.replace("&", ""))
            self.boxes[name] = box
            layout.addWidget(box)
            if name == "weak_immunity":
                layout.addWidget(_wrapped(IMMUNE_EXAMPLES))
        form = QFormLayout()
        self.birth_year = QSpinBox()
        # The lowest value stands for "not said": the question is never required.
        self.birth_year.setRange(year - 121, year)
        self.birth_year.setSpecialValueText(NOT_SAID)
        self.birth_year.setValue(current.birth_year if current.birth_year is not None else year - 121)
        self.birth_year.setAccessibleName("Year of birth")
        form.addRow("&Year of birth:", self.birth_year)
        layout.addLayout(form)
        self.include = QCheckBox(INCLUDE)
        self.include.setChecked(current.include_in_report)
        layout.addWidget(self.include)
        layout.addWidget(_wrapped(SOURCES))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 64)

    def chosen(self) -> AboutYou:
        year = self.birth_year.value()
        return AboutYou(
            birth_year=None if year == self.birth_year.minimum() else year,
            include_in_report=self.include.isChecked(),
            **{name: box.isChecked() for name, box in self.boxes.items()},
        )


def open_about_you(session: "JournalSession", parent: QWidget) -> AboutYouDialog | None:
    """Ask; on OK save on the worker (a refused answer is said plainly, and nothing is written)."""
    if not session.ready:
        QMessageBox.information(parent, TITLE, "Open your journal first: the answers are kept in it.")
        return None
    dialog = AboutYouDialog(session.about_you(), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return dialog

    def refused(error: BaseException) -> None:
        text = str(error.problems[0][1]) if isinstance(error, ValidationError) else str(error)
        QMessageBox.warning(parent, "Not saved", text)

    session.save_about_you(dialog.chosen(), on_error=refused)
    return dialog


#: Asked once, gently, once a few days are saved (journal.app.about_you.ASK_AFTER_DAYS).
ASK_TEXT = (
    "Would you like to answer a few optional questions about you? "
    "They help the journal tell you how soon to get some warning signs checked."
)


class AboutYouPrompt(QFrame):
    """The notice in Today: "Answer…" or "No thanks"; either way it is not shown again."""

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window.today)
        self.window_ = window
        self.setObjectName("suggestionNotice")
        layout = QVBoxLayout(self)
        text = QLabel(ASK_TEXT)
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()  # the buttons under the words: the notice never widens Today
        row.addStretch(1)
        self.answer_button = QPushButton("Answer…", self)
        self.no_button = QPushButton("No thanks", self)
        row.addWidget(self.answer_button)
        row.addWidget(self.no_button)
        layout.addLayout(row)
        self.answer_button.clicked.connect(self.answer)
        self.no_button.clicked.connect(self._asked)
        self.hide()

    def refresh(self) -> None:
        session = self.window_.session
        if not session.ready or session.read_only or session.is_demo:
            self.hide()
            return
        from journal.app.about_you import about_you_due

        session.op(about_you_due).success(self.setVisible).run_in_background()

    def _asked(self) -> None:
        self.hide()
        session = self.window_.session
        from journal.app.about_you import mark_about_you_asked

        session.op(mark_about_you_asked).run_in_background()

    def answer(self) -> None:
        self._asked()
        open_about_you(self.window_.session, self.window_)


def install(window: "WindowHost") -> None:
    """Edit → About you…, and the once-only notice in Today."""
    action = QAction("About &you…", window)
    action.triggered.connect(lambda: open_about_you(window.session, window))
    window.edit_menu.addSeparator()
    window.edit_menu.addAction(action)
    prompt = AboutYouPrompt(window)
    window.today.add_notice(prompt)
    window.about_you_prompt = prompt  # type: ignore[attr-defined]  # reached by tests and the screenshots
    window.session.opened.connect(lambda _opened: prompt.refresh())
    window.today.saved.connect(lambda _entry: prompt.refresh())
    if window.session.ready:
        prompt.refresh()
