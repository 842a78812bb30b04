"""Small pieces the day form is made of: field labels, spin box sizing, F1 help for each box,
and the columns the boxes are laid out in."""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import QAbstractSpinBox, QGroupBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


def fit_to_content(spin: QAbstractSpinBox) -> None:
    """Size a spin box to its widest text (e.g. "not recorded"), not to the column."""
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


def field_label(text: str, buddy: QWidget, hint: str = "") -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    label.setObjectName("fieldLabel")
    if hint:
        label.setToolTip(hint)
    return label


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


def fill_section(section: QWidget, boxes: list[QGroupBox], columns: int) -> None:
    """Put ``boxes`` into ``section``'s row in ``columns`` (1 or 2): down the left column, then the right."""
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
