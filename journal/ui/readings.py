"""Pain now: record back and leg pain with the time, in a few key presses, any number a day.

Three ways in, one dialog: the tray menu's "Pain now…", the window's shortcut
(Ctrl+Shift+P) and the button on the Today tab. Type the back pain digit, Tab,
the leg pain digit, Enter (or just the back digit and Enter). Today lists the
day's readings, each deletable, and when the day has not been rated yet its
back and leg pain are filled in from them (the highest of each,
:func:`journal.core.readings.suggested_day_pain`), as unsaved changes the
person can change before saving. Every read and write runs on the worker
through :mod:`journal.app.readings`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from journal.app import readings as use_cases
from journal.core import clock
from journal.core.readings import StoredReading, suggested_day_pain
from journal.core.words import plural
from journal.ui.today.readings_panel import SHORTCUT, ReadingsPanel, reading_text
from journal.ui.widgets.scale import ScaleSelector

if TYPE_CHECKING:
    from journal.ui.host import WindowHost

HOW = "Type the back pain (0–10), Tab, the leg pain, Enter. Leg pain may be left out."


class PainNowDialog(QDialog):
    """Back and leg pain now: two 0–10 scales and Save (Enter)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painNowDialog")
        self.setWindowTitle("Pain now")
        layout = QVBoxLayout(self)
        self.when = QLabel(self)
        layout.addWidget(self.when)
        self.back_pain = ScaleSelector("Back pain now", "no pain", "worst pain imaginable")
        self.leg_pain = ScaleSelector("Leg pain now", "no pain", "worst pain imaginable")
        back_label = QLabel("&Back pain now (0 = none, 10 = worst imaginable)", self)
        back_label.setBuddy(self.back_pain)
        leg_label = QLabel("&Leg pain now (may be left out)", self)
        leg_label.setBuddy(self.leg_pain)
        for widget in (back_label, self.back_pain, leg_label, self.leg_pain):
            layout.addWidget(widget)
        hint = QLabel(HOW, self)
        hint.setWordWrap(True)
        hint.setObjectName("hint")
        layout.addWidget(hint)
        self.problem = QLabel(self)
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setAutoDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.buttons.accepted.connect(self._accept_if_rated)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.back_pain, self.leg_pain)
        self.setTabOrder(self.leg_pain, save)

    def start(self) -> None:
        """Blank scales, the time now, and the focus on back pain."""
        self.back_pain.setValue(None)
        self.leg_pain.setValue(None)
        self.problem.hide()
        self.when.setText(f"Now, {clock.now().strftime('%H:%M')}")
        self.back_pain.setFocus(Qt.FocusReason.OtherFocusReason)

    def _accept_if_rated(self) -> None:
        if self.back_pain.value() is None:
            self.problem.setText("Choose the back pain first: type a number from 0 to 10.")
            self.problem.show()
            self.back_pain.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.accept()

    def values(self) -> tuple[int, int | None]:
        back = self.back_pain.value()
        assert back is not None
        return back, self.leg_pain.value()


