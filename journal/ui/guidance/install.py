"""Wires guidance into the window: the Guidance tab, "For today" cards, notices, red-flag records.

What happens when:

* **A day is saved** (``TodayView.saved``): the urgent symptoms it holds have
  all been acknowledged in the red-flag dialog by then (the dialog is modal
  and runs before ``saved``), so they are recorded as acknowledged; the
  previous 30 days are loaded on the worker and up to four "For today" cards
  are shown; the six-weeks rule is checked again.
* **A journal opens**: acknowledgements are loaded so the urgent dialog is
  not shown again for a day and symptom the patient already acknowledged,
  and the six-weeks rule is checked on the last 60 days (on the worker).
* **Another day is shown in Today**: cards for a different day are cleared;
  the "see your doctor soon" notice follows the form as it is edited.
* **"I did this today"** in the library: Today opens on today's date (asking
  first if another day has unsaved changes), the minutes are added to its
  activities, and the day is left *unsaved*. Saving for the patient was
  considered and rejected: a new day cannot be saved without a back-pain
  score, so a direct save would often fail with a message about a field the
  patient never touched; and showing the change before it is kept lets them
  correct the minutes. The status bar says to press Save.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from journal.app.changes import JournalChange
from journal.app.guidance import cards_for_day, dismiss_persistent_pain, persistent_pain
from journal.app.warning_signs import acknowledge_red_flags, red_flag_acks
from journal.core import clock
from journal.core.catalog import Urgency, name_key
from journal.core.day import DayEntry
from journal.core.guidance import load_library, warning_level
from journal.core.redflags import PersistentPain, soon_message
from journal.ui.guidance.cards import ForTodayCards
from journal.ui.guidance.notices import NoticePanel

if TYPE_CHECKING:
    from journal.core.guidance import LinkedItem
    from journal.ui.guidance.library_view import LibraryView
    from journal.ui.host import LazyTab, WindowHost
    from journal.ui.today.view import TodayView

#: The six-weeks suggestion shows only if the severe period ended this recently.
SIX_WEEKS_RECENT = 7
WHEN_TO_SEE_A_DOCTOR_ITEM = "when-to-see-a-doctor"


def _watch_days(today_view: "TodayView", callback: Callable[[], None]) -> None:
    """Call ``callback`` after Today shows another day."""
    today_view.dayShown.connect(lambda *_: callback())


class GuidanceFeature(QObject):
    """Owns the Guidance tab and the guidance parts of Today for one window."""

    def __init__(self, window: "WindowHost") -> None:
        super().__init__(window)
        self.setObjectName("guidanceFeature")
        self.window = window
        #: Today's date; tests replace it.
        self.today: Callable[[], dt.date] = clock.today
        self.persistent_pain: PersistentPain | None = None
        self._acknowledged: dict[dt.date, set[str]] = {}
        today_view = window.today

        self.library_tab: LazyTab = window.add_lazy_tab("&Guidance", self._build_library)
        action = QAction("&Guidance library", window)
        action.triggered.connect(self.show_library)
        window.view_menu.addAction(action)

        self.cards = ForTodayCards(today_view.cards_area)
        today_view.cards_area.layout().addWidget(self.cards)
        self.cards.openRequested.connect(self.open_item)

        self.soon_notice = NoticePanel(
            "soon",
            read_item=WHEN_TO_SEE_A_DOCTOR_ITEM,
            read_label="Read: when to see a doctor",
            dismissible=False,
            parent=today_view,
        )
        self.pain_notice = NoticePanel(
            "suggestion",
            read_item=WHEN_TO_SEE_A_DOCTOR_ITEM,
            read_label="Read: when to see a doctor",
            dismissible=True,
            parent=today_view,
        )
        today_view.add_notice(self.soon_notice)
        today_view.add_notice(self.pain_notice)
        for notice in (self.soon_notice, self.pain_notice):
            notice.readRequested.connect(self.open_item)
        self.pain_notice.dismissed.connect(self._dismiss_persistent_pain)

        today_view.saved.connect(self._on_saved)
        today_view.form.edited.connect(self._refresh_soon_notice)
        today_view.form.edited.connect(self._drop_cards_on_urgent_sign)
        _watch_days(today_view, self._on_day_shown)
        window.session.opened.connect(lambda _opened: self._on_opened())
        window.session.changed.connect(self._on_changed)
        if window.session.ready:  # features are installed after the first paint; it may be open
            self._on_opened()

    # --- the library ------------------------------------------------------------------

    def _build_library(self) -> "LibraryView":
        from journal.ui.guidance.library_view import LibraryView

        view = LibraryView(load_library())
        view.didToday.connect(self.did_today)
        return view

    @property
    def library_view(self) -> "LibraryView":
        """The library view (built on first use)."""
        return cast("LibraryView", self.library_tab.build())

    def show_library(self) -> "LibraryView":
        self.window.tabs.setCurrentWidget(self.library_tab)
        return self.library_view

    def open_item(self, item_id: str) -> None:
        """Show one guidance item in the Guidance tab, with the reading pane focused."""
        view = self.show_library()
        view.show_item(item_id)
        view.reader.setFocus()

    def did_today(self, activity: str, minutes: int) -> None:
        """Add ``minutes`` of ``activity`` to today's form and show it, unsaved (see module doc)."""
        today_view = self.window.today
        if not self.window.session.ready:
            return

        def add() -> None:
            self.window.tabs.setCurrentWidget(today_view)
            today_view.form.activities.add_minutes(activity, minutes)
            self.window.show_status(f"Added {minutes} min of {activity} to today. Check the day, then press Save to keep it.")

        today_view.open_date(self.today(), add)

    # --- Today ---------------------------------------------------------------------------

    def _on_opened(self) -> None:
        self.cards.clear()
        self._acknowledged.clear()
        # Another journal (e.g. leaving the sample data): warnings given for the
        # previous one must not silence this one's. Better shown twice than missed.
        self.window.today.forget_warnings()
        session = self.window.session
        session.op(red_flag_acks).success(self._on_acks_loaded).run_in_background()
        self._refresh_soon_notice()
        self.check_persistent_pain()

    def _on_changed(self, change: JournalChange) -> None:
        if change.everything:
            self.cards.clear()
        self._on_day_shown()

    def _on_day_shown(self) -> None:
        if self.cards.date is not None and self.cards.date != self.window.today.date:
            self.cards.clear()
        self._refresh_soon_notice()

    def _on_saved(self, entry: DayEntry) -> None:
        session = self.window.session
        urgent = [name_key(flag.symptom) for flag in session.red_flags_in(entry) if flag.urgency is Urgency.URGENT]
        if urgent:
            # Saving replaces the day's row, which forgets its acknowledgements: record them again.
            self._remember_acknowledged(entry.date, urgent)
            session.op(lambda journal: acknowledge_red_flags(journal, entry.date, urgent)).run_in_background()
        self._request_cards(entry)
        self._refresh_soon_notice()
        self.check_persistent_pain()

    def _on_acks_loaded(self, acks: dict[dt.date, frozenset[str]]) -> None:
        for date, keys in acks.items():
            self._remember_acknowledged(date, keys)

    def _remember_acknowledged(self, date: dt.date, keys: "frozenset[str] | list[str]") -> None:
        self._acknowledged.setdefault(date, set()).update(keys)
        # TodayView keeps the (date, symptom) pairs it has warned about; adding the
        # acknowledged ones keeps the dialog from repeating a warning already accepted.
        self.window.today.mark_warned(date, keys)

    def acknowledged(self, date: dt.date) -> frozenset[str]:
        """Symptom name keys acknowledged for ``date`` (as loaded or recorded)."""
        return frozenset(self._acknowledged.get(date, ()))

    def _request_cards(self, entry: DayEntry) -> None:
        session = self.window.session
        urgencies = session.day_urgencies(entry)
        urgent = warning_level(entry, urgencies) is Urgency.URGENT

        def done(linked: "list[LinkedItem]") -> None:
            if self.window.today.date == entry.date:
                self.cards.set_cards(entry.date, linked, urgent=urgent)
                # What Save did, where the eye is. With a warning sign the banner above the
                # form says it already, and the signs themselves stay in view.
                if not self.window.today.red_flag_banner.isVisible():
                    self.window.today.bring_into_view(self.soon_notice, self.cards)

        session.op(lambda journal: cards_for_day(journal, entry, urgencies)).success(done).run_in_background()

    def _drop_cards_on_urgent_sign(self) -> None:
        """Cards saved before an urgent sign was ticked go at once: getting care comes first."""
        if not self.cards.cards or self.cards.urgent or not self.window.session.ready:
            return
        entry = self.window.today.form.entry()
        if warning_level(entry, self.window.session.day_urgencies(entry)) is Urgency.URGENT:
            self.cards.clear()

    def _refresh_soon_notice(self) -> None:
        session = self.window.session
        if not session.ready:
            self.soon_notice.hide()
            return
        flags = session.red_flags_in(self.window.today.form.entry())
        soon = [flag for flag in flags if flag.urgency is Urgency.SOON]
        if not soon:
            self.soon_notice.hide()
            return
        sources = "; ".join(dict.fromkeys(flag.source for flag in soon))
        # The banner above already names the symptom; this adds what to do and why.
        self.soon_notice.show_message("", soon_message(soon, self.today()), sources)

    # --- the six-weeks rule ----------------------------------------------------------------

    def check_persistent_pain(self) -> None:
        """Run the six-weeks rule on the worker; show or hide the suggestion."""
        session = self.window.session
        if not session.ready:
            return
        today = self.today()

        def done(result: tuple[PersistentPain | None, str | None]) -> None:
            found, dismissed = result
            recent = found is not None and found.end > today - dt.timedelta(days=SIX_WEEKS_RECENT)
            self.persistent_pain = found if recent else None
            if found is None or not recent or dismissed == today.isoformat():
                self.pain_notice.hide()
                return
            self.pain_notice.show_message("A suggestion: book an appointment with your doctor", found.message, found.source)

        session.op(lambda journal: persistent_pain(journal, today)).success(done).run_in_background()

    def _dismiss_persistent_pain(self) -> None:
        session = self.window.session
        if not session.ready:
            return
        day = self.today()
        session.op(lambda journal: dismiss_persistent_pain(journal, day)).run_in_background()
        self.window.show_status("Hidden for today. It will come back tomorrow if your pain is still severe.")


def install(window: "WindowHost") -> None:
    """Add the Guidance tab and the guidance parts of Today to ``window``."""
    GuidanceFeature(window)
