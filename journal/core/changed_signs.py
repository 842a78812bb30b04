"""Warning signs whose meaning changed for this person, with the reason and the guideline.

:func:`journal.core.about_you.apply` changes a sign's urgency or time frame
from what the person said about themselves, adds the reason to the sign's
one-line why and puts the guideline that says so first among its sources.
The window shows that reason and guideline with the sign; the summary text
and the PDF show the new urgency beside the sign and, through
:func:`changed_sign_lines`, the reason and the guideline's readable title
below the list of signs. A sign the catalog's own words describe is not
listed: only what an About-you answer changed. The reasons name the answer
("a history of cancer"), so a report shows them only when the person ticked
"include in my report"; otherwise one line says that the urgency follows what
they told the journal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Final

from journal.core.catalog import CatalogKind, Urgency, default_catalog, name_key
from journal.core.redflags import RedFlag
from journal.core.sources import Source, citation, work_for

#: The heading of the lines in the summary text and the PDF.
HEADING: Final = "Changed by what the patient told the journal (About you)"
#: Said instead when the person did not tick "include in my report": the reasons would tell what they said.
NOT_SHARED: Final = (
    "The urgency of some signs follows what the patient told the journal about themselves, "
    "which they chose not to include in this report."
)


@dataclass(frozen=True, slots=True)
class ChangedSign:
    """A sign an About-you answer changed: the reason (only the added words) and the guideline."""

    symptom: str
    urgency: Urgency
    when: str  # for "soon": the new time frame
    reason: str
    guideline: str  # the guideline's readable title and section (never a file name)
    dates: tuple[dt.date, ...]
    source: Source  # the guideline cited (its id is sources.toml's, for machines; never shown to patients)

    @property
    def title(self) -> str:
        """The guideline's readable title alone (as sources.toml has it)."""
        return work_for(self.source).title


@cache
def _catalog() -> dict[str, tuple[str, tuple[Source, ...]]]:
    return {name_key(i.name): (i.why, i.sources) for i in default_catalog() if i.kind is CatalogKind.SYMPTOM}


def _reason(flag: RedFlag, catalog_why: str) -> str:
    """The words the About-you rule added (a sign that became urgent says only the new reason)."""
    return flag.why.removeprefix(catalog_why).strip() if catalog_why else flag.why.strip()


def changed_signs(flags: Iterable[RedFlag]) -> list[ChangedSign]:
    """The signs among ``flags`` an About-you answer changed, urgent first, then by first date.

    A change is told by its words and its source: the About-you rules add
    their reason to the catalog's and put their guideline first. The same sign changed in the same way on
    many days is one item with all its dates.
    """
    found: dict[tuple[str, str, Source], list[RedFlag]] = {}
    for flag in flags:
        why, sources = _catalog().get(name_key(flag.symptom), ("", ()))
        if not why or not flag.sources or (flag.why.strip() == why.strip() and flag.sources[0] in sources):
            continue
        key = (name_key(flag.symptom), _reason(flag, why), flag.sources[0])
        found.setdefault(key, []).append(flag)
    items = []
    for (_, reason, source), same in found.items():
        urgent = [f for f in same if f.urgency is Urgency.URGENT]
        first = min(urgent or same, key=lambda f: f.date)
        dates = tuple(sorted({f.date for f in same}))
        items.append(ChangedSign(first.symptom, first.urgency, first.when, reason, citation(source), dates, source))
    items.sort(key=lambda c: (c.urgency is not Urgency.URGENT, c.dates[0], name_key(c.symptom)))
    return items


def changed_on(flags: Iterable[RedFlag]) -> dict[tuple[dt.date, str], ChangedSign]:
    """:func:`changed_signs` by (date, sign's name key): what changed each flag of one day."""
    return {(day, name_key(item.symptom)): item for item in changed_signs(flags) for day in item.dates}


def changed_sign_lines(flags: Iterable[RedFlag], shared: bool) -> list[str]:
    """Plain lines for a report: the heading, then per changed sign its reason and its guideline ([] if none).

    ``shared``: whether the person ticked "include in my report". If not,
    the reasons and guidelines (which would tell what they said) are left out,
    and one line says why the urgency differs.
    """
    items = changed_signs(flags)
    if not items:
        return []
    if not shared:
        return [f"  {NOT_SHARED}"]
    lines = [f"  {HEADING}:"]
    for item in items:
        lines.append(f"    {item.symptom}: {item.reason}")
        lines.append(f"      Guideline: {item.guideline}")
    return lines


def changed_sign_notes(flags: Iterable[RedFlag], shared: bool) -> list[tuple[str, str]]:
    """One (lead, plain sentence) per changed sign, for a page with little room (the PDF's first page).

    The lead is the sign's name, marked as changed by About you ("" before
    :data:`NOT_SHARED`); see :func:`changed_sign_lines` for ``shared``.
    """
    items = changed_signs(flags)
    if items and not shared:
        return [("", NOT_SHARED)]
    return [(f"{item.symptom} (About you):", f"{item.reason} (Guideline: {item.guideline})") for item in items]
