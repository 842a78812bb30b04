"""Helpers for window tests: open a real window on a journal file and wait until it is ready,
and answer the message boxes it shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from journal.core.day import DayEntry
from journal.ui.main_window import MainWindow
from journal.ui.red_flags import RedFlagDialog


def open_window(qtbot: QtBot, path: Path | None, *, demo: bool = False, welcome: bool = False) -> MainWindow:
    from journal.ui.app import create_window

    window = create_window(path, demo=demo, welcome=welcome)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.session.opened, timeout=20_000):
        window.show()
    qtbot.waitUntil(lambda: window.today.isEnabled(), timeout=5_000)
    return window


def close_window(window: MainWindow) -> None:
    window.today.discard_changes()  # nothing unsaved: close without asking
    window.close()
    window.session.close()
    window.session.release_lock()  # the features that do it on closing may not be installed yet


def answer_next_message_box(button: QMessageBox.StandardButton) -> list[str]:
    """Click ``button`` on the next message box that appears; the list gets its text."""
    return answer_boxes([button])


def answer_boxes(buttons: Sequence[QMessageBox.StandardButton]) -> list[str]:
    """Click ``buttons[i]`` on the i-th message box that appears (boxes may open inside others);
    the list gets each box's text. It stops looking once every button is clicked."""
    seen: list[str] = []
    answered: set[int] = set()

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and id(box) not in answered and box.isVisible():
            answered.add(id(box))
            seen.append(box.text())
            box.button(buttons[len(seen) - 1]).click()
        if len(seen) < len(buttons):
            QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    return seen


@dataclass(frozen=True)
class SeenBox:
    """A message box as a :class:`ModalWatcher` found it."""

    title: str
    text: str
    informative: str
    details: str
    buttons: tuple[str, ...]

    def __str__(self) -> str:
        """What the person reads: title, text and informative text, one a line."""
        return f"{self.title}\n{self.text}\n{self.informative}"


class ModalWatcher:
    """Answers modal dialogs as they appear (it looks every 20 ms) until :meth:`stop`.

    A message box gets the next of ``answers`` (button texts, "&" ignored) and is
    left open once they run out; with no ``answers`` every box is accepted (OK).
    Each box answered is kept in :attr:`boxes`. Any other modal dialog goes to
    :meth:`answer_other`, which a test's subclass can override.
    """

    def __init__(self, *answers: str) -> None:
        self.boxes: list[SeenBox] = []
        self._answers: list[str] | None = list(answers) if answers else None
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    @property
    def messages(self) -> list[str]:
        """The text of each box answered."""
        return [box.text for box in self.boxes]

    @property
    def seen(self) -> list[str]:
        """Title, text and informative text of each box answered (see :meth:`SeenBox.__str__`)."""
        return [str(box) for box in self.boxes]

    def _answer(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            if widget.isVisible():
                self._answer_box(widget)
        elif widget is not None:
            self.answer_other(widget)

    def _answer_box(self, box: QMessageBox) -> None:
        if self._answers is not None and not self._answers:
            return
        self.boxes.append(
            SeenBox(
                box.windowTitle(),
                box.text(),
                box.informativeText(),
                box.detailedText(),
                tuple(button.text() for button in box.buttons()),
            )
        )
        if self._answers is None:
            box.accept()
            return
        wanted = self._answers.pop(0)
        next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == wanted).click()

    def answer_other(self, widget: QWidget) -> None:
        """Answer a modal dialog that is not a message box; by default it is left alone."""

    def stop(self) -> None:
        self._timer.stop()


def save_and_wait(qtbot: QtBot, window: MainWindow) -> bool:
    """Press Save on Today and wait for the journal's answer; True when the day was saved."""
    outcome: list[bool] = []
    window.today.save(outcome.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    return outcome[0]


def open_date_and_wait(qtbot: QtBot, window: MainWindow, date: dt.date) -> bool:
    """Ask Today to show ``date`` and wait until it does; False when it did not (Cancel, a failed save)."""
    shown: list[bool] = []
    window.today.open_date(date, lambda: shown.append(True))
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    return bool(shown)


def stored_day(qtbot: QtBot, window: MainWindow, date: dt.date) -> DayEntry | None:
    """What the journal file holds for ``date``, read once the window's queued work is done."""
    qtbot.waitUntil(lambda: not window.session.tasks.busy, timeout=10_000)
    journal = window.session.journal
    assert journal is not None
    return journal.day(date)


def settle_layouts() -> None:
    """Apply every pending layout request now: what a fixed wait hoped had happened, done on purpose.

    Geometry changes post ``LayoutRequest`` events, and handling one can post
    more (a scroll area after its contents), so this repeats until none is left.
    """
    for _ in range(10):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


class RedFlagWatcher(ModalWatcher):
    """Answers modal dialogs as they appear: "I understand" on red-flag dialogs, OK on messages.

    ``red_flags`` holds the text of each red-flag dialog seen, ``messages`` each message box.
    """

    def __init__(self) -> None:
        self.red_flags: list[str] = []
        super().__init__()

    def answer_other(self, widget: QWidget) -> None:
        if isinstance(widget, RedFlagDialog):
            self.red_flags.append(widget.accessibleDescription())
            buttons = widget.findChild(QDialogButtonBox)
            assert buttons is not None
            understand = next(b for b in buttons.buttons() if b.text() == "I understand")
            understand.click()
