"""The body map where the patient meets it: marked in Today, shown in History, Trends and the PDF."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from journal.core.body_map import load_body_map
from journal.core.day import PAIN_LOCATIONS, DayEntry
from journal.storage.journal import Journal
from tests.gui_helpers import close_window, open_window, settle_layouts, stored_day

if TYPE_CHECKING:
    from journal.ui.session import JournalSession

TODAY = dt.date.today()


def test_marked_by_keyboard_in_today_saved_and_shown_in_history(qtbot: QtBot, db_path: Path) -> None:
    window = open_window(qtbot, db_path)
    form = window.today.form
    form.back_pain.setFocus()
    qtbot.keyClick(form.back_pain, Qt.Key.Key_4)
    form.body_map.setFocus()
    # Lower back, left -> centre (mark), down to the left buttock, down to the left thigh (mark).
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Space):
        qtbot.keyClick(form.body_map, key)
    assert window.today.is_dirty()
    with qtbot.waitSignal(window.today.saved, timeout=10_000):
        qtbot.keyClick(window.today, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.today.is_dirty()
    saved = stored_day(qtbot, window, TODAY)
    assert saved is not None and saved.pain_locations == {"lower_back_centre", "thigh_left"}

    window.show_history()
    history = window.history
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=5_000)
    assert history.day_map.is_read_only()
    assert "choose a day" in history.map_title.text()
    history.table.setCurrentIndex(history.model.index(0, 0))
    assert history.day_map.checked() == {"lower_back_centre", "thigh_left"}
    assert history.day_map.caption() == "Marked: lower back, centre; thigh, left"
    assert history.map_title.text().startswith("Where it hurts on ")
    close_window(window)

    journal = Journal.open(db_path)  # stored as before the map: comma-separated codes
    try:
        stored = journal.day(TODAY)
        assert stored is not None and stored.pain_locations == {"lower_back_centre", "thigh_left"}
    finally:
        journal.close()


def _days() -> list[DayEntry]:
    return [
        DayEntry(
            TODAY - dt.timedelta(days=i),
            back_pain=4,
            pain_locations=frozenset({"lower_back_right", "foot_right"} if i % 4 == 0 else {"lower_back_right"}),
        )
        for i in range(12)
    ]


@pytest.fixture
def session(qtbot: QtBot, db_path: Path) -> Iterator["JournalSession"]:
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner

    journal = Journal.open(db_path)
    journal.import_days(_days())
    journal.close()
    opened = JournalSession(TaskRunner())
    with qtbot.waitSignal(opened.opened, timeout=20_000):
        opened.open(db_path)
    yield opened
    opened.close()


def test_trends_shows_how_often_each_region_was_marked(qtbot: QtBot, session: "JournalSession") -> None:
    from matplotlib.colors import to_hex

    from journal.formats.body_map_drawing import shade
    from journal.ui.trends.view import TrendsView

    view = TrendsView(session)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    with qtbot.waitSignal(view.chartsReady, timeout=20_000):
        view.show()
    view.chart_tabs.setCurrentWidget(view.measures_page)
    assert view.measures is not None
    ax = view.measures.body_ax
    regions = {p.get_gid(): to_hex(p.get_facecolor()) for p in ax.patches if p.get_gid()}
    assert set(regions) == set(PAIN_LOCATIONS)
    assert regions["lower_back_right"] == shade(1.0)[0]  # all 12 days
    assert regions["foot_right"] == shade(3 / 12)[0]  # days 0, 4 and 8
    assert regions["lower_back_left"] == shade(0.0)[0]
    texts = [t.get_text() for t in ax.texts]
    assert "12" in texts and texts.count("3") == 2  # the right foot, seen from the back and the front
    assert "of 12 days marked" in ax.get_title(loc="left")

    canvas = view.measures_canvas
    assert canvas is not None
    settle_layouts()  # the canvas takes its final size
    qtbot.waitUntil(lambda: canvas.width() > 0 and canvas.height() > 0, timeout=5_000)
    canvas.draw()
    ax.apply_aspect()
    foot = next(s for s in load_body_map().shapes if s.code == "foot_right")
    x_px, y_px = ax.transData.transform(foot.centre())
    ratio = canvas.device_pixel_ratio
    qtbot.mouseMove(canvas, QPoint(round(x_px / ratio), round(canvas.height() - y_px / ratio)))
    qtbot.waitUntil(lambda: "Foot, right: marked on 3 of the 12 days" in view.hover_label.text())
    qtbot.mouseMove(canvas, QPoint(2, 2))  # off the map: back to the hint
    qtbot.waitUntil(lambda: "Foot" not in view.hover_label.text())


def _page_one_words(path: Path) -> list[tuple[float, float, str]]:
    """(x, y, word) of every word on page 1, as poppler's pdftotext finds them."""
    import re

    found = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>'
    return [(float(x), float(y), word) for x, y, word in re.findall(pattern, found)]


def test_pdf_page_one_draws_the_body_map_with_its_counts(tmp_path: Path) -> None:
    from journal.formats import report_data
    from journal.formats.pdf_report import A4, write_pdf

    days = _days()
    path = tmp_path / "summary.pdf"
    write_pdf(report_data(days, days[-1].date, days[0].date), path, paper=A4)
    words = _page_one_words(path)
    title = next((x, y) for x, y, word in words if word == "Where")
    key = next((x, y) for x, y, word in words if word == "Days" and y > title[1])
    inside = [word for x, y, word in words if x >= title[0] - 30 and title[1] <= y < key[1] - 1]  # above the key
    assert {"Where", "it", "hurts", "Back", "Front"} <= set(inside)
    assert sorted(w for w in inside if w in ("L", "R", "Left", "Right"))[:2] in (["L", "L"], ["Left", "Left"])
    numbers = sorted(int(w) for w in inside if w.isdigit())
    assert numbers == [3, 3, 12]  # lower back right on all 12 days; the right foot, back and front, on 3
    assert "Days marked, of 12" in " ".join(w for _, _, w in words)

    unmarked = [DayEntry(d.date, back_pain=4) for d in days]
    write_pdf(report_data(unmarked, days[-1].date, days[0].date), path, paper=A4)
    assert "Front" not in [w for _, _, w in _page_one_words(path)]  # no map without a marked day
