"""The Guidance tab and the "For today" cards, used as a patient would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.core.day import ActivityMinutes
from journal.core.guidance import CATEGORY_LABELS, MAX_CARDS, Library, load_library
from journal.ui.guidance.install import GuidanceFeature
from journal.ui.guidance.library_view import LibraryView
from journal.ui.guidance.models import CategoryListModel, ItemListModel, KeyRole
from journal.ui.main_window import MainWindow
from tests.gui_helpers import ModalWatcher, close_window


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture
def view(qtbot: QtBot, library: Library) -> LibraryView:
    widget = LibraryView(library)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    """A window on a new journal, closed without questions even after a failed test."""
    from journal.ui.app import create_window

    opened = create_window(db_path, welcome=False)  # not qtbot.addWidget: it would ask "Save?"
    with qtbot.waitSignal(opened.session.opened, timeout=20_000):
        opened.show()
    qtbot.waitUntil(opened.today.isEnabled, timeout=5_000)
    qtbot.waitUntil(lambda: opened.findChild(GuidanceFeature) is not None, timeout=5_000)
    yield opened
    close_window(opened)
    opened.deleteLater()


def _feature(window: MainWindow) -> GuidanceFeature:
    feature = window.findChild(GuidanceFeature, "guidanceFeature")
    assert feature is not None
    return feature


def _titles(view: LibraryView) -> list[str]:
    return [str(view.items.data(view.items.index(row))) for row in range(view.items.rowCount())]


def _click_row(qtbot: QtBot, list_view: object, row: int) -> None:
    index = list_view.model().index(row, 0)  # type: ignore[attr-defined]
    rect = list_view.visualRect(index)  # type: ignore[attr-defined]
    qtbot.mouseClick(list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]


# --- the library tab ----------------------------------------------------------------


def test_library_models_are_sound(qtmodeltester: object, library: Library) -> None:
    categories = CategoryListModel({"exercise": 3})
    qtmodeltester.check(categories)  # type: ignore[attr-defined]
    assert categories.rowCount() == len(CATEGORY_LABELS)
    assert categories.data(categories.index(1), KeyRole) == "exercise"

    items = ItemListModel()
    qtmodeltester.check(items)  # type: ignore[attr-defined]
    items.set_items(library.in_category("exercise"))
    qtmodeltester.check(items)  # type: ignore[attr-defined]
    assert items.rowCount() == len(library.in_category("exercise"))
    assert items.data(items.index(0), KeyRole) == library.in_category("exercise")[0].id
    items.set_items([])
    qtmodeltester.check(items)  # type: ignore[attr-defined]


def test_browsing_a_topic_shows_its_items_and_the_reader_shows_the_source(
    qtbot: QtBot, view: LibraryView, library: Library
) -> None:
    _click_row(qtbot, view.category_list, list(CATEGORY_LABELS).index("exercise"))
    assert _titles(view) == [item.title for item in library.in_category("exercise")]
    assert view.current is not None and view.current.id == "core-strengthening"
    text = view.reader.toPlainText()
    assert "Strengthen your core" in text
    assert "From: Lumbar disc calcification (patient article), Exercise Therapies: Core Strengthening Exercises" in text
    assert ".txt" not in text
    for point in view.current.points:
        assert point in text

    _click_row(qtbot, view.category_list, list(CATEGORY_LABELS).index("when-to-see-a-doctor"))
    assert all(view.items.item_at(row).category == "when-to-see-a-doctor" for row in range(view.items.rowCount()))


def test_reader_shows_cautions_and_hides_did_today_without_an_activity(view: LibraryView) -> None:
    view.show_item("massage-and-manipulation-care")
    assert view.current is not None and view.current.cautions
    assert "Take care" in view.reader.toPlainText()
    assert view.current.cautions[0] in view.reader.toPlainText()
    assert view.did_row.isHidden()
    view.show_item("dos-donts-sitting-breaks")
    assert not view.did_row.isHidden()


def test_search_filters_titles_and_text_as_you_type(qtbot: QtBot, view: LibraryView) -> None:
    qtbot.keyClicks(view.search, "sitting")
    titles = _titles(view)
    assert titles and titles[0] == "Break up long sitting with short walks"  # title matches first
    for row in range(view.items.rowCount()):
        item = view.items.item_at(row)
        assert "sitting" in " ".join((item.title, item.summary, *item.points)).casefold()
    assert "5 topics" in view.list_heading.text() or "topic" in view.list_heading.text()
    assert not view.category_list.selectionModel().hasSelection()

    qtbot.keyClicks(view.search, " zebra")
    assert view.items.rowCount() == 0
    assert "Nothing found" in view.list_heading.text()
    assert view.reader.toPlainText() == ""

    view.search.clear()
    assert view.items.rowCount() > 0
    assert view.category_list.selectionModel().hasSelection()


def test_picking_a_topic_clears_the_search(qtbot: QtBot, view: LibraryView) -> None:
    qtbot.keyClicks(view.search, "heat")
    _click_row(qtbot, view.category_list, list(CATEGORY_LABELS).index("pacing"))
    assert view.search.text() == ""
    assert {view.items.item_at(r).category for r in range(view.items.rowCount())} == {"pacing"}


def test_disclaimer_is_visible_with_the_full_text_one_click_away(qtbot: QtBot, view: LibraryView, library: Library) -> None:
    assert view.disclaimer_note.isVisible()
    assert library.disclaimer.short in view.disclaimer_note.text()
    watcher = ModalWatcher()
    try:
        view.disclaimer_note.linkActivated.emit("#disclaimer")
    finally:
        watcher.stop()
    assert watcher.messages and "not medical advice" in watcher.messages[0]


# --- in the window --------------------------------------------------------------------


def test_i_did_this_today_adds_minutes_to_today_unsaved(qtbot: QtBot, window: MainWindow) -> None:
    feature = _feature(window)
    feature.open_item("dos-donts-sitting-breaks")
    view = feature.library_view
    assert window.tabs.currentWidget() is feature.library_tab
    view.minutes.selectAll()
    qtbot.keyClicks(view.minutes.lineEdit(), "20")
    qtbot.mouseClick(view.did_button, Qt.MouseButton.LeftButton)

    assert window.tabs.currentWidget() is window.today
    assert window.today.date == dt.date.today()
    assert window.today.form.activities.value() == (ActivityMinutes("walking", 20),)
    assert window.today.is_dirty()
    assert "press Save" in window.statusBar().currentMessage()

    feature.open_item("aerobic-conditioning")  # also walking: the minutes add up
    assert feature.library_view.minutes.value() == 20  # the last amount is kept
    qtbot.mouseClick(feature.library_view.did_button, Qt.MouseButton.LeftButton)
    assert window.today.form.activities.value() == (ActivityMinutes("walking", 40),)


def test_cards_after_saving_a_day_with_prolonged_sitting(qtbot: QtBot, window: MainWindow) -> None:
    feature = _feature(window)
    form = window.today.form
    assert not feature.cards.isVisible()
    form.back_pain.setFocus()
    qtbot.keyClick(form.back_pain, Qt.Key.Key_5)
    qtbot.mouseClick(form.triggers.chip("prolonged sitting"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.symptoms.chip("stiffness"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.triggers.chip("poor sleep"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.today, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: feature.cards.isVisible(), timeout=5_000)
    cards = feature.cards.cards
    assert 1 <= len(cards) <= MAX_CARDS
    ids = [card.item_id for card in cards]
    assert "dos-donts-sitting-breaks" in ids
    sitting = cards[ids.index("dos-donts-sitting-breaks")]
    assert "Because you logged: prolonged sitting" in sitting.description()
    for card in cards:
        assert card.accessibleName().startswith("Suggested reading: ")
        assert card.focusPolicy() & Qt.FocusPolicy.TabFocus

    sitting.setFocus()  # keyboard: focus the card and press Space
    qtbot.keyClick(sitting, Qt.Key.Key_Space)
    assert window.tabs.currentWidget() is feature.library_tab
    assert feature.library_view.current is not None
    assert feature.library_view.current.id == "dos-donts-sitting-breaks"

    window.tabs.setCurrentWidget(window.today)
    qtbot.mouseClick(cards[0], Qt.MouseButton.LeftButton)
    assert feature.library_view.current is not None
    assert feature.library_view.current.id == cards[0].item_id

    window.today.step_day(-1)  # another day: the cards were for the saved day only
    assert not feature.cards.isVisible() and feature.cards.cards == []
