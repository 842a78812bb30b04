"""How fast the Trends tab is on ten years of days. Run by hand, not by pytest:

    .venv/bin/python benchmarks/bench_trends.py [--runs 5]

Builds a 10-year journal (3650 days of sample data) in a temporary folder and
measures, with time.perf_counter and the median of several runs:

* opening the Trends tab for the first time, in a fresh process each run so
  the matplotlib imports are included (from choosing the tab to the charts
  rendered), twice: chosen the moment the tab exists, while the chart
  libraries are still loading in the background ("at once"), and chosen after
  the window has been open a few seconds, as when a patient logs the day first
  ("after a few seconds");
* switching period 30 days → 1 year → all → 90 days (set the period, then
  render the canvas synchronously, as the next paint would);
* build_summary for the last 90 days and for all ten years.

Each is shown beside a floor measured in the same run: rendering a blank
figure of the same size (what any redraw costs at least). Results go to
benchmarks/results/trends.json (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

YEARS_DAYS = 3650
SWITCHES = ("DAYS_30", "YEAR", "ALL", "DAYS_90")
VIEW_SIZE = (1240, 740)
RESULTS = ROOT / "benchmarks" / "results" / "trends.json"
FIRST_OPEN_LATER_S = 3.0  # a patient logging the day takes far longer before looking at Trends


def build_database(folder: Path) -> Path:
    from journal.core.sample_data import sample_days
    from journal.storage.journal import Journal

    path = folder / "ten-years.sqlite3"
    journal = Journal.open(path)
    journal.import_days(sample_days(days=YEARS_DAYS))
    journal.close()
    return path


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000.0, 2)


def timed(work: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return samples


def blank_draw_floor(width_px: int, height_px: int, runs: int) -> list[float]:
    """Rendering an empty figure of the given pixel size with Agg."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_px / 100.0, height_px / 100.0), dpi=100.0)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # warm
    return timed(canvas.draw, runs)


# --- first opening, in a child process ---------------------------------------------------


def first_open_child(db: Path, wait_s: float) -> None:
    """Child process: open the window, wait ``wait_s``, then time choosing the Trends tab
    until the charts are drawn."""
    from journal.ui import collector

    collector.pause()  # as `python main.py` does before its first heavy import
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    import journal.ui.app as app_module

    window = app_module.create_window(db)
    window.resize(1280, 800)
    window.show()
    loop = QEventLoop()
    imported_at_ready: list[bool] = []
    window.session.opened.connect(lambda _: imported_at_ready.append("matplotlib" in sys.modules))
    window.session.opened.connect(lambda _: loop.quit())
    loop.exec()
    assert imported_at_ready == [False], "matplotlib was imported before the journal was ready"
    # Features (the Trends tab among them) are installed once the journal is open.
    while not any(window.tabs.tabText(i) == "T&rends" for i in range(window.tabs.count())):
        app.processEvents()
    if wait_s:
        pause = QEventLoop()
        QTimer.singleShot(int(wait_s * 1000), pause.quit)
        pause.exec()
    # How long the GUI thread itself is busy: building the artists and the first full draw
    # (the imports and the reading of days happen on the worker).
    from journal.ui.main_window import LazyTab
    from journal.ui.trends.view import TrendsView

    original = TrendsView._on_loaded
    gui_thread: list[float] = []

    def on_loaded_timed(view: TrendsView, generation: int, data: object) -> None:
        began = time.perf_counter()
        original(view, generation, data)  # type: ignore[arg-type]  # the data the view itself loaded
        view.canvas.draw()
        gui_thread.append(time.perf_counter() - began)

    TrendsView._on_loaded = on_loaded_timed  # type: ignore[method-assign,assignment]  # timing wrapper
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    tab = window.tabs.widget(titles.index("T&rends"))
    assert isinstance(tab, LazyTab)

    started = time.perf_counter()
    window.tabs.setCurrentWidget(tab)
    view = tab.content
    done = QEventLoop()
    view.chartsReady.connect(done.quit)
    QTimer.singleShot(60_000, done.quit)
    if view.chart is None:
        done.exec()
    view.canvas.draw()
    elapsed = time.perf_counter() - started

    size = view.canvas.width(), view.canvas.height()
    floor = statistics.median(blank_draw_floor(*size, 5))
    print(json.dumps({"first_open_s": elapsed, "gui_thread_s": sum(gui_thread), "floor_s": floor, "canvas_px": size}))
    window.session.close()
    app.quit()


def first_open(db: Path, runs: int, wait_s: float) -> dict[str, Any]:
    samples, floors, gui = [], [], []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, __file__, "--child-first-open", str(db), str(wait_s)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PAIN_JOURNAL_HOME": tempfile.mkdtemp(prefix="pj-bench-home-")},
        )
        row = json.loads(result.stdout.strip().splitlines()[-1])
        samples.append(row["first_open_s"])
        gui.append(row["gui_thread_s"])
        floors.append(row["floor_s"])
    import resource

    # The largest peak RSS of any child so far (only first-opening children are run).
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "median_ms": median_ms(samples),
        "gui_thread_median_ms": median_ms(gui),
        "floor_ms": median_ms(floors),
        "peak_rss_mb": round(peak_mb, 1),
        "runs_ms": [round(s * 1000, 1) for s in samples],
    }


