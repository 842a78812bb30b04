"""The app's look at start-up: the base font, then the light style or the theme manager.

Apart from :mod:`journal.ui.style` (the style sheet) and :mod:`journal.ui.theme`
(the manager, which uses the style sheet), so that neither imports the other.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from journal.ui.palettes import LIGHT
from journal.ui.style import padding, style_sheet


def apply_style(app: QApplication) -> None:
    """Set a slightly larger base font (relative to the system's), then the theme's colours.

    The theme follows the desktop's light or dark scheme, live, unless the
    patient chose one in View → Colours.
    """
    font = QFont(app.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * 1.1)
    app.setFont(font)
    from journal.ui.appearance import theme_at_start
    from journal.ui.palettes import Theme

    if theme_at_start() is Theme.LIGHT:
        # The light style now; the theme manager (live switching, the menu) comes with the
        # features, once the journal is open: its import would delay the first frame.
        from journal.ui.appearance import qt_palette

        app.setPalette(qt_palette(LIGHT))
        app.setStyleSheet(style_sheet(LIGHT, padding(app)))
        return
    from journal.ui.theme import install_theme

    install_theme(app)
