"""The cyclic garbage collector during start-up: paused until Today shows the day.

Start-up imports about 500 modules (Qt, SQLModel and its dependencies, the
app's own) and so creates some hundred thousand objects that live as long as
the app. The collector walked over them again and again while they were being
made: about a sixth of start-up's CPU time. It is paused from before the first
heavy import until the journal is open (or failed to open); then the objects
made so far are moved to the permanent generation (``gc.freeze``), so later
collections skip them, and collection resumes. Reference counting frees
everything else as usual the whole time.

If opening the journal hangs (a slow network folder, a stuck lock), a guard
resumes collection after :data:`GUARD_SECONDS` anyway, so a long wait never
runs without a collector.
"""

from __future__ import annotations

import gc
import threading
from typing import Final

#: Collection resumes at the latest this long after :func:`pause`.
GUARD_SECONDS: Final = 5.0

_paused = False
_lock = threading.Lock()
_guard: threading.Timer | None = None


def pause(guard_seconds: float = GUARD_SECONDS) -> None:
    """Stop automatic collection until :func:`resume`, or ``guard_seconds`` at most."""
    global _paused, _guard
    with _lock:
        if gc.isenabled():
            gc.disable()
            _paused = True
            _guard = threading.Timer(guard_seconds, resume)
            _guard.daemon = True
            _guard.start()


def resume() -> None:
    """Freeze what start-up made and collect automatically again (only undoes :func:`pause`)."""
    global _paused, _guard
    with _lock:
        if _guard is not None and _guard is not threading.current_thread():
            _guard.cancel()
        _guard = None
        if _paused:
            _paused = False
            gc.freeze()
            gc.enable()


def paused() -> bool:
    return _paused
