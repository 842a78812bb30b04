"""``pain-journal screen``: what the screening would ask about, for a clinician to check."""

from __future__ import annotations

import json

import pytest

from journal.app.screening import TextRefused, screen_text
from journal.cli import EXIT_USER_ERROR, main


def test_json_lists_symptom_and_urgency_urgent_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "--json", "pain between my shoulder blades and numb down there"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"symptom": "numbness in the saddle area", "urgency": "urgent"},
        {"symptom": "pain in the upper back or between the shoulder blades", "urgency": "soon"},
    ]


def test_plain_output_gives_each_signs_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "foot drop on the right"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "foot drop or cannot lift the front of the foot  (urgent: get care now)"
    assert "nerve" in out.splitlines()[1]


def test_a_negated_note_suggests_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "--json", "bladder and bowels fine"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["screen", "bladder and bowels fine"]) == 0
    assert capsys.readouterr().out == "No warning sign would be asked about.\n"


def test_empty_or_overlong_text_is_refused_clearly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screen", "   "]) == EXIT_USER_ERROR
    assert "no text to screen" in capsys.readouterr().err
    with pytest.raises(TextRefused, match="longer than a note"):
        screen_text("x" * 20_001)
