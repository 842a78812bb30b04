"""Start-up timing marks for the benchmarks (``benchmarks/``); silent unless asked.

With ``PAIN_JOURNAL_STARTUP_TRACE=1`` the window prints ``first_paint`` and
``ready`` lines to standard error, each with the unix time and the CPU time the
process has used so far, in seconds. Nothing about the journal's content is
printed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject

ENABLED = bool(os.environ.get("PAIN_JOURNAL_STARTUP_TRACE"))


def mark(event: str) -> None:
    if ENABLED:
        print(f"{event} {time.time():.6f} {time.process_time():.6f}", file=sys.stderr, flush=True)


class FirstPaintWatcher(QObject):
    """Marks ``first_paint`` on the watched widget's first paint event, then removes itself."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            mark("first_paint")
        return False
