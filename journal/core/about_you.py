"""About you: the few facts that change what a warning sign means.

Optional, asked once, changeable, stored in the journal's settings; shared in a
report only if the person ticks "include in my report". The rules follow the
clinical red-flag lists, each cited:

* a weakened immune system, injecting drugs, or a spinal operation or
  injection in the last few months: fever or chills with back pain is urgent
  (same day), as a spinal infection is more likely (NICE CKS low back pain,
  red flags: suspected spinal infection);
* a history of cancer: new or worsening back pain at night, unexplained weight
  loss or upper-back pain is "see a doctor within a few days", and any of them
  together with leg weakness, numbness or bladder symptoms is urgent (NICE
  NG234: spinal metastases and metastatic spinal cord compression);
* osteoporosis or long-term steroid tablets: sudden severe back pain after a
  cough, lift or minor strain is "see a doctor today" (NICE CKS low back pain,
  red flags: suspected osteoporotic vertebral fracture);
* age under 20 or over 50 at the start of the episode: night pain, weight
  loss and fever come sooner (within a few days) (NICE CKS low back pain,
  red flags: age under 20 or over 50; the age is taken when the episode of
  back pain began, since the red flag is about new back pain at that age).

A rule never makes a sign later: a "soon" sign whose own time frame is
already sooner than the rule's (fever: "within a day or two") keeps it, and is
not told as changed (:func:`sooner`).

The episode a day belongs to starts on the first logged day after at least
:data:`EPISODE_GAP_DAYS` (30) days with nothing logged, or on the journal's
first logged day (:func:`episode_start`). The month comes from the research
definition of an episode of low back pain: a period of pain preceded and
followed by at least one month without low back pain (de Vet HCW et al.,
"Episodes of low back pain: a proposal for uniform definitions to be used in
research", Spine 2002;27(21):2409-16). Only unlogged days count as
the month without pain: the window knows which days are logged without
reading the file, and a journal is kept while the back hurts, so a long run
of logged days, painful or not, is one episode.

Nothing here diagnoses: a changed sign says what to do, and why, in the same
voice as the catalog's.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from journal.core.catalog import Urgency, name_key
from journal.core.errors import ValidationError
from journal.core.redflags import RedFlag
from journal.core.sources import Source

#: Settings keys (the journal's ``setting`` table), one per answer.
KEYS: Final = {
    "cancer_history": "about_you.cancer_history",
    "weak_immunity": "about_you.weak_immunity",
    "injects_drugs": "about_you.injects_drugs",
    "osteoporosis_or_steroids": "about_you.osteoporosis_or_steroids",
    "recent_spinal_procedure": "about_you.recent_spinal_procedure",
    "birth_year": "about_you.birth_year",
    "include_in_report": "about_you.include_in_report",
}

INFECTION: Final = Source("nice-cks-low-back-pain", "Red flags", "suspected spinal infection")
CANCER: Final = Source("nice-ng234", "Recognising spinal metastases")
CORD: Final = Source("nice-ng234", "Recognising metastatic spinal cord compression")
FRACTURE: Final = Source("nice-cks-low-back-pain", "Red flags", "suspected osteoporotic vertebral fracture")
AGE: Final = Source("nice-cks-low-back-pain", "Red flags", "age under 20 or over 50")

FEVER: Final = "fever or chills with back pain"
CANCER_SIGNS: Final = frozenset(
    {"pain at night that rest does not ease", "unexplained weight loss", "pain in the upper back or between the shoulder blades"}
)
NERVE_SIGNS: Final = frozenset(
    {
        "leg weakness",
        "numbness or tingling in legs",
        "trouble passing or controlling urine",
        "not feeling when the bladder or bowel is full",
        "loss of bladder or bowel control",
    }
)
AGE_SIGNS: Final = frozenset({"pain at night that rest does not ease", "unexplained weight loss", FEVER})
SOONER: Final = "within a few days"
#: Days with nothing logged that end an episode (de Vet et al. 2002: at least one month without low back pain).
EPISODE_GAP_DAYS: Final = 30
STRAIN: Final = "sudden severe back pain after a cough, lift or minor strain"
TODAY: Final = "today"
#: Warning signs offered only to a person whose About-you answer says so (name key -> answer).
#: They stay in the catalog for everyone; a day that has one marked always shows it.
OFFERED_WITH: Final = {STRAIN: "osteoporosis_or_steroids"}
SAME_DAY: Final = (
    "Back pain with a fever or chills can come from an infection; "
    "with what you told the journal about yourself, it needs checking the same day, not in a day or two."
)
#: Said when the age at the start of the episode brings a sign forward (the age itself is not repeated).
AGE_REASON: Final = "At the age you were when this spell of back pain began, this is checked sooner."
#: Every guideline the rules cite, in the order of the questions (for the About-you dialog).
RULE_SOURCES: Final = (INFECTION, CANCER, CORD, FRACTURE, AGE)


#: The time frames the catalog and the rules use, soonest first (compared by their words before any ";").
TIME_FRAMES: Final = ("today", "within a day or two", "within a few days", "within a week")


def sooner(new: str, old: str) -> bool:
    """Whether time frame ``new`` is sooner than ``old`` (an unknown or missing ``old`` counts as later)."""
    rank = {words: at for at, words in enumerate(TIME_FRAMES)}
    head = old.split(";")[0].strip()
    return rank.get(new, len(TIME_FRAMES)) < rank.get(head, len(TIME_FRAMES))


@dataclass(frozen=True, slots=True)
class AboutYou:
    """The answers; every one optional (False / None: not said)."""

    cancer_history: bool = False
    weak_immunity: bool = False  # chemotherapy, long-term steroids or other immune-suppressing medicine, HIV, a transplant
    injects_drugs: bool = False
    osteoporosis_or_steroids: bool = False
    recent_spinal_procedure: bool = False  # an operation or injection in the last few months
    birth_year: int | None = None
    include_in_report: bool = False

    def age(self, today: dt.date) -> int | None:
        return None if self.birth_year is None else today.year - self.birth_year

    def to_settings(self) -> dict[str, str]:
        values = {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}
        return {
            KEYS[name]: (
                ""
                if value is None
                else str(value)
                if isinstance(value, int) and not isinstance(value, bool)
                else "1"
                if value
                else "0"
            )
            for name, value in values.items()
        }


def not_offered(about: AboutYou | None) -> frozenset[str]:
    """Name keys of the warning signs not offered to this person (see :data:`OFFERED_WITH`)."""
    return frozenset(key for key, answer in OFFERED_WITH.items() if about is None or not getattr(about, answer))


def check_birth_year(year: int | None, today: dt.date) -> None:
    """A clear error for a year of birth no one living could have."""
    if year is not None and not (today.year - 120 <= year <= today.year):
        raise ValidationError([("birth_year", f"Year of birth must be between {today.year - 120} and {today.year}.")])


def from_settings(settings: Mapping[str, str | None], today: dt.date) -> AboutYou:
    """The stored answers (missing ones: not said)."""
    year_text = (settings.get(KEYS["birth_year"]) or "").strip()
    year = int(year_text) if year_text.isdigit() else None
    check_birth_year(year, today)
    flags = {name: settings.get(key) == "1" for name, key in KEYS.items() if name != "birth_year"}
    return AboutYou(birth_year=year, **flags)


def _changed(flag: RedFlag, urgency: Urgency, why: str, source: Source, when: str = "") -> RedFlag:
    """``flag`` with this person's urgency; a sign that becomes urgent says only the new reason (never "soon" and "now")."""
    said = why if urgency is not flag.urgency else f"{flag.why} {why}".strip()
    return dataclasses.replace(flag, urgency=urgency, why=said, sources=(source, *flag.sources), when=when)


