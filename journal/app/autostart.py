""" "Start Pain Journal in the tray when I log in": each platform's own autostart entry.

* Linux (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/pain-journal.desktop``
  (default ``~/.config/autostart``), per the freedesktop Desktop Application Autostart spec.
* macOS: a LaunchAgent, ``~/Library/LaunchAgents/org.pain-journal.tray.plist``, with
  ``RunAtLoad``; launchd reads it at the next log-in.
* Windows: the value ``Pain Journal`` under
  ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`` (what the Startup
  folder's shortcuts amount to, without needing COM to write a ``.lnk``), running
  ``pythonw.exe`` so no console window opens.

Turning the option off removes the entry; nothing else is left behind. No Qt here.
"""

from __future__ import annotations

import os
import plistlib
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final

DESKTOP_FILE_NAME: Final = "pain-journal.desktop"
LAUNCH_AGENT_LABEL: Final = "org.pain-journal.tray"
WINDOWS_RUN_KEY: Final = r"Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_VALUE_NAME: Final = "Pain Journal"
TRAY_FLAG: Final = "--tray"


def tray_command(database: Path | None = None, *, platform: str = sys.platform, python: str = sys.executable) -> list[str]:
    """The command that starts Pain Journal in the tray (``--db`` pins the journal it opens)."""
    if platform == "win32" and python.lower().endswith("python.exe"):
        python = python[: -len("python.exe")] + "pythonw.exe"
    command = [python, "-m", "journal", TRAY_FLAG]
    if database is not None:
        command += ["--db", str(database)]
    return command


def _desktop_quote(argument: str) -> str:
    """Quote one argument of a desktop entry's ``Exec`` key (freedesktop Desktop Entry spec)."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`="):
        return argument
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'.replace("%", "%%")


def desktop_entry(command: Sequence[str]) -> str:
    """The text of the XDG autostart file."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Pain Journal\n"
        "Comment=Reminders to log your day, in the tray\n"
        f"Exec={' '.join(_desktop_quote(a) for a in command)}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def launch_agent(command: Sequence[str]) -> bytes:
    """The LaunchAgent property list for macOS."""
    return plistlib.dumps(
        {
            "Label": LAUNCH_AGENT_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
    )


def entry_path(*, platform: str = sys.platform, env: Mapping[str, str] | None = None, home: Path | None = None) -> Path | None:
    """Where the autostart file lives, or None on Windows (a registry value instead)."""
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    if platform == "win32":
        return None
    if platform == "darwin":
        return home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
    config = env.get("XDG_CONFIG_HOME") or str(home / ".config")
    return Path(config) / "autostart" / DESKTOP_FILE_NAME


def enable(command: Sequence[str], *, platform: str = sys.platform) -> str:
    """Write the autostart entry; returns where it went (a path, or the registry key)."""
    path = entry_path(platform=platform)
    if path is None:
        _windows_run_value(" ".join(f'"{a}"' for a in command))
        return f"HKEY_CURRENT_USER\\{WINDOWS_RUN_KEY}"
    data = launch_agent(command) if platform == "darwin" else desktop_entry(command).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)  # never a half-written entry
    return str(path)


def disable(*, platform: str = sys.platform) -> bool:
    """Remove the autostart entry; True if there was one."""
    path = entry_path(platform=platform)
    if path is None:
        return _windows_run_value(None)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def is_enabled(*, platform: str = sys.platform) -> bool:
    path = entry_path(platform=platform)
    if path is None:
        return _windows_has_run_value()
    return path.exists()


if sys.platform == "win32":  # the type checker reads winreg only for Windows

    def _windows_run_value(value: str | None) -> bool:  # pragma: no cover - Windows only
        """Set (or with None delete) the Run value; True if something changed."""
        import winreg

        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
            if value is not None:
                winreg.SetValueEx(key, WINDOWS_VALUE_NAME, 0, winreg.REG_SZ, value)
                return True
            try:
                winreg.DeleteValue(key, WINDOWS_VALUE_NAME)
            except FileNotFoundError:
                return False
            return True

    def _windows_has_run_value() -> bool:  # pragma: no cover - Windows only
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
                winreg.QueryValueEx(key, WINDOWS_VALUE_NAME)
        except FileNotFoundError:
            return False
        return True

else:

    def _windows_run_value(value: str | None) -> bool:
        raise OSError("the Run key exists only on Windows")

    def _windows_has_run_value() -> bool:
        raise OSError("the Run key exists only on Windows")
