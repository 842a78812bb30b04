"""The export dialog: pre-filled questions, periods, export off the GUI thread, printing."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.app.periods import PeriodChoice
from journal.app.reports import ExportFormat
from journal.core.day import DayEntry
from journal.ui.export_dialog import ExportDialog, install
from journal.ui.print_preview import paint_pdf
from journal.ui.session import JournalSession
from journal.ui.tasks import TaskRunner

TODAY = dt.date(2025, 5, 29)
QUESTIONS = {
    TODAY - dt.timedelta(days=100): "Too old to be included?",
    TODAY - dt.timedelta(days=40): "Would physiotherapy help?",
    TODAY - dt.timedelta(days=3): "Is swimming   a good idea?\nOr walking?",
}


def entries() -> list[DayEntry]:
    days = []
    for offset in range(120):
        date = TODAY - dt.timedelta(days=offset)
        days.append(
            DayEntry(
                date,
                3 + offset % 4,
                leg_pain=offset % 3,
                interference_enjoyment=3,
                interference_activity=4,
                triggers=("stress",) if offset % 3 == 0 else (),
                questions=QUESTIONS.get(date, ""),
                notes="Walked to the park." if offset == 10 else "",
            )
        )
    return days


@pytest.fixture
def session(qtbot: QtBot, db_path: Path) -> Iterator[JournalSession]:
    from journal.storage.journal import Journal

    journal = Journal.open(db_path)
    journal.import_days(entries(), today=TODAY)
    journal.close()
    opened = JournalSession(TaskRunner())
    with qtbot.waitSignal(opened.opened, timeout=20_000):
        opened.open(db_path)
    yield opened
    opened.close()


def make_dialog(qtbot: QtBot, session: JournalSession) -> ExportDialog:
    with qtbot.waitSignal(session.tasks.busy_changed, timeout=10_000, check_params_cb=lambda b: not b):
        dialog = ExportDialog(session, today=TODAY)
        qtbot.addWidget(dialog)
    return dialog


def pdf_text(path: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in document)
    finally:
        document.close()


def test_questions_are_prefilled_from_the_period(qtbot: QtBot, session: JournalSession) -> None:
    dialog = make_dialog(qtbot, session)
    assert dialog.choice is PeriodChoice.DAYS_90
    assert dialog.period() == (TODAY - dt.timedelta(days=89), TODAY)
    assert dialog.questions_edit.toPlainText() == "Would physiotherapy help?\nIs swimming a good idea? Or walking?"
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.set_choice(PeriodChoice.DAYS_30)
    assert dialog.questions_edit.toPlainText() == "Is swimming a good idea? Or walking?"


def test_edited_questions_are_kept_when_the_period_changes(qtbot: QtBot, session: JournalSession) -> None:
    dialog = make_dialog(qtbot, session)
    dialog.questions_edit.selectAll()
    qtbot.keyClicks(dialog.questions_edit, "My own question")
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.set_choice(PeriodChoice.DAYS_30)
    assert dialog.questions_edit.toPlainText() == "My own question"


def test_custom_period_backwards_disables_export(qtbot: QtBot, session: JournalSession) -> None:
    dialog = make_dialog(qtbot, session)
    dialog.set_choice(PeriodChoice.CUSTOM)
    dialog.to_edit.setDate(dialog.from_edit.date().addDays(-5))
    assert not dialog.export_button.isEnabled() and not dialog.print_button.isEnabled()
    assert "after the last day" in dialog.period_label.text()


def test_pdf_export_runs_off_the_gui_thread_and_remembers_the_name(
    qtbot: QtBot, session: JournalSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.formats import pdf_report

    threads: list[threading.Thread] = []
    real_write = pdf_report.write_pdf

    def recording_write(*args: object, **kwargs: object) -> int:
        threads.append(threading.current_thread())
        return real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_report, "write_pdf", recording_write)
    dialog = make_dialog(qtbot, session)
    qtbot.keyClicks(dialog.name_edit, "Alex Example")
    dialog.questions_edit.setPlainText("Can I keep gardening?\n\nShould I see a physio?")
    out = tmp_path / "summary.pdf"
    with qtbot.waitSignal(dialog.finished_export, timeout=20_000):
        dialog.export_to(out)
        assert dialog.progress.isVisibleTo(dialog)
        assert not dialog.export_button.isEnabled()
    qtbot.waitUntil(out.exists, timeout=5_000)
    assert threads and threads[0] is not threading.main_thread()
    text = pdf_text(out)
    assert "Alex Example" in text
    assert "1. Can I keep gardening? 2. Should I see a physio?" in text
    assert "Would physiotherapy help?" not in text.split("Day by day")[0]
    assert "summary.pdf" in dialog.status_label.text() and dialog.export_button.isEnabled()

    again = make_dialog(qtbot, session)
    qtbot.waitUntil(lambda: again.name_edit.text() == "Alex Example", timeout=5_000)


@pytest.mark.parametrize("fmt", [ExportFormat.CSV, ExportFormat.FHIR])
def test_other_formats(qtbot: QtBot, session: JournalSession, tmp_path: Path, fmt: ExportFormat) -> None:
    dialog = make_dialog(qtbot, session)
    dialog.set_format(fmt)
    assert not dialog.questions_edit.isEnabled()
    out = tmp_path / f"days{fmt.suffix}"
    with qtbot.waitSignal(dialog.finished_export, timeout=20_000):
        dialog.export_to(out)
    content = out.read_bytes().decode("utf-8")
    if fmt is ExportFormat.CSV:
        assert content.count("\r\n") == 1 + 90
    else:
        import json

        from fhir.resources.R4B.bundle import Bundle

        Bundle.model_validate(json.loads(content))


def test_since_last_visit_is_remembered(qtbot: QtBot, session: JournalSession, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, session)
    visit = TODAY - dt.timedelta(days=20)
    dialog.set_choice(PeriodChoice.SINCE_VISIT)
    dialog.last_visit_edit.setDate(dialog.last_visit_edit.date().fromString(visit.isoformat(), Qt.DateFormat.ISODate))
    assert dialog.period() == (visit, TODAY)
    with qtbot.waitSignal(dialog.finished_export, timeout=20_000):
        dialog.export_to(tmp_path / "s.pdf")
    again = make_dialog(qtbot, session)
    qtbot.waitUntil(lambda: again.choice is PeriodChoice.SINCE_VISIT, timeout=5_000)
    assert again.period() == (visit, TODAY)


def test_empty_period_shows_a_clear_message(qtbot: QtBot, session: JournalSession, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, session)
    dialog.set_choice(PeriodChoice.CUSTOM)
    dialog.from_edit.setDate(dialog.from_edit.date().fromString("2001-01-01", Qt.DateFormat.ISODate))
    dialog.to_edit.setDate(dialog.to_edit.date().fromString("2001-01-31", Qt.DateFormat.ISODate))
    out = tmp_path / "empty.pdf"
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as blocker:
        dialog.export_to(out)
    assert "No days were logged" in blocker.args[0]
    assert "No days were logged" in dialog.status_label.text()
    assert not out.exists() and dialog.export_button.isEnabled()


def test_print_paints_the_same_pages_as_the_pdf(
    qtbot: QtBot, session: JournalSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pypdfium2 as pdfium
    from PySide6.QtPrintSupport import QPrinter

    previewed: list[tuple[Path, bool]] = []
    monkeypatch.setattr(ExportDialog, "show_preview", lambda self, path: previewed.append((path, path.exists())))
    dialog = make_dialog(qtbot, session)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(previewed), timeout=20_000)
    pdf, existed = previewed[0]
    assert existed and not pdf.exists()  # the temporary PDF is removed after the preview

    source = tmp_path / "source.pdf"
    with qtbot.waitSignal(dialog.finished_export, timeout=20_000):
        dialog.export_to(source)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = paint_pdf(printer, source)
    counts = []
    for path in (source, printed):
        document = pdfium.PdfDocument(str(path))
        counts.append(len(document))
        document.close()
    assert counts == [pages, pages] and pages >= 2


def test_file_menu_actions(qtbot: QtBot, session: JournalSession) -> None:
    from journal.ui.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    install(window)
    texts = {a.text(): a.shortcut().toString() for a in window.file_menu.actions()}
    assert texts["&Export summary for your doctor…"] == "Ctrl+E"
    assert texts["&Print summary…"] == "Ctrl+P"
    window.print_summary_action.trigger()
    dialog = window.export_dialog
    assert dialog.isVisible() and dialog.print_button.isDefault()
    qtbot.waitUntil(lambda: not session.tasks.busy, timeout=10_000)
    dialog.close()


@pytest.mark.parametrize(
    ("fmt", "name_used", "questions_used", "printable"),
    [
        (ExportFormat.PDF, True, True, True),
        (ExportFormat.CSV, False, False, False),
        (ExportFormat.FHIR, True, False, False),
    ],
)
def test_the_dialog_follows_the_format(
    qtbot: QtBot, session: JournalSession, fmt: ExportFormat, name_used: bool, questions_used: bool, printable: bool
) -> None:
    dialog = make_dialog(qtbot, session)
    dialog.set_format(ExportFormat.CSV if fmt is ExportFormat.PDF else ExportFormat.PDF)  # come from another format
    dialog.set_format(fmt)
    assert dialog.name_edit.isEnabled() is name_used
    assert dialog.questions_edit.isEnabled() is questions_used
    assert dialog.print_button.isEnabled() is printable
    assert dialog.export_button.text().replace("&", "").startswith(f"Export {fmt.name}")
    note = dialog.format_note.text()
    assert dialog.suggested_path().suffix == fmt.suffix
    assert f"Suggested file name: {dialog.suggested_path().name}" in note
    if not name_used:
        assert "not your name" in note
    if not questions_used:
        assert "questions above" in note and "not" in note
    if not printable:
        assert "Only the PDF can be printed" in note and dialog.print_button.toolTip()


@pytest.mark.parametrize("typed", ["days.pdf", "days", "days.JSON", "days.csv"])
def test_the_saved_file_ends_as_the_format_says(
    qtbot: QtBot, session: JournalSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    from PySide6.QtWidgets import QFileDialog

    dialog = make_dialog(qtbot, session)
    dialog.set_format(ExportFormat.CSV)
    asked: list[str] = []
    folder = tmp_path / "exports"
    folder.mkdir()

    def choose(_parent: object, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.extend([suggested, filters])
        return str(folder / typed), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    with qtbot.waitSignal(dialog.finished_export, timeout=20_000):
        dialog.choose_file_and_export()
    assert asked[0].endswith(".csv") and "*.csv" in asked[1]
    assert [path.name for path in folder.iterdir()] == ["days.csv"]


def test_a_visit_report_asks_once_how_things_changed_and_leads_with_the_change(
    qtbot: QtBot, session: JournalSession, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, session)
    assert not dialog.impression_combo.isVisibleTo(dialog)  # not for an ordinary period
    dialog.set_choice(PeriodChoice.SINCE_VISIT)
    visit = TODAY - dt.timedelta(days=60)
    dialog.last_visit_edit.setDate(dialog.last_visit_edit.date().fromString(visit.isoformat(), Qt.DateFormat.ISODate))
    assert dialog.impression_combo.isVisibleTo(dialog)
    dialog.impression_combo.setCurrentIndex(dialog.impression_combo.findData(2))
    with qtbot.waitSignal(dialog.finished_export, timeout=20_000):
        dialog.export_to(tmp_path / "visit.pdf")
    text = pdf_text(tmp_path / "visit.pdf")
    assert "Change from the first two weeks to the last two" in text
    assert "Your own rating: much better" in text
    assert text.index("Change from the first two weeks") < text.index("Pain over the period")
