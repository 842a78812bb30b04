"""The app's look: calm colours, generous targets. Sizes scale with the system font.

Colours come from the theme (:mod:`journal.ui.palettes`, chosen by
:mod:`journal.ui.theme`); every rule that sets a background sets the text
colour drawn on it too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from journal.ui.palettes import LIGHT, Colours


def padding(app: QApplication) -> int:
    """Inner padding in pixels, from the app's font size."""
    size = app.font().pointSizeF()
    return max(4, round((size / 1.1 if size > 0 else 10.0) * 0.5))


def style_sheet(c: Colours, pad: int) -> str:
    """The style sheet for the theme ``c`` with ``pad`` pixels of padding."""
    return _common(c, pad) + (_framed(c) if c != LIGHT else "")


def _framed(c: Colours) -> str:
    """Dark and high contrast: fields and tick boxes framed in the border colour (the
    built-in style draws them a shade darker than the window, which vanishes on black)."""
    return f"""
        QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit {{ border: 1px solid {c.border};
                       border-radius: 3px; background: {c.base}; color: {c.text}; }}
        QCheckBox::indicator {{ width: 14px; height: 14px; border: 2px solid {c.border}; border-radius: 3px;
                       background: {c.base}; color: {c.text}; }}
        QCheckBox::indicator:checked {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent};
                       image: url({_icon("tick-on-accent.svg")}); }}
        QCheckBox::indicator:focus {{ border-color: {c.accent}; }}
        QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 18px; border-left: 1px solid {c.border};
                       background: {c.button}; color: {c.text}; }}
        QAbstractSpinBox::up-arrow {{ image: url({_icon("arrow-up-on-dark.svg")}); width: 10px; height: 6px; }}
        QAbstractSpinBox::down-arrow {{ image: url({_icon("arrow-down-on-dark.svg")}); width: 10px; height: 6px; }}
        QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::down-arrow:disabled {{ image: none; }}
    """


def _icon(name: str) -> str:
    """A picture in resources/icons as a style-sheet path (forward slashes on every system)."""
    from journal.core.resources import RESOURCES_DIR

    return (RESOURCES_DIR / "icons" / name).as_posix()


def _common(c: Colours, pad: int) -> str:
    return f"""
        QMainWindow, QDialog {{ background: {c.window}; color: {c.text}; }}
        QGroupBox {{ font-weight: bold; border: 1px solid {c.border}; border-radius: 8px;
                     margin-top: 1.2em; padding: {pad}px; background: {c.surface}; color: {c.text}; }}
        QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {c.heading}; }}
        QLabel#fieldLabel {{ font-weight: normal; color: {c.text}; }}
        QLabel#hint {{ color: {c.muted}; }}
        QPushButton {{ padding: {pad}px {pad * 2}px; border-radius: 6px; border: 1px solid {c.border};
                       background: {c.button}; color: {c.text}; }}
        QPushButton:hover {{ background: {c.button_hover}; color: {c.text}; }}
        QPushButton:focus {{ border: 2px solid {c.accent}; }}
        QPushButton:disabled {{ color: {c.disabled_text}; border-style: dotted; }}
        QPushButton#chip {{ border-radius: 14px; padding: {pad}px {pad * 2}px; }}
        QPushButton#chip:checked {{ background: {c.accent}; color: {c.accent_text}; border-color: {c.accent}; }}
        QPushButton#chip[mark="urgent"] {{ border: 2px solid {c.urgent}; }}
        QPushButton#chip[mark="urgent"]:checked {{ background: {c.urgent}; color: {c.urgent_text}; }}
        QPushButton#chip[mark="soon"] {{ border: 2px dashed {c.soon}; }}
        QPushButton#chip[mark="soon"]:checked {{ background: {c.soon}; color: {c.soon_text}; }}
        QPushButton#saveButton, QPushButton#primaryButton {{ background: {c.accent}; color: {c.accent_text};
                       font-weight: bold; border: none; padding: {pad * 2}px {pad * 4}px; }}
        QPushButton#saveButton:hover, QPushButton#primaryButton:hover {{ background: {c.accent_hover};
                       color: {c.accent_text}; }}
        QPushButton#saveButton:disabled, QPushButton#primaryButton:disabled {{ background: {c.button};
                       color: {c.disabled_text}; border: 1px dotted {c.border}; }}
        QFrame#scale {{ border: 2px solid transparent; border-radius: 6px; }}
        QFrame#scale:focus {{ border: 2px solid {c.accent}; background: {c.focus_tint}; color: {c.text}; }}
        QLabel#redFlagBanner {{ background: {c.soon_fill}; border: 2px solid {c.soon}; border-radius: 6px;
                       padding: {pad}px; font-weight: bold; color: {c.soon_fill_text}; }}
        QLabel#redFlagBanner[urgent="true"] {{ background: {c.urgent_fill}; border-color: {c.urgent};
                       color: {c.urgent_fill_text}; }}
        QLabel#entryState[dirty="true"] {{ color: {c.dirty_text}; font-weight: bold; }}
        QLabel#notSaved {{ color: {c.error_text}; }}
        QLabel#disclaimer {{ background: {c.note_fill}; color: {c.note_text}; border-radius: 6px; padding: {pad * 2}px; }}
        QWidget#demoBanner {{ background: {c.demo_fill}; color: {c.demo_text}; border-bottom: 1px solid {c.demo_border}; }}
        QWidget#demoBanner QLabel {{ color: {c.demo_text}; }}
        QLabel#readOnlyNote {{ background: {c.demo_fill}; color: {c.demo_text}; padding: 8px; border-radius: 4px; }}
        QTabBar::tab {{ padding: {pad}px {pad * 3}px; }}
        QTableView {{ background: {c.base}; color: {c.text}; alternate-background-color: {c.alternate};
                      selection-background-color: {c.selection}; selection-color: {c.selection_text}; }}
    """
