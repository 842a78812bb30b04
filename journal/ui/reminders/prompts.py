"""How the companion speaks: a tray icon with a menu, or, without a tray, a small window.

Both show only the fixed sentences from :mod:`journal.core.reminders` (they can
appear on a lock screen, so never anything from the journal) and report the
patient's answer as one of the ``ANSWER_*`` strings through ``answered``.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QSystemTrayIcon, QVBoxLayout, QWidget

from journal.core.reminders import BREAK_TEXT, REMINDER_TEXT

ANSWER_OPEN_TODAY = "open-today"
ANSWER_SNOOZE_30 = "snooze-30"
ANSWER_SNOOZE_60 = "snooze-60"
ANSWER_DONE_TODAY = "done-today"
ANSWER_BREAK_DONE = "break-done"
ANSWER_BREAK_LATER = "break-later"
ANSWER_BREAK_STOP = "break-stop"
ANSWER_START_SITTING = "start-sitting"
ANSWER_OPEN_WINDOW = "open-window"
ANSWER_SETTINGS = "settings"
ANSWER_QUIT = "quit"
ANSWER_PAIN_NOW = "pain-now"


class Prompt(Enum):
    REMINDER = "reminder"
    BREAK = "break"


#: (button text, answer) for each prompt, in the order shown.
CHOICES: dict[Prompt, tuple[tuple[str, str], ...]] = {
    Prompt.REMINDER: (
        ("Open Today", ANSWER_OPEN_TODAY),
        ("Snooze 30 minutes", ANSWER_SNOOZE_30),
        ("Snooze 1 hour", ANSWER_SNOOZE_60),
        ("Done for today", ANSWER_DONE_TODAY),
    ),
    Prompt.BREAK: (("Done", ANSWER_BREAK_DONE), ("5 more minutes", ANSWER_BREAK_LATER), ("Stop", ANSWER_BREAK_STOP)),
}
TEXTS: dict[Prompt, str] = {Prompt.REMINDER: REMINDER_TEXT, Prompt.BREAK: BREAK_TEXT}


def companion_icon() -> QIcon:
    """A calm round icon drawn here, so no image file is needed."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#3f7f8c"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(4, 4, 56, 56)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setPixelSize(30)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "PJ")
    painter.end()
    return QIcon(pixmap)


class PromptWindow(QWidget):
    """A small window with the sentence and its answers; it does not take the keyboard focus."""

    answered = Signal(str)

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setWindowTitle("Pain Journal")
        self.setWindowIcon(companion_icon())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(12)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        layout.addWidget(self.text)
        #: One row of answer buttons per prompt, made once; only the current row is shown.
        self._rows: dict[Prompt, QWidget] = {}
        self._row_buttons: dict[Prompt, list[QPushButton]] = {}
        for prompt, choices in CHOICES.items():
            row = QWidget(self)
            buttons = QHBoxLayout(row)
            buttons.setContentsMargins(0, 0, 0, 0)
            buttons.setSpacing(8)
            self._row_buttons[prompt] = []
            for text, answer in choices:
                button = QPushButton(text, row)
                button.setMinimumHeight(button.fontMetrics().height() * 2)
                button.clicked.connect(lambda _=False, a=answer: self._answer(a))
                buttons.addWidget(button)
                self._row_buttons[prompt].append(button)
            row.hide()
            layout.addWidget(row)
            self._rows[prompt] = row
        margins = layout.contentsMargins().left() + layout.contentsMargins().right()
        widest = max(
            [row.sizeHint().width() for row in self._rows.values()]
            + [self.text.fontMetrics().horizontalAdvance(text) for text in TEXTS.values()]
        )
        self.setMinimumWidth(widest + margins)
        self.prompt: Prompt | None = None

    def show_prompt(self, prompt: Prompt) -> None:
        self.prompt = prompt
        self.text.setText(TEXTS[prompt])
        for shown, row in self._rows.items():
            row.setVisible(shown is prompt)
        self.adjustSize()
        self.show()

    def buttons(self) -> list[QPushButton]:
        """The answers on screen now."""
        return list(self._row_buttons[self.prompt]) if self.prompt is not None else []

    def _answer(self, answer: str) -> None:
        self.prompt = None
        self.hide()
        self.answered.emit(answer)

    def closeEvent(self, event: object) -> None:
        # Closing the little window is "not now": it asks nothing more today, like Done.
        prompt, self.prompt = self.prompt, None
        super().closeEvent(event)  # type: ignore[arg-type]
        if prompt is Prompt.REMINDER:
            self.answered.emit(ANSWER_DONE_TODAY)
        elif prompt is Prompt.BREAK:
            self.answered.emit(ANSWER_BREAK_LATER)