def episode_start(on: dt.date, logged: Collection[dt.date]) -> dt.date:
    """The first day of the episode ``on`` belongs to (see the module notes).

    Walking back from ``on`` through the logged days, the episode starts at the
    first logged day that has at least :data:`EPISODE_GAP_DAYS` unlogged days
    before it, or at the first logged day of all. ``on`` counts as logged
    (a sign is marked on a logged day; a text screened today is today's).
    """
    earlier = sorted(d for d in logged if d < on)
    start = on
    for at in range(len(earlier) - 1, -1, -1):
        if (start - earlier[at]).days - 1 >= EPISODE_GAP_DAYS:
            break
        start = earlier[at]
    return start


def episode_starts(logged: Collection[dt.date]) -> dict[dt.date, dt.date]:
    """:func:`episode_start` of every day in ``logged`` at once (in one pass over them, in date order)."""
    starts: dict[dt.date, dt.date] = {}
    previous: dt.date | None = None
    for day in sorted(set(logged)):
        if previous is None or (day - previous).days - 1 >= EPISODE_GAP_DAYS:
            starts[day] = day
        else:
            starts[day] = starts[previous]
        previous = day
    return starts


def apply(flags: Sequence[RedFlag], about: AboutYou, today: dt.date, started: dt.date | None = None) -> list[RedFlag]:
    """``flags`` as they mean for this person (see the module): urgency, time frame and reason.

    ``started``: the first day of the episode (:func:`episode_start`); the age
    rule takes the age then. Without it, the age on ``today``.
    """
    keys = {name_key(f.symptom) for f in flags}
    age = about.age(today if started is None else started)
    out = []
    for flag in flags:
        key = name_key(flag.symptom)
        if key == FEVER and (about.weak_immunity or about.injects_drugs or about.recent_spinal_procedure):
            flag = _changed(
                flag,
                Urgency.URGENT,
                SAME_DAY,
                INFECTION,
            )
        elif key == STRAIN and about.osteoporosis_or_steroids and flag.urgency is Urgency.SOON and sooner(TODAY, flag.when):
            flag = _changed(
                flag,
                Urgency.SOON,
                "You told the journal about osteoporosis or long-term steroid tablets, so this is checked sooner.",
                FRACTURE,
                TODAY,
            )
        elif key in CANCER_SIGNS and about.cancer_history:
            if keys & NERVE_SIGNS:
                flag = _changed(
                    flag,
                    Urgency.URGENT,
                    "With a history of cancer, this together with weakness, numbness or bladder changes needs checking now.",
                    CORD,
                )
            elif flag.urgency is Urgency.SOON and sooner(SOONER, flag.when):
                flag = _changed(
                    flag,
                    Urgency.SOON,
                    "You told the journal about a history of cancer, so this is checked sooner.",
                    CANCER,
                    SOONER,
                )
        elif (
            key in AGE_SIGNS
            and age is not None
            and (age < 20 or age > 50)
            and flag.urgency is Urgency.SOON
            and sooner(SOONER, flag.when)
        ):
            flag = _changed(flag, Urgency.SOON, AGE_REASON, AGE, SOONER)
        out.append(flag)
    return out


