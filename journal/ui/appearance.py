"""What the window looks like at start: the stored colour choice and the desktop's wishes.

Small on purpose (Qt core and gui only): the start-up reads it before the first
frame, while :mod:`journal.ui.theme` (the live theme manager and its menu) is
installed once the journal is ready.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from journal.ui.palettes import Colours, Theme, ThemeChoice

SETTINGS_KEY = "colours/theme"


class ThemeSwitches(QObject):
    """``changed(Theme)`` after every live switch of the colours.

    It lives here, in the small module read before the first frame, so widgets
    built then can follow switches made by the theme manager that comes later.
    """

    changed = Signal(object)  # Theme


_switches: ThemeSwitches | None = None


def theme_switches() -> ThemeSwitches:
    """The one :class:`ThemeSwitches` of the app (made on first use)."""
    global _switches
    if _switches is None:
        _switches = ThemeSwitches()
    return _switches


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "pain-journal", "appearance")


def read_choice(value: object) -> ThemeChoice:
    try:
        return ThemeChoice(str(value))
    except ValueError:
        return ThemeChoice.SYSTEM  # an unknown value (a newer version's) falls back to following the desktop


def stored_choice() -> ThemeChoice:
    """The patient's View → Colours choice (following the desktop when none was made)."""
    return read_choice(open_settings().value(SETTINGS_KEY, ThemeChoice.SYSTEM.value))


def resolve_theme(choice: ThemeChoice, *, system_dark: bool, system_high_contrast: bool) -> Theme:
    """The theme to draw for ``choice`` on a desktop that is dark and/or high-contrast."""
    if choice is ThemeChoice.SYSTEM:
        if system_high_contrast:
            return Theme.HIGH_CONTRAST
        return Theme.DARK if system_dark else Theme.LIGHT
    return Theme(choice.value)


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() is Qt.ColorScheme.Dark


def system_prefers_high_contrast() -> bool:
    """True when the desktop asks for high contrast (Qt 6.10+ can tell; earlier, never)."""
    hints = QGuiApplication.styleHints()  # kept in a name: the hints below live as long as it
    accessibility = getattr(hints, "accessibility", None)
    high = getattr(getattr(Qt, "ContrastPreference", None), "HighContrast", None)
    if accessibility is None or high is None:
        return False
    try:
        return bool(accessibility().contrastPreference() == high)
    except (AttributeError, RuntimeError):  # an older Qt, or a platform without the hint
        return False


def theme_at_start() -> Theme:
    """The theme the window should open in."""
    return resolve_theme(stored_choice(), system_dark=system_prefers_dark(), system_high_contrast=system_prefers_high_contrast())


def qt_palette(c: Colours) -> QPalette:
    """A Qt palette for the theme, so native controls (fields, menus, tooltips) match the style sheet."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window,
        QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.base,
        QPalette.ColorRole.AlternateBase: c.alternate,
        QPalette.ColorRole.Text: c.text,
        QPalette.ColorRole.Button: c.button,
        QPalette.ColorRole.ButtonText: c.text,
        QPalette.ColorRole.Highlight: c.selection,
        QPalette.ColorRole.HighlightedText: c.selection_text,
        QPalette.ColorRole.ToolTipBase: c.surface,
        QPalette.ColorRole.ToolTipText: c.text,
        QPalette.ColorRole.PlaceholderText: c.muted,
        QPalette.ColorRole.Link: c.heading,
        QPalette.ColorRole.LinkVisited: c.heading,
        QPalette.ColorRole.BrightText: c.error_text,
        QPalette.ColorRole.Light: c.button_hover,
        QPalette.ColorRole.Midlight: c.button_hover,
        QPalette.ColorRole.Mid: c.border,
        QPalette.ColorRole.Dark: c.border,
        QPalette.ColorRole.Shadow: c.border,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.disabled_text))
    return palette