class CompanionTray(QObject):
    """The tray icon: a notification for each prompt and a menu with every answer."""

    answered = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.icon = QSystemTrayIcon(companion_icon(), self)
        self.icon.setToolTip("Pain Journal")
        self.menu = QMenu()
        self.prompt: Prompt | None = None
        #: (title, text) of the last notification, for the record and for tests.
        self.last_message: tuple[str, str] | None = None
        self._prompt_actions: list[QAction] = []
        self.open_action = self._add("Open Pain Journal", ANSWER_OPEN_WINDOW)
        self.menu.addSeparator()
        self._prompt_separator = self.menu.addSeparator()
        self.pain_now_action = self._add("Pain now…", ANSWER_PAIN_NOW)
        self.sitting_action = self._add("I'm sitting down to work", ANSWER_START_SITTING)
        self.settings_action = self._add("Settings…", ANSWER_SETTINGS)
        self.menu.addSeparator()
        self.quit_action = self._add("Quit Pain Journal", ANSWER_QUIT)
        self.icon.setContextMenu(self.menu)
        self.icon.messageClicked.connect(self._message_clicked)
        self.icon.activated.connect(self._activated)

    def _add(self, text: str, answer: str) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(lambda _=False: self.answered.emit(answer))
        self.menu.addAction(action)
        return action

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def set_sitting(self, running: bool) -> None:
        self.sitting_action.setText("Stop the sitting timer" if running else "I'm sitting down to work")
        self.sitting_action.setData(ANSWER_BREAK_STOP if running else ANSWER_START_SITTING)
        self.sitting_action.triggered.disconnect()
        answer = ANSWER_BREAK_STOP if running else ANSWER_START_SITTING
        self.sitting_action.triggered.connect(lambda _=False: self.answered.emit(answer))

    def show_prompt(self, prompt: Prompt) -> None:
        """The notification, plus the answers at the top of the tray menu until one is chosen."""
        self.clear_prompt()
        self.prompt = prompt
        for text, answer in CHOICES[prompt]:
            action = QAction(text, self.menu)
            action.triggered.connect(lambda _=False, a=answer: self._answer(a))
            self.menu.insertAction(self._prompt_separator, action)
            self._prompt_actions.append(action)
        self.last_message = ("Pain Journal", TEXTS[prompt])
        self.icon.showMessage(*self.last_message, self.icon.icon(), 60_000)

    def prompt_actions(self) -> list[QAction]:
        return list(self._prompt_actions)

    def clear_prompt(self) -> None:
        self.prompt = None
        for action in self._prompt_actions:
            self.menu.removeAction(action)
            action.deleteLater()
        self._prompt_actions.clear()

    def _answer(self, answer: str) -> None:
        self.clear_prompt()
        self.answered.emit(answer)

    def _message_clicked(self) -> None:
        # Clicking the reminder opens Today; clicking a break suggestion counts as "Done".
        if self.prompt is Prompt.REMINDER:
            self._answer(ANSWER_OPEN_TODAY)
        elif self.prompt is Prompt.BREAK:
            self._answer(ANSWER_BREAK_DONE)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.answered.emit(ANSWER_OPEN_WINDOW)
