"""On-screen charts in the window's theme; files and the PDF keep light print colours.

The chart code in :mod:`journal.formats` draws for paper: dark text and grey
grid lines on white. On a dark or high-contrast screen :func:`theme_figure`
recolours only the neutral parts of a drawn figure (backgrounds, text, grid
lines, frames, the "not logged" grey): a neutral colour keeps its place
between the theme's background (where white was) and its text colour (where
black was). Data colours (the Okabe–Ito lines, the heat map's ramp) stay as
they are. Every change is remembered, so :func:`print_colours` can put the
light colours back for saving a picture.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any, Literal

from matplotlib.artist import Artist
from matplotlib.axis import Axis
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from numpy import ma

from journal.ui.palettes import LIGHT, Colours, contrast_ratio
from journal.ui.theme import current_colours

#: A colour whose channels differ by no more than this is grey (neutral).
NEUTRAL_SPREAD = 0.09
#: Text keeps its colour on the themed background only with at least this contrast.
MIN_TEXT_CONTRAST = 4.5

_Undo = list[Callable[[], object]]
_undo: "weakref.WeakKeyDictionary[Figure, _Undo]" = weakref.WeakKeyDictionary()
_themed_with: "weakref.WeakKeyDictionary[Figure, Colours]" = weakref.WeakKeyDictionary()

RGBA = tuple[float, float, float, float]


def _mix(colours: Colours, rgba: RGBA) -> RGBA | None:
    """The theme's version of a neutral colour, or None for a colour to leave alone."""
    red, green, blue, alpha = rgba
    if alpha == 0 or max(red, green, blue) - min(red, green, blue) > NEUTRAL_SPREAD:
        return None
    lightness = (red + green + blue) / 3
    back, ink = to_rgba(colours.window), to_rgba(colours.text)
    mixed = tuple(lightness * b + (1 - lightness) * i for b, i in zip(back[:3], ink[:3]))
    return (mixed[0], mixed[1], mixed[2], alpha)


def _text_colour(colours: Colours, rgba: RGBA) -> RGBA | None:
    """Text: neutral text is mixed like the rest; coloured text too faint on the background becomes the text colour."""
    mixed = _mix(colours, rgba)
    if mixed is not None:
        if contrast_ratio(to_hex(mixed), colours.window) >= MIN_TEXT_CONTRAST:
            return mixed
        return to_rgba(colours.muted)  # quiet grey text stays quiet, yet readable
    if contrast_ratio(to_hex(rgba), colours.window) >= MIN_TEXT_CONTRAST:
        return None
    return to_rgba(colours.text)


def _recolour(
    undo: _Undo, getter: Callable[[], Any], setter: Callable[[Any], object], new: Callable[[RGBA], RGBA | None]
) -> None:
    original = getter()
    try:
        rgba = to_rgba(original)
    except (ValueError, TypeError):
        return  # "none", or several colours
    themed = new(rgba)
    if themed is not None and themed != rgba:
        setter(themed)
        undo.append(lambda: setter(original))


def _recolour_collection(undo: _Undo, colours: Colours, artist: Collection) -> None:
    sides: list[tuple[Callable[[], Any], Callable[[Any], object]]] = [
        (artist.get_facecolor, artist.set_facecolor),
        (artist.get_edgecolor, artist.set_edgecolor),
    ]
    for getter, setter in sides:
        originals: Any = getter()
        if len(originals) == 0:
            continue
        rows = [(float(c[0]), float(c[1]), float(c[2]), float(c[3])) for c in originals]
        themed = [_mix(colours, row) or row for row in rows]
        if themed != rows:
            saved = originals.copy()
            setter(themed)
            undo.append(partial(setter, saved))


def _artists(root: Artist) -> Iterator[Artist]:
    """Every artist under ``root``; of an axis only its label and offset text (ticks go by the axes' settings)."""
    for child in root.get_children():
        if isinstance(child, Axis):
            yield child.label
            yield child.offsetText
            continue
        yield child
        yield from _artists(child)


def _theme_images(undo: _Undo, colours: Colours, figure: Figure) -> None:
    """A picture's "no value" colour (the heat map's days not logged) is neutral: mix it like the rest,
    so the cells match the "Not logged" key beside them."""
    for axes in figure.axes:
        for image in axes.images:
            cmap = image.get_cmap()
            mixed = _mix(colours, _rgba(cmap.get_bad()))
            if mixed is not None:
                image.set_cmap(cmap.with_extremes(bad=mixed))
                undo.append(partial(image.set_cmap, cmap))


def _rgba(value: Any) -> RGBA:
    red, green, blue, alpha = (float(v) for v in to_rgba(value))
    return (red, green, blue, alpha)


