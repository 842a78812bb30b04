"""The app's look: calm colours, generous targets. Sizes scale with the system font."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication


def apply_style(app: QApplication) -> None:
    """Set a slightly larger base font (relative to the system's) and the style sheet."""
    font = QFont(app.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(base * 1.1)
    app.setFont(font)
    pad = max(4, round(base * 0.5))
    app.setStyleSheet(f"""
        QMainWindow, QDialog {{ background: #f7f8fa; }}
        QGroupBox {{ font-weight: bold; border: 1px solid #d5dbe3; border-radius: 8px;
                     margin-top: 1.2em; padding: {pad}px; background: #ffffff; }}
        QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #1f3b5a; }}
        QLabel#fieldLabel {{ font-weight: normal; color: #2b3440; }}
        QLabel#hint {{ color: #5a6573; }}
        QPushButton {{ padding: {pad}px {pad * 2}px; border-radius: 6px; border: 1px solid #aab4c0;
                       background: #ffffff; }}
        QPushButton:hover {{ background: #eef3f9; }}
        QPushButton:focus {{ border: 2px solid #1f5fa0; }}
        QPushButton#chip {{ border-radius: 14px; padding: {pad}px {pad * 2}px; }}
        QPushButton#chip:checked {{ background: #1f5fa0; color: white; border-color: #1f5fa0; }}
        QPushButton#chip[mark="urgent"] {{ border: 2px solid #b34700; }}
        QPushButton#chip[mark="urgent"]:checked {{ background: #b34700; color: white; }}
        QPushButton#chip[mark="soon"] {{ border: 2px dashed #b36b00; }}
        QPushButton#chip[mark="soon"]:checked {{ background: #b36b00; color: white; }}
        QPushButton#saveButton, QPushButton#primaryButton {{ background: #1f5fa0; color: white;
                       font-weight: bold; border: none; padding: {pad * 2}px {pad * 4}px; }}
        QPushButton#saveButton:hover, QPushButton#primaryButton:hover {{ background: #174b80; }}
        QFrame#scale {{ border: 2px solid transparent; border-radius: 6px; }}
        QFrame#scale:focus {{ border: 2px solid #1f5fa0; background: #eef3f9; }}
        QLabel#redFlagBanner {{ background: #fff1e0; border: 2px solid #b36b00; border-radius: 6px;
                       padding: {pad}px; font-weight: bold; color: #5a2e00; }}
        QLabel#redFlagBanner[urgent="true"] {{ background: #fde2d4; border-color: #b34700; color: #4a1500; }}
        QLabel#entryState[dirty="true"] {{ color: #8a4b00; font-weight: bold; }}
        QLabel#disclaimer {{ background: #eef3f9; border-radius: 6px; padding: {pad * 2}px; }}
        QWidget#demoBanner {{ background: #fff6d6; border-bottom: 1px solid #e0c96b; }}
        QTabBar::tab {{ padding: {pad}px {pad * 3}px; }}
        QTableView {{ background: #ffffff; alternate-background-color: #f3f6fa; }}
    """)
