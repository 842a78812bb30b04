"""File → Import from another app…: choose the export, see the preview, choose, then import.

Reading the file, planning the days and writing them all run on the worker
(the window's task helper); the dialog only shows what
:mod:`journal.app.importing_apps` found and passes the person's choices back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journal.app.importing_apps import Clash, ImportPlan, import_planned, preview_lines
from journal.core.errors import UserError
from journal.core.words import plural
from journal.formats.importers import SOURCES
from journal.formats.importers.common import PainChoice
from journal.ui.import_csv import NOT_IN_SAMPLE_DATA, show_import_result

if TYPE_CHECKING:
    from journal.formats.importers.common import ParsedImport
    from journal.ui.host import WindowHost

ACTION_NAME = "importFromAppAction"
NONE_CHOSEN = "None: keep its scores as words in the notes"
Runner = Callable[[Callable[[], object], Callable[[Any], None], Callable[[BaseException], None]], None]


class ImportPreviewDialog(QDialog):
    """The preview of an import from another app, with the choices it needs.

    ``replan(choice)`` asks for a new plan (on the worker); :meth:`show_plan`
    shows it. Accepting emits nothing itself: the caller reads :attr:`plan` and
    :meth:`clash`.
    """

    def __init__(self, plan: ImportPlan, replan: Callable[[PainChoice], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self._replan = replan
        parsed = plan.parsed
        self.setWindowTitle(f"Import from {parsed.source}")
        self.setMinimumSize(560, 420)
        self.resize(720, 560)  # fits an 800×600 screen
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Nothing has been written yet. Check what comes across and what does not. "
            "A score on another app's scale becomes back or leg pain only if you choose it here, "
            "and the conversion is shown."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.back_combo = self._combo(parsed, plan.choice.back)
        self.leg_combo = self._combo(parsed, plan.choice.leg)
        form.addRow("&Back pain comes from:", self.back_combo)
        form.addRow("&Leg pain comes from:", self.leg_combo)
        layout.addLayout(form)

        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Import preview")
        layout.addWidget(self.text, 1)

        self.clash_box = QGroupBox("Days already in your journal", self)
        clash_layout = QHBoxLayout(self.clash_box)
        self.clash_buttons = QButtonGroup(self)
        self.clash_radios: dict[Clash, QRadioButton] = {}
        for clash, words in (
            (Clash.SKIP, "&Skip them: keep yours"),
            (Clash.REPLACE, "&Replace them"),
            (Clash.STOP, "S&top: import nothing"),
        ):
            radio = QRadioButton(words, self.clash_box)
            self.clash_radios[clash] = radio
            self.clash_buttons.addButton(radio)
            clash_layout.addWidget(radio)
        self.clash_radios[Clash.SKIP].setChecked(True)
        self.clash_buttons.buttonToggled.connect(lambda *_: self._update_button())
        layout.addWidget(self.clash_box)

        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton("Import", self)
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.back_combo.currentIndexChanged.connect(self._choice_changed)
        self.leg_combo.currentIndexChanged.connect(self._choice_changed)
        self.show_plan(plan)

    def _combo(self, parsed: "ParsedImport", chosen: str | None) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(NONE_CHOSEN, None)
        for name in sorted(parsed.scales):
            combo.addItem(f"{name} ({parsed.scales[name].describe()})", name)
            if name == chosen:
                combo.setCurrentIndex(combo.count() - 1)
        return combo

    def choice(self) -> PainChoice:
        return PainChoice(back=self.back_combo.currentData(), leg=self.leg_combo.currentData())

    def clash(self) -> Clash:
        return next(clash for clash, radio in self.clash_radios.items() if radio.isChecked())

    def _choice_changed(self) -> None:
        self.import_button.setEnabled(False)
        self.status.setText("Working out the days…")
        self._replan(self.choice())

    def show_plan(self, plan: ImportPlan) -> None:
        if plan.choice != self.choice():
            return  # an answer to an earlier choice; the latest is on its way
        self.plan = plan
        self.text.setPlainText("\n".join(preview_lines(plan)))
        self.clash_box.setVisible(bool(plan.clashes))
        self.clash_box.setTitle(f"{plural(len(plan.clashes), 'day')} already in your journal")
        self.status.setText("")
        self._update_button()

    def show_problem(self, message: str) -> None:
        """A choice that cannot be imported (a day breaks a rule): say why; nothing can be imported."""
        self.text.setPlainText(message)
        self.import_button.setEnabled(False)
        self.status.setText("")

    def _update_button(self) -> None:
        count = self.plan.to_write(self.clash())
        self.import_button.setText(f"Import {plural(count, 'day')}" if count else "Import")
        self.import_button.setEnabled(count > 0)
        if not self.plan.preview.entries:
            self.status.setText("Choose which item is your back pain: every day in Pain Journal needs a back pain score.")


def import_from_app_interactively(window: "WindowHost", source: str | None = None, path: Path | None = None) -> None:
    """Ask for another app's export, preview it on the worker, and import what the person confirms."""
    session = window.session
    if not session.ready:
        return
    if session.is_demo:
        QMessageBox.information(window, "Not in the sample data", NOT_IN_SAMPLE_DATA)
        return
    if path is None or source is None:
        kinds = [s.file_kind for s in SOURCES.values()]
        chosen, kind = QFileDialog.getOpenFileName(window, "Import from another app", "", ";;".join(kinds))
        if not chosen:
            return
        path = Path(chosen)
        source = next((key for key, s in SOURCES.items() if s.file_kind == kind), "bearable")
    chosen_source, chosen_path = source, path

    def failed(error: BaseException) -> None:
        if isinstance(error, UserError):
            QMessageBox.warning(window, "Nothing was imported", str(error))
            return
        from journal.ui.errors import show_error

        show_error(window, error)

    from journal.app.importing_apps import read_and_plan

    def show(plan: ImportPlan) -> None:
        window.show_status("")
        open_preview_dialog(window, plan, chosen_path.name, failed)

    window.show_status(f"Reading {path.name}…")
    session.op(lambda journal: read_and_plan(journal, chosen_source, chosen_path)).success(show).failure(
        failed
    ).run_in_background()


