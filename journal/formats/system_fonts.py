"""Find an installed font that has a glyph for a character, for the PDF report.

On Linux (and anywhere fontconfig is installed) ``fc-list`` is asked for the
fonts whose character set holds the character. On macOS and Windows, or
without fontconfig, the usual font folders are searched and each font's
character map read (with fontTools, which matplotlib brings) until one
covers it. Only fonts with TrueType outlines are returned: reportlab cannot
embed the PostScript (CFF) outlines of most ``.otf`` files.

Answers are cached for the life of the process; nothing here is imported at
start-up. No font is ever downloaded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

#: Font files that are good first choices, by file name (regular weights of wide-coverage fonts).
PREFERRED: Final = (
    "DejaVuSans.ttf",
    "NotoSans-Regular.ttf",
    "wqy-microhei.ttc",
    "wqy-zenhei.ttc",
    "DroidSansFallbackFull.ttf",
    "NotoSansThai-Regular.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "Arial Unicode.ttf",
    "arial.ttf",
    "msyh.ttc",
    "msgothic.ttc",
    "malgun.ttf",
    "tahoma.ttf",
    "Nirmala.ttf",
    "mangal.ttf",
    "LeelawUI.ttf",
    "segoeui.ttf",
)
_FONT_ENDINGS: Final = (".ttf", ".ttc", ".otf")
_FC_TIMEOUT_S: Final = 10


@dataclass(frozen=True, slots=True)
class FontFace:
    """One face in a font file (``index`` > 0 only inside .ttc collections)."""

    path: Path
    index: int = 0


def font_folders() -> list[Path]:
    """Where this platform keeps fonts (system-wide and the user's own)."""
    home = Path.home()
    if sys.platform == "win32":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windows / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/Fonts/Supplemental"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), data_home / "fonts", home / ".fonts"]


def _fontconfig_faces(char: str) -> list[FontFace] | None:
    """Faces fontconfig knows that hold ``char``, regular styles first; None without fontconfig."""
    program = shutil.which("fc-list")
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, "--format", "%{file}|%{index}|%{fontformat}|%{style}|%{spacing}\n", f":charset={ord(char):x}"],
            capture_output=True,
            text=True,
            timeout=_FC_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    ranked: list[tuple[tuple[int, int, int, str], FontFace]] = []
    for line in done.stdout.splitlines():
        parts = line.split("|")
        if len(parts) < 5 or not parts[0].lower().endswith(_FONT_ENDINGS):
            continue
        file, index, form, style, spacing = parts[:5]
        if form and form != "TrueType":
            continue
        styles = style.lower()
        plain = 0 if any(s in styles for s in ("regular", "book", "normal", "medium")) else 1
        odd = int(any(s in styles for s in ("bold", "italic", "oblique", "light", "thin", "condensed")))
        mono = int(spacing not in ("", "0"))
        path = Path(file)
        preferred = 0 if path.name in PREFERRED else 1
        ranked.append(((odd, plain, mono + preferred, path.name), FontFace(path, int(index or 0))))
    return [face for _, face in sorted(ranked, key=lambda item: item[0])]


@cache
def _scanned_files() -> tuple[Path, ...]:
    """Font files in :func:`font_folders`, preferred names first."""
    found: list[Path] = []
    for folder in font_folders():
        if folder.is_dir():
            for root, _dirs, files in os.walk(folder):
                found += [Path(root) / f for f in files if f.lower().endswith(_FONT_ENDINGS)]
    rank = {name.lower(): i for i, name in enumerate(PREFERRED)}
    return tuple(sorted(found, key=lambda p: (rank.get(p.name.lower(), len(rank)), p.name.lower())))


@cache
def face_characters(face: FontFace) -> frozenset[int]:
    """Code points ``face`` has glyphs for; empty when it cannot be read or has CFF outlines."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        return frozenset()
    try:
        with face.path.open("rb") as stream:
            font = TTFont(stream, fontNumber=face.index, lazy=True)
            if "glyf" not in font:
                return frozenset()
            return frozenset(font.getBestCmap() or {})
    except Exception:  # noqa: BLE001 - a damaged or exotic font file is simply not used
        return frozenset()


def _scanned_faces(char: str) -> list[FontFace]:
    code = ord(char)
    faces = []
    for path in _scanned_files():
        for index in range(4 if path.suffix.lower() == ".ttc" else 1):
            face = FontFace(path, index)
            if code in face_characters(face):
                faces.append(face)
                break
        if faces:
            break
    return faces


@cache
def face_for(char: str) -> FontFace | None:
    """An installed face with TrueType outlines that has a glyph for ``char``, or None."""
    faces = _fontconfig_faces(char)
    if faces is None:
        faces = _scanned_faces(char)
    for face in faces:
        if ord(char) in face_characters(face):
            return face
    return None


_faces_in_use: list[FontFace] = []
_blocks_without_font: set[str] = set()


def covering_face(char: str) -> FontFace | None:
    """:func:`face_for`, trying the faces it already returned first.

    A long Chinese note then costs one font search, not one per character;
    and a script found missing (by its Unicode name's first word, e.g. "THAI")
    is not searched for again.
    """
    for face in _faces_in_use:
        if ord(char) in face_characters(face):
            return face
    block = unicodedata.name(char, "?").split(" ", 1)[0]
    if block in _blocks_without_font:
        return None
    found = face_for(char)
    if found is None:
        _blocks_without_font.add(block)
    elif found not in _faces_in_use:
        _faces_in_use.append(found)
    return found
