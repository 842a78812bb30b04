"""Manage lists used as a patient would: pick a list, rename, hide, merge; the Today form follows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from journal.core.catalog import CatalogKind
from journal.core.day import DayEntry
from journal.core.lists import ListEntry, ListKind
from journal.storage.backup import list_backups
from journal.storage.journal import Journal
from journal.ui.lists.dialog import ManageListsDialog
from journal.ui.lists.model import ListEntriesModel
from journal.ui.main_window import MainWindow
from tests.gui_helpers import close_window, open_window, stored_day

PAST = dt.date.today() - dt.timedelta(days=3)
EARLIER = dt.date.today() - dt.timedelta(days=4)


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    journal = Journal.open(db_path)
    journal.import_days(
        [
            DayEntry(date=PAST, back_pain=4, triggers=("stres",), symptoms=("stiffness",), medications=("ibuprofen",)),
            DayEntry(date=EARLIER, back_pain=5, triggers=("stress", "stres"), medications=("Ibuprofen",)),
        ]
    )
    journal.close()
    opened = open_window(qtbot, db_path)
    yield opened
    close_window(opened)


def _dialog(qtbot: QtBot, window: MainWindow, kind: ListKind) -> ManageListsDialog:
    dialog = ManageListsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show_list(kind)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0 and dialog.kind is kind, timeout=5_000)
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=5_000)
    return dialog


def test_the_model_passes_qts_checks(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ListEntriesModel()
    model.set_entries(
        [ListEntry(ListKind.TRIGGER, "stres", 2), ListEntry(ListKind.TRIGGER, "lifting", 0, builtin=True, hidden=True)]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "2 days"
    assert model.data(model.index(1, 2)) == "hidden" and model.data(model.index(1, 3)) == "comes with the app"


def test_file_menu_offers_manage_lists(window: MainWindow) -> None:
    assert window.manage_lists_action in window.file_menu.actions()
    assert window.manage_lists_action.text() == "Manage &lists…"


def test_rename_a_typo_and_the_form_offers_the_new_name(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window, ListKind.TRIGGER)
    dialog.select_name("stres")
    assert dialog.rename_button.isEnabled()
    dialog.ask_name = lambda entry: "stress at work"
    dialog.rename_button.click()
    qtbot.waitUntil(lambda: "Renamed" in dialog.result_label.text(), timeout=5_000)
    assert dialog.result_label.text() == "Renamed “stres” to “stress at work” on 2 days."
    assert stored_day(qtbot, window, PAST).triggers == ("stress at work",)
    form = window.today.form
    assert form.triggers.chip("stress at work") is not None and form.triggers.chip("stres") is None


def test_built_ins_cannot_be_renamed_and_warning_signs_cannot_be_hidden_or_merged(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window, ListKind.SYMPTOM)
    dialog.select_name("leg weakness")
    assert not dialog.rename_button.isEnabled() and "keep their names" in dialog.rename_button.toolTip()
    assert not dialog.hide_button.isEnabled() and "always offered" in dialog.hide_button.toolTip()
    assert not dialog.merge_button.isEnabled() and "cannot be merged away" in dialog.merge_button.toolTip()
    dialog.select_name("stiffness")
    assert not dialog.rename_button.isEnabled() and dialog.hide_button.isEnabled()


def test_hide_keeps_the_past_and_stops_offering_the_chip(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window, ListKind.SYMPTOM)
    dialog.select_name("stiffness")
    dialog.hide_button.click()
    qtbot.waitUntil(lambda: "no longer offered" in dialog.result_label.text(), timeout=5_000)
    qtbot.waitUntil(lambda: dialog.hide_button.text() == "Sh&ow again", timeout=5_000)
    assert stored_day(qtbot, window, PAST).symptoms == ("stiffness",)
    assert window.today.form.symptoms.chip("stiffness") is None  # today's blank form no longer offers it

    with qtbot.waitSignal(window.today.dayShown, timeout=5_000):
        window.open_day(PAST)  # a past day that recorded it still shows it ticked
    assert window.today.form.symptoms.checked() == ["stiffness"]

    dialog.hide_button.click()
    qtbot.waitUntil(lambda: "offered again" in dialog.result_label.text(), timeout=5_000)
    assert "stiffness" in {i.name for i in window.session.catalog(CatalogKind.SYMPTOM)}


def test_merge_asks_first_then_backs_up_and_rewrites(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window, ListKind.TRIGGER)
    dialog.select_name("stres")
    asked: list[tuple[str, str]] = []
    dialog.ask_target = lambda source, targets: next(t for t in targets if t.name == "stress")

    def refuse(source: ListEntry, target: ListEntry) -> bool:
        asked.append((source.name, target.name))
        return False

    dialog.confirm_merge = refuse
    dialog.merge_button.click()
    assert asked == [("stres", "stress")]
    assert stored_day(qtbot, window, PAST).triggers == ("stres",)  # cancelled: nothing changed

    dialog.confirm_merge = lambda source, target: True
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: "Merged" in dialog.result_label.text(), timeout=5_000)
    assert "2 days rewritten" in dialog.result_label.text()
    assert stored_day(qtbot, window, PAST).triggers == ("stress",)
    assert stored_day(qtbot, window, EARLIER).triggers == ("stress",)
    # The merge's own copy (a routine start-up copy may also be there on a slow machine).
    assert len([b for b in list_backups(window.session.journal.path) if b.reason == "before-merge"]) == 1
    qtbot.waitUntil(lambda: dialog.model.row_named("stres") is None, timeout=5_000)  # the list is read again


def test_a_refused_name_is_explained_and_nothing_changes(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window, ListKind.MEDICATION)
    told: list[tuple[str, str]] = []
    dialog.tell = lambda title, text: told.append((title, text))
    dialog.select_name("ibuprofen")
    dialog.ask_name = lambda entry: "ibu;profen"
    dialog.rename_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=5_000)
    assert told[0][0] == "Not renamed" and "may not contain ';'" in told[0][1] and "Nothing was changed" in told[0][1]
    assert stored_day(qtbot, window, PAST).medications == ("ibuprofen",)


def test_unsaved_changes_are_settled_before_the_lists_change(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from journal.ui.lists import dialog
    from tests.gui_helpers import answer_next_message_box

    opened: list[object] = []
    monkeypatch.setattr(dialog, "show_manage_lists", lambda session, parent: opened.append(session))
    with qtbot.waitSignal(window.today.dayShown, timeout=5_000):
        window.open_day(PAST)
    window.today.form.notes.setPlainText("typed, not saved")
    assert window.today.is_dirty()

    answer_next_message_box(QMessageBox.StandardButton.Cancel)
    window.manage_lists()
    assert opened == [] and window.today.is_dirty()  # cancelled: the dialog does not open

    answer_next_message_box(QMessageBox.StandardButton.Discard)
    window.manage_lists()
    qtbot.waitUntil(lambda: opened == [window.session], timeout=5_000)  # after the day is read again
    assert not window.today.is_dirty() and window.today.form.notes.toPlainText() == ""
