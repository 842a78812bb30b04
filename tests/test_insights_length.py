"""The insights for 90 days of the sample journal lead with what is worth discussing and stay short."""

from __future__ import annotations

import datetime as dt
import html
import re

from journal.core.sample_data import sample_days
from journal.core.summary import Summary, build_summary
from journal.ui.trends.insights_lead import MAX_WORDS_BEFORE_DETAILS
from journal.ui.trends.insights_panel import DETAILS_ANCHOR, insights_html

END = dt.date(2025, 5, 29)


def sample_summary() -> Summary:
    days = sample_days(end=END, days=120)
    return build_summary(days, END - dt.timedelta(days=89), END)


def words_before_details(page: str) -> list[str]:
    before, link, _ = page.partition(f"<a href='{DETAILS_ANCHOR}'>")
    assert link, "the insights have a Details link"
    text = re.sub(r"<style>.*?</style>", " ", before, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text)).split()


def test_ninety_days_of_the_sample_data_read_in_at_most_250_words_before_details() -> None:
    words = words_before_details(insights_html(sample_summary()))
    assert len(words) <= MAX_WORDS_BEFORE_DETAILS == 250


def test_what_is_worth_discussing_comes_first_and_the_rest_follows_details() -> None:
    s = sample_summary()
    page = insights_html(s)
    before = " ".join(words_before_details(page))
    clear = [t for t in s.triggers if t.verdict in ("higher", "lower")]
    assert clear
    for t in clear:  # every clear comparison is said before Details …
        assert html.unescape(html.escape(t.sentence, quote=False)) in before
    assert before.index("Worth discussing first") < before.index(s.trend.sentence)
    assert "No clear pattern yet for" in before  # … the unclear ones in one line
    assert "Sleep, mood and where it hurts" not in before and "Sleep, mood and where it hurts" in page
    assert "Easiest week" in page and "Easiest week" not in before
