"""Characters above U+FFFF (emoji, musical symbols) copy out of the PDF whole.

Before, reportlab's ToUnicode maps wrote such a code point as five hex digits,
and readers gave U+1F600 back as U+1F60 ("ὠ") when the text was copied or searched.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium

from journal.cli import main


def _pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_emoji_and_other_astral_characters_copy_out_of_the_summary(tmp_path: Path) -> None:
    day = dt.date.today() - dt.timedelta(days=1)
    csv = tmp_path / "days.csv"
    csv.write_text(f'date,back_pain,notes\n{day.isoformat()},4,"Back \U0001f600 ok \U0001d11e done"\n', encoding="utf-8")
    db = tmp_path / "j.sqlite3"
    assert main(["import", str(csv), "--db", str(db)]) == 0
    pdf = tmp_path / "summary.pdf"
    assert main(["export", str(pdf), "--db", str(db)]) == 0
    text = _pdf_text(pdf)
    assert "Back \U0001f600 ok" in text and "\U0001d11e done" in text
    assert "\u1f60" not in text and "\u1d11" not in text
