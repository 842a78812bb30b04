"""View → Pacing plan…: per effortful activity, the baseline in words, the plan, a gentle increase."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.core import pacing_plan as pacing
from journal.core.pacing_plan import Plan
from journal.ui.widgets.screen_fit import fit_to_screen

NO_PLAN = "no plan"


def _wrapped(text: str, *, hint: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if hint:
        label.setObjectName("hint")
    return label


class ActivityPlanBox(QGroupBox):
    """One activity: its baseline, the plan (0 = none), and the gentle-increase choice."""

    def __init__(
        self,
        activity: str,
        baseline: pacing.Baseline,
        plan: Plan | None,
        suggestion: pacing.IncreaseSuggestion | None,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(activity[:1].upper() + activity[1:], parent)
        self.activity = activity
        self.baseline = baseline
        self._today = today
        self._original = plan
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self.baseline_label = _wrapped(f"Baseline: {baseline.in_words()}")
        layout.addWidget(self.baseline_label)
        row = QHBoxLayout()
        label = QLabel("Your &plan:")
        self.minutes = QSpinBox()
        self.minutes.setRange(0, pacing.MAX_PLAN_MINUTES)
        self.minutes.setSingleStep(5)
        self.minutes.setSpecialValueText(NO_PLAN)
        self.minutes.setSuffix(" min a day")
        self.minutes.setValue(plan.minutes if plan is not None else 0)
        self.minutes.setAccessibleName(f"Plan for {activity}, minutes a day")
        self.minutes.setMinimumWidth(self.minutes.fontMetrics().horizontalAdvance("600 min a day") + 40)
        label.setBuddy(self.minutes)
        self.use_baseline = QPushButton(f"Use the baseline ({baseline.minutes} min)" if baseline.minutes else "Use the baseline")
        self.use_baseline.setEnabled(baseline.minutes is not None)
        self.use_baseline.clicked.connect(lambda: self.minutes.setValue(baseline.minutes or 0))
        row.addWidget(label)
        row.addWidget(self.minutes)
        row.addWidget(self.use_baseline)
        row.addStretch(1)
        layout.addLayout(row)
        self.gentle = QCheckBox(
            f"Suggest a gentle increase ({pacing.INCREASE_PERCENT}% after a week without a flare; I decide each time)"
        )
        self.gentle.setChecked(plan is not None and plan.gentle_increase)
        layout.addWidget(self.gentle)
        self.suggestion_row = QWidget()
        suggestion_layout = QHBoxLayout(self.suggestion_row)
        suggestion_layout.setContentsMargins(0, 0, 0, 0)
        self.accept_step = QPushButton("Try it")
        if suggestion is not None:
            suggestion_layout.addWidget(_wrapped(suggestion.in_words()), 1)
            self.accept_step.clicked.connect(lambda: self._take_step(suggestion))
            suggestion_layout.addWidget(self.accept_step)
        layout.addWidget(self.suggestion_row)
        self.suggestion_row.setVisible(suggestion is not None)

    def _take_step(self, suggestion: pacing.IncreaseSuggestion) -> None:
        self.minutes.setValue(suggestion.new_minutes)
        self.suggestion_row.hide()

    def plan(self) -> Plan | None:
        minutes = self.minutes.value()
        if minutes < pacing.MIN_PLAN_MINUTES:
            return None
        original = self._original
        # A new or changed plan starts today: the next increase waits a week from here.
        since = original.since if original is not None and original.minutes == minutes else self._today
        return Plan(self.activity, minutes, self.gentle.isChecked(), since)


class PlanDialog(QDialog):
    """``chosen()`` is every activity's plan after OK. ``guidanceRequested(id)`` opens advice."""

    guidanceRequested = Signal(str)

    def __init__(
        self, overview: Sequence[pacing.ActivityOverview], plans: Sequence[Plan], today: dt.date, parent: QWidget | None = None
    ) -> None:
        """``overview`` comes from :func:`journal.core.pacing_plan.plan_overview` (computed on the worker)."""
        super().__init__(parent)
        fit_to_screen(self)  # never larger than its content or the screen; scrolls inside if it must
        self.setWindowTitle("Your pacing plan")
        self._others = list(plans)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro = _wrapped(
            "A plan is how long to do an activity each day, a little under what you usually manage, "
            "so you can keep going without overdoing it. You choose it; the journal never changes it "
            "by itself."
        )
        layout.addWidget(intro)
        layout.addWidget(_wrapped(pacing.BASELINE_IN_WORDS, hint=True))
        link = QLabel(
            "<a href='activity-pacing'>Read: Pace your activities</a> · "
            "<a href='keep-moving-without-fear'>Read: Keep moving without fear</a>"
        )
        link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        link.linkActivated.connect(self._read)
        self.guidance_links = link
        layout.addWidget(link)
        activities = [item.activity for item in overview]
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 8, 0)
        self.boxes: list[ActivityPlanBox] = []
        for item in overview:
            box = ActivityPlanBox(item.activity, item.baseline, item.plan, item.suggestion, today)
            column.addWidget(box)
            self.boxes.append(box)
        if not activities:
            column.addWidget(
                _wrapped(
                    "No effortful activities logged yet (such as walking, housework, "
                    "gardening or exercise). Log them in Today with their minutes, "
                    "and a baseline appears here after a few weeks.",
                    hint=True,
                )
            )
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("x") * 110, self.fontMetrics().height() * 46)

    def _read(self, item_id: str) -> None:
        self.guidanceRequested.emit(item_id)
        self.reject()

    def box(self, activity: str) -> ActivityPlanBox:
        return next(b for b in self.boxes if b.activity.casefold() == activity.casefold())

    def chosen(self) -> list[Plan]:
        plans = list(self._others)
        for box in self.boxes:
            plans = pacing.with_plan(plans, box.plan(), box.activity)
        return plans
