"""The journal as a FHIR R4 Bundle (JSON), for health-record systems.

A Bundle of type ``collection`` with, for every logged day of the period:

* an Observation of back pain and one of leg pain (when recorded):
  LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] -
  Reported", ``valueInteger``, with a SNOMED CT ``bodySite`` (37822005
  lower back structure; 61685007 lower limb structure);
* the PEG score (LOINC 91147-9 "Mean score [PEG]") when the day has all three
  items, as ``valueQuantity`` in UCUM ``{score}``, rounded as the summary rounds,
  with ``hasMember`` pointing at its three items, each an Observation of its
  own: pain (LOINC 75893-8, the worse of back and leg pain), interference with
  enjoyment of life (91145-3) and with general activity (91146-1), ``valueInteger``
  0-10. The journal asks them about the day, not the past week; ``code.text`` says so;
* one Observation per thing done for the pain and per medication taken
  (category ``therapy``, ``code.text`` "What helped: <name>" or "Medication
  taken: <name>"), ``valueString`` the person's own rating: "helped a lot",
  "helped a little", "did not help" or "used, not rated";
* one Observation per symptom noted (category ``survey``, ``code.text`` the
  symptom as written, ``valueBoolean`` true); a warning sign carries a note
  with its urgency on that day and, for "see a doctor soon", the time frame
  ("… seeing a doctor soon (within a few days)."). A sign whose urgency or
  time frame an About-you answer changed carries a second note: the reason
  and the guideline's readable title and section ("Changed by what the patient
  told the journal (About you): <reason> Guideline: <title, section>"), or,
  when the person did not tick "include in my report", only the line that
  says the urgency follows what they told the journal
  (:mod:`journal.core.changed_signs`).

Each answer to "what you can do" (schema 8): minutes to sit, stand and walk as
``valueQuantity`` in UCUM ``min``, and the person's own activity 0-10 as
``valueInteger`` (``code.text`` says which).

For the period as a whole: what the summary found (cautions, the leg-pain
summary, six weeks of severe pain, every trigger comparison with the pain it
compares), see :mod:`journal.formats.fhir_findings`; each treatment going in it as a ``Procedure``
(``code.text`` its name, ``performedPeriod`` its start and end; status
``in-progress`` or ``completed``), or as a ``MedicationStatement`` when its
name is a painkiller's (``resources/painkillers.toml``); and, in a report for
a visit, the person's own global impression of change as an Observation
(``code.text`` the question asked, ``valueString`` the answer).

Each pain-now reading (schema 11) as one Observation of back pain and, when
given, one of leg pain, coded as the day's are, with ``code.text`` "… pain now
(0-10)" and ``effectiveDateTime`` the reading's date and time, with the UTC
offset the computer's time zone had then (FHIR requires one with a time).

Every Observation has status ``final``; every entry a ``urn:uuid`` fullUrl. The patient is
only a display name on ``subject`` (or no subject at all): the journal holds
no identifiers. Built as plain dicts, so nothing beyond the standard library
is needed to write it; the tests validate it with ``fhir.resources``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from journal.core.catalog import Urgency, name_key
from journal.core.changed_signs import HEADING, NOT_SHARED, changed_on
from journal.core.day import HELPED_WORDS, DayEntry
from journal.core.summary import rounded
from journal.files.atomic import write_bytes_atomically
from journal.formats import ReportData
from journal.formats.fhir_findings import finding_resources

if TYPE_CHECKING:
    from collections.abc import Mapping

    from journal.core.function_check import FunctionCheck
    from journal.core.readings import PainReading
    from journal.core.treatments import Treatment

LOINC: Final = "http://loinc.org"
SNOMED: Final = "http://snomed.info/sct"
UCUM: Final = "http://unitsofmeasure.org"
CATEGORY_SYSTEM: Final = "http://terminology.hl7.org/CodeSystem/observation-category"

PAIN_CODE: Final = {
    "system": LOINC,
    "code": "72514-3",
    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
}
PEG_CODE: Final = {"system": LOINC, "code": "91147-9", "display": "Mean score [PEG]"}
#: The three PEG items (displays left to LOINC; ``code.text`` names each in plain words).
PEG_ITEMS: Final = (
    ("75893-8", "PEG item: pain on the day (0-10)"),
    ("91145-3", "PEG item: pain got in the way of enjoying life on the day (0-10)"),
    ("91146-1", "PEG item: pain got in the way of general activity on the day (0-10)"),
)
THERAPY: Final = [{"coding": [{"system": CATEGORY_SYSTEM, "code": "therapy", "display": "Therapy"}]}]
NOT_RATED: Final = "used, not rated"
LOWER_BACK: Final = {"system": SNOMED, "code": "37822005", "display": "Lower back structure"}
LOWER_LIMB: Final = {"system": SNOMED, "code": "61685007", "display": "Lower limb structure"}
SURVEY: Final = [{"coding": [{"system": CATEGORY_SYSTEM, "code": "survey", "display": "Survey"}]}]
_RED_FLAG_NOTES: Final = {
    Urgency.URGENT: "Red-flag symptom: the journal advises seeking medical care now.",
    Urgency.SOON: "Red-flag symptom: the journal advises seeing a doctor soon.",
}


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    resource_id = str(uuid.uuid4())
    return {"fullUrl": f"urn:uuid:{resource_id}", "resource": {"id": resource_id, **resource}}


def _observation(day: dt.date, subject: dict[str, str] | None, code: dict[str, Any], **fields: Any) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": SURVEY,
        "code": code,
        "effectiveDateTime": day.isoformat(),
    }
    if subject is not None:
        resource["subject"] = subject
    resource.update(fields)
    return _entry(resource)


def _pain(entry: DayEntry, value: int, site: dict[str, str], label: str, subject: dict[str, str] | None) -> dict[str, Any]:
    return _observation(
        entry.date,
        subject,
        {"coding": [PAIN_CODE], "text": f"{label} pain (0-10)"},
        valueInteger=value,
        bodySite={"coding": [site], "text": label},
    )


def reading_observations(reading: "PainReading", subject: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """A pain-now reading: back pain, and leg pain when given, each at the reading's own time."""
    moment = dt.datetime.combine(reading.date, reading.time).astimezone()  # local time, with its offset then
    found = []
    for value, site, label in ((reading.back_pain, LOWER_BACK, "Lower back"), (reading.leg_pain, LOWER_LIMB, "Leg")):
        if value is None:
            continue
        observation = _observation(
            reading.date,
            subject,
            {"coding": [PAIN_CODE], "text": f"{label} pain now (0-10)"},
            valueInteger=value,
            bodySite={"coding": [site], "text": label},
        )
        observation["resource"]["effectiveDateTime"] = moment.isoformat(timespec="seconds")
        found.append(observation)
    return found


