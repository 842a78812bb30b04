"""The short first screen of the insights: what is worth discussing first, then a few lines.

Before "Details" the panel shows only what a patient would raise at a visit:
warning signs, the clear comparisons and six weeks of severe pain, one line
for every comparison that is not clear, the direction of the pain, one line
each for leg pain and flares, and the cautions. Everything else (weeks, PEG,
sleep and where it hurts, flares by month, what helped, pacing, treatments)
follows the Details link, so 90 days of the sample journal read in about
200 words (``tests/test_insights_length.py`` holds it to
:data:`MAX_WORDS_BEFORE_DETAILS`).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Final

from journal.core import flares, insights
from journal.core.summary_lines import unclear_names
from journal.core.words import one_decimal, plural

if TYPE_CHECKING:
    from journal.core.summary import Summary
    from journal.core.trigger_model import MeasureAssociation, TriggerImpact

MAX_WORDS_BEFORE_DETAILS: Final = 250
CLEAR: Final = ("higher", "lower")
SHORT_CAVEAT: Final = "These are associations, not proof that one thing causes another: leads to discuss with your clinician."


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _first(s: "Summary") -> list[str]:
    """Clear comparisons and six weeks of severe pain, with one line for the rest."""
    compared: list["TriggerImpact | MeasureAssociation"] = [
        *(t for t in s.triggers if t.difference is not None),
        *(m for m in s.measure_associations if m.difference is not None),
    ]
    items = [f"<li>{_e(i.sentence)}</li>" for i in compared if i.verdict in CLEAR]
    if s.six_weeks is not None:
        items.insert(0, f"<li><b>{_e(s.six_weeks.message)}</b></li>")
    body = [f"<ul>{''.join(items)}</ul>"] if items else []
    unclear = unclear_names(compared)
    if unclear:
        body.append(f"<p>No clear pattern yet for {_e(', '.join(unclear))}.</p>")
    too_few = sorted(
        {t.name for t in s.triggers if t.difference is None and t.lag_days == 0 and not t.together}, key=str.casefold
    )
    if too_few:
        body.append(f"<p>Too few days to compare yet: {_e(', '.join(too_few))}.</p>")
    # a measure with too few days says why in its own sentence (breaks: how many days are needed)
    body += [
        f"<p>{_e(m.sentence)}</p>"
        for m in s.measure_associations
        if m.difference is None and m.verdict != insights.VERDICT_TOGETHER
    ]
    if items:
        body.append(f"<p class='caveat'>{_e(SHORT_CAVEAT)}</p>")
    return ["<h3>Worth discussing first</h3>", *body] if body else []


def _flare_line(s: "Summary") -> str:
    f = s.flares
    if f.judged_days == 0:
        return ""
    parts = [f"{plural(len(f.days), 'flare day')} in {plural(len(f.episodes), 'episode')}" if f.days else "no flares"]
    if f.bad_days:
        parts.append(plural(len(f.bad_days), "single bad day"))
    if f.severe_days:
        parts.append(f"{plural(len(f.severe_days), 'severe day')} ({flares.SEVERE_BACK_PAIN} or more)")
    unlogged = sum(e.unlogged_days for e in f.episodes)
    line = "Flares: " + ", ".join(parts) + "."
    if unlogged:
        line += f" {plural(unlogged, 'day')} not logged during a flare."
    return f"<p>{_e(line)}</p>"


def _pain(s: "Summary") -> list[str]:
    b = s.back_pain
    line = f"Back pain averaged {one_decimal(b.mean)}"
    if b.start_avg is not None and b.end_avg is not None:
        line += f" (7-day average {one_decimal(b.start_avg)} at the start, {one_decimal(b.end_avg)} at the end)"
    body = [f"<p><b>{_e(s.trend.sentence)}</b></p>", f"<p>{_e(line)}.</p>"]
    leg = s.leg_pain
    if leg.days:
        text = f"Leg pain averaged {one_decimal(leg.mean)} on {plural(leg.days, 'day')}"
        if leg.flares is not None and leg.flares.severe_days:
            text += f", {plural(len(leg.flares.severe_days), 'severe day')}"
        body.append(f"<p>{_e(text)}.</p>")
    flare = _flare_line(s)
    if flare:
        body.append(flare)
    return ["<h3>Your pain</h3>", *body]


def lead_html(s: "Summary") -> list[str]:
    """The HTML parts shown before the Details link (warning signs come before them)."""
    cautions = [f"<p>{_e(c.sentence)}</p>" for c in s.cautions]
    return [*_first(s), *_pain(s), *(["<h3>Read with care</h3>", *cautions] if cautions else [])]
