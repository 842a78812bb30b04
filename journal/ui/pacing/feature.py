"""Owns the patient's pacing plans for one window and shows them where they matter.

Plans live in the journal's settings table (:data:`journal.core.pacing_plan.SETTING_KEY`),
so they travel with the journal and its backups. They are read and written on
the worker; the window keeps a copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton, QWidget

from journal.core import clock
from journal.core import pacing_plan as pacing
from journal.core.day import ActivityMinutes
from journal.core.pacing_plan import Plan

if TYPE_CHECKING:
    from journal.ui.guidance.library_view import LibraryView
    from journal.ui.host import WindowHost
    from journal.ui.pacing.plan_dialog import PlanDialog

OVER_PLAN_NOTE = "well over today"
OVER_PLAN_TIP = (
    "More than your plan today. Pacing means balancing activity with rest, so you can keep doing the things that matter."
)


class PacingFeature(QObject):
    """``plansChanged`` fires after the plans were loaded or saved."""

    plansChanged = Signal()

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window)
        self.setObjectName("pacingFeature")
        self.window = window
        self.plans: list[Plan] = []
        #: The open journal's plans have been read (``plans`` is theirs, not a leftover).
        self.loaded = False
        self.today: Callable[[], dt.date] = clock.today
        self.dialog: PlanDialog | None = None  # the plan dialog while it is open
        self.action = QAction("&Pacing plan…", window)
        self.action.triggered.connect(self.open_plan_dialog)
        window.view_menu.addAction(self.action)
        self.plansChanged.connect(self.refresh_hints)  # Today's rows follow edits and days by themselves
        window.session.opened.connect(lambda _opened: self.load())
        self._watch_tabs()
        if window.session.ready:
            self.load()

    # --- plans --------------------------------------------------------------------------

    def load(self) -> None:
        self.loaded = False
        from journal.app.pacing import load_plans

        self.window.session.op(load_plans).success(self._loaded).run_in_background()

    def _loaded(self, plans: list[Plan]) -> None:
        self.plans = plans
        self.loaded = True
        self.plansChanged.emit()

    def save(self, plans: list[Plan], on_saved: Callable[[], None] | None = None) -> None:
        """Keep ``plans`` (on the worker); the window's copy changes once they are written."""
        from journal.app.pacing import save_plans

        session, kept = self.window.session, list(plans)

        def done(_: object) -> None:
            self._loaded(list(plans))
            self.window.show_status("Your pacing plan was saved.")
            if on_saved is not None:
                on_saved()

        session.op(lambda journal: save_plans(journal, kept)).success(done).run_in_background()

    # --- Today ----------------------------------------------------------------------------

    def refresh_hints(self) -> None:
        """ "plan: 20 min" beside each planned activity in Today; a quiet note when well over it."""
        if not self.plans:
            self.window.today.set_activity_hints(None)
            return
        self.window.today.set_activity_hints(self._hint_for, f"plan: 600 min · {OVER_PLAN_NOTE}")

    def _hint_for(self, value: ActivityMinutes | None) -> tuple[str, str] | None:
        plan = pacing.plan_for(self.plans, value.name) if value is not None else None
        if plan is None or value is None:
            return None
        over = pacing.is_well_over(value.minutes, plan)
        tip = OVER_PLAN_TIP if over else f"Your pacing plan: {plan.minutes} minutes of {plan.activity} a day."
        return plan.label() + (f" · {OVER_PLAN_NOTE}" if over else ""), tip

    # --- the plan dialog -----------------------------------------------------------------------

    def open_plan_dialog(self) -> None:
        """Read the days on the worker, then show the baselines and plans."""
        session = self.window.session
        if not session.ready:
            self.window.show_status("Your journal is still opening; try again in a moment.")
            return
        from journal.app.pacing import plan_overview

        plans, today = list(self.plans), self.today()
        session.op(lambda journal: plan_overview(journal, plans, today)).success(
            lambda overview: self._show_dialog(overview, plans, today)
        ).run_in_background()

    def _show_dialog(self, overview: list[pacing.ActivityOverview], plans: list[Plan], today: dt.date) -> None:
        from journal.ui.pacing.plan_dialog import PlanDialog

        dialog = PlanDialog(overview, plans, today, self.window)
        dialog.guidanceRequested.connect(self.open_guidance)
        self.dialog = dialog
        accepted = dialog.exec() == PlanDialog.DialogCode.Accepted
        self.dialog = None
        if accepted:
            self.save(dialog.chosen())

    def open_guidance(self, item_id: str) -> None:
        from journal.ui.guidance.install import GuidanceFeature

        feature = self.window.findChild(GuidanceFeature, "guidanceFeature")
        if feature is not None:
            feature.open_item(item_id)

    # --- Trends and the guidance library --------------------------------------------------------

    def _watch_tabs(self) -> None:
        from journal.ui.host import LazyTab

        for index in range(self.window.tabs.count()):
            tab = self.window.tabs.widget(index)
            if isinstance(tab, LazyTab):
                if tab.content is not None:
                    self._tab_built(tab.content)
                else:
                    tab.built.connect(self._tab_built)

    def _tab_built(self, content: QWidget) -> None:
        from journal.ui.guidance.library_view import LibraryView
        from journal.ui.trends.view import TrendsView

        if isinstance(content, TrendsView):
            from journal.ui.pacing.trends_panel import PacingPanel, PlanHooks

            hooks = PlanHooks(lambda: self.plans, self.plansChanged, self.open_plan_dialog, self.open_guidance)
            panel = PacingPanel(content, hooks)
            content.chart_tabs.addTab(panel, "Pacing plan")
        elif isinstance(content, LibraryView):
            self._link_library(content)

    def _link_library(self, view: "LibraryView") -> None:
        """The pacing items get a button to the plan under the text."""
        button = QPushButton("See your pacing plan…", view.did_row.parentWidget())
        button.setAccessibleName("Open your pacing plan")
        button.clicked.connect(self.open_plan_dialog)
        view.did_row.parentWidget().layout().addWidget(button)
        view.plan_button = button  # type: ignore[attr-defined]

        def follow() -> None:
            current = view.current
            button.setVisible(current is not None and current.id in pacing.GUIDANCE_ITEMS)

        view.reader.textChanged.connect(follow)
        follow()
