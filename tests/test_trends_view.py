"""The Trends tab: charts drawn from the journal, gaps kept, periods switched, days opened."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from journal.app.periods import PeriodChoice, period_bounds
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.periods import clipped_to_journal

if TYPE_CHECKING:
    from journal.ui.session import JournalSession
    from journal.ui.trends.view import TrendsView

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date.today()
FIRST = TODAY - dt.timedelta(days=119)
MISSING = TODAY - dt.timedelta(days=10)  # a day not logged, inside every period


def make_days() -> list[DayEntry]:
    """120 days ending today with one day missing; a few triggers, medicines and activities."""
    days = []
    for i in range(120):
        date = FIRST + dt.timedelta(days=i)
        if date == MISSING:
            continue
        back = 3 + (i % 5)
        days.append(
            DayEntry(
                date=date,
                back_pain=back,
                leg_pain=(back - 2) if i % 3 else None,
                interference_enjoyment=back - 1,
                interference_activity=back,
                activities=(ActivityMinutes("walking", 20 + i % 3 * 10), ActivityMinutes("sitting", 200)),
                triggers=("stress",) if i % 4 == 0 else (),
                medications=("heat pack",) if back >= 6 else (),
            )
        )
    return days


@pytest.fixture
def filled_db(db_path: Path) -> Path:
    from journal.storage.journal import Journal

    journal = Journal.open(db_path)
    journal.import_days(make_days())
    journal.close()
    return db_path


@pytest.fixture
def session(qtbot: QtBot, filled_db: Path) -> Iterator["JournalSession"]:
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner

    tasks = TaskRunner()
    opened = JournalSession(tasks)
    with qtbot.waitSignal(opened.opened, timeout=20_000):
        opened.open(filled_db)
    yield opened
    opened.close()


@pytest.fixture
def view(qtbot: QtBot, session: "JournalSession") -> "TrendsView":
    from journal.ui.trends.view import TrendsView

    trends = TrendsView(session)
    qtbot.addWidget(trends)
    trends.resize(1200, 760)
    with qtbot.waitSignals([trends.chartsReady, trends.summaryShown], timeout=20_000):
        trends.show()
    return trends


def pixel_for(view: "TrendsView", date: dt.date, y: float = 5.0) -> QPoint:
    """Where ``date`` is drawn on the pain panel, in the canvas widget's coordinates."""
    from matplotlib import dates as mdates

    canvas, ax = view.canvas, view.chart.pain_ax
    canvas.draw()
    x_px, y_px = ax.transData.transform((mdates.date2num(date), y))
    ratio = canvas.device_pixel_ratio
    return QPoint(round(x_px / ratio), round(canvas.height() - y_px / ratio))


# --- drawing --------------------------------------------------------------------------------


def test_charts_are_drawn_from_the_journal(view: "TrendsView") -> None:
    chart = view.chart
    back = np.asarray(chart.back_line.get_ydata(), dtype=np.float64)
    assert len(back) == 120 and np.nanmax(back) == 7
    assert chart.activities.names == ("Sitting", "Walking")
    assert [label for label, _ in chart.triggers] == ["Stress"]
    assert len(np.asarray(chart.medication_marks.get_xdata())) > 0
    assert all(len(np.asarray(bars.patch.get_path().vertices)) > 0 for bars in chart.bars)
    assert not np.isnan(chart.peg_steps.get_data().values).all()
    assert view.save_button.isEnabled()


def test_a_day_not_logged_is_a_gap_not_a_zero(view: "TrendsView") -> None:
    chart = view.chart
    index = (MISSING - FIRST).days
    for line in (chart.back_line, chart.leg_line):
        assert np.isnan(line.get_ydata()[index])
    assert chart.back_line.get_ydata()[index - 1] > 0  # its neighbours are drawn
    assert not np.isnan(chart.back_avg_line.get_ydata()[index])  # the average spans the gap
    assert np.isnan(chart.activities.minutes[:, index]).all()


