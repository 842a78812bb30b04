"""The patterns of a period in plain words, beside the charts.

:func:`insights_html` renders a :class:`journal.core.summary.Summary` (it
computes nothing itself) as the simple HTML a QTextBrowser shows; the panel
widget only displays it.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from journal.core import flares, insights
from journal.core.dates import month_words, short_month, weekday_words
from journal.core.sources import readable
from journal.core.summary_lines import daily_lines, leg_lines, unclear_names
from journal.core.trigger_model import MeasureAssociation, TriggerImpact
from journal.core.words import one_decimal, plural
from journal.ui.theme import current_colours, follow_theme
from journal.ui.trends.insights_lead import lead_html

if TYPE_CHECKING:
    from journal.core.summary import Summary

MONTHS_LISTED: Final = 12
#: The link that shows or hides the numbers behind the sentences.
DETAILS_ANCHOR: Final = "#details"
FLARE_DEFINITION: Final = flares.DEFINITION
PEG_DEFINITION: Final = (
    "The PEG score is the average of three 0–10 answers: your pain, how much it got in "
    "the way of enjoying life, and how much it got in the way of daily activity."
)
_URGENCY_WORDS: Final = {"urgent": "seek medical care now", "soon": "see your doctor soon"}


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _e(text: str) -> str:
    return html.escape(text, quote=False)


_num = one_decimal
_plural = plural


def _month(label: str) -> str:
    year, month = label.split("-")
    return month_words(dt.date(int(year), int(month), 1))


def _section(title: str, body: list[str]) -> list[str]:
    return [f"<h3>{_e(title)}</h3>", *body] if body else []


def _red_flags(s: "Summary") -> list[str]:
    """One line per symptom (most urgent first) with the days it was noted."""
    by_symptom: dict[tuple[int, str], list[dt.date]] = {}
    for flag in s.red_flags:
        rank = 0 if flag.urgency.value == "urgent" else 1
        by_symptom.setdefault((rank, flag.symptom), []).append(flag.date)
    items = []
    for (rank, symptom), dates in sorted(by_symptom.items(), key=lambda kv: (kv[0][0], kv[0][1].casefold())):
        words = _URGENCY_WORDS["urgent" if rank == 0 else "soon"]
        when = ", ".join(f"{d.day} {short_month(d)}" for d in dates[:6])
        if len(dates) > 6:
            when += f" and {len(dates) - 6} more days"
        items.append(f"<li><b>{_e(capitalised(symptom))}</b> ({words}): {when}</li>")
    if not items:
        return []
    return _section("Symptoms to raise with a doctor", [f"<ul>{''.join(items)}</ul>"])


def _through_the_day(s: "Summary", details: bool = False) -> list[str]:
    """Pain-now readings by part of the day: one line (nothing when there are no readings)."""
    pattern = s.through_the_day
    if pattern is None:
        return []
    rule = f"<p class='hint'>{_e(pattern.as_json()['rule'])}.</p>" if details else ""
    return [f"<p>{_e(pattern.sentence())}</p>{rule}"]


def _pain(s: "Summary", details: bool = False) -> list[str]:
    b = s.back_pain
    body = [f"<p><b>{_e(s.trend.sentence)}</b></p>"]
    if details and s.trend.details:
        body.append(f"<p class='hint'>{_e(s.trend.details)}</p>")
    body.append(f"<p>Back pain averaged {_num(b.mean)} (lowest {b.min}, highest {b.max}).")
    if b.start_avg is not None and b.end_avg is not None:
        body[-1] += f" The 7-day average was {_num(b.start_avg)} at the start and {_num(b.end_avg)} at the end."
    body[-1] += "</p>"
    best, worst = s.best_week, s.worst_week
    if best is not None and worst is not None and best == worst:
        body.append(
            f"<p>Only one week had 4 or more logged days: from {weekday_words(best.start)}, "
            f"back pain averaged {_num(best.mean_back_pain)}.</p>"
        )
    elif best is not None and worst is not None:
        body.append(
            f"<p>Easiest week: from {weekday_words(best.start)}, average {_num(best.mean_back_pain)}. "
            f"Hardest week: from {weekday_words(worst.start)}, average {_num(worst.mean_back_pain)}.</p>"
        )
    if s.leg_pain.days:
        body.append(f"<p>Leg pain averaged {_num(s.leg_pain.mean)} on the {_plural(s.leg_pain.days, 'day')} you recorded it.</p>")
        body += [f"<p>{_e(line)}</p>" for line in leg_lines(s.leg_pain)]
    if s.peg.start is not None and s.peg.end is not None:
        body.append(
            f"<p>PEG score: {_num(s.peg.start)} in the first week, {_num(s.peg.end)} in the last.</p>"
            + (f"<p class='hint'>{PEG_DEFINITION}</p>" if details else "")
        )
    elif s.peg.start is not None:
        body.append(
            f"<p>PEG score: {_num(s.peg.start)} this week. Too few days yet to compare one week with another.</p>"
            f"<p class='hint'>{PEG_DEFINITION}</p>"
        )
    return _section("Back pain", body)


def _daily(s: "Summary") -> list[str]:
    """Averages of sleep, mood and stiffness, and where it hurts (the chart is in its own tab)."""
    lines = daily_lines(s)
    if not lines:
        return []
    return _section("Sleep, mood and where it hurts", ["<ul>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"])


#: A period none of whose days had a usual level to compare with.
FLARES_TOO_FEW = (
    "Too few days yet to tell flares: a flare is judged against your usual level, "
    f"which needs at least {flares.MIN_USUAL_DAYS} logged days in the weeks before."
)


def _flares(s: "Summary", details: bool = False) -> list[str]:
    f = s.flares
    if f.judged_days == 0:
        body = [f"<p>{FLARES_TOO_FEW}</p>"]
    elif not f.days:
        body = ["<p>No flare days in this period.</p>"]
    else:
        line = f"{_plural(len(f.days), 'flare day')} in {_plural(len(f.episodes), 'episode')}"
        if f.typical_length_days is not None and len(f.episodes) > 1:
            line += f", usually lasting about {_plural(round(f.typical_length_days), 'day')}"
        body = [f"<p>{line}.</p>"]
        months = f.per_month
        if len(months) <= MONTHS_LISTED:
            rows = [f"<li>{_month(m.month)}: {_plural(m.flare_days, 'flare day')}</li>" for m in months if m.flare_days]
            body.append(f"<ul>{''.join(rows)}</ul>")
        else:
            busiest = max(months, key=lambda m: m.flare_days)
            body.append(
                f"<p>About {_num(len(f.days) / len(months))} flare days a month on average; the most "
                f"were in {_month(busiest.month)} ({busiest.flare_days}).</p>"
            )
    unlogged = [e for e in f.episodes if e.unlogged_days]
    if unlogged:
        body.append(
            "<p>Days not logged inside a flare: "
            + "; ".join(
                f"{_plural(e.unlogged_days, 'day')} between {weekday_words(e.start)} and {weekday_words(e.end)}" for e in unlogged
            )
            + ".</p>"
        )
    if f.bad_days:
        body.append(f"<p>{_plural(len(f.bad_days), 'single bad day')} (high, but not two days in a row, so not a flare).</p>")
    if f.severe_days:
        body.append(f"<p>{_plural(len(f.severe_days), 'severe day')} (back pain of {flares.SEVERE_BACK_PAIN} or more).</p>")
    if details:  # the definition is method: under Details
        body.append(f"<p class='hint'>{FLARE_DEFINITION}</p>")
    return _section("Flares", body)


def _cautions(s: "Summary") -> list[str]:
    """When the figures above should be read with care (journal.core.cautions)."""
    return _section("Read with care", [f"<p>{_e(c.sentence)}</p>" for c in s.cautions])


def _details_link(shown: bool) -> str:
    label = "Hide details" if shown else "Details"
    return f"<p><a href='{DETAILS_ANCHOR}'>{label}</a></p>"


def _triggers(s: "Summary", details: bool = False) -> list[str]:
    """Plain sentences first; intervals, q-values and the method only with ``details``."""
    if not s.triggers and not s.measure_associations:
        return []
    shown = [t for t in s.triggers if t.difference is not None]
    shown.sort(key=lambda t: t.verdict not in ("higher", "lower"))
    measures = [m for m in s.measure_associations if m.difference is not None]
    too_few = sorted(
        {t.name for t in s.triggers if t.difference is None and t.lag_days == 0 and not t.together}, key=str.casefold
    )
    body = []
    found: list[TriggerImpact | MeasureAssociation] = sorted(
        [*shown, *measures], key=lambda i: i.verdict not in ("higher", "lower")
    )
    unclear: list[str] = []
    if not details:  # one line for everything with no clear pattern
        unclear = unclear_names(found)
        found = [i for i in found if i.verdict in ("higher", "lower")]
    items = "".join(
        f"<li>{_e(item.sentence)}" + (f"<br><span class='hint'>{_e(item.details)}</span>" if details else "") + "</li>"
        for item in found
    )
    if items:
        body.append(f"<ul>{items}</ul>")
    if not details and unclear:
        body.append(f"<p>No clear pattern yet for {_e(', '.join(unclear))}.</p>")
    if too_few:
        body.append(f"<p>Too few days to compare yet: {_e(', '.join(too_few))}.</p>")
    # compared inside another line (which already names it): said again only under Details
    if details:
        body += [f"<p>{_e(t.sentence)}</p>" for t in s.triggers if t.difference is None and t.together]
    # A measure with too few days says why in its own sentence (breaks: how many days are needed).
    body += [
        f"<p>{_e(m.sentence)}</p>"
        for m in s.measure_associations
        if m.difference is None and (details or m.verdict != insights.VERDICT_TOGETHER)
    ]
    if shown or measures:
        if details:
            body.append(f"<p class='hint'>{_e(s.trigger_note)}</p>")
        if s.trigger_advice:
            body.append(f"<p class='hint'>{_e(s.trigger_advice)}</p>")
        body.append(f"<p class='caveat'>{_e(s.caveat)}</p>")
        if details:
            body.append(
                "<p class='hint'>\"95% CI\" is the range the real difference most likely lies in; "
                "the adjusted p allows for every comparison made at once (Holm). Method: "
                f"{_e(s.trigger_method)}.</p>"
            )
        body.append(_details_link(details))
    return _section("What went with your back pain", body)


def _comparing(s: "Summary") -> list[str]:
    """How long to log and what the comparisons can and cannot say (after the Details link)."""
    if not s.triggers and not s.measure_associations:
        return []
    body = [f"<p class='hint'>{_e(s.trigger_advice)}</p>"] if s.trigger_advice else []
    return _section("About the comparisons", [*body, f"<p class='caveat'>{_e(s.caveat)}</p>"])


def _activities(s: "Summary") -> list[str]:
    body = []
    events = [(a.name, b) for a in s.activities.items for b in a.boom_bust if a.comparison is not None and a.comparison.supported]
    if events:
        items = "".join(
            f"<li>{weekday_words(b.date)}: {b.minutes} minutes of {_e(name)} (you usually do about "
            f"{_num(b.baseline_minutes)}), then a flare on {weekday_words(b.flare_date)}.</li>"
            for name, b in sorted(events, key=lambda e: e[1].date)
        )
        body.append(f"<p>Days of much more activity than usual, followed by a flare:</p><ul>{items}</ul>")
    for p in s.activities.pacing:
        body.append(
            f"<p><b>Suggestion:</b> {_e(p.text)}<br>Why: {_e(p.reason)}<br>"
            f"<span class='hint'>Source: {_e(readable(p.source))}</span></p>"
        )
    return _section("Activity and pacing", body)


def _what_helped(s: "Summary") -> list[str]:
    from journal.core.what_helped import MEDICATION, RELIEF, item_line

    w = s.what_helped
    if not w.items:
        return []
    body = []
    for kind, title in ((RELIEF, "What you did for it"), (MEDICATION, "Medications and self-care")):
        items = [i for i in w.items if i.kind == kind]
        if items:
            body.append(f"<p>{title}:</p><ul>" + "".join(f"<li>{_e(item_line(i))}</li>" for i in items) + "</ul>")
    body.append(f"<p>{_e(w.painkillers.sentence)}</p>")
    body.append(f"<p class='caveat'>{_e(w.note)}</p>")
    return _section("What helped, as you rated it", body)


def _treatments(s: "Summary") -> list[str]:
    from journal.core.treatments import treatment_words

    body = [
        f"<p><b>{_e(treatment_words(t.treatment))}.</b> {_e(t.sentence)}"
        + ("" if t.leg is None else f"<br>{_e(t.leg.sentence)}")
        + "</p>"
        for t in s.treatments
    ]
    return _section("Treatments", body)


def _function(s: "Summary") -> list[str]:
    from journal.core.function_check import check_line

    if not s.function:
        return []
    items = "".join(f"<li>{_e(check_line(c))}</li>" for c in s.function)
    return _section(
        "What you could do",
        [f"<p>Minutes you could sit, stand and walk before pain made you stop; your own activity, 0 to 10:</p><ul>{items}</ul>"],
    )


def insights_html(summary: "Summary", details: bool = False) -> str:
    """The summary's insights as simple HTML, for people rather than statisticians.

    Numbers behind the trigger sentences (intervals, q-values, method) are
    shown only with ``details``.
    """
    s = summary
    colours = current_colours()
    period = f"{weekday_words(s.period.start)} to {weekday_words(s.period.end)}"
    parts = [
        f"<style>h3 {{ margin-top: 14px; margin-bottom: 4px; color: {colours.heading}; }}"
        f" p, li {{ margin-bottom: 4px; }} .hint {{ color: {colours.muted}; }}"
        f" .caveat {{ color: {colours.muted}; font-style: italic; }}</style>",
        f"<p><b>{period}</b><br>{_plural(s.days_logged, 'day')} logged out of {s.days_in_period}.</p>",
    ]
    if s.days_logged == 0:
        parts.append("<p>No days were logged in this period, so there is nothing to show yet.</p>")
        return "".join(parts)
    if s.days_logged * 2 < s.days_in_period:
        parts.append(
            "<p class='hint'>With fewer than half the days logged, these figures are rough. "
            "They get clearer the more days you log.</p>"
        )
    if not details:  # what is worth discussing first; the rest under the Details link
        parts += _red_flags(s) + lead_html(s) + [_details_link(False)] + _pain(s) + _through_the_day(s) + _daily(s) + _flares(s)
        parts += _comparing(s)
        return "".join(parts + _activities(s) + _treatments(s) + _what_helped(s) + _function(s))
    parts += (
        _red_flags(s)
        + _pain(s, details)
        + _through_the_day(s, details)
        + _daily(s)
        + _flares(s, details)
        + _triggers(s, details)
        + _cautions(s)
        + _activities(s)
    )
    parts += _treatments(s) + _what_helped(s) + _function(s)
    return "".join(parts)


class InsightsPanel(QTextBrowser):
    """Read-only, scrollable text of the insights."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setAccessibleName("What your journal shows")
        self.setMinimumWidth(300)
        self._summary: Summary | None = None
        self._details = False
        self.anchorClicked.connect(self._on_anchor)
        self._message = ""
        self.show_message("Working out the patterns…")
        follow_theme(self._recolour)

    def _recolour(self, _theme: object = None) -> None:
        """The same words in the new theme's colours (they are written into the HTML)."""
        if self._summary is not None:
            self._render()
        else:
            self.show_message(self._message)

    def show_summary(self, summary: "Summary") -> None:
        self._summary = summary
        self._render()

    def details_shown(self) -> bool:
        return self._details

    def toggle_details(self) -> None:
        """Show or hide the numbers behind the sentences, keeping the scroll position."""
        self._details = not self._details
        self._render()

    def _render(self) -> None:
        if self._summary is None:
            return
        position = self.verticalScrollBar().value()
        self.setHtml(insights_html(self._summary, self._details))
        self.verticalScrollBar().setValue(position)

    def _on_anchor(self, url: QUrl) -> None:
        if url.toString() == DETAILS_ANCHOR:
            self.toggle_details()

    def show_message(self, text: str) -> None:
        self._summary = None
        self._message = text
        self.setHtml(f"<p style='color:{current_colours().muted}'>{_e(text)}</p>")
