"""After Save the patient sees what it did: the words beside Save, the cards and notices in view."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from journal.ui.guidance.install import GuidanceFeature
from journal.ui.main_window import MainWindow
from tests.gui_helpers import close_window


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    from journal.ui.app import create_window

    opened = create_window(db_path, welcome=False)
    opened.resize(1280, 800)
    with qtbot.waitSignal(opened.session.opened, timeout=20_000):
        opened.show()
    qtbot.waitUntil(opened.today.isEnabled, timeout=5_000)
    qtbot.waitUntil(lambda: opened.findChild(GuidanceFeature) is not None, timeout=5_000)
    yield opened
    close_window(opened)
    opened.deleteLater()


def feature(window: MainWindow) -> GuidanceFeature:
    found = window.findChild(GuidanceFeature, "guidanceFeature")
    assert found is not None
    return found


def in_view(window: MainWindow, widget: QWidget) -> bool:
    """True when the whole of ``widget`` shows inside Today's scrolled area."""
    viewport = window.today._scroll.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return QRect(QPoint(0, 0), viewport.size()).contains(QRect(top_left, widget.size()))


def fill_and_save(qtbot: QtBot, window: MainWindow) -> None:
    form = window.today.form
    form.back_pain.setFocus()
    qtbot.keyClick(form.back_pain, Qt.Key.Key_5)
    qtbot.mouseClick(form.triggers.chip("prolonged sitting"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.triggers.chip("poor sleep"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.today, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.slow
def test_after_save_the_cards_are_in_view_and_save_says_so(qtbot: QtBot, window: MainWindow) -> None:
    cards = feature(window).cards
    fill_and_save(qtbot, window)
    qtbot.waitUntil(lambda: cards.isVisible() and bool(cards.cards), timeout=5_000)
    qtbot.waitUntil(lambda: in_view(window, cards), timeout=5_000)
    assert window.today.state_label.text().startswith("✓ Saved at ")


@pytest.mark.slow
def test_the_status_bar_never_says_saved_beside_unsaved_changes(qtbot: QtBot, window: MainWindow) -> None:
    fill_and_save(qtbot, window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Saved"), timeout=5_000)
    form = window.today.form
    form.back_pain.setFocus()
    qtbot.keyClick(form.back_pain, Qt.Key.Key_7)
    assert window.today.state_label.text() == "Unsaved changes"
    assert not window.statusBar().currentMessage().startswith("Saved")


@pytest.mark.slow
def test_cards_from_before_an_urgent_sign_go_as_soon_as_it_is_ticked(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.ui.red_flags import RedFlagDialog

    monkeypatch.setattr(RedFlagDialog, "exec", lambda self: 0)  # nobody is there to press "I understand"
    cards = feature(window).cards
    fill_and_save(qtbot, window)
    qtbot.waitUntil(lambda: bool(cards.cards), timeout=5_000)
    chip = window.today.form.symptoms.chip("loss of bladder or bowel control")
    assert chip is not None
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert cards.cards == [] and not cards.isVisible()
