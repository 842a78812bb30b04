"""The day form: every field of :class:`DayEntry` as a quick control.

The form only converts between widgets and a ``DayEntry``; saving, dirty
tracking and messages live in :mod:`journal.ui.today.view`.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

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

    # --- building ----------------------------------------------------------------

    def _arrange(self, columns: int) -> None:
        """Lay the boxes out in ``columns`` (1 or 2): down the left column, then the right.

        Each column stacks its boxes at their own heights (no shared rows), so a
        tall Symptoms box never stretches the box beside it.
        """
        if columns == self._columns:
            return
        self._columns = columns
        for section, boxes in ((self.core, self._core_boxes), (self.more.body, self._more_boxes)):
            row = section.layout()
            assert isinstance(row, QHBoxLayout)
            while row.count():
                item = row.takeAt(0)
                if item is not None and item.layout() is not None:
                    item.layout().setParent(None)  # drop the old column
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
        self.stiffness = QSpinBox()
        self.stiffness.setRange(-1, MINUTES_PER_DAY)
        self.stiffness.setSingleStep(5)
        self.stiffness.setSpecialValueText("not recorded")
        self.stiffness.setSuffix(" min")
        self.stiffness.setValue(-1)
        self.stiffness.setAccessibleName(FIELD_LABELS["morning_stiffness_min"])
        self.sleep_hours = QDoubleSpinBox()
        self.sleep_hours.setRange(-0.5, 24)
        self.sleep_hours.setSingleStep(0.5)
        self.sleep_hours.setDecimals(1)
        self.sleep_hours.setSpecialValueText("not recorded")
        self.sleep_hours.setSuffix(" h")
        self.sleep_hours.setValue(-0.5)
        self.sleep_hours.setAccessibleName(FIELD_LABELS["sleep_hours"])
        for spin in (self.stiffness, self.sleep_hours):
            _fit_to_content(spin)
        self.sleep_quality = ScaleSelector("Sleep quality", "very poor", "very good", ramp=HIGH_IS_BETTER)
        self.stress = ScaleSelector("Mood / stress", "calm", "very stressed")
        row = QHBoxLayout()
        row.addWidget(_label("Morning stiffness", self.stiffness, "How long it took to loosen up (Alt+M reaches it)"))
        row.addWidget(self.stiffness)
        row.addSpacing(18)
        row.addWidget(_label("Slept", self.sleep_hours))
        row.addWidget(self.sleep_hours)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(_label("Sleep &quality (0 = very poor, 10 = very good)", self.sleep_quality))
        layout.addWidget(self.sleep_quality)
        layout.addWidget(_label("M&ood / stress (0 = calm, 10 = very stressed)", self.stress))
        layout.addWidget(self.stress)
        return box

    def _interference_box(self) -> QGroupBox:
        box = QGroupBox("How much pain got in the way today")
        self.interference_box = box
        layout = QVBoxLayout(box)
        layout.setSpacing(4)
        self.enjoyment = ScaleSelector("Enjoyment of life", "not at all", "completely")
        self.activity = ScaleSelector("General activity", "not at all", "completely")
        layout.addWidget(_label("En&joyment of life (0 = not at all, 10 = completely)", self.enjoyment))
        layout.addWidget(self.enjoyment)
        layout.addWidget(_label("General activity (0 = not at all, 10 = completely)", self.activity))
        layout.addWidget(self.activity)
        self.peg = QLabel()
        self.peg.setObjectName("pegScore")
        self.peg.setWordWrap(True)
        self.peg.setToolTip(
            "PEG: the average of your pain and these two answers, 0 to 10. Doctors use it to follow pain over time."
        )
        layout.addWidget(self.peg)
        return box

    def _medication_box(self) -> QGroupBox:
        # Alt+K (the title's mnemonic) moves to the medications; self-care is in "What helped?".
        box = QGroupBox("Medications ta&ken")
        layout = QVBoxLayout(box)
        self.medications = MedicationList()
        layout.addWidget(self.medications)
        return box

    def _relief_box(self) -> QGroupBox:
        # Alt+W (the title's mnemonic) moves to the chips.
        box = QGroupBox("&What helped?")
        self.relief_box = box
        layout = QVBoxLayout(box)
        self.relief = ReliefList()
        layout.addWidget(self.relief)
        return box

    def _notes_box(self) -> QGroupBox:
        box = QGroupBox("Notes")
        layout = QVBoxLayout(box)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Anything else about this day")
        self.notes.setAccessibleName(FIELD_LABELS["notes"])
        self.notes.setTabChangesFocus(True)
        self.questions = QPlainTextEdit()
        self.questions.setPlaceholderText("Something to ask at your next appointment")
        self.questions.setAccessibleName(FIELD_LABELS["questions"])
        self.questions.setTabChangesFocus(True)
        for edit in (self.notes, self.questions):
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 6 + 12)  # longer text scrolls
            edit.setUndoRedoEnabled(False)  # Ctrl+Z is the form's undo (journal.ui.today.undo)
        layout.addWidget(_label("&Notes", self.notes))
        layout.addWidget(self.notes)
        layout.addWidget(_label("Q&uestions for the doctor", self.questions))
        layout.addWidget(self.questions)
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
        chain += [self.stiffness, self.sleep_hours, self.sleep_quality, self.stress, self.enjoyment, self.activity]
        chain += self.relief.focus_widgets()
        chain += self.medications.focus_widgets()
        chain += [self.notes, self.questions]
        return chain

    def _wire(self) -> None:
        for scale in (self.back_pain, self.leg_pain, self.sleep_quality, self.stress, self.enjoyment, self.activity):
            scale.valueChanged.connect(self._on_edit)
        self.body_map.changed.connect(self._on_edit)
        self.stiffness.valueChanged.connect(self._on_edit)
        self.sleep_hours.valueChanged.connect(self._on_edit)
        self.activities.changed.connect(self._on_edit)
        self.triggers.toggled.connect(self._on_edit)
        self.symptoms.toggled.connect(self._on_edit)
        self.symptoms.toggled.connect(self.symptomToggled.emit)
        self.medications.changed.connect(self._on_edit)
        self.relief.changed.connect(self._on_edit)
        self.notes.textChanged.connect(self._on_edit)
        self.questions.textChanged.connect(self._on_edit)
        for group in (self.triggers, self.symptoms, self.medications.chips, self.relief.chips):
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
        self.triggers.set_names(_with_checked([i.name for i in triggers[:MAX_CHIPS]], self.triggers))
        self._symptom_catalog = list(symptoms)
        self._offer_symptoms()
        self.medications.set_known(medications)

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
        self.relief.set_names(_with_checked([i.name for i in relief[:MAX_CHIPS]], self.relief.chips))

    # --- entry <-> widgets --------------------------------------------------------------

    def entry(self) -> DayEntry:
        """The form's contents as an (unvalidated) entry."""
        stiffness = self.stiffness.value()
        sleep = self.sleep_hours.value()
        return DayEntry(
            date=self.date,
            back_pain=self.back_pain.value(),  # type: ignore[arg-type]  # None fails validation
            leg_pain=self.leg_pain.value(),
            pain_locations=self.body_map.checked(),
            morning_stiffness_min=None if stiffness < 0 else stiffness,
            sleep_hours=None if sleep < 0 else sleep,
            sleep_quality=self.sleep_quality.value(),
            stress=self.stress.value(),
            interference_enjoyment=self.enjoyment.value(),
            interference_activity=self.activity.value(),
            activities=self.activities.value(),
            triggers=tuple(self.triggers.checked()),
            symptoms=tuple(self.symptoms.checked()),
            medications=self.medications.value(),
            notes=self.notes.toPlainText(),
            questions=self.questions.toPlainText(),
            relief=self.relief.value(),
            medication_helped=self.medications.helped(),
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
            self.stiffness.setValue(-1 if e.morning_stiffness_min is None else e.morning_stiffness_min)
            self.sleep_hours.setValue(-0.5 if e.sleep_hours is None else e.sleep_hours)
            self.sleep_quality.setValue(e.sleep_quality)
            self.stress.setValue(e.stress)
            self.enjoyment.setValue(e.interference_enjoyment)
            self.activity.setValue(e.interference_activity)
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
            self.medications.set_value(e.medications, e.medication_helped)
            self.relief.set_value(e.relief)
            self.notes.setPlainText(e.notes)
            self.questions.setPlainText(e.questions)
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
        self.interference_box.setTitle(f"How much pain got in the way {when}")

    def _show_peg(self) -> None:
        entry = self.entry()
        if entry.back_pain is None or entry.peg is None:
            self.peg.setText("PEG score: answer pain and both questions above to see it.")
        else:
            self.peg.setText(
                f"PEG score {self._when()}: <b>{entry.peg:.1f}</b> / 10 (the average of pain, enjoyment and activity)"
            )

    def widget_for_field(self, field: str) -> QWidget:
        """The control to focus when validation names ``field``."""
        unnamed = self.activities.first_unnamed()
        if field == "activities" and unnamed is not None:
            return unnamed.name
        return {
            "back_pain": self.back_pain,
            "leg_pain": self.leg_pain,
            "pain_locations": self.body_map,
            "morning_stiffness_min": self.stiffness,
            "sleep_hours": self.sleep_hours,
            "sleep_quality": self.sleep_quality,
            "stress": self.stress,
            "interference_enjoyment": self.enjoyment,
            "interference_activity": self.activity,
            "activities": self.activities,
            "triggers": self.triggers,
            "symptoms": self.symptoms,
            "medications": self.medications.entry,
            "medication_helped": self.medications.entry,
            "relief": self.relief.chips,
            "notes": self.notes,
            "questions": self.questions,
        }.get(field, self.back_pain)
