"""The pacing plan in the window: the dialog, Today's hint, Trends' tab and the guidance link."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton, QTextBrowser
from pytestqt.qtbot import QtBot

from journal.core import pacing_plan as pacing
from journal.core.day import ActivityMinutes, DayEntry
from journal.core.pacing_plan import Plan
from journal.ui.main_window import MainWindow
from journal.ui.pacing.feature import OVER_PLAN_NOTE, PacingFeature
from journal.ui.pacing.plan_dialog import PlanDialog
from journal.ui.pacing.trends_panel import pacing_html
from tests.gui_helpers import close_window

TODAY = dt.date.today()


def _history(n: int = 30) -> list[DayEntry]:
    start = TODAY - dt.timedelta(days=n)
    return [
        DayEntry(
            date=start + dt.timedelta(days=i),
            back_pain=2,
            activities=(ActivityMinutes("walking", 30), ActivityMinutes("sitting", 200)),
        )
        for i in range(n)
    ]


@pytest.fixture
def window(qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    from journal.storage.journal import Journal
    from journal.ui.app import create_window

    filled = Journal.open(db_path)
    filled.import_days(_history())
    filled.close()
    opened = create_window(db_path, welcome=False)
    with qtbot.waitSignal(opened.session.opened, timeout=20_000):
        opened.show()
    qtbot.waitUntil(opened.today.isEnabled, timeout=5_000)
    qtbot.waitUntil(lambda: opened.findChild(PacingFeature) is not None, timeout=5_000)
    qtbot.waitUntil(lambda: _feature(opened).loaded, timeout=5_000)
    yield opened
    close_window(opened)
    opened.deleteLater()


def _kept_setting(window: MainWindow, key: str) -> str | None:
    """The setting as stored in the journal file, read on the worker as the window reads it."""
    from journal.app.settings import setting

    journal = window.session.journal
    assert journal is not None
    value = window.session.tasks.call_blocking(lambda: setting(journal, key))
    assert value is None or isinstance(value, str)
    return value


def _feature(window: MainWindow) -> PacingFeature:
    feature = window.findChild(PacingFeature, "pacingFeature")
    assert feature is not None
    return feature


def test_dialog_offers_the_baseline_and_keeps_the_chosen_plan(qtbot: QtBot) -> None:
    dialog = PlanDialog(pacing.plan_overview(_history(), [], TODAY), [], TODAY)
    qtbot.addWidget(dialog)
    assert [b.activity for b in dialog.boxes] == ["walking"]  # sitting is not an effortful activity
    box = dialog.box("walking")
    assert "20 min: 80% of your usual 30 min" in box.baseline_label.text()
    assert box.plan() is None  # nothing until the patient chooses
    box.use_baseline.click()
    box.gentle.setChecked(True)
    assert dialog.chosen() == [Plan("walking", 20, True, TODAY)]


def test_dialog_links_back_to_the_pacing_guidance(qtbot: QtBot) -> None:
    dialog = PlanDialog(pacing.plan_overview(_history(), [], TODAY), [], TODAY)
    qtbot.addWidget(dialog)
    assert all(f"href='{item}'" in dialog.guidance_links.text() for item in pacing.GUIDANCE_ITEMS)
    with qtbot.waitSignal(dialog.guidanceRequested) as asked:
        dialog.guidance_links.linkActivated.emit("activity-pacing")
    assert asked.args == ["activity-pacing"]


def test_dialog_says_not_enough_data_yet(qtbot: QtBot) -> None:
    dialog = PlanDialog(pacing.plan_overview(_history(6), [], TODAY), [], TODAY)
    qtbot.addWidget(dialog)
    box = dialog.box("walking")
    assert "not enough data yet" in box.baseline_label.text() and not box.use_baseline.isEnabled()


def test_dialog_suggests_an_increase_only_when_chosen_and_the_patient_takes_it(qtbot: QtBot) -> None:
    plans = [Plan("walking", 20, True, TODAY - dt.timedelta(days=10))]
    dialog = PlanDialog(pacing.plan_overview(_history(), plans, TODAY), plans, TODAY)
    qtbot.addWidget(dialog)
    box = dialog.box("walking")
    assert not box.suggestion_row.isHidden()
    assert dialog.chosen() == plans  # shown, not applied
    box.accept_step.click()
    assert dialog.chosen() == [Plan("walking", 22, True, TODAY)]


def test_plan_saved_shows_in_today_with_a_quiet_note_when_well_over(qtbot: QtBot, window: MainWindow) -> None:
    feature = _feature(window)
    with qtbot.waitSignal(feature.plansChanged, timeout=5_000):
        feature.save([Plan("walking", 20)])
    assert _kept_setting(window, pacing.SETTING_KEY) == pacing.plans_to_text([Plan("walking", 20)])
    rows = window.today.form.activities
    rows.add_minutes("Walking", 25)
    row = next(r for r in rows.rows() if r.value() is not None and r.value().name == "Walking")
    assert not row.hint.isHidden() and row.hint.text() == "plan: 20 min"
    row.minutes.setValue(45)
    assert row.hint.text() == f"plan: 20 min · {OVER_PLAN_NOTE}"
    assert "warning" not in row.hint.toolTip().lower()
    row.name.setEditText("sitting")  # no plan for sitting: an empty hint keeps the rows aligned
    assert row.hint.text() == ""


def test_trends_has_a_pacing_tab_that_follows_the_plans(qtbot: QtBot, window: MainWindow) -> None:
    feature = _feature(window)
    from journal.core.sitting import SittingSummary

    window.session.add_sitting_session(SittingSummary(TODAY - dt.timedelta(days=1), 160, 5))
    window.tabs.setCurrentIndex(next(i for i in range(window.tabs.count()) if window.tabs.tabText(i) == "T&rends"))
    from journal.ui.trends.view import TrendsView

    qtbot.waitUntil(
        lambda: window.findChild(TrendsView) is not None and window.findChild(TrendsView).data is not None, timeout=20_000
    )
    view = window.findChild(TrendsView)
    assert view is not None
    titles = [view.chart_tabs.tabText(i) for i in range(view.chart_tabs.count())]
    assert titles[-1] == "Pacing plan"
    panel = view.chart_tabs.widget(view.chart_tabs.count() - 1)
    assert isinstance(panel, QTextBrowser)
    view.chart_tabs.setCurrentWidget(panel)
    assert "no pacing plan yet" in panel.toPlainText()
    with qtbot.waitSignal(feature.plansChanged, timeout=5_000):
        feature.save([Plan("walking", 20)])
    assert "Walking: 20 min a day" in panel.toPlainText()
    view.chart_tabs.setCurrentIndex(0)  # hidden: brought up to date when shown again
    with qtbot.waitSignal(feature.plansChanged, timeout=5_000):
        feature.save([Plan("walking", 30)])
    view.chart_tabs.setCurrentWidget(panel)
    assert "Walking: 30 min a day" in panel.toPlainText()
    qtbot.waitUntil(lambda: "Breaks from sitting" in panel.toPlainText(), timeout=5_000)
    assert "2 h 40 min" in panel.toPlainText()


def test_pacing_text_weeks_and_flare_comparison() -> None:
    days = _history(28)
    html = pacing_html(days, [Plan("walking", 20)], days[0].date, days[-1].date)
    assert "Over plan" in html and "Not enough days yet to compare: 27 over plan and 0 within" in html


def test_guidance_pacing_item_links_to_the_plan(qtbot: QtBot, window: MainWindow) -> None:
    from journal.ui.guidance.install import GuidanceFeature

    guidance = window.findChild(GuidanceFeature, "guidanceFeature")
    assert guidance is not None
    guidance.open_item("activity-pacing")
    view = guidance.library_view
    button = next(b for b in view.findChildren(QPushButton) if b.text() == "See your pacing plan…")
    assert button.isVisibleTo(view)
    guidance.open_item("keep-warm")
    assert not button.isVisibleTo(view)


def test_view_menu_opens_the_plan_and_saving_keeps_it(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    feature = _feature(window)
    action = next(a for a in window.view_menu.actions() if a.text() == "&Pacing plan…")

    def use_baseline_and_save() -> None:
        dialog = feature.dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, use_baseline_and_save)
            return
        dialog.box("walking").use_baseline.click()
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(20, use_baseline_and_save)
    with qtbot.waitSignal(feature.plansChanged, timeout=10_000):
        action.trigger()
    assert feature.plans == [Plan("walking", 20, False, TODAY)]
    assert pacing.plans_from_text(_kept_setting(window, pacing.SETTING_KEY)) == feature.plans
