"""The day form: every field of :class:`DayEntry` as a quick control.

The form only converts between widgets and a ``DayEntry``; saving, dirty
tracking and messages live in :mod:`journal.ui.today.view`.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal.core.catalog import CatalogItem, CatalogKind, Urgency, default_catalog, name_key
from journal.core.dates import relative_words
from journal.core.day import FIELD_LABELS, PAIN_LOCATIONS, DayEntry
from journal.core.validation import MINUTES_PER_DAY
from journal.ui.widgets.activities import ActivityList
from journal.ui.widgets.chips import ChipGroup
from journal.ui.widgets.medications import MedicationList
from journal.ui.widgets.scale import HIGH_IS_BETTER, ScaleSelector


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


def _with_checked(names: list[str], group: ChipGroup) -> list[str]:
    """``names`` plus the group's ticked names that are not among them."""
    keys = {name_key(n) for n in names}
    return names + [n for n in group.checked() if name_key(n) not in keys]


class DayForm(QWidget):
    """Widgets for one day. ``edited`` fires on any user change."""

    edited = Signal()
    symptomToggled = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = dt.date.today()
        columns = QGridLayout(self)
        columns.setHorizontalSpacing(18)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        columns.addWidget(self._pain_box(), 0, 0)
        columns.addWidget(self._body_box(), 1, 0)
        columns.addWidget(self._interference_box(), 2, 0)
        columns.addWidget(self._activity_box(), 0, 1)
        columns.addWidget(self._trigger_box(), 1, 1)
        columns.addWidget(self._symptom_box(), 2, 1)
        columns.addWidget(self._medication_box(), 3, 0)
        columns.addWidget(self._notes_box(), 3, 1)
        columns.setRowStretch(4, 1)
        self._wire()
        # Start with the built-in catalogs, so the chips exist before the journal is
        # open; the journal's own catalogs replace them only where they differ.
        defaults = default_catalog()
        activities, triggers, symptoms = (
            [item for item in defaults if item.kind is kind]
            for kind in (CatalogKind.ACTIVITY, CatalogKind.TRIGGER, CatalogKind.SYMPTOM)
        )
        self.set_catalogs(activities, triggers, symptoms, [])

    # --- building ----------------------------------------------------------------

    def _pain_box(self) -> QGroupBox:
        box = QGroupBox("Pain today")
        self.pain_box = box
        layout = QVBoxLayout(box)
        self.back_pain = ScaleSelector("Back pain", "no pain", "worst pain imaginable")
        self.leg_pain = ScaleSelector("Leg pain", "no pain", "worst pain imaginable")
        layout.addWidget(_label("&Back pain (0 = none, 10 = worst imaginable)", self.back_pain))
        layout.addWidget(self.back_pain)
        layout.addWidget(_label("&Leg pain (0 = none, 10 = worst imaginable)", self.leg_pain))
        layout.addWidget(self.leg_pain)
        layout.addWidget(QLabel("Where it hurts"))
        grid = QGridLayout()
        self.locations: dict[str, QCheckBox] = {}
        for index, (code, label) in enumerate(PAIN_LOCATIONS.items()):
            box_ = QCheckBox(label)
            box_.setAccessibleName(f"Hurts at: {label}")
            self.locations[code] = box_
            if code.startswith("lower_back"):
                grid.addWidget(box_, 0, index)
            else:
                part = (index - 3) // 2
                side = (index - 3) % 2
                grid.addWidget(box_, 1 + part, side)
        layout.addLayout(grid)
        return box

    def _body_box(self) -> QGroupBox:
        box = QGroupBox("Stiffness, sleep and mood")
        grid = QGridLayout(box)
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
        self.sleep_quality = ScaleSelector("Sleep quality", "very poor", "very good", ramp=HIGH_IS_BETTER)
        self.stress = ScaleSelector("Mood / stress", "calm", "very stressed")
        grid.addWidget(_label("&Morning stiffness", self.stiffness, "How long it took to loosen up"), 0, 0)
        grid.addWidget(self.stiffness, 0, 1)
        grid.addWidget(_label("Sl&ept", self.sleep_hours), 1, 0)
        grid.addWidget(self.sleep_hours, 1, 1)
        grid.addWidget(_label("Sleep &quality (0 = very poor, 10 = very good)", self.sleep_quality), 2, 0, 1, 2)
        grid.addWidget(self.sleep_quality, 3, 0, 1, 2)
        grid.addWidget(_label("Mood / st&ress (0 = calm, 10 = very stressed)", self.stress), 4, 0, 1, 2)
        grid.addWidget(self.stress, 5, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return box

    def _interference_box(self) -> QGroupBox:
        box = QGroupBox("How much pain got in the way today")
        self.interference_box = box
        layout = QVBoxLayout(box)
        self.enjoyment = ScaleSelector("Enjoyment of life", "not at all", "completely")
        self.activity = ScaleSelector("General activity", "not at all", "completely")
        layout.addWidget(_label("Enjoyment of &life (0 = not at all, 10 = completely)", self.enjoyment))
        layout.addWidget(self.enjoyment)
        layout.addWidget(_label("&General activity (0 = not at all, 10 = completely)", self.activity))
        layout.addWidget(self.activity)
        self.peg = QLabel()
        self.peg.setObjectName("pegScore")
        self.peg.setWordWrap(True)
        self.peg.setToolTip(
            "PEG: the average of your pain and these two answers, 0 to 10. Doctors use it to follow pain over time."
        )
        layout.addWidget(self.peg)
        return box

    def _activity_box(self) -> QGroupBox:
        box = QGroupBox("What you did (minutes)")
        layout = QVBoxLayout(box)
        self.activities = ActivityList()
        layout.addWidget(self.activities)
        return box

    def _trigger_box(self) -> QGroupBox:
        box = QGroupBox("Anything that seemed to make it worse?")
        layout = QVBoxLayout(box)
        self.triggers = ChipGroup("Trigger")
        layout.addWidget(self.triggers)
        return box

    def _symptom_box(self) -> QGroupBox:
        box = QGroupBox("Symptoms")
        layout = QVBoxLayout(box)
        self.symptoms = ChipGroup("Symptom")
        layout.addWidget(self.symptoms)
        hint = QLabel("Symptoms marked ⚠ need a doctor's attention.")
        hint.setObjectName("hint")
        layout.addWidget(hint)
        return box

    def _medication_box(self) -> QGroupBox:
        box = QGroupBox("Medications and self-care taken")
        layout = QVBoxLayout(box)
        self.medications = MedicationList()
        layout.addWidget(self.medications)
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
        layout.addWidget(_label("&Notes", self.notes))
        layout.addWidget(self.notes)
        layout.addWidget(_label("&Questions for the doctor", self.questions))
        layout.addWidget(self.questions)
        return box

    def _wire(self) -> None:
        for scale in (self.back_pain, self.leg_pain, self.sleep_quality, self.stress, self.enjoyment, self.activity):
            scale.valueChanged.connect(self._on_edit)
        for box in self.locations.values():
            box.toggled.connect(self._on_edit)
        self.stiffness.valueChanged.connect(self._on_edit)
        self.sleep_hours.valueChanged.connect(self._on_edit)
        self.activities.changed.connect(self._on_edit)
        self.triggers.toggled.connect(self._on_edit)
        self.symptoms.toggled.connect(self._on_edit)
        self.symptoms.toggled.connect(self.symptomToggled.emit)
        self.medications.changed.connect(self._on_edit)
        self.notes.textChanged.connect(self._on_edit)
        self.questions.textChanged.connect(self._on_edit)

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
        marks = {name_key(i.name): i.urgency.value for i in symptoms if i.urgency is not Urgency.NONE}
        shown = [i.name for i in symptoms[:MAX_CHIPS]]
        shown += [i.name for i in symptoms[MAX_CHIPS:] if i.urgency is not Urgency.NONE]  # red flags always
        self.symptoms.set_names(_with_checked(shown, self.symptoms), marks)
        self.medications.set_known(medications)

    # --- entry <-> widgets --------------------------------------------------------------

    def entry(self) -> DayEntry:
        """The form's contents as an (unvalidated) entry."""
        stiffness = self.stiffness.value()
        sleep = self.sleep_hours.value()
        return DayEntry(
            date=self.date,
            back_pain=self.back_pain.value(),  # type: ignore[arg-type]  # None fails validation
            leg_pain=self.leg_pain.value(),
            pain_locations=frozenset(c for c, box in self.locations.items() if box.isChecked()),
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
        )

    def set_entry(self, date: dt.date, entry: DayEntry | None) -> None:
        """Show ``entry`` (or a blank day) without emitting ``edited``."""
        self.blockSignals(True)
        try:
            self.date = date
            e = entry or DayEntry(date=date, back_pain=None)  # type: ignore[arg-type]  # an empty form: nothing chosen yet
            self.back_pain.setValue(e.back_pain)
            self.leg_pain.setValue(e.leg_pain)
            for code, box in self.locations.items():
                box.setChecked(code in e.pain_locations)
            self.stiffness.setValue(-1 if e.morning_stiffness_min is None else e.morning_stiffness_min)
            self.sleep_hours.setValue(-0.5 if e.sleep_hours is None else e.sleep_hours)
            self.sleep_quality.setValue(e.sleep_quality)
            self.stress.setValue(e.stress)
            self.enjoyment.setValue(e.interference_enjoyment)
            self.activity.setValue(e.interference_activity)
            self.activities.set_value(e.activities)
            self.ensure_names(self.triggers, e.triggers)
            self.triggers.set_checked(e.triggers)
            self.ensure_names(self.symptoms, e.symptoms)
            self.symptoms.set_checked(e.symptoms)
            self.medications.set_value(e.medications)
            self.notes.setPlainText(e.notes)
            self.questions.setPlainText(e.questions)
            self._name_the_day()
            self._show_peg()
        finally:
            self.blockSignals(False)

    @staticmethod
    def ensure_names(group: ChipGroup, names: tuple[str, ...]) -> None:
        missing = [n for n in names if group.chip(n) is None]
        if missing:
            group.set_names([*group.names(), *missing])

    def _when(self) -> str:
        """How the headings name the day shown: "today", "yesterday" or "on Monday 3 March"."""
        return relative_words(self.date, dt.date.today())

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
            "pain_locations": next(iter(self.locations.values())),
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
            "notes": self.notes,
            "questions": self.questions,
        }.get(field, self.back_pain)
