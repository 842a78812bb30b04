"""A chart canvas that scrolls with its page when the window is too small for it.

matplotlib's Qt canvas takes every wheel turn for itself; the charts here do
nothing with the wheel, so it goes on to the scroll area around the chart.
"""

from __future__ import annotations

from typing import Any

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QResizeEvent, QWheelEvent

#: The least room a chart is drawn in; a smaller window scrolls the chart instead of squeezing it.
MIN_WIDTH_PX = 440
MIN_HEIGHT_PX = 540


class ChartCanvas(FigureCanvasQTAgg):
    def __init__(self, figure: Any) -> None:
        super().__init__(figure)  # type: ignore[no-untyped-call]
        self.setMinimumSize(MIN_WIDTH_PX, MIN_HEIGHT_PX)

    def resizeEvent(self, event: QResizeEvent) -> None:
        skipped = bool(self._in_resize_event)
        super().resizeEvent(event)  # type: ignore[no-untyped-call]
        if skipped or event.size() != self.size():
            # matplotlib skips a resize that arrives while it handles one, and a scroll bar
            # appearing as the chart grows can deliver an older size last: catch up with the
            # widget's real size once this one has finished.
            QTimer.singleShot(0, self, self._follow_size)

    def _follow_size(self) -> None:
        ratio = self.device_pixel_ratio
        box = self.figure.bbox
        if abs(box.width - self.width() * ratio) >= 1 or abs(box.height - self.height() * ratio) >= 1:
            self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def wheelEvent(self, event: QWheelEvent) -> None:
        event.ignore()  # to the scroll area
