"""Today fits the screen: the daily core in view at 1280×800 without scrolling (with a
warning banner and cards too), the rest in a remembered "More", usable down to 800×600."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.ui.guidance.notices import NoticePanel
from journal.ui.main_window import LazyTab, MainWindow
from journal.ui.today.more import MoreSection
from tests.gui_helpers import close_window, open_window, save_and_wait, settle_layouts


def core_widgets(window: MainWindow) -> dict[str, QWidget]:
    """Every control of the daily core, by a readable name."""
    form = window.today.form
    found: dict[str, QWidget] = {"back pain": form.back_pain, "leg pain": form.leg_pain}
    found["where it hurts"] = form.body_map
    found["add activity"] = form.activities.add_button
    for group, name in ((form.triggers, "trigger"), (form.symptoms.ordinary, "symptom")):
        found |= {f"{name} {chip.text()}": chip for chip in group.chips()}
        found[f"add {name}"] = group.add_button
    # The warning signs sit in their own group, opened by its title (tests/test_symptom_groups.py).
    found["warning signs"] = form.symptoms.toggle
    return found


def hidden_parts(window: MainWindow) -> list[str]:
    """Core controls not wholly inside the form's visible viewport (or Save outside the window)."""
    viewport = window.today._scroll.viewport()
    hidden = []
    for name, widget in core_widgets(window).items():
        rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
        if not widget.isVisible() or not viewport.rect().contains(rect):
            hidden.append(name)
    save = window.today.save_button
    if not window.rect().contains(QRect(save.mapTo(window, QPoint(0, 0)), save.size())):
        hidden.append("save")
    return hidden


def _at(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size().width() == width and window.size().height() == height, timeout=5_000)
    settle_layouts()