def _helped(day: dt.date, subject: dict[str, str] | None, text: str, helped: int | None) -> dict[str, Any]:
    """Something used for the pain, with the person's own rating of how much it helped."""
    words = NOT_RATED if helped is None else HELPED_WORDS[helped]
    return _observation(day, subject, {"text": text}, category=THERAPY, valueString=words)


def _flag_note(urgency: Urgency, when: str = "") -> str:
    """The note on a warning sign's Observation: its urgency, and for "soon" its time frame."""
    note = _RED_FLAG_NOTES.get(urgency, "")
    return f"{note[:-1]} ({when})." if note and urgency is Urgency.SOON and when else note


def day_observations(
    entry: DayEntry,
    urgencies: dict[str, Urgency],
    subject: dict[str, str] | None = None,
    notes: "Mapping[str, list[str]] | None" = None,
) -> list[dict[str, Any]]:
    """The Bundle entries for one logged day.

    ``notes`` (symptom key -> the notes on its Observation) overrides the
    plain urgency note of ``urgencies`` for the signs it names.
    """
    found = [_pain(entry, entry.back_pain, LOWER_BACK, "Lower back", subject)]
    if entry.leg_pain is not None:
        found.append(_pain(entry, entry.leg_pain, LOWER_LIMB, "Leg", subject))
    peg = entry.peg
    if peg is not None:
        values = (entry.pain, entry.interference_enjoyment, entry.interference_activity)
        items = [
            _observation(entry.date, subject, {"coding": [{"system": LOINC, "code": code}], "text": text}, valueInteger=value)
            for (code, text), value in zip(PEG_ITEMS, values, strict=True)
        ]
        found.append(
            _observation(
                entry.date,
                subject,
                {"coding": [PEG_CODE], "text": "PEG score (pain, enjoyment, activity)"},
                valueQuantity={"value": rounded(peg), "unit": "score", "system": UCUM, "code": "{score}"},
                hasMember=[{"reference": item["fullUrl"]} for item in items],
            )
        )
        found += items
    for use in entry.relief:
        found.append(_helped(entry.date, subject, f"What helped: {use.name}", use.helped))
    for medication in entry.medications:
        found.append(_helped(entry.date, subject, f"Medication taken: {medication}", entry.medication_rating(medication)))
    for symptom in entry.symptoms:
        fields: dict[str, Any] = {"valueBoolean": True}
        said = (notes or {}).get(name_key(symptom))
        if said is None:
            note = _flag_note(urgencies.get(name_key(symptom), Urgency.NONE))
            said = [note] if note else []
        if said:
            fields["note"] = [{"text": text} for text in said]
        found.append(_observation(entry.date, subject, {"text": symptom}, **fields))
    return found


