"""The sleep, mood, stiffness and where-it-hurts panels, drawn without Qt."""

from __future__ import annotations

import datetime as dt

import numpy as np
from matplotlib.colors import to_hex

from journal.core.day import PAIN_LOCATIONS, DayEntry
from journal.formats.body_map_drawing import shade
from journal.formats.charts import new_figure
from journal.formats.measures_chart import NOTHING_MARKED, draw_measures

START = dt.date(2024, 1, 1)


def days() -> list[DayEntry]:
    return [
        DayEntry(
            START + dt.timedelta(days=i),
            4,
            sleep_hours=None if i == 5 else 7.0,
            sleep_quality=6,
            stress=3,
            morning_stiffness_min=20,
            pain_locations=frozenset({"lower_back_centre", "calf_left"} if i % 2 else {"lower_back_centre"}),
        )
        for i in range(20)
    ]


def test_lines_keep_gaps_and_the_body_map_gives_counts_and_shading() -> None:
    chart = draw_measures(new_figure(layout=None), days(), START, START + dt.timedelta(days=19))
    sleep_dots = np.asarray(chart.sleep_ax.lines[0].get_ydata(), dtype=float)
    assert np.isnan(sleep_dots[5]) and sleep_dots[4] == 7.0
    assert len(chart.scale_ax.lines) == 4  # quality and stress: dots and 7-day averages
    regions = {p.get_gid(): p for p in chart.body_ax.patches if p.get_gid()}
    assert set(regions) == set(PAIN_LOCATIONS)  # every region of the shared shape data is drawn
    assert to_hex(regions["lower_back_centre"].get_facecolor()) == shade(1.0)[0]  # every marked day
    assert to_hex(regions["calf_left"].get_facecolor()) == shade(0.5)[0]  # half of them
    assert to_hex(regions["calf_right"].get_facecolor()) == shade(0.0)[0]  # never
    assert shade(1.0) != shade(0.5) != shade(0.0)
    texts = [t.get_text() for t in chart.body_ax.texts]
    assert texts.count("20") == 1 and texts.count("10") == 2  # calf, left: on the back and front views
    assert {"Back", "Front", "Left", "Right"} <= set(texts)
    assert chart.body_ax.get_title(loc="left") == "Where it hurts\n(of 20 days marked)"


def test_nothing_recorded_says_so() -> None:
    plain = [DayEntry(START + dt.timedelta(days=i), 4) for i in range(10)]
    chart = draw_measures(new_figure(layout=None), plain, START, START + dt.timedelta(days=9))
    assert NOTHING_MARKED in [t.get_text() for t in chart.body_ax.texts]
    assert "Not recorded in this period." in [t.get_text() for t in chart.sleep_ax.texts]
