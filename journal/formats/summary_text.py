"""The summary as plain text for a person: what ``pain-journal summary`` prints.

Renders the one :class:`journal.core.summary.Summary` and computes nothing;
lines the other views share come from :mod:`journal.core.summary_lines`.
"""

from __future__ import annotations

from collections.abc import Sequence

from journal.core import flares, insights
from journal.core.about_you import REPORT_TITLE, report_lines
from journal.core.changed_signs import changed_sign_lines
from journal.core.function_check import check_line
from journal.core.redflags import grouped, urgency_words
from journal.core.sources import readable
from journal.core.summary import DatedText, Summary
from journal.core.summary_lines import daily_lines, leg_lines, unclear_names
from journal.core.time_of_day import pattern_lines
from journal.core.treatments import BeforeAfter, treatment_words
from journal.core.trigger_model import MeasureAssociation, TriggerImpact
from journal.core.what_helped import text_lines as what_helped_text
from journal.core.words import days_words, one_decimal, plural


def _text_header(s: Summary) -> list[str]:
    return [
        f"Pain Journal summary: {s.period.start.isoformat()} to {s.period.end.isoformat()}",
        f"Days logged: {s.days_logged} of {s.days_in_period}",
    ]


def _text_red_flags(s: Summary) -> list[str]:
    """One line per warning sign, urgent ones first, each with every date it was logged."""
    if not s.red_flags:
        return []
    lines = ["", "Symptoms to raise with a doctor"]
    lines += [
        f"  {g.symptom} ({urgency_words(g.urgency, g.when)}): {', '.join(d.isoformat() for d in g.dates)}"
        for g in grouped(s.red_flags)
    ]
    lines += changed_sign_lines(s.red_flags, shared=s.about_you is not None)
    return lines


def _text_pain(s: Summary) -> list[str]:
    b, leg = s.back_pain, s.leg_pain
    lines = ["", f"Back pain (0-10): average {one_decimal(b.mean)}, lowest {b.min}, highest {b.max}"]
    lines.append(f"  7-day average at the start {one_decimal(b.start_avg)}, at the end {one_decimal(b.end_avg)}")
    if b.best_day and b.worst_day:
        lines.append(
            f"  Best day {b.best_day.date.isoformat()} ({b.best_day.value}), "
            f"worst day {b.worst_day.date.isoformat()} ({b.worst_day.value})"
        )
    lines.append(f"  Trend: {s.trend.sentence}")
    if s.trend.details:
        lines.append(f"    Details: {s.trend.details}")
    for label, week in (("Best week", s.best_week), ("Worst week", s.worst_week)):
        if week is not None:
            lines.append(
                f"  {label}: {week.week} (from {week.start.isoformat()}), average "
                f"{one_decimal(week.mean_back_pain)} over {plural(week.days_logged, 'logged day')}"
            )
    if leg.days:
        lines.append(
            f"Leg pain (0-10): average {one_decimal(leg.mean)}, lowest {leg.min}, highest {leg.max} "
            f"({plural(leg.days, 'day')} recorded)"
        )
        lines += [f"  {line}" for line in leg_lines(leg)]
    else:
        lines.append("Leg pain: not recorded")
    if s.peg.start is not None or s.peg.end is not None:
        last = one_decimal(s.peg.end) if s.peg.end is not None else "too few days yet"
        lines.append(f"PEG score (pain, enjoyment, activity): first week {one_decimal(s.peg.start)}, last week {last}")
    return lines


def _text_daily(s: Summary) -> list[str]:
    lines = daily_lines(s)
    return ["", "Sleep, mood, stiffness and where it hurts"] + [f"  {line}" for line in lines] if lines else []


def _text_flares(s: Summary) -> list[str]:
    f = s.flares
    lines = ["", f"Flares: {plural(len(f.days), 'flare day')} in {plural(len(f.episodes), 'episode')}"]
    if f.judged_days == 0:
        lines[-1] = "Flares: too few days yet (a flare is judged against the usual level of the weeks before)"
    if f.typical_length_days is not None:
        lines[-1] += f", typically {days_words(f.typical_length_days)} long"
    lines.append(f"  Single bad days (not flares): {len(f.bad_days)}")
    lines += [
        f"  {e.start.isoformat()} to {e.end.isoformat()}: {plural(e.flare_days, 'flare day')}, "
        f"{plural(e.unlogged_days, 'day')} not logged inside it"
        for e in f.episodes
        if e.unlogged_days
    ]
    lines.append(f"  Severe days (back pain {flares.SEVERE_BACK_PAIN} or more): {len(f.severe_days)}")
    lines.append(f"  {flares.DEFINITION}")
    lines += [
        f"  {m.month}: {plural(m.flare_days, 'flare day')}, {plural(m.episodes, 'episode')}" for m in f.per_month if m.flare_days
    ]
    return lines


def _too_few_names(triggers: Sequence[TriggerImpact]) -> list[str]:
    """Names with too few days: "x" when both lags, "x (next day)" when only lag 1, etc."""
    lags: dict[str, list[int]] = {}
    for t in triggers:
        if t.verdict == insights.VERDICT_TOO_FEW:
            lags.setdefault(t.name, []).append(t.lag_days)
    labels = {(0, 1): "", (0,): " (same day)", (1,): " (next day)"}
    return [name + labels[tuple(sorted(set(found)))] for name, found in lags.items()]


