"""The doctor's report prints the patient's words in every script, as written.

Chinese, Japanese and Korean print with an installed CJK font (CI installs
fonts-wqy-microhei); Thai and Devanagari with an installed font of theirs
(fonts-thai-tlwg, fonts-noto-core), shaped by HarfBuzz; Arabic is joined and,
like Hebrew, ordered right to left by the Unicode Bidirectional Algorithm; a
script with no installed font is named in place instead of empty boxes. The
text is checked as a PDF reader extracts it (``pdftotext``), and the drawing
order glyph by glyph.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from journal.core.day import ActivityMinutes, DayEntry
from journal.formats import pdf_text as pdf_markup
from journal.formats import report_data, system_fonts
from journal.formats.pdf_report import write_pdf
from journal.formats.pdf_style import fonts
from journal.formats.shaping import bidi_levels, nominal_glyphs, shape, visual_runs
from journal.formats.text_runs import base_direction, clusters

TODAY = dt.date(2026, 6, 30)
NOTES = {
    "zh": "今天腰很痛，走路困难。",
    "ja": "朝から腰が痛いです。",
    "ko": "허리가 많이 아파요.",
    "th": "วันนี้ปวดหลังมาก",
    "hi": "आज कमर में बहुत दर्द है, स्थिति ठीक नहीं।",
    "ar": "ألم شديد في أسفل الظهر اليوم",
    "he": "כאב גב חזק היום אחרי הליכה",
}
CJK_FONT = system_fonts.face_for("中") is not None
THAI_FACE = system_fonts.face_for("ก")
DEVANAGARI_FACE = system_fonts.face_for("क")
DEJAVU = Path(__import__("matplotlib").get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
needs_cjk_font = pytest.mark.skipif(not CJK_FONT, reason="no CJK font installed (CI installs fonts-wqy-microhei)")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout


def readable(text: str) -> str:
    """Arabic presentation forms back to letters, direction marks dropped, spaces single."""
    text = "".join(unicodedata.normalize("NFKC", c) if "\ufb50" <= c <= "\ufeff" else c for c in text)
    text = "".join(c for c in text if c not in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    days = [
        DayEntry(
            TODAY - dt.timedelta(days=i),
            3 + i,
            notes=note,
            questions=f"{note}?",
            triggers=("搬家", "ضغط العمل"),
            medications=("止痛药", "תרופה"),
            activities=(ActivityMinutes("散步", 20),),
            symptoms=("麻木",),
        )
        for i, note in enumerate(NOTES.values())
    ]
    data = report_data(days, TODAY - dt.timedelta(days=29), TODAY, patient_name="王小明", generated=dt.datetime(2026, 6, 30, 12))
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    write_pdf(data, path, paper="A4")
    return path


@needs_pdftotext
@needs_cjk_font
@pytest.mark.parametrize("lang", ["zh", "ja", "ko"])
def test_cjk_notes_print_as_written(report: Path, lang: str) -> None:
    text = readable(pdf_text(report))
    assert NOTES[lang] in text
    assert f"{NOTES[lang]}?" in text  # the question too


@needs_pdftotext
@needs_cjk_font
def test_cjk_names_and_labels_print(report: Path) -> None:
    text = readable(pdf_text(report))
    for name in ("王小明", "搬家", "止痛药", "散步", "麻木"):
        assert name in text, name
    assert "Pain journal summary: 王小明" in text  # the running head on page 2


@needs_pdftotext
@pytest.mark.parametrize("lang", ["ar", "he"])
def test_right_to_left_notes_read_in_order(report: Path, lang: str) -> None:
    text = readable(pdf_text(report))
    assert NOTES[lang] in text
    for name in ("ضغط العمل", "תרופה"):
        assert name in text


@needs_pdftotext
def test_arabic_is_joined(report: Path) -> None:
    """HarfBuzz draws each Arabic letter in its joining form; a reader still gets the letters."""
    # "ألم" right to left: alef with hamza (isolated), lam initial, meem final, drawn as meem, lam, alef.
    drawn = [glyph.gid for glyph in shape("ألم", DEJAVU, rtl=True)]
    assert drawn == nominal_glyphs("\ufee2\ufedfأ", DEJAVU)
    assert drawn != nominal_glyphs("ملأ", DEJAVU)  # not the letters one by one
    assert "ألم شديد" in readable(pdf_text(report))


@needs_pdftotext
@pytest.mark.parametrize(("lang", "sample", "script"), [("th", "ก", "Thai"), ("hi", "क", "Devanagari")])
def test_shaped_scripts_read_back_as_written_or_are_named(report: Path, lang: str, sample: str, script: str) -> None:
    """Thai and Devanagari round-trip through the PDF in their logical order (conjuncts,
    vowel signs drawn before their consonant and stacked marks included)."""
    text = readable(pdf_text(report))
    if system_fonts.face_for(sample) is None:
        assert f"[{script} text: no {script} font is installed on this computer]" in text
    else:
        assert NOTES[lang] in text
        assert f"{NOTES[lang]}?" in text


def test_a_script_without_a_font_is_named_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_markup, "covering_face", lambda char: None)
    drawn = pdf_markup.markup("Pain วันนี้ปวดหลัง มาก today", fonts()[0])
    assert "[Thai text: no Thai font is installed on this computer]" in drawn
    assert drawn.count("Thai text") == 1  # one note for the phrase, not one per word
    assert "Pain " in drawn and " today" in drawn


def test_fallback_fonts_are_embedded(report: Path) -> None:
    """The fonts found on this computer travel inside the PDF (the doctor's may lack them)."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    listing = subprocess.run(["pdffonts", str(report)], capture_output=True, text=True, check=True).stdout
    true_type = [line for line in listing.splitlines() if "TrueType" in line]
    assert true_type and all(" yes " in line for line in true_type), listing
    if CJK_FONT:  # a font besides the body font (DejaVu Sans) drew the CJK text
        assert any("DejaVu" not in line for line in true_type), listing


# ---------------------------------------------------------------- ordering and shaping


def seen(line: str, direction: str | None = None) -> str:
    """What ``line`` looks like drawn, left to right: each glyph as the character that has it."""
    from reportlab.pdfbase import pdfmetrics

    out = []
    for font_name, drawn, _missing in pdf_markup.laid_out(line, fonts()[0], direction):
        font = pdfmetrics.getFont(font_name or fonts()[0])
        by_glyph = {
            gid: chr(code) for code, gid in font.face.charToGlyph.items() if code not in getattr(font, "private_text", {})
        }
        for char in drawn:
            private = char in [chr(code) for code in getattr(font, "private_text", {})]
            out.append(by_glyph[font.face.charToGlyph[ord(char)]] if private else char)
    return "".join(out).replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("logical", "drawn"),
    [
        ("abc 123", "abc 123"),
        ("שלום עולם", "םלוע םולש"),
        ("x (עברית) y", "x (תירבע) y"),
        ("עברית 2024 ok", "ok 2024 תירבע"),
        ("כאב (חזק).", ".(קזח) באכ"),  # brackets mirrored in right-to-left text
        ("pain אחרי הליכה today", "pain הכילה ירחא today"),
        # an embedded number and a left-to-right run inside right-to-left text
        ("כאב 7 מתוך 10 אחרי MRI היום", "םויה MRI ירחא 10 ךותמ 7 באכ"),
        ("ألم 20 دقيقة", "ةقيقد 20 ملأ"),
    ],
)
def test_drawing_order(logical: str, drawn: str) -> None:
    shown = seen(logical)
    if any("\u0600" <= c <= "\u06ff" for c in logical):
        # Arabic is drawn in joining forms: compare letters.
        shown = unicodedata.normalize("NFKC", shown)
    assert shown == drawn


