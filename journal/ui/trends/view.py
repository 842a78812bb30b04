"""The Trends tab: charts of the journal over a chosen period, and the patterns in words.

Whole because what is left is the tab's own state (which load and which summary are
current, the period shown, which charts are stale) and that reads best in one class; the parts
around it are apart: the days read on the worker (:mod:`.loading`), the period row
(:mod:`.period_bar`), the chart pages (:mod:`.chart_pages`), pointing at a day
(:mod:`.pointing`) and saving a chart (:mod:`.chart_saving`).

All days are loaded once, off the GUI thread, and drawn once over the whole
journal; choosing another period only moves the charts' limits and redraws
(no database query, no new figure). The summary behind the words is built on
the worker for each period. A change to the journal reloads the days when
the tab is visible, or marks it stale until it is shown.

matplotlib is imported on the worker when the tab is first opened, never at
start-up: this module itself only needs Qt.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal.app.periods import PeriodChoice, period_bounds
from journal.core import clock
from journal.core.periods import clipped_to_journal
from journal.ui.trends.chart_pages import ChartPages, put_canvas
from journal.ui.trends.insights_panel import InsightsPanel
from journal.ui.trends.loading import TrendsData as TrendsData
from journal.ui.trends.loading import load_trends_data as load_trends_data
from journal.ui.trends.loading import warm_chart_imports as warm_chart_imports
from journal.ui.trends.period_bar import PERIOD_LABELS as PERIOD_LABELS
from journal.ui.trends.period_bar import PeriodBar, pydate, qdate
from journal.ui.trends.pointing import HOVER_HINT as HOVER_HINT
from journal.ui.trends.pointing import ChartPointer

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    from journal.app.changes import JournalChange
    from journal.app.journal_file import Journal
    from journal.core.summary import Summary
    from journal.formats.charts import TrendChart
    from journal.formats.heatmap import HeatmapChart
    from journal.formats.measures_chart import MeasuresChart
    from journal.ui.host import WindowHost
    from journal.ui.session import JournalSession
    from journal.ui.trends.layout_cache import LayoutCache

DEFAULT_CHOICE = PeriodChoice.DAYS_90
SUMMARY_DELAY_MS = 120  # quick clicks through the periods build one summary, not one each


def theme_figure(figure: Any) -> None:
    """Recolour a drawn chart for the window's theme (matplotlib loads only when charts are drawn)."""
    from journal.ui.trends import chart_theme

    chart_theme.theme_figure(figure)


def print_colours(figure: Any) -> "AbstractContextManager[Any]":
    """The chart in its light print colours for the duration of a ``with`` block."""
    from journal.ui.trends import chart_theme

    return chart_theme.print_colours(figure)


