"""Error reports that cannot carry health data: where it happened, never what was said.

An exception's text may quote what the patient wrote (SQLAlchemy puts the
SQL parameters, a day's notes, into its messages). A scrubbed report keeps
what a developer needs to find a bug (the kinds of the exceptions and the
lines of code they went through) and drops every message. The app's error
hook prints only such reports. Pure Python.
"""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType

HEADER = "Pain Journal stopped because of a problem in the program (details below, without your data)."


def _kind(error: BaseException) -> str:
    kind = type(error)
    return kind.__qualname__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__qualname__}"


def _chain(error: BaseException) -> list[BaseException]:
    """``error`` and the exceptions it came from, oldest first (as Python prints them)."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        chain.append(current)
        seen.add(id(current))
        if current.__cause__ is not None:
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            current = current.__context__
        else:
            current = None
    return chain[::-1]


def scrubbed_report(error: BaseException, tb: TracebackType | None = None) -> str:
    """A traceback of ``error`` with code locations and exception kinds only, no messages."""
    lines = [HEADER]
    for number, link in enumerate(_chain(error)):
        if number:
            lines.append("which led to:")
        frames = traceback.extract_tb(link.__traceback__ if link is not error or tb is None else tb)
        lines.extend(f'  File "{f.filename}", line {f.lineno}, in {f.name}' for f in frames)
        lines.append(_kind(link))
    return "\n".join(lines) + "\n"


def _print_scrubbed(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    sys.stderr.write(scrubbed_report(error, tb))


def _print_scrubbed_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        sys.stderr.write(scrubbed_report(args.exc_value, args.exc_traceback))


def install_scrubbed_hooks() -> None:
    """Make uncaught exceptions (also in threads and Qt slots) print scrubbed reports.

    Leaves a hook someone else installed (a test runner's) in place.
    """
    if sys.excepthook is sys.__excepthook__:
        sys.excepthook = _print_scrubbed
    if threading.excepthook is threading.__excepthook__:
        threading.excepthook = _print_scrubbed_thread