def open_preview_dialog(
    window: "WindowHost", plan: ImportPlan, file_name: str, failed: Callable[[BaseException], None]
) -> ImportPreviewDialog:
    """Show the preview (window-modal, not blocking) and import on Import."""
    from journal.app.importing_apps import plan_for_journal

    session = window.session
    dialog: ImportPreviewDialog

    def replan(choice: PainChoice) -> None:
        parsed = dialog.plan.parsed

        def not_planned(error: BaseException) -> None:
            if isinstance(error, UserError):
                dialog.show_problem(str(error))
            else:
                failed(error)

        session.op(lambda journal: plan_for_journal(journal, parsed, choice)).success(dialog.show_plan).failure(
            not_planned
        ).run_in_background()

    dialog = ImportPreviewDialog(plan, replan, window)

    def write() -> None:
        chosen, clash = dialog.plan, dialog.clash()
        window.show_status(f"Importing {file_name}…")

        session.op(lambda journal: import_planned(journal, chosen, clash)).success(
            lambda changed: show_import_result(window, changed.value, file_name)
        ).failure(failed).run_in_background()

    dialog.accepted.connect(write)
    dialog.open()
    return dialog


def install(window: "WindowHost") -> None:
    """Add File → Import from another app… below the CSV import (off in the sample data)."""
    action = QAction("Import from another &app…", window)
    action.setObjectName(ACTION_NAME)
    action.triggered.connect(lambda: import_from_app_interactively(window))
    window.file_menu.insertAction(window.manage_lists_action, action)

    def offer(*_: object) -> None:
        allowed = not window.session.is_demo
        action.setEnabled(allowed)
        action.setToolTip("" if allowed else NOT_IN_SAMPLE_DATA)
        action.setStatusTip("" if allowed else NOT_IN_SAMPLE_DATA)

    window.session.opened.connect(offer)
    offer()
