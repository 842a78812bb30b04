"""Page 1's triggers: what went with higher or lower back pain, and what was unclear.

Clear comparisons as bullets with their figures, then in one line each the
names with no clear pattern and those with too few days to compare, the
caveat and the cautions. Part of :mod:`journal.formats.pdf_page_one`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from journal.core import insights
from journal.core.trigger_model import TriggerImpact, worse_words
from journal.core.words import one_decimal
from journal.formats import ReportData
from journal.formats.pdf_style import Styles, bullets, heading, patient_sentence, patient_text

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


def _trigger_names(triggers: Sequence[TriggerImpact], verdict: str) -> str:
    lags = {0: "same day", 1: "next day"}
    return ", ".join(
        f"{patient_text(t.name)} ({lags.get(t.lag_days, t.lag_days)}"
        + (f", with {patient_text(', '.join(t.together))})" if t.together else ")")
        for t in triggers
        if t.verdict == verdict
    )


def _fmt1(value: float | None) -> str:
    return one_decimal(value)


def _names_any_lag(triggers: Sequence[TriggerImpact], verdicts: Sequence[str]) -> str:
    """Each name once, whichever of its lags has one of ``verdicts`` (with what it is compared together
    with), leaving out names that are clearly higher or lower at a lag or for either pain."""
    clear = {t.name for t in triggers if t.verdict in (insights.VERDICT_HIGHER, insights.VERDICT_LOWER)}
    names: dict[str, str] = {}
    for t in triggers:
        if t.verdict in verdicts and t.name not in names and t.name not in clear:
            names[t.name] = patient_text(t.name) + (f" (with {patient_text(', '.join(t.together))})" if t.together else "")
    return ", ".join(names.values())


def triggers_section(data: ReportData, st: Styles) -> list["Flowable"]:
    from reportlab.platypus import Paragraph

    s = data.summary
    out: list[Flowable] = [heading("Triggers associated with higher back pain", st)]
    if not s.triggers:
        out.append(Paragraph("No triggers were noted in this period.", st.body))
        return out
    lags = {0: "same day", 1: "next day"}

    def with_together(t: TriggerImpact) -> str:
        leg = ", leg pain" if t.pain == "leg" else ""
        return leg + (f", with {patient_text(', '.join(t.together))}" if t.together else "")

    higher = [
        f"<b>{patient_sentence(t.name)}</b> ({lags[t.lag_days]}{with_together(t)}): {escape(t.details)}"
        for t in s.triggers
        if t.verdict == insights.VERDICT_HIGHER
    ]
    lower = [
        f"<b>{patient_sentence(t.name)}</b> ({lags[t.lag_days]}{with_together(t)}): {escape(t.details)}"
        for t in s.triggers
        if t.verdict == insights.VERDICT_LOWER
    ]
    if higher:
        out += bullets(higher, st.body)
    else:
        out.append(Paragraph("No noted trigger went with clearly higher back pain in this period.", st.body))
    if lower:
        out.append(Paragraph("<b>Associated with lower back pain:</b>", st.body))
        out += bullets(lower, st.body)
    clear = [m for m in s.measure_associations if m.verdict in (insights.VERDICT_HIGHER, insights.VERDICT_LOWER)]
    out += bullets(
        [
            f"<b>{escape(m.label)}</b> ({'higher' if m.verdict == insights.VERDICT_HIGHER else 'lower'} "
            f"pain with {escape(worse_words(m.key))}): {_fmt1(m.difference)} points per {escape(m.unit)} "
            f"(95% CI {_fmt1(m.ci_low)} to {_fmt1(m.ci_high)})"
            for m in clear
        ],
        st.body,
    )
    unclear = ", ".join(
        [_names_any_lag(s.triggers, insights.UNCLEAR_VERDICTS)]
        + [escape(m.label.lower()) for m in s.measure_associations if m.verdict in insights.UNCLEAR_VERDICTS]
    ).strip(", ")
    if unclear:
        out.append(Paragraph(f"<b>No clear pattern</b> (same day or next day): {unclear}.", st.body))
    too_few = _trigger_names(s.triggers, insights.VERDICT_TOO_FEW)
    if too_few:
        out.append(
            Paragraph(
                f"<b>Too few days to compare</b> (at least {insights.MIN_DAYS_PER_SIDE} with and "
                f"{insights.MIN_DAYS_PER_SIDE} without are needed): {too_few}.",
                st.body,
            )
        )
    out.append(Paragraph(escape(s.caveat), st.caveat))  # the caveat already says several comparisons were made
    if s.cautions:
        out.append(Paragraph("<b>Read with care:</b> " + " ".join(escape(c.sentence) for c in s.cautions), st.body))
    return out
