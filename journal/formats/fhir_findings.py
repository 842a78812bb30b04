"""What the summary found over a period, as FHIR R4 Observations for the Bundle in :mod:`journal.formats.fhir`.

Each Observation covers the whole period (``effectivePeriod``), has the
category :data:`FINDINGS_CATEGORY`, and carries a
``code.coding`` in the journal's own code system (:data:`FINDINGS_SYSTEM`) so
a receiving system can tell them apart, with ``code.text`` in plain words:

* ``caution``: each "Read with care" caution (``code`` its JSON code, such as
  ``near_ceiling``), ``valueString`` its sentence;
* ``leg-pain-summary``: leg pain as an outcome in its own right, ``bodySite``
  lower limb, with components for the severe days (7 or more), flare days,
  flare episodes and the trend's verdict and sentence;
* ``six-weeks``: six weeks of severe pain, ``valueString`` the message, a
  ``pain`` component ("back pain", "leg pain", …) and the source as a note;
* ``comparison``: each trigger comparison of ``summary --json``'s ``triggers``,
  ``valueString`` its sentence, with components ``pain`` ("back" or "leg",
  also as ``bodySite``), ``verdict``, ``lag-days``, ``days-with``,
  ``days-without`` and, when estimated, ``difference``, ``ci-low`` and
  ``ci-high`` in points.

Nothing here is a diagnosis: the words are the summary's own.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from journal.core.cautions import Caution
    from journal.core.redflags import PersistentPain
    from journal.core.summary import LegPainSummary, Summary
    from journal.core.trigger_model import TriggerImpact

#: The journal's own code system for the period's findings (a URN: no server to look it up on).
FINDINGS_SYSTEM: Final = "urn:pain-journal:findings"
CAUTION_SYSTEM: Final = "urn:pain-journal:caution"
FINDINGS_CATEGORY: Final = [{"text": "What the journal found over the period"}]
LOWER_BACK: Final = {"system": "http://snomed.info/sct", "code": "37822005", "display": "Lower back structure"}
LOWER_LIMB: Final = {"system": "http://snomed.info/sct", "code": "61685007", "display": "Lower limb structure"}
POINTS: Final = {"unit": "points on the 0-10 scale", "system": "http://unitsofmeasure.org", "code": "{score}"}


def _code(code: str, text: str, system: str = FINDINGS_SYSTEM) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}], "text": text}


def _component(code: str, text: str, **value: Any) -> dict[str, Any]:
    return {"code": _code(code, text), **value}


def _points(value: float) -> dict[str, Any]:
    return {"value": round(value, 2), **POINTS}


def _caution(caution: "Caution") -> dict[str, Any]:
    return {"code": _code(caution.code, "Read with care", CAUTION_SYSTEM), "valueString": caution.sentence}


def _leg_pain(leg: "LegPainSummary") -> dict[str, Any] | None:
    if not leg.days:
        return None
    components: list[dict[str, Any]] = [_component("days", "Days with leg pain recorded", valueInteger=leg.days)]
    if leg.flares is not None:
        components += [
            _component("severe-days", "Severe days (7 or more)", valueInteger=len(leg.flares.severe_days)),
            _component("flare-days", "Flare days", valueInteger=len(leg.flares.days)),
            _component("flare-episodes", "Flares", valueInteger=len(leg.flares.episodes)),
        ]
    if leg.trend is not None:
        components += [
            _component("trend", "Direction of leg pain", valueString=leg.trend.verdict),
            _component("trend-sentence", "Direction of leg pain in words", valueString=leg.trend.sentence),
        ]
    resource: dict[str, Any] = {
        "code": _code("leg-pain-summary", "Leg pain over the period"),
        "bodySite": {"coding": [LOWER_LIMB], "text": "Leg"},
        "component": components,
    }
    if leg.mean is not None:
        resource["valueQuantity"] = _points(leg.mean)
    return resource


def _six_weeks(six: "PersistentPain") -> dict[str, Any]:
    return {
        "code": _code("six-weeks", "Six weeks of severe pain"),
        "valueString": six.message,
        "component": [_component("pain", "Which pain", valueString=six.pain)],
        "note": [{"text": f"Source: {six.source}"}],
    }


def _comparison(t: "TriggerImpact") -> dict[str, Any]:
    when = "the same day" if t.lag_days == 0 else "the next day"
    components = [
        _component("pain", "Pain compared", valueString=t.pain),
        _component("verdict", "Verdict", valueString=t.verdict),
        _component("lag-days", "Days after the trigger", valueInteger=t.lag_days),
        _component("days-with", "Days with the trigger", valueInteger=t.days_with),
        _component("days-without", "Days without it", valueInteger=t.days_without),
    ]
    for code, text, value in (
        ("difference", "Difference in pain", t.difference),
        ("ci-low", "95% interval, low end", t.ci_low),
        ("ci-high", "95% interval, high end", t.ci_high),
    ):
        if value is not None:
            components.append(_component(code, text, valueQuantity=_points(value)))
    site = LOWER_LIMB if t.pain == "leg" else LOWER_BACK
    return {
        "code": _code("comparison", f"{t.pain.capitalize()} pain with {t.name} ({when})"),
        "bodySite": {"coding": [site], "text": "Leg" if t.pain == "leg" else "Lower back"},
        "valueString": t.sentence,
        "component": components,
    }


def finding_resources(summary: "Summary", start: dt.date, end: dt.date, subject: dict[str, str] | None) -> list[dict[str, Any]]:
    """The period's findings as Observation resources (without ``id``: the Bundle adds one)."""
    found: list[dict[str, Any]] = [_caution(c) for c in summary.cautions]
    leg = _leg_pain(summary.leg_pain)
    if leg is not None:
        found.append(leg)
    if summary.six_weeks is not None:
        found.append(_six_weeks(summary.six_weeks))
    found += [_comparison(t) for t in summary.triggers]
    head: dict[str, Any] = {"resourceType": "Observation", "status": "final", "category": FINDINGS_CATEGORY}
    if subject is not None:
        head["subject"] = subject
    period = {"effectivePeriod": {"start": start.isoformat(), "end": end.isoformat()}}
    return [{**head, **body, **period} for body in found]
