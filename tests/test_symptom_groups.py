"""Today's Symptoms: ordinary symptoms first, warning signs in their own group one key press away."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.core.about_you import OFFERED_WITH, STRAIN, AboutYou
from journal.core.catalog import CatalogKind, Urgency, default_catalog, name_key
from journal.storage.journal import Journal
from journal.ui.main_window import MainWindow
from journal.ui.today.form import DayForm
from tests.gui_helpers import RedFlagWatcher
from tests.test_red_flags_ui import Asked, _fill_pain, _open, _save, modals, opened  # noqa: F401

SIGNS = [i.name for i in default_catalog() if i.kind is CatalogKind.SYMPTOM and i.urgency is not Urgency.NONE]
ORDINARY = [i.name for i in default_catalog() if i.kind is CatalogKind.SYMPTOM and i.urgency is Urgency.NONE]


def _form(qtbot: QtBot, about: AboutYou | None = None) -> DayForm:
    form = DayForm()
    form.set_about(about)
    qtbot.addWidget(form)
    form.resize(1280, 800)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_ordinary_symptoms_come_first_and_the_signs_start_closed(qtbot: QtBot) -> None:
    form = _form(qtbot)
    chips = form.symptoms
    assert chips.ordinary.names() == ORDINARY
    assert chips.warning.names() == [s for s in SIGNS if name_key(s) not in OFFERED_WITH]
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
    # A sign offered only with an About-you answer is reached by someone who gave it.
    answer = OFFERED_WITH.get(name_key(sign))
    form = _form(qtbot, AboutYou(**{answer: True}) if answer else None)
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
    modals: RedFlagWatcher,  # noqa: F811
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


def test_the_strain_sign_is_offered_only_with_osteoporosis_or_steroids(qtbot: QtBot) -> None:
    import datetime as dt

    from journal.core.day import DayEntry

    day = dt.date(2026, 1, 5)
    form = _form(qtbot)
    form.set_entry(day, DayEntry(date=day, back_pain=5))
    assert STRAIN in SIGNS and form.symptoms.chip(STRAIN) is None
    assert form.symptoms.chip("leg weakness") is not None
    form.set_about(AboutYou(cancer_history=True))
    assert form.symptoms.chip(STRAIN) is None
    form.set_about(AboutYou(osteoporosis_or_steroids=True))
    chip = form.symptoms.chip(STRAIN)
    assert chip is not None
    qtbot.mouseClick(form.symptoms.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(chip.isVisible)
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert STRAIN in form.entry().symptoms
    form.set_about(AboutYou())  # answer taken back: the sign marked on this day stays
    chip = form.symptoms.chip(STRAIN)
    assert chip is not None and chip.isChecked() and STRAIN in form.entry().symptoms


def test_a_day_with_the_strain_sign_marked_always_shows_it(qtbot: QtBot) -> None:
    import datetime as dt

    from journal.core.day import DayEntry

    form = _form(qtbot)  # nothing said in About you
    marked, plain = dt.date(2026, 1, 5), dt.date(2026, 1, 6)
    form.set_entry(marked, DayEntry(date=marked, back_pain=5, symptoms=(STRAIN,)))
    chip = form.symptoms.chip(STRAIN)
    assert chip is not None and chip.isChecked() and form.symptoms.is_open()
    assert STRAIN in form.entry().symptoms
    form.set_entry(plain, DayEntry(date=plain, back_pain=5))  # another day: not offered again
    assert form.symptoms.chip(STRAIN) is None and form.entry().symptoms == ()
    form.set_entry(marked, DayEntry(date=marked, back_pain=5, symptoms=(STRAIN,)))
    assert form.symptoms.chip(STRAIN) is not None


NOTE = "coughed and felt something go in my back, agony"


@pytest.mark.parametrize("osteoporosis", [False, True])
def test_a_note_asks_about_the_strain_sign_only_with_osteoporosis_or_steroids(
    qtbot: QtBot,
    db_path: Path,
    modals: RedFlagWatcher,  # noqa: F811
    opened: list[MainWindow],  # noqa: F811
    osteoporosis: bool,
) -> None:
    window = _open(qtbot, db_path)
    opened.append(window)
    if osteoporosis:
        with qtbot.waitSignal(window.session.changed, timeout=5_000):
            window.session.save_about_you(AboutYou(osteoporosis_or_steroids=True))
    chips = window.today.form.symptoms
    assert (chips.chip(STRAIN) is not None) is osteoporosis
    asked = Asked(answer=True)
    window.today.words.ask = asked
    _fill_pain(qtbot, window)
    qtbot.keyClicks(window.today.form.notes, NOTE)
    _save(qtbot, window)
    assert asked.questions == ([(STRAIN, NOTE)] if osteoporosis else [])
    assert (STRAIN in window.today.form.entry().symptoms) is osteoporosis
