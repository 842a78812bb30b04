"""The fields folded into "More" are built when first opened, not before Today is ready.

Folded, they are not on the first screen; until they are built the form keeps the
day's values for them, so what is saved, undone or compared for unsaved changes is
the same either way.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.core import clock
from journal.core.day import DayEntry, ReliefUse
from journal.storage.journal import Journal
from journal.ui.today.more import OPEN_KEY, open_settings
from tests.gui_helpers import close_window, open_window, save_and_wait, stored_day


def _day(date: dt.date) -> DayEntry:
    return DayEntry(
        date=date,
        back_pain=4,
        leg_pain=2,
        morning_stiffness_min=20,
        sleep_hours=6.5,
        sleep_quality=3,
        stress=7,
        interference_enjoyment=5,
        interference_activity=6,
        triggers=("lifting",),
        medications=("ibuprofen",),
        medication_helped=(("ibuprofen", 1),),
        notes="stiff on the stairs",
        questions="is swimming all right?",
        relief=(ReliefUse("heat", 2),),
    )


def _journal_with_today(db_path: Path) -> dt.date:
    """A journal holding today, every field filled; "More" left folded (as on a first start)."""
    today = clock.today()
    journal = Journal.open(db_path)
    journal.save_day(_day(today))
    journal.close()
    open_settings().setValue(OPEN_KEY, False)  # Qt's settings outlive a test's private home
    return today


def test_folded_more_is_built_on_first_opening_and_keeps_the_day(qtbot: QtBot, db_path: Path) -> None:
    today = _journal_with_today(db_path)

    window = open_window(qtbot, db_path)
    form = window.today.form
    assert not form.more.is_open()
    assert not form.more_built  # ready without the folded fields
    assert form.more.toggle in form.focus_chain()
    assert form.entry() == _day(today)  # their values are kept all the same
    assert not window.today.is_dirty()

    form.back_pain.setFocus()
    qtbot.keyClick(form.back_pain, Qt.Key.Key_6)  # a change outside "More" while it is folded
    assert form.entry().back_pain == 6
    assert form.entry().notes == "stiff on the stairs"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget() or form, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: form.more_built and form.more.body.isVisible(), timeout=5_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.stiffness, timeout=5_000)
    assert form.stiffness.value() == 20
    assert form.sleep_hours.value() == 6.5
    assert (form.sleep_quality.value(), form.stress.value()) == (3, 7)
    assert (form.enjoyment.value(), form.activity.value()) == (5, 6)
    assert form.medications.value() == ("ibuprofen",)
    assert form.medications.helped() == (("ibuprofen", 1),)
    assert form.relief.value() == (ReliefUse("heat", 2),)
    assert (form.notes.toPlainText(), form.questions.toPlainText()) == ("stiff on the stairs", "is swimming all right?")
    assert "PEG score" in form.peg.text() and "5.7" in form.peg.text()
    chain = form.focus_chain()
    assert chain.index(form.more.toggle) < chain.index(form.stiffness) < chain.index(form.questions)

    qtbot.keyClick(form.notes, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.notes, " again")
    assert save_and_wait(qtbot, window)
    saved = stored_day(qtbot, window, today)
    assert saved is not None
    assert (saved.back_pain, saved.notes, saved.relief) == (6, "stiff on the stairs again", (ReliefUse("heat", 2),))
    close_window(window)


def test_a_folded_day_saves_its_hidden_fields_unchanged(qtbot: QtBot, db_path: Path) -> None:
    today = _journal_with_today(db_path)

    window = open_window(qtbot, db_path)
    form = window.today.form
    form.back_pain.setFocus()
    qtbot.keyClick(form.back_pain, Qt.Key.Key_3)
    assert save_and_wait(qtbot, window)
    assert not form.more_built
    saved = stored_day(qtbot, window, today)
    assert saved == dataclasses.replace(_day(today), back_pain=3)  # every folded field as it was
    close_window(window)


def test_medication_names_are_read_after_opening_and_reach_the_form(qtbot: QtBot, db_path: Path) -> None:
    from journal.app.opening import open_journal

    today = _journal_with_today(db_path)
    journal = Journal.open(db_path)
    journal.save_day(DayEntry(date=today - dt.timedelta(days=3), back_pain=5, medications=("paracetamol",)))
    journal.close()
    opened = open_journal(db_path, medication_names=False)
    assert opened.medications == []  # the first screen does not wait for them
    opened.journal.close()

    window = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: "paracetamol" in window.session.medication_names(), timeout=10_000)
    form = window.today.form
    assert not form.more_built
    form.more.set_open(True)
    assert form.medications.chips.chip("paracetamol") is not None  # offered, not ticked
    assert form.medications.value() == ("ibuprofen",)
    close_window(window)
