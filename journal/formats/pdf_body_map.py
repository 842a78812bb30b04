"""Page 1's pain chart with the body map beside it.

The map is the one the patient marks in the app
(:func:`journal.formats.body_map_drawing.body_map_drawing`), each region
shaded by how often it was marked and labelled with its number of days,
under a short title. Without any marked day the chart keeps the full width.
reportlab is imported inside the functions, never at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from journal.core.body_map import load_body_map
from journal.core.daily_measures import WhereItHurts
from journal.core.trend_series import TrendSeries
from journal.formats.body_map_drawing import body_map_drawing
from journal.formats.pdf_style import INK, MUTED, Styles, bare_table_style

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection, Sequence

    from reportlab.platypus import Flowable

    from journal.core.treatments import Treatment

#: Width of the map beside the chart, and the gap between them, in points.
MAP_WIDTH: Final = 118.0
GAP: Final = 10.0
TITLE_SIZE: Final = 8.0
KEY_SIZE: Final = 6.6
#: The chart grows by this much beside the map (it is narrower; the map needs the height).
EXTRA_HEIGHT: Final = 12.0
#: Room left at the top for the chart's legend line (see report_chart's ``_TOP``).
LEGEND_ROOM: Final = 14.0


def body_map_block(where: WhereItHurts, st: Styles, height: float) -> "Flowable":
    """The titled, shaded map fitting in :data:`MAP_WIDTH` x ``height`` points.

    Its top :data:`LEGEND_ROOM` points stay empty: the chart's legend line runs on above the map.
    """
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    title_top = height - LEGEND_ROOM
    key_room = KEY_SIZE + 2
    counts = {r.code: r.days for r in where.regions}
    body = load_body_map()
    room = title_top - TITLE_SIZE - 2 - key_room
    picture_width = min(MAP_WIDTH, room * body.width / body.height)
    picture = body_map_drawing(counts, where.days_marked, picture_width, font=st.regular, bold_font=st.bold)
    picture.translate((MAP_WIDTH - picture_width) / 2, key_room)
    block = Drawing(MAP_WIDTH, height)
    block.add(picture)
    title = String(MAP_WIDTH / 2, title_top - TITLE_SIZE, "Where it hurts", fontName=st.bold, fontSize=TITLE_SIZE)
    title.fillColor, title.textAnchor = colors.HexColor(INK), "middle"
    key = String(MAP_WIDTH / 2, 1.5, f"Days marked, of {where.days_marked}", fontName=st.regular, fontSize=KEY_SIZE)
    key.fillColor, key.textAnchor = colors.HexColor(MUTED), "middle"
    block.add(title)
    block.add(key)
    return block


def chart_with_body_map(
    series: TrendSeries,
    flare_days: "Collection[dt.date]",
    where: WhereItHurts,
    st: Styles,
    width: float,
    height: float,
    treatments: "Sequence[Treatment]" = (),
) -> "Flowable":
    """The pain chart ``height`` points tall, with the body map to its right (and both
    :data:`EXTRA_HEIGHT` taller) when any region was marked."""
    from reportlab.platypus import Table

    from journal.formats.report_chart import pain_chart

    if not where.days_marked:
        return pain_chart(series, flare_days, width, height, font=st.regular, treatments=treatments)
    chart_width = width - MAP_WIDTH - GAP
    height += EXTRA_HEIGHT
    table = Table(
        [
            [
                pain_chart(series, flare_days, chart_width, height, font=st.regular, treatments=treatments),
                "",
                body_map_block(where, st, height),
            ]
        ],
        colWidths=[chart_width, GAP, MAP_WIDTH],
    )
    table.setStyle(bare_table_style())
    return table
