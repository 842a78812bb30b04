"""Triggers and daily measures over a period, in one model (:mod:`journal.core.trigger_model`),
and the verdict words the insights use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Final

from journal.core import break_rate, trigger_model
from journal.core.day import DayEntry
from journal.core.insight_period import period_days
from journal.core.sitting import SittingSummary
from journal.core.trigger_model import TriggerImpact, TriggerModel

# Trigger impact (one model, see journal.core.trigger_model)
MIN_DAYS_PER_SIDE: Final = trigger_model.MIN_DAYS_PER_SIDE
VERDICT_HIGHER: Final = trigger_model.VERDICT_HIGHER
VERDICT_LOWER: Final = trigger_model.VERDICT_LOWER
VERDICT_UNCLEAR: Final = trigger_model.VERDICT_UNCLEAR
VERDICT_NO_DIFFERENCE: Final = trigger_model.VERDICT_NO_DIFFERENCE
VERDICT_CANT_TELL: Final = trigger_model.VERDICT_CANT_TELL
UNCLEAR_VERDICTS: Final = trigger_model.UNCLEAR_VERDICTS
VERDICT_TOO_FEW: Final = trigger_model.VERDICT_TOO_FEW
VERDICT_TOGETHER: Final = trigger_model.VERDICT_TOGETHER
CAVEAT: Final = (
    "These are associations, not proof that one thing causes another. Several comparisons "
    "are made at once, so some patterns can appear by chance, and people tend to look for "
    "triggers on bad days, which can make a trigger seem to go with worse pain. A pattern is "
    "a lead to discuss with your clinician."
)


def trigger_analysis(
    days: Sequence[DayEntry],
    start: dt.date,
    end: dt.date,
    sitting: Mapping[dt.date, SittingSummary] | None = None,
) -> TriggerModel:
    """Every trigger and daily measure of the period in one model (see :mod:`journal.core.trigger_model`).

    Only entries inside the period are used; a day's lag-1 comparison needs
    its previous calendar day logged inside the period. ``sitting`` (timed
    sitting per date) adds breaks per sitting hour (:mod:`journal.core.break_rate`).
    """
    rates = break_rate.daily_break_rates(sitting, start, end) if sitting else None
    return trigger_model.trigger_model(period_days(days, start, end), rates)


def trigger_impacts(days: Sequence[DayEntry], start: dt.date, end: dt.date) -> list[TriggerImpact]:
    """One lag-0 and one lag-1 result per trigger noted in the period, ordered by name, then lag.

    Triggers are matched ignoring case (:func:`name_key`).
    """
    return list(trigger_analysis(days, start, end).triggers)