def _cell_under(text: Text) -> str:
    """What a picture shows under data-placed ``text``: "empty" (no value), "value", or "none" (no picture)."""
    axes = text.axes
    if axes is None:
        return "none"
    x, y = text.get_position()
    for image in axes.images:
        values = image.get_array()
        if values is None or values.ndim != 2:
            continue
        left, right, bottom, top = image.get_extent()
        rows, columns = values.shape
        column = int((x - left) / (right - left) * columns)
        row = int((y - top) / (bottom - top) * rows) if image.origin == "upper" else int((y - bottom) / (top - bottom) * rows)
        if not (0 <= row < rows and 0 <= column < columns):
            continue
        value = values[row, column]
        if value is ma.masked or value != value:  # masked or NaN: drawn in the "no value" colour
            return "empty"
        return "value"
    return "none"


def _on_the_data(text: Text) -> bool:
    """True for text placed in data coordinates (on the cells or bars it labels)."""
    axes = text.axes
    return axes is not None and text.get_transform() == axes.transData


def _restore(figure: Figure) -> None:
    _themed_with.pop(figure, None)
    for step in reversed(_undo.pop(figure, [])):
        step()


def _theme_ticks(undo: _Undo, colours: Colours, figure: Figure) -> set[int]:
    """Tick labels, tick marks and grid lines, through the axes' settings: ticks made
    later (another period) take them too. Returns the ids of the artists done."""
    done: set[int] = set()
    for axes in figure.axes:
        names: tuple[tuple[Literal["x", "y"], Any], ...] = (("x", axes.xaxis), ("y", axes.yaxis))
        for name, axis in names:
            # The ticks already made (asking for the current ones would run the date locators).
            for which, ticks in (("major", list(axis.majorTicks)), ("minor", list(axis.minorTicks))):
                if not ticks:
                    continue
                first = ticks[0]
                before = {
                    "labelcolor": first.label1.get_color(),
                    "color": first.tick1line.get_color(),
                    "grid_color": first.gridline.get_color(),
                }
                after = {
                    "labelcolor": _text_colour(colours, to_rgba(before["labelcolor"])),
                    "color": _mix(colours, to_rgba(before["color"])),
                    "grid_color": _mix(colours, to_rgba(before["grid_color"])),
                }
                changed = {key: value for key, value in after.items() if value is not None}
                if changed:
                    axes.tick_params(axis=name, which=which, **changed)
                    undo.append(partial(axes.tick_params, axis=name, which=which, **before))
                for tick in ticks:
                    done.update(id(part) for part in (tick.label1, tick.label2, tick.tick1line, tick.tick2line, tick.gridline))
    return done


def theme_figure(figure: Figure, colours: Colours | None = None) -> None:
    """Draw ``figure`` in ``colours`` (default: the current theme) from its next draw.

    Call it after the chart is drawn or updated (new artists start in print
    colours); calling it again first undoes the last call, so it never mixes
    a colour twice. The light theme leaves the print colours as they are.
    """
    colours = colours or current_colours()
    _restore(figure)
    if colours == LIGHT:
        return
    undo: _Undo = []

    def mix(rgba: RGBA) -> RGBA | None:
        return _mix(colours, rgba)

    def text(rgba: RGBA) -> RGBA | None:
        return _text_colour(colours, rgba)

    done = _theme_ticks(undo, colours, figure)
    _theme_images(undo, colours, figure)
    for artist in _artists(figure):
        if id(artist) in done:
            continue
        done.add(id(artist))
        if isinstance(artist, Text):
            box = artist.get_bbox_patch()
            if box is None and _on_the_data(artist):
                if _cell_under(artist) == "empty":  # a day not logged: its cell was mixed above
                    _recolour(undo, artist.get_color, artist.set_color, text)
                continue  # written on a heat-map cell or a bar: that colour is its background
            _recolour(undo, artist.get_color, artist.set_color, text)
            if box is not None:
                _recolour(undo, box.get_facecolor, box.set_facecolor, mix)
                _recolour(undo, box.get_edgecolor, box.set_edgecolor, mix)
        elif isinstance(artist, Line2D):
            _recolour(undo, artist.get_color, artist.set_color, mix)
        elif isinstance(artist, Patch):
            _recolour(undo, artist.get_facecolor, artist.set_facecolor, mix)
            _recolour(undo, artist.get_edgecolor, artist.set_edgecolor, mix)
        elif isinstance(artist, Collection):
            _recolour_collection(undo, colours, artist)
    _undo[figure] = undo
    _themed_with[figure] = colours


@contextmanager
def print_colours(figure: Figure) -> Iterator[Figure]:
    """Within the block ``figure`` has its light print colours (for saving a picture)."""
    colours = _themed_with.get(figure)
    _restore(figure)
    try:
        yield figure
    finally:
        if colours is not None:
            theme_figure(figure, colours)
