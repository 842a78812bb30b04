"""Every About-you rule says the same thing in the window, `summary`, `summary --json`, the PDF and FHIR.

For each rule (and each answer that triggers it), on a new journal and on a
schema-2 journal upgraded by the migrations, one day with the sign is logged
and the answers are stored (with "include in my report" ticked). Then:

* the window: the signs as :meth:`journal.ui.session.JournalSession.red_flags_in`
  gives them, in the urgent dialog (:class:`journal.ui.red_flags.RedFlagDialog`)
  or, for "soon", in the message and sources of the Today notice;
* what the command line prints and writes, as a doctor's office would get it:
  ``pain-journal summary``, ``summary --json``, ``export FILE.pdf`` (its text)
  and ``export FILE.json`` (the FHIR Bundle, validated as R4);

must each state the rule's urgency and time frame and cite the rule's
guideline by its readable title (never a file name or source id where a
person reads it). Each output is read by its own small parser, so any one
that disagrees fails the test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from pytestqt.qtbot import QtBot

from journal.app.about_you import save_about_you
from journal.core import about_you as rules
from journal.core.about_you import AboutYou
from journal.core.catalog import Urgency
from journal.core.changed_signs import HEADING, NOT_SHARED
from journal.core.day import DayEntry
from journal.core.redflags import EMERGENCY, RedFlag, soon_message
from journal.core.sources import Source, citation, work_for, works
from journal.formats.fhir import fhir_bundle
from journal.formats.summary_json import summary_to_json
from journal.storage.database import skip_backup
from journal.storage.journal import Journal
from tests.make_old_databases import V2_PATH

DAY = dt.date(2026, 11, 30)  # long after the schema-2 journal's days: an episode of its own
FEVER = "fever or chills with back pain"
NIGHT = "pain at night that rest does not ease"
WEIGHT = "unexplained weight loss"
UPPER = "pain in the upper back or between the shoulder blades"
STRAIN = "sudden severe back pain after a cough, lift or minor strain"


@dataclass(frozen=True)
class Rule:
    """One About-you rule: the answers, the day's signs, the sign it changes and what it must become."""

    name: str
    about: AboutYou
    symptoms: tuple[str, ...]
    sign: str
    urgency: Urgency
    when: str  # the time frame of a "soon" sign ("" for urgent)
    source: Source


RULES = [
    Rule("weak immunity, fever", AboutYou(weak_immunity=True), (FEVER,), FEVER, Urgency.URGENT, "", rules.INFECTION),
    Rule("injecting drugs, fever", AboutYou(injects_drugs=True), (FEVER,), FEVER, Urgency.URGENT, "", rules.INFECTION),
    Rule("spinal procedure, fever", AboutYou(recent_spinal_procedure=True), (FEVER,), FEVER, Urgency.URGENT, "", rules.INFECTION),
    Rule("cancer, night pain", AboutYou(cancer_history=True), (NIGHT,), NIGHT, Urgency.SOON, rules.SOONER, rules.CANCER),
    Rule("cancer, weight loss", AboutYou(cancer_history=True), (WEIGHT,), WEIGHT, Urgency.SOON, rules.SOONER, rules.CANCER),
    Rule("cancer, upper back", AboutYou(cancer_history=True), (UPPER,), UPPER, Urgency.SOON, rules.SOONER, rules.CANCER),
    Rule(
        "cancer, night pain and leg weakness",
        AboutYou(cancer_history=True),
        (NIGHT, "leg weakness"),
        NIGHT,
        Urgency.URGENT,
        "",
        rules.CORD,
    ),
    Rule(
        "cancer, weight loss and numbness",
        AboutYou(cancer_history=True),
        (WEIGHT, "numbness or tingling in legs"),
        WEIGHT,
        Urgency.URGENT,
        "",
        rules.CORD,
    ),
    Rule(
        "cancer, upper back and bladder",
        AboutYou(cancer_history=True),
        (UPPER, "trouble passing or controlling urine"),
        UPPER,
        Urgency.URGENT,
        "",
        rules.CORD,
    ),
    Rule(
        "osteoporosis, strain",
        AboutYou(osteoporosis_or_steroids=True),
        (STRAIN,),
        STRAIN,
        Urgency.SOON,
        rules.TODAY,
        rules.FRACTURE,
    ),
    Rule("under 20, night pain", AboutYou(birth_year=DAY.year - 17), (NIGHT,), NIGHT, Urgency.SOON, rules.SOONER, rules.AGE),
    Rule("over 50, weight loss", AboutYou(birth_year=DAY.year - 56), (WEIGHT,), WEIGHT, Urgency.SOON, rules.SOONER, rules.AGE),
]


