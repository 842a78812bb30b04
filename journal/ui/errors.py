"""What the window does with an error: plain words for the patient, never a traceback.

A :class:`journal.core.errors.UserError` is something the patient can act on and
is shown as it is. Anything else is a bug: the patient sees "Something went
wrong" with a report they can copy for support. The report holds where the
error happened (files, lines, functions) and the versions, never the error's
message or values, which may hold health data (SQL parameters, notes).
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from journal import __version__
from journal.core.errors import UserError

log = logging.getLogger(__name__)

UNEXPECTED_TITLE = "Something went wrong"
UNEXPECTED_TEXT = (
    "Something went wrong — nothing was lost. Everything you saved is still in your journal; "
    "anything not yet saved is still on screen.\n\n"
    "If it happens again, \"Show Details…\" has a report you can copy for support. "
    "It holds no health data."
)


def error_report(error: BaseException) -> str:
    """A report of ``error`` that is safe to share: types and code locations only."""
    lines = [
        f"Pain Journal {__version__}",
        f"Python {platform.python_version()} on {platform.system()} {platform.release()} ({platform.machine()})",
    ]
    try:
        import PySide6

        lines.append(f"PySide6 {PySide6.__version__}")
    except ImportError:  # pragma: no cover - the window always has it
        pass
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    for index, item in enumerate(reversed(chain)):
        if index:
            lines.append("which led to:")
        lines.append(f"{type(item).__module__}.{type(item).__qualname__}")
        for frame in traceback.extract_tb(item.__traceback__):
            lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def _short_path(filename: str) -> str:
    """The file's path from its package folder on (no user name from the home folder)."""
    parts = filename.replace("\\", "/").split("/")
    for marker in ("journal", "site-packages", "lib"):
        if marker in parts:
            return "/".join(parts[parts.index(marker):])
    return parts[-1]


def show_error(parent: QWidget | None, error: BaseException, *, title: str = "Could not finish") -> None:
    """Tell the patient about ``error``: a UserError as written, anything else as a bug."""
    if isinstance(error, UserError):
        QMessageBox.warning(parent, title, str(error))
        return
    log.error("unexpected error: %s", type(error).__name__)
    box = QMessageBox(QMessageBox.Icon.Critical, UNEXPECTED_TITLE, UNEXPECTED_TEXT,
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(error_report(error))
    box.exec()


def install_excepthook() -> None:
    """Route uncaught exceptions on the window's thread to :func:`show_error`.

    Without this, PySide6 prints the traceback (with the values in it) to
    standard error and carries on as if nothing happened.
    """

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        app = QApplication.instance()
        if app is None:
            log.error("unexpected error: %s", kind.__name__)
            return
        show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook
