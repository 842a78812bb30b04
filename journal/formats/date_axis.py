"""Time axes that count in whole days.

A journal has one value per day, so a tick between two days ("12:00") means
nothing. matplotlib's AutoDateLocator falls back to hours when a period holds
fewer days than it wants ticks (a journal with three days logged): here it
falls back to one tick per day instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Final

from matplotlib import dates as mdates
from matplotlib.axis import Axis
from matplotlib.ticker import Locator

from journal.core.dates import short_month

#: Room along the axis for one date label ("Oct 2026") and the gap to the next, in points.
LABEL_ROOM_PT: Final = 56.0


class WholeDayLocator(mdates.AutoDateLocator):
    """An AutoDateLocator whose ticks are always midnights: days, weeks, months or years.

    A short axis (a narrow window) gets fewer ticks, as many labels as fit its length.
    """

    def __init__(self, minticks: int, maxticks: int) -> None:
        super().__init__(minticks=minticks, maxticks=maxticks)
        self._asked = (minticks, maxticks)

    def _labels_that_fit(self) -> int | None:
        axes = self.axis.axes if isinstance(self.axis, Axis) else None
        figure = axes.get_figure(root=True) if axes is not None else None
        if axes is None or figure is None:
            return None
        length_pt = axes.bbox.width * 72.0 / figure.dpi
        return int(length_pt // LABEL_ROOM_PT) + 1

    def get_locator(self, dmin: dt.datetime, dmax: dt.datetime) -> Locator:
        least, most = self._asked
        fit = self._labels_that_fit()
        if fit is not None and fit < most:
            # Fewer ticks than asked: also fewer at least, or matplotlib falls back to days at any spacing.
            most = max(2, fit)
            least = min(least, max(1, most // 2))
        self.minticks = least
        self.maxticks = dict.fromkeys(self._freqs, most)
        locator: Locator = super().get_locator(dmin, dmax)
        if self._freq in (mdates.YEARLY, mdates.MONTHLY, mdates.DAILY):
            return locator
        # Hours or finer: the span is a few days at most; mark each day (always at least one).
        days = max(1, round(abs((dmax - dmin).total_seconds()) / 86_400))
        interval = max(1, -(-days // max(self.maxticks.get(mdates.DAILY, 9), 1)))
        day_locator = mdates.DayLocator(interval=interval, tz=self.tz)
        day_locator.set_axis(self.axis)
        return day_locator


def whole_day_locator(minticks: int, maxticks: int) -> WholeDayLocator:
    """A locator for a time axis of days with ``minticks``–``maxticks`` ticks where the span allows."""
    return WholeDayLocator(minticks=minticks, maxticks=maxticks)


class DayLabels(mdates.ConciseDateFormatter):
    """Concise dates written as people write them: "5", not "05"; never a clock time.

    When no tick names a month (a week or two inside one month), the first
    tick says it ("26 Nov"), so the axis always tells which month it shows.
    The year goes beside the first month named in it ("Oct 2026") rather than
    on a line of its own under the dates, so the dates take one line of the
    chart's height.
    """

    def __init__(self, locator: Locator) -> None:
        super().__init__(locator, offset_formats=["", "%Y", "%Y", "%b %Y", "%b %Y", "%b %Y"])

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        if len(values) == 0:
            return []
        labels: list[str] = super().format_ticks(values)
        if all(label.isdigit() and len(label) <= 2 for label in labels) or len(values) == 1:
            days = [mdates.num2date(value).date() for value in values]
            labels = [str(day.day) for day in days]
            labels[0] = f"{days[0].day} {short_month(days[0])}"
        labels = [label.lstrip("0") if label.isdigit() and len(label) == 2 else label for label in labels]
        if super().get_offset():
            # The first month named in each year gets the year (a period across New Year names both).
            named = [i for i, label in enumerate(labels) if any(c.isalpha() for c in label)] or [0]
            shown: set[int] = set()
            for i in named:
                year = mdates.num2date(values[i]).year
                if year not in shown:
                    labels[i] = f"{labels[i]} {year}"
                    shown.add(year)
        return labels

    def get_offset(self) -> str:
        return ""  # the year is in the labels


def set_day_axis(axis: Axis, *, minticks: int, maxticks: int) -> None:
    """Give a time axis of days its whole-day ticks and their labels."""
    locator = whole_day_locator(minticks, maxticks)
    axis.set_major_locator(locator)
    axis.set_major_formatter(DayLabels(locator))
