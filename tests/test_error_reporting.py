"""Errors reach the patient in plain words, and the shareable report holds no health data."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from journal.core.errors import UserError
from journal.ui.errors import UNEXPECTED_TITLE, error_report, install_excepthook
from journal.ui.tasks import TaskRunner
from tests.gui_helpers import ModalWatcher, SeenBox

SECRET = "Notes: could not sleep, pain 9 after the fall"


def failing_save() -> None:
    try:
        raise sqlite3.OperationalError("database or disk is full")
    except sqlite3.OperationalError as error:
        raise RuntimeError(f"INSERT INTO day VALUES ('{SECRET}')") from error


def test_the_report_names_the_error_and_where_but_never_its_values() -> None:
    with pytest.raises(RuntimeError) as caught:
        failing_save()
    report = error_report(caught.value)
    assert SECRET not in report and "INSERT" not in report
    assert "sqlite3.OperationalError" in report and "\nRuntimeError" in report
    assert "which led to:" in report
    assert "test_error_reporting.py" in report and "failing_save" in report
    assert "Pain Journal" in report


@pytest.fixture
def boxes(qtbot: QtBot) -> Iterator[list[SeenBox]]:
    """Every message box shown during the test, answered with OK: title, text and details."""
    watcher = ModalWatcher()
    yield watcher.boxes
    watcher.stop()


def test_work_that_fails_unexpectedly_is_told_without_the_values(qtbot: QtBot, boxes: list[SeenBox]) -> None:
    runner = TaskRunner()
    runner.run(failing_save, lambda _: None)
    qtbot.waitUntil(lambda: bool(boxes), timeout=5_000)
    (seen,) = boxes
    assert seen.title == UNEXPECTED_TITLE
    assert "nothing was lost" in seen.text
    assert SECRET not in seen.details and "OperationalError" in seen.details


def test_a_user_error_without_a_handler_is_shown_as_written(qtbot: QtBot, boxes: list[SeenBox]) -> None:
    runner = TaskRunner()

    def work() -> None:
        raise UserError("The folder /media/usb does not exist.")

    runner.run(work, lambda _: None)
    qtbot.waitUntil(lambda: bool(boxes), timeout=5_000)
    assert boxes[0].text == "The folder /media/usb does not exist."


def test_an_uncaught_error_on_the_window_thread_shows_the_dialog(
    boxes: list[SeenBox], capsys: pytest.CaptureFixture[str]
) -> None:
    previous = sys.excepthook
    install_excepthook()
    try:
        try:
            failing_save()
        except RuntimeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = previous
    assert [box.title for box in boxes] == [UNEXPECTED_TITLE]
    assert SECRET not in boxes[0].details
    assert SECRET not in capsys.readouterr().err
