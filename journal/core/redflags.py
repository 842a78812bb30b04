"""Red flags: logged warning signs that need a clinician, and pain that has stayed severe.

The warning signs and their why-texts are the symptom catalog's
(``resources/catalog.toml``), following "When to See a Doctor" in the source
documents and, for the early signs they do not list, NICE CKS "Sciatica
(lumbar radiculopathy): red flags". Nothing here diagnoses or reassures: it
says what to do and why, in plain words, once.

:class:`RedFlag` is the one definition of a flagged symptom on a day; the
summary, the report, the command line and the window all use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from journal.core.catalog import (
    CatalogKind,
    Urgency,
    default_catalog,
    default_urgencies,
    name_key,
)
from journal.core.dates import day_words
from journal.core.day import DayEntry
from journal.core.sources import Source, citations

WHEN_TO_SEE_A_DOCTOR: Final = Source("000_32feb4238e8fab95.txt", "When to See a Doctor")

#: The first words of every urgent message.
EMERGENCY: Final = "Go to an emergency department now, or call your local emergency number. Do not wait for a call-back."
#: Said when every urgent sign was logged before today (or imported).
ALREADY_CHECKED: Final = "If a doctor has already checked this, you can close this message."
#: Said instead when some were logged today and some before.
EARLIER_CHECKED: Final = (
    "A doctor may already have checked what you logged on earlier days. What you logged today still needs care now."
)

_FALLBACK_WHY: Final = {
    Urgency.URGENT: "You marked this symptom as one that needs medical care straight away.",
    Urgency.SOON: "You marked this symptom as one to check with your doctor.",
}
_URGENCY_RANK: Final = {Urgency.URGENT: 0, Urgency.SOON: 1}
_URGENCY_WORDS: Final = {Urgency.URGENT: "seek medical care now", Urgency.SOON: "see your doctor soon"}
#: At most this many dates are written out for one symptom; the rest are counted.
MAX_DATES_LISTED: Final = 8


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A logged symptom that needs a clinician, soon or now, on one date."""

    date: dt.date
    symptom: str  # as logged, single-spaced
    urgency: Urgency
    why: str = ""  # one calm line, from catalog.toml (a plain fallback for own symptoms)
    sources: tuple[Source, ...] = ()
    when: str = ""  # for "soon": how soon to see a doctor (catalog.toml), e.g. "within a week"

    @property
    def source(self) -> str:
        """Where the warning sign comes from, as a patient reads it (never a file name)."""
        return citations(self.sources or (WHEN_TO_SEE_A_DOCTOR,))


#: How soon, for a "soon" symptom of the patient's own (the catalog's signs each have their own).
DEFAULT_WHEN: Final = "within a few days; sooner if it is getting worse"


@cache
def _catalog_details() -> dict[str, tuple[str, tuple[Source, ...], str]]:
    return {
        name_key(item.name): (item.why, item.sources, item.when) for item in default_catalog() if item.kind is CatalogKind.SYMPTOM
    }


def _table(urgencies: Mapping[str, Urgency | str] | None) -> dict[str, Urgency]:
    if urgencies is None:
        return default_urgencies()
    return {name_key(name): Urgency(urgency) for name, urgency in urgencies.items()}


def _flags_of(entry: DayEntry, table: Mapping[str, Urgency]) -> list[RedFlag]:
    details = _catalog_details()
    flags: list[RedFlag] = []
    seen: set[str] = set()
    for symptom in entry.symptoms:
        key = name_key(symptom)
        urgency = table.get(key, Urgency.NONE)
        if urgency not in _URGENCY_RANK or key in seen:
            continue
        seen.add(key)
        why, sources, when = details.get(key, ("", (), ""))
        flags.append(
            RedFlag(
                date=entry.date,
                symptom=" ".join(symptom.split()),
                urgency=urgency,
                why=why or _FALLBACK_WHY[urgency],
                sources=sources or (WHEN_TO_SEE_A_DOCTOR,),
                when=(when or DEFAULT_WHEN) if urgency is Urgency.SOON else "",
            )
        )
    flags.sort(key=lambda flag: _URGENCY_RANK[flag.urgency])
    return flags


def red_flags_in(entry: DayEntry, urgencies: Mapping[str, Urgency | str] | None = None) -> list[RedFlag]:
    """The day's symptoms whose urgency is ``urgent`` or ``soon``: urgent first, each once.

    ``urgencies`` maps symptom name → urgency, matched ignoring case; default
    :func:`journal.core.catalog.default_urgencies`. ``why`` and ``sources`` come
    from the built-in catalog, with a plain fallback for the user's own symptoms.
    """
    return _flags_of(entry, _table(urgencies))


def red_flags_of(entries: Iterable[DayEntry], urgencies: Mapping[str, Urgency | str] | None = None) -> list[RedFlag]:
    """Every red flag of many days, ordered by date, then urgent first, then name."""
    table = _table(urgencies)
    flags = [flag for entry in entries for flag in _flags_of(entry, table)]
    flags.sort(key=lambda f: (f.date, _URGENCY_RANK[f.urgency], name_key(f.symptom)))
    return flags


