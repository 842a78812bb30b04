"""About you: the rules that change what a sign means, each cited, and the stored answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from journal.core.about_you import AboutYou, apply, check_birth_year, from_settings
from journal.core.catalog import Urgency
from journal.core.day import DayEntry
from journal.core.errors import ValidationError
from journal.core.redflags import RedFlag, red_flags_in
from journal.core.sources import works

TODAY = dt.date(2026, 12, 7)
FEVER = "fever or chills with back pain"
NIGHT = "pain at night that rest does not ease"


def _flags(*symptoms: str) -> list[RedFlag]:
    return red_flags_in(DayEntry(date=TODAY, back_pain=5, symptoms=symptoms))


def _one(flags: list[RedFlag], name: str) -> RedFlag:
    return next(f for f in flags if f.symptom == name)


@pytest.mark.parametrize(
    "about", [AboutYou(weak_immunity=True), AboutYou(injects_drugs=True), AboutYou(recent_spinal_procedure=True)]
)
def test_fever_is_urgent_with_a_weak_immune_system_drugs_or_a_recent_procedure(about: AboutYou) -> None:
    flag = _one(apply(_flags(FEVER), about, TODAY), FEVER)
    assert flag.urgency is Urgency.URGENT and "same day" in flag.why
    assert flag.sources[0].file == "nice-cks-low-back-pain" and works()[flag.sources[0].file].external


def test_without_answers_nothing_changes() -> None:
    flags = _flags(FEVER, NIGHT)
    assert apply(flags, AboutYou(), TODAY) == flags


def test_cancer_history_makes_night_pain_sooner_and_with_nerve_signs_urgent() -> None:
    about = AboutYou(cancer_history=True)
    sooner = _one(apply(_flags(NIGHT), about, TODAY), NIGHT)
    assert sooner.urgency is Urgency.SOON and sooner.when == "within a few days"
    assert sooner.sources[0].file == "nice-ng234"
    urgent = _one(apply(_flags(NIGHT, "leg weakness"), about, TODAY), NIGHT)
    assert urgent.urgency is Urgency.URGENT and urgent.when == ""


def test_age_over_50_brings_night_pain_forward_but_not_at_40() -> None:
    assert _one(apply(_flags(NIGHT), AboutYou(birth_year=1960), TODAY), NIGHT).when == "within a few days"
    assert _one(apply(_flags(NIGHT), AboutYou(birth_year=1986), TODAY), NIGHT).when == "within a week"


def test_answers_round_trip_through_settings_and_a_bad_year_is_refused() -> None:
    about = AboutYou(cancer_history=True, birth_year=1970, include_in_report=True)
    assert from_settings(about.to_settings(), TODAY) == about
    assert from_settings({}, TODAY) == AboutYou()
    with pytest.raises(ValidationError):
        check_birth_year(1850, TODAY)
    with pytest.raises(ValidationError):
        check_birth_year(2030, TODAY)


def test_answers_are_kept_in_the_journal_and_a_bad_year_writes_nothing(tmp_path: Path) -> None:
    from journal.app.about_you import load_about_you, save_about_you
    from journal.storage.journal import Journal

    journal = Journal.open(tmp_path / "j.sqlite3")
    try:
        assert load_about_you(journal, TODAY) == AboutYou()
        about = AboutYou(weak_immunity=True, birth_year=1950, include_in_report=True)
        save_about_you(journal, about, TODAY)
        assert load_about_you(journal, TODAY) == about
        with pytest.raises(ValidationError):
            save_about_you(journal, AboutYou(cancer_history=True, birth_year=3000), TODAY)
        assert load_about_you(journal, TODAY) == about
    finally:
        journal.close()


STRAIN = "sudden severe back pain after a cough, lift or minor strain"


def test_sudden_pain_after_a_strain_is_a_sign_and_today_with_osteoporosis_or_steroids() -> None:
    usual = _one(_flags(STRAIN), STRAIN)
    assert usual.urgency is Urgency.SOON and "today" not in usual.when.split(";")[0]
    flag = _one(apply(_flags(STRAIN), AboutYou(osteoporosis_or_steroids=True), TODAY), STRAIN)
    assert flag.urgency is Urgency.SOON and flag.when == "today"
    assert flag.sources[0].part == "suspected osteoporotic vertebral fracture"
    assert "Back pain - low" in flag.source and ".toml" not in flag.source
    assert _one(apply(_flags(STRAIN), AboutYou(cancer_history=True), TODAY), STRAIN).when == usual.when


def test_an_old_journal_gets_the_new_sign_by_its_migration(tmp_path: Path) -> None:
    import sqlite3

    from journal.storage import schema
    from journal.storage.journal import Journal

    path = tmp_path / "old.sqlite3"
    Journal.open(path).close()
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM catalog_item WHERE name_key = ?", (STRAIN,))
    connection.execute(
        "INSERT INTO catalog_item (kind, name, name_key, urgency, builtin) VALUES ('symptom', ?, ?, 'none', 0)",
        ("Sudden severe back pain after a cough, lift or minor strain", STRAIN),
    )
    strain_step = next(m.version for m in schema.migrations() if m.path.name.endswith("_sudden_pain_after_a_strain.sql"))
    connection.execute(f"PRAGMA user_version = {strain_step - 1}")  # a journal from before that step
    connection.commit()
    connection.close()
    journal = Journal.open(path, before_upgrade=lambda *_: None)
    try:
        assert journal.urgencies()[STRAIN] is Urgency.SOON
        assert any(
            i.builtin and i.name == "Sudden severe back pain after a cough, lift or minor strain" for i in journal.catalog()
        )
    finally:
        journal.close()
