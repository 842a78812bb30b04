"""Today's rules in plain Python: what the words beside Save say, what the warning
banner says, and whether a day may be left now, asked about first, or after a save.

The Today view (:mod:`journal.ui.today.view`) shows what these functions decide;
they never touch a widget, so they are tested without a window.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence

from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.core.redflags import RedFlag


def is_dirty(baseline: DayEntry | None, current: DayEntry) -> bool:
    """Whether the form holds changes since the day was shown or saved (``baseline`` None: let go)."""
    return baseline is not None and current != baseline


def entry_state(*, dirty: bool, just_saved: dt.datetime | None, existing: bool) -> str:
    """The words beside Save: unsaved changes, saved a moment ago, a saved day, or a new one."""
    if dirty:
        return "Unsaved changes"
    if just_saved is not None:
        return f"✓ Saved at {just_saved:%H:%M}: changes you make here update it"
    if existing:
        return "Saved entry: changes you make here update it"
    return "New entry: nothing saved for this day yet"


def banner_text(flags: Sequence[RedFlag]) -> str:
    """Today's warning banner for the day's signs ("" for none): urgent first, then each
    "soon" sign with how soon (from its guideline, catalog.toml), never under "now"."""
    urgent = [f.symptom for f in flags if f.urgency is Urgency.URGENT]
    soon = [f"{f.symptom} ({f.when})" if f.when else f.symptom for f in flags if f.urgency is Urgency.SOON]
    parts = []
    if urgent:
        parts.append(
            f"⚠  Seek medical care now: you logged {', '.join(urgent)}. Go to an emergency "
            "department, or call your local emergency number."
        )
    if soon:
        lead = "Also see your doctor soon about" if urgent else "⚠  See your doctor soon: you logged"
        parts.append(f"{lead} {'; '.join(soon)}.")
    return "\n".join(parts)


class Leave(enum.Enum):
    """What leaving the day shown (another day, closing) needs first."""

    NOW = "now"  # nothing unsaved
    AFTER_SAVE = "after save"  # a save is under way: go once it worked
    ASK = "ask"  # unsaved changes: Save, Discard or Cancel


def leave_rule(*, saving: bool, dirty: bool) -> Leave:
    """Whether the day can be left now (see :class:`Leave`)."""
    if saving:
        return Leave.AFTER_SAVE
    return Leave.ASK if dirty else Leave.NOW
