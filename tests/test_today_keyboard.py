"""Today by keyboard alone: where the focus starts, where Tab goes, and how many keys a day takes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.core.day import ActivityMinutes, DayEntry, ReliefUse
from journal.storage.journal import Journal
from journal.ui.main_window import MainWindow
from journal.ui.reminders.sitting_button import SittingButton
from journal.ui.widgets.chips import ChipGroup
from tests.gui_helpers import close_window, open_window, stored_day

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Keyboard:
    """Presses keys on whatever has the focus, counting every press (a chord such as Alt+A is one)."""

    def __init__(self, qtbot: QtBot) -> None:
        self.presses = 0
        self._qtbot = qtbot

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        before = self.focused()
        QTest.keyClick(before, key, modifier)
        self.presses += 1
        if modifier & Qt.KeyboardModifier.AltModifier:
            # Alt+letter moves the focus; a button's "clicks" it after a short animation.
            self._qtbot.waitUntil(lambda: QApplication.focusWidget() is not before, timeout=5_000)

    def type(self, text: str) -> None:
        for character in text:
            QTest.keyClicks(self.focused(), character)
            self.presses += 1
            QApplication.processEvents()


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)


def test_focus_starts_on_back_pain(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _active(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.today.form.back_pain, timeout=5_000)
    window.show_history()
    assert QApplication.focusWidget() is not window.today.form.back_pain
    window.tabs.setCurrentWidget(window.today)
    assert QApplication.focusWidget() is window.today.form.back_pain
    close_window(window)


def test_the_typical_day_takes_at_most_40_key_presses(qtbot: QtBot, db_path: Path) -> None:
    """The issue's typical day: two pains, two places, stiffness, sleep, four scales,
    one activity, one trigger, one symptom, one medication; then save.

    The patient has logged before (a fortnight ago, with a heat pack), as on any
    ordinary day: the medication is offered as a chip. Nothing is copied from that day.
    """
    earlier = Journal.open(db_path)
    earlier.save_day(DayEntry(date=dt.date.today() - dt.timedelta(days=14), back_pain=4, medications=("heat pack",)))
    earlier.close()
    window = open_window(qtbot, db_path)
    _active(qtbot, window)
    form = window.today.form
    keys = Keyboard(qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.back_pain, timeout=5_000)

    keys.type("6")  # back pain
    keys.press(Qt.Key.Key_Tab)
    keys.type("3")  # leg pain
    keys.press(Qt.Key.Key_Tab)  # the body map: lower back, left has the focus
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Space)  # lower back, centre
    keys.press(Qt.Key.Key_Down)  # buttock, left
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)  # thigh, left
    keys.press(Qt.Key.Key_C, ALT)  # + Add activity: the new row's name has the focus
    keys.type("w")  # completes to "walking"
    keys.press(Qt.Key.Key_Tab)
    keys.type("30")
    keys.press(Qt.Key.Key_A, ALT)  # "Anything that seemed to make it worse?"
    keys.press(Qt.Key.Key_Space)  # prolonged sitting
    keys.press(Qt.Key.Key_S, ALT)  # Symptoms
    keys.press(Qt.Key.Key_Space)  # stiffness
    keys.press(Qt.Key.Key_M, ALT)  # More opens, on morning stiffness
    keys.type("20")
    keys.press(Qt.Key.Key_Tab)
    keys.type("7")  # hours slept
    for score in "5465":  # sleep quality, mood, enjoyment, general activity
        keys.press(Qt.Key.Key_Tab)
        keys.type(score)
    keys.press(Qt.Key.Key_K, ALT)  # Medications taken: the chips, "heat pack"
    keys.press(Qt.Key.Key_Space)
    with qtbot.waitSignal(window.today.saved, timeout=10_000):
        keys.press(Qt.Key.Key_S, CTRL)

    saved = stored_day(qtbot, window, dt.date.today())
    assert saved is not None, "the day was not saved"
    assert (saved.back_pain, saved.leg_pain) == (6, 3)
    assert saved.pain_locations == {"lower_back_centre", "thigh_left"}
    assert saved.activities == (ActivityMinutes("walking", 30),)
    assert saved.triggers == ("prolonged sitting",)
    assert saved.symptoms == ("stiffness",)
    assert (saved.morning_stiffness_min, saved.sleep_hours) == (20, 7.0)
    assert (saved.sleep_quality, saved.stress, saved.interference_enjoyment, saved.interference_activity) == (5, 4, 6, 5)
    assert saved.medications == ("heat pack",)
    print(f"the typical day took {keys.presses} key presses")
    assert keys.presses <= 40, keys.presses
    close_window(window)


def test_a_brand_new_journal_takes_at_most_40_key_presses(qtbot: QtBot, db_path: Path) -> None:
    """The typical day on a journal with no day before it and the built-in lists:
    two pains, two places, stiffness, sleep, four scales, one activity, one trigger,
    what helped (heat, a lot), a note; then save.

    Nothing was typed before, so there is no medication chip: heat is self-care, a
    built-in "What helped" chip that comes straight after the scales, one key to rate.
    """
    window = open_window(qtbot, db_path)
    _active(qtbot, window)
    form = window.today.form
    keys = Keyboard(qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.back_pain, timeout=5_000)
    assert form.medications.chips.checked() == [] and not form.medications.chips.chips()

    keys.type("6")  # back pain
    keys.press(Qt.Key.Key_Tab)
    keys.type("3")  # leg pain
    keys.press(Qt.Key.Key_Tab)  # the body map: lower back, left has the focus
    keys.press(Qt.Key.Key_Right)
    keys.press(Qt.Key.Key_Space)  # lower back, centre
    keys.press(Qt.Key.Key_Down)  # buttock, left
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Space)  # thigh, left
    keys.press(Qt.Key.Key_C, ALT)  # + Add activity
    keys.type("w")  # completes to "walking" from the built-in list
    keys.press(Qt.Key.Key_Tab)
    keys.type("30")
    keys.press(Qt.Key.Key_A, ALT)
    keys.press(Qt.Key.Key_Space)  # prolonged sitting
    keys.press(Qt.Key.Key_S, ALT)
    keys.press(Qt.Key.Key_Space)  # stiffness
    keys.press(Qt.Key.Key_M, ALT)  # More opens, on morning stiffness
    keys.type("20")
    keys.press(Qt.Key.Key_Tab)
    keys.type("7")  # hours slept
    for score in "5465":  # sleep quality, mood, enjoyment, general activity
        keys.press(Qt.Key.Key_Tab)
        keys.type(score)
    keys.press(Qt.Key.Key_Tab)  # What helped: "heat"
    keys.type("2")  # ticked, and it helped a lot
    keys.press(Qt.Key.Key_N, ALT)  # Notes
    keys.type("tired")
    with qtbot.waitSignal(window.today.saved, timeout=10_000):
        keys.press(Qt.Key.Key_S, CTRL)

    saved = stored_day(qtbot, window, dt.date.today())
    assert saved is not None, "the day was not saved"
    assert (saved.back_pain, saved.leg_pain) == (6, 3)
    assert saved.pain_locations == {"lower_back_centre", "thigh_left"}
    assert saved.activities == (ActivityMinutes("walking", 30),)
    assert saved.triggers == ("prolonged sitting",)
    assert saved.symptoms == ("stiffness",)
    assert (saved.morning_stiffness_min, saved.sleep_hours) == (20, 7.0)
    assert (saved.sleep_quality, saved.stress, saved.interference_enjoyment, saved.interference_activity) == (5, 4, 6, 5)
    assert saved.relief == (ReliefUse("heat", 2),)
    assert saved.medications == ()
    assert saved.notes == "tired"
    print(f"the typical day on a new journal took {keys.presses} key presses")
    assert keys.presses <= 40, keys.presses
    close_window(window)


def _tab_walk(start: QWidget, stop: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until ``stop`` (both included)."""
    seen = [start]
    while seen[-1] is not stop and len(seen) < limit:
        QTest.keyClick(seen[-1], Qt.Key.Key_Tab)
        seen.append(Keyboard.focused())
    return seen


