"""What helped in Today: one key press ticks and rates relief or a medication; it is saved and shown again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.core.day import DayEntry, ReliefUse
from journal.core.lists import ListKind
from journal.storage.journal import Journal
from journal.ui.lists.dialog import ManageListsDialog
from tests.gui_helpers import close_window, open_window, stored_day


@pytest.mark.slow
def test_one_key_press_ticks_and_rates_and_the_ratings_are_saved(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    form = window.today.form
    form.more.set_open(True)
    qtbot.keyClick(form.back_pain, Qt.Key.Key_6)
    heat, rest = form.relief.chips.chip("heat"), form.relief.chips.chip("rest")
    assert heat is not None and rest is not None
    heat.setFocus()
    qtbot.keyClick(heat, Qt.Key.Key_2)
    assert heat.isChecked() and heat.text() == "heat · a lot"
    qtbot.keyClick(rest, Qt.Key.Key_Space)  # ticked, not rated
    qtbot.keyClick(rest, Qt.Key.Key_0)
    qtbot.keyClick(rest, Qt.Key.Key_Delete)  # the rating comes off, the tick stays
    assert rest.isChecked() and rest.text() == "rest"
    qtbot.keyClicks(form.medications.entry, "ibuprofen")
    qtbot.keyClick(form.medications.entry, Qt.Key.Key_Return)
    pill = form.medications.chips.chip("ibuprofen")
    assert pill is not None
    qtbot.keyClick(pill, Qt.Key.Key_1)
    assert form.entry().relief == (ReliefUse("heat", 2), ReliefUse("rest"))
    assert form.entry().medication_helped == (("ibuprofen", 1),)
    assert window.today.is_dirty()
    with qtbot.waitSignal(window.today.saved, timeout=10_000):
        qtbot.keyClick(window.today, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    close_window(window)

    reopened = open_window(qtbot, db_path)
    entry = reopened.today.form.entry()
    assert entry.date == dt.date.today()
    assert entry.relief == (ReliefUse("heat", 2), ReliefUse("rest"))
    assert entry.medication_helped == (("ibuprofen", 1),)
    chip = reopened.today.form.relief.chips.chip("heat")
    assert chip is not None and chip.text() == "heat · a lot"
    close_window(reopened)


def test_pressing_the_same_number_again_takes_the_rating_off(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    form = window.today.form
    form.more.set_open(True)
    tens = form.relief.chips.chip("TENS")
    assert tens is not None
    qtbot.keyClick(tens, Qt.Key.Key_1)
    assert form.relief.value() == (ReliefUse("TENS", 1),)
    qtbot.keyClick(tens, Qt.Key.Key_1)
    assert form.relief.value() == (ReliefUse("TENS"),)
    qtbot.keyClick(tens, Qt.Key.Key_Space)
    assert form.relief.value() == ()
    close_window(window)


@pytest.mark.slow
def test_manage_lists_moves_an_own_trigger_to_what_helped(qtbot: QtBot, db_path: Path) -> None:
    past = dt.date.today() - dt.timedelta(days=2)
    journal = Journal.open(db_path)
    journal.import_days([DayEntry(date=past, back_pain=7, triggers=("hot bath", "lifting"))])
    journal.close()
    window = open_window(qtbot, db_path)
    dialog = ManageListsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show_list(ListKind.TRIGGER)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0 and not window.session.tasks.busy, timeout=5_000)
    dialog.select_name("lifting")
    assert not dialog.move_button.isEnabled()  # built in
    dialog.select_name("hot bath")
    assert dialog.move_button.isEnabled() and dialog.move_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Moved “hot bath”" in dialog.result_label.text(), timeout=10_000)
    qtbot.waitUntil(lambda: window.today.form.relief.chips.chip("hot bath") is not None, timeout=5_000)
    assert window.today.form.triggers.chip("hot bath") is None
    stored = stored_day(qtbot, window, past)
    assert stored is not None and stored.relief == (ReliefUse("hot bath"),) and stored.triggers == ("lifting",)
    dialog.show_list(ListKind.ACTIVITY)
    qtbot.waitUntil(lambda: dialog.kind is ListKind.ACTIVITY and not window.session.tasks.busy, timeout=5_000)
    assert not dialog.move_button.isVisibleTo(dialog)
    dialog.close()
    close_window(window)
