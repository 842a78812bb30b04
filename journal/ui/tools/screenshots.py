"""Regenerate the README's screenshots offscreen, from the sample data, on a fixed date.

    python -m journal.ui.tools.screenshots [--out docs/screenshots] [--guide]

``--guide`` also writes small copies of a few of them into resources/help/images,
where the user guide shows them (:data:`GUIDE_IMAGES`).

Writes one PNG per screen in :data:`SHOTS`: Today (light and dark), the
where-it-hurts area, History, Trends, Guidance, the warning message, the
export dialog and page 1 of the PDF summary; Trends in dark and high contrast;
Today and Trends at 1024×700 and 800×600 too; and Today in a window just
tall enough for its daily core, down to "More", for the user guide
(``today-guide``: at 1280×800 "+ Add activity" is cut by the scrolling
area's edge). The date is fixed
(:data:`FIXED_MOMENT`) and the window is 1280×800, so a run on any day gives
the same pictures. Nothing is read from or written to your own journal: the
data folders point into a temporary folder for the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from journal.ui.main_window import MainWindow

ROOT: Final = Path(__file__).resolve().parents[3]  # journal/ui/tools/ -> the project folder
DEFAULT_OUT: Final = ROOT / "docs" / "screenshots"
GUIDE_OUT: Final = ROOT / "resources" / "help" / "images"
#: A Wednesday evening; the sample data's six months end on this day.
FIXED_MOMENT: Final = dt.datetime(2026, 3, 18, 19, 30)
WINDOW_SIZE: Final = (1280, 800)
#: Today and Trends are also shown at these smaller window sizes.
SMALLER_SIZES: Final = ((1024, 700), (800, 600))
#: The file names written, without ".png".
SHOTS: Final = (
    "today-light",
    "today-guide",
    "today-dark",
    "trends-dark",
    "trends-high-contrast",
    "today-1024x700",
    "trends-1024x700",
    "today-800x600",
    "trends-800x600",
    "body-map",
    "history",
    "trends",
    "guidance",
    "warning-message",
    "export-dialog",
    "pdf-page-1",
)
#: Symptoms shown in the warning message: two signs that need emergency care.
WARNING_SYMPTOMS: Final = ("loss of bladder or bowel control", "numbness in the saddle area")
#: Typed into the export dialog when the period has no logged questions (from the sample data's own).
EXAMPLE_QUESTIONS: Final = ("Would physiotherapy help with the morning stiffness?", "Is swimming a good idea for me?")
TIMEOUT_S: Final = 60.0


def wait_until(app: "QApplication", done: Callable[[], bool], what: str, timeout: float = TIMEOUT_S) -> None:
    """Run the event loop until ``done()``; raise if it takes longer than ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError(f"gave up waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def settle(app: "QApplication", seconds: float = 0.3) -> None:
    """Let layouts, queued draws and the worker's answers land."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def save(widget: "QWidget", out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(f"wrote {path}")
    return path


def use_dark_colours(app: "QApplication") -> str:
    """Switch the app to its dark theme, as View → Colours → Dark does (kept in the temporary settings)."""
    from journal.ui.palettes import ThemeChoice
    from journal.ui.theme import install_theme

    install_theme(app).set_choice(ThemeChoice.DARK)
    return "journal.ui.theme (View → Colours → Dark)"


def body_map_area(window: "MainWindow") -> "QWidget":
    """The where-it-hurts widget of Today: the body map where there is one, else the location boxes' group."""
    from PySide6.QtWidgets import QWidget

    form = window.today.form
    for widget in form.findChildren(QWidget):
        if "bodymap" in (widget.objectName() + type(widget).__name__).lower():
            return widget
    boxes = list(getattr(form, "locations", {}).values())
    if not boxes:
        raise LookupError("Today has no where-it-hurts area to show")
    parent = boxes[0].parentWidget()
    return parent if parent is not None else form


def hidden_below_core(window: "MainWindow", margin: int = 8) -> int:
    """How many pixels of Today's daily core, down to the "More" button, are below the visible part of the form."""
    from PySide6.QtCore import QPoint

    form = window.today.form
    toggle = form.more.toggle
    bottom = toggle.mapTo(form, QPoint(0, toggle.height())).y() + margin
    return max(0, bottom - form.visibleRegion().boundingRect().bottom())


def grab_region_of(widget: "QWidget", out: Path, name: str, window: "MainWindow") -> Path:
    """Save ``widget``; for the old location boxes, only the rows that hold them (and their heading)."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLabel

    boxes = list(getattr(window.today.form, "locations", {}).values())
    if boxes and all(box.parentWidget() is widget for box in boxes):
        area = QRect()
        headings = [label for label in widget.findChildren(QLabel) if label.text() == "Where it hurts"]
        for part in [*boxes, *headings]:
            area = area.united(part.geometry())
        area = area.adjusted(-10, -8, 10, 10).intersected(widget.rect())
        path = out / f"{name}.png"
        widget.grab(area).save(str(path))
        print(f"wrote {path}")
        return path
    return save(widget, out, name)


def pdf_first_page(pdf: Path, out: Path, name: str) -> Path | None:
    """Page 1 of ``pdf`` as a PNG by pdftoppm; None (with a message) where pdftoppm is missing."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        print("skipped the PDF page: pdftoppm (poppler-utils) is not installed")
        return None
    stem = out / name
    subprocess.run([pdftoppm, "-png", "-r", "90", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)], check=True)
    path = stem.with_suffix(".png")
    print(f"wrote {path}")
    return path


