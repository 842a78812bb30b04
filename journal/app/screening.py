"""What the typed-text screening would suggest for a text, for the window and the command line.

The screening rules are :mod:`journal.core.screening`; this adds each sign's
urgency and its one-line reason from the built-in catalog, so a clinician can
check the word lists against their own (``pain-journal screen``) and the
"Did you mean …?" question can say why the sign matters.

Given what a person said about themselves (:class:`journal.core.about_you.AboutYou`,
from a journal or from the command line's ``--about``/``--age``), the
suggestions are what the window would ask that person: a sign offered only
with an answer (the strain sign, with osteoporosis or steroids) is left out
without it, and each sign's urgency, time frame, reason and guideline are
those the About-you rules give, as if the text's signs were marked on one day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from journal.core import clock
from journal.core.about_you import AboutYou, apply, check_birth_year, episode_start, not_offered
from journal.core.catalog import CatalogKind, Urgency, default_catalog, name_key
from journal.core.changed_signs import changed_signs
from journal.core.day import DayEntry
from journal.core.errors import UserError, ValidationError
from journal.core.redflags import red_flags_in
from journal.core.screening import suggested_signs
from journal.core.validation import MAX_NOTES_LENGTH

#: ``--about`` words and the answers they stand for (several words for one answer).
ABOUT_WORDS: dict[str, str] = {
    "cancer": "cancer_history",
    "immune": "weak_immunity",
    "immunity": "weak_immunity",
    "chemotherapy": "weak_immunity",
    "drugs": "injects_drugs",
    "injecting-drugs": "injects_drugs",
    "osteoporosis": "osteoporosis_or_steroids",
    "steroids": "osteoporosis_or_steroids",
    "spinal-procedure": "recent_spinal_procedure",
    "procedure": "recent_spinal_procedure",
}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A warning sign the words may describe."""

    symptom: str  # the catalog's exact name
    urgency: Urgency
    why: str  # one calm line from the catalog (with the About-you reason when an answer changes the sign)
    when: str = ""  # for "soon": how soon to see a doctor
    guideline: str = ""  # when an About-you answer changed the sign: the guideline that says so (readable title)


class TextRefused(UserError):
    """The text cannot be screened (nothing was looked at)."""


def why_of(sign: str) -> str:
    """The catalog's one-line reason for ``sign`` ("" for a name the catalog does not hold)."""
    key = name_key(sign)
    return next((item.why for item in default_catalog() if item.kind is CatalogKind.SYMPTOM and name_key(item.name) == key), "")


def about_from_words(words: Iterable[str], age: int | None, today: dt.date, base: AboutYou | None = None) -> AboutYou:
    """``base`` (or no answers) with the answers ``words`` name and, if given, the age as a year of birth.

    Raises :class:`UserError` naming an unknown word or an impossible age; nothing else is looked at.
    """
    about = base or AboutYou()
    answers: dict[str, bool] = {}
    for raw in words:
        word = raw.strip().casefold().replace("_", "-").replace(" ", "-")
        if not word:
            continue
        if word not in ABOUT_WORDS:
            known = ", ".join(sorted(ABOUT_WORDS))
            raise UserError(f"{raw.strip()!r} is not an About-you answer; use any of: {known}.")
        answers[ABOUT_WORDS[word]] = True
    year = about.birth_year
    if age is not None:
        year = today.year - age
        try:
            check_birth_year(year, today)
        except ValidationError:
            raise UserError(f"An age of {age} is not possible; give a whole number from 0 to 120.") from None
    return dataclasses.replace(about, birth_year=year, **answers)


def screen_text(
    text: str, about: AboutYou | None = None, today: dt.date | None = None, logged: Collection[dt.date] = ()
) -> list[Suggestion]:
    """The warning signs ``text`` may describe, urgent first, then in the word list's order.

    ``about`` (what the person said about themselves) makes the suggestions
    those the window would ask that person on ``today``: signs offered only
    with an answer are left out without it, and the About-you rules set each
    sign's urgency, time frame and reason (its guideline first), the age
    rule taking the age when the episode began among the journal's
    ``logged`` dates (:func:`journal.core.about_you.episode_start`). Without
    ``about`` every sign is suggested as the catalog has it.

    Raises :class:`TextRefused` for a text that is empty or longer than a note may be.
    """
    if not text.strip():
        raise TextRefused("There is no text to screen.")
    if len(text) > MAX_NOTES_LENGTH:
        raise TextRefused(f"The text is longer than a note may be ({MAX_NOTES_LENGTH:,} characters).")
    signs = suggested_signs(text)
    if about is not None:
        hidden = not_offered(about)
        signs = [sign for sign in signs if name_key(sign) not in hidden]
    day = clock.today() if today is None else today  # only the age depends on it
    flags = red_flags_in(DayEntry(date=day, back_pain=0, symptoms=tuple(signs)))
    if about is not None:
        flags = apply(flags, about, day, episode_start(day, logged))
    by_name = {name_key(flag.symptom): flag for flag in flags}
    guidelines = {name_key(c.symptom): c.guideline for c in changed_signs(flags)}
    found = [
        Suggestion(sign, flag.urgency, flag.why, flag.when, guidelines.get(name_key(sign), ""))
        for sign in signs
        if (flag := by_name.get(name_key(sign))) is not None
    ]
    return sorted(found, key=lambda s: s.urgency is not Urgency.URGENT)
