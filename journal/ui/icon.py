"""The app's icon, drawn by Qt from resources/icons/pain-journal.svg."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter

from journal.core.about import APP_ID
from journal.core.resources import ICON_FILE


def render_icon(size: int, svg: Path = ICON_FILE) -> QImage:
    """The icon as a ``size`` × ``size`` image with a transparent background.

    Raises:
        OSError: the SVG cannot be read.
    """
    from PySide6.QtSvg import QSvgRenderer  # only when drawing: not needed at start-up otherwise

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise OSError(f"cannot read the icon {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def icon_pngs(sizes: Sequence[int]) -> dict[int, bytes]:
    """The icon drawn at each of ``sizes`` (pixels), as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    pngs = {}
    for size in sizes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        render_icon(size).save(buffer, "PNG")  # type: ignore[call-overload]  # any QIODevice works; the stubs list file names only
        buffer.close()
        pngs[size] = bytes(data.data())
    return pngs


def app_icon() -> QIcon:
    """The window and taskbar icon.

    Qt's SVG icon engine draws it at whatever size is asked for, when it is
    asked (about 1 ms here, so start-up does not wait for drawing).
    """
    return QIcon(str(ICON_FILE))


def set_identity(app: QGuiApplication) -> None:
    """Give every window the app's icon, and tie the app to its desktop entry.

    The desktop file name lets Wayland compositors and docks match the running
    window with the installed menu entry (and its icon).
    """
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