# --- messages ------------------------------------------------------------------------


def date_list(dates: Sequence[dt.date]) -> str:
    """``3 Dec 2025 and 14 Jan 2026``; long lists keep the first few and count the rest."""
    ordered = sorted(set(dates))
    words = [day_words(d) for d in ordered[:MAX_DATES_LISTED]]
    if len(ordered) > MAX_DATES_LISTED:
        rest = len(ordered) - MAX_DATES_LISTED
        words.append(f"{rest} more day{'' if rest == 1 else 's'} up to {day_words(ordered[-1])}")
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


@dataclass(frozen=True, slots=True)
class FlagGroup:
    """One symptom with every date it was flagged, for messages and reports."""

    symptom: str
    urgency: Urgency
    why: str
    sources: tuple[Source, ...]
    dates: tuple[dt.date, ...]  # ascending, each once
    when: str = ""  # for "soon": how soon to see a doctor


def grouped(flags: Iterable[RedFlag]) -> list[FlagGroup]:
    """One group per symptom (ignoring case): urgent first, then by first date, then name."""
    groups: dict[str, list[RedFlag]] = {}
    for flag in flags:
        groups.setdefault(name_key(flag.symptom), []).append(flag)
    result = []
    for same in groups.values():
        first = min(same, key=lambda f: f.date)
        urgency = min((f.urgency for f in same), key=lambda u: _URGENCY_RANK[u])
        dates = tuple(sorted({f.date for f in same}))
        when = first.when if urgency is Urgency.SOON else ""
        result.append(FlagGroup(first.symptom, urgency, first.why, first.sources, dates, when))
    result.sort(key=lambda g: (_URGENCY_RANK[g.urgency], g.dates[0], name_key(g.symptom)))
    return result


def urgency_words(urgency: Urgency, when: str = "") -> str:
    """``seek medical care now``, or ``see your doctor`` with the sign's time frame (``soon`` without one)."""
    if urgency is Urgency.SOON and when:
        return f"see your doctor {when}"
    return _URGENCY_WORDS[urgency]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _lines(groups: Sequence[FlagGroup], today: dt.date | None) -> tuple[list[str], bool]:
    """One bullet per symptom, dated when logged before ``today``; and whether any was."""
    lines = []
    past = False
    # What was logged today comes first; the groups keep their order otherwise.
    for group in sorted(groups, key=lambda g: today is None or g.dates[-1] < today):
        earlier = [d for d in group.dates if today is not None and d < today]
        now = len(earlier) < len(group.dates)
        if earlier:
            past = True
            when = f", today and on {date_list(earlier)}" if now else f", on {date_list(earlier)}"
        else:
            when = ""
        how_soon = f" See a doctor {_sentence(group.when)}" if group.when else ""
        lines.append(f"• {_capital(group.symptom)}{when}. {_sentence(group.why)}{how_soon}")
    return lines, past


def urgent_message(flags: Sequence[RedFlag], today: dt.date | None = None) -> str:
    """The message for urgent flags; "" if none is urgent.

    Emergency advice first; then each symptom once, with why it matters
    (said once even if logged on many days), today's first. Flags dated
    before ``today`` are told with their dates; when all of them are, the
    message ends by saying it can be closed if a doctor has already checked
    (:data:`ALREADY_CHECKED`), and when only some are, that today's still
    need care (:data:`EARLIER_CHECKED`). ``today`` None treats every flag as
    today's.
    """
    groups = [g for g in grouped(flags) if g.urgency is Urgency.URGENT]
    if not groups:
        return ""
    lines, past = _lines(groups, today)
    current = today is None or any(g.dates[-1] >= today for g in groups)
    parts = [EMERGENCY, "You logged:\n" + "\n".join(lines)]
    if current:
        parts.append("Please do not wait to see if it passes.")
        if past:
            parts.append(EARLIER_CHECKED)
    else:
        parts += ["If it is still happening, please do not wait to see if it passes.", ALREADY_CHECKED]
    return "\n\n".join(parts)


def soon_message(flags: Sequence[RedFlag], today: dt.date | None = None) -> str:
    """A plain message to see the doctor soon about "soon" flags; "" if none."""
    groups = [g for g in grouped(flags) if g.urgency is Urgency.SOON]
    if not groups:
        return ""
    lines, _past = _lines(groups, today)
    return (
        "Please contact your doctor soon (each sign says how soon) about:\n"
        + "\n".join(lines)
        + "\n\nIf it gets worse quickly, or you notice a warning sign that needs care "
        "now, get medical care straight away."
    )


# --- the six-weeks rule --------------------------------------------------------------

