"""The day form: every field of :class:`DayEntry` as a quick control.

The form only converts between widgets and a ``DayEntry``; saving, dirty
tracking and messages live in :mod:`journal.ui.today.view`. The fields folded
into "More" are :class:`~journal.ui.today.more_fields.MoreFields`, built on
first use; what the chip groups offer is :mod:`journal.ui.today.offered`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDoubleSpinBox, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from journal.core import clock
from journal.core.about_you import AboutYou
from journal.core.catalog import CatalogItem, CatalogKind, default_catalog
from journal.core.dates import relative_words
from journal.core.day import FIELD_LABELS, PAIN_LOCATIONS, DayEntry
from journal.ui.today.boxes import MORE_HELP, SECTION_HELP, field_label, fill_section
from journal.ui.today.more import MoreSection
from journal.ui.today.more_fields import MORE_FIELDS, MoreFields
from journal.ui.today.offered import MAX_ACTIVITY_NAMES, MAX_CHIPS, SymptomOffer, ensure_names, with_checked
from journal.ui.widgets.activities import ActivityList
from journal.ui.widgets.body_map import BodyMapWidget
from journal.ui.widgets.chips import ChipGroup
from journal.ui.widgets.medications import MedicationList
from journal.ui.widgets.relief import ReliefList
from journal.ui.widgets.scale import ScaleSelector
from journal.ui.widgets.symptom_chips import SymptomChips

__all__ = ["MAX_ACTIVITY_NAMES", "MAX_CHIPS", "SECTION_HELP", "DayForm"]


class DayForm(QWidget):
    """Widgets for one day. ``edited`` fires on any user change.

    The daily core (pain, where it hurts, activities, triggers, symptoms) comes
    first; the rest folds into "More" (see :class:`MoreSection`). Both lay out
    in two columns, or one when the form is too narrow for two.
    ``focusOrderChanged`` fires when widgets were added or made anew, so the
    view can set the tab order again.
    """

    edited = Signal()
    symptomToggled = Signal(str, bool)
    focusOrderChanged = Signal()
    #: "+ Add…" under What helped was chosen (a signal of the form, so listening does not build "More").
    reliefAddRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = clock.today()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.core = QWidget(self)
        self.core.setObjectName("dayCore")
        QHBoxLayout(self.core).setContentsMargins(0, 0, 0, 0)
        self.core.layout().setSpacing(14)
        self._core_boxes = [self._pain_box(), self._activity_box(), self._trigger_box(), self._symptom_box()]
        for box, text in zip(self._core_boxes, SECTION_HELP[:4], strict=True):
            box.setWhatsThis(text)
        self._offer = SymptomOffer(self.symptoms)
        outer.addWidget(self.core)
        #: Notices and "For today" cards (the view puts them here): below the core, so
        #: they take room from "More", never from the warning signs above them.
        self.extras = QVBoxLayout()
        self.extras.setSpacing(6)
        outer.addLayout(self.extras)
        self.more = MoreSection(self)
        #: The fields inside "More", built when it is first opened or one of them is
        #: first asked for (see :meth:`more_fields`); until then the day's values for them
        #: wait here, so ``entry()`` and ``set_entry()`` work the same either way.
        self._in_more: MoreFields | None = None
        self._more_entry = DayEntry(date=self.date, back_pain=None)  # type: ignore[arg-type]  # a blank day
        self._medication_names: list[str] = []
        self._relief_names: list[str] = []
        self.more.toggle.setWhatsThis(MORE_HELP)
        outer.addWidget(self.more)
        outer.addStretch(1)
        self._columns = 0
        self._arrange(2)
        self._wire()
        # Start with the built-in catalogs, so the chips exist before the journal is
        # open; the journal's own catalogs replace them only where they differ.
        defaults = default_catalog()
        activities, triggers, symptoms, relief = (
            [item for item in defaults if item.kind is kind]
            for kind in (CatalogKind.ACTIVITY, CatalogKind.TRIGGER, CatalogKind.SYMPTOM, CatalogKind.RELIEF)
        )
        self.set_catalogs(activities, triggers, symptoms, [])
        self.set_relief_catalog(relief)
        self.more.aboutToOpen.connect(self.more_fields)
        if self.more.is_open():  # left open last time: its fields are on the first screen
            self.more_fields()

    # --- building ----------------------------------------------------------------

    @property
    def more_built(self) -> bool:
        """Whether the fields inside "More" exist yet (they are made when first needed)."""
        return self._in_more is not None

    def more_fields(self) -> MoreFields:
        """The fields inside "More", made (with the day's values in them) on first use.

        Folded, they are not on the first screen, so start-up leaves them until the
        patient opens "More" (or code asks for one of their fields).
        """
        if self._in_more is not None:
            return self._in_more
        fields = MoreFields()
        self._in_more = fields
        fill_section(self.more.body, fields.boxes, self._columns)
        blocked = self.blockSignals(True)
        try:
            fields.medications.set_known(self._medication_names)
            fields.relief.set_names(self._relief_names)
            fields.show(self._more_entry)
            self._name_the_day()
            self._show_peg()
        finally:
            self.blockSignals(blocked)
        fields.wire(self._on_edit, self.focusOrderChanged.emit, self.reliefAddRequested.emit)
        self.focusOrderChanged.emit()
        return fields

    @property
    def stiffness(self) -> QSpinBox:
        return self.more_fields().stiffness

    @property
    def sleep_hours(self) -> QDoubleSpinBox:
        return self.more_fields().sleep_hours

    @property
    def sleep_quality(self) -> ScaleSelector:
        return self.more_fields().sleep_quality

    @property
    def stress(self) -> ScaleSelector:
        return self.more_fields().stress

    @property
    def enjoyment(self) -> ScaleSelector:
        return self.more_fields().enjoyment

    @property
    def activity(self) -> ScaleSelector:
        return self.more_fields().activity

    @property
    def peg(self) -> QLabel:
        return self.more_fields().peg

    @property
    def interference_box(self) -> QGroupBox:
        return self.more_fields().interference_box

    @property
    def medications(self) -> MedicationList:
        return self.more_fields().medications

    @property
    def relief(self) -> ReliefList:
        return self.more_fields().relief

    @property
    def relief_box(self) -> QGroupBox:
        return self.more_fields().relief_box

    @property
    def notes(self) -> QPlainTextEdit:
        return self.more_fields().notes

    @property
    def questions(self) -> QPlainTextEdit:
        return self.more_fields().questions

    def _arrange(self, columns: int) -> None:
        """Lay the boxes out in ``columns`` (1 or 2): down the left column, then the right.

        Each column stacks its boxes at their own heights (no shared rows), so a
        tall Symptoms box never stretches the box beside it.
        """
        if columns == self._columns:
            return
        self._columns = columns
        fill_section(self.core, self._core_boxes, columns)
        fill_section(self.more.body, self._in_more.boxes if self._in_more is not None else [], columns)

    @property
    def columns(self) -> int:
        """How many columns the boxes are in now (1 or 2)."""
        return self._columns

    def two_columns_fit(self, width: int) -> bool:
        """Whether two columns of boxes fit in ``width`` pixels (each must hold a 0–10 scale)."""
        return width >= 2 * self._column_minimum() + 14

    def _column_minimum(self) -> int:
        return self.back_pain.minimumSizeHint().width() + 2 * 12

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(2 if self.two_columns_fit(event.size().width()) else 1)
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        # One column is always possible: never ask for the width of two.
        return QSize(self._column_minimum(), super().minimumSizeHint().height())

    def _pain_box(self) -> QGroupBox:
        box = QGroupBox("Pain today")
        self.pain_box = box
        layout = QVBoxLayout(box)
        layout.setSpacing(4)
        self.back_pain = ScaleSelector("Back pain", "no pain", "worst pain imaginable")
        self.leg_pain = ScaleSelector("Leg pain", "no pain", "worst pain imaginable")
        layout.addWidget(field_label("&Back pain (0 = none, 10 = worst imaginable)", self.back_pain))
        layout.addWidget(self.back_pain)
        layout.addWidget(field_label("&Leg pain (0 = none, 10 = worst imaginable)", self.leg_pain))
        layout.addWidget(self.leg_pain)
        self.body_map = BodyMapWidget()
        layout.addWidget(field_label(FIELD_LABELS["pain_locations"], self.body_map, "Click or tap each place that hurts"))
        layout.addWidget(self.body_map)
        return box

    def _activity_box(self) -> QGroupBox:
        box = QGroupBox("What you did (minutes)")
        layout = QVBoxLayout(box)
        self.activities = ActivityList()
        layout.addWidget(self.activities)
        return box

    def _trigger_box(self) -> QGroupBox:
        # Alt+A (the title's mnemonic) moves to the chips.
        box = QGroupBox("&Anything that seemed to make it worse?")
        layout = QVBoxLayout(box)
        self.triggers = ChipGroup("Trigger")
        layout.addWidget(self.triggers)
        return box

    def _symptom_box(self) -> QGroupBox:
        box = QGroupBox("&Symptoms")
        layout = QVBoxLayout(box)
        # Ordinary symptoms first; the warning signs in their own group below (one key press away).
        self.symptoms = SymptomChips()
        layout.addWidget(self.symptoms)
        return box

    # --- focus -------------------------------------------------------------------------

    def focus_chain(self) -> list[QWidget]:
        """Every focusable control in screen order: down the left column, then the right;
        the core first, then "More". Each "+ Add…" comes right after its chips."""
        chain: list[QWidget] = [self.back_pain, self.leg_pain, self.body_map]
        chain += self.activities.focus_widgets()
        chain += self.triggers.focus_widgets()
        chain += self.symptoms.focus_widgets()
        chain.append(self.more.toggle)
        if self._in_more is not None:
            chain += self._in_more.focus_widgets()
        return chain

    def _wire(self) -> None:
        for scale in (self.back_pain, self.leg_pain):
            scale.valueChanged.connect(self._on_edit)
        self.body_map.changed.connect(self._on_edit)
        self.activities.changed.connect(self._on_edit)
        self.triggers.toggled.connect(self._on_edit)
        self.symptoms.toggled.connect(self._on_edit)
        self.symptoms.toggled.connect(self.symptomToggled.emit)
        for group in (self.triggers, self.symptoms):
            group.rebuilt.connect(self.focusOrderChanged.emit)
        self.activities.rowsChanged.connect(self.focusOrderChanged.emit)

    def _on_edit(self, *_: object) -> None:
        self._show_peg()
        self.edited.emit()

    # --- catalogs ------------------------------------------------------------------

    def set_catalogs(
        self, activities: list[CatalogItem], triggers: list[CatalogItem], symptoms: list[CatalogItem], medications: list[str]
    ) -> None:
        """Offer the catalogs' names: the first :data:`MAX_CHIPS` of each (built-in ones
        first), plus whatever is ticked, so the form's cost does not grow with a huge catalog.
        A name left out is still found by typing it in "Add…"."""
        self.activities.set_names(i.name for i in activities[:MAX_ACTIVITY_NAMES])
        self.triggers.set_names(with_checked([i.name for i in triggers[:MAX_CHIPS]], self.triggers))
        self._offer.set_catalog(symptoms)
        self._medication_names = list(medications)
        if self._in_more is not None:
            self._in_more.medications.set_known(self._medication_names)

    def set_about(self, about: AboutYou | None) -> None:
        """Offer the warning signs that depend on what the person said about themselves
        (:data:`journal.core.about_you.OFFERED_WITH`); a sign marked on the day shown stays."""
        self._offer.set_about(about)

    @property
    def not_offered(self) -> frozenset[str]:
        """Name keys of the warning signs not offered to this person (see :meth:`set_about`)."""
        return self._offer.not_offered

    def set_relief_catalog(self, relief: list[CatalogItem]) -> None:
        """Offer the relief names (the first :data:`MAX_CHIPS`, plus whatever is ticked)."""
        self._relief_names = [i.name for i in relief[:MAX_CHIPS]]
        if self._in_more is not None:
            self._in_more.relief.set_names(with_checked(self._relief_names, self._in_more.relief.chips))

    # --- entry <-> widgets --------------------------------------------------------------

    def entry(self) -> DayEntry:
        """The form's contents as an (unvalidated) entry; the fields inside "More" as last shown until built."""
        return dataclasses.replace(
            self._more_entry,
            date=self.date,
            back_pain=self.back_pain.value(),  # type: ignore[arg-type]  # None fails validation
            leg_pain=self.leg_pain.value(),
            pain_locations=self.body_map.checked(),
            activities=self.activities.value(),
            triggers=tuple(self.triggers.checked()),
            symptoms=tuple(self.symptoms.checked()),
            **(self._in_more.values() if self._in_more is not None else {}),
        )

    def set_entry(self, date: dt.date, entry: DayEntry | None) -> None:
        """Show ``entry`` (or a blank day) without emitting ``edited``."""
        self.blockSignals(True)
        try:
            self.date = date
            e = entry or DayEntry(date=date, back_pain=None)  # type: ignore[arg-type]  # an empty form: nothing chosen yet
            self.back_pain.setValue(e.back_pain)
            self.leg_pain.setValue(e.leg_pain)
            self.body_map.set_checked(e.pain_locations & PAIN_LOCATIONS.keys())  # unknown codes unshown, as before
            self._more_entry = e
            if self._in_more is not None:
                self._in_more.show(e)
            self.activities.set_value(e.activities)
            ensure_names(self.triggers, e.triggers)
            self.triggers.set_checked(e.triggers)
            self._offer.show_day(e.symptoms)
            self._name_the_day()
            self._show_peg()
        finally:
            self.blockSignals(False)

    @staticmethod
    def ensure_names(group: ChipGroup | SymptomChips, names: tuple[str, ...]) -> None:
        """Add a chip for each of ``names`` the group does not show yet."""
        ensure_names(group, names)

    def _name_the_day(self) -> None:
        """Headings say which day they are about: a past day is never called "today"."""
        when = self._when()
        self.pain_box.setTitle(f"Pain {when}")
        if self._in_more is not None:
            self._in_more.interference_box.setTitle(f"How much pain got in the way {when}")

    def _show_peg(self) -> None:
        if self._in_more is None:  # the score is shown inside "More"; it is worked out when that is built
            return
        entry = self.entry()
        if entry.back_pain is None or entry.peg is None:
            self._in_more.peg.setText("PEG score: answer pain and both questions above to see it.")
        else:
            self._in_more.peg.setText(
                f"PEG score {self._when()}: <b>{entry.peg:.1f}</b> / 10 (the average of pain, enjoyment and activity)"
            )

    def _when(self) -> str:
        """How the headings name the day shown: "today", "yesterday" or "on Monday 3 March"."""
        return relative_words(self.date, clock.today())

    def widget_for_field(self, field: str) -> QWidget:
        """The control to focus when validation names ``field``."""
        unnamed = self.activities.first_unnamed()
        if field == "activities" and unnamed is not None:
            return unnamed.name
        core: dict[str, QWidget] = {
            "back_pain": self.back_pain,
            "leg_pain": self.leg_pain,
            "pain_locations": self.body_map,
            "activities": self.activities,
            "triggers": self.triggers,
            "symptoms": self.symptoms,
        }
        if field in core or field not in MORE_FIELDS:
            return core.get(field, self.back_pain)
        return self.more_fields().widget_for(field)  # a field inside "More" (built now if it was not)
