"""Reminder settings kept with QSettings (per user, per computer; not in the journal file).

An INI file, ``pain-journal/reminders.ini`` in the user's configuration folder (Linux
``$XDG_CONFIG_HOME``, macOS ``~/.config``, Windows ``%APPDATA%``).
A value that cannot be read falls back to its default; nothing here raises.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import stat
from pathlib import Path

from PySide6.QtCore import QSettings

from journal.core.reminders import DEFAULT_SITTING_MINUTES, DEFAULT_TIME, SITTING_MINUTES_RANGE, ReminderSettings

ORGANIZATION = "pain-journal"
APPLICATION = "reminders"
TOLD_ABOUT_TRAY = "tray/told_keeps_running"


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def _bool(value: object, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return default


def load(settings: QSettings) -> ReminderSettings:
    """The saved choices, or the defaults for anything missing or unreadable."""
    try:
        time = dt.time.fromisoformat(str(settings.value("reminder/time", DEFAULT_TIME.isoformat("minutes"))))
    except ValueError:
        time = DEFAULT_TIME
    raw_days = str(settings.value("reminder/weekdays", "0,1,2,3,4,5,6"))
    weekdays = frozenset(int(d) for d in raw_days.split(",") if d.strip().isdigit() and int(d) < 7)
    try:
        minutes = int(str(settings.value("sitting/minutes", DEFAULT_SITTING_MINUTES)))
    except ValueError:
        minutes = DEFAULT_SITTING_MINUTES
    low, high = SITTING_MINUTES_RANGE
    return ReminderSettings(
        enabled=_bool(settings.value("reminder/enabled", False), False),
        time=time.replace(second=0, microsecond=0),
        weekdays=weekdays,
        start_at_login=_bool(settings.value("tray/start_at_login", False), False),
        sitting_minutes=min(high, max(low, minutes)),
        tray_icon=_bool(settings.value("tray/show_icon", True), True),
    )


def save(settings: QSettings, chosen: ReminderSettings) -> None:
    settings.setValue("reminder/enabled", chosen.enabled)
    settings.setValue("reminder/time", chosen.time.isoformat("minutes"))
    settings.setValue("reminder/weekdays", ",".join(str(d) for d in sorted(chosen.weekdays)))
    settings.setValue("tray/start_at_login", chosen.start_at_login)
    settings.setValue("sitting/minutes", chosen.sitting_minutes)
    settings.setValue("tray/show_icon", chosen.tray_icon)
    settings.sync()
    make_private(Path(settings.fileName()))


def make_private(path: Path) -> None:
    """The settings file 0600 and its own folder 0700, whatever the umask was when Qt made them."""
    if os.name != "posix":
        return
    for target, mode in ((path, 0o600), (path.parent, 0o700)):
        if path.parent.name != ORGANIZATION and target != path:
            continue  # a folder that is not ours alone
        with contextlib.suppress(OSError):
            if stat.S_IMODE(target.stat().st_mode) != mode:
                os.chmod(target, mode)
