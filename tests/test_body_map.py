"""The body map: its shape data, and the widget used by mouse, keyboard and screen reader."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from journal.core.body_map import (
    ROWS,
    centroid,
    contains,
    cubic_segments,
    load_body_map,
    marked_words,
    neighbour,
    parse_body_map,
    smooth_segments,
)
from journal.core.day import PAIN_LOCATIONS
from journal.core.resources import load_toml
from journal.ui.widgets.body_map import BodyMapWidget

# --- shape data ---------------------------------------------------------------------


def test_every_location_code_has_a_shape_and_no_other_code_does() -> None:
    body = load_body_map()
    assert set(body.codes()) == set(PAIN_LOCATIONS)
    assert {s.code for s in body.shapes} == set(PAIN_LOCATIONS)
    assert {code for row in ROWS for code in row} == set(PAIN_LOCATIONS)
    assert {v.name for v in body.views} == {"back", "front"}
    back = {s.code for s in body.shapes if s.view == "back"}
    assert back == set(PAIN_LOCATIONS)  # the back view alone shows every region


def test_each_region_lies_inside_its_view_outline_and_regions_do_not_overlap() -> None:
    body = load_body_map()
    outlines = {v.name: v.outline for v in body.views}
    for shape in body.shapes:
        assert contains(outlines[shape.view], shape.centre()), shape.code
        others = [s for s in body.shapes if s is not shape and s.view == shape.view]
        assert not any(contains(o.points, shape.centre()) for o in others), shape.code


def test_sides_follow_each_view() -> None:
    """Back view: the patient's left is on the viewer's left; the front view is mirrored."""
    body = load_body_map()

    def x(code: str, view: str) -> float:
        return next(s.centre()[0] for s in body.shapes if s.code == code and s.view == view)

    assert x("thigh_left", "back") < x("thigh_right", "back")
    assert x("thigh_left", "front") > x("thigh_right", "front")
    labels = {v.name: [label.text for label in sorted(v.labels, key=lambda label: label.at[0])] for v in body.views}
    assert labels == {"back": ["Left", "Right"], "front": ["Right", "Left"]}


def test_bad_shape_data_is_refused_with_the_reason() -> None:
    good = load_toml("body_map.toml")
    unknown = {**good, "regions": [*good["regions"], {"code": "elbow_left", "view": "back", "points": [[1, 1], [2, 2], [1, 3]]}]}
    with pytest.raises(ValueError, match="unknown location code 'elbow_left'"):
        parse_body_map(unknown)
    missing = {**good, "regions": [r for r in good["regions"] if r["code"] != "foot_right"]}
    with pytest.raises(ValueError, match="no shape for these locations.*foot_right"):
        parse_body_map(missing)
    outside = {**good, "regions": [{**good["regions"][0], "points": [[0, 0], [999, 0], [0, 5]]}, *good["regions"][1:]]}
    with pytest.raises(ValueError, match="outside"):
        parse_body_map(outside)
    too_few = {**good, "regions": [{**good["regions"][0], "points": [[0, 0], [9, 0]]}, *good["regions"][1:]]}
    with pytest.raises(ValueError, match="at least three"):
        parse_body_map(too_few)


def test_geometry_helpers() -> None:
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0)]
    assert centroid(square) == pytest.approx((2.0, 1.0))
    assert contains(square, (1.0, 1.0)) and not contains(square, (5.0, 1.0))
    start, quads = smooth_segments(square)
    assert start == (2.0, 0.0) and len(quads) == 4
    assert quads[-1][1] == start  # closed
    assert [control for control, _ in quads] == [square[1], square[2], square[3], square[0]]
    cubic_start, cubics = cubic_segments(square)
    assert cubic_start == start and [end for *_, end in cubics] == [end for _, end in quads]
    # A quadratic from (2, 0) via (4, 0) to (4, 1) as a cubic: controls 2/3 of the way to (4, 0).
    assert cubics[0][0] == pytest.approx((2 + 4 / 3, 0.0)) and cubics[0][1] == pytest.approx((4.0, 1 / 3))


def test_arrow_neighbours_move_spatially() -> None:
    assert neighbour("lower_back_left", "right") == "lower_back_centre"
    assert neighbour("lower_back_right", "right") == "lower_back_right"  # stays at the edge
    assert neighbour("lower_back_centre", "down") == "buttock_left"
    assert neighbour("lower_back_right", "down") == "buttock_right"
    assert neighbour("buttock_right", "up") == "lower_back_right"
    assert neighbour("thigh_left", "down") == "calf_left"
    assert neighbour("foot_right", "down") == "foot_right"
    assert marked_words({"thigh_left", "lower_back_centre"}) == "lower back, centre; thigh, left"


# --- the widget -----------------------------------------------------------------------


@pytest.fixture
def body_map(qtbot: QtBot) -> BodyMapWidget:
    widget = BodyMapWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 360)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_every_region_is_reachable_by_a_click_in_each_of_its_views(qtbot: QtBot, body_map: BodyMapWidget) -> None:
    for shape in load_body_map().shapes:
        point = body_map.region_centre(shape.code, shape.view)
        assert body_map.region_at(point) == shape.code


def test_click_marks_and_clicking_again_clears(qtbot: QtBot, body_map: BodyMapWidget) -> None:
    seen: list[tuple[str, bool]] = []
    body_map.toggled.connect(lambda code, on: seen.append((code, on)))
    with qtbot.waitSignal(body_map.changed):
        qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=body_map.region_centre("thigh_left", "front").toPoint())
    assert body_map.checked() == {"thigh_left"}
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=body_map.region_centre("thigh_left", "back").toPoint())
    assert body_map.checked() == frozenset()
    assert seen == [("thigh_left", True), ("thigh_left", False)]
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=body_map.rect().topLeft() + body_map.rect().topLeft())
    assert body_map.checked() == frozenset() and len(seen) == 2  # outside every region: nothing


def test_keyboard_moves_toggles_and_says_where_it_is(qtbot: QtBot, body_map: BodyMapWidget) -> None:
    body_map.setFocus()
    assert body_map.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert body_map.accessibleName() == "Where it hurts: Lower back, left, not marked"
    qtbot.keyClick(body_map, Qt.Key.Key_Right)
    qtbot.keyClick(body_map, Qt.Key.Key_Space)
    assert body_map.checked() == {"lower_back_centre"}
    assert body_map.accessibleName() == "Where it hurts: Lower back, centre, marked"
    told = QAccessible.queryAccessibleInterface(body_map)  # what a screen reader is given
    assert told is not None and told.text(QAccessible.Text.Name) == "Where it hurts: Lower back, centre, marked"
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Space):
        qtbot.keyClick(body_map, key)
    assert body_map.current() == "thigh_right"
    assert body_map.checked() == {"lower_back_centre", "thigh_right"}
    assert "Marked: lower back, centre; thigh, right" in body_map.accessibleDescription()
    qtbot.keyClick(body_map, Qt.Key.Key_End)
    assert body_map.current() == "foot_right"
    qtbot.keyClick(body_map, Qt.Key.Key_Home)
    qtbot.keyClick(body_map, Qt.Key.Key_Space)
    qtbot.keyClick(body_map, Qt.Key.Key_Space)
    assert body_map.checked() == {"lower_back_centre", "thigh_right"}  # marked, then cleared again


def test_focus_ring_is_drawn_around_the_current_region(qtbot: QtBot, body_map: BodyMapWidget) -> None:
    body_map.set_current("calf_right")
    body_map.clearFocus()
    assert not body_map.hasFocus()
    unfocused = body_map.grab().toImage()
    body_map.setFocus()
    qtbot.waitUntil(body_map.hasFocus)
    focused = body_map.grab().toImage()
    highlight = body_map.palette().highlight().color()

    def highlighted(image: Any) -> int:
        return sum(
            1
            for x in range(0, image.width(), 2)
            for y in range(0, image.height(), 2)
            if image.pixelColor(x, y).rgb() == highlight.rgb()
        )

    assert highlighted(focused) > highlighted(unfocused) + 20
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=body_map.region_centre("calf_right").toPoint())
    assert highlighted(body_map.grab().toImage()) < highlighted(focused) - 20  # no ring after a click
    qtbot.keyClick(body_map, Qt.Key.Key_Up)
    assert highlighted(body_map.grab().toImage()) > highlighted(unfocused) + 20  # back with the keyboard
    assert body_map.focus_caption() == "Thigh, right: not marked"


def test_set_checked_round_trips_without_signals_and_refuses_unknown_codes(qtbot: QtBot, body_map: BodyMapWidget) -> None:
    seen: list[object] = []
    body_map.changed.connect(lambda: seen.append(True))
    body_map.set_checked(PAIN_LOCATIONS)
    assert body_map.checked() == frozenset(PAIN_LOCATIONS)
    body_map.set_checked({"foot_left"})
    assert body_map.checked() == {"foot_left"}
    with pytest.raises(ValueError, match="elbow"):
        body_map.set_checked({"foot_right", "elbow"})
    assert body_map.checked() == {"foot_left"}  # nothing changed
    assert seen == []


def test_read_only_map_shows_but_takes_no_input(qtbot: QtBot) -> None:
    widget = BodyMapWidget(read_only=True)
    qtbot.addWidget(widget)
    widget.resize(240, 300)
    widget.show()
    widget.set_checked({"calf_left"})
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.region_centre("thigh_left").toPoint())
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert widget.checked() == {"calf_left"}
    assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert widget.caption() == "Marked: calf, left"


def test_marked_regions_are_painted_in_the_marked_colour(qtbot: QtBot, body_map: BodyMapWidget) -> None:
    from journal.ui.widgets.body_map import MARKED_FILL

    body_map.set_checked({"buttock_right"})
    image = body_map.grab().toImage()
    ratio = image.devicePixelRatio()

    def colour_at(code: str) -> int:
        point = body_map.region_centre(code) + QPointF(0, 12)  # beside the tick mark
        return image.pixelColor(int(point.x() * ratio), int(point.y() * ratio)).rgb()

    assert colour_at("buttock_right") == MARKED_FILL.rgb()
    assert colour_at("buttock_left") != MARKED_FILL.rgb()


def test_the_map_scales_with_its_widget(qtbot: QtBot, body_map: BodyMapWidget) -> None:
    small = body_map.region_centre("foot_left")
    body_map.resize(600, 720)
    large = body_map.region_centre("foot_left")
    assert large.y() > small.y() * 1.6
    assert body_map.region_at(large) == "foot_left"
    assert isinstance(body_map, QWidget)


def test_a_press_just_beside_a_small_region_still_reaches_it(qtbot: QtBot, body_map: BodyMapWidget) -> None:
    """Feet are small: a press on the body a little off the region counts for it; off the body, nothing."""
    shape = next(s for s in load_body_map().shapes if s.code == "foot_left" and s.view == "back")
    top = min(y for _, y in shape.points)  # the heel's top, in map coordinates
    transform = body_map._transform()
    ankle = transform.map(QPointF(shape.centre()[0], top - 2.5))  # on the ankle, between calf and heel
    assert body_map.region_at(ankle) == "foot_left"
    qtbot.mouseClick(body_map, Qt.MouseButton.LeftButton, pos=ankle.toPoint())
    assert body_map.checked() == {"foot_left"}
    below = transform.map(QPointF(shape.centre()[0], body_map._map.height - 1))  # under the feet: off the body
    assert body_map.region_at(below) is None
    assert body_map.region_at(QPointF(2, 2)) is None


def _contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two "#rrggbb" colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_shade_has_a_readable_text_colour_and_the_tick_reads_on_the_marked_fill() -> None:
    from journal.formats.body_map_drawing import SHADES
    from journal.ui.widgets.body_map import MARKED_FILL, MARKED_TICK

    for _, fill, text in SHADES:
        assert _contrast(fill, text) >= 4.5, (fill, text)
    assert _contrast(MARKED_FILL.name(), MARKED_TICK.name()) >= 4.5
    assert _contrast("#000000", "#ffffff") == pytest.approx(21.0)
