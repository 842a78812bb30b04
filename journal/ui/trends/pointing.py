"""Pointing at the Trends tab's charts: the day (or body region) under the pointer described
in words below the charts, and a click on a day asking for that day.

The view hands over its charts through :class:`PointedCharts` and connects each canvas
with :meth:`ChartPointer.connect`; nothing here builds or draws a chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QLabel

from journal.core import clock

if TYPE_CHECKING:
    from matplotlib.backend_bases import LocationEvent, MouseEvent
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from journal.formats.charts import TrendChart
    from journal.formats.heatmap import HeatmapChart
    from journal.formats.measures_chart import MeasuresChart
    from journal.ui.trends.loading import TrendsData

HOVER_HINT = "Point at a day to see what you logged; click it to open that day."


class PointedCharts(Protocol):
    """What the pointer reads from the view: the charts drawn so far and the days behind them."""

    @property
    def data(self) -> "TrendsData | None": ...
    @property
    def chart(self) -> "TrendChart | None": ...
    @property
    def canvas(self) -> "FigureCanvasQTAgg | None": ...
    @property
    def heatmap(self) -> "HeatmapChart | None": ...
    @property
    def heat_canvas(self) -> "FigureCanvasQTAgg | None": ...
    @property
    def measures(self) -> "MeasuresChart | None": ...


class ChartPointer:
    """Describes what is under the pointer in ``label`` and passes a clicked day to ``on_day``."""

    def __init__(self, charts: PointedCharts, label: QLabel, on_day: Callable[[dt.date], None]) -> None:
        self.charts = charts
        self.label = label
        self.on_day = on_day
        self.hovered: dt.date | None = None

    def connect(self, canvas: "FigureCanvasQTAgg") -> None:
        """Follow the pointer over ``canvas``."""
        canvas.mpl_connect("motion_notify_event", self._on_motion)
        canvas.mpl_connect("button_press_event", self._on_press)
        canvas.mpl_connect("figure_leave_event", self._on_leave)

    def clear(self) -> None:
        """Back to the hint: no chart under the pointer shows the day last described."""
        self.hovered = None
        self.label.setText(HOVER_HINT)

    def _date_for(self, event: "LocationEvent") -> dt.date | None:
        charts = self.charts
        if event.inaxes is None:
            return None
        if charts.chart is not None and event.canvas is charts.canvas and event.inaxes in charts.chart.axes:
            return charts.chart.date_at(event.xdata)
        if charts.heatmap is not None and event.canvas is charts.heat_canvas and event.inaxes is charts.heatmap.ax:
            return charts.heatmap.date_at(event.xdata, event.ydata)
        return None

    def _on_motion(self, event: "LocationEvent") -> None:
        measures, data = self.charts.measures, self.charts.data
        on_map = measures is not None and event.inaxes is measures.body_ax
        if measures is not None and (on_map or self.label.property("region")):
            self.hovered = None  # a day pointed at next is shown afresh
            self.label.setProperty("region", on_map)
            self.label.setText((on_map and measures.region_words(event.xdata, event.ydata)) or HOVER_HINT)
            if on_map:
                return
        date = self._date_for(event)
        if date == self.hovered:
            return  # same day: nothing to redo
        self.hovered = date
        if date is None or data is None or self.charts.chart is None:
            self.label.setText(HOVER_HINT)
            return
        from journal.ui.trends.hover_text import hover_text

        index = (date - data.series.start).days
        series = data.series
        inside = 0 <= index < len(series.dates)
        self.label.setText(
            hover_text(
                date,
                data.by_date.get(date),
                back_avg7=series.back_pain_avg7[index] if inside else None,
                leg_avg7=series.leg_pain_avg7[index] if inside else None,
                flare=bool(series.flare_days[index]) if inside else False,
            )
        )

    def _on_leave(self, _event: "LocationEvent") -> None:
        self.clear()

    def _on_press(self, event: "MouseEvent") -> None:
        if event.button != 1 or event.dblclick:
            return
        date = self._date_for(event)
        if date is not None and date <= clock.today():
            self.on_day(date)
