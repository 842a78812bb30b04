"""The cyclic garbage collector during start-up: paused until Today shows the day.

Start-up imports about 500 modules (Qt, SQLModel and its dependencies, the
app's own) and so creates some hundred thousand objects that live as long as
the app. The collector walked over them again and again while they were being
made: about a sixth of start-up's CPU time. It is paused from before the first
heavy import until the journal is open (or failed to open); then the objects
made so far are moved to the permanent generation (``gc.freeze``), so later
collections skip them, and collection resumes. Reference counting frees
everything else as usual the whole time.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop automatic collection until :func:`resume` (for the start of the window process)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what start-up made and collect automatically again (only undoes :func:`pause`)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    return _paused