def apply_by_day(flags: Sequence[RedFlag], about: AboutYou | None, logged: Collection[dt.date] | None = None) -> list[RedFlag]:
    """:func:`apply` to the flags of many days, each day on its own (signs count together only on one day).

    The age is the one at the start of each flag's episode, found among the
    journal's ``logged`` days (:func:`episode_start`; without them, among the
    flags' own dates). The order stays that of
    :func:`journal.core.redflags.red_flags_of`: by date, urgent first, then name.
    """
    if about is None or dataclasses.replace(about, include_in_report=False) == AboutYou():
        return list(flags)
    by_date: dict[dt.date, list[RedFlag]] = {}
    for flag in flags:
        by_date.setdefault(flag.date, []).append(flag)
    starts = episode_starts(by_date.keys() if logged is None else {*logged, *by_date})
    out = [changed for date, day in by_date.items() for changed in apply(day, about, date, starts[date])]
    out.sort(key=lambda f: (f.date, f.urgency is not Urgency.URGENT, name_key(f.symptom)))
    return out


#: How each answer reads in a report (only the "yes" answers are listed).
REPORT_LABELS: Final = {
    "cancer_history": "History of cancer",
    "weak_immunity": "Weakened immune system",
    "injects_drugs": "Injects drugs",
    "osteoporosis_or_steroids": "Osteoporosis or long-term steroid tablets",
    "recent_spinal_procedure": "Spinal operation or injection in the last few months",
}
REPORT_TITLE: Final = "About the patient (as they told the journal)"


def shared(about: AboutYou | None) -> AboutYou | None:
    """``about`` if the person ticked "include in my report" (and said anything), else None."""
    if about is None or not about.include_in_report or report_lines(about) == []:
        return None
    return about


def report_lines(about: AboutYou) -> list[str]:
    """The answers as a doctor reads them: each "yes", then the year of birth if given."""
    lines = [label for name, label in REPORT_LABELS.items() if getattr(about, name)]
    if about.birth_year is not None:
        lines.append(f"Year of birth: {about.birth_year}")
    return lines


def report_json(about: AboutYou) -> dict[str, bool | int | None]:
    """The answers for the summary JSON (``include_in_report`` is implied: it was ticked)."""
    return {**{name: bool(getattr(about, name)) for name in REPORT_LABELS}, "birth_year": about.birth_year}
