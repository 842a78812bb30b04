"""The log-in entry: written where each platform looks for it, removed without a trace."""

from __future__ import annotations

import configparser
import plistlib
from pathlib import Path

from journal.app import autostart


def test_linux_entry_goes_to_the_xdg_config_folder_and_goes_away(private_home: Path) -> None:
    command = autostart.tray_command(Path("/home/ann/My Journal/journal.sqlite3"), platform="linux", python="/usr/bin/python3")
    where = autostart.enable(command, platform="linux")
    path = private_home / "config" / "autostart" / "pain-journal.desktop"
    assert where == str(path) and autostart.is_enabled(platform="linux")
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Pain Journal"
    assert desktop["Exec"] == '/usr/bin/python3 -m journal --tray --db "/home/ann/My Journal/journal.sqlite3"'
    assert not list(path.parent.glob("*.partial"))
    assert autostart.disable(platform="linux") is True
    assert not path.exists() and not autostart.is_enabled(platform="linux")
    assert autostart.disable(platform="linux") is False  # already gone: nothing to do


def test_desktop_exec_quoting_escapes_special_characters() -> None:
    line = autostart.desktop_entry(["/opt/py $x/python", "--db", 'a"b%c']).splitlines()
    # The Exec quoting escapes "$" and '"' with a backslash, and the string rules of every
    # key value then write each backslash twice (Desktop Entry specification, "The Exec key").
    assert 'Exec="/opt/py \\\\$x/python" --db "a\\\\"b%%c"' in line


def test_macos_launch_agent_runs_at_load(tmp_path: Path) -> None:
    path = autostart.entry_path(platform="darwin", home=tmp_path)
    assert path == tmp_path / "Library" / "LaunchAgents" / "org.pain-journal.tray.plist"
    agent = plistlib.loads(autostart.launch_agent(["/usr/bin/python3", "-m", "journal", "--tray"]))
    assert agent["RunAtLoad"] is True and agent["Label"] == "org.pain-journal.tray"
    assert agent["ProgramArguments"] == ["/usr/bin/python3", "-m", "journal", "--tray"]


def test_windows_uses_pythonw_and_the_run_key() -> None:
    command = autostart.tray_command(None, platform="win32", python=r"C:\Python311\python.exe")
    assert command == [r"C:\Python311\pythonw.exe", "-m", "journal", "--tray"]
    assert autostart.entry_path(platform="win32") is None  # a registry value, not a file


def test_tray_flag_is_understood_by_the_command_line() -> None:
    from journal.cli import build_parser

    assert build_parser().parse_args(["--tray"]).tray is True
