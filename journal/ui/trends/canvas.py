"""A chart canvas that scrolls with its page when the window is too small for it.

matplotlib's Qt canvas takes every wheel turn for itself; the charts here do
nothing with the wheel, so it goes on to the scroll area around the chart.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtGui import QWheelEvent

#: The least room a chart is drawn in; a smaller window scrolls the chart instead of squeezing it.
MIN_WIDTH_PX = 440
MIN_HEIGHT_PX = 540


class ChartCanvas(FigureCanvasQTAgg):
    def __init__(self, figure: Any) -> None:
        super().__init__(figure)  # type: ignore[no-untyped-call]
        self.setMinimumSize(MIN_WIDTH_PX, MIN_HEIGHT_PX)

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # to the scroll area
