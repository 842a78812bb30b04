"""Fonts for chart labels drawn from the patient's words (trigger and activity names).

matplotlib draws every glyph from one font unless given a list of families,
in which case it falls back glyph by glyph (matplotlib 3.6+). The chart's
font (DejaVu Sans) lacks Chinese, Japanese, Korean, Thai and more, so labels
with such characters get the installed fonts that have them (found as for the
PDF report, :mod:`journal.formats.system_fonts`) after it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Final

CHART_FAMILY: Final = "DejaVu Sans"


@cache
def _chart_font_characters() -> frozenset[int]:
    from matplotlib import font_manager

    return frozenset(font_manager.get_font(font_manager.findfont(CHART_FAMILY)).get_charmap())


@cache
def _family_for(char: str) -> str | None:
    from matplotlib import font_manager

    from journal.formats.system_fonts import covering_face

    face = covering_face(char)
    if face is None:
        return None
    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    if str(face.path) not in known:
        font_manager.fontManager.addfont(str(face.path))
    return font_manager.FontProperties(fname=str(face.path)).get_name()


def families_for(texts: Iterable[str]) -> list[str]:
    """The chart's family, then one installed family for each script it cannot draw."""
    families = [CHART_FAMILY]
    covered = _chart_font_characters()
    for char in {c for text in texts for c in text if not c.isspace()}:
        if ord(char) in covered:
            continue
        family = _family_for(char)
        if family is not None and family not in families:
            families.append(family)
    return families