# --- period switches and summaries, in this process ----------------------------------------


def switches_and_summaries(db: Path, runs: int) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from journal.app.periods import PeriodChoice
    from journal.core.summary import build_summary
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner
    from journal.ui.trends.view import TrendsView

    app = QApplication.instance() or QApplication([])
    session = JournalSession(TaskRunner())
    loop = QEventLoop()
    session.opened.connect(lambda _: loop.quit())
    session.open(db)
    loop.exec()
    view = TrendsView(session)
    view.resize(*VIEW_SIZE)
    ready = QEventLoop()
    view.chartsReady.connect(ready.quit)
    view.show()
    ready.exec()
    view.canvas.draw()

    def settle() -> None:  # let the summaries the switches asked for finish, outside the timing
        session.tasks.wait()
        pause = QEventLoop()
        QTimer.singleShot(200, pause.quit)
        pause.exec()
        session.tasks.wait()
        app.processEvents()

    per_switch: dict[str, list[float]] = {name: [] for name in SWITCHES}
    for _ in range(runs):
        for name in SWITCHES:
            started = time.perf_counter()
            view.set_choice(PeriodChoice[name])
            view.canvas.draw()
            per_switch[name].append(time.perf_counter() - started)
            settle()
    all_switches = [s for samples in per_switch.values() for s in samples]
    size = view.canvas.width(), view.canvas.height()
    floor = blank_draw_floor(*size, runs)

    days = list(view.data.days) if view.data is not None else []  # as the view loaded them, on the worker
    today = dt.date.today()
    summary_90 = timed(lambda: build_summary(days, today - dt.timedelta(days=89), today), runs)
    summary_all = timed(lambda: build_summary(days, days[0].date, today), runs)
    trivial = timed(lambda: sum(range(10_000)), runs)
    session.close()
    return {
        "period_switch": {
            "median_ms": median_ms(all_switches),
            "per_target_median_ms": {name: median_ms(samples) for name, samples in per_switch.items()},
            "floor_ms": median_ms(floor),
            "canvas_px": list(size),
        },
        "build_summary_90_days": {"median_ms": median_ms(summary_90), "days": 90},
        "build_summary_10_years": {"median_ms": median_ms(summary_all), "days": len(days)},
        "trivial_loop_floor_ms": median_ms(trivial),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child-first-open", nargs=2, metavar=("DB", "WAIT_S"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_first_open:
        first_open_child(Path(args.child_first_open[0]), float(args.child_first_open[1]))
        return 0
    runs = max(5, args.runs)
    with tempfile.TemporaryDirectory(prefix="pj-bench-") as folder:
        os.environ["PAIN_JOURNAL_HOME"] = str(Path(folder) / "home")
        db = build_database(Path(folder))
        opened = first_open(db, runs, 0.0)
        opened_later = first_open(db, runs, FIRST_OPEN_LATER_S)
        measured = switches_and_summaries(db, runs)
    results = {
        "when": dt.datetime.now().isoformat(timespec="seconds"),
        "python": sys.version.split()[0],
        "days": YEARS_DAYS,
        "runs": runs,
        "first_open": opened,
        "first_open_later": {**opened_later, "seconds_after_ready": FIRST_OPEN_LATER_S},
        **measured,
    }
    switch = measured["period_switch"]
    rows = [
        ("first open of Trends, at once", opened["median_ms"], opened["floor_ms"]),
        ("  of which on the GUI thread", opened["gui_thread_median_ms"], opened["floor_ms"]),
        (f"first open, {FIRST_OPEN_LATER_S:.0f} s after ready", opened_later["median_ms"], opened_later["floor_ms"]),
        ("  of which on the GUI thread", opened_later["gui_thread_median_ms"], opened_later["floor_ms"]),
        ("period switch 30→365→all→90", switch["median_ms"], switch["floor_ms"]),
        *((f"  switch to {name}", ms, switch["floor_ms"]) for name, ms in switch["per_target_median_ms"].items()),
        ("build_summary, 90 days", measured["build_summary_90_days"]["median_ms"], measured["trivial_loop_floor_ms"]),
        ("build_summary, 10 years", measured["build_summary_10_years"]["median_ms"], measured["trivial_loop_floor_ms"]),
    ]
    print(f"{'measure':40} {'median ms':>10} {'floor ms':>10}")
    for name, value, floor in rows:
        print(f"{name:40} {value:>10.1f} {floor:>10.2f}")
    print("floors: blank-figure render of the same size (charts); a 10,000-step sum (summaries)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
