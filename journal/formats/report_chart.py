"""The compact pain chart on page 1 of the report, drawn as vector graphics.

Drawn with ``reportlab.graphics`` straight into the PDF (sharp at any zoom,
no matplotlib start-up cost, no Qt). It plots the series of
:class:`journal.core.trend_series.TrendSeries` as they are: daily back pain
(dots), the 7-day averages of back and leg pain (lines, with gaps where too
few days were logged), flare days (shaded) and days with medication or
self-care (ticks under the plot).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Final

from journal.core.treatments import Treatment
from journal.core.trend_series import TrendSeries

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import Color

BACK_COLOUR: Final = "#1f5fa8"
BACK_DAY_COLOUR: Final = "#9ab8dc"
LEG_COLOUR: Final = "#c86b12"
FLARE_COLOUR: Final = "#f6d2d2"
MEDICATION_COLOUR: Final = "#2a8a7e"
GRID_COLOUR: Final = "#d9d9d9"
TREATMENT_COLOUR: Final = "#7b5ea7"
TEXT_COLOUR: Final = "#333333"
#: Daily dots are left out above this many days (they would only blur).
MAX_DAYS_WITH_DOTS: Final = 200

_LEFT, _RIGHT, _TOP, _BOTTOM = 24.0, 6.0, 20.0, 30.0


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """(first, last) indices of each run of True."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            runs.append((start, index - 1))
            start = None
    return runs


