"""The Trends tab's days, read on the worker: every logged day, the chart series over them,
and the chart libraries imported ahead of the first drawing.

No Qt: :mod:`journal.ui.trends.view` queues :func:`load_trends_data` and draws what it returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.app.journal_file import Journal
    from journal.core.day import DayEntry
    from journal.core.treatments import Treatment
    from journal.core.trend_series import TrendSeries


@dataclass(frozen=True)
class TrendsData:
    """Every logged day and the chart series over them (first logged day to ``today``)."""

    days: tuple["DayEntry", ...]
    by_date: dict[dt.date, "DayEntry"]
    series: "TrendSeries"
    first: dt.date | None
    today: dt.date
    treatments: tuple["Treatment", ...] = ()


def load_trends_data(journal: "Journal", today: dt.date) -> TrendsData:
    """Runs on the worker: read the days, compute the series, warm the chart imports."""
    from journal.app.trends import days_and_treatments
    from journal.core.trend_series import trend_series

    warm_chart_imports()  # the slow imports, here rather than on the GUI thread (cached if done)

    days, treatments = days_and_treatments(journal)
    first = days[0].date if days else None
    start = first if first is not None and first <= today else today - dt.timedelta(days=29)
    series = trend_series(days, start, max(today, days[-1].date) if days else today)
    return TrendsData(days, {d.date: d for d in days}, series, first, today, treatments)


def warm_chart_imports() -> None:
    """Runs on the worker: import matplotlib and the chart code ahead of the first opening.

    Importing matplotlib takes about half a second here (over a second on slower
    machines); done while the patient is still on Today, the first opening of
    Trends only has to read the days and draw.
    """
    import matplotlib.figure  # noqa: F401 - imported for the side effect: loaded on the worker
    from matplotlib.backends import backend_agg  # noqa: F401 - likewise

    import journal.formats.charts  # noqa: F401 - likewise
