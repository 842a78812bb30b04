"""What the window does with an error: plain words for the patient, never a traceback.

A :class:`journal.core.errors.UserError` is something the patient can act on and
is shown as it is. Anything else is a bug: the patient sees "Something went
wrong" with a report they can copy for support. The report holds where the
error happened (files, lines, functions) and the versions, never the error's
message or values, which may hold health data (SQL parameters, notes).
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from journal import __version__
from journal.core.error_report import scrubbed_report
from journal.core.errors import UserError

log = logging.getLogger(__name__)

UNEXPECTED_TITLE = "Something went wrong"
UNEXPECTED_TEXT = (
    "Something went wrong — nothing was lost. Everything you saved is still in your journal; "
    "anything not yet saved is still on screen.\n\n"
    'If it happens again, "Show Details…" has a report you can copy for support. '
    "It holds no health data."
)


def error_report(error: BaseException) -> str:
    """A report of ``error`` that is safe to share: versions, exception kinds and code
    locations only (:func:`journal.core.error_report.scrubbed_report`)."""
    import platform  # here, not at the top: the window installs the hook before its first frame

    import PySide6

    versions = (
        f"Pain Journal {__version__}, Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"{platform.system()} {platform.release()} ({platform.machine()})"
    )
    body = scrubbed_report(error).splitlines()[1:]  # without the "stopped" headline: it did not stop
    return "\n".join([versions, *body])


def show_error(parent: QWidget | None, error: BaseException, *, title: str = "Could not finish") -> None:
    """Tell the patient about ``error``: a UserError as written, anything else as a bug."""
    from PySide6.QtWidgets import QMessageBox

    if isinstance(error, UserError):
        QMessageBox.warning(parent, title, str(error))
        return
    log.error("unexpected error: %s", type(error).__name__)
    box = QMessageBox(QMessageBox.Icon.Critical, UNEXPECTED_TITLE, UNEXPECTED_TEXT, QMessageBox.StandardButton.Ok, parent)
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
        sys.stderr.write(scrubbed_report(error, tb))
        app = QApplication.instance()
        if app is None:
            return
        show_error(QApplication.activeWindow(), error)

    sys.excepthook = hook