def test_period_buttons_move_the_shared_time_axis(qtbot: QtBot, view: "TrendsView") -> None:
    from matplotlib import dates as mdates

    chart = view.chart
    axes_before = chart.axes
    qtbot.mouseClick(view.buttons[PeriodChoice.DAYS_30], Qt.MouseButton.LeftButton)
    low, high = chart.peg_ax.get_xlim()
    assert high - low == pytest.approx(30)
    assert mdates.num2date(high).date() == TODAY
    qtbot.mouseClick(view.buttons[PeriodChoice.YEAR], Qt.MouseButton.LeftButton)
    low, high = chart.pain_ax.get_xlim()
    assert high - low == pytest.approx(120)  # a year, less the days before the journal began
    assert view.period == (FIRST, TODAY)
    assert chart.axes == axes_before and view.chart is chart


def test_switching_period_reads_nothing_from_the_database(
    qtbot: QtBot, view: "TrendsView", monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_queries(*_args: object) -> None:
        raise AssertionError("the database was queried")

    monkeypatch.setattr("journal.app.trends.days_and_treatments", no_queries)
    for choice in (PeriodChoice.DAYS_30, PeriodChoice.ALL, PeriodChoice.DAYS_90):
        with qtbot.waitSignal(view.summaryShown, timeout=10_000) as shown:
            view.set_choice(choice)
        assert shown.args[0].period.end == TODAY
    assert shown.args[0].days_in_period == 90


def test_custom_period_from_the_date_edits(qtbot: QtBot, view: "TrendsView") -> None:
    start, end = TODAY - dt.timedelta(days=40), TODAY - dt.timedelta(days=20)
    with qtbot.waitSignal(view.summaryShown, timeout=10_000) as shown:
        view.set_custom_period(start, end)
    assert view.buttons[PeriodChoice.CUSTOM].isChecked()
    assert (shown.args[0].period.start, shown.args[0].period.end) == (start, end)
    low, high = view.chart.pain_ax.get_xlim()
    assert high - low == pytest.approx(21)


def test_clicking_a_day_asks_to_open_it(qtbot: QtBot, view: "TrendsView") -> None:
    view.set_choice(PeriodChoice.DAYS_30)
    target = TODAY - dt.timedelta(days=5)
    with qtbot.waitSignal(view.dayRequested, timeout=5_000) as asked:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=pixel_for(view, target))
    assert asked.args == [target]


def test_hovering_a_day_says_what_was_logged(qtbot: QtBot, view: "TrendsView") -> None:
    view.set_choice(PeriodChoice.DAYS_30)
    target = TODAY - dt.timedelta(days=3)
    qtbot.mouseMove(view.canvas, pixel_for(view, target))
    expected = next(d for d in make_days() if d.date == target)
    qtbot.waitUntil(lambda: f"back pain {expected.back_pain}" in view.hover_label.text())
    assert f"{target.day} {target:%b %Y}" in view.hover_label.text()
    qtbot.mouseMove(view.canvas, pixel_for(view, MISSING))
    qtbot.waitUntil(lambda: "not logged" in view.hover_label.text())


def test_insights_are_in_plain_words(view: "TrendsView") -> None:
    text = view.insights.toPlainText()
    assert "89 days logged out of 90" in text
    assert "Back pain averaged" in text
    assert "Flares" in text and "A flare is at least 2 logged days in a row" not in text  # method: under Details
    assert "not proof" in text  # the caveat beside the trigger comparisons
    assert "No clear pattern yet for" in text and "stress" in text  # one line for every unclear comparison
    view.insights.toggle_details()
    assert "A flare is at least 2 logged days in a row" in view.insights.toPlainText()
    view.insights.toggle_details()