@dataclass(frozen=True)
class Said:
    """What one output says about the sign: its urgency, its time frame and the guideline it cites first."""

    urgency: Urgency
    when: str
    guideline: str  # the citation as printed (readable title, organisation, year, section)


def _journal(kind: str, folder: Path) -> Path:
    """A new journal, or the saved schema-2 journal upgraded by every migration since."""
    path = folder / "journal.sqlite3"
    if kind == "old":
        shutil.copyfile(V2_PATH, path)
    Journal.open(path, before_upgrade=skip_backup).close()
    return path


def _pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return " ".join("".join(page.get_textpage().get_text_range() for page in document).split())
    finally:
        document.close()


def _window(qtbot: QtBot, path: Path, rule: Rule) -> Said:
    """What the window shows: the session's signs for the day, in the urgent dialog or the "soon" notice's words."""
    from journal.ui.red_flags import NOW_HEADING, RedFlagDialog
    from journal.ui.session import JournalSession
    from journal.ui.tasks import TaskRunner

    session = JournalSession(TaskRunner())
    with qtbot.waitSignal(session.opened, timeout=20_000):
        session.open(path)
    try:
        flags: list[RedFlag] = session.red_flags_in(DayEntry(date=DAY, back_pain=6, symptoms=rule.symptoms))
    finally:
        session.close()
        session.release_lock()
    (flag,) = [f for f in flags if f.symptom.lower() == rule.sign]
    if flag.urgency is Urgency.URGENT:
        dialog = RedFlagDialog([f for f in flags if f.urgency is Urgency.URGENT], today=DAY)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == NOW_HEADING and dialog.message.startswith(EMERGENCY)
        message, sources, urgency = dialog.message, dialog.sources, Urgency.URGENT
    else:
        soon = [f for f in flags if f.urgency is Urgency.SOON]
        # What journal.ui.guidance.install puts in the "soon" notice.
        message, sources, urgency = soon_message(soon, DAY), "; ".join(dict.fromkeys(f.source for f in soon)), Urgency.SOON
    (line,) = [line for line in message.splitlines() if line.lower().startswith(f"• {rule.sign}")]
    found = re.search(r"See a doctor (.+)\.$", line)
    when = "" if found is None else found.group(1)
    # The dialog and the notice cite the sources of all their signs at once: this sign's guideline is among them.
    guideline = citation(flag.sources[0])
    assert guideline in sources.split("; ")
    return Said(urgency, when, guideline)


def _text(text: str, rule: Rule) -> Said:
    (line,) = [line for line in text.splitlines() if line.lower().startswith(f"  {rule.sign} (")]
    words = line[len(f"  {rule.sign} (") :].split("):")[0]
    urgency = Urgency.URGENT if words == "seek medical care now" else Urgency.SOON
    when = words.removeprefix("see your doctor ") if urgency is Urgency.SOON else ""
    lines = text.splitlines()
    at = lines.index(f"  {HEADING}:")
    (reason,) = [n for n in range(at, len(lines)) if lines[n].lower().startswith(f"    {rule.sign}: ")]
    return Said(urgency, when, lines[reason + 1].strip().removeprefix("Guideline: "))


def _json(summary: dict[str, Any], rule: Rule) -> Said:
    (flag,) = [f for f in summary["red_flags"] if f["symptom"].lower() == rule.sign]
    (item,) = [s for s in summary["changed_signs"]["signs"] if s["symptom"].lower() == rule.sign]
    assert (item["urgency"], item["when"], item["dates"]) == (flag["urgency"], flag["when"], [DAY.isoformat()])
    guideline = item["guideline"]
    assert item["reason"] and guideline["title"] == work_for(Source(guideline["source_id"])).title
    assert guideline["citation"].startswith(guideline["title"])
    assert guideline["source_id"] in works()
    return Said(Urgency(item["urgency"]), item["when"], guideline["citation"])


