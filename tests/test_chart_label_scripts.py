"""Chart labels from the patient's words read right in every script.

matplotlib draws characters one after another, left to right: a Hebrew
trigger name came out backwards and Arabic letters unjoined. Labels are now
put in drawing order by the Unicode Bidirectional Algorithm and shaped by
HarfBuzz before matplotlib sees them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from journal.core.day import ActivityMinutes, DayEntry
from journal.core.trend_series import trend_series
from journal.formats.chart_text import drawing_order

TODAY = dt.date(2026, 6, 30)


def letters(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@pytest.mark.parametrize(
    ("name", "drawn"),
    [
        ("stairs", "stairs"),
        ("搬家", "搬家"),
        ("שלום 3 פעמים", "םימעפ 3 םולש"),  # a number inside right-to-left words keeps its order
        ("work (עבודה) 2", "work (הדובע) 2"),
        ("\u2067עבודה\u2069 stress", "הדובע stress"),  # an isolate, its controls not drawn
    ],
)
def test_labels_are_in_drawing_order(name: str, drawn: str) -> None:
    assert drawing_order(name) == drawn


def test_arabic_labels_are_joined() -> None:
    drawn = drawing_order("ضغط العمل")
    assert letters(drawn) == "لمعلا طغض"  # right to left...
    # ...in joining forms: all but the word-initial alef, which joins nothing before it
    assert sum("\ufe70" <= c <= "\ufeff" for c in drawn) == 7 and "\u0627" in drawn
    assert drawn[:2] == "\ufede\ufee4"  # the last word's final lam, then medial meem


def test_the_trend_chart_draws_right_to_left_names_in_order() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from journal.formats.charts import draw_trend_chart, new_figure

    days = [
        DayEntry(TODAY - dt.timedelta(days=i), 4, triggers=("ישיבה ארוכה",), activities=(ActivityMinutes("مشي", 20),))
        for i in range(5)
    ]
    figure = new_figure()
    FigureCanvasAgg(figure)
    chart = draw_trend_chart(figure, trend_series(days, TODAY - dt.timedelta(days=4), TODAY))
    figure.canvas.draw()
    assert [t.get_text() for t in chart.trigger_ax.get_yticklabels()] == ["הכורא הבישי"]
    legend = [t.get_text() for t in chart.activity_ax.get_legend().get_texts()]
    assert [letters(text) for text in legend] == ["يشم"]
