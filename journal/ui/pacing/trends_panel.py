"""Trends' "Pacing plan" tab: plan against what was done per week, and flares after days over plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QUrl, SignalInstance
from PySide6.QtWidgets import QTextBrowser

from journal.core import pacing_plan as pacing
from journal.core.dates import day_words
from journal.core.reminders import duration_words
from journal.core.sitting import SittingWeek, sitting_weeks
from journal.ui.theme import current_colours, follow_theme

if TYPE_CHECKING:
    from journal.core.day import DayEntry
    from journal.core.pacing_plan import Plan
    from journal.ui.trends.view import TrendsView


def sitting_html(weeks: "list[SittingWeek]") -> str:
    """Timed sitting and breaks per week (from the sitting-break timer), or nothing."""
    if not weeks:
        return ""
    rows = "".join(
        f"<tr><td>{escape(day_words(w.week_start))}</td>"
        f"<td align='right'>{escape(duration_words(w.minutes))}</td><td align='right'>{w.breaks}</td>"
        f"<td align='right'>{'' if w.breaks_per_hour is None else f'{w.breaks_per_hour:.1f}'}</td></tr>"
        for w in weeks[-12:]
    )
    return (
        "<h3>Breaks from sitting</h3>"
        f"<p style='color:{current_colours().muted}'>Sessions timed with “I'm sitting down to work” that you added to a day.</p>"
        "<table cellpadding='4' cellspacing='0'><tr><th align='left'>Week of</th>"
        "<th align='right'>Time sat</th><th align='right'>Breaks</th>"
        f"<th align='right'>Breaks an hour</th></tr>{rows}</table>"
    )


def pacing_html(
    days: "list[DayEntry] | tuple[DayEntry, ...]",
    plans: "list[Plan]",
    start: dt.date,
    end: dt.date,
    sitting: "list[SittingWeek] | None" = None,
) -> str:
    """The tab's text for the period [start, end]."""
    parts = [
        f"<p style='color:{current_colours().muted}'>{escape(day_words(start))} to {escape(day_words(end))}. "
        "<a href='plan'>Change your plan…</a> · <a href='guidance'>Why pace?</a></p>"
    ]
    if not plans:
        parts.append(
            "<p>You have no pacing plan yet. A plan is how long to do an activity each day, "
            "so you can keep going without overdoing it. <a href='plan'>Set one</a> from your "
            "own days.</p>"
        )
        parts.append(sitting_html(sitting or []))
        return "".join(parts)
    comparison = pacing.flare_after_plan(days, plans, start, end)
    parts.append("<h3>Flares after days over plan</h3>")
    parts.append(f"<p>{escape(comparison.sentence)}</p>")
    parts.append(
        f"<p style='color:{current_colours().muted}'><small>“Over plan”: more minutes than your current plan "
        "for any planned activity that day. A flare is counted on the next day, as the rest "
        "of the journal defines it.</small></p>"
    )
    for plan in sorted(plans, key=lambda p: p.activity.casefold()):
        weeks = pacing.plan_vs_done(days, plan, start, end)
        parts.append(f"<h3>{escape(plan.activity[:1].upper() + plan.activity[1:])}: {plan.minutes} min a day</h3>")
        if not weeks:
            parts.append(f"<p style='color:{current_colours().muted}'>Not logged in this period.</p>")
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
            parts.append(f"<p style='color:{current_colours().muted}'>The last 12 of {len(weeks)} weeks.</p>")
    parts.append(sitting_html(sitting or []))
    return "".join(parts)


@dataclass(frozen=True)
class PlanHooks:
    """What the panel needs from the pacing feature, handed in by it (the panel never imports the feature)."""

    plans: "Callable[[], list[Plan]]"
    changed: SignalInstance
    open_plan: Callable[[], None]
    open_guidance: Callable[[str], None]


class PacingPanel(QTextBrowser):
    """Follows the Trends period and the plans."""

    def __init__(self, view: "TrendsView", feature: PlanHooks) -> None:
        super().__init__(view)
        self.setOpenLinks(False)
        self.setAccessibleName("Your pacing plan against what you did")
        self.document().setDocumentMargin(12)
        self._view = view
        self._feature = feature
        self._sitting: list[SittingWeek] = []
        self._generation = 0
        self._stale = False
        self._shown_once = False
        view.summaryShown.connect(lambda _summary: self.refresh())
        view.chartsReady.connect(self.refresh)
        feature.changed.connect(self.refresh)
        self.anchorClicked.connect(self._follow)
        follow_theme(self._recolour)
        self.refresh()

    def _recolour(self, _theme: object = None) -> None:
        """Colours are written into the text: write it again (now if on screen, else when shown)."""
        if self.isVisible():
            self.refresh_text_only()
        else:
            self._stale = True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Redraw the text (only while the tab is on screen; otherwise when it is next shown)."""
        if not self.isVisible() and self._shown_once:
            self._stale = True
            return
        self._stale = False
        self._shown_once = True
        data = self._view.data
        if data is None:
            self.setHtml(f"<p style='color:{current_colours().muted}'>Loading your days…</p>")
            return
        start, end = self._view.period
        session = self._view.session
        self.setHtml(pacing_html(data.days, self._feature.plans(), start, end, self._sitting))
        if session.ready:
            self._generation += 1
            generation = self._generation
            from journal.app.sitting import sitting_per_day

            session.op(lambda journal: sitting_weeks(sitting_per_day(journal, start, end), start, end)).success(
                lambda weeks: self._sitting_loaded(generation, weeks)
            ).run_in_background()

    def _sitting_loaded(self, generation: int, weeks: "list[SittingWeek]") -> None:
        if not shiboken6.isValid(self) or generation != self._generation or weeks == self._sitting:
            return
        self._sitting = weeks
        self.refresh_text_only()

    def refresh_text_only(self) -> None:
        data = self._view.data
        if data is not None:
            start, end = self._view.period
            self.setHtml(pacing_html(data.days, self._feature.plans(), start, end, self._sitting))

    def _follow(self, url: QUrl) -> None:
        if url.toString() == "plan":
            self._feature.open_plan()
        elif url.toString() == "guidance":
            self._feature.open_guidance(pacing.GUIDANCE_ITEMS[0])