class TrendsView(QWidget):
    """Charts and insights for a period.

    Signals:
        dayRequested(date): the user clicked a day in a chart.
        chartsReady(): the charts show freshly loaded days.
        summaryShown(Summary): the words beside the charts were updated.
    """

    dayRequested = Signal(object)
    chartsReady = Signal()
    summaryShown = Signal(object)
    status = Signal(str)

    def __init__(self, session: "JournalSession", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.data: TrendsData | None = None
        self.chart: TrendChart | None = None
        self.heatmap: HeatmapChart | None = None
        self.canvas: FigureCanvasQTAgg | None = None
        self.layout_cache: LayoutCache | None = None
        #: The least height the chart last asked for (applied a moment later, see :meth:`_fit_chart`).
        self.wanted_chart_height: int | None = None
        self.heat_canvas: FigureCanvasQTAgg | None = None
        self.measures: MeasuresChart | None = None
        self.measures_canvas: FigureCanvasQTAgg | None = None
        self._measures_stale = True
        self.choice = DEFAULT_CHOICE
        self.period: tuple[dt.date, dt.date] = period_bounds(DEFAULT_CHOICE, clock.today(), None)
        self._stale = True
        self._heat_stale = True
        self._load_generation = 0
        self._summary_generation = 0
        self._summary_timer = QTimer(self)
        from journal.ui.theme import follow_theme

        follow_theme(self._on_theme_changed)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(SUMMARY_DELAY_MS)
        self._summary_timer.timeout.connect(self._build_summary)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self._period_bar())
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._chart_area())
        self.insights = InsightsPanel(self)
        splitter.addWidget(self.insights)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([920, 340])
        layout.addWidget(splitter, 1)
        session.changed.connect(self._on_changed)

    # --- building ------------------------------------------------------------------

    def _period_bar(self) -> QWidget:
        row = PeriodBar(self.choice, self.period, self)
        self.period_buttons, self.buttons = row.period_buttons, row.buttons
        self.from_edit, self.to_edit = row.from_edit, row.to_edit
        for choice, button in self.buttons.items():
            button.clicked.connect(lambda _=False, c=choice: self.set_choice(c))
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._on_custom_date)
        return row

    def _chart_area(self) -> QWidget:
        area = ChartPages(self)
        self.chart_tabs, self.hover_label, self.save_button = area.chart_tabs, area.hover_label, area.save_button
        self.save_button.clicked.connect(self.save_chart)
        self.over_time_page, self.calendar_page = area.over_time_page, area.calendar_page
        self.measures_page = area.measures_page
        self.placeholder = self.over_time_page.findChild(QLabel)
        self.chart_tabs.currentChanged.connect(self._on_chart_tab)
        self.pointer = ChartPointer(self, self.hover_label, self.dayRequested.emit)
        return area

    def _make_canvas(self, page: QWidget, figure: Any) -> "FigureCanvasQTAgg":
        canvas = put_canvas(page, figure)
        self.pointer.connect(canvas)
        return canvas

    # --- loading -------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def _on_changed(self, change: "JournalChange") -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the days on the worker, then redraw the charts with them."""
        if not self.session.ready:
            return
        self._stale = False
        self._load_generation += 1
        generation, today = self._load_generation, clock.today()
        self.session.op(lambda journal: load_trends_data(journal, today)).success(
            lambda data: self._on_loaded(generation, data)
        ).failure(self._on_load_failed).run_in_background()

    def _on_load_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return  # the tab closed while the worker was busy
        from journal.core.errors import UserError

        text = str(error) if isinstance(error, UserError) else "Your charts could not be loaded."
        if self.placeholder is not None and self.canvas is None:
            self.placeholder.setText(text)
        self.status.emit(text)

    def _on_loaded(self, generation: int, data: TrendsData) -> None:
        if not shiboken6.isValid(self) or generation != self._load_generation:
            return  # the tab closed, or a newer load is on its way
        from journal.formats.charts import draw_trend_chart, new_figure

        self.data = data
        if self.canvas is None:
            self.placeholder = None
            self.canvas = self._make_canvas(self.over_time_page, new_figure())
            from journal.ui.trends.layout_cache import LayoutCache

            self.layout_cache = LayoutCache(self.canvas)
            self.canvas.mpl_connect("resize_event", lambda _event: self._fit_chart())
        assert self.layout_cache is not None
        figure = self.canvas.figure
        figure.clear()
        self.chart = draw_trend_chart(figure, data.series, data.treatments)
        self.pointer.clear()  # the day described may have changed
        self._fit_chart()
        self.save_button.setEnabled(True)
        self._heat_stale = True
        self.set_choice(self.choice)  # the first logged day may have moved the period
        self.chartsReady.emit()

    def _fit_chart(self) -> None:
        """Keys wrapped to the canvas's width, the panels' heights shared out, then a full layout in the
        theme's colours at the next draw."""
        if self.chart is None or self.canvas is None or self.layout_cache is None:
            return
        self.layout_cache.invalidate()  # measure from a fresh layout, not the frozen one
        self.chart.fit_width(self.canvas.get_renderer())
        from journal.ui.trends.canvas import MIN_HEIGHT_PX

        needed = max(MIN_HEIGHT_PX, round(self.chart.fit_height() / self.canvas.device_pixel_ratio))
        self.wanted_chart_height = needed
        if needed != self.canvas.minimumHeight():
            # Not from inside the canvas's resize (matplotlib would not follow a nested one).
            QTimer.singleShot(0, self.canvas, self._set_chart_height)
        theme_figure(self.canvas.figure)  # new keys start in print colours
        self.layout_cache.invalidate(static=self.chart.static_artists())

    def _set_chart_height(self) -> None:
        if self.canvas is not None and self.wanted_chart_height is not None:
            self.canvas.setMinimumHeight(self.wanted_chart_height)

    def chart_settled(self) -> bool:
        """True once the chart has the least height it last asked for and its figure fills the canvas.

        Setting a least height is queued, the scroll area then resizes the canvas, and the figure
        follows that resize: until all three have happened, sizes read from the chart are old ones.
        """
        canvas = self.canvas
        if canvas is None or self.chart is None:
            return False
        scroller = canvas.parentWidget().parentWidget() if canvas.parentWidget() is not None else None
        viewport = scroller.viewport().height() if isinstance(scroller, QScrollArea) else canvas.height()
        box, ratio = canvas.figure.bbox, canvas.device_pixel_ratio
        return bool(
            canvas.minimumHeight() == self.wanted_chart_height
            and canvas.height() == max(canvas.minimumHeight(), viewport)
            and abs(box.width - canvas.width() * ratio) < 1
            and abs(box.height - canvas.height() * ratio) < 1
        )

    # --- periods -------------------------------------------------------------------

    def set_choice(self, choice: PeriodChoice) -> None:
        """Show one of the period buttons' periods (custom keeps the dates in the edits)."""
        self.choice = choice
        self.buttons[choice].setChecked(True)
        first = self.data.first if self.data is not None else None
        custom = (pydate(self.from_edit.date()), pydate(self.to_edit.date()))
        self.period = clipped_to_journal(*period_bounds(choice, clock.today(), first, custom), first)
        if choice is not PeriodChoice.CUSTOM:
            for edit, value in zip((self.from_edit, self.to_edit), self.period):
                edit.blockSignals(True)
                edit.setDate(qdate(value))
                edit.blockSignals(False)
        self._apply_period()

    def set_custom_period(self, start: dt.date, end: dt.date) -> None:
        for edit, value in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(qdate(value))
            edit.blockSignals(False)
        self.set_choice(PeriodChoice.CUSTOM)

    def _on_custom_date(self, _: QDate) -> None:
        self.set_choice(PeriodChoice.CUSTOM)

    def _apply_period(self) -> None:
        if self.data is not None and self.data.today != clock.today():
            self.reload()  # the day changed under us: the series must reach the new today
            return
        if self.chart is None or self.canvas is None:
            return
        start, end = self.period
        if self.chart.show_period(start, end) and self.layout_cache is not None:
            self.layout_cache.invalidate()
        theme_figure(self.canvas.figure)  # new tick labels and markers start in print colours
        self.canvas.draw_idle()
        self.pointer.clear()  # the day pointed at may not be in the new period
        self._heat_stale = True
        self._measures_stale = True
        if self.chart_tabs.currentWidget() is self.calendar_page:
            self._update_heatmap()
        if self.chart_tabs.currentWidget() is self.measures_page:
            self._update_measures()
        self._summary_timer.start()  # the words follow a moment later; keeping the old ones avoids a flicker

    def _on_chart_tab(self, _: int) -> None:
        self.pointer.clear()  # the day pointed at was on the chart just left
        if self.chart_tabs.currentWidget() is self.calendar_page and self._heat_stale:
            self._update_heatmap()
        if self.chart_tabs.currentWidget() is self.measures_page and self._measures_stale:
            self._update_measures()

    def _update_measures(self) -> None:
        """Sleep, mood, stiffness and where it hurts for the period (drawn when first shown)."""
        if self.data is None:
            return
        from journal.formats.charts import new_figure
        from journal.formats.measures_chart import MeasuresChart

        if self.measures_canvas is None:
            self.measures_canvas = self._make_canvas(self.measures_page, new_figure(layout=None))
            self.measures = MeasuresChart(self.measures_canvas.figure)
        assert self.measures is not None
        self.measures.update(self.data.days, *self.period)
        self._measures_stale = False
        theme_figure(self.measures_canvas.figure)
        self.measures_canvas.draw_idle()

    def _update_heatmap(self) -> None:
        if self.data is None:
            return
        from journal.formats.charts import new_figure
        from journal.formats.heatmap import HeatmapChart

        if self.heat_canvas is None:
            self.heat_canvas = self._make_canvas(self.calendar_page, new_figure(layout=None))
            self.heatmap = HeatmapChart(self.heat_canvas.figure)
        assert self.heatmap is not None
        self.heatmap.update(self.data.days, *self.period)
        self._heat_stale = False
        theme_figure(self.heat_canvas.figure)
        self.heat_canvas.draw_idle()

    # --- the words -----------------------------------------------------------------

    def _build_summary(self) -> None:
        if self.data is None:
            return
        from journal.core.summary import build_summary

        self._summary_generation += 1
        generation, days, (start, end) = self._summary_generation, self.data.days, self.period
        urgencies, about = self.session.urgencies(), self.session.about_you()

        def words(journal: "Journal") -> "Summary":
            # The timed sitting (for breaks per sitting hour), the treatments and what the person
            # could do are read on the worker, with the words.
            from journal.app.trends import summary_inputs

            inputs = summary_inputs(journal, start, end)
            return build_summary(
                days,
                start,
                end,
                urgencies,
                inputs.sitting,
                treatments=inputs.treatments,
                function=inputs.function,
                about=about,
                readings=inputs.readings,
            )

        self.session.op(words).success(lambda summary: self._on_summary(generation, summary)).failure(
            self._on_summary_failed
        ).run_in_background()

    def _on_summary(self, generation: int, summary: "Summary") -> None:
        if not shiboken6.isValid(self) or generation != self._summary_generation:
            return
        self.insights.show_summary(summary)
        self.summaryShown.emit(summary)

    def _on_summary_failed(self, _error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.insights.show_message("The patterns could not be worked out.")

    def hideEvent(self, event: Any) -> None:
        # Another tab took the screen: the pointer left the chart without a leave event.
        self.pointer.clear()
        super().hideEvent(event)

    # --- colours ---------------------------------------------------------------------------

    def _on_theme_changed(self, _theme: object = None) -> None:
        """Redraw the charts in the new theme's colours (the words follow by themselves)."""
        for canvas in (self.canvas, self.heat_canvas, self.measures_canvas):
            if canvas is not None:
                theme_figure(canvas.figure)
                canvas.draw_idle()
        if self.layout_cache is not None:
            self.layout_cache.invalidate()  # the kept pixels were drawn in the old colours

    # --- saving --------------------------------------------------------------------------

    def save_chart(self) -> None:
        """Ask where, then save the chart on show (over time, calendar or measures) as PNG or SVG."""
        page = self.chart_tabs.currentWidget()
        canvas = {self.calendar_page: self.heat_canvas, self.measures_page: self.measures_canvas}.get(page, self.canvas)
        if canvas is None:
            return
        kind = {self.calendar_page: "calendar", self.measures_page: "sleep-mood"}.get(page, "trends")
        from journal.ui.trends.chart_saving import save_chart_as

        target = save_chart_as(self, canvas.figure, kind, self.period)
        if target is not None:
            self.status.emit(f"Saved the chart to {target}.")


#: How long after the features are installed (the journal is open and Today shows
#: the day) the chart libraries start loading on the worker.
WARM_UP_DELAY_MS = 500


def install(window: "WindowHost") -> None:
    """Add the Trends tab (built when first shown) and View ▸ Trends (Ctrl+3).

    Soon after, the chart libraries are loaded on the worker (see
    :func:`warm_chart_imports`), so the first opening does not wait for them.
    """

    def build() -> TrendsView:
        view = TrendsView(window.session)
        view.dayRequested.connect(window.open_day)
        view.status.connect(window.show_status)
        return view

    tab = window.add_lazy_tab("T&rends", build)
    action = QAction("T&rends", window)
    action.setShortcut("Ctrl+3")
    action.triggered.connect(lambda: window.tabs.setCurrentWidget(tab))
    window.view_menu.addAction(action)
    tasks = window.session.tasks

    def warm_up() -> None:
        if window.isVisible() and window.session.ready:  # not for a window closed (or kept in the tray) meanwhile
            tasks.run(warm_chart_imports, lambda _: None)

    QTimer.singleShot(WARM_UP_DELAY_MS, tasks, warm_up)
