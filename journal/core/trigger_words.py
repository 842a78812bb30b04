"""The trigger model's results in words: sentences, details and the records
(:class:`~journal.core.trigger_types.TriggerImpact`,
:class:`~journal.core.trigger_types.MeasureAssociation`) built from a fitted column.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from journal.core.trigger_columns import BREAKS_MEASURE, MEASURES, Column, Measure
from journal.core.trigger_types import (
    MIN_BREAK_DAYS,
    MIN_DAYS_PER_SIDE,
    PAIN_LEG,
    VERDICT_HIGHER,
    VERDICT_LOWER,
    VERDICT_NO_DIFFERENCE,
    VERDICT_TOGETHER,
    VERDICT_TOO_FEW,
    WORTH_DISCUSSING,
    MeasureAssociation,
    TriggerImpact,
)


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _q_text(q: float) -> str:
    """The Holm-adjusted p-value in words (it allows for every comparison of the period)."""
    return "adjusted p < 0.001" if q < 0.001 else f"adjusted p = {q:.3f}" if q < 0.01 else f"adjusted p = {q:.2f}"


def _trigger_words(name: str, lag: int) -> str:
    return f"on days with {name}" if lag == 0 else f"on the day after {name}"


def _too_few_sentence(column: Column, name: str) -> str:
    subject = name if column.lag == 0 else f"the day after {name}"
    if column.problem == "few-breaks":
        return (
            f"Too few days to compare breaks from sitting yet: {column.days_with} "
            f"{'day has' if column.days_with == 1 else 'days have'} at least an hour of timed sitting "
            f"and a logged day before; at least {MIN_BREAK_DAYS} are needed."
        )
    if column.problem == "same-breaks":
        return "Your breaks per sitting hour were almost the same on every day compared, so there is nothing to compare yet."
    if column.problem == "never-without":
        return f"{name.capitalize()} was noted on every day compared, so there are no days without it to compare with."
    if column.problem == "flat":
        return "Your back pain was the same on every day compared, so there is nothing to compare yet."
    if column.problem == "together":
        return (
            f"Too few days to compare {subject}: it was noted on the same days as other "
            "triggers, so it cannot be told apart from them."
        )
    if column.problem == "room":
        return f"Too few days to compare {subject} alongside everything else logged; it needs more logged days."
    if column.problem == "wide":
        return (
            f"Too few days to say anything about {subject} yet: the range of likely "
            "differences is wider than the whole 0-10 scale."
        )
    if column.problem == "model":
        return (
            f"Too few days to compare {subject}: comparisons need pairs of consecutive logged days, and there are not enough yet."
        )
    if column.lag == 0:
        return (
            f"Too few days to compare {name}: noted on {column.days_with} of the days "
            f"compared and not on {column.days_without}; at least {MIN_DAYS_PER_SIDE} of "
            "each are needed."
        )
    return (
        f"Too few days to compare the day after {name}: {column.days_with} days with it "
        f"and {column.days_without} without were followed by a logged day; at least "
        f"{MIN_DAYS_PER_SIDE} of each are needed."
    )


def _trigger_sentence(name: str, lag: int, verdict: str, difference: float, together: tuple[str, ...] = ()) -> str:
    when = _trigger_words(name, lag)
    if together:
        when += f", together with {_and(together)} (they cannot be told apart),"
    if verdict == VERDICT_HIGHER:
        return f"{WORTH_DISCUSSING}{when} your back pain was about {_fmt(difference)} points higher."
    if verdict == VERDICT_LOWER:
        return f"{WORTH_DISCUSSING}{when} your back pain was about {_fmt(-difference)} points lower."
    if verdict == VERDICT_NO_DIFFERENCE:
        return f"{when[0].upper()}{when[1:]} your back pain was about the same (no clear difference of more than 1 point)."
    return f"{when[0].upper()}{when[1:]} your back pain may or may not differ: can't tell yet."


def _details(difference: float, low: float, high: float, q: float, counts: str) -> str:
    return f"Difference {_fmt(difference)} points (95% CI {_fmt(low)} to {_fmt(high)}; {_q_text(q)}; {counts})."


def _measure_sentence(measure: Measure, verdict: str, difference: float, together: tuple[str, ...] = ()) -> str:
    if together:
        measure = dataclasses.replace(
            measure, worse_words=f"{measure.worse_words}, together with {_and(together)} (they cannot be told apart),"
        )
    if verdict == VERDICT_HIGHER:
        return (
            f"{WORTH_DISCUSSING}on days with {measure.worse_words} your back pain tended to "
            f"be higher: about {_fmt(difference)} points for each {measure.unit}."
        )
    if verdict == VERDICT_LOWER:
        return (
            f"{WORTH_DISCUSSING}on days with {measure.worse_words} your back pain tended to "
            f"be lower: about {_fmt(-difference)} points for each {measure.unit}."
        )
    if verdict == VERDICT_NO_DIFFERENCE:
        return (
            f"Your back pain was about the same on days with {measure.worse_words} "
            f"(no clear difference of more than 1 point for each {measure.unit})."
        )
    return f"Can't tell yet whether your back pain differs on days with {measure.worse_words}."


def model_note(comparisons: int) -> str:
    """How the comparisons were made, in plain words."""
    if comparisons == 0:
        return ""
    return (
        f"{comparisons} comparison{'s were' if comparisons != 1 else ' was'} made in one model: "
        "each is adjusted for the others and for how pain runs on from one day to the next, and "
        "only those that still stand out after allowing for the number of comparisons are called "
        "higher or lower."
    )


_Result = TypeVar("_Result", TriggerImpact, MeasureAssociation)


def as_leg(result: _Result) -> _Result:
    """A comparison of the leg-pain model: marked, and worded for leg pain."""
    return dataclasses.replace(
        result,
        pain=PAIN_LEG,
        sentence=result.sentence.replace("back pain", "leg pain"),
    )


def _together_sentence(subject: str, others: tuple[str, ...]) -> str:
    return (
        f"{subject[:1].upper()}{subject[1:]} cannot be told apart from {_and(others)}: they went together on most "
        "days, so they are compared together."
    )


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _together_details(column: Column) -> str:
    return f"; together, VIF {column.vif:.0f}"


def trigger_result(column: Column, name: str, verdict: str, q: float | None, together: tuple[str, ...] = ()) -> TriggerImpact:
    counts = f"{column.days_with} days with it, {column.days_without} without"
    if verdict == VERDICT_TOGETHER:
        subject = name if column.lag == 0 else f"the day after {name}"
        return TriggerImpact(
            name,
            column.lag,
            column.days_with,
            column.days_without,
            None,
            None,
            None,
            VERDICT_TOGETHER,
            _together_sentence(subject, together),
            together=together,
        )
    if column.estimate is None or q is None:
        return TriggerImpact(
            name,
            column.lag,
            column.days_with,
            column.days_without,
            None,
            None,
            None,
            VERDICT_TOO_FEW,
            _too_few_sentence(column, name),
        )
    difference, low, high, _, _ = column.estimate
    return TriggerImpact(
        name,
        column.lag,
        column.days_with,
        column.days_without,
        difference,
        low,
        high,
        verdict,
        _trigger_sentence(name, column.lag, verdict, difference, together),
        q,
        details=_details(difference, low, high, q, counts + (_together_details(column) if together else "")),
        together=together,
    )


def measure_result(column: Column, verdict: str, q: float | None, together: tuple[str, ...] = ()) -> MeasureAssociation:
    measure = next(m for m in (*MEASURES, BREAKS_MEASURE) if m.key == column.key)
    if verdict == VERDICT_TOGETHER:
        sentence = _together_sentence(measure.worse_words, together)
        return MeasureAssociation(
            measure.key,
            measure.label,
            measure.unit,
            column.days_with,
            None,
            None,
            None,
            VERDICT_TOGETHER,
            sentence,
            together=together,
        )
    if column.estimate is None or q is None:
        sentence = _too_few_sentence(column, measure.worse_words)
        return MeasureAssociation(
            measure.key, measure.label, measure.unit, column.days_with, None, None, None, VERDICT_TOO_FEW, sentence
        )
    # The model's slope is per unit *up*; report it per unit in the worse direction.
    raw, raw_low, raw_high, _, _ = column.estimate
    difference, low, high = (raw, raw_low, raw_high) if measure.sign > 0 else (-raw, -raw_high, -raw_low)
    if verdict in (VERDICT_HIGHER, VERDICT_LOWER):
        verdict = VERDICT_HIGHER if difference > 0 else VERDICT_LOWER
    return MeasureAssociation(
        measure.key,
        measure.label,
        measure.unit,
        column.days_with,
        difference,
        low,
        high,
        verdict,
        _measure_sentence(measure, verdict, difference, together),
        q,
        details=_details(
            difference,
            low,
            high,
            q,
            f"per {measure.unit}; {column.days_with} days" + (_together_details(column) if together else ""),
        ),
        together=together,
    )
