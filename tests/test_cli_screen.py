"""``pain-journal screen``: what the screening would ask about, for a clinician to check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal.app.about_you import save_about_you
from journal.app.screening import TextRefused, screen_text
from journal.cli import EXIT_USER_ERROR, main
from journal.core import clock
from journal.core.about_you import AboutYou
from journal.storage.journal import Journal


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


STRAIN = "sudden severe back pain after a cough, lift or minor strain"
STRAIN_TEXT = "coughed and felt something go in my back, agony"


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, str]]:
    assert main(["screen", "--json", *args]) == 0
    found: list[dict[str, str]] = json.loads(capsys.readouterr().out)
    return found


def test_about_flags_make_the_suggestions_those_the_window_would_ask(capsys: pytest.CaptureFixture[str]) -> None:
    # Without About you the sign is suggested as the catalog has it.
    assert _json(capsys, STRAIN_TEXT) == [{"symptom": STRAIN, "urgency": "soon"}]
    # With answers that say nothing about the bones, the window does not offer it.
    assert _json(capsys, "--about", "cancer", STRAIN_TEXT) == []
    assert main(["screen", "--about", "osteoporosis", STRAIN_TEXT]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{STRAIN}  (see a doctor today)"
    assert "osteoporosis" in out[1]
    assert out[2].startswith("    Guideline: ") and "osteoporotic vertebral fracture" in out[2]
    assert ".toml" not in "".join(out) and ".txt" not in "".join(out)


def test_fever_is_urgent_with_a_weak_immune_system(capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(capsys, "fever and shivers since yesterday") == [
        {"symptom": "fever or chills with back pain", "urgency": "soon"}
    ]
    assert _json(capsys, "--about", "immune", "fever and shivers since yesterday") == [
        {"symptom": "fever or chills with back pain", "urgency": "urgent"}
    ]


def test_age_brings_night_pain_forward(capsys: pytest.CaptureFixture[str]) -> None:
    text = "pain at night, nothing helps"
    assert main(["screen", "--age", "40", text]) == 0
    assert "(see a doctor within a week)" in capsys.readouterr().out
    assert main(["screen", "--age", "60", text]) == 0
    assert "(see a doctor within a few days)" in capsys.readouterr().out


def test_the_journals_answers_are_used_with_db(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "j.sqlite3"
    journal = Journal.open(path)
    save_about_you(journal, AboutYou(osteoporosis_or_steroids=True), clock.today())
    journal.close()
    assert main(["screen", "--db", str(path), STRAIN_TEXT]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"{STRAIN}  (see a doctor today)"
    # A flag adds to the journal's answers.
    assert _json(capsys, "--db", str(path), "--about", "drugs", "fever") == [
        {"symptom": "fever or chills with back pain", "urgency": "urgent"}
    ]


def test_bad_about_words_and_ages_are_refused_clearly(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["screen", "--about", "osteoporosis,bogus", "x"]) == EXIT_USER_ERROR
    assert "'bogus' is not an About-you answer" in capsys.readouterr().err
    assert main(["screen", "--age", "130", "x"]) == EXIT_USER_ERROR
    assert "not possible" in capsys.readouterr().err
    missing = tmp_path / "none.sqlite3"
    assert main(["screen", "--db", str(missing), "x"]) == EXIT_USER_ERROR
    assert not missing.exists()
