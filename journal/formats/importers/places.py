"""Where it hurts, as other apps name it, on Pain Journal's body map.

The body map covers the lower back, buttocks and legs (see
:data:`journal.core.day.PAIN_LOCATIONS`). A place outside it, or one without a
side where the map has two (a "leg"), is not placed: the importer keeps its
words in the day's note instead.
"""

from __future__ import annotations

import re
from typing import Final

#: Privacy Friendly Pain Diary's body regions (its ``BodyRegion`` numbers) that are on the body map.
#: 22–43 are the back view; the front of the thighs and lower legs counts as the same place.
PAIN_DIARY_REGIONS: Final[dict[int, str]] = {
    22: "lower_back_right",  # "abdomen, right" seen from behind
    23: "lower_back_left",
    24: "buttock_left",  # "groin, left" seen from behind
    25: "buttock_right",
    4: "thigh_left",
    5: "thigh_right",
    26: "thigh_left",
    27: "thigh_right",
    8: "calf_left",  # the lower leg
    9: "calf_right",
    30: "calf_left",
    31: "calf_right",
    10: "foot_left",
    11: "foot_right",
    32: "foot_left",
    33: "foot_right",
}

#: The names of all 44 regions, for the note when a region is not on the body map.
PAIN_DIARY_REGION_WORDS: Final[tuple[str, ...]] = (
    "abdomen, right",
    "abdomen, left",
    "groin, left",
    "groin, right",
    "thigh, left",
    "thigh, right",
    "knee, left",
    "knee, right",
    "lower leg, left",
    "lower leg, right",
    "foot, left",
    "foot, right",
    "chest, left",
    "chest, right",
    "neck",
    "head",
    "upper arm, left",
    "upper arm, right",
    "lower arm, left",
    "lower arm, right",
    "hand, left",
    "hand, right",
    "lower back, right",
    "lower back, left",
    "buttock, left",
    "buttock, right",
    "back of the thigh, left",
    "back of the thigh, right",
    "back of the knee, left",
    "back of the knee, right",
    "calf, left",
    "calf, right",
    "heel, left",
    "heel, right",
    "upper back, left",
    "upper back, right",
    "back of the neck",
    "back of the head",
    "back of the upper arm, left",
    "back of the upper arm, right",
    "back of the lower arm, left",
    "back of the lower arm, right",
    "back of the hand, left",
    "back of the hand, right",
)

_PARTS: Final = (
    (("lower back", "low back", "lumbar", "lumbago"), "lower_back"),
    (("buttock", "glute", "gluteal"), "buttock"),
    (("thigh", "hamstring"), "thigh"),
    (("calf", "calves", "shin", "lower leg"), "calf"),
    (("foot", "feet", "toe", "ankle", "heel"), "foot"),
)
_WORD = re.compile(r"[a-z]+")


def place_code(text: str) -> str | None:
    """The body-map code for a place's words ("Lower back (left)" → ``lower_back_left``), or None.

    A side is needed except for the lower back, which without one is its centre.
    """
    lowered = " ".join(_WORD.findall(text.lower()))
    left, right = " left" in f" {lowered}", " right" in f" {lowered}"
    if left == right and not (left is False and any(w in lowered for w in ("lower back", "low back", "lumbar", "lumbago"))):
        return None
    for words, part in _PARTS:
        if any(word in lowered for word in words):
            if part == "lower_back" and not left and not right:
                return "lower_back_centre"
            return f"{part}_{'left' if left else 'right'}"
    return None
