"""The Trends tab's chart pages: Over time, Calendar and Sleep, mood, where it hurts, each
showing "Loading your charts…" until its canvas is put in, with the pointer's words and Save
chart below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.ui.trends.pointing import HOVER_HINT

if TYPE_CHECKING:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg


class ChartPages(QWidget):
    """The tabs of chart pages, the label the pointer describes days in, and Save chart beside it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.chart_tabs = QTabWidget(self)
        self.chart_tabs.setDocumentMode(True)
        self.over_time_page, self.calendar_page = QWidget(self), QWidget(self)
        self.measures_page = QWidget(self)
        for page, title in (
            (self.over_time_page, "Over time"),
            (self.calendar_page, "Calendar"),
            (self.measures_page, "Sleep, mood, where it hurts"),  # short enough for every tab at 800×600
        ):
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 4, 0, 0)
            placeholder = QLabel("Loading your charts…", page)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            placeholder.setObjectName("hint")
            page_layout.addWidget(placeholder, 1)
            self.chart_tabs.addTab(page, title)
        column.addWidget(self.chart_tabs, 1)
        self.hover_label = QLabel(HOVER_HINT, self)
        self.hover_label.setObjectName("hint")
        self.hover_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes names as typed
        self.hover_label.setWordWrap(True)
        self.hover_label.setMinimumHeight(self.hover_label.fontMetrics().lineSpacing() * 2 + 4)
        self.hover_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Under the chart it saves, where it costs the period row no second line in a narrow window.
        self.save_button = QPushButton("&Save chart…", self)
        self.save_button.setToolTip("Save the chart you see as a PNG picture or an SVG drawing")
        self.save_button.setEnabled(False)
        below = QHBoxLayout()
        below.addWidget(self.hover_label, 1)
        below.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(below)


def put_canvas(page: QWidget, figure: Any) -> "FigureCanvasQTAgg":
    """Replace what ``page`` shows with a canvas of ``figure`` in a scroller, and return the canvas."""
    from journal.ui.trends.canvas import ChartCanvas

    page_layout = page.layout()
    while page_layout.count():
        item = page_layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
    canvas = ChartCanvas(figure)
    # Too small a window scrolls the chart rather than squeezing its panels together.
    scroller = QScrollArea(page)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setWidget(canvas)
    assert isinstance(page_layout, QVBoxLayout)
    page_layout.addWidget(scroller, 1)
    return canvas
