"""File → Export summary for your doctor… / Print summary…

One dialog: choose the period (since the last visit, the last 30 or 90 days,
or your own dates), add your name if you like, edit the questions for the
doctor (pre-filled from the ones logged in the period) and pick a format:
the PDF summary, CSV or FHIR JSON. Exporting and printing run on the worker
thread (``session.tasks``); the dialog shows progress and stays responsive.

The choices it offers and the request it sends are plain Python in
:mod:`journal.ui.export_choices`; printing paints the very PDF the export
writes (:mod:`journal.ui.print_preview`), so paper and file are the same document.

Whole because what is left is one widget whose form is long but flat (one row per choice) and its two window
actions; cutting the form apart would only pass its widgets between modules
(so at about 480 lines it is over the usual 400 on purpose).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from journal.app.periods import PeriodChoice, period_bounds
from journal.app.reports import ExportFormat
from journal.core import clock
from journal.core.errors import UserError
from journal.core.validation import EARLIEST_DATE
from journal.ui.export_choices import (
    FILE_FILTERS,
    FORMAT_LABELS,
    FORMAT_OPTIONS,
    PERIOD_LABELS,
    SETTING_LAST_VISIT,
    SETTING_NAME,
    ExportRequest,
    period_words,
    suggested_file_name,
    with_format_suffix,
    write_export,
)
from journal.ui.theme import current_colours
from journal.ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from journal.app.journal_file import Journal
    from journal.ui.host import WindowHost
    from journal.ui.session import JournalSession


def _py(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


def _q(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


class ExportDialog(QDialog):
    """The export and print dialog. Emits ``loaded`` when the questions are filled in
    and ``finished_export(str)`` with the message after a file is written."""

    loaded = Signal()
    finished_export = Signal(str)
    failed = Signal(str)
    preview_ready = Signal(object)  # Path of the PDF about to be previewed

    def __init__(self, session: "JournalSession", parent: QWidget | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        self.session = session
        self.today = today or clock.today()
        self.setWindowTitle("Summary for your doctor")
        self.setMinimumWidth(620)
        self._questions_edited = False
        self._filling = False
        self._load_generation = 0
        self._busy = False
        self._build()
        self._update_period()

    # --- layout --------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Bring a short summary of your journal to your appointment, "
            "or save your days for a spreadsheet or a health-record system."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self._form = form
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(form)

        self.period_combo = QComboBox(self)
        for choice, label in PERIOD_LABELS.items():
            self.period_combo.addItem(label, choice)
        self.set_choice(PeriodChoice.DAYS_90)
        self.period_combo.setAccessibleName("Period")
        form.addRow("Peri&od:", self.period_combo)

        self.last_visit_edit = self._date_edit(self.today - dt.timedelta(days=90), "Date of your last visit")
        self.from_edit = self._date_edit(self.today - dt.timedelta(days=89), "First day")
        self.to_edit = self._date_edit(self.today, "Last day")
        self.dates_row = QWidget(self)
        row = QHBoxLayout(self.dates_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.last_visit_label = QLabel("Last visit:", self.dates_row)
        self.from_label = QLabel("From:", self.dates_row)
        self.to_label = QLabel("to", self.dates_row)
        for widget in (self.last_visit_label, self.last_visit_edit, self.from_label, self.from_edit, self.to_label, self.to_edit):
            row.addWidget(widget)
        row.addStretch(1)
        form.addRow("", self.dates_row)
        self.period_label = QLabel(self)
        self.period_label.setObjectName("hint")
        form.addRow("", self.period_label)

        from journal.core.visit_change import IMPRESSION_QUESTION, IMPRESSIONS

        # Asked once, for a visit: the person's own global impression of change (optional).
        self.impression_label = QLabel(IMPRESSION_QUESTION, self)
        self.impression_label.setWordWrap(True)
        self.impression_combo = QComboBox(self)
        self.impression_combo.addItem("(rather not say)", None)
        for number, words in enumerate(IMPRESSIONS, start=1):
            self.impression_combo.addItem(words.capitalize(), number)
        self.impression_combo.setAccessibleName(IMPRESSION_QUESTION)
        self.impression_label.setBuddy(self.impression_combo)
        form.addRow(self.impression_label)
        form.addRow("Since &then:", self.impression_combo)

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("Optional – shown at the top of the summary")
        self.name_edit.setAccessibleName("Your name")
        form.addRow("Your &name:", self.name_edit)

        questions_box = QWidget(self)
        box = QVBoxLayout(questions_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.questions_edit = QPlainTextEdit(questions_box)
        self.questions_edit.setAccessibleName("Questions for your doctor")
        self.questions_edit.setPlaceholderText("One question per line")
        self.questions_edit.setMinimumHeight(110)
        self.questions_edit.setTabChangesFocus(True)
        self.questions_hint = QLabel(
            "Filled in from the questions you logged in this period. Change them as you like: "
            "what is here goes on the summary, one question per line.",
            questions_box,
        )
        self.questions_hint.setObjectName("hint")
        self.questions_hint.setWordWrap(True)
        box.addWidget(self.questions_edit, 1)
        box.addWidget(self.questions_hint)
        questions_label = QLabel("&Questions for\nyour doctor:", self)
        questions_label.setBuddy(self.questions_edit)
        form.addRow(questions_label, questions_box)

        self.format_combo = QComboBox(self)
        for fmt, label in FORMAT_LABELS.items():
            self.format_combo.addItem(label, fmt)
        self.format_combo.setAccessibleName("Format")
        form.addRow("&Format:", self.format_combo)
        self.format_note = QLabel(self)
        self.format_note.setObjectName("hint")
        self.format_note.setWordWrap(True)
        self.format_note.setTextFormat(Qt.TextFormat.PlainText)
        self.format_note.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # wrap at the form's width
        form.addRow("", self.format_note)
        self.readings_check = QCheckBox("Also save my pain-now &readings (a second CSV file beside it)", self)
        self.readings_check.setChecked(True)
        form.addRow("", self.readings_check)

        status_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setAccessibleName("Working")
        self.progress.hide()
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.status_label.setMinimumHeight(2 * self.fontMetrics().height())
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.status_label.setOpenExternalLinks(True)
        status_row.addWidget(self.progress)
        status_row.addWidget(self.status_label, 1)
        layout.addLayout(status_row)

        buttons = QHBoxLayout()
        self.print_button = QPushButton("&Print…", self)
        self.export_button = QPushButton("&Export…", self)
        self.export_button.setObjectName("primaryButton")
        self.close_button = QPushButton("Close", self)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.export_button.setDefault(True)

        self.period_combo.currentIndexChanged.connect(self._update_period)
        for edit in (self.last_visit_edit, self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._update_period)
        self.questions_edit.textChanged.connect(self._on_questions_changed)
        self.format_combo.currentIndexChanged.connect(self._update_buttons)
        self.export_button.clicked.connect(self.choose_file_and_export)
        self.print_button.clicked.connect(self.print_summary)
        self.close_button.clicked.connect(self.reject)

    def _date_edit(self, value: dt.date, name: str) -> QDateEdit:
        edit = QDateEdit(_q(value), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setDateRange(_q(EARLIEST_DATE), _q(self.today))  # as journal.core.periods
        edit.setAccessibleName(name)
        return edit

    # --- state ---------------------------------------------------------------------

    @property
    def choice(self) -> PeriodChoice:
        choice: PeriodChoice = self.period_combo.currentData()
        return choice

    @property
    def export_format(self) -> ExportFormat:
        chosen: ExportFormat = self.format_combo.currentData()
        return chosen

    def set_format(self, fmt: ExportFormat) -> None:
        self.format_combo.setCurrentIndex(list(FORMAT_LABELS).index(fmt))

    def set_choice(self, choice: PeriodChoice) -> None:
        self.period_combo.setCurrentIndex(list(PERIOD_LABELS).index(choice))

    def period(self) -> tuple[dt.date, dt.date]:
        """The chosen period, first and last day inclusive."""
        if self.choice is PeriodChoice.CUSTOM:  # as typed: a backwards period is refused, not swapped
            return _py(self.from_edit.date()), _py(self.to_edit.date())
        return period_bounds(self.choice, self.today, None, last_visit=_py(self.last_visit_edit.date()))

    def questions(self) -> tuple[str, ...]:
        from journal.formats import split_questions

        return split_questions(self.questions_edit.toPlainText())

    def _period_ok(self) -> bool:
        start, end = self.period()
        return start <= end

    def _update_period(self) -> None:
        choice = self.choice
        self.last_visit_label.setVisible(choice is PeriodChoice.SINCE_VISIT)
        self.last_visit_edit.setVisible(choice is PeriodChoice.SINCE_VISIT)
        self._form.setRowVisible(self.impression_label, choice is PeriodChoice.SINCE_VISIT)
        self._form.setRowVisible(self.impression_combo, choice is PeriodChoice.SINCE_VISIT)
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(choice is PeriodChoice.CUSTOM)
        self.dates_row.setVisible(choice in (PeriodChoice.SINCE_VISIT, PeriodChoice.CUSTOM))
        self.period_label.setText(period_words(*self.period()))
        self._update_buttons()
        self.load_questions()

    def _update_buttons(self) -> None:
        ready = self.session.ready and not self._busy and self._period_ok()
        options = FORMAT_OPTIONS[self.export_format]
        self.export_button.setEnabled(ready)
        self.export_button.setText(f"&Export {options.short_name}…")
        self.print_button.setEnabled(ready and options.printable)
        self.print_button.setToolTip("" if options.printable else "Only the PDF summary can be printed: choose PDF.")
        self.name_edit.setEnabled(options.uses_name)
        self.questions_edit.setEnabled(options.uses_questions)
        self.questions_hint.setVisible(options.uses_questions)
        self.format_note.setText(f"{options.note}\nSuggested file name: {self.suggested_path().name}")
        self.readings_check.setVisible(self.export_format is ExportFormat.CSV)

    def _on_questions_changed(self) -> None:
        if not self._filling:
            self._questions_edited = True

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        if text or busy:
            self.status_label.setText(text)
        self._update_buttons()

    def _show_error(self, error: BaseException) -> None:
        self._set_busy(False)
        if isinstance(error, UserError):
            message = str(error)
        else:
            message = f"Something went wrong and nothing was saved ({type(error).__name__})."
        self.status_label.setText(f"<span style='color:{current_colours().error_text}'><b>Not saved.</b> {message}</span>")
        self.failed.emit(message)

    # --- loading -----------------------------------------------------------------

    def load_questions(self) -> None:
        """Fill in the remembered name and last visit (first time) and the period's questions
        (unless you edited them), reading on the worker."""
        if not self.session.ready or not self._period_ok():
            return
        self._load_generation += 1
        generation = self._load_generation
        start, end = self.period()
        first_time = generation == 1

        def work(journal: "Journal") -> tuple[str | None, str | None, list[str]]:
            from journal.app.days import days
            from journal.app.settings import setting

            name = setting(journal, SETTING_NAME) if first_time else None
            visit = setting(journal, SETTING_LAST_VISIT) if first_time else None
            texts = [" ".join(e.questions.split()) for e in days(journal, start, end) if e.questions.strip()]
            return name, visit, texts

        def done(result: tuple[str | None, str | None, list[str]]) -> None:
            if generation != self._load_generation:
                return  # the period changed again meanwhile
            name, visit, texts = result
            if name and not self.name_edit.text():
                self.name_edit.setText(name)
            if visit:
                try:
                    self.last_visit_edit.setDate(_q(dt.date.fromisoformat(visit)))
                except ValueError:
                    pass
                else:
                    self.set_choice(PeriodChoice.SINCE_VISIT)
                    return  # choosing the period loads its questions again
            if not self._questions_edited:
                self._filling = True
                self.questions_edit.setPlainText("\n".join(texts))
                self._filling = False
            self.loaded.emit()

        self.session.op(work).success(done).failure(self._show_error).run_in_background()

    # --- exporting -------------------------------------------------------------------

    def request_for(self, path: Path, fmt: ExportFormat | None = None) -> ExportRequest:
        start, end = self.period()
        return ExportRequest(
            path=Path(path),
            format=fmt or self.export_format,
            start=start,
            end=end,
            patient_name=" ".join(self.name_edit.text().split()),
            questions=self.questions(),
            last_visit=start if self.choice is PeriodChoice.SINCE_VISIT else None,
            impression=self.impression_combo.currentData() if self.choice is PeriodChoice.SINCE_VISIT else None,
            with_readings=self.readings_check.isChecked(),
        )

    def suggested_path(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        _, end = self.period()
        return Path(folder or Path.home()) / suggested_file_name(self.export_format, end)

    def choose_file_and_export(self) -> None:
        fmt = self.export_format
        chosen, _ = QFileDialog.getSaveFileName(self, "Save the summary as", str(self.suggested_path()), FILE_FILTERS[fmt])
        if not chosen:
            return
        self.export_to(with_format_suffix(Path(chosen), fmt))

    def export_to(self, path: Path, fmt: ExportFormat | None = None) -> None:
        """Write the file on the worker; progress here, the outcome in the status line."""
        if not self.session.ready or self._busy or not self._period_ok():
            return
        request = self.request_for(path, fmt)
        session = self.session
        self._set_busy(True, f"Making {request.path.name}…")

        def done(message: str) -> None:
            self._set_busy(False)
            folder = QUrl.fromLocalFile(str(request.path.parent)).toString()
            self.status_label.setText(f"{message} <a href='{folder}'>Open the folder</a>")
            window = self.parent()
            if hasattr(window, "show_status"):
                window.show_status(message)
            self.finished_export.emit(message)

        session.op(lambda journal: write_export(journal, request)).success(done).failure(self._show_error).run_in_background()

    # --- printing --------------------------------------------------------------------

    def print_summary(self) -> None:
        """Make the PDF on the worker, then show the print preview."""
        if not self.session.ready or self._busy or not self._period_ok():
            return
        from journal.app.places import PRINT_PREVIEWS, new_scratch_folder

        # A private folder in the data folder, swept at the next start if this run
        # ends before the preview closes (journal.app.places).
        scratch = new_scratch_folder(PRINT_PREVIEWS)
        request = self.request_for(scratch.path / "summary.pdf", ExportFormat.PDF)
        session = self.session
        self._set_busy(True, "Preparing the pages to print…")

        def done(_: str) -> None:
            self._set_busy(False)
            self.status_label.clear()
            try:
                self.preview_ready.emit(request.path)
                self.show_preview(request.path)
            finally:
                scratch.remove()

        def failed(error: BaseException) -> None:
            scratch.remove()
            self._show_error(error)

        session.op(lambda journal: write_export(journal, request)).success(done).failure(failed).run_in_background()

    def show_preview(self, pdf_path: Path) -> None:
        from journal.ui.print_preview import show_print_preview

        show_print_preview(self, pdf_path)


# --- window ---------------------------------------------------------------------------


def open_export_dialog(window: "WindowHost", *, printing: bool = False) -> ExportDialog | None:
    """Show the (one) export dialog of the window; with ``printing``, Print is the default button."""
    if not window.session.ready:
        window.show_status("Your journal is still opening; try again in a moment.")
        return None
    dialog = window.export_dialog
    if not isinstance(dialog, ExportDialog):
        dialog = ExportDialog(window.session, window)
        window.export_dialog = dialog
    else:
        dialog.load_questions()
    if printing:
        dialog.set_format(ExportFormat.PDF)
    dialog.print_button.setDefault(printing)
    dialog.export_button.setDefault(not printing)
    (dialog.print_button if printing else dialog.export_button).setFocus()
    dialog.open()
    dialog.raise_()
    return dialog


def install(window: "WindowHost") -> None:
    """Add File → Export summary for your doctor… (Ctrl+E) and Print summary… (Ctrl+P)."""
    export_action = QAction("&Export summary for your doctor…", window)
    export_action.setShortcut(QKeySequence("Ctrl+E"))
    export_action.triggered.connect(lambda: open_export_dialog(window))
    print_action = QAction("&Print summary…", window)
    print_action.setShortcut(QKeySequence("Ctrl+P"))
    print_action.triggered.connect(lambda: open_export_dialog(window, printing=True))
    window.insert_file_action(export_action)
    window.insert_file_action(print_action)
    window.file_menu.insertSeparator(window.quit_action)
    window.export_summary_action = export_action
    window.print_summary_action = print_action
