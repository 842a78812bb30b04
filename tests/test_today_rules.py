"""Today's save / dirty / leave rules and its words, without a window."""

from __future__ import annotations

import datetime as dt

from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.core.redflags import RedFlag
from journal.core.today_rules import Leave, banner_text, entry_state, is_dirty, leave_rule

DAY = dt.date(2026, 3, 2)


def test_dirty_means_changed_since_shown_and_nothing_once_let_go() -> None:
    shown = DayEntry(date=DAY, back_pain=4)
    assert not is_dirty(shown, DayEntry(date=DAY, back_pain=4))
    assert is_dirty(shown, DayEntry(date=DAY, back_pain=5))
    assert not is_dirty(None, DayEntry(date=DAY, back_pain=5))  # discarded: nothing to ask about


def test_the_words_beside_save_never_contradict_the_state() -> None:
    saved_at = dt.datetime(2026, 3, 2, 9, 41)
    assert entry_state(dirty=True, just_saved=saved_at, existing=True) == "Unsaved changes"
    assert entry_state(dirty=False, just_saved=saved_at, existing=True).startswith("✓ Saved at 09:41")
    assert entry_state(dirty=False, just_saved=None, existing=True).startswith("Saved entry")
    assert entry_state(dirty=False, just_saved=None, existing=False).startswith("New entry")


def test_leaving_waits_for_a_save_asks_about_changes_and_otherwise_goes() -> None:
    assert leave_rule(saving=True, dirty=True) is Leave.AFTER_SAVE
    assert leave_rule(saving=True, dirty=False) is Leave.AFTER_SAVE
    assert leave_rule(saving=False, dirty=True) is Leave.ASK
    assert leave_rule(saving=False, dirty=False) is Leave.NOW


def test_the_banner_puts_urgent_signs_first_and_says_how_soon_for_the_others() -> None:
    urgent = RedFlag(DAY, "numbness in the saddle area", Urgency.URGENT)
    soon = RedFlag(DAY, "leg weakness", Urgency.SOON, when="within a week")
    assert banner_text([]) == ""
    assert banner_text([soon]) == "⚠  See your doctor soon: you logged leg weakness (within a week)."
    both = banner_text([soon, urgent]).split("\n")
    assert both[0].startswith("⚠  Seek medical care now: you logged numbness in the saddle area.")
    assert both[1] == "Also see your doctor soon about leg weakness (within a week)."