def _function(check: "FunctionCheck", subject: dict[str, str] | None) -> list[dict[str, Any]]:
    """What the person could do: minutes as ``valueQuantity`` (UCUM ``min``), their activity 0-10."""
    found = []
    for label, minutes in (("sit", check.sit_min), ("stand", check.stand_min), ("walk", check.walk_min)):
        if minutes is not None:
            text = f"How long the person can {label} before pain makes them stop"
            quantity = {"value": minutes, "unit": "min", "system": UCUM, "code": "min"}
            found.append(_observation(check.date, subject, {"text": text}, valueQuantity=quantity))
    if check.activity and check.activity_score is not None:
        text = f"How hard {check.activity} is now because of pain (0 as before, 10 cannot at all)"
        found.append(_observation(check.date, subject, {"text": text}, valueInteger=check.activity_score))
    return found


def _treatment(treatment: "Treatment", period_end: dt.date, subject: dict[str, str] | None) -> dict[str, Any]:
    """A treatment as a Procedure, or as a MedicationStatement when it names a painkiller.

    Both need a subject in R4; without a name it is "the person keeping this journal".
    """
    from journal.core.what_helped import is_painkiller

    who = subject or {"display": "the person keeping this journal"}
    stopped = treatment.end is not None and treatment.end <= period_end
    period = {"start": treatment.start.isoformat()}
    if treatment.end is not None:
        period["end"] = treatment.end.isoformat()
    if is_painkiller(treatment.name):
        return _entry(
            {
                "resourceType": "MedicationStatement",
                "status": "completed" if stopped else "active",
                "medicationCodeableConcept": {"text": treatment.name},
                "subject": who,
                "effectivePeriod": period,
            }
        )
    return _entry(
        {
            "resourceType": "Procedure",
            "status": "completed" if stopped else "in-progress",
            "code": {"text": treatment.name},
            "subject": who,
            "performedPeriod": period,
        }
    )


def _sign_notes(data: ReportData) -> dict[dt.date, dict[str, list[str]]]:
    """Per date and sign: the notes the summary's warning signs of that day carry (see the module)."""
    changed = changed_on(data.summary.red_flags)
    shared = data.summary.about_you is not None
    found: dict[dt.date, dict[str, list[str]]] = {}
    for flag in data.summary.red_flags:
        key = name_key(flag.symptom)
        notes = [_flag_note(flag.urgency, flag.when)]
        item = changed.get((flag.date, key))
        if item is not None:
            notes.append(f"{HEADING}: {item.reason} Guideline: {item.guideline}." if shared else NOT_SHARED)
        found.setdefault(flag.date, {})[key] = notes
    return found


def fhir_bundle(data: ReportData, urgencies: dict[str, Urgency] | None = None) -> dict[str, Any]:
    """The Bundle for the period of ``data`` as a JSON-ready dict.

    ``urgencies`` (symptom key → urgency) marks red-flag symptoms with a plain
    note. By default each day's warning signs are the summary's, with their
    urgency on that day, time frame and, when About you changed them, the
    reason and the guideline.
    """
    notes = _sign_notes(data) if urgencies is None else {}
    table = urgencies or {}
    subject = {"display": data.patient_name} if data.patient_name else None
    generated = data.generated if data.generated.tzinfo else data.generated.astimezone()
    entries = [obs for entry in data.entries for obs in day_observations(entry, table, subject, notes.get(entry.date, {}))]
    entries += [obs for reading in data.readings for obs in reading_observations(reading, subject)]
    entries += [_treatment(result.treatment, data.end, subject) for result in data.summary.treatments]
    if data.summary.about_you is not None:  # only when the person ticked "include in my report"
        from journal.core.about_you import report_lines

        entries += [
            _observation(data.end, subject, {"text": line}, valueBoolean=True)
            for line in report_lines(data.summary.about_you)
            if not line.startswith("Year of birth")
        ]
        if data.summary.about_you.birth_year is not None:
            entries.append(
                _observation(data.end, subject, {"text": "Year of birth"}, valueInteger=data.summary.about_you.birth_year)
            )
    entries += [obs for check in data.summary.function for obs in _function(check, subject)]
    entries += [_entry(finding) for finding in finding_resources(data.summary, data.start, data.end, subject)]
    if data.impression is not None:
        from journal.core.visit_change import IMPRESSION_QUESTION, impression_words

        entries.append(
            _observation(
                data.end,
                subject,
                {"text": IMPRESSION_QUESTION},
                valueString=impression_words(data.impression),
                effectivePeriod={"start": data.start.isoformat(), "end": data.end.isoformat()},
            )
        )
        del entries[-1]["resource"]["effectiveDateTime"]
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "type": "collection",
        "timestamp": generated.isoformat(timespec="seconds"),
        "entry": entries,
    }


def write_fhir(data: ReportData, path: Path) -> int:
    """Write the Bundle to ``path`` (UTF-8 JSON) via a temporary file; return its entry count.

    Raises:
        UserError: the file cannot be written (nothing is left behind).
    """
    bundle = fhir_bundle(data)

    text = json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"
    write_bytes_atomically(Path(path), text.encode("utf-8"))
    return len(bundle["entry"])