def _pdf(pdf: str, rule: Rule) -> Said:
    found = re.search(re.escape(rule.sign) + r" \((urgent|see a doctor [^)]*)\) on", pdf, re.IGNORECASE)
    assert found is not None, f"{rule.sign} is not on the PDF's first page"
    words = found.group(1)
    urgency = Urgency.URGENT if words == "urgent" else Urgency.SOON
    lead = f"{rule.sign} (about you):"
    assert lead in pdf.lower()
    note = pdf[pdf.lower().index(lead) :]
    guideline = note[note.index("(Guideline: ") + len("(Guideline: ") :]
    # The citation ends where the note does: the next sign's lead, or the end of the box.
    return Said(urgency, words.removeprefix("see a doctor ") if urgency is Urgency.SOON else "", guideline)


def _fhir(bundle: dict[str, Any], rule: Rule) -> Said:
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(bundle)
    (resource,) = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["code"].get("text", "").lower() == rule.sign and "note" in e["resource"]
    ]
    first, second = (n["text"] for n in resource["note"])
    urgency = Urgency.URGENT if "seeking medical care now" in first else Urgency.SOON
    found = re.search(r"seeing a doctor soon \((.+)\)\.$", first)
    when = "" if found is None else found.group(1)
    assert second.startswith(f"{HEADING}: ")
    return Said(urgency, when, second.split(" Guideline: ", 1)[1].removesuffix("."))


def _reports(path: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, dict[str, Any], str, dict[str, Any]]:
    """``summary``, ``summary --json``, the text of ``export FILE.pdf`` and ``export FILE.json``, for DAY."""
    from journal.cli import main

    period = ["--db", str(path), "--from", DAY.isoformat(), "--to", DAY.isoformat()]
    capsys.readouterr()
    assert main(["summary", *period]) == 0
    text = capsys.readouterr().out
    assert main(["summary", "--json", *period]) == 0
    summary: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert main(["export", str(folder / "report.pdf"), *period]) == 0
    assert main(["export", str(folder / "report.json"), *period]) == 0
    capsys.readouterr()
    bundle: dict[str, Any] = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return text, summary, _pdf_text(folder / "report.pdf"), bundle


