"""The Today view's warning signs: the banner, the urgent warning when a sign is ticked or saved,
the "Did you mean …?" question about typed words, and names added to the lists (a new symptom is screened too).

A mixin of :class:`~journal.ui.today.view.TodayView` (see :mod:`journal.ui.today.base`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from journal.core import today_rules
from journal.core.catalog import CatalogKind, Urgency, name_key
from journal.core.day import DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.screening import suggested_signs
from journal.ui.today.base import TodayBase

if TYPE_CHECKING:
    from journal.core.redflags import RedFlag
    from journal.ui.today.screening import WordScreen


class WarningSignsMixin(TodayBase):
    """Warning signs ticked, saved or typed, and names added to the lists."""

    @property
    def words(self) -> "WordScreen":
        """Asks "Did you mean: …?" about typed words (built on first use); tests replace ``words.ask``."""
        if self._words is None:
            from journal.ui.today.screening import WordScreen

            self._words = WordScreen()
        return self._words

    def _show_banner(self) -> None:
        flags = self.session.red_flags_in(self.form.entry()) if self.session.ready else []
        if not flags:
            self.red_flag_banner.hide()
            return
        urgent = any(f.urgency is Urgency.URGENT for f in flags)
        self.red_flag_banner.setProperty("urgent", bool(urgent))
        self.red_flag_banner.setText(today_rules.banner_text(flags))
        self.red_flag_banner.style().unpolish(self.red_flag_banner)
        self.red_flag_banner.style().polish(self.red_flag_banner)
        self.red_flag_banner.show()

    def _on_symptom_toggled(self, name: str, on: bool) -> None:
        if on:
            # With the other marked signs: what someone said about themselves can make a pair urgent.
            entry = DayEntry(date=self.date, back_pain=0, symptoms=(name, *self.form.symptoms.checked()))
            flags = [f for f in self.session.red_flags_in(entry) if f.urgency is Urgency.URGENT]
            self._show_flags(flags)

    def _warn_red_flags(self, entry: DayEntry) -> None:
        flags = [f for f in self.session.red_flags_in(entry) if f.urgency is Urgency.URGENT]
        self._show_flags(flags)

    def _screen_notes(self) -> None:
        """Before saving: ask about new words in the notes and questions (see WordScreen)."""
        saved = self._baseline
        for field in ("notes", "questions"):
            text = getattr(self.form.entry(), field)
            if text.strip() and (saved is None or text != getattr(saved, field)):
                self._screen(text)

    def _screen(self, text: str) -> None:
        """Ask about ``text``; mark each sign the patient says yes to, with all that follows."""
        already = {name_key(name) for name in self.form.symptoms.checked()}
        # A sign offered only with an About-you answer (osteoporosis or steroids) is asked about only then.
        skipped = already | self.form.not_offered
        if any(name_key(sign) not in skipped for sign in suggested_signs(text)):
            self.form.symptoms.open_warnings()  # a suggested sign is shown with its group
        for sign in self.words.signs_to_mark(self, self.date, text, skipped):
            if self.form.symptoms.chip(sign) is None:
                continue  # not in this journal's catalog (cannot happen after migration 3)
            self.form.symptoms.set_checked([*self.form.symptoms.checked(), sign])
            self.form.edited.emit()
            self._on_symptom_toggled(sign, True)

    def mark_warned(self, date: dt.date, symptoms: Iterable[str]) -> None:
        """Record that the urgent warning for these symptoms on ``date`` was acknowledged."""
        self._warned.update((date, name_key(s)) for s in symptoms)

    def forget_warnings(self) -> None:
        """Forget acknowledged warnings (another journal was opened): better twice than missed."""
        self._warned.clear()
        self.words.forget()

    def _show_flags(self, flags: list[RedFlag]) -> None:
        fresh = [f for f in flags if (self.date, name_key(f.symptom)) not in self._warned]
        if not fresh:
            return
        from journal.ui.red_flags import RedFlagDialog

        self.mark_warned(self.date, [f.symptom for f in fresh])
        RedFlagDialog(fresh, self, today=self.today()).exec()

    def _add_catalog(self, kind: CatalogKind) -> None:
        from PySide6.QtWidgets import QInputDialog

        label = {CatalogKind.TRIGGER: "trigger", CatalogKind.SYMPTOM: "symptom", CatalogKind.RELIEF: "thing that helped"}[kind]
        name, ok = QInputDialog.getText(self, f"Add a {label}", f"Name of the {label}:")
        if not ok or not name.strip():
            return

        def added(stored: str) -> None:
            groups = {CatalogKind.TRIGGER: self.form.triggers, CatalogKind.RELIEF: self.form.relief.chips}
            group = groups.get(kind, self.form.symptoms)
            self.form.ensure_names(group, (stored,))  # a long catalog's chips show only its first names
            group.set_checked([*group.checked(), stored])
            self.form.edited.emit()
            if kind is CatalogKind.SYMPTOM:
                self._screen(name)

        def refused(error: BaseException) -> None:
            if isinstance(error, ValidationError):
                QMessageBox.warning(self, "Not added", str(error.problems[0][1]).capitalize() + ".")
            elif isinstance(error, UserError):  # the catalog is full, or the disk
                QMessageBox.warning(self, "Not added", str(error))
            else:
                from journal.ui.errors import show_error

                show_error(self, error)

        self.session.add_catalog_item(kind, name, added, refused)
