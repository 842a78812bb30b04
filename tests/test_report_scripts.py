"""The doctor's report prints the patient's words in every script, as written.

Chinese, Japanese and Korean print with an installed CJK font (CI installs
fonts-wqy-microhei); Arabic is joined and, like Hebrew, ordered right to left;
a script with no installed font is named in place instead of empty boxes.
The text is checked as a PDF reader extracts it (``pdftotext``).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from journal.core.day import ActivityMinutes, DayEntry
from journal.formats import report_data, system_fonts
from journal.formats.pdf_report import write_pdf
from journal.formats.text_runs import base_direction, clusters, shape_arabic, visual_order

TODAY = dt.date(2026, 6, 30)
NOTES = {
    "zh": "今天腰很痛，走路困难。",
    "ja": "朝から腰が痛いです。",
    "ko": "허리가 많이 아파요.",
    "th": "วันนี้ปวดหลังมาก",
    "hi": "आज कमर में बहुत दर्द है।",
    "ar": "ألم شديد في أسفل الظهر اليوم",
    "he": "כאב גב חזק היום אחרי הליכה",
}
CJK_FONT = system_fonts.face_for("中") is not None
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
    raw = pdf_text(report)
    # "ألم" drawn joined: alef with hamza (isolated), lam initial, meem final
    assert "\ufe83\ufedf\ufee2" in raw or "\ufee2\ufedf\ufe83" in raw
    assert not any("\u0621" <= c <= "\u064a" for c in raw), "unshaped Arabic letters were drawn"


@needs_pdftotext
@pytest.mark.parametrize(("lang", "sample", "script"), [("th", "ก", "Thai"), ("hi", "क", "Devanagari")])
def test_a_script_without_a_font_is_named_in_place(report: Path, lang: str, sample: str, script: str) -> None:
    text = readable(pdf_text(report))
    if system_fonts.face_for(sample) is None:
        assert f"[{script} text: no {script} font is installed on this computer]" in text
    else:
        assert NOTES[lang].split()[0][:2] in text


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


@pytest.mark.parametrize(
    ("logical", "drawn"),
    [
        ("abc 123", "abc 123"),
        ("שלום עולם", "םלוע\u00a0םולש"),
        ("x (עברית) y", "x (תירבע) y"),
        ("עברית 2024 ok", "ok\u00a02024\u00a0תירבע"),
        ("כאב (חזק).", ".(קזח)\u00a0באכ"),
        ("pain אחרי הליכה today", "pain הכילה\u00a0ירחא today"),
    ],
)
def test_visual_order(logical: str, drawn: str) -> None:
    assert visual_order(logical) == drawn


def test_arabic_contextual_forms() -> None:
    assert shape_arabic("مرحبا") == "\ufee3\ufeae\ufea3\ufe92\ufe8e"
    assert shape_arabic("لا") == "\ufefb"  # lam-alef ligature
    assert shape_arabic("سلام") == "\ufeb3\ufefc\ufee1"  # medial lam-alef joins the seen before it
    assert shape_arabic("Latin only") == "Latin only"


def test_marks_stay_with_their_letter() -> None:
    assert clusters("e\u0301a") == ["e\u0301", "a"]
    assert visual_order("שָׁלוֹם") == "םוֹלשָׁ"  # ם, וֹ, ל, שָׁ
    assert base_direction("123 שלום abc") == "rtl" and base_direction("abc שלום") == "ltr"


# ---------------------------------------------------------------- finding fonts


@needs_cjk_font
def test_fonts_are_found_without_fontconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS and Windows have no fc-list: the font folders are searched instead."""
    found_with_fontconfig = system_fonts.face_for("中")
    assert found_with_fontconfig is not None
    monkeypatch.setattr(system_fonts.shutil, "which", lambda name: None)
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


def test_short_i_is_drawn_before_its_consonant() -> None:
    """Without a shaping engine, the one reordering Devanagari needs most is done by hand."""
    assert visual_order("कि") == "\u093f\u0915"
    assert visual_order("स्थिति") == "\u093f\u0938\u094d\u0925\u093f\u0924"  # before the whole conjunct
    assert visual_order("हिंदी") == "\u093f\u0939\u0902\u0926\u0940"
    assert visual_order("कमर") == "कमर"
