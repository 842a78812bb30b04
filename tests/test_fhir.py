"""The FHIR export: a valid R4 Bundle with one observation per measure and symptom.

fhir.resources 8 validates R5 by default; its ``R4B`` package is the
R4-compatible model set (R4B changed nothing in Bundle or Observation), so the
bundle is validated against that.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from journal.core.day import DayEntry
from journal.core.sample_data import sample_days
from journal.core.summary import rounded
from journal.formats import ReportData, report_data
from journal.formats.fhir import SURVEY, THERAPY, fhir_bundle, write_fhir
from journal.formats.fhir_findings import FINDINGS_CATEGORY

END = dt.date(2025, 5, 29)
START = END - dt.timedelta(days=59)


@pytest.fixture(scope="module")
def data() -> ReportData:
    days = sample_days(end=END, days=120)
    days = [dataclasses.replace(e, symptoms=e.symptoms + ("numbness in the saddle area",)) if e.date == END else e for e in days]
    return report_data(days, START, END, patient_name="Alex Example")


@pytest.fixture(scope="module")
def bundle(data: ReportData) -> dict[str, Any]:
    return fhir_bundle(data)


def resources(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return [entry["resource"] for entry in bundle["entry"]]


def by_code(bundle: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [r for r in resources(bundle) if any(c["code"] == code for c in r["code"].get("coding", []))]


def test_bundle_validates_as_fhir_r4(bundle: dict[str, Any]) -> None:
    from fhir.resources.R4B.bundle import Bundle

    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    assert parsed.entry is not None and len(parsed.entry) == len(bundle["entry"])
    json.dumps(bundle)  # plain JSON types only


def test_counts_match_the_logged_days(bundle: dict[str, Any], data: ReportData) -> None:
    entries: list[DayEntry] = list(data.entries)
    assert len(entries) == data.summary.days_logged
    pain = by_code(bundle, "72514-3")
    sites = Counter(r["bodySite"]["coding"][0]["code"] for r in pain)
    assert sites["37822005"] == len(entries)
    assert sites["61685007"] == sum(e.leg_pain is not None for e in entries)
    assert len(by_code(bundle, "91147-9")) == sum(e.peg is not None for e in entries)
    symptoms = [r for r in resources(bundle) if "coding" not in r["code"] and r.get("category") == SURVEY]
    assert len(symptoms) == sum(len(e.symptoms) for e in entries)
    # Each PEG score has its three items; every relief and medication has its rating (schema 7).
    items = [r for code in ("75893-8", "91145-3", "91146-1") for r in by_code(bundle, code)]
    assert len(items) == 3 * len(by_code(bundle, "91147-9"))
    helped = [r for r in resources(bundle) if r.get("category") == THERAPY]
    assert len(helped) == sum(len(e.relief) + len(e.medications) for e in entries)
    # the period's findings (cautions, leg pain, comparisons) come on top: tests/test_fhir_findings.py
    findings = [r for r in resources(bundle) if r.get("category") == FINDINGS_CATEGORY]
    assert len(bundle["entry"]) == len(pain) + len(by_code(bundle, "91147-9")) + len(symptoms) + len(items) + len(helped) + len(
        findings
    )


def test_values_dates_and_codes(bundle: dict[str, Any], data: ReportData) -> None:
    back = {r["effectiveDateTime"]: r for r in by_code(bundle, "72514-3") if r["bodySite"]["coding"][0]["code"] == "37822005"}
    peg = {r["effectiveDateTime"]: r for r in by_code(bundle, "91147-9")}
    for entry in data.entries:
        day = entry.date.isoformat()
        assert back[day]["valueInteger"] == entry.back_pain
        assert back[day]["code"]["coding"][0]["system"] == "http://loinc.org"
        assert back[day]["bodySite"]["coding"][0]["system"] == "http://snomed.info/sct"
        if entry.peg is not None:
            assert peg[day]["valueQuantity"]["value"] == rounded(entry.peg)
            assert peg[day]["valueQuantity"]["code"] == "{score}"


def test_every_entry_is_final_with_a_unique_urn(bundle: dict[str, Any]) -> None:
    urls = [entry["fullUrl"] for entry in bundle["entry"]]
    assert all(url.startswith("urn:uuid:") for url in urls)
    assert len(set(urls)) == len(urls)
    for entry in bundle["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
        assert entry["resource"]["status"] == "final"
        assert entry["resource"]["subject"] == {"display": "Alex Example"}


def test_symptoms_are_true_observations_and_red_flags_are_noted(bundle: dict[str, Any]) -> None:
    symptoms = [r for r in resources(bundle) if "coding" not in r["code"] and r.get("category") == SURVEY]
    assert all(r["valueBoolean"] is True and r["category"][0]["coding"][0]["code"] == "survey" for r in symptoms)
    saddle = [r for r in symptoms if r["code"]["text"] == "numbness in the saddle area"]
    assert len(saddle) == 1 and saddle[0]["effectiveDateTime"] == END.isoformat()
    assert "medical care now" in saddle[0]["note"][0]["text"]
    stiffness = [r for r in symptoms if r["code"]["text"] == "stiffness"]
    assert stiffness and all("note" not in r for r in stiffness)


def test_without_a_name_there_is_no_subject(data: ReportData) -> None:
    anonymous = fhir_bundle(dataclasses.replace(data, patient_name=""))
    assert all("subject" not in r for r in resources(anonymous))


def test_written_file_round_trips(data: ReportData, tmp_path: Path) -> None:
    from fhir.resources.R4B.bundle import Bundle

    path = tmp_path / "journal.json"
    count = write_fhir(data, path)
    loaded = json.loads(path.read_text(encoding="utf-8"))
    assert len(loaded["entry"]) == count
    Bundle.model_validate(loaded)
    assert [p.name for p in tmp_path.iterdir()] == ["journal.json"]


def test_peg_items_are_members_of_the_score_and_ratings_are_the_persons_words(bundle: dict[str, Any], data: ReportData) -> None:
    urls = {entry["fullUrl"]: entry["resource"] for entry in bundle["entry"]}
    entry = next(e for e in data.entries if e.peg is not None and e.relief and e.medication_helped)
    day = entry.date.isoformat()
    score = next(r for r in by_code(bundle, "91147-9") if r["effectiveDateTime"] == day)
    members = [urls[m["reference"]] for m in score["hasMember"]]
    assert [m["code"]["coding"][0]["code"] for m in members] == ["75893-8", "91145-3", "91146-1"]
    assert [m["valueInteger"] for m in members] == [entry.pain, entry.interference_enjoyment, entry.interference_activity]
    helped = {
        r["code"]["text"]: r["valueString"]
        for r in resources(bundle)
        if r["category"] == THERAPY and r["effectiveDateTime"] == day
    }
    words = {0: "did not help", 1: "helped a little", 2: "helped a lot", None: "used, not rated"}
    for use in entry.relief:
        assert helped[f"What helped: {use.name}"] == words[use.helped]
    for name in entry.medications:
        assert helped[f"Medication taken: {name}"] == words[entry.medication_rating(name)]


def test_treatments_and_the_impression_of_change_validate_as_r4(data: ReportData) -> None:
    from fhir.resources.R4B.bundle import Bundle

    from journal.core.treatments import Treatment, before_after

    treatments = (
        before_after(data.entries, Treatment("physiotherapy", START + dt.timedelta(days=20))),
        before_after(data.entries, Treatment("ibuprofen", START, START + dt.timedelta(days=10))),
    )
    visit = dataclasses.replace(
        data, summary=dataclasses.replace(data.summary, treatments=treatments), impression=3, patient_name=""
    )
    bundle = fhir_bundle(visit)
    Bundle.model_validate(bundle)
    kinds = {r["resourceType"]: r for r in resources(bundle) if r["resourceType"] != "Observation"}
    assert kinds["Procedure"]["code"]["text"] == "physiotherapy" and kinds["Procedure"]["status"] == "in-progress"
    assert kinds["MedicationStatement"]["status"] == "completed"
    assert kinds["MedicationStatement"]["effectivePeriod"]["end"] == (START + dt.timedelta(days=10)).isoformat()
    impression = [
        r for r in resources(bundle) if r["resourceType"] == "Observation" and r.get("valueString") == "a little better"
    ]
    assert len(impression) == 1 and impression[0]["effectivePeriod"]["end"] == END.isoformat()
