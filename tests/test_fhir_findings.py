"""The period's findings in the FHIR Bundle: cautions, leg pain as an outcome, six weeks of
severe pain, and every comparison with the pain it compares, validated as R4 (R4B models)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from journal.core.day import DayEntry
from journal.formats import ReportData, report_data
from journal.formats.fhir import fhir_bundle
from journal.formats.fhir_findings import CAUTION_SYSTEM, FINDINGS_CATEGORY, FINDINGS_SYSTEM

START = dt.date(2024, 1, 1)


def high_pain_journal(days: int = 120) -> list[DayEntry]:
    """Back pain near the top of the scale; "long walk" raises leg pain only, "lifting" back pain."""
    rng = random.Random(4)
    entries: list[DayEntry] = []
    for i in range(days):
        walk = rng.random() < 0.3
        lifting = rng.random() < 0.3
        back = max(0, min(10, round(7.5 + 1.5 * lifting + rng.gauss(0.0, 0.8))))
        leg = max(0, min(10, round(4 + 3.0 * walk + rng.gauss(0.0, 0.8))))
        names = tuple(name for name, on in (("long walk", walk), ("lifting", lifting), ("bending", rng.random() < 0.3)) if on)
        entries.append(DayEntry(date=START + dt.timedelta(days=i), back_pain=back, leg_pain=leg, triggers=names))
    return entries


def findings(bundle: dict[str, Any], code: str | None = None) -> list[dict[str, Any]]:
    found = [e["resource"] for e in bundle["entry"] if e["resource"].get("category") == FINDINGS_CATEGORY]
    if code is None:
        return found
    return [r for r in found if r["code"]["coding"][0]["code"] == code]


def components(resource: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["code"]["coding"][0]["code"]: c for c in resource.get("component", [])}


def validate(bundle: dict[str, Any]) -> None:
    from fhir.resources.R4B.bundle import Bundle

    parsed = Bundle.model_validate(bundle)
    assert parsed.entry is not None and len(parsed.entry) == len(bundle["entry"])


@pytest.fixture(scope="module")
def data() -> ReportData:
    entries = high_pain_journal()
    return report_data(entries, entries[0].date, entries[-1].date, patient_name="Alex Example")


def test_findings_validate_as_r4_and_cover_the_period(data: ReportData) -> None:
    bundle = fhir_bundle(data)
    validate(bundle)
    found = findings(bundle)
    assert found
    for resource in found:
        assert resource["status"] == "final"
        assert resource["effectivePeriod"] == {"start": data.start.isoformat(), "end": data.end.isoformat()}
        assert resource["subject"] == {"display": "Alex Example"}


def test_cautions_carry_their_codes_and_sentences(data: ReportData) -> None:
    cautions = data.summary.cautions
    assert "near_ceiling" in {c.code for c in cautions}
    found = [r for r in findings(fhir_bundle(data)) if r["code"]["coding"][0]["system"] == CAUTION_SYSTEM]
    assert [(r["code"]["coding"][0]["code"], r["valueString"]) for r in found] == [(c.code, c.sentence) for c in cautions]


def test_every_comparison_says_which_pain_it_compares(data: ReportData) -> None:
    triggers = data.summary.triggers
    assert {t.pain for t in triggers} == {"back", "leg"}
    found = findings(fhir_bundle(data), "comparison")
    assert len(found) == len(triggers)
    for resource, t in zip(found, triggers):
        parts = components(resource)
        assert parts["pain"]["valueString"] == t.pain
        assert parts["verdict"]["valueString"] == t.verdict
        assert parts["lag-days"]["valueInteger"] == t.lag_days
        assert resource["valueString"] == t.sentence
        site = resource["bodySite"]["coding"][0]["code"]
        assert site == ("61685007" if t.pain == "leg" else "37822005")
        if t.difference is not None:
            assert parts["difference"]["valueQuantity"]["value"] == pytest.approx(t.difference, abs=0.005)
            assert parts["ci-low"]["valueQuantity"]["value"] <= parts["ci-high"]["valueQuantity"]["value"]
    walk = [r for r, t in zip(found, triggers) if t.name == "long walk" and t.pain == "leg" and t.lag_days == 0]
    assert len(walk) == 1 and components(walk[0])["verdict"]["valueString"] == "higher"


def test_the_leg_pain_summary_has_its_severe_days_flares_and_trend(data: ReportData) -> None:
    leg = data.summary.leg_pain
    assert leg.flares is not None and leg.trend is not None and leg.flares.severe_days
    (resource,) = findings(fhir_bundle(data), "leg-pain-summary")
    parts = components(resource)
    assert parts["severe-days"]["valueInteger"] == len(leg.flares.severe_days)
    assert parts["flare-days"]["valueInteger"] == len(leg.flares.days)
    assert parts["flare-episodes"]["valueInteger"] == len(leg.flares.episodes)
    assert parts["trend"]["valueString"] == leg.trend.verdict
    assert resource["bodySite"]["coding"][0]["code"] == "61685007"
    assert resource["code"]["coding"][0]["system"] == FINDINGS_SYSTEM


def test_six_weeks_of_severe_leg_pain_is_in_the_bundle() -> None:
    """60 days of leg pain at 8 (back pain 3), logged every third day: the six-weeks rule holds."""
    entries = [DayEntry(date=START + dt.timedelta(days=i), back_pain=3, leg_pain=8) for i in range(0, 60, 3)]
    data = report_data(entries, START, START + dt.timedelta(days=59))
    assert data.summary.six_weeks is not None
    bundle = fhir_bundle(data)
    validate(bundle)
    (resource,) = findings(bundle, "six-weeks")
    assert resource["valueString"] == data.summary.six_weeks.message
    assert components(resource)["pain"]["valueString"] == "leg pain"
    assert "subject" not in resource
    calm = report_data([DayEntry(date=e.date, back_pain=3, leg_pain=3) for e in entries], START, START + dt.timedelta(days=59))
    assert findings(fhir_bundle(calm), "six-weeks") == []