def test_calendar_tab_shows_the_heat_map(qtbot: QtBot, view: "TrendsView") -> None:
    view.set_choice(PeriodChoice.DAYS_30)
    view.chart_tabs.setCurrentWidget(view.calendar_page)
    heat = view.heatmap
    assert heat is not None
    image = heat.image.get_array()
    assert image is not None
    values = np.ma.filled(image, np.nan)  # NaN (not logged) comes back masked
    weeks = len(heat.week_starts)
    assert values.shape == (7, weeks)
    column = (MISSING - heat.week_starts[0]).days // 7
    assert np.isnan(values[MISSING.weekday(), column])
    assert values[TODAY.weekday(), (TODAY - heat.week_starts[0]).days // 7] >= 3
    assert heat.date_at(column, MISSING.weekday()) == MISSING


@pytest.mark.parametrize("ending", ["png", "svg"])
def test_save_chart(qtbot: QtBot, view: "TrendsView", tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ending: str) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "my-chart"
    chosen = "SVG drawing (*.svg)" if ending == "svg" else "PNG picture (*.png)"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), chosen))
    with qtbot.waitSignal(view.status, timeout=5_000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    saved = target.with_suffix(f".{ending}").read_bytes()
    assert saved.startswith(b"\x89PNG" if ending == "png" else b"<?xml")


def test_a_saved_day_redraws_when_visible_and_waits_when_hidden(qtbot: QtBot, view: "TrendsView") -> None:
    session = view.session
    with qtbot.waitSignal(view.chartsReady, timeout=10_000):
        session.save_day(DayEntry(MISSING, 9), lambda _saved: None)
    index = (MISSING - FIRST).days
    assert view.chart.back_line.get_ydata()[index] == 9

    view.hide()
    with qtbot.assertNotEmitted(view.chartsReady, wait=300):
        session.delete_day(MISSING, lambda _removed: None)  # hidden: redrawn only when shown again
        qtbot.waitUntil(lambda: not session.tasks.busy, timeout=5_000)
    with qtbot.waitSignal(view.chartsReady, timeout=10_000):
        view.show()
    assert np.isnan(view.chart.back_line.get_ydata()[index])


# --- in the window --------------------------------------------------------------------------


def test_trends_tab_in_the_window_opens_a_clicked_day_in_today(qtbot: QtBot, filled_db: Path) -> None:
    from journal.ui.app import create_window
    from journal.ui.main_window import LazyTab

    window = create_window(filled_db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session.opened, timeout=20_000):
        window.show()
    # Features are installed once the window has painted and the journal is open.
    qtbot.waitUntil(lambda: any(a.text() == "T&rends" for a in window.view_menu.actions()), timeout=5_000)
    action = next(a for a in window.view_menu.actions() if a.text() == "T&rends")
    assert action.shortcut().toString() == "Ctrl+3"
    tab = window.tabs.currentWidget()
    action.trigger()
    tab = window.tabs.currentWidget()
    assert isinstance(tab, LazyTab) and window.tabs.tabText(window.tabs.currentIndex()) == "T&rends"
    from journal.ui.trends.view import TrendsView

    trends = tab.build()
    assert isinstance(trends, TrendsView)
    qtbot.waitUntil(lambda: trends.chart is not None, timeout=20_000)
    # The chart takes the height its keys need (a scroll area shows it in a small window).
    qtbot.waitUntil(lambda: trends.canvas.height() >= trends.canvas.minimumHeight(), timeout=5_000)
    trends.set_choice(PeriodChoice.DAYS_30)

    def figure_fills_the_canvas() -> bool:
        # The figure follows the canvas widget's size once Qt has delivered the resize.
        canvas = trends.canvas
        box, ratio = canvas.figure.bbox, canvas.device_pixel_ratio
        return bool(abs(box.width - canvas.width() * ratio) < 2 and abs(box.height - canvas.height() * ratio) < 2)

    qtbot.waitUntil(figure_fills_the_canvas, timeout=5_000)
    target = TODAY - dt.timedelta(days=7)
    qtbot.mouseClick(trends.canvas, Qt.MouseButton.LeftButton, pos=pixel_for(trends, target))
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.today, timeout=5_000)
    qtbot.waitUntil(lambda: window.today.date == target, timeout=5_000)
    window.session.close()


