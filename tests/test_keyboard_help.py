"""Help → Keyboard shortcuts lists the real keys; F1 explains the part in focus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from journal.ui.keyboard_help import GENERAL_HELP, ShortcutsDialog, help_for, mnemonic, plain, show_context_help
from tests.gui_helpers import close_window, open_window


def test_mnemonic_and_plain_read_qt_ampersands() -> None:
    assert mnemonic("&File") == "F"
    assert mnemonic("Same as &yesterday") == "Y"
    assert mnemonic("Salt && pepper") is None
    assert mnemonic("Rock && &roll") == "R"
    assert plain("Rock && &roll…") == "Rock & roll…"


def test_the_shortcut_list_is_made_from_the_window(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows())
    native = QKeySequence.SequenceFormat.NativeText
    assert rows[QKeySequence("Ctrl+S").toString(native)] == "Save the day shown"
    assert rows[QKeySequence("Ctrl+Z").toString(native)] == "Undo"
    assert "Redo" in rows.values()
    assert rows["Alt+M"].startswith("More")
    assert rows["Alt+B"].startswith("Back pain")
    assert rows["Alt+S"] == "Symptoms"
    # A new action appears in the list without anyone writing it down.
    extra = QAction("Water the plants", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+W"))
    window.addAction(extra)
    again = ShortcutsDialog(window)
    qtbot.addWidget(again)
    assert dict(again.rows())[QKeySequence("Ctrl+Shift+W").toString(native)] == "Water the plants"
    close_window(window)


def test_f1_explains_the_focused_part(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    form = window.today.form
    chip = form.symptoms.chips()[0]
    chip.setFocus()
    assert "warning signs" in help_for(chip)
    assert "warning signs" in show_context_help(window)
    form.back_pain.setFocus()
    # Added with the features, once Today is ready.
    qtbot.waitUntil(lambda: window.context_help_action is not None, timeout=10_000)
    assert window.context_help_action is not None
    help_items = [action.text() for action in window.help_menu.actions()]
    assert help_items.index("&Help on this part of the window") < help_items.index("&About Pain Journal")
    # Shift+F1, the usual "What's this?" key: F1 itself opens the user guide at the matching section.
    assert window.context_help_action.shortcut() == QKeySequence("Shift+F1")
    assert show_context_help(window).startswith("Pain today")
    assert help_for(None) == GENERAL_HELP
    close_window(window)
