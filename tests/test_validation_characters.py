"""Which characters a note, a question or a name may not hold: control characters and lone surrogates."""

from __future__ import annotations

import time
import unicodedata

from journal.core import validation


def _by_category(char: str, *, allow_newlines: bool) -> bool:
    if allow_newlines and char in "\n\t":
        return False
    return unicodedata.category(char) in ("Cc", "Cs")


def test_every_code_point_is_judged_by_its_unicode_category() -> None:
    for allow_newlines in (False, True):
        wrong = [
            hex(code)
            # Every control character and surrogate is in the first 65,536; beyond, a sample.
            for code in (*range(0x10000), *range(0x10000, 0x110000, 97))
            if validation._bad_characters(chr(code), allow_newlines=allow_newlines)
            != _by_category(chr(code), allow_newlines=allow_newlines)
        ]
        assert wrong == [], (allow_newlines, wrong[:10])


def test_a_control_character_anywhere_in_a_long_note_is_found() -> None:
    note = "Back stiff this morning, 😀 better by lunch.\n\t" * 400
    assert not validation._bad_characters(note, allow_newlines=True)
    assert validation._bad_characters(note, allow_newlines=False)
    for bad in ("\x00", "\x1b", "\x7f", "\x85", "\ud800"):
        assert validation._bad_characters(note + bad + note, allow_newlines=True)


def test_ten_years_of_long_notes_are_checked_in_well_under_a_second() -> None:
    notes = ["Walked the dog round the park, felt fine. " * 31] * 3650  # 1,300 characters a day
    floor_start = time.perf_counter()
    for text in notes:
        text.replace("\r\n", "\n")
    floor = time.perf_counter() - floor_start
    start = time.perf_counter()
    for text in notes:
        validation._bad_characters(text, allow_newlines=True)
    # The character-by-character check took seconds here; one search in C is a few times a copy.
    assert time.perf_counter() - start < max(0.5, 50 * floor)
