"""The 0–10 scale: mouse, keyboard, what it tells a screen reader, and how it looks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from journal.ui.widgets.scale import LEVEL_COLOURS, ScaleSelector


def _scale(qtbot: QtBot) -> ScaleSelector:
    scale = ScaleSelector("Back pain", "no pain", "worst pain imaginable")
    qtbot.addWidget(scale)
    scale.resize(scale.sizeHint())
    with qtbot.waitActive(scale):
        scale.show()
        scale.activateWindow()
    return scale


def test_clicking_a_box_chooses_its_number_and_clicking_again_clears(qtbot: QtBot) -> None:
    scale = _scale(qtbot)
    seen: list[int | None] = []
    scale.valueChanged.connect(seen.append)
    for number in (0, 7, 10):
        qtbot.mouseClick(scale, Qt.MouseButton.LeftButton, pos=scale.box_rect(number).center())
        assert scale.value() == number
    qtbot.mouseClick(scale, Qt.MouseButton.LeftButton, pos=scale.box_rect(10).center())
    assert scale.value() is None
    assert seen == [0, 7, 10, None]
    assert scale.hasFocus()


def test_boxes_are_in_order_do_not_overlap_and_the_gaps_choose_nothing(qtbot: QtBot) -> None:
    scale = _scale(qtbot)
    boxes = [scale.box_rect(n) for n in range(11)]
    side = scale.fontMetrics().height() * 2 + 4
    for left, right in zip(boxes, boxes[1:]):
        assert left.right() < right.left()
    assert all(box.width() >= side - 1 and box.height() >= side for box in boxes)
    assert boxes[-1].right() < scale.width()
    gap = QPoint(boxes[4].right() + 2, boxes[4].center().y())
    qtbot.mouseClick(scale, Qt.MouseButton.LeftButton, pos=gap)
    assert scale.number_at(gap) is None and scale.value() is None
    beside = QPoint(scale.width() - 5, boxes[0].center().y())  # on the "not set" readout
    assert scale.number_at(beside) is None


def test_a_press_dragged_to_another_box_chooses_nothing(qtbot: QtBot) -> None:
    scale = _scale(qtbot)
    qtbot.mousePress(scale, Qt.MouseButton.LeftButton, pos=scale.box_rect(2).center())
    qtbot.mouseRelease(scale, Qt.MouseButton.LeftButton, pos=scale.box_rect(6).center())
    assert scale.value() is None


def test_keyboard_digits_ten_arrows_and_delete(qtbot: QtBot) -> None:
    scale = _scale(qtbot)
    qtbot.keyClick(scale, Qt.Key.Key_6)
    assert scale.value() == 6
    qtbot.keyClick(scale, Qt.Key.Key_1)
    qtbot.keyClick(scale, Qt.Key.Key_0)
    assert scale.value() == 10
    qtbot.keyClick(scale, Qt.Key.Key_Right)
    assert scale.value() == 10  # stays at the top
    qtbot.keyClick(scale, Qt.Key.Key_Left)
    assert scale.value() == 9
    qtbot.keyClick(scale, Qt.Key.Key_Delete)
    assert scale.value() is None
    qtbot.keyClick(scale, Qt.Key.Key_Left)
    assert scale.value() == 0


def test_readout_tooltips_and_accessible_text_say_the_value(qtbot: QtBot) -> None:
    scale = _scale(qtbot)
    assert scale.readout() == "not set"
    assert scale.accessibleDescription() == "Back pain: not set"
    scale.setValue(4)
    assert scale.readout() == "4 / 10"
    assert scale.accessibleDescription() == "Back pain: 4 out of 10"
    assert scale.accessibleName() == "Back pain, 0 to 10"
    assert scale.tooltip_for(0) == "0: no pain"
    assert scale.tooltip_for(10) == "10: worst pain imaginable"
    assert scale.tooltip_for(5) == "5"


def test_out_of_range_values_are_refused(qtbot: QtBot) -> None:
    scale = _scale(qtbot)
    for bad in (-1, 11):
        try:
            scale.setValue(bad)
        except ValueError:
            pass
        else:
            raise AssertionError(f"{bad} was accepted")
    assert scale.value() is None


def _pixel(image: QImage, point: QPoint) -> QColor:
    return image.pixelColor(point)


def test_the_chosen_box_is_painted_in_its_level_colour(qtbot: QtBot) -> None:
    scale = _scale(qtbot)
    scale.setValue(8)
    image = scale.grab().toImage()
    ratio = image.devicePixelRatio()

    def inside(number: int) -> QPoint:  # near the box's corner, away from the digit
        box = scale.box_rect(number)
        return QPoint(int((box.left() + 7) * ratio), int((box.top() + 7) * ratio))

    assert _pixel(image, inside(8)).name() == QColor(LEVEL_COLOURS[8]).name()
    assert _pixel(image, inside(3)).name() == "#ffffff"
    scale.setValue(None)
    image = scale.grab().toImage()
    assert _pixel(image, inside(8)).name() == "#ffffff"
