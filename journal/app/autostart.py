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

from journal.core.errors import UserError

DESKTOP_FILE_NAME: Final = "pain-journal.desktop"
LAUNCH_AGENT_LABEL: Final = "org.pain-journal.tray"
WINDOWS_RUN_KEY: Final = r"Software\Microsoft\Windows\CurrentVersion\Run"
WINDOWS_VALUE_NAME: Final = "Pain Journal"
TRAY_FLAG: Final = "--tray"


def tray_command(
    database: Path | None = None,
    *,
    platform: str = sys.platform,
    python: str = sys.executable,
    frozen: bool | None = None,
) -> list[str]:
    """The command that starts Pain Journal in the tray (``--db`` pins the journal it opens).

    In a bundle (``sys.frozen``) that is the bundle's own program, which takes
    no ``-m``; otherwise this Python with ``-m journal``.
    """
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    if frozen:
        command = [python, TRAY_FLAG]
    else:
        if platform == "win32" and python.lower().endswith("python.exe"):
            python = python[: -len("python.exe")] + "pythonw.exe"
        command = [python, "-m", "journal", TRAY_FLAG]
    if database is not None:
        command += ["--db", str(database)]
    return command


# Characters the Desktop Entry specification reserves inside an Exec argument.
_EXEC_RESERVED: Final = frozenset(" \t\n\"'\\><~|&;$*?#()`")


class EntryError(UserError):
    """The log-in entry cannot be written as asked; nothing was written."""


def quote_exec_argument(argument: str) -> str:
    """One argument of an ``Exec`` line, quoted as the Desktop Entry specification asks.

    ``%`` is doubled (field codes such as ``%f`` and ``%u``); arguments with
    reserved characters are put in double quotes with ``"``, `````, ``$`` and
    ``\\`` escaped; the whole key value is then escaped once more as a string,
    so each backslash is written twice.

    Raises:
        EntryError: the argument holds a line break or another control
            character, which no entry can carry (a line break would end the
            ``Exec`` line and start another key).
    """
    if any(ord(char) < 0x20 and char != "\t" or ord(char) == 0x7F for char in argument):
        raise EntryError(
            f"The path {argument!r} contains a line break or another control character, so Pain Journal "
            "cannot start from it when you log in. Move or rename it to a name without one; nothing was written."
        )
    argument = argument.replace("%", "%%")
    if not argument or any(char in _EXEC_RESERVED for char in argument):
        inner = "".join("\\" + char if char in '"`$\\' else char for char in argument)
        argument = f'"{inner}"'
    return argument.replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    """The text of the XDG autostart file.

    Raises:
        EntryError: an argument cannot be written into an entry (see :func:`quote_exec_argument`).
    """
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=Pain Journal\n"
        "Comment=Reminders to log your day, in the tray\n"
        f"Exec={' '.join(quote_exec_argument(a) for a in command)}\n"
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
    config = env.get("XDG_CONFIG_HOME", "")
    # The base directory specification: a relative path "is invalid and should be ignored".
    base = Path(config) if config and Path(config).is_absolute() else home / ".config"
    return base / "autostart" / DESKTOP_FILE_NAME


def enable(command: Sequence[str], *, platform: str = sys.platform) -> str:
    """Write the autostart entry; returns where it went (a path, or the registry key).

    The file is written whole or not at all, owner-only (0600) whatever the
    umask, through a new temporary file with an unpredictable name (never a
    planted file or link); folders created for it are 0700.

    Raises:
        EntryError: the command cannot be written into an entry.
        UserError: the folder cannot be written (it names the folder; nothing was written).
    """
    path = entry_path(platform=platform)
    if path is None:
        _windows_run_value(" ".join(f'"{a}"' for a in command))
        return f"HKEY_CURRENT_USER\\{WINDOWS_RUN_KEY}"
    data = launch_agent(command) if platform == "darwin" else desktop_entry(command).encode("utf-8")
    from journal.files.atomic import make_private_dirs, write_bytes_atomically

    try:
        make_private_dirs(path.parent)
    except OSError:
        raise UserError(
            f"Could not create the folder {path.parent} for the log-in entry: you may not write there. "
            "Pain Journal will not start when you log in; nothing was written."
        ) from None
    if not path.parent.is_dir():
        raise UserError(
            f"Could not write the log-in entry: {path.parent} is a file, not a folder. "
            "Pain Journal will not start when you log in; nothing was written."
        )
    if not os.access(path.parent, os.W_OK):
        raise UserError(
            f"Could not write the log-in entry in {path.parent}: that folder is read-only for you. "
            "Pain Journal will not start when you log in; nothing was written."
        )
    write_bytes_atomically(path, data)
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
