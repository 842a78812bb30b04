"""The colours of each theme (light, dark, high contrast), as plain data.

Every background here comes with the text colour drawn on it, so no part of
the window ends up with a fixed light background under text that follows a
dark desktop. :func:`text_pairs` lists every (text, background) pair the style
draws; the tests check each one reaches WCAG AA contrast (4.5:1). No Qt here:
the numbers can be checked, and the charts can use them, without a window.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields
from typing import Final


class Theme(str, enum.Enum):
    """A set of colours the window is drawn in."""

    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


class ThemeChoice(str, enum.Enum):
    """What the patient chose in View → Colours (stored in the settings)."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


#: Pain, stress and interference: calm blue at 0 to strong orange at 10
#: (colour-blind safe: no green/red pairing). The same fills in every theme,
#: always with :attr:`Colours.scale_chosen_text` on them.
HIGH_IS_WORSE: Final[tuple[str, ...]] = (
    "#d6e6f5",
    "#c6dbef",
    "#b3d1ea",
    "#a6c8e6",
    "#fde0c5",
    "#fdd0a2",
    "#fdbf86",
    "#fdae6b",
    "#fd9a4e",
    "#f5863a",
    "#e6550d",
)
#: Sleep quality the other way round: good sleep (10) is calm, poor sleep (0) warns.
HIGH_IS_BETTER: Final[tuple[str, ...]] = tuple(reversed(HIGH_IS_WORSE))


@dataclass(frozen=True)
class Colours:
    """One theme's colours; ``*_text`` fields are the text drawn on the field before them."""

    window: str
    text: str  # on window, surface and base
    surface: str  # group boxes
    base: str  # text fields, lists, unchosen scale boxes
    alternate: str  # every other table row
    muted: str  # hints, on window and surface
    heading: str  # group box titles
    border: str
    button: str
    button_hover: str
    accent: str  # Save, chosen chips, focus frames
    accent_hover: str
    accent_text: str
    focus_tint: str  # a focused scale's background
    soon: str  # "see a doctor soon" chips and banner borders
    soon_text: str  # on a chosen "soon" chip
    urgent: str
    urgent_text: str  # on a chosen "urgent" chip
    soon_fill: str  # the warning banner
    soon_fill_text: str
    urgent_fill: str
    urgent_fill_text: str
    treatment_fill: str  # History rows of days within a treatment (text colour on it: ``text``)
    dirty_text: str  # "Unsaved changes", on window
    error_text: str  # "Not saved", on window
    note_fill: str  # the disclaimer and gentle suggestions
    note_text: str
    demo_fill: str  # the sample-data banner and the read-only note
    demo_text: str
    demo_border: str
    selection: str
    selection_text: str
    scale_border: str
    scale_chosen_border: str
    scale_chosen_text: str  # on every fill of the scale ramps
    disabled_text: str  # a control that cannot be used now (WCAG exempts it; it must look different)


LIGHT: Final = Colours(
    window="#f7f8fa",
    text="#1d242c",
    surface="#ffffff",
    base="#ffffff",
    alternate="#f3f6fa",
    muted="#56616e",
    heading="#1f3b5a",
    border="#aab4c0",
    button="#ffffff",
    button_hover="#eef3f9",
    accent="#1f5fa0",
    accent_hover="#174b80",
    accent_text="#ffffff",
    focus_tint="#eef3f9",
    soon="#9a5c00",
    soon_text="#ffffff",
    urgent="#b34700",
    urgent_text="#ffffff",
    soon_fill="#fff1e0",
    soon_fill_text="#5a2e00",
    urgent_fill="#fde2d4",
    urgent_fill_text="#4a1500",
    treatment_fill="#dcefe4",
    dirty_text="#8a4b00",
    error_text="#9b1c1c",
    note_fill="#eef3f9",
    note_text="#1d242c",
    demo_fill="#fff6d6",
    demo_text="#3d2e00",
    demo_border="#e0c96b",
    selection="#1f5fa0",
    selection_text="#ffffff",
    scale_border="#aab4c0",
    scale_chosen_border="#1f3b5a",
    scale_chosen_text="#111111",
    disabled_text="#8a939e",
)

