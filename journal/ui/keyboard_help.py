"""Help → Keyboard shortcuts, and F1 for a short help on the part of the window in focus.

The list is made from the window itself: every action and shortcut that has a
key, every underlined letter (Alt+letter) of the screen shown, and the keys
the form's own controls understand. So it cannot drift from what the keys do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from journal.ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from journal.ui.host import WindowHost

#: Keys that controls understand by themselves (no QAction to read them from).
CONTROL_KEYS: tuple[tuple[str, str], ...] = (
    ("Tab / Shift+Tab", "Next / previous field, in screen order"),
    ("0 … 9 (on a 0–10 scale)", "Choose that number; 1 then 0 quickly chooses 10"),
    ("Left / Right (on a scale)", "One less / one more"),
    ("Delete (on a scale)", "Clear the answer"),
    ("Arrow keys (on chips or places)", "Move between them"),
    ("Space", "Tick or untick the chip or place in focus; press the button in focus"),
    ("F1", "The user guide, at the section about the part in focus"),
    ("Shift+F1", "A short help on the part of the window in focus"),
)

#: Shown by Shift+F1 when nothing in focus has its own help.
GENERAL_HELP = (
    "Pain Journal: log one day at a time on the Today tab. Start with back pain (type a number), "
    "press Tab to go on, and Ctrl+S to save. Help → Keyboard shortcuts lists every key."
)


def plain(text: str) -> str:
    """Menu or label text without its "&" marks (a doubled "&&" stays one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def mnemonic(text: str) -> str | None:
    """The letter underlined in ``text`` (what follows a single "&"), upper-case, or None."""
    index = 0
    while (index := text.find("&", index)) != -1:
        following = text[index + 1 : index + 2]
        if following == "&":
            index += 2
            continue
        return following.upper() or None
    return None


def _key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action, shortcut and button shortcut in ``window``."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = ", ".join(_key_text(k) for k in action.shortcuts() if not k.isEmpty())
        if keys and action.text():
            rows.setdefault(keys, plain(action.text()).rstrip("…"))
    for shortcut in window.findChildren(QShortcut):
        keys = _key_text(shortcut.key())
        if keys and shortcut.whatsThis():
            rows.setdefault(keys, shortcut.whatsThis())
    for button in window.findChildren(QAbstractButton):
        keys = _key_text(button.shortcut())
        if keys and mnemonic(button.text()) is None:
            rows.setdefault(keys, button.accessibleName() or plain(button.text()))
    return sorted(rows.items(), key=lambda row: row[1].casefold())


def _shown_text(widget: QWidget) -> str:
    """A label's, a button's or a group box's text ("" for other widgets)."""
    if isinstance(widget, QGroupBox):
        return widget.title()
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    return ""


def mnemonic_rows(window: "WindowHost") -> list[tuple[str, str]]:
    """(Alt+letter, what it reaches) for the menus, the tabs and the screen shown."""
    rows: list[tuple[str, str]] = []
    for action in window.menuBar().actions():
        if (letter := mnemonic(action.text())) is not None:
            rows.append((f"Alt+{letter}", f"{plain(action.text())} menu"))
    tabs = window.tabs
    for index in range(tabs.count()):
        if (letter := mnemonic(tabs.tabText(index))) is not None:
            rows.append((f"Alt+{letter}", f"{plain(tabs.tabText(index))} tab"))
    page = tabs.currentWidget()
    if page is not None:
        for widget in page.findChildren(QWidget):
            if not widget.isVisibleTo(page):
                continue
            text = _shown_text(widget)
            if (letter := mnemonic(text)) is not None:
                rows.append((f"Alt+{letter}", plain(text)))
    return sorted(rows)


class ShortcutsDialog(QDialog):
    """A read-only list of the keys, grouped: commands, Alt+letters, keys inside controls."""

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        self.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        self.table = QTreeWidget(self)
        self.table.setColumnCount(2)
        self.table.setHeaderLabels(["Keys", "What they do"])
        self.table.setRootIsDecorated(False)
        sections = (
            ("Commands", shortcut_rows(window)),
            ("Underlined letters on this screen (hold Alt)", mnemonic_rows(window)),
            ("Inside the form", list(CONTROL_KEYS)),
        )
        for title, rows in sections:
            heading = QTreeWidgetItem([title, ""])
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            self.table.addTopLevelItem(heading)
            for keys, meaning in rows:
                self.table.addTopLevelItem(QTreeWidgetItem([keys, meaning]))
        self.table.resizeColumnToContents(0)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def rows(self) -> list[tuple[str, str]]:
        """Every line shown, headings included (for tests and screen readers alike)."""
        return [
            (self.table.topLevelItem(i).text(0), self.table.topLevelItem(i).text(1))
            for i in range(self.table.topLevelItemCount())
        ]


def help_for(widget: QWidget | None) -> str:
    """The short help of ``widget`` or of the nearest enclosing part that has one."""
    while widget is not None:
        if widget.whatsThis():
            return widget.whatsThis()
        widget = widget.parentWidget()
    return GENERAL_HELP


def show_context_help(window: QWidget) -> str:
    """Show (and return) the help for the focused part of ``window`` beside it."""
    focused = QApplication.focusWidget()
    if focused is None or focused.window() is not window:
        focused = None
    text = help_for(focused)
    anchor = focused or window
    QWhatsThis.showText(anchor.mapToGlobal(QPoint(0, anchor.height())), text, anchor)
    return text


def install_keyboard_help(window: "WindowHost") -> None:
    """Help → Keyboard shortcuts (Ctrl+?) and Shift+F1 for help on the focused part, above About."""
    shortcuts = QAction("&Keyboard shortcuts", window)
    shortcuts.setShortcut(QKeySequence("Ctrl+?"))
    shortcuts.triggered.connect(lambda: ShortcutsDialog(window).exec())
    window.help_menu.insertAction(window.about_action, shortcuts)
    context = QAction("&Help on this part of the window", window)
    context.setShortcut(QKeySequence("Shift+F1"))  # F1 opens the user guide at the matching section
    context.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    context.triggered.connect(lambda: show_context_help(window))
    window.help_menu.insertAction(window.about_action, context)
    window.keyboard_shortcuts_action = shortcuts
    window.context_help_action = context
