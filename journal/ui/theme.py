"""Light, dark and high contrast: which theme is on, and switching it live.

By default the window follows the desktop's colour scheme (Qt's
``styleHints().colorScheme()``, and its high-contrast preference where Qt
reports one) and changes with it while open. View → Colours overrides that;
the choice is kept with QSettings (``pain-journal/appearance.ini``), per user
and computer, not in the journal file. Widgets that paint themselves read
:func:`current_colours` when they paint; charts on screen ask
:func:`current_colours` when they draw (see :mod:`journal.ui.trends.chart_theme`).
The PDF and saved chart pictures always keep their light print colours.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from journal.ui.appearance import (
    SETTINGS_KEY,
    open_settings,
    qt_palette,
    read_choice,
    resolve_theme,
    system_prefers_dark,
    system_prefers_high_contrast,
    theme_switches,
)
from journal.ui.palettes import COLOURS, LIGHT, Colours, Theme, ThemeChoice

#: The View → Colours menu: each choice with its label (mnemonics unique within the menu).
CHOICE_LABELS: dict[ThemeChoice, str] = {
    ThemeChoice.SYSTEM: "As the &system",
    ThemeChoice.LIGHT: "&Light",
    ThemeChoice.DARK: "&Dark",
    ThemeChoice.HIGH_CONTRAST: "&High contrast",
}


class ThemeManager(QObject):
    """Keeps the app drawn in the chosen (or the desktop's) theme; ``changed(Theme)`` after a switch."""

    changed = Signal(object)  # Theme

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        # The platform's style, read when first leaving it: asking for the style makes PySide6
        # build the QStyle class and its dozen enums (~15 ms), which a light start never needs.
        self._native_style: str | None = None
        self._settings = open_settings()
        self.choice = read_choice(self._settings.value(SETTINGS_KEY, ThemeChoice.SYSTEM.value))
        self.theme = Theme.LIGHT
        self._hints = QGuiApplication.styleHints()  # held, so its accessibility hints stay valid
        # Bound methods, not lambdas: Qt drops them with this object (the hints outlive it).
        self._hints.colorSchemeChanged.connect(self._on_desktop_changed)
        accessibility = getattr(self._hints, "accessibility", None)  # Qt 6.10+: high contrast, live too
        self._accessibility = accessibility() if accessibility is not None else None
        changed = getattr(self._accessibility, "contrastPreferenceChanged", None)
        if changed is not None:
            changed.connect(self._on_desktop_changed)

    def _on_desktop_changed(self, _new: object = None) -> None:
        self.apply()

    def stop_following(self) -> None:
        """Stop listening to the desktop's colour changes (before this manager is replaced).

        ``deleteLater`` drops the connections only when the event loop next runs;
        until then a replaced manager would still repaint the app on a desktop switch.
        """
        self._hints.colorSchemeChanged.disconnect(self._on_desktop_changed)
        changed = getattr(self._accessibility, "contrastPreferenceChanged", None)
        if changed is not None:
            changed.disconnect(self._on_desktop_changed)

    @property
    def colours(self) -> Colours:
        return COLOURS[self.theme]

    def set_choice(self, choice: ThemeChoice) -> None:
        """Use ``choice`` from now on (and at the next start); redraws at once."""
        self.choice = choice
        self._settings.setValue(SETTINGS_KEY, choice.value)
        self._settings.sync()
        self.apply()

    def apply(self) -> None:
        """Draw the app in the theme the choice and the desktop call for now."""
        theme = resolve_theme(self.choice, system_dark=system_prefers_dark(), system_high_contrast=system_prefers_high_contrast())
        previous, self.theme = self.theme, theme
        from journal.ui.style import padding, style_sheet

        # Native styles (Windows, macOS) ignore parts of the palette; Fusion draws
        # every control from it, so dark and high contrast stay readable everywhere.
        if theme is not Theme.LIGHT and self._native_style is None:
            self._native_style = self._app.style().name()
        wanted_style = self._native_style if theme is Theme.LIGHT else "Fusion"
        if wanted_style is not None and self._app.style().name().casefold() != wanted_style.casefold():
            self._app.setStyle(wanted_style)
        palette = qt_palette(self.colours)
        sheet = style_sheet(self.colours, padding(self._app))
        if palette == self._app.palette() and sheet == self._app.styleSheet():
            self.theme = theme
            return  # already drawn so (the light style set before the first frame): nothing to redo
        self._app.setPalette(palette)
        if sheet != self._app.styleSheet():
            self._app.setStyleSheet(sheet)
        for widget in self._app.allWidgets():
            widget.update()
        if theme is not previous:
            self.changed.emit(theme)
            theme_switches().changed.emit(theme)


def install_theme(app: QApplication) -> ThemeManager:
    """Start drawing ``app`` in the theme (once; later calls return the same manager)."""
    global _manager
    manager = theme_manager()
    if manager is None:
        manager = _manager = ThemeManager(app)
        manager.apply()
    return manager


_manager: ThemeManager | None = None


def theme_manager() -> ThemeManager | None:
    """The app's theme manager, or None before :func:`install_theme` (tests, the command line)."""
    if _manager is not None and shiboken6.isValid(_manager):
        return _manager
    return None


def current_colours() -> Colours:
    """The colours to draw with now (light when no theme was installed)."""
    manager = theme_manager()
    return manager.colours if manager is not None else LIGHT


def follow_theme(slot: Callable[[Theme], object]) -> None:
    """Call ``slot`` after each theme switch (for widgets styled at construction).

    Give a bound method of a widget: Qt drops the connection when it is destroyed.
    Works before :func:`install_theme` too: the switches the manager makes later reach it.
    """
    theme_switches().changed.connect(slot)


def add_theme_menu(menu: QMenu, parent: QWidget) -> QMenu:
    """View → Colours: the four choices, the current one ticked. Installs the theme if needed."""
    colours_menu = menu.addMenu("C&olours")
    group = QActionGroup(parent)
    group.setExclusive(True)

    def choose(choice: ThemeChoice) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        install_theme(app).set_choice(choice)

    manager = theme_manager()
    current = manager.choice if manager is not None else ThemeChoice.SYSTEM
    for choice, label in CHOICE_LABELS.items():
        action = QAction(label, parent)
        action.setCheckable(True)
        action.setChecked(choice is current)
        action.setData(choice.value)
        action.triggered.connect(lambda _checked=False, chosen=choice: choose(chosen))
        group.addAction(action)
        colours_menu.addAction(action)
    return colours_menu
