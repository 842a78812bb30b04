"""What the day form's chip groups offer: the first names of each catalog, whatever is ticked,
and the warning signs, less those not offered to this person.

A catalog can grow to thousands of names; the form shows the first
:data:`MAX_CHIPS` of each (built-in ones first) plus whatever the day shown has
ticked, so its cost does not grow with the catalog. A name left out is still
found by typing it in "Add…". Warning signs are always offered, except those
that depend on an About-you answer the person did not give
(:data:`journal.core.about_you.OFFERED_WITH`); such a sign still shows on a day
that has it marked.
"""

from __future__ import annotations

from typing import Final

from journal.core.about_you import AboutYou, not_offered
from journal.core.catalog import CatalogItem, Urgency, name_key
from journal.ui.widgets.chips import ChipGroup
from journal.ui.widgets.symptom_chips import SymptomChips

#: Chips shown per group (triggers, symptoms) and names offered for activities.
MAX_CHIPS: Final = 80
MAX_ACTIVITY_NAMES: Final = 500


def with_checked(names: list[str], group: ChipGroup | SymptomChips) -> list[str]:
    """``names`` plus the group's ticked names that are not among them."""
    keys = {name_key(n) for n in names}
    return names + [n for n in group.checked() if name_key(n) not in keys]


def ensure_names(group: ChipGroup | SymptomChips, names: tuple[str, ...]) -> None:
    """Add a chip for each of ``names`` the group does not show yet."""
    missing = [n for n in names if group.chip(n) is None]
    if missing:
        group.set_names([*group.names(), *missing])


class SymptomOffer:
    """The symptoms the Symptoms group offers, from the catalog and what the person said about themselves."""

    def __init__(self, chips: SymptomChips) -> None:
        self.chips = chips
        self._catalog: list[CatalogItem] = []
        #: Name keys of the warning signs not offered to this person (About you).
        self.not_offered = not_offered(None)

    def set_catalog(self, symptoms: list[CatalogItem]) -> None:
        self._catalog = list(symptoms)
        self.offer()

    def set_about(self, about: AboutYou | None) -> None:
        """Offer the warning signs that depend on ``about``; a sign marked on the day shown stays."""
        hidden = not_offered(about)
        if hidden != self.not_offered:
            self.not_offered = hidden
            self.offer()

    def offer(self) -> None:
        symptoms = self._catalog
        marks = {name_key(i.name): i.urgency.value for i in symptoms if i.urgency is not Urgency.NONE}
        shown = [i.name for i in symptoms[:MAX_CHIPS]]
        shown += [i.name for i in symptoms[MAX_CHIPS:] if i.urgency is not Urgency.NONE]  # red flags always
        shown = [n for n in shown if name_key(n) not in self.not_offered]
        self.chips.set_names(with_checked(shown, self.chips), marks)

    def show_day(self, symptoms: tuple[str, ...]) -> None:
        """Tick the day's ``symptoms``; a sign not offered to this person shows only while it is marked."""
        marked = {name_key(n) for n in symptoms}
        names = self.chips.names()
        offered = [n for n in names if name_key(n) not in self.not_offered or name_key(n) in marked]
        if len(offered) != len(names):  # a sign not offered to this person, unmarked on this day
            self.chips.set_checked([])
            self.chips.set_names(offered)
        ensure_names(self.chips, symptoms)
        self.chips.set_checked(symptoms)
