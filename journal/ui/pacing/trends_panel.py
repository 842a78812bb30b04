"""Trends' "Pacing plan" tab: plan against what was done per week, and flares after days over plan."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser

from journal.core import pacing
from journal.core.dates import day_words
from journal.core.reminders import duration_words

if TYPE_CHECKING:
    from journal.core.day import DayEntry
    from journal.core.pacing import Plan
    from journal.ui.pacing.feature import PacingFeature
    from journal.ui.trends.view import TrendsView

GREY = "#5a6573"


def pacing_html(days: "list[DayEntry] | tuple[DayEntry, ...]", plans: "list[Plan]",
                start: dt.date, end: dt.date) -> str:
    """The tab's text for the period [start, end]."""
    parts = [f"<p style='color:{GREY}'>{escape(day_words(start))} to {escape(day_words(end))}. "
             "<a href='plan'>Change your plan…</a> · <a href='guidance'>Why pace?</a></p>"]
    if not plans:
        parts.append("<p>You have no pacing plan yet. A plan is how long to do an activity at a time, "
                     "so you can keep going without overdoing it. <a href='plan'>Set one</a> from your "
                     "own days.</p>")
        return "".join(parts)
    for plan in sorted(plans, key=lambda p: p.activity.casefold()):
        weeks = pacing.plan_vs_done(days, plan, start, end)
        parts.append(f"<h3>{escape(plan.activity[:1].upper() + plan.activity[1:])}: "
                     f"{plan.minutes} min at a time</h3>")
        if not weeks:
            parts.append(f"<p style='color:{GREY}'>Not logged in this period.</p>")
            continue
        rows = "".join(
            f"<tr><td>{escape(day_words(w.week_start))}</td><td align='right'>{w.days_done}</td>"
            f"<td align='right'>{w.days_over}</td>"
            f"<td align='right'>{escape(duration_words(round(w.median_minutes or 0)))}</td></tr>"
            for w in weeks[-12:]
        )
        parts.append(
            "<table cellpadding='4' cellspacing='0'>"
            "<tr><th align='left'>Week of</th><th align='right'>Days done</th>"
            "<th align='right'>Over plan</th><th align='right'>Usual day</th></tr>"
            f"{rows}</table>"
        )
        if len(weeks) > 12:
            parts.append(f"<p style='color:{GREY}'>The last 12 of {len(weeks)} weeks.</p>")
    comparison = pacing.flare_after_plan(days, plans, start, end)
    parts.append("<h3>Flares after days over plan</h3>")
    parts.append(f"<p>{escape(comparison.sentence)}</p>")
    parts.append(f"<p style='color:{GREY}'><small>“Over plan”: more minutes than your current plan "
                 "for any planned activity that day. A flare is counted on the next day, as the rest "
                 "of the journal defines it.</small></p>")
    return "".join(parts)


class PacingPanel(QTextBrowser):
    """Follows the Trends period and the plans."""

    def __init__(self, view: "TrendsView", feature: "PacingFeature") -> None:
        super().__init__(view)
        self.setOpenLinks(False)
        self.setAccessibleName("Your pacing plan against what you did")
        self.document().setDocumentMargin(12)
        self._view = view
        self._feature = feature
        view.summaryShown.connect(lambda _summary: self.refresh())
        view.chartsReady.connect(self.refresh)
        feature.plansChanged.connect(self.refresh)
        self.anchorClicked.connect(self._follow)
        self.refresh()

    def refresh(self) -> None:
        data = self._view.data
        if data is None:
            self.setHtml(f"<p style='color:{GREY}'>Loading your days…</p>")
            return
        start, end = self._view.period
        self.setHtml(pacing_html(data.days, self._feature.plans, start, end))

    def _follow(self, url: QUrl) -> None:
        if url.toString() == "plan":
            self._feature.open_plan_dialog()
        elif url.toString() == "guidance":
            self._feature.open_guidance(pacing.GUIDANCE_ITEMS[0])
