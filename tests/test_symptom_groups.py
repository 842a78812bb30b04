"""Today's Symptoms: ordinary symptoms first, warning signs in their own group one key press away."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.core.catalog import CatalogKind, Urgency, default_catalog
from journal.storage.journal import Journal
from journal.ui.main_window import MainWindow
from journal.ui.today.form import DayForm
from tests.test_red_flags_ui import ModalWatcher, _fill_pain, _open, _save, modals, opened  # noqa: F401

SIGNS = [i.name for i in default_catalog() if i.kind is CatalogKind.SYMPTOM and i.urgency is not Urgency.NONE]
ORDINARY = [i.name for i in default_catalog() if i.kind is CatalogKind.SYMPTOM and i.urgency is Urgency.NONE]


def _form(qtbot: QtBot) -> DayForm:
    form = DayForm()
    qtbot.addWidget(form)
    form.resize(1280, 800)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_ordinary_symptoms_come_first_and_the_signs_start_closed(qtbot: QtBot) -> None:
    form = _form(qtbot)
    chips = form.symptoms
    assert chips.ordinary.names() == ORDINARY
    assert chips.warning.names() == SIGNS
    assert not chips.is_open() and not chips.section.isVisible()
    assert all(not chip.isVisible() for chip in chips.warning.chips())
    assert "Warning signs" in chips.toggle.text()


def test_one_key_press_after_add_opens_the_signs(qtbot: QtBot) -> None:
    form = _form(qtbot)
    chips = form.symptoms
    chain = form.focus_chain()
    assert chain[chain.index(chips.add_button) + 1] is chips.toggle
    chips.toggle.setFocus()
    qtbot.keyClick(chips.toggle, Qt.Key.Key_Space)
    qtbot.waitUntil(chips.section.isVisible)
    assert all(chip.isVisible() for chip in chips.warning.chips())


@pytest.mark.parametrize("sign", SIGNS)
def test_every_warning_sign_is_reachable_and_marks_the_day(qtbot: QtBot, sign: str) -> None:
    form = _form(qtbot)
    chips = form.symptoms
    qtbot.mouseClick(chips.toggle, Qt.MouseButton.LeftButton)  # one click
    chip = chips.chip(sign)
    assert chip is not None
    qtbot.waitUntil(chip.isVisible)
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert sign in form.entry().symptoms
    # A marked sign keeps its group open: a second click on the title does not hide it.
    qtbot.mouseClick(chips.toggle, Qt.MouseButton.LeftButton)
    assert chips.is_open() and chip.isVisible()


def test_a_day_with_a_sign_opens_with_the_group_open(qtbot: QtBot) -> None:
    import datetime as dt

    from journal.core.day import DayEntry

    form = _form(qtbot)
    day = dt.date(2026, 1, 5)
    form.set_entry(day, DayEntry(date=day, back_pain=5, symptoms=(SIGNS[0],)))
    assert form.symptoms.is_open()
    form.set_entry(day, DayEntry(date=day, back_pain=5, symptoms=("stiffness",)))
    assert form.symptoms.warning.checked() == []


def test_a_marked_sign_is_saved_with_the_day(
    qtbot: QtBot,
    db_path: Path,
    modals: ModalWatcher,  # noqa: F811
    opened: list[MainWindow],  # noqa: F811
) -> None:
    window = _open(qtbot, db_path)
    opened.append(window)
    _fill_pain(qtbot, window)
    chips = window.today.form.symptoms
    qtbot.mouseClick(chips.toggle, Qt.MouseButton.LeftButton)
    sign = "pain in the upper back or between the shoulder blades"
    chip = chips.chip(sign)
    assert chip is not None
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    _save(qtbot, window)
    journal = Journal.open(db_path)
    try:
        day = journal.day(window.today.date)
        assert day is not None and sign in day.symptoms
    finally:
        journal.close()
