"""A chart's figure and its file: a new white figure, and saving it as PNG or SVG by the file's ending."""

from __future__ import annotations

from pathlib import Path
from typing import Final, Literal

from matplotlib.figure import Figure

from journal.core.errors import UserError


def new_figure(
    width_in: float = 11.0,
    height_in: float = 8.0,
    dpi: float = 100.0,
    layout: Literal["constrained", "compressed", "tight"] | None = "constrained",
) -> Figure:
    """A white figure; constrained layout suits :func:`draw_trend_chart` (the heat map lays itself out)."""
    return Figure(figsize=(width_in, height_in), dpi=dpi, layout=layout, facecolor="white")


#: Picture formats a chart can be saved in, by file ending.
IMAGE_FORMATS: Final[dict[str, str]] = {".png": "png", ".svg": "svg"}
#: Dots per inch for saved PNGs: sharp when printed or zoomed.
SAVE_DPI: Final = 200


def image_format(path: Path) -> str:
    """The picture format for ``path`` ("png" or "svg").

    Raises:
        UserError: for another ending, a folder or a folder that does not exist.
    """
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name ending in .png or .svg.")
    found = IMAGE_FORMATS.get(path.suffix.lower())
    if found is None:
        raise UserError(f"Cannot save a chart as {path.name}: use a name ending in .png or .svg.")
    if not path.parent.exists():
        raise UserError(f"The folder {path.parent} does not exist.")
    return found


def save_figure(figure: Figure, path: Path, dpi: float = SAVE_DPI) -> None:
    """Write ``figure`` to ``path`` as PNG or SVG, chosen by its ending.

    Raises:
        UserError: see :func:`image_format`; also when writing fails.
    """
    from journal.files.atomic import write_stream_atomically

    format_name = image_format(path)
    # Through the one atomic writer: owner-only, and a full disk leaves an older chart as it was.
    write_stream_atomically(Path(path), lambda stream: figure.savefig(stream, format=format_name, dpi=dpi, facecolor="white"))
