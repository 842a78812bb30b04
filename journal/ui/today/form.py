"""The day form: every field of :class:`DayEntry` as a quick control.

The form only converts between widgets and a ``DayEntry``; saving, dirty
tracking and messages live in :mod:`journal.ui.today.view`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, Final

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDoubleSpinBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.core import clock
from journal.core.about_you import AboutYou, not_offered
from journal.core.catalog import CatalogItem, CatalogKind, Urgency, default_catalog, name_key
from journal.core.dates import relative_words
from journal.core.day import FIELD_LABELS, PAIN_LOCATIONS, DayEntry
from journal.core.validation import MINUTES_PER_DAY
from journal.ui.today.more import MoreSection
from journal.ui.widgets.activities import ActivityList
from journal.ui.widgets.body_map import BodyMapWidget
from journal.ui.widgets.chips import ChipGroup
from journal.ui.widgets.medications import MedicationList
from journal.ui.widgets.relief import ReliefList
from journal.ui.widgets.scale import HIGH_IS_BETTER, ScaleSelector
from journal.ui.widgets.symptom_chips import SymptomChips


def _fit_to_content(spin: QAbstractSpinBox) -> None:
    """Size a spin box to its widest text (e.g. "not recorded"), not to the column."""
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


def _label(text: str, buddy: QWidget, hint: str = "") -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setObjectName("fieldLabel")
    if hint:
        label.setToolTip(hint)
    return label


#: Chips shown per group (triggers, symptoms) and names offered for activities.
MAX_CHIPS: Final = 80
MAX_ACTIVITY_NAMES: Final = 500


#: F1 help for each box, in the order the boxes are built.
SECTION_HELP: Final = (
    "Pain today: type a number 0 to 10 for back pain (1 then 0 quickly gives 10), Tab, then leg pain. "
    "Left and Right step, Delete clears. In Where it hurts, arrow keys move between the places and Space ticks one.",
    "What you did: Alt+C adds a row. Type the activity (a known name completes itself), Tab, then the minutes.",
    "Anything that made it worse: arrow keys move between the chips, Space ticks one. Tab reaches + Add… "
    "to name one of your own.",
    "Symptoms: arrow keys move between the chips, Space ticks one. Chips marked ⚠ are warning signs: "
    "the journal tells you when to see a doctor about them.",
    "Stiffness and sleep: type the minutes and the hours. Sleep quality and mood are 0 to 10, like pain.",
    "How much pain got in the way: 0 to 10 each. With back pain they make the PEG score doctors use.",
    "What helped: what you did for the pain, such as heat or rest. Arrow keys move between the chips; 2, 1 or 0 "
    "ticks one and says whether it helped a lot, a little or not at all, in one key press. Space ticks one without "
    "a rating. Tab reaches + Add… to name one of your own. This is your own judgement; it is never counted as a trigger.",
    "Medications, as you take them (Alt+K): Space ticks one you used before; type a new one and press Enter. "
    "On a ticked one, 2, 1 or 0 says whether it helped a lot, a little or not at all. "
    "The journal never suggests what to take.",
    "Notes and questions: anything else about the day, and what to ask at your next appointment. Tab moves on.",
)
#: The entry's fields whose controls are inside "More".
_MORE_FIELDS: Final = frozenset(
    {
        "morning_stiffness_min",
        "sleep_hours",
        "sleep_quality",
        "stress",
        "interference_enjoyment",
        "interference_activity",
        "medications",
        "medication_helped",
        "relief",
        "notes",
        "questions",
    }
)
MORE_HELP: Final = "More opens or folds the fields below (Alt+M). It stays as you leave it."


def _with_checked(names: list[str], group: ChipGroup | SymptomChips) -> list[str]:
    """``names`` plus the group's ticked names that are not among them."""
    keys = {name_key(n) for n in names}
    return names + [n for n in group.checked() if name_key(n) not in keys]


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
        #: Warning signs not offered to this person (About you); shown only on a day that has one marked.
        self._not_offered = not_offered(None)
        self._symptom_catalog: list[CatalogItem] = []
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
        outer.addWidget(self.core)
        #: Notices and "For today" cards (the view puts them here): below the core, so
        #: they take room from "More", never from the warning signs above them.
        self.extras = QVBoxLayout()
        self.extras.setSpacing(6)
        outer.addLayout(self.extras)
        self.more = MoreSection(self)
        #: The boxes inside "More", built when it is first opened or one of its fields is
        #: first asked for (see :meth:`_build_more`); until then the day's values for them
        #: wait here, so ``entry()`` and ``set_entry()`` work the same either way.
        self._more_boxes: list[QGroupBox] = []
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
        self.more.aboutToOpen.connect(self._build_more)
        if self.more.is_open():  # left open last time: its fields are on the first screen
            self._build_more()

    # --- building ----------------------------------------------------------------

    @property
    def more_built(self) -> bool:
        """Whether the fields inside "More" exist yet (they are made when first needed)."""
        return bool(self._more_boxes)

    def _build_more(self) -> None:
        """Make the boxes inside "More" and show the day's values in them.

        Folded, they are not on the first screen, so start-up leaves them until the
        patient opens "More" (or code asks for one of their fields).
        """
        if self._more_boxes:
            return
        self._more_boxes = [
            self._body_box(),
            self._interference_box(),
            # What helped (one key on a chip, from the start) comes before the medications
            # typed by name: a new journal's self-care is a chip, not a name to type.
            self._relief_box(),
            self._medication_box(),
            self._notes_box(),
        ]
        for box, text in zip(self._more_boxes, SECTION_HELP[4:], strict=True):
            box.setWhatsThis(text)
        self._fill_section(self.more.body, self._more_boxes, self._columns)
        blocked = self.blockSignals(True)
        try:
            self._medications.set_known(self._medication_names)
            self._relief.set_names(self._relief_names)
            self._show_more(self._more_entry)
            self._name_the_day()
            self._show_peg()
        finally:
            self.blockSignals(blocked)
        self._wire_more()
        self.focusOrderChanged.emit()

    @property
    def stiffness(self) -> QSpinBox:
        self._build_more()
        return self._stiffness

    @property
    def sleep_hours(self) -> QDoubleSpinBox:
        self._build_more()
        return self._sleep_hours

    @property
    def sleep_quality(self) -> ScaleSelector:
        self._build_more()
        return self._sleep_quality

    @property
    def stress(self) -> ScaleSelector:
        self._build_more()
        return self._stress

    @property
    def enjoyment(self) -> ScaleSelector:
        self._build_more()
        return self._enjoyment

    @property
    def activity(self) -> ScaleSelector:
        self._build_more()
        return self._activity

    @property
    def peg(self) -> QLabel:
        self._build_more()
        return self._peg

    @property
    def interference_box(self) -> QGroupBox:
        self._build_more()
        return self._interference_box_widget

    @property
    def medications(self) -> MedicationList:
        self._build_more()
        return self._medications

    @property
    def relief(self) -> ReliefList:
        self._build_more()
        return self._relief

    @property
    def relief_box(self) -> QGroupBox:
        self._build_more()
        return self._relief_box_widget

    @property
    def notes(self) -> QPlainTextEdit:
        self._build_more()
        return self._notes

    @property
    def questions(self) -> QPlainTextEdit:
        self._build_more()
        return self._questions

    def _arrange(self, columns: int) -> None:
        """Lay the boxes out in ``columns`` (1 or 2): down the left column, then the right.

        Each column stacks its boxes at their own heights (no shared rows), so a
        tall Symptoms box never stretches the box beside it.
        """
        if columns == self._columns:
            return
        self._columns = columns
        for section, boxes in ((self.core, self._core_boxes), (self.more.body, self._more_boxes)):
            self._fill_section(section, boxes, columns)

    @staticmethod
    def _fill_section(section: QWidget, boxes: list[QGroupBox], columns: int) -> None:
        row = section.layout()
        assert isinstance(row, QHBoxLayout)
        while row.count():
            item = row.takeAt(0)
            if item is not None and item.layout() is not None:
                item.layout().setParent(None)  # drop the old column
        if not boxes:  # "More" not built yet
            return
        half = len(boxes) // 2
        parts = [boxes[:half], boxes[half:]] if columns == 2 else [boxes]
        for part in parts:
            column = QVBoxLayout()
            column.setSpacing(8)
            for box in part:
                column.addWidget(box)
            column.addStretch(1)
            row.addLayout(column, 1)

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
        layout.addWidget(_label("&Back pain (0 = none, 10 = worst imaginable)", self.back_pain))
        layout.addWidget(self.back_pain)
        layout.addWidget(_label("&Leg pain (0 = none, 10 = worst imaginable)", self.leg_pain))
        layout.addWidget(self.leg_pain)
        self.body_map = BodyMapWidget()
        layout.addWidget(_label(FIELD_LABELS["pain_locations"], self.body_map, "Click or tap each place that hurts"))
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

    def _body_box(self) -> QGroupBox:
        box = QGroupBox("Stiffness, sleep and mood")
        layout = QVBoxLayout(box)
        layout.setSpacing(4)
        self._stiffness = QSpinBox()
        self._stiffness.setRange(-1, MINUTES_PER_DAY)
        self._stiffness.setSingleStep(5)
        self._stiffness.setSpecialValueText("not recorded")
        self._stiffness.setSuffix(" min")
        self._stiffness.setValue(-1)
        self._stiffness.setAccessibleName(FIELD_LABELS["morning_stiffness_min"])
        self._sleep_hours = QDoubleSpinBox()
        self._sleep_hours.setRange(-0.5, 24)
        self._sleep_hours.setSingleStep(0.5)
        self._sleep_hours.setDecimals(1)
        self._sleep_hours.setSpecialValueText("not recorded")
        self._sleep_hours.setSuffix(" h")
        self._sleep_hours.setValue(-0.5)
        self._sleep_hours.setAccessibleName(FIELD_LABELS["sleep_hours"])
        for spin in (self._stiffness, self._sleep_hours):
            _fit_to_content(spin)
        self._sleep_quality = ScaleSelector("Sleep quality", "very poor", "very good", ramp=HIGH_IS_BETTER)
        self._stress = ScaleSelector("Mood / stress", "calm", "very stressed")
        row = QHBoxLayout()
        row.addWidget(_label("Morning stiffness", self._stiffness, "How long it took to loosen up (Alt+M reaches it)"))
        row.addWidget(self._stiffness)
        row.addSpacing(18)
        row.addWidget(_label("Slept", self._sleep_hours))
        row.addWidget(self._sleep_hours)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(_label("Sleep &quality (0 = very poor, 10 = very good)", self._sleep_quality))
        layout.addWidget(self._sleep_quality)
        layout.addWidget(_label("M&ood / stress (0 = calm, 10 = very stressed)", self._stress))
        layout.addWidget(self._stress)
        return box

    def _interference_box(self) -> QGroupBox:
        box = QGroupBox("How much pain got in the way today")
        self._interference_box_widget = box
        layout = QVBoxLayout(box)
        layout.setSpacing(4)
        self._enjoyment = ScaleSelector("Enjoyment of life", "not at all", "completely")
        self._activity = ScaleSelector("General activity", "not at all", "completely")
        layout.addWidget(_label("En&joyment of life (0 = not at all, 10 = completely)", self._enjoyment))
        layout.addWidget(self._enjoyment)
        layout.addWidget(_label("General activity (0 = not at all, 10 = completely)", self._activity))
        layout.addWidget(self._activity)
        self._peg = QLabel()
        self._peg.setObjectName("pegScore")
        self._peg.setWordWrap(True)
        self._peg.setToolTip(
            "PEG: the average of your pain and these two answers, 0 to 10. Doctors use it to follow pain over time."
        )
        layout.addWidget(self._peg)
        return box

    def _medication_box(self) -> QGroupBox:
        # Alt+K (the title's mnemonic) moves to the medications; self-care is in "What helped?".
        box = QGroupBox("Medications ta&ken")
        layout = QVBoxLayout(box)
        self._medications = MedicationList()
        layout.addWidget(self._medications)
        return box

    def _relief_box(self) -> QGroupBox:
        # Alt+W (the title's mnemonic) moves to the chips.
        box = QGroupBox("&What helped?")
        self._relief_box_widget = box
        layout = QVBoxLayout(box)
        self._relief = ReliefList()
        layout.addWidget(self._relief)
        return box

    def _notes_box(self) -> QGroupBox:
        box = QGroupBox("Notes")
        layout = QVBoxLayout(box)
        self._notes = QPlainTextEdit()
        self._notes.setPlaceholderText("Anything else about this day")
        self._notes.setAccessibleName(FIELD_LABELS["notes"])
        self._notes.setTabChangesFocus(True)
        self._questions = QPlainTextEdit()
        self._questions.setPlaceholderText("Something to ask at your next appointment")
        self._questions.setAccessibleName(FIELD_LABELS["questions"])
        self._questions.setTabChangesFocus(True)
        for edit in (self._notes, self._questions):
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 6 + 12)  # longer text scrolls
            edit.setUndoRedoEnabled(False)  # Ctrl+Z is the form's undo (journal.ui.today.undo)
        layout.addWidget(_label("&Notes", self._notes))
        layout.addWidget(self._notes)
        layout.addWidget(_label("Q&uestions for the doctor", self._questions))
        layout.addWidget(self._questions)
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
        if not self.more_built:
            return chain
        chain += [self._stiffness, self._sleep_hours, self._sleep_quality, self._stress, self._enjoyment, self._activity]
        chain += self._relief.focus_widgets()
        chain += self._medications.focus_widgets()
        chain += [self._notes, self._questions]
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

    def _wire_more(self) -> None:
        for scale in (self._sleep_quality, self._stress, self._enjoyment, self._activity):
            scale.valueChanged.connect(self._on_edit)
        self._stiffness.valueChanged.connect(self._on_edit)
        self._sleep_hours.valueChanged.connect(self._on_edit)
        self._medications.changed.connect(self._on_edit)
        self._relief.changed.connect(self._on_edit)
        self._notes.textChanged.connect(self._on_edit)
        self._questions.textChanged.connect(self._on_edit)
        for group in (self._medications.chips, self._relief.chips):
            group.rebuilt.connect(self.focusOrderChanged.emit)
        self._relief.chips.addRequested.connect(self.reliefAddRequested.emit)

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
        self.triggers.set_names(_with_checked([i.name for i in triggers[:MAX_CHIPS]], self.triggers))
        self._symptom_catalog = list(symptoms)
        self._offer_symptoms()
        self._medication_names = list(medications)
        if self.more_built:
            self._medications.set_known(self._medication_names)

    def set_about(self, about: AboutYou | None) -> None:
        """Offer the warning signs that depend on what the person said about themselves
        (:data:`journal.core.about_you.OFFERED_WITH`); a sign marked on the day shown stays."""
        hidden = not_offered(about)
        if hidden != self._not_offered:
            self._not_offered = hidden
            self._offer_symptoms()

    @property
    def not_offered(self) -> frozenset[str]:
        """Name keys of the warning signs not offered to this person (see :meth:`set_about`)."""
        return self._not_offered

    def _offer_symptoms(self) -> None:
        symptoms = self._symptom_catalog
        marks = {name_key(i.name): i.urgency.value for i in symptoms if i.urgency is not Urgency.NONE}
        shown = [i.name for i in symptoms[:MAX_CHIPS]]
        shown += [i.name for i in symptoms[MAX_CHIPS:] if i.urgency is not Urgency.NONE]  # red flags always
        shown = [n for n in shown if name_key(n) not in self._not_offered]
        self.symptoms.set_names(_with_checked(shown, self.symptoms), marks)

    def set_relief_catalog(self, relief: list[CatalogItem]) -> None:
        """Offer the relief names (the first :data:`MAX_CHIPS`, plus whatever is ticked)."""
        self._relief_names = [i.name for i in relief[:MAX_CHIPS]]
        if self.more_built:
            self._relief.set_names(_with_checked(self._relief_names, self._relief.chips))

    # --- entry <-> widgets --------------------------------------------------------------

    def entry(self) -> DayEntry:
        """The form's contents as an (unvalidated) entry."""
        return dataclasses.replace(
            self._more_entry,
            date=self.date,
            back_pain=self.back_pain.value(),  # type: ignore[arg-type]  # None fails validation
            leg_pain=self.leg_pain.value(),
            pain_locations=self.body_map.checked(),
            activities=self.activities.value(),
            triggers=tuple(self.triggers.checked()),
            symptoms=tuple(self.symptoms.checked()),
            **self._more_values(),
        )

    def _more_values(self) -> dict[str, Any]:
        """The fields inside "More": from their widgets once built, else as last shown."""
        if not self.more_built:
            return {}
        stiffness = self._stiffness.value()
        sleep = self._sleep_hours.value()
        return {
            "morning_stiffness_min": None if stiffness < 0 else stiffness,
            "sleep_hours": None if sleep < 0 else sleep,
            "sleep_quality": self._sleep_quality.value(),
            "stress": self._stress.value(),
            "interference_enjoyment": self._enjoyment.value(),
            "interference_activity": self._activity.value(),
            "medications": self._medications.value(),
            "notes": self._notes.toPlainText(),
            "questions": self._questions.toPlainText(),
            "relief": self._relief.value(),
            "medication_helped": self._medications.helped(),
        }

    def _show_more(self, e: DayEntry) -> None:
        """Show the fields inside "More" of ``e`` in their widgets (built)."""
        self._stiffness.setValue(-1 if e.morning_stiffness_min is None else e.morning_stiffness_min)
        self._sleep_hours.setValue(-0.5 if e.sleep_hours is None else e.sleep_hours)
        self._sleep_quality.setValue(e.sleep_quality)
        self._stress.setValue(e.stress)
        self._enjoyment.setValue(e.interference_enjoyment)
        self._activity.setValue(e.interference_activity)
        self._medications.set_value(e.medications, e.medication_helped)
        self._relief.set_value(e.relief)
        self._notes.setPlainText(e.notes)
        self._questions.setPlainText(e.questions)

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
            if self.more_built:
                self._show_more(e)
            self.activities.set_value(e.activities)
            self.ensure_names(self.triggers, e.triggers)
            self.triggers.set_checked(e.triggers)
            marked = {name_key(n) for n in e.symptoms}
            names = self.symptoms.names()
            offered = [n for n in names if name_key(n) not in self._not_offered or name_key(n) in marked]
            if len(offered) != len(names):  # a sign not offered to this person, unmarked on this day
                self.symptoms.set_checked([])
                self.symptoms.set_names(offered)
            self.ensure_names(self.symptoms, e.symptoms)
            self.symptoms.set_checked(e.symptoms)
            self._name_the_day()
            self._show_peg()
        finally:
            self.blockSignals(False)

    @staticmethod
    def ensure_names(group: ChipGroup | SymptomChips, names: tuple[str, ...]) -> None:
        missing = [n for n in names if group.chip(n) is None]
        if missing:
            group.set_names([*group.names(), *missing])

    def _when(self) -> str:
        """How the headings name the day shown: "today", "yesterday" or "on Monday 3 March"."""
        return relative_words(self.date, clock.today())

    def _name_the_day(self) -> None:
        """Headings say which day they are about: a past day is never called "today"."""
        when = self._when()
        self.pain_box.setTitle(f"Pain {when}")
        if self.more_built:
            self._interference_box_widget.setTitle(f"How much pain got in the way {when}")

    def _show_peg(self) -> None:
        if not self.more_built:  # the score is shown inside "More"; it is worked out when that is built
            return
        entry = self.entry()
        if entry.back_pain is None or entry.peg is None:
            self._peg.setText("PEG score: answer pain and both questions above to see it.")
        else:
            self._peg.setText(
                f"PEG score {self._when()}: <b>{entry.peg:.1f}</b> / 10 (the average of pain, enjoyment and activity)"
            )

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
        if field in core or field not in _MORE_FIELDS:
            return core.get(field, self.back_pain)
        return {  # a field inside "More" (built now if it was not)
            "morning_stiffness_min": self.stiffness,
            "sleep_hours": self.sleep_hours,
            "sleep_quality": self.sleep_quality,
            "stress": self.stress,
            "interference_enjoyment": self.enjoyment,
            "interference_activity": self.activity,
            "medications": self.medications.entry,
            "medication_helped": self.medications.entry,
            "relief": self.relief.chips,
            "notes": self.notes,
            "questions": self.questions,
        }[field]