def test_tab_follows_the_screen_with_each_add_beside_its_chips(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: window.companion is not None, timeout=20_000)  # its button joins the date bar
    _active(qtbot, window)
    today = window.today
    form = today.form
    form.more.set_open(True)
    form.activities.add_row(focus=False)
    QApplication.processEvents()  # a row added to a shown list is shown on the next event loop turn
    today.date_edit.setFocus()
    walk = _tab_walk(today.date_edit, today.save_button)
    assert walk[-1] is today.save_button, "Tab never reached Save"

    def at(widget: QWidget) -> int:
        assert widget in walk, widget
        return walk.index(widget)

    row = form.activities.rows()[0]
    order = [
        today.date_edit,
        today.same_button,
        next(w for w in today.findChildren(SittingButton)),
        form.back_pain,
        form.leg_pain,
        form.body_map,
        row.name,
        row.minutes,
        form.activities.add_button,
        form.triggers.chips()[0],
        form.triggers.add_button,
        form.symptoms.chips()[0],
        form.symptoms.add_button,
        form.more.toggle,
        form.stiffness,
        form.sleep_hours,
        form.sleep_quality,
        form.stress,
        form.enjoyment,
        form.activity,
        form.relief.chips.chips()[0],
        form.relief.chips.add_button,
        form.medications.entry,
        form.notes,
        form.questions,
        today.save_button,
    ]
    positions = [at(w) for w in order]
    assert positions == sorted(positions)
    assert walk.count(today.date_edit) == 1  # Tab leaves the date at once (not part by part)
    # One tab stop per set of chips (and of places): arrows move inside. Triggers,
    # symptoms and what helped (schema 7) each have chips here.
    assert sum(isinstance(w.parentWidget(), ChipGroup) and w.objectName() == "chip" for w in walk) == 3
    assert walk.count(form.body_map) == 1
    close_window(window)