def test_explicit_embeddings_and_isolates_are_honoured() -> None:
    """The full algorithm: an isolate keeps its content's direction from leaking out (a
    simplified one without isolates would let "123" join the Hebrew and move "def")."""
    isolated = "abc \u2067שלום 123\u2069 def"
    assert bidi_levels(isolated) == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0]
    assert seen(isolated) == "abc 123 םולש def"
    # A right-to-left embedding in a left-to-right line: its punctuation follows the Hebrew.
    assert seen("שלום, world!", "ltr") == "םולש, world!"
    assert seen("\u202bשלום, world!\u202c", "ltr") == "!world ,םולש"
    assert seen("\u202eabc\u202c", "ltr") == "cba"  # a right-to-left override
    assert visual_runs([0, 1, 1, 2, 2, 1, 0]) == [0, 5, 3, 4, 2, 1, 6]


def test_a_wrapped_note_keeps_its_isolates() -> None:
    """A right-to-left note is broken into lines by PatientParagraph; the bidi controls the
    patient's keyboard put in still count when each line is laid out."""
    from reportlab.lib.styles import ParagraphStyle

    note = "קראתי \u2066Hello!\u2069 היום"
    assert seen(note) == "םויה Hello! יתארק"  # without the isolate "!" would stand left of "Hello"
    assert seen(note.replace("\u2066", "").replace("\u2069", "")) == "םויה !Hello יתארק"
    style = ParagraphStyle("note", fontName=fonts()[0], fontSize=10, leading=12)
    paragraph = pdf_markup.patient_paragraph(note, style)
    paragraph.wrap(400, 100)
    drawn = "".join(text for _font, text, _missing in pdf_markup.laid_out(note, fonts()[0]))
    assert paragraph._inner.getPlainText() == drawn