DARK: Final = Colours(
    window="#1b1f24",
    text="#e8ecf1",
    surface="#242a31",
    base="#1e2329",
    alternate="#2a3038",
    muted="#b4bec9",
    heading="#a9d0f5",
    border="#5a6675",
    button="#2d343d",
    button_hover="#38414c",
    accent="#7ab8f0",
    accent_hover="#98c8f4",
    accent_text="#0b1a2a",
    focus_tint="#2b3a4a",
    soon="#f0b450",
    soon_text="#241600",
    urgent="#ff9a66",
    urgent_text="#2a0d00",
    soon_fill="#3f2f12",
    soon_fill_text="#ffe2b0",
    urgent_fill="#4a2312",
    urgent_fill_text="#ffd9c7",
    treatment_fill="#1d3b33",
    dirty_text="#ffc27a",
    error_text="#ff9c9c",
    note_fill="#26384d",
    note_text="#e8ecf1",
    demo_fill="#3d3517",
    demo_text="#fff0c2",
    demo_border="#8a7a3a",
    selection="#3d6fa3",
    selection_text="#ffffff",
    scale_border="#6b7786",
    scale_chosen_border="#ffffff",
    scale_chosen_text="#111111",
    disabled_text="#7d8895",
)

HIGH_CONTRAST: Final = Colours(
    window="#000000",
    text="#ffffff",
    surface="#000000",
    base="#000000",
    alternate="#1a1a1a",
    muted="#e6e6e6",
    heading="#ffff00",
    border="#ffffff",
    button="#000000",
    button_hover="#333333",
    accent="#ffff00",
    accent_hover="#ffff80",
    accent_text="#000000",
    focus_tint="#003333",
    soon="#ffd060",
    soon_text="#000000",
    urgent="#ff9f5a",
    urgent_text="#000000",
    soon_fill="#000000",
    soon_fill_text="#ffd060",
    urgent_fill="#000000",
    urgent_fill_text="#ffb380",
    treatment_fill="#00264d",
    dirty_text="#ffd060",
    error_text="#ff8a8a",
    note_fill="#000000",
    note_text="#ffffff",
    demo_fill="#000000",
    demo_text="#ffff00",
    demo_border="#ffff00",
    selection="#ffff00",
    selection_text="#000000",
    scale_border="#ffffff",
    scale_chosen_border="#00ffff",
    scale_chosen_text="#000000",
    disabled_text="#8c8c8c",
)

COLOURS: Final[dict[Theme, Colours]] = {Theme.LIGHT: LIGHT, Theme.DARK: DARK, Theme.HIGH_CONTRAST: HIGH_CONTRAST}


def text_pairs(colours: Colours) -> list[tuple[str, str, str]]:
    """Every (what, text colour, background colour) pair the theme draws text with."""
    c = colours
    pairs = [
        ("text on window", c.text, c.window),
        ("text on surface", c.text, c.surface),
        ("text on fields", c.text, c.base),
        ("text on alternate rows", c.text, c.alternate),
        ("hint on window", c.muted, c.window),
        ("hint on surface", c.muted, c.surface),
        ("heading on window", c.heading, c.window),
        ("heading on surface", c.heading, c.surface),
        ("button text", c.text, c.button),
        ("button text, hovered", c.text, c.button_hover),
        ("Save and chosen chips", c.accent_text, c.accent),
        ("Save, hovered", c.accent_text, c.accent_hover),
        ("focused scale", c.text, c.focus_tint),
        ("chosen 'see a doctor soon' chip", c.soon_text, c.soon),
        ("chosen urgent chip", c.urgent_text, c.urgent),
        ("'see a doctor soon' banner", c.soon_fill_text, c.soon_fill),
        ("urgent banner", c.urgent_fill_text, c.urgent_fill),
        ("urgent row in History", c.urgent_fill_text, c.urgent_fill),
        ("treatment day in History", c.text, c.treatment_fill),
        ("unsaved changes", c.dirty_text, c.window),
        ("not saved", c.error_text, c.window),
        ("disclaimer", c.note_text, c.note_fill),
        ("sample-data banner", c.demo_text, c.demo_fill),
        ("selected row", c.selection_text, c.selection),
        ("unchosen scale box", c.text, c.base),
        ("hovered scale box", c.text, c.button_hover),
    ]
    for ramp_name, ramp in (("pain", HIGH_IS_WORSE), ("sleep quality", HIGH_IS_BETTER)):
        pairs += [(f"{ramp_name} {n} chosen", c.scale_chosen_text, fill) for n, fill in enumerate(ramp)]
    return pairs


def colour_names() -> tuple[str, ...]:
    """The names of :class:`Colours`' fields (for checks that every theme sets each)."""
    return tuple(f.name for f in fields(Colours))


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#rrggbb`` colour (0 black to 1 white)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


#: The body map's marked places: an orange that reads on light and dark backgrounds,
#: with a white tick (contrast 5.2:1) so marking does not rely on colour alone; on a
#: dark palette the edge is lighter, so the marked shape stands out from the dark body.
BODY_MAP_MARKED_FILL: Final = "#c2410c"
BODY_MAP_MARKED_EDGE: Final = "#7c2d12"
BODY_MAP_MARKED_EDGE_ON_DARK: Final = "#fdba74"
BODY_MAP_MARKED_TICK: Final = "#ffffff"