def test_the_daily_core_is_in_view_at_1280_by_800(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _at(qtbot, window, 1280, 800)
    window.today.form.more.set_open(True)  # open or folded, the core comes first
    settle_layouts()
    assert window.today._scroll.verticalScrollBar().value() == 0
    assert hidden_parts(window) == []
    assert window.today.form.columns == 2
    close_window(window)


def test_a_day_with_two_activities_still_fits(qtbot: QtBot, db_path: Path) -> None:
    """A typical logged day (two activities) keeps the whole core, its rows included, in view,
    with the sample data's banner above it."""
    from journal.core.day import ActivityMinutes

    window = open_window(qtbot, None, demo=True)
    _at(qtbot, window, 1280, 800)
    today = window.today
    activities = (ActivityMinutes("sitting", 375), ActivityMinutes("walking", 45))
    today.form.set_entry(dt.date.today(), DayEntry(date=dt.date.today(), back_pain=3, activities=activities))
    settle_layouts()
    rows = today.form.activities.rows()
    assert len(rows) == 2
    viewport = today._scroll.viewport()
    for row in rows:
        rect = QRect(row.minutes.mapTo(viewport, QPoint(0, 0)), row.minutes.size())
        assert viewport.rect().contains(rect)
    assert hidden_parts(window) == []
    close_window(window)


def test_warning_banner_and_cards_never_push_warning_signs_out_of_view(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: window.export_dialog is not None or window.data_safety is not None, timeout=20_000)
    _at(qtbot, window, 1280, 800)
    today = window.today
    urgencies = window.session.urgencies()
    signs = [name for name in today.form.symptoms.names() if urgencies.get(name.casefold()) is not Urgency.NONE]
    urgent = next(n for n in signs if urgencies.get(n.casefold()) is Urgency.URGENT)
    soon = next(n for n in signs if urgencies.get(n.casefold()) is Urgency.SOON)
    entry = DayEntry(date=dt.date.today(), back_pain=8, leg_pain=7, symptoms=(urgent, soon), triggers=("lifting",))
    today.mark_warned(entry.date, entry.symptoms)  # the warning dialog was seen; the banner stays
    today.form.set_entry(entry.date, entry)
    assert save_and_wait(qtbot, window)
    qtbot.waitUntil(lambda: today.red_flag_banner.isVisible() and today.cards_area.height() > 0, timeout=5_000)
    settle_layouts()
    assert today.red_flag_banner.isVisible()
    assert any(notice.isVisible() for notice in window.findChildren(NoticePanel)), "no notice to test with"
    assert today.cards_area.isVisible() and today.cards_area.height() > 0, "no cards to test with"
    assert hidden_parts(window) == []
    close_window(window)


def test_the_window_works_at_800_by_600(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    qtbot.waitUntil(lambda: window.export_dialog is not None or window.data_safety is not None, timeout=20_000)
    for index in range(window.tabs.count()):  # every tab built: each adds its own minimum
        widget = window.tabs.widget(index)
        if isinstance(widget, LazyTab):
            widget.build()
    QApplication.processEvents()
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert minimum.width() <= 800 and minimum.height() <= 600, minimum
    _at(qtbot, window, 800, 600)
    form = window.today.form
    assert form.columns == 1
    assert form.width() <= window.today._scroll.viewport().width()  # no sideways scrolling
    # Each control of the core can be scrolled into view.
    for name, widget in core_widgets(window).items():
        window.today._scroll.ensureWidgetVisible(widget)
        viewport = window.today._scroll.viewport()
        assert viewport.rect().contains(QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())), name
    close_window(window)


def test_spin_boxes_are_sized_to_their_content(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _at(qtbot, window, 1280, 800)
    form = window.today.form
    form.more.set_open(True)
    form.activities.add_row(focus=False)
    settle_layouts()
    row = form.activities.rows()[0]
    for spin in (form.stiffness, form.sleep_hours, row.minutes):
        assert spin.width() <= spin.sizeHint().width() + 2, spin.accessibleName()
        assert spin.width() < 200
    close_window(window)


def test_more_remembers_whether_it_was_open(qtbot: QtBot) -> None:
    first = MoreSection()
    qtbot.addWidget(first)
    first.set_open(True)
    again = MoreSection()
    qtbot.addWidget(again)
    assert again.is_open() and not again.body.isHidden()
    again.set_open(False)
    third = MoreSection()
    qtbot.addWidget(third)
    assert not third.is_open() and third.body.isHidden()


def test_every_body_map_region_is_a_24_pixel_target_at_1280_by_800(qtbot: QtBot, db_path: Path) -> None:
    """Each place is at least 24 px across in its smaller dimension, by mouse; the lower
    back's left, centre and right are three such targets side by side, in that order."""
    from journal.ui.widgets.body_map import MIN_TARGET

    window = open_window(qtbot, db_path)
    _at(qtbot, window, 1280, 800)
    body_map = window.today.form.body_map
    transform = body_map._transform()
    sizes: dict[tuple[str, str], tuple[float, float]] = {}
    for shape, path in body_map._shapes:
        box = transform.map(path).boundingRect()
        sizes[(shape.code, shape.view)] = (box.width(), box.height())
    small = {key: size for key, size in sizes.items() if min(size) < MIN_TARGET}
    assert MIN_TARGET == 24 and small == {}
    lower_back = [body_map.region_centre(code, "back") for code in ("lower_back_left", "lower_back_centre", "lower_back_right")]
    assert lower_back[0].x() + MIN_TARGET <= lower_back[1].x() and lower_back[1].x() + MIN_TARGET <= lower_back[2].x()
    for point, code in zip(lower_back, ("lower_back_left", "lower_back_centre", "lower_back_right"), strict=True):
        assert body_map.region_at(point) == code
    assert hidden_parts(window) == []  # the daily core still fits beside the larger map
    close_window(window)


@pytest.mark.parametrize("size", [(1280, 800), (800, 600)])
def test_the_first_frame_shows_the_whole_date_and_save_disabled(qtbot: QtBot, db_path: Path, size: tuple[int, int]) -> None:
    """Before the journal is open: the date is written whole, and Save is drawn off (not in the accent colour)."""
    from PySide6.QtGui import QColor

    from journal.ui.app import create_window
    from journal.ui.palettes import LIGHT
    from journal.ui.style import padding, style_sheet

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(style_sheet(LIGHT, padding(app)))  # the light start's style, as before the first frame
    window = create_window(db_path, welcome=False)
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitSignal(window.session.opened, timeout=20_000):
        window.show()
        today = window.today
        assert not today.isEnabled() and not today.save_button.isEnabled()
        edit = today.date_edit
        line = edit.lineEdit()
        assert line.fontMetrics().horizontalAdvance(edit.text()) <= line.width(), edit.text()
        image = today.save_button.grab().toImage()
        centre = image.pixelColor(6, image.height() // 2)
        assert centre != QColor(LIGHT.accent)
    close_window(window)
    app.setStyleSheet("")


def test_the_save_bar_is_compact_at_800_by_600(qtbot: QtBot, db_path: Path) -> None:
    """Save and the words beside it take one short row, whatever the words say."""
    window = open_window(qtbot, db_path)
    _at(qtbot, window, 800, 600)
    today = window.today
    bar = today.findChild(QWidget, "saveBar")
    assert bar is not None
    for text in (
        "New entry: nothing saved for this day yet",
        "✓ Saved at 09:41: changes you make here update it",
        "Not saved: your entry is still here",
    ):
        today.state_label.setText(text)
        settle_layouts()
        assert bar.height() <= 56, (text, bar.height())
        label = today.state_label
        assert label.height() >= label.heightForWidth(label.width())  # the words are all shown
    close_window(window)
