"""File → Settings…: the reminder to log, the tray at log-in, and the sitting breaks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from journal.core.reminders import SITTING_MINUTES_RANGE, SITTING_SOURCE, WEEKDAY_NAMES, ReminderSettings


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class SettingsDialog(QDialog):
    """Shows ``current``; :meth:`chosen` gives what the patient set (only used after OK)."""

    def __init__(self, current: ReminderSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self._reminder_box(current))
        layout.addWidget(self._tray_box(current))
        layout.addWidget(self._sitting_box(current))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._sync_enabled()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 70)

    def _reminder_box(self, current: ReminderSettings) -> QGroupBox:
        box = QGroupBox("Reminder to log your day")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.remind = QCheckBox("&Remind me to log my day")
        self.remind.setChecked(current.enabled)
        self.remind.toggled.connect(self._sync_enabled)
        form.addRow(self.remind)
        self.time = QTimeEdit(QTime(current.time.hour, current.time.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName("Time of the reminder")
        form.addRow("At &time:", self.time)
        days = QHBoxLayout()
        self.days: list[QCheckBox] = []
        for number, name in enumerate(WEEKDAY_NAMES):
            box_day = QCheckBox(name)
            box_day.setChecked(number in current.weekdays)
            days.addWidget(box_day)
            self.days.append(box_day)
        days.addStretch(1)
        days_widget = QWidget()
        days_widget.setLayout(days)
        days.setContentsMargins(0, 0, 0, 0)
        form.addRow("On these days:", days_widget)
        form.addRow(
            _note(
                "Only if the day is not logged yet. The reminder says just "
                "“Time to log your day”: nothing from your journal, so it is private "
                "even on a locked screen."
            )
        )
        return box

    def _tray_box(self, current: ReminderSettings) -> QGroupBox:
        box = QGroupBox("Keep running in the tray")
        layout = QVBoxLayout(box)
        self.at_login = QCheckBox("&Start Pain Journal in the tray when I log in")
        self.at_login.setChecked(current.start_at_login)
        layout.addWidget(self.at_login)
        layout.addWidget(
            _note(
                "While reminders are on, closing the window keeps Pain Journal in the "
                "tray. Choose Quit in the tray icon's menu, or File → Quit, to close it "
                "completely."
            )
        )
        return box

    def _sitting_box(self, current: ReminderSettings) -> QGroupBox:
        box = QGroupBox("Breaks from sitting")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.sitting_minutes = QSpinBox()
        self.sitting_minutes.setRange(*SITTING_MINUTES_RANGE)
        self.sitting_minutes.setSingleStep(5)
        self.sitting_minutes.setSuffix(" minutes")
        self.sitting_minutes.setValue(current.sitting_minutes)
        form.addRow("Suggest a &break every:", self.sitting_minutes)
        form.addRow(
            _note(
                "The guidance suggests not sitting for more than 30 minutes without changing "
                f"position ({SITTING_SOURCE}). Start the timer with “I'm sitting down to work” "
                "in Today or the tray; it pauses while your screen is locked."
            )
        )
        return box

    def _sync_enabled(self) -> None:
        on = self.remind.isChecked()
        self.time.setEnabled(on)
        for box in self.days:
            box.setEnabled(on)

    def chosen(self) -> ReminderSettings:
        qtime = self.time.time()
        return ReminderSettings(
            enabled=self.remind.isChecked(),
            time=dt.time(qtime.hour(), qtime.minute()),
            weekdays=frozenset(i for i, box in enumerate(self.days) if box.isChecked()),
            start_at_login=self.at_login.isChecked(),
            sitting_minutes=self.sitting_minutes.value(),
        )
