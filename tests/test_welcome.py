"""First start: the welcome, its two choices, and the demo that never touches the user's journal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from journal.storage.journal import Journal
from journal.ui.welcome import WelcomeChoice, WelcomeDialog
from tests.gui_helpers import close_window


def _click_when_shown(text: str) -> None:
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, WelcomeDialog):
            next(b for b in dialog.findChildren(QPushButton) if b.text() == text).click()
        else:
            QTimer.singleShot(20, attempt)

    QTimer.singleShot(20, attempt)


def test_welcome_shows_the_disclaimer_and_both_choices(qtbot: QtBot) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "not medical advice" in texts
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert {"&Start logging", "&Explore with sample data"} <= buttons
    assert dialog.choice is WelcomeChoice.START


def test_explore_sample_data_leaves_the_users_journal_empty(qtbot: QtBot, db_path: Path) -> None:
    from journal.ui.app import create_window

    _click_when_shown("&Explore with sample data")
    window = create_window(db_path, welcome=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session.is_demo and window.session.ready, timeout=20_000)
    assert window.session.journal is not None and window.session.journal.count() > 150
    assert window.demo_banner is not None and window.demo_banner.isVisibleTo(window)
    assert window.session.journal.path != db_path
    journal = Journal.open(db_path)
    assert journal.count() == 0
    journal.close()

    qtbot.mouseClick(window.leave_demo_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.session.is_demo, timeout=20_000)
    assert window.session.journal is not None and window.session.journal.path == db_path
    assert window.session.holds_lock  # the user's journal is locked against a second window
    assert window.demo_banner is not None and not window.demo_banner.isVisibleTo(window)
    close_window(window)


def test_start_logging_opens_today_on_the_empty_journal(qtbot: QtBot, db_path: Path) -> None:
    from journal.ui.app import create_window

    _click_when_shown("&Start logging")
    window = create_window(db_path, welcome=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session.ready and window.today.isEnabled(), timeout=20_000)
    assert not window.session.is_demo
    assert window.today.form.back_pain.value() is None
    close_window(window)