def _segments(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Unbroken stretches of (index, value), split where a value is None."""
    segments: list[list[tuple[int, float]]] = [[]]
    for index, value in enumerate(values):
        if value is None:
            if segments[-1]:
                segments.append([])
        else:
            segments[-1].append((index, float(value)))
    return [s for s in segments if s]


def _tick_days(dates: Sequence[dt.date]) -> list[tuple[int, str]]:
    """Where to label the x axis: month starts for long periods, Mondays otherwise."""
    if not dates:
        return []
    if len(dates) > 62:
        step_months = 1 if len(dates) <= 400 else 3 if len(dates) <= 1200 else 12
        ticks: list[tuple[int, str]] = []
        for i, day in enumerate(dates):
            if day.day == 1 and (day.month - 1) % step_months == 0:
                show_year = day.month == 1 or not ticks
                ticks.append((i, day.strftime("%b %Y") if show_year else day.strftime("%b")))
        return ticks
    step = 7 if len(dates) > 14 else 1
    return [(i, f"{day.day} {day.strftime('%b')}") for i, day in enumerate(dates) if (day.weekday() == 0 if step == 7 else True)]


def pain_chart(
    series: TrendSeries,
    flare_days: Collection[dt.date],
    width: float,
    height: float,
    *,
    font: str = "Helvetica",
    treatments: Sequence[Treatment] = (),
) -> "Drawing":
    """A chart ``width`` × ``height`` points for the period of ``series``.

    ``flare_days`` are the summary's flare dates, so the shading matches the
    flare figures printed beside the chart. Each of ``treatments`` is a band
    along the top of the plot from its start (a line) to its end, named.
    """
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
    from reportlab.lib import colors

    back_c, dot_c, leg_c = colors.HexColor(BACK_COLOUR), colors.HexColor(BACK_DAY_COLOUR), colors.HexColor(LEG_COLOUR)
    flare_c, med_c = colors.HexColor(FLARE_COLOUR), colors.HexColor(MEDICATION_COLOUR)
    grid_c, text_c = colors.HexColor(GRID_COLOUR), colors.HexColor(TEXT_COLOUR)

    drawing = Drawing(width, height)
    n = max(len(series.dates), 1)
    x0, x1 = _LEFT, width - _RIGHT
    y0, y1 = _BOTTOM, height - _TOP
    dx = (x1 - x0) / n

    def x_of(index: float) -> float:
        return x0 + (index + 0.5) * dx

    def y_of(value: float) -> float:
        return y0 + (y1 - y0) * value / 10.0

    # flare days behind everything
    flare_set = set(flare_days)
    for first, last in _runs([d in flare_set for d in series.dates]):
        drawing.add(Rect(x0 + first * dx, y0, max(dx * (last - first + 1), 1.2), y1 - y0, fillColor=flare_c, strokeColor=None))
    # grid and y labels
    for grid_value in range(0, 11, 2):
        y = y_of(grid_value)
        drawing.add(Line(x0, y, x1, y, strokeColor=grid_c, strokeWidth=0.4))
        drawing.add(String(x0 - 4, y - 2.5, str(grid_value), fontName=font, fontSize=7, fillColor=text_c, textAnchor="end"))
    # x ticks and labels
    for index, label in _tick_days(series.dates):
        x = x0 + index * dx
        drawing.add(Line(x, y0, x, y0 - 3, strokeColor=text_c, strokeWidth=0.5))
        drawing.add(String(x, y0 - 22, label, fontName=font, fontSize=7, fillColor=text_c, textAnchor="start"))
    # medication or self-care days: a strip of ticks under the plot
    strip_y = y0 - 12
    drawing.add(String(x0 - 4, strip_y + 0.5, "Meds", fontName=font, fontSize=6, fillColor=text_c, textAnchor="end"))
    for first, last in _runs([bool(m) for m in series.medication_days]):
        drawing.add(
            Rect(x0 + first * dx + 0.15 * dx, strip_y, max(dx * (last - first + 0.7), 0.8), 6, fillColor=med_c, strokeColor=None)
        )
    # daily back pain
    if n <= MAX_DAYS_WITH_DOTS:
        radius = max(0.8, min(1.8, dx * 0.35))
        for index, value in enumerate(series.back_pain):
            if value is not None:
                drawing.add(Circle(x_of(index), y_of(value), radius, fillColor=dot_c, strokeColor=None))
    # 7-day averages
    for values, colour, dash, stroke in (
        (series.leg_pain_avg7, leg_c, [3, 2], 1.3),
        (series.back_pain_avg7, back_c, None, 1.8),
    ):
        for segment in _segments(values):
            points = [c for i, v in segment for c in (x_of(i), y_of(v))]
            if len(segment) == 1:
                points += [points[0] + 0.01, points[1]]
            drawing.add(
                PolyLine(points, strokeColor=colour, strokeWidth=stroke, strokeDashArray=dash, strokeLineJoin=1, strokeLineCap=1)
            )
    _treatment_bands(drawing, series.dates, treatments, x0, dx, y0, y1, font, colors.HexColor(TREATMENT_COLOUR))
    drawing.add(Rect(x0, y0, x1 - x0, y1 - y0, fillColor=None, strokeColor=colors.HexColor("#999999"), strokeWidth=0.5))
    _legend(drawing, x0, height - 9, font, back_c, dot_c, leg_c, flare_c, med_c, text_c)
    return drawing


def _treatment_bands(
    drawing: "Drawing",
    dates: Sequence[dt.date],
    treatments: Sequence[Treatment],
    x0: float,
    dx: float,
    y0: float,
    y1: float,
    font: str,
    colour: "Color",
) -> None:
    """A band per treatment along the top of the plot, stacked, each named at its left end."""
    from reportlab.graphics.shapes import Line, Rect, String

    if not dates:
        return
    first, last = dates[0], dates[-1]
    for row, treatment in enumerate(t for t in treatments if t.start <= last and (t.end is None or t.end >= first)):
        start = max(treatment.start, first)
        end = min(treatment.end or last, last)
        left = x0 + (start - first).days * dx
        right = x0 + ((end - first).days + 1) * dx
        top = y1 - 1 - row * 7
        drawing.add(Rect(left, top - 5, max(right - left, 1.0), 5, fillColor=colour, fillOpacity=0.35, strokeColor=None))
        if treatment.start >= first:
            drawing.add(Line(left, y0, left, y1, strokeColor=colour, strokeWidth=0.8, strokeDashArray=[2, 2]))
        drawing.add(String(left + 2, top - 4.2, treatment.name, fontName=font, fontSize=5.5, fillColor=colour))


def _legend(
    drawing: "Drawing",
    x: float,
    y: float,
    font: str,
    back_c: "Color",
    dot_c: "Color",
    leg_c: "Color",
    flare_c: "Color",
    med_c: "Color",
    text_c: "Color",
) -> None:
    from reportlab.graphics.shapes import Circle, Line, Rect, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def label(at: float, text: str) -> float:
        drawing.add(String(at, y - 2.5, text, fontName=font, fontSize=7, fillColor=text_c))
        return at + float(stringWidth(text, font, 7)) + 12

    drawing.add(String(x - 20, y - 2.5, "0–10", fontName=font, fontSize=7, fillColor=text_c))
    drawing.add(Line(x + 2, y, x + 16, y, strokeColor=back_c, strokeWidth=1.8))
    x = label(x + 19, "Back pain, 7-day average")
    drawing.add(Circle(x + 3, y, 1.8, fillColor=dot_c, strokeColor=None))
    x = label(x + 8, "Back pain, each day")
    drawing.add(Line(x, y, x + 14, y, strokeColor=leg_c, strokeWidth=1.3, strokeDashArray=[3, 2]))
    x = label(x + 17, "Leg pain, 7-day average")
    drawing.add(Rect(x, y - 4, 9, 8, fillColor=flare_c, strokeColor=None))
    x = label(x + 12, "Flare day")
    drawing.add(Rect(x, y - 3, 4, 6, fillColor=med_c, strokeColor=None))
    label(x + 7, "Medication or self-care taken")
