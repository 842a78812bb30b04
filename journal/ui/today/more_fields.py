"""The fields folded into "More": stiffness, sleep, mood, how pain got in the way (with the PEG score),
what helped, medications, notes and questions.

The day form builds them when "More" is first opened or one of their fields is
first asked for (:meth:`journal.ui.today.form.DayForm.more_fields`); until then
the day's values for them wait in the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from PySide6.QtWidgets import QDoubleSpinBox, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from journal.core.day import FIELD_LABELS, DayEntry
from journal.core.validation import MINUTES_PER_DAY
from journal.ui.today.boxes import SECTION_HELP, field_label, fit_to_content
from journal.ui.widgets.medications import MedicationList
from journal.ui.widgets.relief import ReliefList
from journal.ui.widgets.scale import HIGH_IS_BETTER, ScaleSelector

#: The entry's fields whose controls are inside "More".
MORE_FIELDS: Final = frozenset(
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


class MoreFields:
    """The boxes inside "More" and their controls, in Tab order."""

    def __init__(self) -> None:
        self.boxes: list[QGroupBox] = [
            self._body_box(),
            self._interference_box(),
            # What helped (one key on a chip, from the start) comes before the medications
            # typed by name: a new journal's self-care is a chip, not a name to type.
            self._relief_box(),
            self._medication_box(),
            self._notes_box(),
        ]
        for box, text in zip(self.boxes, SECTION_HELP[4:], strict=True):
            box.setWhatsThis(text)

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
            fit_to_content(spin)
        self.sleep_quality = ScaleSelector("Sleep quality", "very poor", "very good", ramp=HIGH_IS_BETTER)
        self.stress = ScaleSelector("Mood / stress", "calm", "very stressed")
        row = QHBoxLayout()
        row.addWidget(field_label("Morning stiffness", self.stiffness, "How long it took to loosen up (Alt+M reaches it)"))
        row.addWidget(self.stiffness)
        row.addSpacing(18)
        row.addWidget(field_label("Slept", self.sleep_hours))
        row.addWidget(self.sleep_hours)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(field_label("Sleep &quality (0 = very poor, 10 = very good)", self.sleep_quality))
        layout.addWidget(self.sleep_quality)
        layout.addWidget(field_label("M&ood / stress (0 = calm, 10 = very stressed)", self.stress))
        layout.addWidget(self.stress)
        return box

    def _interference_box(self) -> QGroupBox:
        box = QGroupBox("How much pain got in the way today")
        self.interference_box = box
        layout = QVBoxLayout(box)
        layout.setSpacing(4)
        self.enjoyment = ScaleSelector("Enjoyment of life", "not at all", "completely")
        self.activity = ScaleSelector("General activity", "not at all", "completely")
        layout.addWidget(field_label("En&joyment of life (0 = not at all, 10 = completely)", self.enjoyment))
        layout.addWidget(self.enjoyment)
        layout.addWidget(field_label("General activity (0 = not at all, 10 = completely)", self.activity))
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
        layout.addWidget(field_label("&Notes", self.notes))
        layout.addWidget(self.notes)
        layout.addWidget(field_label("Q&uestions for the doctor", self.questions))
        layout.addWidget(self.questions)
        return box

    def wire(self, edited: Callable[..., None], order_changed: Callable[[], None], relief_add: Callable[[], None]) -> None:
        """Call ``edited`` on any change, ``order_changed`` when chips are made anew,
        ``relief_add`` for What helped's "+ Add…"."""
        for scale in (self.sleep_quality, self.stress, self.enjoyment, self.activity):
            scale.valueChanged.connect(edited)
        self.stiffness.valueChanged.connect(edited)
        self.sleep_hours.valueChanged.connect(edited)
        self.medications.changed.connect(edited)
        self.relief.changed.connect(edited)
        self.notes.textChanged.connect(edited)
        self.questions.textChanged.connect(edited)
        for group in (self.medications.chips, self.relief.chips):
            group.rebuilt.connect(order_changed)
        self.relief.chips.addRequested.connect(relief_add)

    def focus_widgets(self) -> list[QWidget]:
        """Every control in Tab order: down the left column, then the right."""
        chain: list[QWidget] = [self.stiffness, self.sleep_hours, self.sleep_quality, self.stress, self.enjoyment, self.activity]
        chain += self.relief.focus_widgets()
        chain += self.medications.focus_widgets()
        chain += [self.notes, self.questions]
        return chain

    def values(self) -> dict[str, Any]:
        """The entry's fields inside "More", as shown."""
        stiffness = self.stiffness.value()
        sleep = self.sleep_hours.value()
        return {
            "morning_stiffness_min": None if stiffness < 0 else stiffness,
            "sleep_hours": None if sleep < 0 else sleep,
            "sleep_quality": self.sleep_quality.value(),
            "stress": self.stress.value(),
            "interference_enjoyment": self.enjoyment.value(),
            "interference_activity": self.activity.value(),
            "medications": self.medications.value(),
            "notes": self.notes.toPlainText(),
            "questions": self.questions.toPlainText(),
            "relief": self.relief.value(),
            "medication_helped": self.medications.helped(),
        }

    def show(self, e: DayEntry) -> None:
        """Show the fields inside "More" of ``e``."""
        self.stiffness.setValue(-1 if e.morning_stiffness_min is None else e.morning_stiffness_min)
        self.sleep_hours.setValue(-0.5 if e.sleep_hours is None else e.sleep_hours)
        self.sleep_quality.setValue(e.sleep_quality)
        self.stress.setValue(e.stress)
        self.enjoyment.setValue(e.interference_enjoyment)
        self.activity.setValue(e.interference_activity)
        self.medications.set_value(e.medications, e.medication_helped)
        self.relief.set_value(e.relief)
        self.notes.setPlainText(e.notes)
        self.questions.setPlainText(e.questions)

    def widget_for(self, field: str) -> QWidget:
        """The control to focus when validation names ``field`` (one of :data:`MORE_FIELDS`)."""
        return {
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