def isolate(home: Path) -> None:
    """Point every data and settings folder into ``home``: the run never touches a real journal."""
    for key, folder in (
        ("PAIN_JOURNAL_HOME", home / "data"),
        ("XDG_DATA_HOME", home / "xdg-data"),
        ("XDG_CONFIG_HOME", home / "xdg-config"),
        ("XDG_CACHE_HOME", home / "xdg-cache"),
    ):
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[key] = str(folder)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = home / "tmp"
    scratch.mkdir(exist_ok=True)
    tempfile.tempdir = str(scratch)  # the sample journal's folder goes when the run ends


def take_screenshots(out: Path) -> list[Path]:
    """Start the window on the sample data, visit each screen and save it into ``out``."""
    # The tables first, with the real date classes; then the fixed date for everything after.
    import journal.app.journal_file  # noqa: F401 - imported for its side effect: the tables are defined
    from journal.app.opening import define_all_tables
    from journal.ui.tools.fixed_date import freeze

    define_all_tables()

    freeze(FIXED_MOMENT)

    from PySide6.QtWidgets import QApplication

    from journal.ui.app import create_window
    from journal.ui.app_style import apply_style

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", os.environ["QT_QPA_PLATFORM"]])
    assert isinstance(app, QApplication)
    app.setApplicationName("Pain Journal")
    app.setOrganizationName("pain-journal")
    apply_style(app)
    light_palette = app.palette()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    window = create_window(None, demo=True, welcome=False)
    window.resize(*WINDOW_SIZE)
    window.show()
    wait_until(app, lambda: window.session.ready and window.today.isEnabled(), "the sample journal to open")
    wait_until(app, lambda: window.export_summary_action is not None, "the features to be installed")
    wait_until(app, lambda: not window.session.tasks.busy, "the worker")
    settle(app, 0.5)

    def quiet() -> None:
        wait_until(app, lambda: not window.session.tasks.busy, "the worker")
        settle(app)
        window.statusBar().clearMessage()  # a passing message would differ from run to run
        window.busy.hide()
        settle(app, 0.1)

    window.tabs.setCurrentWidget(window.today)
    quiet()
    written.append(save(window, out, "today-light"))
    written.append(grab_region_of(body_map_area(window), out, "body-map", window))
    window.resize(WINDOW_SIZE[0], WINDOW_SIZE[1] + hidden_below_core(window))
    settle(app, 0.5)
    quiet()
    written.append(save(window, out, "today-guide"))
    window.resize(*WINDOW_SIZE)
    settle(app, 0.5)

    window.show_history()
    wait_until(app, lambda: window.history.model.rowCount() > 0, "History's rows")
    quiet()
    written.append(save(window, out, "history"))

    trends = _tab(window, "Trends")
    window.tabs.setCurrentWidget(trends)
    view = trends.build()  # type: ignore[attr-defined]  # a LazyTab
    wait_until(app, lambda: getattr(view, "chart", None) is not None, "the Trends charts")
    wait_until(app, lambda: not window.session.tasks.busy, "the Trends words")
    settle(app, 0.8)
    quiet()
    written.append(save(window, out, "trends"))

    guidance = _tab(window, "Guidance")
    window.tabs.setCurrentWidget(guidance)
    guidance.build()  # type: ignore[attr-defined]  # a LazyTab
    wait_until(app, lambda: not window.session.tasks.busy, "the Guidance library")
    quiet()
    written.append(save(window, out, "guidance"))

    # Smaller screens: the same Today and Trends at 1024×700 and 800×600.
    for width, height in SMALLER_SIZES:
        window.resize(width, height)
        for name, tab in (("today", window.today), ("trends", trends)):
            window.tabs.setCurrentWidget(tab)
            settle(app, 0.8)
            quiet()
            written.append(save(window, out, f"{name}-{width}x{height}"))
    window.resize(*WINDOW_SIZE)
    settle(app, 0.5)

    written.append(_warning_message(app, window, out))
    written.extend(_export_dialog_and_pdf(app, window, out))

    window.tabs.setCurrentWidget(window.today)
    how = use_dark_colours(app)
    print(f"dark colours from {how}")
    quiet()
    written.append(save(window, out, "today-dark"))
    window.tabs.setCurrentWidget(trends)
    settle(app, 0.8)
    quiet()
    written.append(save(window, out, "trends-dark"))
    from journal.ui.palettes import ThemeChoice
    from journal.ui.theme import install_theme

    install_theme(app).set_choice(ThemeChoice.HIGH_CONTRAST)
    settle(app, 0.8)
    quiet()
    written.append(save(window, out, "trends-high-contrast"))
    install_theme(app).set_choice(ThemeChoice.SYSTEM)  # the choice is not kept past the run
    app.setPalette(light_palette)

    window.today.discard_changes()
    window.close()
    window.session.close()
    return written