def test_a_font_out_of_private_codes_draws_the_run_unshaped(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab.pdfbase import pdfmetrics

    from journal.formats import pdf_glyphs

    font = pdf_glyphs._shaping_font_class()("Test-full-font", DEJAVU, 0)
    font.face.name += b"-Full"
    pdfmetrics.registerFont(font)
    monkeypatch.setattr(pdf_glyphs, "_PRIVATE_LAST", pdf_glyphs._PRIVATE_FIRST - 1)
    assert pdf_glyphs.drawn_text("ألم", "Test-full-font", rtl=True) == "ملأ"
    assert pdf_glyphs.drawn_text("שלום", "Test-full-font", rtl=True) == "םולש"  # needs no private code
    assert font.private_text == {}


def test_marks_stay_with_their_letter() -> None:
    assert clusters("e\u0301a") == ["e\u0301", "a"]
    assert seen("שָׁלוֹם").replace("\u05b8", "").replace("\u05c1", "").replace("\u05b9", "") == "םולש"
    assert base_direction("123 שלום abc") == "rtl" and base_direction("abc שלום") == "ltr"
    assert base_direction("\u2067abc\u2069 שלום") == "rtl"  # letters inside an isolate do not count


@pytest.mark.skipif(DEVANAGARI_FACE is None, reason="no Devanagari font installed (fonts-noto-core)")
def test_a_devanagari_conjunct_is_one_glyph_not_three() -> None:
    assert DEVANAGARI_FACE is not None
    path, index = DEVANAGARI_FACE.path, DEVANAGARI_FACE.index
    naive = nominal_glyphs("क्ष", path, index)
    shaped = [glyph.gid for glyph in shape("क्ष", path, index)]
    assert len(naive) == 3 and 0 not in naive
    assert shaped != naive and len(shaped) == 1  # the ksha ligature
    # The short i (a form sized to its consonant) is drawn before the consonant it follows.
    short_i = [glyph.gid for glyph in shape("कि", path, index)]
    assert len(short_i) == 2 and short_i[1] == nominal_glyphs("क", path, index)[0] and short_i[0] != short_i[1]


@pytest.mark.skipif(THAI_FACE is None, reason="no Thai font installed (fonts-thai-tlwg)")
def test_thai_marks_are_shaped() -> None:
    assert THAI_FACE is not None
    glyphs = shape("ผู้", THAI_FACE.path, THAI_FACE.index)  # a vowel below and a tone mark
    assert len(glyphs) == 3 and [g.x_advance for g in glyphs][1:] == [0, 0]  # marks take no room


_LETTERS = list("abc 123 ()[]!?.,-שלוםעבראלمشديدकमरक्षि्ंปวดหลังผู้ที่中文é") + ["\u0301"]
_CONTROLS = ["\u2066", "\u2067", "\u2068", "\u2069", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u200e", "\u200f"]


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from(_LETTERS + _CONTROLS), max_size=30))
def test_layout_loses_and_invents_no_character(line: str) -> None:
    """Whatever the mix of scripts, marks and bidi controls, every character the patient
    typed is drawn (and reads back) exactly once; only the invisible controls go."""
    from reportlab.pdfbase import pdfmetrics

    body = fonts()[0]
    read: list[str] = []
    for font_name, drawn, missing in pdf_markup.laid_out(line, body):
        assume(not missing)  # a script with no installed font here is named, not drawn
        private = getattr(pdfmetrics.getFont(font_name or body), "private_text", {})
        read.extend(private.get(ord(char), char) for char in drawn)
    expected = [char for char in line if char not in _CONTROLS]
    assert sorted("".join(read).replace("\u00a0", " ")) == sorted(expected)


# ---------------------------------------------------------------- finding fonts


@needs_cjk_font
def test_fonts_are_found_without_fontconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS and Windows have no fc-list: the font folders are searched instead."""
    found_with_fontconfig = system_fonts.face_for("中")
    assert found_with_fontconfig is not None
    monkeypatch.setattr("journal.formats.system_fonts.shutil.which", lambda name: None)
    monkeypatch.setattr(system_fonts, "font_folders", lambda: [found_with_fontconfig.path.parent])
    system_fonts.face_for.cache_clear()
    system_fonts._scanned_files.cache_clear()
    try:
        face = system_fonts.face_for("中")
        assert face is not None and face.path == found_with_fontconfig.path
        assert system_fonts.face_for("\U000f0000") is None  # private use: nobody has it
    finally:
        system_fonts.face_for.cache_clear()
        system_fonts._scanned_files.cache_clear()
