"""No two Alt+letter mnemonics clash on one screen: each tab of the main window (with
its menu bar and tab bar), each menu, and each dialog the menus open."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from journal.core.catalog import Urgency
from journal.core.redflags import RedFlag
from journal.ui.keyboard_help import mnemonic, plain
from journal.ui.main_window import MainWindow
from journal.ui.red_flags import RedFlagDialog
from journal.ui.welcome import WelcomeDialog
from tests.gui_helpers import close_window, open_window, settle_layouts


def _text(widget: QWidget) -> str:
    if isinstance(widget, QGroupBox):
        return widget.title()
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    return ""


def screen_mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Letter -> texts that underline it, over the widgets of ``root`` shown now (tab bars too)."""
    found: dict[str, list[str]] = defaultdict(list)
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                if (letter := mnemonic(widget.tabText(index))) is not None:
                    found[letter].append(f"tab {plain(widget.tabText(index))}")
        elif isinstance(widget, QLabel) and widget.buddy() is None and mnemonic(widget.text()) is not None:
            found["(label without a buddy)"].append(plain(widget.text()))
        elif (letter := mnemonic(_text(widget))) is not None:
            found[letter].append(plain(_text(widget)))
    return found


def clashes(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in found.items() if len(texts) > 1 or letter.startswith("(")}


def window_screen(window: MainWindow) -> dict[str, list[str]]:
    found = screen_mnemonics(window)
    for action in window.menuBar().actions():
        if (letter := mnemonic(action.text())) is not None:
            found[letter].append(f"menu {plain(action.text())}")
    return found


def menu_actions(menu: QMenu) -> list[QAction]:
    actions: list[QAction] = []
    for action in menu.actions():
        if action.menu() is not None:
            actions += menu_actions(action.menu())  # type: ignore[arg-type]
        elif not action.isSeparator():
            actions.append(action)
    return actions


def _wait_for_features(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.export_dialog is not None or window.data_safety is not None, timeout=20_000)


def test_no_mnemonic_clashes_on_any_tab_or_menu(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _wait_for_features(qtbot, window)
    window.today.form.more.set_open(True)  # every field of Today on screen
    problems: dict[str, dict[str, list[str]]] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle_layouts()
        found = clashes(window_screen(window))
        if found:
            problems[plain(window.tabs.tabText(index))] = found
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        in_menu: dict[str, list[str]] = defaultdict(list)
        for action in menu.actions():
            if (letter := mnemonic(action.text())) is not None:
                in_menu[letter].append(plain(action.text()))
        if clashes(in_menu):
            problems[f"menu {plain(top.text())}"] = clashes(in_menu)
    assert problems == {}
    close_window(window)


def test_no_mnemonic_clashes_in_the_dialogs_the_menus_open(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    _wait_for_features(qtbot, window)
    seen: dict[str, dict[str, list[str]]] = {}

    def inspect_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if not isinstance(widget, QDialog) or not widget.isVisible():
                continue
            if not isinstance(widget, (QFileDialog, QMessageBox)):  # Qt's own
                pages: list[QTabWidget | None] = [*widget.findChildren(QTabWidget)]
                for tabs in pages or [None]:
                    for index in range(tabs.count() if tabs else 1):
                        if tabs is not None:
                            tabs.setCurrentIndex(index)
                        seen.setdefault(f"{widget.windowTitle()} {index}", clashes(screen_mnemonics(widget)))
            widget.done(QDialog.DialogCode.Rejected)

    def open_dialogs() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]

    timer = QTimer()
    timer.timeout.connect(inspect_and_close)
    timer.start(30)
    skipped = ("Quit",)
    for top in window.menuBar().actions():
        for action in menu_actions(top.menu()):  # type: ignore[arg-type]
            if not action.isEnabled() or any(word in action.text() for word in skipped):
                continue
            if action in window.colours_menu.actions():
                continue  # colour choices open no dialog (and would stay chosen for later tests)
            action.trigger()  # a modal dialog is inspected and closed by the timer before this returns
            settle_layouts()
            inspect_and_close()  # one shown without waiting
            qtbot.waitUntil(lambda: not open_dialogs(), timeout=5_000)
    timer.stop()
    assert len(seen) >= 3, sorted(seen)  # the shortcuts list, About, the export dialog at least
    assert {title: found for title, found in seen.items() if found} == {}
    close_window(window)


def test_no_mnemonic_clashes_in_the_warning_and_welcome_dialogs(qtbot: QtBot) -> None:
    flag = RedFlag(date=dt.date.today(), symptom="loss of bladder or bowel control", urgency=Urgency.URGENT)
    for dialog in (RedFlagDialog([flag], today=dt.date.today()), WelcomeDialog()):
        qtbot.addWidget(dialog)
        dialog.show()
        assert clashes(screen_mnemonics(dialog)) == {}, dialog.windowTitle()
        dialog.done(QDialog.DialogCode.Rejected)
