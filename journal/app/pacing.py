"""The patient's pacing plans, kept as a setting of the journal, and the overview the plan dialog shows."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from journal.app.settings import set_setting, setting
from journal.core import pacing_plan

if TYPE_CHECKING:
    from journal.app.journal_file import Journal


def load_plans(journal: "Journal") -> list[pacing_plan.Plan]:
    """The kept plans (none when nothing was kept)."""
    return pacing_plan.plans_from_text(setting(journal, pacing_plan.SETTING_KEY))


def save_plans(journal: "Journal", plans: list[pacing_plan.Plan]) -> None:
    """Keep ``plans`` (a read-only journal keeps nothing)."""
    set_setting(journal, pacing_plan.SETTING_KEY, pacing_plan.plans_to_text(plans))


def plan_overview(journal: "Journal", plans: list[pacing_plan.Plan], today: dt.date) -> list[pacing_plan.ActivityOverview]:
    """Each activity's usual minutes and plan, read over every day."""
    return pacing_plan.plan_overview(journal.days(), plans, today)
