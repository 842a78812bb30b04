"""Dialogs that fit the screen: never larger than their content needs, never larger than the screen.

A dialog whose content is taller (or wider) than the screen keeps its buttons
in view and scrolls the rest; one whose own size is larger than its content
needs shrinks to the content. Either way it opens inside the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFrame, QScrollArea, QVBoxLayout, QWidget

#: Room left for the window's title bar and frame, which the dialog's own size leaves out.
FRAME_PX = (16, 48)


def fit_to_screen(dialog: QDialog) -> None:
    """Make ``dialog`` fit its screen each time it is shown (call at the end of its constructor)."""
    dialog.installEventFilter(_Fitter(dialog))


class _Fitter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            fit_now(watched)
        return False


def available(widget: QWidget) -> QRect:
    """The part of the widget's screen that windows may use."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_now(dialog: QDialog) -> None:
    """Size ``dialog`` to its content within the screen, scrolling inside if it must, and keep it on screen."""
    area = available(dialog)
    most_w, most_h = area.width() - FRAME_PX[0], area.height() - FRAME_PX[1]
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = min(max(dialog.width(), dialog.minimumSizeHint().width()), most_w)
    if dialog.hasHeightForWidth():
        # Wrapped text takes fewer lines when wider: the narrowest width at which all of it fits the height.
        for wider in [*range(width, most_w, 40), most_w]:
            if dialog.heightForWidth(wider) <= most_h:
                width = wider
                break
    least = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    needed = dialog.heightForWidth(width) if dialog.hasHeightForWidth() else -1
    if least.width() > most_w or max(least.height(), needed) > most_h:
        _scroll_content(dialog)
        layout = dialog.layout()
        layout.activate()
    needed = dialog.heightForWidth(width) if dialog.hasHeightForWidth() else -1
    content = needed if needed > 0 else dialog.sizeHint().height()
    scrolled = dialog.findChild(QScrollArea, "screenFitScroll") is not None
    if scrolled:
        height = most_h
    elif not _grows(dialog):
        height = content  # just what the content needs
    else:
        height = max(dialog.height(), content)
    dialog.resize(width, min(height, most_h))
    frame = dialog.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - dialog.width() - FRAME_PX[0] // 2)
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - dialog.height() - FRAME_PX[1] + FRAME_PX[0] // 2)
    dialog.move(max(x, area.left()), max(y, area.top()))


def _grows(dialog: QDialog) -> bool:
    """True when the dialog holds something that uses any height given (a list, a text to read, a scroll area)."""
    from PySide6.QtWidgets import QAbstractScrollArea

    return any(child.isVisibleTo(dialog) for child in dialog.findChildren(QAbstractScrollArea))


def _scroll_content(dialog: QDialog) -> None:
    """Move the dialog's content into a scroll area; its button row stays below, always in view."""
    if dialog.findChild(QScrollArea, "screenFitScroll") is not None:
        return
    old = dialog.layout()
    if old is None:
        return
    buttons = [old.itemAt(i).widget() for i in range(old.count())]
    button_box = buttons[-1] if buttons and isinstance(buttons[-1], QDialogButtonBox) else None
    if button_box is not None:
        old.removeWidget(button_box)
    inner = QWidget()
    inner.setMinimumWidth(dialog.minimumWidth())
    dialog.setMinimumSize(0, 0)
    inner.setLayout(old)  # Qt moves the layout, and the widgets in it, to the new parent
    scroll = QScrollArea(dialog)
    scroll.setObjectName("screenFitScroll")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidget(inner)
    column = QVBoxLayout(dialog)
    column.addWidget(scroll, 1)
    if button_box is not None:
        column.addWidget(button_box)