def _tab(window: "MainWindow", title: str) -> "QWidget":
    for index in range(window.tabs.count()):
        widget = window.tabs.widget(index)
        if widget is not None and window.tabs.tabText(index).replace("&", "") == title:
            return widget
    raise LookupError(f"no {title} tab")


def _warning_message(app: "QApplication", window: "MainWindow", out: Path) -> Path:
    from journal.core.day import DayEntry
    from journal.core.redflags import red_flags_in
    from journal.ui.red_flags import RedFlagDialog

    today = dt.date.today()
    flags = red_flags_in(DayEntry(today, 6, symptoms=WARNING_SYMPTOMS), window.session.urgencies())
    dialog = RedFlagDialog(flags, window, today=today)
    dialog.show()  # not exec(): nobody is there to press "I understand"
    settle(app)
    path = save(dialog, out, "warning-message")
    dialog.hide()
    dialog.deleteLater()
    return path


def _export_dialog_and_pdf(app: "QApplication", window: "MainWindow", out: Path) -> list[Path]:
    from journal.ui.export_dialog import open_export_dialog

    loaded: list[bool] = []
    dialog = open_export_dialog(window)
    assert dialog is not None
    dialog.loaded.connect(lambda: loaded.append(True))
    dialog.load_questions()
    wait_until(app, lambda: bool(loaded), "the export dialog's questions")
    if not dialog.questions_edit.toPlainText().strip():
        # The sample's last 90 days happen to hold no questions; show the box as a patient uses it.
        dialog.questions_edit.setPlainText("\n".join(EXAMPLE_QUESTIONS))
    settle(app)
    written = [save(dialog, out, "export-dialog")]
    with tempfile.TemporaryDirectory(prefix="pain-journal-screenshots-") as folder:
        pdf = Path(folder) / "summary.pdf"
        finished: list[str] = []
        dialog.finished_export.connect(finished.append)
        dialog.failed.connect(lambda message: finished.append(f"failed: {message}"))
        dialog.export_to(pdf)
        wait_until(app, lambda: bool(finished), "the PDF summary")
        if not pdf.exists():
            raise RuntimeError(f"the PDF summary was not written: {finished[0]}")
        page = pdf_first_page(pdf, out, "pdf-page-1")
        if page is not None:
            written.append(page)
    dialog.close()
    return written


#: The screenshot each guide picture is made from, where the names differ: the guide's Today
#: shows the whole daily core (see ``today-guide``).
GUIDE_SOURCES: Final = {"today-light.png": "today-guide.png"}
#: Small copies shipped with the user guide (resources/help/images): screenshot, width in pixels.
GUIDE_IMAGES: Final = {
    "today-light.png": 560,
    "body-map.png": 280,
    "trends.png": 560,
    "warning-message.png": 420,
    "pdf-page-1.png": 360,
}


def guide_images(shots: Path, out: Path) -> list[Path]:
    """Write small copies of the guide's screenshots from ``shots`` into ``out`` (PNG)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, width in GUIDE_IMAGES.items():
        image = QImage(str(shots / GUIDE_SOURCES.get(name, name)))
        if image.isNull():
            continue
        small = image.scaledToWidth(min(width, image.width()), Qt.TransformationMode.SmoothTransformation)
        target = out / name
        small.save(str(target))  # the format follows the ".png" ending
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m journal.ui.tools.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"folder for the PNGs (default {DEFAULT_OUT})")
    parser.add_argument(
        "--guide",
        type=Path,
        nargs="?",
        const=GUIDE_OUT,
        default=None,
        help=f"also write the user guide's small copies (into {GUIDE_OUT} unless a folder is given)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pain-journal-screenshots-home-") as home:
        isolate(Path(home))
        written = take_screenshots(args.out.resolve())
        small = [] if args.guide is None else guide_images(args.out.resolve(), args.guide.resolve())
    print(f"{len(written)} screenshots in {args.out}" + (f"; {len(small)} for the user guide in {args.guide}" if small else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
