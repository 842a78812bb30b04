"""The day: what a patient records for one calendar date.

:class:`DayEntry` is the one shape every layer speaks in: the form fills it,
storage saves and loads it, CSV rows become it, statistics read it. Field
names double as CSV column names, so a validation message naming a field
also names the CSV column.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Final

#: Where it hurts. Codes are stable (stored and exported); labels are for people.
PAIN_LOCATIONS: Final[dict[str, str]] = {
    "lower_back_left": "Lower back, left",
    "lower_back_centre": "Lower back, centre",
    "lower_back_right": "Lower back, right",
    "buttock_left": "Buttock, left",
    "buttock_right": "Buttock, right",
    "thigh_left": "Thigh, left",
    "thigh_right": "Thigh, right",
    "calf_left": "Calf, left",
    "calf_right": "Calf, right",
    "foot_left": "Foot, left",
    "foot_right": "Foot, right",
}

#: Fields scored on the 0–10 numeric rating scale.
SCALE_FIELDS: Final[tuple[str, ...]] = (
    "back_pain",
    "leg_pain",
    "sleep_quality",
    "stress",
    "interference_enjoyment",
    "interference_activity",
)

#: Labels for people, by field name.
FIELD_LABELS: Final[dict[str, str]] = {
    "date": "Date",
    "back_pain": "Back pain",
    "leg_pain": "Leg pain",
    "pain_locations": "Where it hurts",
    "morning_stiffness_min": "Morning stiffness (minutes)",
    "sleep_hours": "Sleep (hours)",
    "sleep_quality": "Sleep quality",
    "stress": "Mood / stress",
    "interference_enjoyment": "Pain got in the way of enjoying life",
    "interference_activity": "Pain got in the way of daily activity",
    "activities": "Activities",
    "triggers": "Triggers",
    "symptoms": "Symptoms",
    "medications": "Medications and self-care",
    "relief": "What helped",
    "medication_helped": "How much a medication helped",
    "notes": "Notes",
    "questions": "Questions for the doctor",
}


@dataclass(frozen=True, slots=True)
class ActivityMinutes:
    """Minutes spent on one activity during the day."""

    name: str
    minutes: int


#: How much something done for the pain helped, as the person judged it (the CSV's ``:N``).
HELPED_NOT_AT_ALL: Final = 0
HELPED_A_LITTLE: Final = 1
HELPED_A_LOT: Final = 2
HELPED_WORDS: Final[dict[int, str]] = {
    HELPED_A_LOT: "helped a lot",
    HELPED_A_LITTLE: "helped a little",
    HELPED_NOT_AT_ALL: "did not help",
}


@dataclass(frozen=True, slots=True)
class ReliefUse:
    """Something the person did for the pain that day, and how much it helped (None: not rated)."""

    name: str
    helped: int | None = None


@dataclass(frozen=True, slots=True)
class DayEntry:
    """One calendar date of the journal.

    Only ``date`` and ``back_pain`` are required; every other measure may be
    ``None`` (not recorded), which is different from zero. Collections are
    tuples so an entry is immutable and comparable.
    """

    date: dt.date
    back_pain: int
    leg_pain: int | None = None
    pain_locations: frozenset[str] = field(default_factory=frozenset)
    morning_stiffness_min: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    stress: int | None = None
    interference_enjoyment: int | None = None
    interference_activity: int | None = None
    activities: tuple[ActivityMinutes, ...] = ()
    triggers: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    medications: tuple[str, ...] = ()
    notes: str = ""
    questions: str = ""
    #: What the person did for the pain ("What helped"); never a trigger.
    relief: tuple[ReliefUse, ...] = ()
    #: How much each rated medication helped: ``(name as in medications, 0/1/2)``, in
    #: the medications' order; a medication without a rating is left out.
    medication_helped: tuple[tuple[str, int], ...] = ()

    @property
    def pain(self) -> int:
        """The day's pain for summary scores: the worse of back and leg pain."""
        if self.leg_pain is None:
            return self.back_pain
        return max(self.back_pain, self.leg_pain)

    @property
    def peg(self) -> float | None:
        """The 3-item PEG score (mean of pain, enjoyment, activity), or None.

        PEG needs both interference items; the pain item is :attr:`pain`.
        """
        if self.interference_enjoyment is None or self.interference_activity is None:
            return None
        return (self.pain + self.interference_enjoyment + self.interference_activity) / 3

    @property
    def activity_minutes(self) -> int:
        return sum(a.minutes for a in self.activities)

    def medication_rating(self, name: str) -> int | None:
        """How much the medication ``name`` (exactly as in :attr:`medications`) helped, or None."""
        return dict(self.medication_helped).get(name)

    def replace(self, **changes: object) -> "DayEntry":
        """A copy with some fields changed."""
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]  # changes are field names checked by replace()
