"""The patient's words as a matplotlib label can show them: in drawing order, shaped where it can be.

matplotlib lays text out one character after another, left to right, with
no bidirectional ordering or shaping: a Hebrew trigger name would read
backwards and Arabic letters would stand apart. :func:`drawing_order` does
that work first (the Unicode Bidirectional Algorithm, then HarfBuzz in the
font that will draw each run) and hands matplotlib characters in drawing
order: each shaped glyph as a character the font maps to it (Arabic joining
forms are in every Arabic font's character map). A cluster with a glyph no
character reaches (a Devanagari conjunct) keeps its own characters, as
before. Text without right-to-left letters or complex scripts is returned
unchanged, so Latin and CJK labels cost nothing.

python-bidi and HarfBuzz load only when such a label is drawn.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from journal.formats.shaping import bidi_levels, glyph_characters, needs_shaping, shape, visual_runs
from journal.formats.text_runs import INVISIBLE_CONTROLS, clusters, has_rtl


@cache
def _chart_font() -> tuple[Path, frozenset[int]]:
    from matplotlib import font_manager

    from journal.formats.label_fonts import CHART_FAMILY

    path = Path(font_manager.findfont(CHART_FAMILY))
    return path, frozenset(font_manager.get_font(str(path)).get_charmap())


def _face_for(cluster: str) -> tuple[Path, int] | None:
    from journal.formats.system_fonts import covering_face

    path, covered = _chart_font()
    if ord(cluster[0]) in covered or cluster[0].isspace():
        return path, 0
    face = covering_face(cluster[0])
    return (face.path, face.index) if face is not None else None


def _shaped(text: str, face: tuple[Path, int], rtl: bool) -> str:
    glyphs = shape(text, face[0], face[1], rtl=rtl)
    characters = glyph_characters(*face)
    starts = sorted({glyph.cluster for glyph in glyphs})
    ends = dict(zip(starts, [*starts[1:], len(text)]))
    out: list[str] = []
    done: set[int] = set()
    for glyph in glyphs:
        if glyph.cluster in done:
            continue
        members = [g for g in glyphs if g.cluster == glyph.cluster]
        if all(g.gid in characters for g in members):
            out.extend(characters[g.gid] for g in members)
        else:  # no character draws one of its glyphs: the cluster as written
            out.append(text[glyph.cluster : ends[glyph.cluster]])
        done.add(glyph.cluster)
    return "".join(out)


def drawing_order(text: str) -> str:
    """``text`` (one line) as the characters matplotlib should draw, left to right."""
    if not has_rtl(text) and not needs_shaping(text):
        return text
    levels = bidi_levels(text)
    parts: list[tuple[int, str]] = []
    offset = 0
    for part in clusters(text):
        if part[0] not in INVISIBLE_CONTROLS:
            parts.append((levels[offset], part))
        offset += len(part)
    runs: list[tuple[int, tuple[Path, int] | None, str]] = []
    for level, part in parts:
        face = _face_for(part)
        if runs and runs[-1][0] == level and runs[-1][1] == face:
            runs[-1] = (level, face, runs[-1][2] + part)
        else:
            runs.append((level, face, part))
    out = []
    for index in visual_runs([level for level, _face, _text in runs]):
        level, face, run = runs[index]
        if face is not None:
            out.append(_shaped(run, face, level % 2 == 1))
        else:
            out.append("".join(reversed(clusters(run))) if level % 2 else run)
    return "".join(out)