def _no_file_names(*texts: str) -> None:
    """Where a person reads it, a guideline is named by its title: never a document's file name or a source id."""
    for text in texts:
        for key in works():
            assert key not in text


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["new", "old"])
@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_every_output_states_the_rule_alike(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, rule: Rule
) -> None:
    path = _journal(kind, tmp_path)
    journal = Journal.open(path, before_upgrade=skip_backup)
    try:
        journal.import_days([DayEntry(date=DAY, back_pain=6, symptoms=rule.symptoms)])
        save_about_you(journal, dataclasses.replace(rule.about, include_in_report=True), DAY)
    finally:
        journal.close()
    text, summary, pdf, bundle = _reports(path, tmp_path, capsys)
    window = _window(qtbot, path, rule)

    expected = Said(rule.urgency, rule.when, citation(rule.source))
    said = {
        "window": window,
        "summary": _text(text, rule),
        "summary --json": _json(summary, rule),
        "PDF": _pdf(pdf, rule),
        "FHIR": _fhir(bundle, rule),
    }
    for where, what in said.items():
        # The PDF's note runs on to the end of the box: its citation must begin with the guideline's.
        if where == "PDF":
            assert what.guideline.startswith(expected.guideline), f"{where}: {what} != {expected}"
            what = Said(what.urgency, what.when, expected.guideline)
        assert what == expected, f"{where} says {what}, the rule says {expected}"
        assert work_for(rule.source).title in what.guideline
    _no_file_names(text, pdf, window.guideline, *(n["text"] for e in bundle["entry"] for n in e["resource"].get("note", [])))


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["new", "old"])
def test_without_include_in_my_report_no_output_tells_the_reason(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    rule = RULES[6]  # cancer history: night pain with leg weakness is urgent
    path = _journal(kind, tmp_path)
    journal = Journal.open(path, before_upgrade=skip_backup)
    try:
        journal.import_days([DayEntry(date=DAY, back_pain=6, symptoms=rule.symptoms)])
        save_about_you(journal, rule.about, DAY)
    finally:
        journal.close()
    title = work_for(rule.source).title
    text, summary, pdf, bundle = _reports(path, tmp_path, capsys)
    fhir = json.dumps(bundle)
    # The urgency still follows the answers everywhere; only the person's own screen names the guideline.
    assert f"  {rule.sign} (seek medical care now)" in text
    assert f"{rule.sign} (urgent)" in pdf
    assert [(s["urgency"], s["reason"], s["guideline"]) for s in summary["changed_signs"]["signs"]] == [("urgent", None, None)]
    assert summary["changed_signs"]["note"] == NOT_SHARED
    assert "seeking medical care now" in fhir
    for output in (text, pdf, json.dumps(summary), fhir):
        assert title not in output and "history of cancer" not in output
        assert " ".join(NOT_SHARED.split()) in " ".join(output.split())
    assert title in _window(qtbot, path, rule).guideline


def test_the_about_you_dialog_names_every_rules_guideline_once_by_title() -> None:
    from journal.ui.about_you_dialog import SOURCES

    for source in rules.RULE_SOURCES:
        title = work_for(source).title
        assert SOURCES.count(title) == 1, title
        assert (source.part or source.section) in SOURCES
    _no_file_names(SOURCES)


def test_the_cards_give_the_rules_time_frames_and_cite_their_guidelines() -> None:
    """The "When to see a doctor" card a "soon" day shows says what each rule says, citing the rule's guideline."""
    from journal.core.guidance import load_library

    library = load_library()
    card = library.by_id("when-to-see-a-doctor")
    text = " ".join((card.summary, *card.points))
    for source in rules.RULE_SOURCES:
        assert source in card.sources, source
    assert "Go now for a fever or chills with back pain if your immune system is weakened" in text
    assert "If you have had cancer, see your doctor within a few days for pain at night, weight loss or upper-back pain" in text
    assert "Go now if one of them comes with leg weakness, numbness or bladder changes" in text
    assert "today if you have osteoporosis or take steroid tablets long-term" in text
    assert (
        "over 50 when this spell of back pain began, see your doctor within a few days for pain at night or weight loss" in text
    )
    upper = " ".join(library.by_id("upper-back-pain").points)
    # With a history of cancer the warning says "within a few days" (NICE NG234); the card must not say otherwise.
    assert "If you have ever had cancer, see your doctor within a few days" in upper
    assert "had cancer" not in upper.split("within a few days")[1]


def test_fhir_gives_each_day_the_urgency_and_time_frame_the_json_gives_it() -> None:
    """A sign "soon" on one day and urgent on another (with a nerve sign) is told so on each day, not urgent on both."""
    from journal.formats import report_data

    days = [
        DayEntry(date=DAY, back_pain=5, symptoms=(NIGHT,)),
        DayEntry(date=DAY + dt.timedelta(days=1), back_pain=5, symptoms=(NIGHT, "leg weakness")),
    ]
    data = report_data(days, DAY, DAY + dt.timedelta(days=1), about=AboutYou(cancer_history=True, include_in_report=True))
    flags = {(f["date"], f["urgency"], f["when"]) for f in summary_to_json(data.summary)["red_flags"] if f["symptom"] == NIGHT}
    assert flags == {(DAY.isoformat(), "soon", rules.SOONER), ((DAY + dt.timedelta(days=1)).isoformat(), "urgent", "")}
    notes = {
        e["resource"]["effectiveDateTime"]: [n["text"] for n in e["resource"]["note"]]
        for e in fhir_bundle(data)["entry"]
        if e["resource"]["code"].get("text") == NIGHT
    }
    assert notes[DAY.isoformat()][0].endswith(f"seeing a doctor soon ({rules.SOONER}).")
    assert citation(rules.CANCER) in notes[DAY.isoformat()][1]
    assert "seeking medical care now" in notes[(DAY + dt.timedelta(days=1)).isoformat()][0]
    assert citation(rules.CORD) in notes[(DAY + dt.timedelta(days=1)).isoformat()][1]


@pytest.mark.parametrize("age", [17, 56])
def test_the_age_rule_never_makes_the_fevers_own_time_frame_later(age: int) -> None:
    """Fever says "within a day or two" already: "within a few days" would be later, so it is kept, and not told as changed."""
    from journal.core.changed_signs import changed_signs
    from journal.core.redflags import red_flags_in

    usual = red_flags_in(DayEntry(date=DAY, back_pain=5, symptoms=(FEVER, NIGHT)))
    told = rules.apply(usual, AboutYou(birth_year=DAY.year - age), DAY)
    fever = {f.symptom: f for f in told}[FEVER]
    assert fever == {f.symptom: f for f in usual}[FEVER]
    assert fever.when.startswith("within a day or two")
    assert [c.symptom for c in changed_signs(told)] == [NIGHT]
    assert rules.sooner(rules.SOONER, "within a week") and not rules.sooner(rules.SOONER, fever.when)
