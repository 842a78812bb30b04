"""PainTracker's JSON export: an array of entries.

Each entry: ``timestamp``, ``baselineData{pain 0–10, locations[], symptoms[]}``,
``medications{current[{name, dosage, frequency, effectiveness}]}``,
``qualityOfLife{sleepQuality, moodImpact}``, ``notes``, and optionally
``triggers[]``, ``activities[]``, ``sleep``, ``mood``, ``stress``. (Its CSV
export joins rows with a literal ``\\n``; the JSON is the file to use.)
The mapping is documented in docs/importing.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from journal.core.catalog import name_key
from journal.formats.importers.common import (
    ZERO_TO_TEN,
    ForeignImportError,
    ParsedImport,
    Reading,
    SourceDay,
    add_name,
    add_relief,
    clean_name,
    decode_text,
    helped_rating,
    load_json,
    relief_name,
)
from journal.formats.importers.places import place_code

SOURCE: Final = "PainTracker"
WHEREABOUTS: Final = ("location", "geolocation", "coordinates", "gps")
#: Every field read (or dropped on purpose); any other field is counted as not come across.
KNOWN_KEYS: Final = frozenset(
    {
        "id",
        "timestamp",
        "baselineData",
        "functionalImpact",
        "medications",
        "treatments",
        "qualityOfLife",
        "workImpact",
        "comparison",
        "notes",
        "triggers",
        "activities",
        "sleep",
        "mood",
        "stress",
        *WHEREABOUTS,
    }
)
#: Lists and words written as lines of the day's note: (field, inner field, label).
WORDED: Final = (
    ("functionalImpact", "limitedActivities", "Activities limited"),
    ("functionalImpact", "assistanceNeeded", "Help needed with"),
    ("functionalImpact", "mobilityAids", "Mobility aids"),
    ("medications", "changes", "Medication changes"),
    ("medications", "effectiveness", "How the medications helped"),
    ("treatments", "effectiveness", "How the treatments helped"),
    ("treatments", "planned", "Treatments planned"),
    ("qualityOfLife", "socialImpact", "Social life"),
    ("workImpact", "missedWork", "Work missed"),
    ("workImpact", "modifiedDuties", "Modified duties"),
    ("workImpact", "workLimitations", "Work limitations"),
    ("comparison", "worseningSince", "Worse since"),
    ("comparison", "newLimitations", "New limitations"),
)
PAIN: Final = "Pain"
WHAT_HELPED: Final = "what helped"
RATED: Final = "what helped, with that rating"
DROPPED_WHEREABOUTS: Final = "Where you were (location data is never imported)"
DROPPED_MOOD: Final = "Mood, mood impact and stress scores (PainTracker's own scales; not rescaled)"


def _timestamp(value: object) -> dt.datetime:
    """The moment on this computer's clock: PainTracker writes UTC (``toISOString()``), the person lived local time.

    An evening entry written as ``…T02:30:00Z`` belongs to the evening before
    in America; a time without a zone is taken as written.
    """
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, (int, float)):  # milliseconds since 1970, as JavaScript writes Date.now()
        return dt.datetime.fromtimestamp(value / 1000, tz=dt.UTC).astimezone()
    if isinstance(value, str):
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        return moment.astimezone() if moment.tzinfo is not None else moment
    raise ValueError


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) if not isinstance(v, dict) else str(v.get("name", "")) for v in value if v not in (None, "")]
    return []


def _more_words(parsed: ParsedImport, day: SourceDay, entry: dict[str, Any], medications: object) -> None:
    """The free-text and list fields: lines of the note; recent treatments: self-care, with how they helped."""
    for group, key, label in WORDED:
        holder = entry.get(group)
        value = holder.get(key) if isinstance(holder, dict) else None
        if isinstance(value, bool) or value in (None, "", [], 0):
            continue
        words = ", ".join(_texts(value)) if isinstance(value, list) else str(value).strip()
        if words:
            day.kept_as_words.append(f"{label}: {words}")
            parsed.mapped[(label, "words in the note")] += 1
    treatments = entry.get("treatments")
    recent = treatments.get("recent") if isinstance(treatments, dict) else None
    for treatment in recent if isinstance(recent, list) else []:
        kind = str(treatment.get("type") or "").strip() if isinstance(treatment, dict) else ""
        if not kind:
            continue
        helped = str(treatment.get("effectiveness") or "").strip()
        relief = relief_name(kind)
        if relief is not None:  # one of the journal's own relief names: "what helped"
            rating = helped_rating(helped)
            add_relief(day, relief, rating)
            parsed.mapped[("Recent treatments that are relief", WHAT_HELPED)] += 1
            if rating is not None:
                parsed.mapped[("Treatment effectiveness in the journal's own words", RATED)] += 1
            elif helped:
                day.kept_as_words.append(f"{kind}: helped: {helped}")
        else:
            add_name(day.medications, kind)
            parsed.mapped[("Recent treatments", "medications and self-care")] += 1
            if helped:
                day.kept_as_words.append(f"{kind}: helped: {helped}")
        if str(treatment.get("provider") or "").strip():
            parsed.dropped["Who gave a treatment (a person's name; not imported)"] += 1


def parse(data: bytes) -> ParsedImport:
    """Read a PainTracker export. Raises :class:`ForeignImportError` naming each bad entry."""
    document = load_json(SOURCE, decode_text(SOURCE, data))
    if isinstance(document, dict) and isinstance(document.get("entries"), list):
        document = document["entries"]
    if not isinstance(document, list):
        raise ForeignImportError(SOURCE, [("", "this is not a PainTracker export: expected a list of entries")])
    parsed = ParsedImport(SOURCE, default_back=PAIN)
    parsed.scales[PAIN] = ZERO_TO_TEN
    problems: list[tuple[str, str]] = []
    for number, entry in enumerate(document, start=1):
        where = f"entry {number}"
        try:
            _entry(parsed, entry, where)
        except ValueError as error:
            problems.append((where, str(error)))
    if problems:
        raise ForeignImportError(SOURCE, problems)
    return parsed


def _entry(parsed: ParsedImport, entry: Any, where: str) -> None:
    if not isinstance(entry, dict):
        raise ValueError("is not an entry object")
    try:
        moment = _timestamp(entry.get("timestamp"))
    except (ValueError, OverflowError, OSError):
        raise ValueError(f"“timestamp” {str(entry.get('timestamp'))[:30]!r} is not a date and time") from None
    baseline = entry.get("baselineData") or {}
    if not isinstance(baseline, dict):
        raise ValueError("“baselineData” is not an object")
    pain = baseline.get("pain")
    if pain is not None and (isinstance(pain, bool) or not isinstance(pain, (int, float)) or not 0 <= pain <= 10):
        raise ValueError(f"“pain” must be a number from 0 to 10, not {str(pain)[:20]!r}")
    if isinstance(pain, float) and not pain.is_integer():
        raise ValueError(f"“pain” {pain} is not a whole number; Pain Journal scores are whole numbers")
    parsed.entries_read += 1
    day: SourceDay = parsed.day(moment.date(), where)
    time = moment.strftime("%H:%M")
    if pain is not None:
        parsed.add_reading(day, Reading(PAIN, int(pain), time), ZERO_TO_TEN)
        parsed.mapped[("Pain (0–10)", "back pain, as it is (or the score you choose)")] += 1
    for place in _texts(baseline.get("locations")):
        code = place_code(place)
        if code:
            day.locations.add(code)
            parsed.mapped[("Locations", "the body map")] += 1
        else:
            day.kept_as_words.append(f"Where it hurt: {place}")
            parsed.mapped[("Locations not on the body map", "words in the note")] += 1
    for symptom in _texts(baseline.get("symptoms")):
        add_name(day.symptoms, symptom)
        parsed.mapped[("Symptoms", "symptoms")] += 1
    medications = entry.get("medications") or {}
    current = medications.get("current") if isinstance(medications, dict) else medications
    for medication in current if isinstance(current, list) else []:
        if not isinstance(medication, dict) or not str(medication.get("name", "")).strip():
            continue
        name = str(medication["name"]).strip()
        dose = str(medication.get("dosage") or "").strip()
        label = f"{name} ({dose})" if dose else name
        add_name(day.medications, label)
        parsed.mapped[("Medications", "medications (with doses)")] += 1
        rating = helped_rating(medication.get("effectiveness"))
        stored = next((m for m in day.medications if name_key(m) == name_key(clean_name(label))), None)
        if rating is not None and stored is not None:
            day.medication_helped.setdefault(stored, rating)
            parsed.mapped[("Medication effectiveness in the journal's own words", RATED)] += 1
        how = "; ".join(
            f"{label} {str(medication[key]).strip()}"
            for key, label in (("frequency", "taken"), ("effectiveness", "helped:"))
            if str(medication.get(key) or "").strip() and (key != "effectiveness" or rating is None)
        )
        if how:
            day.kept_as_words.append(f"{name}: {how}")
    for trigger in _texts(entry.get("triggers")):
        add_name(day.triggers, trigger)
        parsed.mapped[("Triggers", "triggers")] += 1
    activities = _texts(entry.get("activities"))
    if activities:
        day.kept_as_words.append(f"Activities ({time}): {', '.join(activities)}")
        parsed.mapped[("Activities (no minutes)", "words in the note")] += 1
    quality = entry.get("qualityOfLife") or {}
    if isinstance(quality, dict) and quality.get("sleepQuality") not in (None, ""):
        day.kept_as_words.append(f"Sleep quality (PainTracker's scale): {quality['sleepQuality']}")
        parsed.mapped[("Sleep quality", "words in the note (not rescaled)")] += 1
    if entry.get("sleep") not in (None, ""):
        day.kept_as_words.append(f"Sleep (PainTracker): {entry['sleep']}")
        parsed.mapped[("Sleep", "words in the note (not rescaled)")] += 1
    if any(v not in (None, "") for v in (entry.get("mood"), entry.get("stress"))) or (
        isinstance(quality, dict) and quality.get("moodImpact") not in (None, "")
    ):
        parsed.dropped[DROPPED_MOOD] += 1
    if any(entry.get(key) not in (None, "", {}, []) for key in WHEREABOUTS):
        parsed.dropped[DROPPED_WHEREABOUTS] += 1
    _more_words(parsed, day, entry, medications)
    for key in sorted(set(entry) - KNOWN_KEYS):
        if entry[key] not in (None, "", {}, []):
            parsed.dropped[f"“{key}” (no place for it in Pain Journal)"] += 1
    notes = entry.get("notes")
    if isinstance(notes, str) and notes.strip():
        day.notes.append(f"{time}: {notes.strip()}")
        parsed.mapped[("Notes", "the day's note")] += 1
