"""Starting the window: paint first, then open the journal on the worker thread.

Importing SQLModel costs a few hundred milliseconds, so the window is shown before the
storage layer is imported; the Today view fills in when the journal is open.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

# isort: off
from journal.ui import binding  # noqa: F401 - first: loads Qt and removes PySide6's import hook

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
# isort: on

from journal.core.about import APP_ID
from journal.ui import collector, startup_trace
from journal.ui.app_style import apply_style
from journal.ui.main_window import MainWindow
from journal.ui.session import JournalSession, OpenedJournal
from journal.ui.tasks import TaskRunner


def create_window(path: Path | None, *, demo: bool = False, welcome: bool = True, in_tray: bool = False) -> MainWindow:
    """Build the window and start opening the journal.

    With ``demo`` the sample data opens first and ``path`` (if given) is the
    patient's own journal, opened by "Start my own journal".

    ``welcome`` False skips the first-start welcome (for tests and timing). ``in_tray``
    (started at log-in) installs the features once the journal is open, without
    waiting for a first paint that a hidden window never has.
    """
    tasks = TaskRunner()
    session = JournalSession(tasks)
    # The command line paused garbage collection for start-up (journal.ui.collector);
    # it resumes first thing when the journal is open, or failed to open.
    session.opened.connect(lambda _: collector.resume())
    session.open_failed.connect(lambda _: collector.resume())
    # Start opening first: the worker imports SQLModel (the slowest part of start-up)
    # while this thread builds and paints the window. Its result arrives through the
    # event loop, after every connection below is made.
    # The journal's lock is taken on the worker just before the file is opened, so a
    # second window on the same journal stops before it can write (see open_failed).
    session.open(path, demo=demo)
    window = MainWindow(session)
    tasks.setParent(window)
    session.setParent(window)
    # Features (trends, guidance, export, backups) plug in once the window has painted
    # and the journal is open: neither the first frame nor logging a day needs them.
    if in_tray:
        _install_features_once_open(window)
    else:
        window.after_first_paint(lambda: _install_features_once_open(window))
    session.open_failed.connect(lambda error: _open_failed(window, error))
    session.opened.connect(lambda _: _sweep_scratch_once(window))
    if welcome:
        session.opened.connect(lambda opened: _maybe_welcome(window, opened))
    return window


def _sweep_scratch_once(window: MainWindow) -> None:
    """Remove print previews a crashed or killed run left behind (on the worker, once)."""
    if getattr(window, "_scratch_swept", False):
        return
    window._scratch_swept = True  # type: ignore[attr-defined]

    def sweep() -> object:
        from journal.app.places import PRINT_PREVIEWS, sweep

        return sweep(PRINT_PREVIEWS)

    window.session.tasks.run(sweep, lambda _: None, lambda _: None)


def _install_features_once_open(window: MainWindow) -> None:
    """Install the features when the journal is open (they are not needed to log a day).

    Until then the worker is importing the storage layer; doing this work at the
    same time would only make both wait for the interpreter.
    """
    from journal.ui.features import install_features

    after_ready(window, lambda: install_features(window))


def after_ready(window: MainWindow, work: Callable[[], object]) -> None:
    """Run ``work`` once the journal is open and Today has shown its day (at once if it has).

    Queued behind the day's loading, so what the first screen does not need (the
    features, the keyboard help, the app's icon) does not delay it.
    """
    if window.session.ready:
        work()
        return

    def once(_opened: object) -> None:
        window.session.opened.disconnect(once)
        QTimer.singleShot(0, work)

    window.session.opened.connect(once)


def _maybe_welcome(window: MainWindow, opened: OpenedJournal) -> None:
    """Welcome a new user once per window: after leaving the demo it is not shown again."""
    if opened.demo or opened.day_count > 0 or window.welcomed:
        return
    window.welcomed = True
    from journal.ui.welcome import WelcomeChoice, WelcomeDialog

    dialog = WelcomeDialog(window)
    dialog.exec()
    if dialog.choice is WelcomeChoice.SAMPLE:
        window.session.open(None, demo=True)


def _open_failed(window: MainWindow, error: BaseException) -> None:
    """Explain in plain words why the journal did not open; offer a backup when it is damaged."""
    from journal.ui.safety.open_problems import explain_open_failure

    explain_open_failure(window, error)


def _set_identity(app: QApplication) -> None:
    from journal.ui.icon import set_identity  # its Qt classes are built after the first screen

    set_identity(app)


def show_startup_error(message: str) -> None:
    """Tell someone who started the window (perhaps not from a terminal) why it cannot open."""
    from PySide6.QtWidgets import QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Pain Journal")
    QMessageBox.critical(None, "Pain Journal cannot start", message)


def run_window(path: Path | None, *, demo: bool = False, quit_after_startup: bool = False, in_tray: bool = False) -> int:
    """Show the window and run until it closes; return the exit status.

    ``in_tray`` (the log-in entry, ``--tray``) keeps the window hidden when the
    desktop has a tray: the tray icon opens it.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Pain Journal")
    app.setOrganizationName("pain-journal")
    app.setDesktopFileName(APP_ID)
    apply_style(app)
    from journal.ui.errors import install_excepthook

    install_excepthook()
    if in_tray:
        from PySide6.QtWidgets import QSystemTrayIcon

        in_tray = QSystemTrayIcon.isSystemTrayAvailable()
    window = create_window(path, demo=demo, welcome=not quit_after_startup and not in_tray, in_tray=in_tray)
    # X11 draws the icon into every size it offers the window manager when the
    # window is shown (about 10 ms before the first frame), and Qt loads its SVG
    # engine for it: once Today is ready is soon enough.
    window.after_first_paint(lambda: after_ready(window, lambda: _set_identity(app)))
    if startup_trace.ENABLED:
        watcher = startup_trace.FirstPaintWatcher(window)
        window.installEventFilter(watcher)
        window.session.opened.connect(lambda _: QTimer.singleShot(0, lambda: startup_trace.mark("ready")))
    if quit_after_startup:
        # Queued, so it runs after the Today view has loaded the day and can save.
        window.session.opened.connect(lambda _: QTimer.singleShot(0, app.quit))
        window.session.open_failed.connect(lambda _: app.exit(2))
    if not in_tray:
        window.show()
    status = app.exec()
    window.session.close()
    return status
