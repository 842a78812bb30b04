"""File → Treatments… used as a person would, and the bands on the Trends chart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from journal.core.treatments import Treatment
from journal.ui.treatments import TreatmentsDialog
from tests.gui_helpers import close_window, open_window


@pytest.mark.slow
def test_add_stop_and_remove_a_treatment(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    today = dt.date.today()
    dialog = TreatmentsDialog(window.session, window, today=today)
    qtbot.addWidget(dialog)
    start = today - dt.timedelta(days=30)
    qtbot.keyClicks(dialog.name_edit, "physiotherapy")
    dialog.start_edit.setDate(QDate(start.year, start.month, start.day))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10_000)
    journal = window.session.journal
    assert journal is not None
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    assert [t for _, t in journal.treatments()] == [Treatment("physiotherapy", start)]
    dialog.list.setCurrentRow(0)
    end = today - dt.timedelta(days=2)
    dialog.end_edit.setDate(QDate(end.year, end.month, end.day))
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "stopped" in dialog.result_label.text(), timeout=10_000)
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    assert journal.treatments()[0][1].end == end
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 0, timeout=10_000)
    dialog.close()
    close_window(window)


def test_the_trends_chart_draws_a_named_band_per_treatment() -> None:
    from journal.core.sample_data import sample_days
    from journal.core.trend_series import trend_series
    from journal.formats.charts import draw_trend_chart, new_figure

    end = dt.date(2026, 3, 18)
    days = sample_days(end=end, days=60)
    series = trend_series(days, days[0].date, end)
    chart = draw_trend_chart(new_figure(), series, [Treatment("physiotherapy", end - dt.timedelta(days=20))])
    assert "physiotherapy" in [t.get_text() for t in chart.pain_ax.texts]
