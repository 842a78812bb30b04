"""The trend chart's look: the colour-safe palette, sizes in points, and each panel's styling, heading and key.

Shared by every panel of :mod:`journal.formats.charts`; no Qt and no pyplot.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.text import Text

#: The Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
OKABE_ITO: Final[dict[str, str]] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
BACK_COLOUR: Final = OKABE_ITO["blue"]
LEG_COLOUR: Final = OKABE_ITO["orange"]
FLARE_COLOUR: Final = OKABE_ITO["vermillion"]
TREATMENT_COLOUR: Final = OKABE_ITO["reddish_purple"]
MEDICATION_COLOUR: Final = OKABE_ITO["reddish_purple"]
PEG_COLOUR: Final = OKABE_ITO["bluish_green"]
TRIGGER_COLOUR: Final = "#3d3d3d"
OTHER_COLOUR: Final = "#a0a0a0"
NOT_LOGGED_COLOUR: Final = "#ececec"
TEXT_COLOUR: Final = "#2b3440"
ACTIVITY_COLOURS: Final = (
    OKABE_ITO["sky_blue"],
    OKABE_ITO["bluish_green"],
    OKABE_ITO["yellow"],
    OKABE_ITO["reddish_purple"],
)
TOP_ACTIVITIES: Final = len(ACTIVITY_COLOURS)
MAX_TRIGGER_ROWS: Final = 8
OTHER_ACTIVITIES: Final = "Other activities"
OTHER_TRIGGERS: Final = "Other triggers"

FONT_SIZE: Final = 9.5
TITLE_SIZE: Final = 10.5
BAR_HALF_WIDTH: Final = 0.4  # days
WIDE_BARS_AFTER_DAYS: Final = 400  # longer spans draw days edge to edge
LABEL_OFFSET_PT: Final = 40.0  # y-axis titles sit this far left of their panel
#: The least height of each panel's plot (pain, activity, triggers, PEG) and of each trigger row.
PANEL_MIN_PT: Final = (120.0, 45.0, 12.0, 36.0)
TRIGGER_ROW_PT: Final = 12.0
KEY_MARGIN_PT: Final = 16.0  # a panel's key fits the width right of the scale labels less this
MEDICATION_Y: Final = -1.0  # the strip below the 0–10 pain scale
PAIN_LIMITS: Final = (-1.7, 10.6)
NO_DAYS_TEXT: Final = "No days logged in this period."


def style_axes(ax: Axes) -> None:
    ax.tick_params(labelsize=FONT_SIZE, colors=TEXT_COLOUR)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_axisbelow(True)


def panel_heading(ax: Axes, title: str, handles: Sequence[object] = (), ncols: int = 1) -> Artist:
    """The panel's title with its key underneath, above the plot (full width stays for the days)."""
    if not handles:
        return ax.set_title(title, loc="left", fontsize=TITLE_SIZE, color=TEXT_COLOUR, fontweight="bold", pad=3.0)
    legend = ax.legend(
        handles=handles,
        title=title,
        alignment="left",
        loc="lower left",
        bbox_to_anchor=(-0.005, 1.0),
        ncols=ncols,
        fontsize=FONT_SIZE,
        frameon=False,
        borderpad=0.2,  # the keys sit close under their titles and above their plots: the chart is tall enough as it is
        labelspacing=0.3,
        borderaxespad=0.2,
        handlelength=1.6,
        columnspacing=1.2,
        title_fontproperties={"size": TITLE_SIZE, "weight": "bold"},
    )
    legend.get_title().set_color(TEXT_COLOUR)
    return legend


def wrap_to(text: Text, whole: str, room: float, renderer: RendererBase) -> bool:
    """Break ``text`` (a panel title reading ``whole``) into lines no wider than ``room`` pixels; True when it changed."""
    before = text.get_text()
    text.set_text(whole)
    words, lines = whole.split(" "), [""]
    if text.get_window_extent(renderer).width > room:
        for word in words:
            text.set_text(f"{lines[-1]} {word}".strip())
            if lines[-1] and text.get_window_extent(renderer).width > room:
                lines.append(word)
            else:
                lines[-1] = text.get_text()
        text.set_text("\n".join(lines))
    return text.get_text() != before


def share_height(total: float, least: Sequence[float], weights: Sequence[float]) -> list[float]:
    """Heights summing to ``total`` for panels that each need ``least`` and share the rest by ``weights``.

    A panel whose share by weight would be below its least gets its least, and the others
    share what is left by their weights. Below the sum of the least heights, the least ones.
    """
    if total <= sum(least):
        return list(least)
    fixed: set[int] = set()
    while True:
        left = total - sum(least[i] for i in fixed)
        weight = sum(w for i, w in enumerate(weights) if i not in fixed)
        heights = [least[i] if i in fixed else left * weights[i] / weight for i in range(len(least))]
        short = {i for i in range(len(least)) if i not in fixed and heights[i] < least[i]}
        if not short:
            return heights
        fixed |= short
