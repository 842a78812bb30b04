"""Tells the sitting timer when the screen locks, where the desktop says so.

On Linux desktops the freedesktop (and GNOME) screen saver services announce
``ActiveChanged(bool)`` on the session D-Bus; this listens to both. Where there
is no session bus (or on macOS and Windows, where Qt has no such signal) it
stays silent, and the timer still notices a sleeping computer by the gap
between its checks (:data:`journal.core.sitting.SLEEP_GAP`).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal, Slot

_SERVICES = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)


class ScreenLockWatcher(QObject):
    """``lockedChanged(bool)``: True when the screen locks, False when it unlocks."""

    lockedChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening = False
        if sys.platform.startswith("linux"):
            self.listening = self._listen_on_dbus()

    def _listen_on_dbus(self) -> bool:
        try:
            from PySide6.QtCore import SLOT
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return False
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return False
        found = False
        for _service, path, interface in _SERVICES:
            # Any sender: the signal is matched by path and interface (the owner of the
            # well-known name differs between desktops).
            found = (
                bus.connect(  # type: ignore[call-overload]  # the slot-signature form is missing from the stubs
                    "", path, interface, "ActiveChanged", self, SLOT("_on_active(bool)")
                )
                or found
            )
        return found

    @Slot(bool)
    def _on_active(self, active: bool) -> None:
        self.lockedChanged.emit(bool(active))
