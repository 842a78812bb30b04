"""Hostile input: names the patient typed are drawn as plain text in every chart.

matplotlib reads text between two ``$`` as mathematics; a trigger called
``money $$ stress`` once stopped the chart command and left Trends empty.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pytestqt.qtbot import QtBot

from journal.cli import main
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.trend_series import trend_series

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TODAY = dt.date.today()
DOLLAR_NAMES = ("money $$ stress", "$x^2$ stairs", "costs $5 and $10", "a\\$b $\\frac{1}{0}$")


def days_with_dollars() -> list[DayEntry]:
    return [
        DayEntry(
            TODAY - dt.timedelta(days=i),
            4 + i % 3,
            triggers=(DOLLAR_NAMES[i % len(DOLLAR_NAMES)],),
            activities=(ActivityMinutes(DOLLAR_NAMES[(i + 1) % len(DOLLAR_NAMES)], 20),),
        )
        for i in range(12)
    ]


def drawn_texts(figure: Figure) -> list[str]:
    from matplotlib.text import Text

    return [t.get_text() for t in figure.findobj(Text)]


def test_trend_chart_draws_dollar_names_as_typed() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from journal.formats.charts import draw_trend_chart, new_figure

    days = days_with_dollars()
    figure = new_figure()
    FigureCanvasAgg(figure)
    draw_trend_chart(figure, trend_series(days, TODAY - dt.timedelta(days=11), TODAY))
    figure.canvas.draw()  # raised ValueError (mathtext) before labels were made plain
    from matplotlib.text import Text

    shown: dict[str, Any] = {t.get_text(): t for t in figure.findobj(Text)}
    for name in DOLLAR_NAMES:
        label = name[:1].upper() + name[1:]
        matches = [t for text, t in shown.items() if text.replace("\\$", "$") == label]
        assert matches, f"{label!r} not drawn"
        # drawn without mathtext: the text is not "math" once preprocessed
        assert not matches[0]._preprocess_math(matches[0].get_text())[1]


def test_chart_command_with_dollar_names(db_path: Path, tmp_path: Path) -> None:
    from journal.storage.journal import Journal

    journal = Journal.open(db_path)
    journal.import_days(days_with_dollars())
    journal.close()
    target = tmp_path / "chart.png"
    assert main(["chart", str(target), "--db", str(db_path)]) == 0
    assert target.stat().st_size > 10_000


def test_names_in_other_scripts_get_a_font_that_has_them() -> None:
    """Chinese trigger and activity names are drawn with an installed CJK font, not boxes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from journal.formats.charts import draw_trend_chart, new_figure
    from journal.formats.label_fonts import CHART_FAMILY, families_for
    from journal.formats.system_fonts import face_for

    if face_for("搬") is None:
        pytest.skip("no CJK font installed (CI installs fonts-wqy-microhei)")
    assert families_for(["stairs"]) == [CHART_FAMILY]
    assert len(families_for(["搬家"])) == 2
    days = [
        DayEntry(TODAY - dt.timedelta(days=i), 4, triggers=("搬家",), activities=(ActivityMinutes("散步", 20),)) for i in range(5)
    ]
    figure = new_figure()
    FigureCanvasAgg(figure)
    chart = draw_trend_chart(figure, trend_series(days, TODAY - dt.timedelta(days=4), TODAY))
    figure.canvas.draw()
    labels = {t.get_text(): t for t in chart.trigger_ax.get_yticklabels()}
    assert labels["搬家"].get_fontfamily() == families_for(["搬家"])
    legend_texts = {t.get_text(): t for t in chart.activity_ax.get_legend().get_texts()}
    assert legend_texts["散步"].get_fontfamily() == families_for(["散步"])


def test_qt_labels_show_names_as_typed(qtbot: QtBot) -> None:
    """Chips keep "&" (not a shortcut key); labels quoting names never read them as HTML."""
    from journal.ui.widgets.chips import ChipGroup

    group = ChipGroup("Triggers")
    qtbot.addWidget(group)
    group.set_names(["Rock & roll", "<b>bold</b>", "money $$ stress"], {"rock & roll": "urgent"})
    chip = group.chip("Rock & roll")
    assert chip is not None and chip.text() == "⚠ Rock && roll"  # drawn as "⚠ Rock & roll"
    group.set_names(["Rock & roll", "<b>bold</b>", "money $$ stress"])  # same chips, text refreshed
    assert group.chip("Rock & roll").text() == "⚠ Rock && roll"
    assert group.names() == ["Rock & roll", "<b>bold</b>", "money $$ stress"]
    group.chip("<b>bold</b>").click()
    assert group.checked() == ["<b>bold</b>"]


def test_banner_and_hover_texts_are_plain(qtbot: QtBot, db_path: Path) -> None:
    from PySide6.QtCore import Qt

    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner
    from journal.ui.today.view import TodayView
    from journal.ui.trends.view import TrendsView

    session = JournalSession(TaskRunner())
    with qtbot.waitSignal(session.opened, timeout=20_000):
        session.open(db_path)
    try:
        today, trends = TodayView(session), TrendsView(session)
        qtbot.addWidget(today)
        qtbot.addWidget(trends)
        assert today.red_flag_banner.textFormat() == Qt.TextFormat.PlainText
        assert trends.hover_label.textFormat() == Qt.TextFormat.PlainText
    finally:
        session.close()
