"""The Trends tab's period row: the period buttons and the custom From and to dates.

A wrapping row, so the window still fits 800 pixels across (at 800 it is one line: Save
chart sits under the chart, see :mod:`.chart_pages`). The view decides what a choice
shows; this only lays out the controls.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QButtonGroup, QDateEdit, QLabel, QPushButton, QSpacerItem, QWidget

from journal.app.periods import PeriodChoice
from journal.core import clock
from journal.core.validation import EARLIEST_DATE
from journal.ui.widgets.flow_layout import FlowLayout

#: Button labels (with mnemonics), in display order.
PERIOD_LABELS: Final[dict[PeriodChoice, str]] = {
    PeriodChoice.DAYS_30: "Last &30 days",
    PeriodChoice.DAYS_90: "Last &90 days",
    PeriodChoice.YEAR: "Last &year",
    PeriodChoice.ALL: "&All",
    PeriodChoice.CUSTOM: "&Custom",
}


def qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


def pydate(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


class PeriodBar(QWidget):
    """The controls; the view connects ``buttons``, ``from_edit`` and ``to_edit``."""

    def __init__(self, choice: PeriodChoice, period: tuple[dt.date, dt.date], parent: QWidget) -> None:
        super().__init__(parent)
        bar = FlowLayout(self, spacing=6)
        bar.addWidget(QLabel("Show:"))
        self.period_buttons = QButtonGroup(parent)
        self.period_buttons.setExclusive(True)
        #: The period buttons by choice.
        self.buttons: dict[PeriodChoice, QPushButton] = {}
        for each, label in PERIOD_LABELS.items():
            button = QPushButton(label, parent)
            button.setCheckable(True)
            button.setObjectName("chip")
            button.setChecked(each is choice)
            self.period_buttons.addButton(button)
            self.buttons[each] = button
            bar.addWidget(button)
        bar.addItem(QSpacerItem(12, 0))
        start, end = period
        self.from_edit = QDateEdit(qdate(start), parent)
        self.to_edit = QDateEdit(qdate(end), parent)
        for edit, mnemonic, name in (
            (self.from_edit, "Fro&m", "Custom period from"),
            (self.to_edit, "t&o", "Custom period until"),
        ):
            edit_label = QLabel(mnemonic, parent)
            edit_label.setBuddy(edit)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setDateRange(qdate(EARLIEST_DATE), qdate(clock.today()))  # as journal.core.periods
            edit.setAccessibleName(name)
            bar.addWidget(edit_label)
            bar.addWidget(edit)