def _text_triggers(s: Summary) -> list[str]:
    if not s.triggers and not s.measure_associations:
        return []
    lines = ["", "What went with your pain"]
    everything: list[TriggerImpact | MeasureAssociation] = [*s.triggers, *s.measure_associations]
    clear = [i for i in everything if i.verdict in (insights.VERDICT_HIGHER, insights.VERDICT_LOWER)]
    for item in clear:  # what stood out first
        lines.append(f"  - {item.sentence}")
        lines.append(f"      Details: {item.details}")
    unclear = unclear_names(everything)
    if unclear:
        lines.append(f"  - No clear pattern yet for {', '.join(unclear)}.")
    lines += [f"  - {i.sentence}" for i in everything if i.verdict == insights.VERDICT_TOGETHER]
    lines += [f"  - {m.sentence}" for m in s.measure_associations if m.verdict == insights.VERDICT_TOO_FEW]
    too_few = _too_few_names(s.triggers)
    if too_few:
        lines.append(
            f"  - Too few days to compare yet (at least {insights.MIN_DAYS_PER_SIDE} with and "
            f"{insights.MIN_DAYS_PER_SIDE} without are needed): {', '.join(too_few)}."
        )
    rest = [i for i in everything if i.verdict in insights.UNCLEAR_VERDICTS]
    if rest:
        lines.append("  Details of the comparisons with no clear pattern:")
        lines += [f"    {i.sentence} {i.details}" for i in rest]
    lines += [f"  {text}" for text in (s.trigger_note, s.trigger_advice) if text]
    lines.append(f"  {s.caveat}")
    return lines


def _text_activities(s: Summary) -> list[str]:
    if not s.activities.items:
        return []
    lines = ["", "Activities"]
    for a in s.activities.items:
        usual = "" if a.baseline_minutes is None else f"; usual {round(a.baseline_minutes):,} minutes"
        lines.append(
            f"  {a.name}: {plural(a.days, 'day')}, {a.total_minutes} minutes in all, "
            f"about {round(a.minutes_per_week):,} minutes a week{usual}"
        )
        if a.comparison is not None and a.comparison.supported:
            lines += [
                f"    {b.date.isoformat()}: {b.minutes} minutes, then a flare on {b.flare_date.isoformat()}" for b in a.boom_bust
            ]
    for p in s.activities.pacing:
        lines += ["", f"  Suggestion: {p.text}", f"    Why: {p.reason}", f"    Source: {readable(p.source)}"]
    return lines


def _text_medications(s: Summary) -> list[str]:
    if not s.medications:
        return []
    return ["", "Medications and self-care"] + [f"  {m.name}: {plural(m.days, 'day')}" for m in s.medications]


def _text_dated(title: str, items: Sequence[DatedText]) -> list[str]:
    if not items:
        return []
    lines = ["", title]
    for item in items:
        text_lines = item.text.splitlines()
        lines.append(f"  {item.date.isoformat()}: {text_lines[0]}")
        lines += [f"    {line}" for line in text_lines[1:]]
    return lines


def _text_treatments(results: Sequence[BeforeAfter]) -> list[str]:
    if not results:
        return []
    lines = ["", "Treatments"]
    for result in results:
        lines.append(f"  {treatment_words(result.treatment)}")
        lines.append(f"    {result.sentence}")
        if result.leg is not None:
            lines.append(f"    {result.leg.sentence}")
    return lines


def render_text(summary: Summary) -> str:
    """The summary as plain text for a person, ending with a newline."""
    s = summary
    lines = _text_header(s)
    if s.days_logged == 0:
        lines += ["", "No days were logged in this period."]
        return "\n".join(lines) + "\n"
    if s.about_you is not None:
        lines += ["", REPORT_TITLE] + [f"  {line}" for line in report_lines(s.about_you)]
    lines += _text_red_flags(s)
    if s.six_weeks is not None:
        lines += ["", "Six weeks of severe pain", f"  {s.six_weeks.message}", f"  Source: {s.six_weeks.source}"]
    if s.change:
        lines += ["", "Change from the first two weeks to the last two"] + [f"  {c.sentence}" for c in s.change]
    lines += _text_pain(s)
    lines += pattern_lines(s.through_the_day)
    lines += _text_daily(s)
    lines += _text_flares(s)
    lines += _text_triggers(s)
    lines += ["", "Read with care"] + [f"  - {c.sentence}" for c in s.cautions] if s.cautions else []
    lines += _text_activities(s)
    lines += _text_medications(s)
    lines += what_helped_text(s.what_helped)
    lines += _text_treatments(s.treatments)
    if s.function:
        lines += ["", "What you could do (sit, stand, walk before pain stops you; your own activity, 0-10)"]
        lines += [f"  {check_line(c)}" for c in s.function]
    lines += _text_dated("Questions for the doctor", s.questions)
    lines += _text_dated("Notes", s.notes)
    return "\n".join(lines) + "\n"
