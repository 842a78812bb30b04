"""Today's warning signs: an urgent sign ticked or saved shows its warning once a day, and
words typed in the notes that may mean a sign are asked about (see ``WordScreen``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from journal.core.catalog import Urgency, name_key
from journal.core.day import DayEntry
from journal.core.screening import suggested_signs

if TYPE_CHECKING:
    from journal.core.redflags import RedFlag
    from journal.ui.today.view import TodayView


def on_symptom_toggled(view: TodayView, name: str, on: bool) -> None:
    if on:
        # With the other marked signs: what someone said about themselves can make a pair urgent.
        entry = DayEntry(date=view.date, back_pain=0, symptoms=(name, *view.form.symptoms.checked()))
        flags = [f for f in view.session.red_flags_in(entry) if f.urgency is Urgency.URGENT]
        show_flags(view, flags)


def warn_red_flags(view: TodayView, entry: DayEntry) -> None:
    flags = [f for f in view.session.red_flags_in(entry) if f.urgency is Urgency.URGENT]
    show_flags(view, flags)


def screen_notes(view: TodayView) -> None:
    """Before saving: ask about new words in the notes and questions (see WordScreen)."""
    saved = view._baseline
    for field in ("notes", "questions"):
        text = getattr(view.form.entry(), field)
        if text.strip() and (saved is None or text != getattr(saved, field)):
            screen(view, text)


def screen(view: TodayView, text: str) -> None:
    """Ask about ``text``; mark each sign the patient says yes to, with all that follows."""
    form = view.form
    already = {name_key(name) for name in form.symptoms.checked()}
    # A sign offered only with an About-you answer (osteoporosis or steroids) is asked about only then.
    skipped = already | form.not_offered
    if any(name_key(sign) not in skipped for sign in suggested_signs(text)):
        form.symptoms.open_warnings()  # a suggested sign is shown with its group
    for sign in view.words.signs_to_mark(view, view.date, text, skipped):
        if form.symptoms.chip(sign) is None:
            continue  # not in this journal's catalog (cannot happen after migration 3)
        form.symptoms.set_checked([*form.symptoms.checked(), sign])
        form.edited.emit()
        on_symptom_toggled(view, sign, True)


def show_flags(view: TodayView, flags: list[RedFlag]) -> None:
    fresh = [f for f in flags if (view.date, name_key(f.symptom)) not in view._warned]
    if not fresh:
        return
    from journal.ui.red_flags import RedFlagDialog

    view.mark_warned(view.date, [f.symptom for f in fresh])
    RedFlagDialog(fresh, view, today=view.today()).exec()