class PainNow(QObject):
    """The feature: the action (shortcut and menu), the dialog, and the panel in Today."""

    recorded = Signal(object)  # StoredReading
    imported = Signal(str)  # what an import said (done or refused)

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window)
        self.window = window
        self.dialog: PainNowDialog | None = None
        self.panel: ReadingsPanel | None = None
        self._prefilled: tuple[dt.date, tuple[int, int | None]] | None = None
        self._focus_before: QWidget | None = None
        self.action = QAction("&Pain now…", window)
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setToolTip("Record back and leg pain as they are now, with the time")
        self.action.triggered.connect(lambda _=False: self.ask())
        window.edit_menu.addSeparator()
        window.edit_menu.addAction(self.action)
        window.pain_now_action = self.action
        self.import_action = QAction("Import pain-now rea&dings from CSV…", window)
        self.import_action.setToolTip("Add pain-now readings from a CSV file: date,time,back_pain,leg_pain")
        self.import_action.triggered.connect(lambda _=False: self.import_file())
        window.insert_file_action(self.import_action)

    # --- Today ------------------------------------------------------------------------

    def attach_to_today(self) -> None:
        """Put the readings under the day's core (once the form exists) and follow the day shown."""
        today = self.window.today
        form = today.form
        panel = ReadingsPanel(form)
        # Under the daily core, with the other notices: it never pushes the day's own fields out of view.
        today.add_notice(panel)
        panel.record_button.clicked.connect(lambda: self.ask())
        panel.deleteRequested.connect(self.delete)
        self.panel = panel
        today.add_after_save(panel.focus_widgets)
        panel.rebuilt.connect(today.set_tab_order)
        today.dayShown.connect(self.refresh)
        form.edited.connect(self._note_if_still_prefilled)
        today.saved.connect(lambda _entry: self._note_if_still_prefilled())  # saved: the day's own rating now
        if self.window.session.ready:
            self.refresh(today.date)

    def refresh(self, date: dt.date | None = None) -> None:
        """Read the shown day's readings on the worker and show them (pre-filling an unrated day)."""
        if not self._alive():
            return
        session = self.window.session
        journal = session.journal
        if journal is None or self.panel is None:
            return
        shown = self.window.today.date if date is None else date
        session.tasks.run(lambda: use_cases.day_readings(journal, shown), lambda found: self._show(shown, found))

    def _alive(self) -> bool:
        """Whether the window is still there (work finishing after it closed finds nothing to show)."""
        return (
            shiboken6.isValid(self) and shiboken6.isValid(self.window) and (self.panel is None or shiboken6.isValid(self.panel))
        )

    def _show(self, date: dt.date, readings: list[StoredReading]) -> None:
        if not self._alive():
            return
        today = self.window.today
        if self.panel is None or today.date != date:
            return
        self.panel.show_readings(readings, today=date == clock.today())
        self._prefill(date, readings)
        self._note_if_still_prefilled()

    def _prefill(self, date: dt.date, readings: list[StoredReading]) -> None:
        """On a day not rated yet, put the readings' highest back and leg pain in the form, unsaved."""
        today = self.window.today
        session = self.window.session
        suggested = suggested_day_pain(s.reading for s in readings)
        if suggested is None or session.is_logged(date) or session.read_only:
            return
        form = today.form
        current = (form.back_pain.value(), form.leg_pain.value())
        previous = self._prefilled[1] if self._prefilled is not None and self._prefilled[0] == date else None
        untouched = current == (None, None) and not today.is_dirty()
        if not untouched and current != previous:
            return  # the person rated the day themselves: theirs stands
        if current != suggested:
            form.back_pain.setValue(suggested[0])
            form.leg_pain.setValue(suggested[1])
        self._prefilled = (date, suggested)

    def _note_if_still_prefilled(self) -> None:
        if self.panel is None:
            return
        form = self.window.today.form
        shown = self._prefilled is not None and self._prefilled[0] == form.date
        still = shown and self._prefilled is not None and (form.back_pain.value(), form.leg_pain.value()) == self._prefilled[1]
        self.panel.note.setVisible(bool(still) and not self.window.session.is_logged(form.date))

    # --- recording --------------------------------------------------------------------

    def ask(self) -> PainNowDialog | None:
        """Open the dialog (from the shortcut, the tray or Today); Save records the reading."""
        session = self.window.session
        if not session.ready:
            return None
        if session.read_only:
            self.window.show_status("This journal is read-only: pain-now readings cannot be kept.")
            return None
        if self.dialog is None:
            self.dialog = PainNowDialog(self.window)
            self.dialog.accepted.connect(self._record_from_dialog)
            self.dialog.finished.connect(lambda _result: self._focus_back())
        # The focus goes back where it was (e.g. "Pain now…" on Today) when the dialog closes.
        before = QApplication.focusWidget()
        self._focus_before = before if before is not None and self.window.isAncestorOf(before) else None
        self.dialog.start()
        self.dialog.open()
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.dialog.back_pain.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.dialog

    def _focus_back(self) -> None:
        before, self._focus_before = self._focus_before, None
        if before is not None and shiboken6.isValid(before) and before.isVisible():
            before.setFocus(Qt.FocusReason.PopupFocusReason)

    def _record_from_dialog(self) -> None:
        assert self.dialog is not None
        back, leg = self.dialog.values()
        self.record(back, leg)

    def record(self, back: int, leg: int | None) -> None:
        session = self.window.session
        journal = session.journal
        if journal is None:
            return

        def done(stored: StoredReading) -> None:
            if not self._alive():
                return
            self.window.show_status(f"Pain now kept: {reading_text(stored)}.")
            self.recorded.emit(stored)
            self._changed(stored.reading.date)

        session.tasks.run(lambda: use_cases.record_reading(journal, back, leg), done, self._failed)

    def delete(self, reading_id: int) -> None:
        session = self.window.session
        journal = session.journal
        if journal is None:
            return

        def done(removed: object) -> None:
            if not self._alive():
                return
            self.window.show_status("Reading deleted." if removed is not None else "That reading was already deleted.")
            self._changed(self.window.today.date)

        session.tasks.run(lambda: use_cases.delete_reading(journal, reading_id), done, self._failed)

    def import_file(self, path: Path | None = None) -> None:
        """Ask for a readings CSV file and add its readings, all or nothing (never into the sample data)."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from journal.ui.import_csv import NOT_IN_SAMPLE_DATA

        session = self.window.session
        journal = session.journal
        if journal is None:
            return
        if session.is_demo:
            QMessageBox.information(self.window, "Not in the sample data", NOT_IN_SAMPLE_DATA)
            return
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.window, "Import pain-now readings from CSV", "", "CSV files (*.csv);;All files (*)"
            )
            if not chosen:
                return
            path = Path(chosen)
        name = path.name

        def done(counts: tuple[int, int]) -> None:
            if not self._alive():
                return
            added, already = counts
            more = f" ({plural(already, 'reading')} were already in your journal)" if already else ""
            message = f"Imported {plural(added, 'pain-now reading')} from {name}{more}."
            self.window.show_status(message)
            self.imported.emit(message)
            self._changed(self.window.today.date)

        def failed(error: BaseException) -> None:
            from journal.ui.errors import show_error

            show_error(self.window, error, title="Nothing was imported")
            self.imported.emit(str(error))

        session.tasks.run(lambda: use_cases.import_readings(journal, path), done, failed)

    def _changed(self, date: dt.date) -> None:
        from journal.ui.session import JournalChange

        if self.window.today.date == date:
            self.refresh(date)
        self.window.session.changed.emit(JournalChange())  # Trends shows the pattern through the day

    def _failed(self, error: BaseException) -> None:
        from journal.ui.errors import show_error

        show_error(self.window, error, title="The reading was not kept")


def install(window: "WindowHost") -> None:
    """The Pain now action (Edit menu, Ctrl+Shift+P, the tray) and the readings in Today."""
    feature = PainNow(window)
    window.pain_now = feature  # type: ignore[attr-defined]  # reached by tests and the screenshots
    feature.attach_to_today()
    window.session.opened.connect(lambda _opened: feature.refresh())