#: Six-weeks rule parameters (see :func:`persistent_severe_pain`).
WEEKS: Final = 6
SEVERE_MEAN: Final = 7
MIN_SPAN_DAYS: Final = 42
#: Logged days needed in the last 42 (pooled: weeks are not required to have 3 each).
MIN_LOGGED_DAYS: Final = 8
#: A calendar week in the window whose logged mean is below this breaks the spell.
MILD_WEEK_MEAN: Final = 5
#: Looking back from the first severe week, a gap longer than this ends the severe spell.
MAX_GAP_DAYS: Final = 7


@dataclass(frozen=True, slots=True)
class PersistentPain:
    """Pain that has stayed severe for six weeks (see :func:`persistent_severe_pain`)."""

    start: dt.date  # first day of the severe spell
    end: dt.date  # last logged day (on or before the day the rule was checked)
    pain: str  # "back pain", "leg pain", "back and leg pain" or "back or leg pain"
    severe_weeks: int  # calendar weeks in the window with a logged mean of 7 or more
    days: int  # from ``start`` to the day the rule was checked, counting both
    message: str
    sources: tuple[Source, ...] = (WHEN_TO_SEE_A_DOCTOR,)

    @property
    def source(self) -> str:
        return citations(self.sources)


def _monday(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.weekday())


def _how_long(days: int) -> str:
    weeks, rest = divmod(days, 7)
    text = f"{weeks} weeks"
    return text + (f" and {rest} day{'' if rest == 1 else 's'}" if rest else "")


def persistent_severe_pain(days: Sequence[DayEntry], today: dt.date) -> PersistentPain | None:
    """The six-weeks rule: has back or leg pain stayed severe for six weeks?

    Exact definition. Days after ``today`` are ignored; if a date appears more
    than once the last entry counts. A day's pain is the worse of its back and
    leg pain. All logged days of the last :data:`MIN_SPAN_DAYS` days (``today``
    and the 41 before it) are pooled, because people in severe pain log less
    and a rule that skipped sparse weeks missed them. The rule holds when:

    1. at least :data:`MIN_LOGGED_DAYS` of those days are logged;
    2. their mean pain is 7 or more (exactly 7 counts);
    3. no calendar week (Monday to Sunday) in the window has a logged mean
       below :data:`MILD_WEEK_MEAN`; and
    4. at least 42 days have passed from the start of the severe spell to
       ``today``, counting both. The spell starts on the first logged day of
       the window, or earlier: going back from there, every earlier logged day
       with pain of 7 or more extends it, until a logged day below 7 or a gap
       of more than 7 days.

    ``pain`` names back pain, leg pain or both when its own pooled mean is 7
    or more, else "back or leg pain". Returns which pain, since when, and a
    calm suggestion to book an appointment (citing "When to See a Doctor");
    or None.
    """
    by_date = {day.date: day for day in days if day.date <= today}
    if not by_date:
        return None
    first = today - dt.timedelta(days=MIN_SPAN_DAYS - 1)
    window = [by_date[d] for d in sorted(by_date) if d >= first]
    if len(window) < MIN_LOGGED_DAYS:
        return None
    if sum(day.pain for day in window) / len(window) < SEVERE_MEAN:
        return None
    weeks: dict[dt.date, list[int]] = {}
    for day in window:
        weeks.setdefault(_monday(day.date), []).append(day.pain)
    if any(sum(values) / len(values) < MILD_WEEK_MEAN for values in weeks.values()):
        return None
    start = window[0].date
    for date in sorted((d for d in by_date if d < start), reverse=True):
        if (start - date).days > MAX_GAP_DAYS or by_date[date].pain < SEVERE_MEAN:
            break
        start = date
    span = (today - start).days + 1
    if span < MIN_SPAN_DAYS:
        return None
    backs = [day.back_pain for day in window]
    legs = [day.leg_pain for day in window if day.leg_pain is not None]
    back_severe = sum(backs) / len(backs) >= SEVERE_MEAN
    leg_severe = bool(legs) and sum(legs) / len(legs) >= SEVERE_MEAN
    pain = (
        "back and leg pain"
        if back_severe and leg_severe
        else "back pain"
        if back_severe
        else "leg pain"
        if leg_severe
        else "back or leg pain"
    )
    severe_weeks = sum(1 for values in weeks.values() if sum(values) / len(values) >= SEVERE_MEAN)
    message = (
        f"Your {pain} has been severe for {_how_long(span)}, since {day_words(start)}: "
        f"it averaged 7 or more out of 10 over the {len(window)} days you logged in the last six weeks. "
        "Severe pain that has not got better with usual care for more than six weeks is a "
        "reason to see a doctor. Please book an appointment with your doctor, and bring "
        "your journal so you can look at it together."
    )
    return PersistentPain(start, window[-1].date, pain, severe_weeks, span, message)


__all__ = [
    "ALREADY_CHECKED",
    "EARLIER_CHECKED",
    "EMERGENCY",
    "FlagGroup",
    "PersistentPain",
    "RedFlag",
    "date_list",
    "grouped",
    "persistent_severe_pain",
    "red_flags_in",
    "red_flags_of",
    "soon_message",
    "urgent_message",
]
