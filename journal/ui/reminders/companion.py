"""The companion during the day: the reminder to log, the sitting-break timer, the tray.

Whole because it is one object whose parts share one clock, one window presence
(tray, hidden or shown) and one quit path, so the reminder, the sitting offer and closing read as
the transitions of a single state and splitting them would scatter it; the Qt-free rules are
already in :mod:`journal.core.reminders` and :mod:`journal.core.sitting`, the prompts in
:mod:`journal.ui.reminders.prompts` and the saved settings in :mod:`journal.ui.reminders.store`
(so it is over 400 lines on purpose).

Everything waits on one injectable :class:`journal.core.clock.Clock`: a QTimer
only wakes :meth:`DayCompanion.check` a few times a minute, and ``check``
asks the clock what time it is and the core state machines
(:mod:`journal.core.reminders`, :mod:`journal.core.sitting`) what is due.
Tests pass a fake clock and call ``check`` themselves, so a whole day runs
in milliseconds.

Created after the window is ready (see :func:`journal.ui.reminders.install`);
nothing here runs at start-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from journal.core.clock import Clock
from journal.core.reminders import DailyReminder, ReminderSettings
from journal.core.sitting import SittingSummary, SittingTimer
from journal.ui.reminders import prompts, store
from journal.ui.reminders.prompts import CompanionTray, Prompt, PromptWindow

if TYPE_CHECKING:
    from journal.ui.host import WindowHost
    from journal.ui.reminders.screen_lock import ScreenLockWatcher

CHECK_INTERVAL_MS = 15_000
SITTING_ACTIVITY = "sitting"
KEEPS_RUNNING_TRAY = (
    "Pain Journal is still running in the tray so it can remind you. To close it "
    "completely, choose “Quit Pain Journal” in the tray icon's menu, or File → Quit."
)
KEEPS_RUNNING_NO_TRAY = (
    "Pain Journal is still running (minimised) so it can remind you. To close it completely, choose File → Quit."
)


class DayCompanion(QObject):
    """Owns the reminder, the sitting timer, the tray icon and the autostart entry.

    ``sittingChanged(bool)`` says whether the sitting timer runs; ``offered(summary)``
    fires when the end of a session is offered for the day.
    """

    sittingChanged = Signal(bool)
    offered = Signal(object)

    def __init__(
        self,
        window: "WindowHost",
        *,
        clock: Clock,
        settings: QSettings,
        tray_available: bool | None = None,
        login_command: Callable[[], Sequence[str]] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.qsettings = settings
        self.settings = store.load(settings)
        self.reminder = DailyReminder(self.settings)
        self.sitting: SittingTimer | None = None
        self.tray: CompanionTray | None = None
        self.prompt_window: PromptWindow | None = None
        self.showing: Prompt | None = None
        self.told_box: QMessageBox | None = None
        self.offer_box: QMessageBox | None = None
        self.lock_watcher: ScreenLockWatcher | None = None
        self.tray_available = QSystemTrayIcon.isSystemTrayAvailable() if tray_available is None else tray_available
        self._login_command = login_command or self._default_login_command
        self.quit_application: Callable[[], None] = QApplication.quit
        self._quitting = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        window.installEventFilter(self)
        # File → Quit means quit, also while closing the window only hides it.
        window.set_quit_handler(self.quit_from_menu)
        self._update_presence(starting=True)
        if self.tray is None and self.tray_available and self.settings.tray_icon:
            QTimer.singleShot(0, self, self._update_presence)  # after whatever start-up still has queued
        elif self.tray_available and not self.settings.tray_icon and not window.isVisible():
            window.showMinimized()  # started for the tray (--tray) with its icon hidden: the taskbar brings it back

    # --- settings -------------------------------------------------------------------

    @property
    def stays_running(self) -> bool:
        """Closing the window keeps Pain Journal running: reminders are on, or a sitting timer runs."""
        return self.settings.keeps_running or self.sitting is not None

    def apply(self, chosen: ReminderSettings) -> None:
        """Use and remember new settings; anything turned off leaves no trace behind.

        When the log-in entry cannot be written (a read-only folder, a path no
        entry can carry) the patient is told why, and the option stays off.
        """
        from journal.app import autostart
        from journal.core.errors import UserError

        if chosen.start_at_login:
            try:
                autostart.enable(self._login_command())
            except UserError as error:
                from dataclasses import replace

                from journal.ui.errors import show_error

                chosen = replace(chosen, start_at_login=False)
                show_error(self.window, error, title="Could not start Pain Journal at log-in")
        elif autostart.is_enabled():
            autostart.disable()
        store.save(self.qsettings, chosen)
        self.settings = chosen
        self.reminder.settings = chosen
        if not chosen.enabled and self.showing is Prompt.REMINDER:
            self._clear_prompt()  # turned off while it was on screen: it goes away too
        self._update_presence()

    def _default_login_command(self) -> list[str]:
        from journal.app import autostart

        return autostart.tray_command(self.window.session.own_journal_path())

    def _update_presence(self, *, starting: bool = False) -> None:
        """The tray icon whenever the desktop has a tray and the patient wants it; the checks while needed.

        The icon (with "Pain now…" in its menu) no longer waits for reminders, but it never keeps
        Pain Journal running by itself: closing the window quits unless reminders or the sitting
        timer are on, as before. ``starting``: made by the companion, which comes after the window
        is ready; an icon only for "Pain now…" waits one more turn of the event loop.
        """
        needed = self.stays_running
        wanted = self.tray_available and self.settings.tray_icon
        if wanted and self.tray is None and (needed or not starting):
            self.tray = CompanionTray(self)
            self.tray.answered.connect(self.answer)
            self.tray.set_sitting(self.sitting is not None)
            self.tray.show()
        elif not wanted and self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None
            if self.showing is not None:
                self._show(self.showing)  # a question in the tray menu moves to the small window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setQuitOnLastWindowClosed(not (needed and self.tray is not None))
        if self.settings.enabled or self.sitting is not None:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()

    # --- what is due ------------------------------------------------------------------

    def check(self) -> None:
        """Show whatever is due now (at most one question on screen at a time)."""
        now = self.clock.now()
        moment = self.clock.moment()  # the sitting timer measures on the monotonic clock
        if self.sitting is not None and self.showing is None and self.sitting.due(moment):
            self.sitting.asked()
            self._show(Prompt.BREAK)
        elif self.sitting is not None:
            self.sitting.note_time(moment)
        if self.showing is None and self.reminder.time_has_come(now):
            logged = self._logged(now.date())
            if logged is None:
                return  # the journal is not open yet: ask again at the next check
            if logged:
                self.reminder.done_for_today(now)
            else:
                self.reminder.shown(now)
                self._show(Prompt.REMINDER)

    def _logged(self, date: dt.date) -> bool | None:
        session = self.window.session
        if not session.ready:
            return None
        return session.is_logged(date)

    def _clear_prompt(self) -> None:
        self.showing = None
        if self.tray is not None:
            self.tray.clear_prompt()
        if self.prompt_window is not None:
            self.prompt_window.prompt = None
            self.prompt_window.hide()

    def _show(self, prompt: Prompt) -> None:
        self.showing = prompt
        if self.tray is not None:
            self.tray.show_prompt(prompt)
            return
        if self.prompt_window is None:
            self.prompt_window = PromptWindow()
            self.prompt_window.answered.connect(self.answer)
        self.prompt_window.show_prompt(prompt)

    # --- answers ------------------------------------------------------------------------

    def answer(self, answer: str) -> None:
        """Act on one of :mod:`journal.ui.reminders.prompts`' ``ANSWER_*`` values."""
        now = self.clock.now()
        if answer in (
            prompts.ANSWER_OPEN_TODAY,
            prompts.ANSWER_SNOOZE_30,
            prompts.ANSWER_SNOOZE_60,
            prompts.ANSWER_DONE_TODAY,
            prompts.ANSWER_BREAK_DONE,
            prompts.ANSWER_BREAK_LATER,
        ):
            self.showing = None
        if answer == prompts.ANSWER_OPEN_TODAY:
            self.open_today(now.date())
        elif answer == prompts.ANSWER_SNOOZE_30:
            self.reminder.snooze(now, 30)
        elif answer == prompts.ANSWER_SNOOZE_60:
            self.reminder.snooze(now, 60)
        elif answer == prompts.ANSWER_DONE_TODAY:
            self.reminder.done_for_today(now)
        elif answer == prompts.ANSWER_BREAK_DONE and self.sitting is not None:
            self.sitting.break_taken(self.clock.moment())
        elif answer == prompts.ANSWER_BREAK_LATER and self.sitting is not None:
            self.sitting.snooze(self.clock.moment())
        elif answer == prompts.ANSWER_BREAK_STOP:
            self.stop_sitting()
        elif answer == prompts.ANSWER_START_SITTING:
            self.start_sitting()
        elif answer == prompts.ANSWER_OPEN_WINDOW:
            self.show_window()
        elif answer == prompts.ANSWER_PAIN_NOW and self.window.pain_now_action is not None:
            self.window.pain_now_action.trigger()  # the dialog opens on its own; the window stays as it was
        elif answer == prompts.ANSWER_SETTINGS:
            self.show_window()
            self.open_settings()
        elif answer == prompts.ANSWER_QUIT:
            self.quit()

    def show_window(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    def open_today(self, date: dt.date) -> None:
        self.show_window()
        self.window.tabs.setCurrentWidget(self.window.today)
        if self.window.session.ready:
            self.window.today.open_date(date)

    def open_settings(self) -> None:
        from journal.ui.about_you_dialog import open_about_you
        from journal.ui.reminders.settings_dialog import (
            SettingsDialog,
            load_function_schedule,
            load_suggestion,
            save_function_schedule,
        )

        dialog = SettingsDialog(self.settings, self.window, on_about_you=lambda: open_about_you(self.window.session, dialog))
        load_suggestion(dialog, self.window.session, self.clock.now().date())
        load_function_schedule(dialog, self.window.session)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            self.apply(dialog.chosen())
            save_function_schedule(dialog, self.window.session, self._function_schedule_saved)
            self.window.show_status("Settings saved.")

    def _function_schedule_saved(self) -> None:
        prompt = getattr(self.window, "function_prompt", None)
        if prompt is not None:
            prompt.refresh()  # Today's prompt follows the new schedule at once

    # --- the sitting timer -----------------------------------------------------------------

    def start_sitting(self) -> None:
        if self.sitting is not None:
            return
        self.sitting = SittingTimer(self.clock.moment(), self.settings.sitting_minutes)
        self._listen_for_screen_lock()
        self._update_presence()
        if self.tray is not None:
            self.tray.set_sitting(True)
        self.sittingChanged.emit(True)
        minutes = self.settings.sitting_minutes
        self.window.show_status(f"Sitting timer on: a gentle reminder to move every {minutes} minutes.")

    def stop_sitting(self, *, wait: bool = False) -> SittingSummary | None:
        """End the session and offer what it adds up to (nothing is written without a yes).

        A session across midnight is offered day by day, each for its own day;
        one longer than a day is capped, and the patient is told. Returns the
        whole session (the day it began, all its minutes and breaks).
        """
        if self.sitting is None:
            return None
        timer, self.sitting = self.sitting, None
        result = timer.stop_by_day(self.clock.moment())
        summary = SittingSummary(timer.started.date(), sum(d.minutes for d in result.days), timer.breaks)
        if self.showing is Prompt.BREAK:
            self._clear_prompt()
        if self.tray is not None:
            self.tray.set_sitting(False)
        self._update_presence()
        self.sittingChanged.emit(False)
        self._to_offer = [day for day in result.days if day.worth_offering]
        self._offer_note = result.note
        self._offer_next(wait=wait)
        return summary

    _to_offer: list[SittingSummary] = []
    _offer_note = ""

    def _offer_next(self, *, wait: bool = False) -> None:
        if self._to_offer:
            self.offer(self._to_offer.pop(0), wait=wait)

    def _listen_for_screen_lock(self) -> None:
        """Made when the timer first starts: only the timer needs it."""
        if self.lock_watcher is None:
            from journal.ui.reminders.screen_lock import ScreenLockWatcher

            self.lock_watcher = ScreenLockWatcher(self)
            self.lock_watcher.lockedChanged.connect(self.set_screen_locked)

    def set_screen_locked(self, locked: bool) -> None:
        """A locked screen pauses the sitting timer; unlocking resumes it."""
        if self.sitting is None:
            return
        if locked:
            self.sitting.pause(self.clock.moment())
        else:
            self.sitting.resume(self.clock.moment())

    def offer(self, summary: SittingSummary, *, wait: bool = False) -> None:
        """Ask "Add 2 h 40 min of sitting with 5 breaks to today?" in the window.

        ``wait`` asks before returning (when quitting); otherwise the question stays open
        beside the window.
        """
        self.show_window()
        today = self.clock.now().date()
        day = summary.day_words(today)
        box = QMessageBox(
            QMessageBox.Icon.Question, f"Add to {day}?", summary.question(today), QMessageBox.StandardButton.NoButton, self.window
        )
        note, self._offer_note = self._offer_note, ""
        box.setInformativeText(
            (f"{note}\n\n" if note else "") + "The minutes go into the day's activities as sitting, and the breaks are kept "
            "with the day. Check the day, then press Save to keep it."
        )
        add = box.addButton(f"Add to {day}", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Don't add", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(add)
        box.buttonClicked.connect(lambda button: self.add_to_day(summary) if button is add else None)
        box.finished.connect(lambda _result: self._offer_next())
        self.offer_box = box
        self.offered.emit(summary)
        if wait:
            box.exec()
        else:
            box.open()

    def add_to_day(self, summary: SittingSummary) -> None:
        """Put the minutes in the day's form (unsaved) and keep the breaks."""
        today_view = self.window.today
        if not self.window.session.ready:
            return

        def add() -> None:
            self.window.tabs.setCurrentWidget(today_view)
            today_view.form.activities.add_minutes(SITTING_ACTIVITY, summary.minutes)
            self.record_breaks(summary)
            from journal.core.reminders import duration_words

            self.window.show_status(
                f"Added {duration_words(summary.minutes)} of sitting to the day. Check it, then press Save to keep it."
            )

        today_view.open_date(summary.date, add)

    def record_breaks(self, summary: SittingSummary) -> None:
        """Keep the breaks with the day (see :meth:`journal.ui.session.JournalSession.add_sitting_session`)."""
        session = self.window.session
        if not session.is_demo:
            session.add_sitting_session(summary)

    # --- closing ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing the window while reminders are on keeps Pain Journal running (said once)."""
        if watched is self.window and event.type() == QEvent.Type.Close and not self._quitting and self.stays_running:
            if self.tray is not None:
                self.window.hide()
            else:
                self.window.showMinimized()
            self._tell_once()
            return True
        return False

    def _tell_once(self) -> None:
        if self.qsettings.value(store.TOLD_ABOUT_TRAY, False) in (True, "true"):
            return
        self.qsettings.setValue(store.TOLD_ABOUT_TRAY, True)
        self.qsettings.sync()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Pain Journal keeps running",
            KEEPS_RUNNING_TRAY if self.tray is not None else KEEPS_RUNNING_NO_TRAY,
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        # A notice, not a question: opening the window again from the tray is never blocked by it.
        box.setWindowModality(Qt.WindowModality.NonModal)
        self.told_box = box
        box.show()

    def quit_from_menu(self) -> None:
        """File → Quit: quits for real while reminders keep the app running, else closes as before."""
        if self.stays_running:
            self.quit()
        else:
            self.window.close()

    def quit(self) -> None:
        """Really quit (the tray's Quit), once nothing unsaved would be lost.

        Unsaved changes are asked about first (and saved on the worker if the
        patient says so); Cancel, or a save that fails, keeps Pain Journal running.
        """
        window = self.window
        if self.sitting is not None:
            self.stop_sitting(wait=True)  # the session is offered before the window closes
        if not window.isVisible() and (window.today.is_dirty() or window.today.saving):
            self.show_window()  # the question about unsaved changes needs the window
        window.today.confirm_leave(self._quit_now)

    def _quit_now(self) -> None:
        window = self.window
        self._quitting = True
        was_hidden = not window.isVisible()
        window.close()
        if window.isVisible():
            self._quitting = False  # something still refused to close
            return
        on_window_closed = getattr(window.data_safety, "on_window_closed", None)
        if was_hidden and on_window_closed is not None:
            on_window_closed()  # a hidden window gets no Hide event
        if self.prompt_window is not None:
            self.prompt_window.hide()
        if self.tray is not None:
            self.tray.hide()
        self.timer.stop()
        self.quit_application()