def test_matplotlib_waits_until_the_tab_is_opened() -> None:
    code = (
        "import sys\n"
        "from journal.ui import features\n"
        "import journal.ui.trends.view\n"
        "assert 'journal.ui.trends.view:install' in features.INSTALLERS\n"
        "print('matplotlib' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.slow
def test_chart_libraries_load_on_the_worker_after_the_journal_is_open(tmp_path: Path) -> None:
    """Not before Today is ready; soon after, without the tab being opened."""
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from journal.ui.app import create_window\n"
        f"window = create_window(Path({str(tmp_path / 'j.sqlite3')!r}), welcome=False)\n"
        "window.show()\n"
        "while not window.session.ready:\n"
        "    app.processEvents()\n"
        "at_ready = 'matplotlib' in sys.modules\n"
        "deadline = time.monotonic() + 60\n"
        "while 'journal.formats.charts' not in sys.modules and time.monotonic() < deadline:\n"
        "    app.processEvents(); time.sleep(0.01)\n"
        "window.session.shut_down()\n"
        "print(at_ready, 'matplotlib.figure' in sys.modules, window.tabs.currentWidget() is window.today)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PAIN_JOURNAL_HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:] == ["False", "True", "True"]


# --- plain parts ----------------------------------------------------------------------------


def test_period_bounds() -> None:
    today = dt.date(2024, 6, 30)
    assert period_bounds(PeriodChoice.DAYS_30, today, None) == (dt.date(2024, 6, 1), today)
    assert period_bounds(PeriodChoice.YEAR, today, None)[0] == dt.date(2023, 7, 2)
    assert period_bounds(PeriodChoice.ALL, today, dt.date(2020, 1, 1)) == (dt.date(2020, 1, 1), today)
    assert period_bounds(PeriodChoice.ALL, today, None) == (dt.date(2024, 6, 1), today)
    backwards = (dt.date(2024, 5, 9), dt.date(2024, 5, 1))
    assert period_bounds(PeriodChoice.CUSTOM, today, None, backwards) == backwards[::-1]
    assert clipped_to_journal(dt.date(2024, 1, 1), today, dt.date(2024, 3, 1)) == (dt.date(2024, 3, 1), today)
    assert clipped_to_journal(dt.date(2024, 1, 1), dt.date(2024, 2, 1), dt.date(2024, 3, 1))[0] == dt.date(2024, 1, 1)


def test_other_activities_keep_the_gaps() -> None:
    from journal.formats.charts import OTHER_ACTIVITIES, stack_activities

    series = {name: (10 * (k + 1), None, 0) for k, name in enumerate("abcdefg")}
    stacked = stack_activities(series, 3)
    assert stacked.names[-1] == OTHER_ACTIVITIES and len(stacked.names) == 5
    assert stacked.minutes[-1, 0] == 10 + 20 + 30  # the three smallest, added up
    assert np.isnan(stacked.minutes[:, 1]).all()
    assert (stacked.minutes[:, 2] == 0).all()


def test_hover_text_for_logged_and_unlogged_days() -> None:
    from journal.ui.trends.hover_text import hover_text

    day = DayEntry(dt.date(2024, 3, 5), 6, leg_pain=2, triggers=("stress",), medications=("heat pack",))
    text = hover_text(day.date, day, back_avg7=5.25, flare=True)
    assert text.startswith("Tue 5 Mar 2024")
    assert "back pain 6 (7-day average 5.2)" in text or "back pain 6 (7-day average 5.3)" in text
    assert "flare day" in text and "stress" in text and "heat pack" in text
    assert "not logged" in hover_text(day.date, None)


def test_measures_tab_draws_when_shown(qtbot: QtBot, view: object) -> None:
    assert view.measures is None  # type: ignore[attr-defined]  # nothing drawn before it is shown
    view.chart_tabs.setCurrentWidget(view.measures_page)  # type: ignore[attr-defined]
    chart = view.measures  # type: ignore[attr-defined]
    assert chart is not None
    assert "Where it hurts" in chart.body_ax.get_title(loc="left")
    view.set_choice(PeriodChoice.DAYS_30)
    low, high = chart.sleep_ax.get_xlim()
    assert high - low == 30


def test_hover_line_is_cleared_when_the_view_changes(qtbot: QtBot, view: "TrendsView") -> None:
    from journal.ui.trends.view import HOVER_HINT

    def hover_a_day(days_ago: int) -> None:  # a new place each time: Qt skips a move to where the pointer is
        view.show()
        view.chart_tabs.setCurrentWidget(view.over_time_page)
        view.set_choice(PeriodChoice.DAYS_30)
        qtbot.mouseMove(view.canvas, pixel_for(view, TODAY - dt.timedelta(days=days_ago)))
        qtbot.waitUntil(lambda: "back pain" in view.hover_label.text())

    hover_a_day(3)
    view.chart_tabs.setCurrentWidget(view.calendar_page)  # another chart
    assert view.hover_label.text() == HOVER_HINT
    hover_a_day(5)
    view.set_choice(PeriodChoice.DAYS_90)  # another period
    assert view.hover_label.text() == HOVER_HINT
    hover_a_day(7)
    view.hide()  # another tab of the window
    assert view.hover_label.text() == HOVER_HINT
